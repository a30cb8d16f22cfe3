import { describe, expect, it } from "vitest";
import { dialects } from "@/tests/support/dialects";
import { databaseConfig } from "./database-config";
import { openPostgres } from "./open-postgres";

describe("openPostgres", () => {
  it("answers UNAVAILABLE naming the host and the reason when nothing listens there", async () => {
    await expect(openPostgres("postgres://wharf@127.0.0.1:1/x", "127.0.0.1:1")).rejects.toMatchObject({
      code: "UNAVAILABLE",
      message:
        "Cannot use the database at 127.0.0.1:1: connection refused (is PostgreSQL running and listening there?)",
    });
  });

  it.each(dialects.filter((d) => d === "postgres"))(
    "tells what the %s server said of a database it does not have",
    async () => {
      const url = new URL(process.env.WHARF_TEST_DATABASE_URL!);
      url.pathname = "/dbf_no_such_database";
      const host = `${url.hostname}:${url.port}`;
      await expect(openPostgres(url.toString(), host)).rejects.toMatchObject({
        code: "UNAVAILABLE",
        message: `Cannot use the database at ${host}: database "dbf_no_such_database" does not exist`,
      });
    },
  );
});

describe("databaseConfig", () => {
  it("keeps the embedded database under DATA_DIR when DATABASE_URL is unset or empty", () => {
    expect(databaseConfig({ DATA_DIR: "/srv/wharf", DATABASE_URL: "" })).toEqual({
      dialect: "sqlite",
      dir: "/srv/wharf",
      file: "/srv/wharf/wharf.db",
    });
  });

  it("reads a postgres:// URL and names its host without the password", () => {
    expect(databaseConfig({ DATABASE_URL: "postgresql://wharf:pw@db.internal/wharf" })).toEqual({
      dialect: "postgres",
      url: "postgresql://wharf:pw@db.internal/wharf",
      host: "db.internal:5432",
    });
  });

  it("refuses what is not a PostgreSQL URL, by name", () => {
    expect(() => databaseConfig({ DATABASE_URL: "sqlite:./x.db" })).toThrow(
      "DATABASE_URL must start with postgres:// (got sqlite://)",
    );
    expect(() => databaseConfig({ DATABASE_URL: "not a url" })).toThrow("DATABASE_URL is not a URL");
  });
});
