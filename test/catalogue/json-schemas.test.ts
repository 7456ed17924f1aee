import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { catalogueJsonSchemas } from "../../src/catalogue/json-schemas.ts";

const committed = join(import.meta.dirname, "../../procedures/schema");

describe("JSON Schemas in procedures/schema", () => {
  const generated = catalogueJsonSchemas();

  it.each(Object.keys(generated))("%s equals what `npm run catalogue:schema` generates now", async (file) => {
    const onDisk = await readFile(join(committed, file), "utf8");
    // On a mismatch: run `npm run catalogue:schema` and commit the result.
    expect(onDisk).toBe(generated[file as keyof typeof generated]);
  });

  it("generates the same text every time", () => {
    expect(catalogueJsonSchemas()).toEqual(generated);
  });

  it("describes the required keys of a procedure file and lets curated keys with defaults be omitted", () => {
    const procedure = JSON.parse(generated["procedure.schema.json"]) as { required: string[] };
    expect(procedure.required).toEqual(
      expect.arrayContaining(["code", "name", "field", "channels", "cases"]),
    );
    const curated = JSON.parse(generated["curated.schema.json"]) as { required: string[] };
    expect(curated.required).toEqual(["code"]);
  });

  it("describes a labelled questions file: items of a question and its codes, a style optional", () => {
    const questions = JSON.parse(generated["questions.schema.json"]) as {
      required: string[];
      properties: { items: { items: { required: string[]; additionalProperties: unknown } } };
    };
    expect(questions.required).toEqual(["items"]);
    expect(questions.properties.items.items.required).toEqual(["q", "codes"]);
    expect(questions.properties.items.items.additionalProperties).toBe(false);
  });

  it("refuses unknown keys, as the loader does, but keeps free-form maps open", () => {
    const curated = JSON.parse(generated["curated.schema.json"]) as {
      additionalProperties: unknown;
      properties: { review: { additionalProperties: unknown } };
    };
    expect(curated.additionalProperties).toBe(false);
    expect(curated.properties.review.additionalProperties).toBe(false);
    const locality = JSON.parse(generated["locality.schema.json"]) as {
      properties: { feedbackDueDays: { additionalProperties: unknown } };
    };
    expect(locality.properties.feedbackDueDays.additionalProperties).toMatchObject({ type: "integer" });
  });
});
