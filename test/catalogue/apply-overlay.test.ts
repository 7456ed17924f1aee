import { readFileSync } from "node:fs";
import { join } from "node:path";
import { CORE_SCHEMA, load } from "js-yaml";
import { describe, expect, it } from "vitest";
import { applyOverlay } from "../../src/catalogue/apply-overlay.ts";
import { curatedOverlay, procedure } from "../../src/catalogue/schema.ts";
import { validFixture } from "./fixture-catalogue.ts";

const record = procedure.parse(
  load(readFileSync(join(validFixture, "ho-tich/1.001193.yaml"), "utf8"), { schema: CORE_SCHEMA }),
);

describe("applyOverlay", () => {
  it("gives neutral curation and the folder when there is no overlay", () => {
    const result = applyOverlay(record, undefined, "ho-tich");
    expect(result).toMatchObject({ aliases: [], priority: 1, folder: "ho-tich", reviewed: false });
    expect(result.review).toBeUndefined();
    expect(result.curatedNote).toBeUndefined();
  });

  it("replaces what the overlay sets and keeps the rest of the record", () => {
    const overlay = curatedOverlay.parse({
      code: "1.001193",
      aliases: ["làm giấy khai sinh"],
      priority: 4,
      review: { reviewedBy: "biên tập viên", reviewedOn: "2026-11-20" },
      cases: [{ title: null, papers: [], notes: ["Không cần giấy tờ khác."] }],
      related: ["2.000986"],
      note: "Miễn lệ phí.",
    });
    const result = applyOverlay(record, overlay, "ho-tich");
    expect(result.aliases).toEqual(["làm giấy khai sinh"]);
    expect(result.priority).toBe(4);
    expect(result.reviewed).toBe(true);
    expect(result.review?.reviewedBy).toBe("biên tập viên");
    expect(result.cases).toEqual(overlay.cases);
    expect(result.related).toEqual(["2.000986"]);
    expect(result.curatedNote).toBe("Miễn lệ phí.");
    expect(result.channels).toBe(record.channels);
    expect(result.bundles).toBe(record.bundles);
    expect(result.status).toBe(record.status);
  });

  it("marks reviewed only when the overlay has a review, and never changes the record", () => {
    const copy = structuredClone(record);
    const result = applyOverlay(
      record,
      curatedOverlay.parse({ code: "1.001193", aliases: ["x"] }),
      "ho-tich",
    );
    expect(result.reviewed).toBe(false);
    expect(record).toEqual(copy);
  });

  it("keeps a hand-written record's own reviewed flag", () => {
    const manual = { ...record, reviewed: true };
    expect(applyOverlay(manual, undefined, "ho-tich").reviewed).toBe(true);
  });
});
