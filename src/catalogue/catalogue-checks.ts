/**
 * Checks across the files of a catalogue: file names and folders, unique codes, overlays that match
 * a procedure, references between procedures, the locality's codes and dates, and the codes of
 * labelled questions.
 */
import type { CatalogueFile } from "./catalogue-files.ts";
import type { CatalogueProblem } from "./errors.ts";
import { fieldSlug } from "./field-slug.ts";
import type { CuratedOverlay, Locality, Procedure, ProcedureRecord, QuestionsFile } from "./schema.ts";

/** A file's content once it passed its schema. */
export interface Parsed<T> {
  readonly file: CatalogueFile;
  readonly value: T;
}

/** The first file of each code; later files with the same code are problems. */
export function indexByCode(
  records: readonly Parsed<ProcedureRecord>[],
  problems: CatalogueProblem[],
): Map<string, Parsed<ProcedureRecord>> {
  const sourceOf = new Map<string, Parsed<ProcedureRecord>>();
  for (const record of records) {
    const earlier = sourceOf.get(record.value.code);
    if (earlier) {
      problems.push({
        file: record.file.label,
        path: "code",
        message: `code ${record.value.code} is already used by ${earlier.file.label}`,
      });
    } else {
      sourceOf.set(record.value.code, record);
    }
  }
  return sourceOf;
}

/** Overlays by code, for codes in the catalogue and files named after their code. */
export function matchOverlays(
  overlays: readonly Parsed<CuratedOverlay>[],
  sourceOf: ReadonlyMap<string, unknown>,
  unparsed: ReadonlySet<string>,
  problems: CatalogueProblem[],
): Map<string, Parsed<CuratedOverlay>> {
  const overlayOf = new Map<string, Parsed<CuratedOverlay>>();
  for (const overlay of overlays) {
    const { code } = overlay.value;
    if (overlay.file.stem !== code) {
      problems.push({
        file: overlay.file.label,
        path: "code",
        message: `the file name must be the code: ${code}.yaml (or change the code to ${overlay.file.stem})`,
      });
    } else if (sourceOf.has(code)) {
      overlayOf.set(code, overlay);
    } else if (!unparsed.has(code)) {
      problems.push({
        file: overlay.file.label,
        path: "code",
        message: `curated overlay for ${code}, which is not in the catalogue`,
      });
    }
  }
  return overlayOf;
}

/** related, bundles and status.replacedBy must name other procedures of the catalogue. */
export function checkReferences(
  procedure: Procedure,
  record: Parsed<ProcedureRecord>,
  overlay: Parsed<CuratedOverlay> | undefined,
  isKnown: (code: string) => boolean,
  problems: CatalogueProblem[],
): void {
  // A reference set by the overlay is reported in the overlay's file.
  const fileOf = (key: "related" | "bundles" | "status") =>
    overlay && overlay.value[key] !== undefined ? overlay.file.label : record.file.label;
  const references: [string, string, readonly string[]][] = [
    ["related", fileOf("related"), procedure.related],
    ["bundles", fileOf("bundles"), procedure.bundles],
    ["status.replacedBy", fileOf("status"), procedure.status.replacedBy ?? []],
  ];
  for (const [path, file, codes] of references) {
    codes.forEach((target, index) => {
      if (target === procedure.code) {
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

export function checkPlacement({ file, value }: Parsed<ProcedureRecord>, problems: CatalogueProblem[]): void {
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

export function checkLocality(
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

export function isIsoDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}

/** Every code a labelled question names must be a procedure of the catalogue. */
export function checkQuestions(
  { file, value }: Parsed<QuestionsFile>,
  isKnown: (code: string) => boolean,
  problems: CatalogueProblem[],
): void {
  value.items.forEach((item, index) => {
    item.codes.forEach((code, at) => {
      if (!isKnown(code)) {
        problems.push({
          file: file.label,
          path: `items[${index}].codes[${at}]`,
          message: `${code} is not in the catalogue`,
        });
      }
    });
  });
}
