/**
 * Finds and reads the files of a catalogue folder:
 *   <field-slug>/<code>.yaml   a procedure
 *   curated/<code>.yaml        a curated overlay
 *   locality.yaml              the deployment's own facts
 * `schema/`, hidden files and files that are not YAML are not part of the catalogue. A YAML file
 * anywhere else is a problem, so a misplaced procedure never goes unnoticed.
 */
import { readFile } from "node:fs";
import { readdir } from "node:fs/promises";
import { basename, join, resolve, sep } from "node:path";
import type { CatalogueProblem } from "./errors.ts";

export type CatalogueFileKind = "procedure" | "overlay" | "locality";

export interface CatalogueFile {
  readonly kind: CatalogueFileKind;
  /** Path inside the catalogue folder, with "/" separators: `ho-tich/1.001193.yaml`. */
  readonly relative: string;
  /** Path shown to people, from the repository: `procedures/ho-tich/1.001193.yaml`. */
  readonly label: string;
  /** The folder a procedure lives in (its field slug); empty for other kinds. */
  readonly folder: string;
  /** The file name without `.yaml`. */
  readonly stem: string;
}

export interface CatalogueListing {
  readonly files: readonly CatalogueFile[];
  readonly problems: readonly CatalogueProblem[];
}

const OVERLAY_FOLDER = "curated";
const IGNORED_FOLDERS = new Set(["schema"]);

/** How a file is named to people: from the repository, e.g. `procedures/ho-tich/1.001193.yaml`. */
export function catalogueLabel(dir: string, relative: string): string {
  return `${basename(resolve(dir))}/${relative}`;
}

export async function listCatalogueFiles(dir: string): Promise<CatalogueListing> {
  const root = resolve(dir);
  const files: CatalogueFile[] = [];
  const problems: CatalogueProblem[] = [];
  let entries: string[];
  try {
    entries = await readdir(root, { recursive: true });
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === "ENOENT" ? "does not exist" : "cannot be read";
    problems.push({ file: basename(root), path: "", message: `the catalogue folder ${root} ${reason}` });
    return { files, problems };
  }
  for (const entry of entries.sort()) {
    const relative = entry.split(sep).join("/");
    const parts = relative.split("/");
    const name = parts.at(-1) ?? "";
    const label = catalogueLabel(dir, relative);
    if (parts.some((part) => part.startsWith("."))) continue;
    if (IGNORED_FOLDERS.has(parts[0] ?? "")) continue;
    if (name.endsWith(".yml")) {
      problems.push({ file: label, path: "", message: "catalogue files end in .yaml, not .yml: rename it" });
      continue;
    }
    if (!name.endsWith(".yaml")) continue;
    const stem = name.slice(0, -".yaml".length);
    if (parts.length === 1 && name === "locality.yaml") {
      files.push({ kind: "locality", relative, label, folder: "", stem });
    } else if (parts.length === 2 && parts[0] === OVERLAY_FOLDER) {
      files.push({ kind: "overlay", relative, label, folder: "", stem });
    } else if (parts.length === 2) {
      files.push({ kind: "procedure", relative, label, folder: parts[0] ?? "", stem });
    } else {
      problems.push({
        file: label,
        path: "",
        message:
          "not a place for a catalogue file: procedures go in <field-slug>/<code>.yaml, " +
          "curated overlays in curated/<code>.yaml, the locality in locality.yaml",
      });
    }
  }
  return { files, problems };
}

/**
 * Reads every file with at most `concurrency` reads in flight and hands each to `onFile` as soon as
 * it arrives, so parsing one file overlaps with reading the next ones.
 */
export async function readEach(
  dir: string,
  files: readonly CatalogueFile[],
  onFile: (file: CatalogueFile, bytes: Buffer) => void,
  onUnreadable: (file: CatalogueFile, error: Error) => void,
  concurrency = 32,
): Promise<void> {
  const root = resolve(dir);
  let next = 0;
  async function worker(): Promise<void> {
    while (next < files.length) {
      const file = files[next++]!;
      let bytes: Buffer;
      try {
        bytes = await readBytes(join(root, file.relative));
      } catch (error) {
        onUnreadable(file, error as Error);
        continue;
      }
      onFile(file, bytes);
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, files.length) }, worker));
}

/** The callback `readFile`: measured 1.5-2x faster than `fs/promises` on 2,700 small files. */
function readBytes(path: string): Promise<Buffer> {
  return new Promise((resolvePromise, reject) => {
    readFile(path, (error, bytes) => (error ? reject(error) : resolvePromise(bytes)));
  });
}
