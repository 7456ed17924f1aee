/**
 * JSON Schemas for editors, generated from the zod schemas (the single source of truth).
 * `npm run catalogue:schema` writes them to `procedures/schema/`; a test keeps them in step.
 */
import { z } from "zod";
import { curatedOverlay, locality, procedure, questionsFile } from "./schema.ts";

const sources = {
  "procedure.schema.json": {
    schema: procedure,
    title: "Hỏi Thủ Tục procedure file",
    description: "One administrative procedure: procedures/<field-slug>/<code>.yaml",
  },
  "curated.schema.json": {
    schema: curatedOverlay,
    title: "Hỏi Thủ Tục curated overlay",
    description: "Curation for one procedure, kept apart from imported data: procedures/curated/<code>.yaml",
  },
  "locality.schema.json": {
    schema: locality,
    title: "Hỏi Thủ Tục locality",
    description: "The deployment's own facts: procedures/locality.yaml",
  },
  "questions.schema.json": {
    schema: questionsFile,
    title: "Hỏi Thủ Tục labelled questions",
    description:
      "Citizen questions with the procedures that answer them, which the search learns from: procedures/questions/<name>.yaml",
  },
} as const;

export type JsonSchemaFile = keyof typeof sources;

/** File name → file text (stable JSON, two-space indent, trailing newline). */
export function catalogueJsonSchemas(): Record<JsonSchemaFile, string> {
  const out = {} as Record<JsonSchemaFile, string>;
  for (const [file, { schema, title, description }] of Object.entries(sources)) {
    // "input": what a person may write, so keys with defaults are optional.
    const generated = closeObjects(z.toJSONSchema(schema, { io: "input" }));
    const { $schema, ...rest } = generated;
    const document = { $schema, title, description, ...rest };
    out[file as JsonSchemaFile] = `${JSON.stringify(document, null, 2)}\n`;
  }
  return out;
}

/**
 * The loader refuses keys the schema does not know (a typo must not vanish silently), so the editor
 * schemas say so too: every object with listed properties gets `additionalProperties: false`.
 */
function closeObjects<T>(node: T): T {
  if (Array.isArray(node)) {
    for (const item of node) closeObjects(item);
  } else if (typeof node === "object" && node !== null) {
    const object = node as Record<string, unknown>;
    for (const value of Object.values(object)) closeObjects(value);
    if (object.type === "object" && object.properties && object.additionalProperties === undefined) {
      object.additionalProperties = false;
    }
  }
  return node;
}
