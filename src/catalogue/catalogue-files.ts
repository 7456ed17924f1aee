/**
 * Finds and reads the files of a catalogue folder:
 *   <field-slug>/<code>.yaml   a procedure
 *   curated/<code>.yaml        a curated overlay
 *   locality.yaml              the deployment's own facts
 *   questions/<name>.yaml      citizen questions labelled with their procedures
 * `schema/`, hidden files and files that are not YAML are not part of the catalogue. A YAML file
 * anywhere else is a problem, so a misplaced procedure never goes unnoticed.
 */
import { readFileSync } from "node:fs";
import { readdir } from "node:fs/promises";
import { basename, join, resolve, sep } from "node:path";
import type { CatalogueProblem } from "./errors.ts";

export type CatalogueFileKind = "procedure" | "overlay" | "locality" | "questions";

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
const QUESTIONS_FOLDER = "questions";
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
    } else if (parts.length === 2 && parts[0] === QUESTIONS_FOLDER) {
      files.push({ kind: "questions", relative, label, folder: "", stem });
    } else if (parts.length === 2) {
      files.push({ kind: "procedure", relative, label, folder: parts[0] ?? "", stem });
    } else {
      problems.push({
        file: label,
        path: "",
        message:
          "not a place for a catalogue file: procedures go in <field-slug>/<code>.yaml, " +
          "curated overlays in curated/<code>.yaml, the locality in locality.yaml, " +
          "labelled questions in questions/<name>.yaml",
      });
    }
  }
  return { files, problems };
}

/**
 * Reads every file and hands it to `onFile`. Synchronous reads measured fastest here (2,700 small
 * files: ~40-80 ms, against ~120-150 ms for `fs/promises` with 32 reads in flight); the loop yields
 * to the event loop every `batch` files so that a reload does not stall a running service.
 */
export async function readEach(
  dir: string,
  files: readonly CatalogueFile[],
  onFile: (file: CatalogueFile, bytes: Buffer) => void,
  onUnreadable: (file: CatalogueFile, error: Error) => void,
  batch = 16,
): Promise<void> {
  const root = resolve(dir);
  for (let index = 0; index < files.length; index++) {
    const file = files[index]!;
    let bytes: Buffer;
    try {
      bytes = readFileSync(join(root, file.relative));
    } catch (error) {
      onUnreadable(file, error as Error);
      continue;
    }
    onFile(file, bytes);
    if (index % batch === batch - 1) await new Promise((next) => setImmediate(next));
  }
}
