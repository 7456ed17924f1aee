/**
 * Loads a catalogue folder into the immutable in-memory model, or throws a `CatalogueError` that
 * lists every problem found (not just the first): invalid YAML, schema violations with their field
 * path, misplaced files, duplicate codes, references to codes that do not exist, curated overlays
 * for unknown codes, an invalid locality and labelled questions naming unknown codes.
 */
import { createHash } from "node:crypto";
import { CORE_SCHEMA, load as parseYaml, YAMLException } from "js-yaml";
import type { z } from "zod";
import { applyOverlay } from "./apply-overlay.ts";
import type { Catalogue } from "./catalogue.ts";
import {
  checkLocality,
  checkPlacement,
  checkQuestions,
  checkReferences,
  indexByCode,
  matchOverlays,
  type Parsed,
} from "./catalogue-checks.ts";
import { type CatalogueFile, catalogueLabel, listCatalogueFiles, readEach } from "./catalogue-files.ts";
import { deepFreeze } from "./deep-freeze.ts";
import { CatalogueError, type CatalogueProblem, formatFieldPath, problemsFromZod } from "./errors.ts";
import {
  type CuratedOverlay,
  curatedOverlay,
  type Locality,
  locality as localitySchema,
  type Procedure,
  type ProcedureRecord,
  procedure as procedureSchema,
  type QuestionsFile,
  questionsFile as questionsSchema,
} from "./schema.ts";
import { unknownKeyPaths } from "./unknown-keys.ts";

/**
 * The files an earlier load parsed without a problem, by path and content digest. A reload given
 * the same cache parses only the files that changed and shares the rest with the catalogue it
 * replaces: an edit costs milliseconds, and memory holds one catalogue, not two, while it happens.
 */
export interface ParseCache {
  files: Map<string, { digest: string; value: ProcedureRecord | CuratedOverlay | Locality | QuestionsFile }>;
}

export function createParseCache(): ParseCache {
  return { files: new Map() };
}

export interface LoadOptions {
  cache?: ParseCache;
  /**
   * Applied to each procedure record once, when its file is parsed (and kept so in the cache):
   * lets the bot drop what it never reads. Without it, records are kept whole (the checks, the CLI).
   */
  slim?: (record: ProcedureRecord) => ProcedureRecord;
}

export async function loadCatalogue(dir: string, options: LoadOptions = {}): Promise<Catalogue> {
  const listing = await listCatalogueFiles(dir);
  const problems: CatalogueProblem[] = [...listing.problems];
  const records: Parsed<ProcedureRecord>[] = [];
  const overlays: Parsed<CuratedOverlay>[] = [];
  let locality: Parsed<Locality> | undefined;
  const questions: Parsed<QuestionsFile>[] = [];
  const digests = new Map<string, Buffer>();
  const before = options.cache?.files;
  const parsed: ParseCache["files"] = new Map();

  await readEach(
    dir,
    listing.files,
    (file, bytes) => {
      // sha1: a content fingerprint, not a security boundary, and twice as fast as sha256 here.
      const digest = createHash("sha1").update(bytes).digest();
      digests.set(file.relative, digest);
      const key = digest.toString("hex");
      const known = before?.get(file.relative);
      const schema = SCHEMAS[file.kind];
      const fresh = () => {
        const value = parseFile(file, bytes, schema, problems);
        return value && file.kind === "procedure" && options.slim
          ? options.slim(value as ProcedureRecord)
          : value;
      };
      const value = known?.digest === key ? known.value : fresh();
      if (!value) return;
      parsed.set(file.relative, { digest: key, value });
      if (file.kind === "procedure") records.push({ file, value: value as ProcedureRecord });
      else if (file.kind === "overlay") overlays.push({ file, value: value as CuratedOverlay });
      else if (file.kind === "questions") questions.push({ file, value: value as QuestionsFile });
      else locality = { file, value: value as Locality };
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
  questions.sort((a, b) => compare(a.file.relative, b.file.relative));
  for (const record of records) checkPlacement(record, problems);
  const sourceOf = indexByCode(records, problems);
  // Codes whose file exists but could not be parsed: already reported, so references to them and
  // overlays for them are not reported a second time.
  const unparsed = new Set(
    listing.files
      .filter((file) => file.kind === "procedure" && !sourceOf.has(file.stem))
      .map((file) => file.stem),
  );
  const isKnown = (code: string) => sourceOf.has(code) || unparsed.has(code);
  const overlayOf = matchOverlays(overlays, sourceOf, unparsed, problems);

  const byCode = new Map<string, Procedure>();
  for (const [code, record] of sourceOf) {
    const overlay = overlayOf.get(code);
    const procedure = applyOverlay(record.value, overlay?.value, record.file.folder);
    byCode.set(code, procedure);
    checkReferences(procedure, record, overlay, isKnown, problems);
  }
  if (locality) checkLocality(locality, isKnown, problems);
  for (const file of questions) checkQuestions(file, isKnown, problems);

  if (options.cache) options.cache.files = parsed;
  if (problems.length > 0 || !locality) throw new CatalogueError(sortProblems(problems));

  const procedures = [...byCode.values()].sort((a, b) => compare(a.code, b.code));
  return Object.freeze({
    procedures: deepFreeze(procedures),
    byCode: new Map(procedures.map((procedure) => [procedure.code, procedure])),
    locality: deepFreeze(locality.value),
    questions: deepFreeze(
      questions.flatMap(({ value }) => value.items.map(({ q, codes }) => ({ q, codes }))),
    ),
    questionFiles: questions.map(({ file, value }) => ({ file: file.relative, items: value.items.length })),
    version: contentHash(digests),
    loadedAt: new Date(),
  });
}

const SCHEMAS = {
  procedure: procedureSchema,
  overlay: curatedOverlay,
  locality: localitySchema,
  questions: questionsSchema,
} satisfies Record<CatalogueFile["kind"], z.ZodType>;

function parseFile<S extends z.ZodType>(
  file: CatalogueFile,
  bytes: Buffer,
  schema: S,
  problems: CatalogueProblem[],
): z.output<S> | undefined {
  let data: unknown;
  try {
    // js-yaml hands out substrings that keep the whole file's text alive (V8 sliced strings); a
    // JSON round trip gives the record compact strings of its own (full catalogue: 54 MB of heap
    // instead of 68, about 0.2 s more to load).
    const parsed: unknown = parseYaml(bytes.toString("utf8"), { schema: CORE_SCHEMA, filename: file.label });
    data = parsed === undefined ? undefined : JSON.parse(JSON.stringify(parsed));
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
