import { beforeAll, describe, expect, it } from "vitest";
import type { Catalogue } from "../../../src/catalogue/catalogue.ts";
import { loadCatalogue } from "../../../src/catalogue/load.ts";
import { withoutUnshownWording } from "../../../src/core/card/official-wording.ts";
import { renderCard } from "../../../src/core/card/render-card.ts";
import { translator } from "../../../src/locales/index.ts";
import { toSearchable } from "../../../src/search/searchable.ts";
import type { Aspect } from "../../../src/search/types.ts";
import { PROCEDURES_DIR, realProcedure } from "../support.ts";

const ASPECTS: (Aspect | null)[] = [
  null,
  "papers",
  "fee",
  "time",
  "place",
  "online",
  "steps",
  "legal",
  "conditions",
  "result",
];

let full: Catalogue;
let slim: Catalogue;

beforeAll(async () => {
  [full, slim] = await Promise.all([
    loadCatalogue(PROCEDURES_DIR),
    loadCatalogue(PROCEDURES_DIR, { slim: withoutUnshownWording }),
  ]);
}, 120_000);

describe("the official wording the bot keeps", () => {
  it("gives the same card, in both languages and for every aspect, for every procedure of the real catalogue", () => {
    expect(slim.procedures.length).toBe(full.procedures.length);
    let compared = 0;
    for (const locale of ["vi", "en"] as const) {
      const ctx = {
        locale,
        tr: translator(locale),
        locality: full.locality,
        nameOf: (code: string) => full.byCode.get(code)?.name,
      };
      for (const procedure of full.procedures) {
        const trimmed = slim.byCode.get(procedure.code)!;
        for (const aspect of ASPECTS) {
          expect(renderCard(trimmed, aspect, ctx)).toEqual(renderCard(procedure, aspect, ctx));
          compared++;
        }
      }
    }
    expect(compared).toBe(full.procedures.length * ASPECTS.length * 2);
  }, 120_000);

  it("gives the search the same projection", () => {
    for (const procedure of full.procedures)
      expect(toSearchable(slim.byCode.get(procedure.code)!)).toEqual(toSearchable(procedure));
  });

  it("keeps far less text: the legal basis wording goes, and a section's wording stays only where it was not parsed", () => {
    const chars = (catalogue: Catalogue) =>
      catalogue.procedures.reduce(
        (sum, p) => sum + Object.values(p.official).reduce((s, text) => s + (text?.length ?? 0), 0),
        0,
      );
    expect(chars(slim)).toBeLessThan(chars(full) / 10);
    expect(slim.procedures.some((p) => p.official.legalBasis !== undefined)).toBe(false);
    for (const p of slim.procedures) {
      if (p.cases.length > 0) expect(p.official.papers).toBeUndefined();
      if (p.channels.length > 0) expect(p.official.channels).toBeUndefined();
    }
  });

  it("keeps the papers' wording of a record whose papers were not parsed, and leaves the record it is given unchanged", () => {
    const record = { ...realProcedure("1.001193"), cases: [] };
    const before = structuredClone(record);
    const trimmed = withoutUnshownWording(record);
    expect(trimmed.official.papers).toBe(record.official.papers);
    expect(trimmed.official.legalBasis).toBeUndefined();
    expect(record).toEqual(before);
  });
});
