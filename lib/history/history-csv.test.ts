import { describe, expect, it } from "vitest";
import type { HistoryEntry } from "./types";
import { csvCell, historyCsvHeader, historyCsvLine } from "./history-csv";

/** A strict RFC 4180 reader, to check that what Wharf writes reads back as the same cells. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') [cell, i] = [cell + '"', i + 1];
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell === "") quoted = true;
    else if (c === ",") [row, cell] = [[...row, cell], ""];
    else if (c === "\r" && text[i + 1] === "\n")
      [rows[rows.length], row, cell, i] = [[...row, cell], [], "", i + 1];
    else if (c === '"' || c === "\r" || c === "\n") throw new Error(`bare ${JSON.stringify(c)} at ${i}`);
    else cell += c;
  }
  if (quoted || cell !== "" || row.length > 0) throw new Error("the last line is not terminated by CRLF");
  return rows;
}

const entry: HistoryEntry = {
  id: 7,
  at: "2025-03-01T10:00:00.000Z",
  actor: "alice",
  source: "ui",
  action: "redeploy",
  hostId: "alpha",
  containerName: "api",
  containerIdBefore: "3f2a9c",
  containerIdAfter: "9d8e7f",
  imageRefBefore: "localhost/api:1",
  imageRef: "localhost/api:1",
  imageIdBefore: "sha256:1111",
  imageIdAfter: "sha256:2222",
  digestBefore: "sha256:aaaa",
  digestAfter: "sha256:bbbb",
  configDiff: [{ field: "Config.Env", added: [], removed: [], changed: ["A"] }],
  outcome: "succeeded",
  error: null,
  durationMs: 1234,
  crashedAfter: false,
  detail: null,
  project: null,
  service: null,
  provenanceBefore: null,
  provenanceAfter: null,
  steps: [],
  incidentIds: [7],
};

describe("the history CSV", () => {
  it("has a header naming the API's fields and one CRLF-terminated line per entry", () => {
    const text = historyCsvHeader() + historyCsvLine(entry);
    const [header, line] = parseCsv(text);
    expect(header).toEqual([
      "id",
      "at",
      "actor",
      "source",
      "action",
      "hostId",
      "containerName",
      "imageRef",
      "digestBefore",
      "digestAfter",
      "outcome",
      "durationMs",
      "crashedAfter",
      "error",
      "containerIdBefore",
      "containerIdAfter",
      "imageIdBefore",
      "imageIdAfter",
      "configDiff",
      "detail",
      "project",
      "service",
      "provenanceBefore",
      "provenanceAfter",
      "steps",
      "imageRefBefore",
      "incidentIds",
    ]);
    expect(Object.fromEntries(header!.map((name, i) => [name, line![i]]))).toMatchObject({
      id: "7",
      at: entry.at,
      hostId: "alpha",
      outcome: "succeeded",
      durationMs: "1234",
      crashedAfter: "false",
      error: "",
      configDiff: '[{"field":"Config.Env","added":[],"removed":[],"changed":["A"]}]',
      imageRefBefore: "localhost/api:1",
      incidentIds: "[7]",
    });
  });

  it("quotes commas, quotes and line breaks so every cell reads back whole", () => {
    const error = 'pull "localhost/api:2" failed,\r\nmanifest unknown\nretry';
    const line = historyCsvLine({ ...entry, error, outcome: null, crashedAfter: null, durationMs: null });
    expect(line.endsWith("\r\n")).toBe(true);
    const [cells] = parseCsv(line);
    expect(cells).toHaveLength(27);
    expect(cells![13]).toBe(error);
    expect(cells!.slice(10, 13)).toEqual(["", "", ""]);
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell("plain text")).toBe("plain text");
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
    expect(parseCsv(historyCsvLine({ ...entry, error: "exit 1\r\nsee log" }))[0]![13]).toBe(
      "exit 1\r\nsee log",
    );
  });

  it("defuses text a spreadsheet would run as a formula, and leaves numbers alone", () => {
    expect(csvCell('=HYPERLINK("http://evil","x")')).toBe('"\'=HYPERLINK(""http://evil"",""x"")"');
    expect(csvCell("+1")).toBe("'+1");
    expect(csvCell("-2+3")).toBe("'-2+3");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("\t=1")).toBe("'\t=1");
    expect(csvCell("=1,2")).toBe('"\'=1,2"');
    expect(csvCell("a=1")).toBe("a=1");
    expect(csvCell(-5)).toBe("-5");
    const [cells] = parseCsv(historyCsvLine({ ...entry, actor: "=cmd|' /C calc'!A0", error: "@import" }));
    expect(cells![2]).toBe("'=cmd|' /C calc'!A0");
    expect(cells![13]).toBe("'@import");
  });
});
