import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach, beforeEach, expect, it } from "vitest";
import { parse } from "yaml";
import { importDataset } from "../../../src/catalogue/import/import.ts";
import { procedure } from "../../../src/catalogue/schema.ts";
import { DATASET_DIR, describeRaw, rawPath } from "./raw-records.ts";

const CODES = [
  "1.001193",
  "1.004222",
  "2.000815",
  "1.014063",
  "3.000347",
  "1.013831",
  "2.001610",
  "1.001613",
];

let work: string;
let source: string;
let procedures: string;

async function copyRecords(codes: readonly string[]): Promise<void> {
  for (const code of codes) {
    const relative = rawPath(code);
    await mkdir(join(source, dirname(relative)), { recursive: true });
    await copyFile(join(DATASET_DIR, relative), join(source, relative));
  }
}

const options = () => ({
  sourceDir: source,
  proceduresDir: procedures,
  dataset: "dvc-2026",
  capturedAt: "2026-07",
});

/** Every file under `dir`, relative path → bytes. */
async function snapshot(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) {
      const path = join(entry.parentPath, entry.name);
      out.set(path.slice(dir.length + 1), await readFile(path, "utf8"));
    }
  }
  return new Map([...out].sort(([a], [b]) => (a < b ? -1 : 1)));
}

beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), "import-test-"));
  source = join(work, "source");
  procedures = join(work, "procedures");
  await copyRecords(CODES);
});

afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

describeRaw("importDataset", () => {
  it("writes one valid YAML file per record in its field folder, with the schema comment first", async () => {
    const summary = await importDataset(options());
    expect(summary).toMatchObject({
      read: 8,
      written: 8,
      unchanged: 0,
      removed: [],
      invalid: [],
      skipped: [],
    });
    const files = await snapshot(procedures);
    expect([...files.keys()]).toEqual([
      "cap-quan-ly-can-cuoc/1.014063.yaml",
      "chung-thuc/2.000815.yaml",
      "dang-ky-quan-ly-cu-tru/1.004222.yaml",
      "dat-dai/1.013831.yaml",
      "ho-tich/1.001193.yaml",
      "sat-hach-cap-giay-phep-lai-xe/3.000347.yaml",
      "thanh-lap-va-hoat-dong-cua-doanh-nghiep/2.001610.yaml",
      "thuc-hien-chinh-sach-bhxh/1.001613.yaml",
    ]);
    for (const [path, text] of files) {
      expect(text.split("\n")[0]).toBe("# yaml-language-server: $schema=../schema/procedure.schema.json");
      const record = procedure.parse(parse(text));
      expect(path.endsWith(`/${record.code}.yaml`)).toBe(true);
    }
  });

  it("is deterministic: a second import changes no byte and reports every file unchanged", async () => {
    await importDataset(options());
    const first = await snapshot(procedures);
    const again = await importDataset(options());
    expect(again).toMatchObject({ read: 8, written: 0, unchanged: 8, removed: [] });
    expect(await snapshot(procedures)).toEqual(first);

    // A fresh import into another folder gives the same bytes too.
    const other = join(work, "other");
    await importDataset({ ...options(), proceduresDir: other });
    expect(await snapshot(other)).toEqual(first);
  });

  it("never touches curated overlays, the locality file, the schemas or hand-written procedures", async () => {
    await importDataset(options());
    const curated = 'code: "1.001193"\naliases: [làm giấy khai sinh]\n';
    const manual =
      '# hand-written\ncode: "3.000722"\nname: Liên thông khai sinh\nsource:\n  url: https://dichvucong.gov.vn/\n  dataset: manual\n';
    const clash = 'code: "1.004222"\nsource:\n  url: https://example.org/\n  dataset: manual\n';
    await mkdir(join(procedures, "curated"), { recursive: true });
    await mkdir(join(procedures, "schema"), { recursive: true });
    await writeFile(join(procedures, "curated", "1.001193.yaml"), curated);
    await writeFile(join(procedures, "curated", "9.999999.yaml"), curated);
    await writeFile(join(procedures, "schema", "procedure.schema.json"), "{}");
    await writeFile(join(procedures, "locality.yaml"), "example: true\n");
    await writeFile(join(procedures, "ho-tich", "3.000722.yaml"), manual);
    await writeFile(join(procedures, "dang-ky-quan-ly-cu-tru", "1.004222.yaml"), clash);

    const summary = await importDataset(options());
    expect(summary.skipped).toEqual([
      { file: "dang-ky-quan-ly-cu-tru/1.004222.yaml", problem: 'held by dataset "manual", left alone' },
    ]);
    expect(summary.removed).toEqual([]);
    expect(await readFile(join(procedures, "curated", "1.001193.yaml"), "utf8")).toBe(curated);
    expect(await readFile(join(procedures, "curated", "9.999999.yaml"), "utf8")).toBe(curated);
    expect(await readFile(join(procedures, "schema", "procedure.schema.json"), "utf8")).toBe("{}");
    expect(await readFile(join(procedures, "locality.yaml"), "utf8")).toBe("example: true\n");
    expect(await readFile(join(procedures, "ho-tich", "3.000722.yaml"), "utf8")).toBe(manual);
    expect(await readFile(join(procedures, "dang-ky-quan-ly-cu-tru", "1.004222.yaml"), "utf8")).toBe(clash);
  });

  it("removes the files of imported records that vanished from the source, and only those", async () => {
    await importDataset(options());
    await rm(join(source, rawPath("2.000815")));
    await rm(join(source, rawPath("3.000347")));
    const manual = 'code: "3.000722"\nsource:\n  dataset: manual\n';
    await writeFile(join(procedures, "ho-tich", "3.000722.yaml"), manual);

    const summary = await importDataset(options());
    expect(summary.removed).toEqual([
      "chung-thuc/2.000815.yaml",
      "sat-hach-cap-giay-phep-lai-xe/3.000347.yaml",
    ]);
    const files = [...(await snapshot(procedures)).keys()];
    expect(files).not.toContain("chung-thuc/2.000815.yaml");
    expect(files).toContain("ho-tich/3.000722.yaml");
    // The emptied field folders go too.
    expect(await readdir(procedures)).not.toContain("chung-thuc");
  });

  it("reports a record that fails validation instead of dropping it silently, and keeps its old file", async () => {
    await importDataset(options());
    const path = join(source, rawPath("1.014063"));
    const raw = JSON.parse(await readFile(path, "utf8"));
    await writeFile(path, JSON.stringify({ ...raw, detail_url: "not a url" }));
    await writeFile(join(source, rawPath("1.001193").replace("1.001193", "9.000001")), "{ not json");

    const summary = await importDataset(options());
    expect(summary.invalid.map((p) => p.file).sort()).toEqual(
      [rawPath("1.014063"), rawPath("1.001193").replace("1.001193", "9.000001")].sort(),
    );
    expect(summary.invalid.find((p) => p.file === rawPath("1.014063"))!.problem).toContain("detail_url");
    expect(summary.removed).toEqual([]);
    expect(summary.read).toBe(9);
    expect([...(await snapshot(procedures)).keys()]).toContain("cap-quan-ly-can-cuoc/1.014063.yaml");
  });

  it("refuses a folder without records instead of removing every imported file", async () => {
    await importDataset(options());
    const before = await snapshot(procedures);
    const empty = join(work, "empty");
    await mkdir(empty);
    await expect(importDataset({ ...options(), sourceDir: empty })).rejects.toThrow(/no raw records/);
    await expect(importDataset({ ...options(), sourceDir: join(work, "missing") })).rejects.toThrow(
      /cannot read the dataset folder/,
    );
    expect(await snapshot(procedures)).toEqual(before);
  });
});
