/** Copies the valid fixture catalogue to a fresh temporary folder that a test may break. */
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";

export const validFixture = join(import.meta.dirname, "fixtures/valid");

export interface FixtureCatalogue {
  readonly dir: string;
  /** How the loader names a file of this catalogue: `<folder name>/<relative>`. */
  label(relative: string): string;
  read(relative: string): Promise<string>;
  write(relative: string, text: string): Promise<void>;
  /** Replaces `from` by `to` in a file; fails the test if `from` is not there. */
  edit(relative: string, from: string, to: string): Promise<void>;
  remove(relative: string): Promise<void>;
  dispose(): Promise<void>;
}

export async function fixtureCatalogue(): Promise<FixtureCatalogue> {
  const parent = await mkdtemp(join(tmpdir(), "catalogue-"));
  const dir = join(parent, "procedures");
  await cp(validFixture, dir, { recursive: true });
  const read = (relative: string) => readFile(join(dir, relative), "utf8");
  const write = (relative: string, text: string) => writeFile(join(dir, relative), text);
  return {
    dir,
    label: (relative) => `${basename(dir)}/${relative}`,
    read,
    write,
    async edit(relative, from, to) {
      const text = await read(relative);
      if (!text.includes(from)) throw new Error(`${relative} does not contain ${JSON.stringify(from)}`);
      await write(relative, text.replace(from, to));
    },
    remove: (relative) => rm(join(dir, relative)),
    dispose: () => rm(parent, { recursive: true, force: true }),
  };
}
