/**
 * Test helper: real raw records of the dvc-2026 capture, read from `../shared/datasets/dvc-2026`
 * beside the repository. A clone without them (a contributor's machine) skips the tests that read
 * them, with a note; CI sets REQUIRE_DATASET=1, so there their absence fails instead.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe } from "vitest";
import { type RawRecord, rawRecord } from "../../../src/catalogue/import/raw-record.ts";

export const DATASET_DIR = resolve(import.meta.dirname, "../../../../shared/datasets/dvc-2026");

const present = existsSync(DATASET_DIR);
if (!present && process.env.REQUIRE_DATASET === "1")
  throw new Error(`REQUIRE_DATASET=1 but the raw records are not at ${DATASET_DIR}`);
if (!present)
  console.warn(`Raw records not found at ${DATASET_DIR}: the importer's tests that read them are skipped.`);

/** `describe` for tests that read raw records: skipped when they are not beside the repository. */
export const describeRaw = describe.skipIf(!present);

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
