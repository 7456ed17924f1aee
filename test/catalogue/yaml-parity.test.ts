/**
 * The loader parses with js-yaml (CORE_SCHEMA) because it is about 6x faster than the `yaml`
 * package on the catalogue; the importer writes with `yaml`. This guards that both read the
 * shipped files alike (no date, octal or YAML 1.1 surprises), on every 25th file of the catalogue.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { CORE_SCHEMA, load } from "js-yaml";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

const root = join(import.meta.dirname, "../../procedures");
const files = readdirSync(root, { recursive: true, encoding: "utf8" })
  .filter((path) => path.endsWith(".yaml"))
  .sort()
  .filter((_, index) => index % 25 === 0);

describe("js-yaml and yaml read the catalogue alike", () => {
  it("has a sample to compare", () => {
    expect(files.length).toBeGreaterThan(90);
  });

  it("gives the same data for every sampled file", () => {
    for (const path of files) {
      const text = readFileSync(join(root, path), "utf8");
      expect(load(text, { schema: CORE_SCHEMA }), path).toEqual(parse(text));
    }
  });

  it("keeps values that YAML 1.1 or the default js-yaml schema would turn into dates or numbers", () => {
    const text = 'capturedAt: 2026-07-01\ncode: "1.001193"\nodd: 0o17\nyes: yes\nempty: ~\n';
    expect(load(text, { schema: CORE_SCHEMA })).toEqual(parse(text));
    expect(load(text, { schema: CORE_SCHEMA })).toMatchObject({
      capturedAt: "2026-07-01",
      code: "1.001193",
      yes: "yes",
    });
  });
});
