import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { closeDb, getDb } from "@/lib/db/db";
import { exportHistoryCsv } from "./export-history-csv";
import { pluck } from "@/lib/db/sqlite-statements";

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "wharf-csv-"));
  process.env.DATA_DIR = dir;
});
afterEach(() => {
  closeDb();
  delete process.env.DATA_DIR;
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("exportHistoryCsv", () => {
  it("streams every matching row once, newest first, across its internal pages", async () => {
    const db = getDb();
    // 60 rows a minute: the export's pages of 1000 end in the middle of runs of equal times.
    db.exec(`
      WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 2499)
      INSERT INTO deploy_history (at, actor, source, action, host_id, container_name, outcome)
      SELECT printf('2025-03-01T10:%02d:00.000Z', i / 60), 'alice', 'ui', 'redeploy', 'alpha',
             CASE WHEN i % 5 = 0 THEN 'worker' ELSE 'api' END, 'succeeded'
      FROM n`);

    const response = await exportHistoryCsv({ container: "api" });
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="wharf-history.csv"');
    const lines = (await response.text()).split("\r\n");
    expect(lines.at(-1)).toBe("");
    expect(lines[0]).toMatch(/^id,at,actor,/);
    const ids = lines.slice(1, -1).map((line) => Number(line.split(",")[0]));
    const expected = pluck(
      db.prepare("SELECT id FROM deploy_history WHERE container_name = 'api' ORDER BY at DESC, id DESC"),
    ).all();
    expect(ids).toHaveLength(2000);
    expect(ids).toEqual(expected);
  });

  it("sends the header alone when nothing matches, and a 404 for a host not in the fleet", async () => {
    expect(await (await exportHistoryCsv({ actor: "nobody" })).text()).toMatch(/^id,at,[^\r\n]*\r\n$/);
    await expect(exportHistoryCsv({ host: "nowhere" })).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: 'Host "nowhere" is not in the fleet',
    });
  });
});
