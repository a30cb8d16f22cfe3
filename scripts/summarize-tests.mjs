// Prints one closing line per suite and one with the totals, from the runners' JSON reports (scripts/test.sh names
// them: unit.json, integration-sqlite.json, integration-postgres.json, e2e.json).
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";

const [dir, seconds] = process.argv.slice(2);
/** What each report ran, and on which database. */
const names = {
  "unit.json": "unit (SQLite and PostgreSQL)",
  "integration-sqlite.json": "integration on SQLite",
  "integration-postgres.json": "integration on PostgreSQL",
  "e2e.json": "end-to-end on SQLite",
};
let passed = 0;
let failed = 0;
console.log("");
for (const file of readdirSync(dir)
  .filter((name) => name.endsWith(".json"))
  .sort()) {
  const report = JSON.parse(readFileSync(path.join(dir, file), "utf8"));
  let ok = 0;
  let bad = 0;
  if ("numPassedTests" in report) {
    ok = report.numPassedTests;
    bad = report.numFailedTests;
  } else if (report.stats) {
    ok = report.stats.expected + report.stats.flaky;
    bad = report.stats.unexpected;
  }
  console.log(`${names[file] ?? file}: ${ok} passed, ${bad} failed`);
  passed += ok;
  failed += bad;
}
console.log(`all suites finished in ${seconds} s`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
