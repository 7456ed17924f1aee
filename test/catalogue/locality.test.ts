/**
 * The shipped example locality: valid, clearly an example, and complete enough to run on. Once a
 * deployment replaces it (`example: false`), only validity is checked here (and by catalogue:check).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { CORE_SCHEMA, load } from "js-yaml";
import { describe, expect, it } from "vitest";
import { locality } from "../../src/catalogue/schema.ts";

const path = join(import.meta.dirname, "../../procedures/locality.yaml");
const text = readFileSync(path, "utf8");
const result = locality.safeParse(load(text, { schema: CORE_SCHEMA }));
const isExample = result.data?.example === true;

describe("procedures/locality.yaml", () => {
  it("is a valid locality", () => {
    expect(result.error).toBeUndefined();
  });
});

describe.runIf(isExample)("procedures/locality.yaml while it is the shipped example", () => {
  const parsed = result.data!;

  it("is marked as an example, in the data and in a comment at the top", () => {
    expect(parsed.example).toBe(true);
    expect(text.slice(0, 600)).toMatch(/EXAMPLE/);
    expect(parsed.name).toMatch(/ví dụ/);
    for (const office of parsed.offices) expect(office.name).toMatch(/ví dụ/);
  });

  it("uses placeholder contact details that reach nobody", () => {
    expect(parsed.hotline).toBe("1900 0000 00");
    for (const office of parsed.offices) if (office.phone) expect(office.phone).toBe("1900 0000 00");
    expect(parsed.email).toMatch(/\.example$/);
    expect(new URL(parsed.website!).hostname).toMatch(/\.example$/);
  });

  it("sets a feedback deadline for every feedback category", () => {
    expect(Object.keys(parsed.feedbackDueDays).sort()).toEqual(
      ["khac", "kien_nghi", "nhung_nhieu", "quy_dinh", "thai_do", "tre_han"].sort(),
    );
  });

  it("lists 2026 and 2027 holidays as sorted, distinct, real dates", () => {
    const { holidays } = parsed;
    expect(holidays).toEqual([...new Set(holidays)].sort());
    for (const day of holidays) expect(new Date(`${day}T00:00:00Z`).toISOString().slice(0, 10)).toBe(day);
    expect(holidays).toContain("2026-01-01");
    expect(holidays).toContain("2026-09-02");
    expect(holidays).toContain("2027-01-01");
    expect(holidays.filter((day) => day.startsWith("2026-02"))).toHaveLength(9);
  });

  it("has no fee override yet", () => {
    expect(parsed.feeOverrides).toEqual([]);
  });
});
