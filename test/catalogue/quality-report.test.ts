import { expect, it } from "vitest";
import { convertRecord } from "../../src/catalogue/import/convert.ts";
import { formatQualityReport, qualityReport } from "../../src/catalogue/quality-report.ts";
import type { ProcedureRecord } from "../../src/catalogue/schema.ts";
import { describeRaw, rawRecordOf } from "./import/raw-records.ts";

const FROM = { dataset: "dvc-2026", capturedAt: "2026-07" };
const record = (code: string): ProcedureRecord => convertRecord(rawRecordOf(code), FROM);

/** A record whose sections have official text but no parsed structure at all. */
function unparsed(code: string): ProcedureRecord {
  return {
    ...record("1.001193"),
    code,
    channels: [],
    cases: [],
    legalBasis: [],
    results: [],
    official: { channels: "x", papers: "y", legalBasis: "z", result: "r" },
    parseIssues: ["papers: no table of papers recognised"],
    reviewed: true,
  };
}

describeRaw("qualityReport", () => {
  it("counts parsed papers, fees, times and unknowns over real records", () => {
    const report = qualityReport(["1.001193", "1.004222", "3.000347", "2.000815"].map(record));
    expect(report).toMatchObject({
      procedures: 4,
      reviewed: 0,
      withPapers: 4,
      // 1.001193 free, 1.004222 amounts, 2.000815 an amount; 3.000347 has only unknown fees.
      withFees: 3,
      // 1.004222 and 3.000347 give days; 1.001193 has no unit, 2.000815 no time.
      withTimes: 2,
      withLegalBasis: 4,
      withResults: 4,
      unknowns: { time: 2, fee: 2, noChannel: 0, noPaper: 0 },
      withParseIssues: 2,
      issuesBySection: { channels: 2 },
      notParsed: { channels: [], papers: [], legalBasis: [], result: [] },
    });
  });

  it("lists the codes that could not be parsed at all, by section, sorted", () => {
    const report = qualityReport([unparsed("2.000002"), unparsed("1.000001"), record("1.004222")]);
    expect(report.notParsed).toEqual({
      channels: ["1.000001", "2.000002"],
      papers: ["1.000001", "2.000002"],
      legalBasis: ["1.000001", "2.000002"],
      result: ["1.000001", "2.000002"],
    });
    expect(report.reviewed).toBe(2);
    expect(report.unknowns.noChannel).toBe(2);
    expect(report.issuesBySection).toEqual({ papers: 2 });
  });

  it("formats the figures with shares and the unparsed codes", () => {
    const text = formatQualityReport(qualityReport([unparsed("1.000001"), record("1.004222")]));
    expect(text).toContain("Catalogue quality: 2 procedures, 1 reviewed by a person");
    expect(text).toMatch(/with parsed papers: +1 \(50\.0%\)/);
    expect(text).toMatch(/papers: +1 {2}1\.000001/);
  });
});
