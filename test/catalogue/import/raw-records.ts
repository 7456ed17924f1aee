/** Test helper: real raw records of the dvc-2026 capture, read from `../shared/datasets/dvc-2026`. */
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { type RawRecord, rawRecord } from "../../../src/catalogue/import/raw-record.ts";

export const DATASET_DIR = resolve(import.meta.dirname, "../../../../shared/datasets/dvc-2026");

const folders = () => readdirSync(DATASET_DIR, { withFileTypes: true }).filter((e) => e.isDirectory());

/** Path of a record, relative to the dataset folder ("bo-tu-phap/1.001193.json"). */
export function rawPath(code: string): string {
  for (const folder of folders()) {
    const file = join(folder.name, `${code}.json`);
    try {
      readFileSync(join(DATASET_DIR, file));
      return file;
    } catch {}
  }
  throw new Error(`no raw record ${code} in ${DATASET_DIR}`);
}

export function rawRecordOf(code: string): RawRecord {
  return rawRecord.parse(JSON.parse(readFileSync(join(DATASET_DIR, rawPath(code)), "utf8")));
}
