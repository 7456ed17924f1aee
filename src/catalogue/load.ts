/**
 * Loads a catalogue folder into the immutable in-memory model, or throws a `CatalogueError` that
 * lists every problem found (not just the first): invalid YAML, schema violations with their field
 * path, misplaced files, duplicate codes, references to codes that do not exist, curated overlays
 * for unknown codes and an invalid locality.
 */
import { createHash } from "node:crypto";
import { CORE_SCHEMA, load as parseYaml, YAMLException } from "js-yaml";
import type { z } from "zod";
import { applyOverlay } from "./apply-overlay.ts";
import type { Catalogue } from "./catalogue.ts";
import { type CatalogueFile, catalogueLabel, listCatalogueFiles, readEach } from "./catalogue-files.ts";
import { CatalogueError, type CatalogueProblem, formatFieldPath, problemsFromZod } from "./errors.ts";
import { fieldSlug } from "./field-slug.ts";
import {
  type CuratedOverlay,
  curatedOverlay,
  type Locality,
  locality as localitySchema,
  type Procedure,
  type ProcedureRecord,
  procedure as procedureSchema,
} from "./schema.ts";
import { unknownKeyPaths } from "./unknown-keys.ts";

interface Parsed<T> {
  readonly file: CatalogueFile;
  readonly value: T;
}

export async function loadCatalogue(dir: string): Promise<Catalogue> {
  const listing = await listCatalogueFiles(dir);
  const problems: CatalogueProblem[] = [...listing.problems];
  const records: Parsed<ProcedureRecord>[] = [];
  const overlays: Parsed<CuratedOverlay>[] = [];
  let locality: Parsed<Locality> | undefined;
  const digests = new Map<string, Buffer>();

  await readEach(
    dir,
    listing.files,
    (file, bytes) => {
      // sha1: a content fingerprint, not a security boundary, and twice as fast as sha256 here.
      digests.set(file.relative, createHash("sha1").update(bytes).digest());
      if (file.kind === "procedure") {
        const value = parseFile(file, bytes, procedureSchema, problems);
        if (value) records.push({ file, value });
      } else if (file.kind === "overlay") {
        const value = parseFile(file, bytes, curatedOverlay, problems);
        if (value) overlays.push({ file, value });
      } else {
        const value = parseFile(file, bytes, localitySchema, problems);
        if (value) locality = { file, value };
      }
    },
    (file, error) =>
      problems.push({ file: file.label, path: "", message: `cannot be read: ${error.message}` }),
  );
  if (!listing.files.some((file) => file.kind === "locality")) {
    problems.push({
      file: catalogueLabel(dir, "locality.yaml"),
      path: "",
      message: "missing: every deployment needs a locality file (start from the shipped example)",
    });
  }

  records.sort((a, b) => compare(a.file.relative, b.file.relative));
  overlays.sort((a, b) => compare(a.file.relative, b.file.relative));

  const byCode = new Map<string, Procedure>();
  const sourceOf = new Map<string, Parsed<ProcedureRecord>>();
  for (const record of records) checkPlacement(record, problems);
  for (const record of records) {
    const earlier = sourceOf.get(record.value.code);
    if (earlier) {
      problems.push({
        file: record.file.label,
        path: "code",
        message: `code ${record.value.code} is already used by ${earlier.file.label}`,
      });
      continue;
    }
    sourceOf.set(record.value.code, record);
  }

  // Codes whose file exists but could not be parsed: already reported, so references to them and
  // overlays for them are not reported a second time.
  const unparsed = new Set(
    listing.files
      .filter((file) => file.kind === "procedure" && !sourceOf.has(file.stem))
      .map((file) => file.stem),
  );
  const overlayOf = new Map<string, Parsed<CuratedOverlay>>();
  for (const overlay of overlays) {
    const { code } = overlay.value;
    if (overlay.file.stem !== code) {
      problems.push({
        file: overlay.file.label,
        path: "code",
        message: `the file name must be the code: ${code}.yaml (or change the code to ${overlay.file.stem})`,
      });
    } else if (unparsed.has(code)) {
    } else if (!sourceOf.has(code)) {
      problems.push({
        file: overlay.file.label,
        path: "code",
        message: `curated overlay for ${code}, which is not in the catalogue`,
      });
    } else {
      overlayOf.set(code, overlay);
    }
  }

  const isKnown = (code: string) => byCode.has(code) || unparsed.has(code);
  for (const [code, record] of sourceOf) {
    const overlay = overlayOf.get(code);
    byCode.set(code, applyOverlay(record.value, overlay?.value, record.file.folder));
  }

  for (const [code, procedure] of byCode) {
    const overlay = overlayOf.get(code);
    const record = sourceOf.get(code)!;
    const fileOf = (key: "related" | "bundles" | "status") =>
      overlay && overlay.value[key] !== undefined ? overlay.file.label : record.file.label;
    const references: [string, readonly string[]][] = [
      ["related", procedure.related],
      ["bundles", procedure.bundles],
      ["status.replacedBy", procedure.status.replacedBy ?? []],
    ];
    for (const [path, codes] of references) {
      const file = fileOf(path === "status.replacedBy" ? "status" : (path as "related" | "bundles"));
      codes.forEach((target, index) => {
        if (target === code) {
          problems.push({
            file,
            path: `${path}[${index}]`,
            message: `${target} refers to the procedure itself`,
          });
        } else if (!isKnown(target)) {
          problems.push({ file, path: `${path}[${index}]`, message: `${target} is not in the catalogue` });
        }
      });
    }
  }

  if (locality) checkLocality(locality, isKnown, problems);

  if (problems.length > 0 || !locality) throw new CatalogueError(sortProblems(problems));

  const procedures = [...byCode.values()].sort((a, b) => compare(a.code, b.code));
  return Object.freeze({
    procedures: deepFreeze(procedures),
    byCode: new Map(procedures.map((procedure) => [procedure.code, procedure])),
    locality: deepFreeze(locality.value),
    version: contentHash(digests),
    loadedAt: new Date(),
  });
}

function parseFile<S extends z.ZodType>(
  file: CatalogueFile,
  bytes: Buffer,
  schema: S,
  problems: CatalogueProblem[],
): z.output<S> | undefined {
  let data: unknown;
  try {
    data = parseYaml(bytes.toString("utf8"), { schema: CORE_SCHEMA, filename: file.label });
  } catch (error) {
    if (!(error instanceof YAMLException)) throw error;
    const where = error.mark ? ` at line ${error.mark.line + 1}, column ${error.mark.column + 1}` : "";
    problems.push({ file: file.label, path: "", message: `invalid YAML${where}: ${error.reason}` });
    return undefined;
  }
  if (data === undefined || data === null) {
    problems.push({ file: file.label, path: "", message: "the file is empty" });
    return undefined;
  }
  const result = schema.safeParse(data);
  if (!result.success) {
    problems.push(...problemsFromZod(file.label, result.error));
    return undefined;
  }
  const unknown = unknownKeyPaths(data, result.data);
  for (const path of unknown) {
    problems.push({ file: file.label, path: formatFieldPath(path), message: "unknown key (a typo?)" });
  }
  return unknown.length === 0 ? result.data : undefined;
}

function checkPlacement({ file, value }: Parsed<ProcedureRecord>, problems: CatalogueProblem[]): void {
  if (file.stem !== value.code) {
    problems.push({
      file: file.label,
      path: "code",
      message: `the file name must be the code: ${value.code}.yaml (or change the code to ${file.stem})`,
    });
  }
  const slug = fieldSlug(value.field);
  if (file.folder !== slug) {
    problems.push({
      file: file.label,
      path: "field",
      message: `the field "${value.field}" belongs in the folder ${slug}/, not ${file.folder}/`,
    });
  }
}

function checkLocality(
  { file, value }: Parsed<Locality>,
  isKnown: (code: string) => boolean,
  problems: CatalogueProblem[],
): void {
  value.feeOverrides.forEach((override, index) => {
    if (!isKnown(override.code)) {
      problems.push({
        file: file.label,
        path: `feeOverrides[${index}].code`,
        message: `${override.code} is not in the catalogue`,
      });
    }
  });
  value.holidays.forEach((holiday, index) => {
    if (!isIsoDate(holiday)) {
      problems.push({
        file: file.label,
        path: `holidays[${index}]`,
        message: `"${holiday}" is not a date written as YYYY-MM-DD`,
      });
    }
  });
}

function isIsoDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}

/** A hash over every file's path and content digest, in path order. */
function contentHash(digests: ReadonlyMap<string, Buffer>): string {
  const hash = createHash("sha256");
  for (const relative of [...digests.keys()].sort(compare)) {
    hash.update(relative).update("\0").update(digests.get(relative)!);
  }
  return hash.digest("hex").slice(0, 12);
}

function sortProblems(problems: CatalogueProblem[]): CatalogueProblem[] {
  // Stable: problems of one file stay in the order they were found.
  return problems.sort((a, b) => compare(a.file, b.file));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function deepFreeze<T>(value: T): T {
  freeze(value);
  return value;
}

/** The loaded data is a tree (zod returns fresh objects), so every node is visited once. */
function freeze(value: unknown): void {
  if (typeof value !== "object" || value === null) return;
  Object.freeze(value);
  if (Array.isArray(value)) {
    for (const item of value) freeze(item);
  } else {
    const object = value as Record<string, unknown>;
    for (const key in object) freeze(object[key]);
  }
}
