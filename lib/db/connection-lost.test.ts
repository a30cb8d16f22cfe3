import { describe, expect, it } from "vitest";
import { isConnectionLost, unavailableIfConnectionLost } from "./connection-lost";

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

describe("isConnectionLost", () => {
  it.each([
    ["a refused connect", withCode("connect ECONNREFUSED 127.0.0.1:5432", "ECONNREFUSED")],
    ["a reset socket", withCode("read ECONNRESET", "ECONNRESET")],
    ["pg_terminate_backend", withCode("terminating connection due to administrator command", "57P01")],
    ["a server shutting down", withCode("the database system is shutting down", "57P03")],
    ["a connection exception", withCode("connection failure", "08006")],
    ["a socket closed under a query", new Error("Connection terminated unexpectedly")],
    ["a connect that timed out", new Error("timeout exceeded when trying to connect")],
    [
      "a client used after it lost its socket",
      new Error("Client has encountered a connection error and is not queryable"),
    ],
    ["a refused dual-stack connect", new AggregateError([withCode("", "ECONNREFUSED")], "")],
  ])("knows %s", (_, error) => {
    expect(isConnectionLost(error)).toBe(true);
  });

  it.each([
    ["a unique violation", withCode('duplicate key value violates unique constraint "users_pkey"', "23505")],
    ["a syntax error", withCode('syntax error at or near "SELEC"', "42601")],
    ["a Wharf error", new Error("No such container")],
    ["a string", "Connection terminated"],
  ])("leaves %s alone", (_, error) => {
    expect(isConnectionLost(error)).toBe(false);
    expect(unavailableIfConnectionLost(error, "db:5432")).toBe(error);
  });

  it("says which database, why, and that the next request tries again", () => {
    expect(
      unavailableIfConnectionLost(withCode("connect ECONNREFUSED 10.0.0.5:5432", "ECONNREFUSED"), "db:5432"),
    ).toMatchObject({
      code: "UNAVAILABLE",
      message:
        "The database at db:5432 is unreachable: connection refused (is PostgreSQL running and listening there?); Wharf retries on the next request",
    });
  });
});
