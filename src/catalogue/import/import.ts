/**
 * The importer: reads every raw record of a dataset folder, converts and validates it, and writes
 * `procedures/<field-slug>/<code>.yaml`. It never touches curated overlays, the locality file, the
 * JSON Schemas or procedure files of another dataset (hand-written ones); it removes only files of
 * this dataset whose record vanished from the source.
 */
import { mkdir, readdir, readFile, rm, rmdir, writeFile } from "node:fs/promises";
import { basename, join } from "node:path";
import { fieldSlug } from "../field-slug.ts";
import { type ProcedureRecord, procedure } from "../schema.ts";
import { convertRecord, type ImportSource } from "./convert.ts";
import { rawRecord } from "./raw-record.ts";
import { datasetOf, procedureYaml } from "./yaml-file.ts";

/** Top-level entries of `procedures/` that are never field folders. */
const RESERVED = new Set(["curated", "questions", "schema"]);

export interface ImportOptions extends ImportSource {
  sourceDir: string;
  proceduresDir: string;
}

export interface ImportProblem {
  file: string;
  problem: string;
}

export interface ImportSummary {
  read: number;
  written: number;
  unchanged: number;
  removed: string[];
  /** Records that failed the raw or the procedure schema: reported, never written. */
  invalid: ImportProblem[];
  /** Paths left alone because a file of another dataset already holds that code. */
  skipped: ImportProblem[];
  procedures: ProcedureRecord[];
}

export async function importDataset(options: ImportOptions): Promise<ImportSummary> {
  const files = await listRawFiles(options.sourceDir);
  // A wrong folder must not look like a dataset whose records all vanished.
  if (files.length === 0)
    throw new ImportError(`no raw records (<ministry>/<code>.json) in ${options.sourceDir}`);
  const invalid: ImportProblem[] = [];
  const skipped: ImportProblem[] = [];
  const procedures: ProcedureRecord[] = [];
  const targets = new Map<string, string>(); // relative path → yaml text
  const seenCodes = new Map<string, string>();

  for (const file of files) {
    const json = await readJson(join(options.sourceDir, file));
    const raw = rawRecord.safeParse(json.value);
    if (json.error !== null || !raw.success) {
      invalid.push({ file, problem: json.error ?? formatIssues(raw.error?.issues ?? []) });
      continue;
    }
    const converted = convertRecord(raw.data, options);
    const checked = procedure.safeParse(converted);
    if (!checked.success) {
      invalid.push({ file, problem: formatIssues(checked.error.issues) });
      continue;
    }
    const record = checked.data;
    const earlier = seenCodes.get(record.code);
    if (earlier !== undefined) {
      invalid.push({ file, problem: `code ${record.code} already imported from ${earlier}` });
      continue;
    }
    seenCodes.set(record.code, file);
    procedures.push(record);
    targets.set(join(fieldSlug(record.field) || "khac", `${record.code}.yaml`), procedureYaml(record));
  }

  const existing = await listProcedureFiles(options.proceduresDir);
  let written = 0;
  let unchanged = 0;
  for (const [relative, text] of [...targets].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const path = join(options.proceduresDir, relative);
    const before = existing.get(relative);
    if (before !== undefined) {
      const dataset = datasetOf(before);
      if (dataset !== options.dataset) {
        skipped.push({ file: relative, problem: `held by dataset "${dataset ?? "unknown"}", left alone` });
        continue;
      }
      if (before === text) {
        unchanged++;
        continue;
      }
    }
    await mkdir(join(path, ".."), { recursive: true });
    await writeFile(path, text);
    written++;
  }

  // A record that is still in the source but failed validation keeps its previous file.
  const kept = new Set(invalid.map((p) => basename(p.file, ".json")));
  const removed: string[] = [];
  for (const [relative, text] of existing) {
    if (targets.has(relative) || datasetOf(text) !== options.dataset) continue;
    if (kept.has(basename(relative, ".yaml"))) continue;
    await rm(join(options.proceduresDir, relative));
    removed.push(relative);
  }
  await removeEmptyFolders(options.proceduresDir, removed);
  removed.sort();
  return { read: files.length, written, unchanged, removed, invalid, skipped, procedures };
}

function formatIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  return issues.map((i) => `${i.path.map(String).join(".") || "(record)"}: ${i.message}`).join("; ");
}

async function readJson(path: string): Promise<{ value: unknown; error: string | null }> {
  try {
    return { value: JSON.parse(await readFile(path, "utf8")), error: null };
  } catch (error) {
    return { value: null, error: `not readable JSON: ${(error as Error).message}` };
  }
}

/** A problem that stops the import before anything is written. */
export class ImportError extends Error {
  override name = "ImportError";
}

/** `<ministry>/<code>.json` files, sorted. */
async function listRawFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  let entries: import("node:fs").Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    throw new ImportError(`cannot read the dataset folder ${dir}: ${(error as Error).message}`);
  }
  for (const entry of entries) {
    if (!entry.isDirectory()) continue;
    for (const file of await readdir(join(dir, entry.name))) {
      if (file.endsWith(".json")) out.push(join(entry.name, file));
    }
  }
  return out.sort();
}

/** Procedure files already in `procedures/<field>/*.yaml` (not curated, not schema, no overlays). */
async function listProcedureFiles(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  let entries: import("node:fs").Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  for (const entry of entries) {
    if (!entry.isDirectory() || RESERVED.has(entry.name) || entry.name.startsWith(".")) continue;
    for (const file of await readdir(join(dir, entry.name))) {
      if (!file.endsWith(".yaml") || file.endsWith(".curated.yaml")) continue;
      const relative = join(entry.name, file);
      out.set(relative, await readFile(join(dir, relative), "utf8"));
    }
  }
  return out;
}

async function removeEmptyFolders(dir: string, removed: string[]): Promise<void> {
  const folders = new Set(removed.map((r) => r.split("/")[0]!));
  for (const folder of folders) {
    const path = join(dir, folder);
    if ((await readdir(path)).length === 0) await rmdir(path);
  }
}
