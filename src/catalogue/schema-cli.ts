/**
 * `npm run catalogue:schema [dir]`: writes the JSON Schemas generated from the zod schemas into
 * `<dir>/schema/` (default `procedures/schema/`).
 */
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { catalogueJsonSchemas } from "./json-schemas.ts";

async function main(dir: string): Promise<void> {
  const target = join(dir, "schema");
  await mkdir(target, { recursive: true });
  for (const [file, text] of Object.entries(catalogueJsonSchemas())) {
    await writeFile(join(target, file), text);
    console.log(`wrote ${join(target, file)}`);
  }
}

main(process.argv[2] ?? "procedures").catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
