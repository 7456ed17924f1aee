import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { convertRecord } from "../../../src/catalogue/import/convert.ts";
import { datasetOf, procedureYaml, SCHEMA_COMMENT } from "../../../src/catalogue/import/yaml-file.ts";
import { procedure } from "../../../src/catalogue/schema.ts";
import { describeRaw, rawRecordOf } from "./raw-records.ts";

describeRaw("procedureYaml", () => {
  // Read in beforeAll: a skipped suite's body still runs (to collect its tests).
  let record: ReturnType<typeof procedure.parse>;
  let text: string;
  beforeAll(() => {
    record = procedure.parse(
      convertRecord(rawRecordOf("1.004222"), { dataset: "dvc-2026", capturedAt: "2026-07" }),
    );
    text = procedureYaml(record);
  });

  it("starts with the schema comment and reads back to the same record", () => {
    expect(text.startsWith(`${SCHEMA_COMMENT}\n`)).toBe(true);
    expect(SCHEMA_COMMENT).toBe("# yaml-language-server: $schema=../schema/procedure.schema.json");
    expect(parse(text)).toEqual(record);
  });

  it("writes multi-line text as block literals and does not fold long lines", () => {
    expect(text).toMatch(/\n {2}papers: \|-\n/);
    expect(text.split("\n").some((line) => line.length > 300)).toBe(true);
    expect(text).toContain('code: "1.004222"');
  });

  it("gives the same bytes every time", () => {
    expect(procedureYaml(structuredClone(record))).toBe(text);
  });
});

describe("datasetOf", () => {
  it("reads source.dataset without parsing the file", () => {
    expect(
      datasetOf("code: x\nsource:\n  url: https://a\n  decision: null\n  dataset: dvc-2026\nstatus: {}\n"),
    ).toBe("dvc-2026");
    expect(datasetOf('source:\n  url: "https://a"\n  dataset: "manual"\n')).toBe("manual");
  });

  it("gives null when there is no source.dataset (such a file is left alone)", () => {
    expect(datasetOf("code: x\nname: y\n")).toBeNull();
    expect(datasetOf("source:\n  url: https://a\nother:\n  dataset: dvc-2026\n")).toBeNull();
  });
});
