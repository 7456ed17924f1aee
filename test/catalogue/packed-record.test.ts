import { readFileSync } from "node:fs";
import { join } from "node:path";
import { CORE_SCHEMA, load } from "js-yaml";
import { describe, expect, it } from "vitest";
import { applyOverlay } from "../../src/catalogue/apply-overlay.ts";
import { createParseCache, loadCatalogue } from "../../src/catalogue/load.ts";
import { PACKED_SECTIONS, packRecord } from "../../src/catalogue/packed-record.ts";
import { curatedOverlay, procedure } from "../../src/catalogue/schema.ts";
import { validFixture } from "./fixture-catalogue.ts";

const record = procedure.parse(
  load(readFileSync(join(validFixture, "ho-tich/1.001193.yaml"), "utf8"), { schema: CORE_SCHEMA }),
);

/** Whether a property is a getter: a packed section that has not been replaced by a value. */
const isGetter = (object: object, key: string) =>
  Object.getOwnPropertyDescriptor(object, key)?.get !== undefined;

describe("packRecord", () => {
  it("reads, spreads and serialises like the record it packs", () => {
    const packed = packRecord(record);
    expect(record.cases.length).toBeGreaterThan(0);
    expect(packed).toEqual(record);
    expect({ ...packed }).toEqual(record);
    expect(JSON.parse(JSON.stringify(packed))).toEqual(JSON.parse(JSON.stringify(record)));
    expect(Object.keys(packed).sort()).toEqual(Object.keys(record).sort());
  });

  it("keeps the long sections as getters that return frozen values, the same object on a second read", () => {
    const packed = packRecord(record);
    for (const section of PACKED_SECTIONS) expect(isGetter(packed, section)).toBe(true);
    expect(isGetter(packed, "name")).toBe(false);
    expect(Object.isFrozen(packed)).toBe(true);
    expect(Object.isFrozen(packed.cases)).toBe(true);
    expect(Object.isFrozen(packed.cases[0]?.papers)).toBe(true);
    expect(packed.cases).toBe(packed.cases);
  });

  it("decodes again, to equal values, once many other records have been read", () => {
    const packed = packRecord(record);
    const first = packed.steps;
    const others = Array.from({ length: 40 }, () => packRecord(record));
    for (const other of others) expect(other.steps).toEqual(record.steps);
    expect(packed.steps).toEqual(first);
  });
});

describe("applyOverlay on a packed record", () => {
  it("keeps the sections the overlay does not set packed, and replaces those it sets", () => {
    const overlay = curatedOverlay.parse({
      code: "1.001193",
      aliases: ["làm giấy khai sinh"],
      cases: [{ title: null, papers: [], notes: ["Không cần giấy tờ khác."] }],
    });
    const result = applyOverlay(packRecord(record), overlay, "ho-tich");
    expect(isGetter(result, "steps")).toBe(true);
    expect(isGetter(result, "cases")).toBe(false);
    expect(result.cases).toEqual(overlay.cases);
    expect(result.steps).toEqual(record.steps);
    expect(result.aliases).toEqual(["làm giấy khai sinh"]);
    expect(result.name).toBe(record.name);
  });
});

describe("loading a catalogue with packed records", () => {
  it("gives the same procedures as loading it plainly, frozen, also on a reload from the cache", async () => {
    const plain = await loadCatalogue(validFixture);
    const cache = createParseCache();
    const packed = await loadCatalogue(validFixture, { cache, slim: packRecord });
    const again = await loadCatalogue(validFixture, { cache, slim: packRecord });
    for (const catalogue of [packed, again]) {
      expect(JSON.parse(JSON.stringify(catalogue.procedures))).toEqual(
        JSON.parse(JSON.stringify(plain.procedures)),
      );
      for (const p of catalogue.procedures) {
        expect(Object.isFrozen(p)).toBe(true);
        expect(isGetter(p, "steps")).toBe(true);
        expect(Object.isFrozen(p.steps)).toBe(true);
      }
    }
  });
});
