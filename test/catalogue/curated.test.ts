/**
 * The curated layer: overlays in procedures/curated/ (aliases, priority, reviews with corrections) and
 * the hand-written procedures that the dataset lacks (3.000722, 2.002913). Checks the files
 * themselves with the zod schemas, their links to the rest of the catalogue, and that every figure a
 * reviewer wrote into a correction is stated in the imported record's official wording.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { CORE_SCHEMA, load as parseYaml } from "js-yaml";
import { describe, expect, it } from "vitest";
import {
  type CuratedOverlay,
  curatedOverlay,
  type ProcedureRecord,
  procedure as procedureSchema,
} from "../../src/catalogue/schema.ts";

const root = fileURLToPath(new URL("../../procedures/", import.meta.url));
const curatedDir = join(root, "curated");
const header = "# yaml-language-server: $schema=../schema/curated.schema.json\n";

/** Issue 2 §4, in the order given; the first 30 must carry a review. */
// biome-ignore format: one group of codes per line, as in the issue
const CURATED_CODES = [
  // civil status
  "1.001193", "1.000894", "1.000656", "1.004873", "2.000635", "1.004859", "1.004884", "1.000689",
  "1.001022", "1.004837", "1.004746", "2.000528", "2.000806", "2.000986",
  // residence
  "1.004222", "1.004194", "1.002755", "1.003197", "1.010038", "1.010041", "1.003677", "2.001159",
  // identity
  "1.014061", "1.014062", "1.014063", "1.014064", "3.000228",
  // authentication
  "2.000815", "2.000884", "2.001035", "2.001019", "2.001406",
  // household business
  "1.001612", "2.000720", "1.001570", "1.001266",
  // land and building
  "1.013978", "1.013831", "1.012786", "1.012783", "1.012784", "1.012812", "1.013225",
  // province level
  "3.000333", "1.001456", "3.000347", "3.000348", "1.013076", "1.013067", "2.001583", "1.008498",
  "1.001613", "2.000693",
] as const;
const MUST_BE_REVIEWED = CURATED_CODES.slice(0, 30);
const MANUAL_CODES = ["3.000722", "2.002913"] as const;

function readYaml(path: string): unknown {
  return parseYaml(readFileSync(path, "utf8"), { schema: CORE_SCHEMA });
}

/** Folds case and Vietnamese diacritics the way a search would, to compare aliases. */
function fold(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

/** procedures/<field>/<code>.yaml for every procedure file, by code. */
function procedureFiles(): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of readdirSync(root, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name === "curated" || entry.name === "schema") continue;
    for (const name of readdirSync(join(root, entry.name))) {
      if (name.endsWith(".yaml")) files.set(name.slice(0, -".yaml".length), join(root, entry.name, name));
    }
  }
  return files;
}

const overlayFiles = readdirSync(curatedDir).filter((name) => name.endsWith(".yaml"));
const overlays = new Map<string, CuratedOverlay>();
for (const name of overlayFiles) {
  const parsed = curatedOverlay.strict().safeParse(readYaml(join(curatedDir, name)));
  if (parsed.success) overlays.set(name.slice(0, -".yaml".length), parsed.data);
}
const files = procedureFiles();

function record(code: string): ProcedureRecord {
  const path = files.get(code);
  if (!path) throw new Error(`no procedure file for ${code}`);
  return procedureSchema.parse(readYaml(path));
}

describe("curated overlays", () => {
  it("every overlay file starts with the schema line and is a valid overlay named by its code", () => {
    expect(overlayFiles.length).toBeGreaterThan(0);
    for (const name of overlayFiles) {
      const text = readFileSync(join(curatedDir, name), "utf8");
      expect(text.startsWith(header), name).toBe(true);
      const parsed = curatedOverlay.strict().safeParse(readYaml(join(curatedDir, name)));
      expect(parsed.error?.issues ?? [], name).toEqual([]);
      expect(`${parsed.data?.code}.yaml`, name).toBe(name);
    }
  });

  it("covers every procedure in the curated list and the two 2026 bundles", () => {
    for (const code of [...CURATED_CODES, ...MANUAL_CODES]) expect(overlays.has(code), code).toBe(true);
  });

  it("names only procedures that exist in the catalogue, in overlays and in links", () => {
    for (const [code, overlay] of overlays) {
      expect(files.has(code), `overlay ${code} has no procedures/<field>/${code}.yaml`).toBe(true);
      for (const linked of [...(overlay.related ?? []), ...(overlay.bundles ?? [])]) {
        expect(files.has(linked), `${code} links to ${linked}`).toBe(true);
      }
      for (const replacement of overlay.status?.replacedBy ?? []) {
        expect(files.has(replacement), `${code} is replaced by ${replacement}`).toBe(true);
      }
    }
  });

  it("reviews at least the first 30 of the list", () => {
    expect(MUST_BE_REVIEWED).toHaveLength(30);
    expect(MUST_BE_REVIEWED.at(-1)).toBe("2.001035");
    for (const code of MUST_BE_REVIEWED) {
      const review = overlays.get(code)?.review;
      expect(review, code).toBeDefined();
      expect(review?.reviewedOn, code).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(review?.note?.length ?? 0, `${code} review says what was checked`).toBeGreaterThan(20);
    }
  });

  it("gives every active curated procedure aliases, and no alias to two procedures", () => {
    const owner = new Map<string, string>();
    for (const [code, overlay] of overlays) {
      if (overlay.status?.state !== "repealed") expect(overlay.aliases.length, code).toBeGreaterThan(2);
      for (const alias of overlay.aliases) {
        const key = fold(alias);
        expect(owner.get(key) ?? code, `"${alias}" is in ${owner.get(key)} and ${code}`).toBe(code);
        owner.set(key, code);
      }
    }
  });

  it("ranks what citizens ask most above the neutral weight", () => {
    for (const code of ["1.001193", "1.000894", "1.004222", "1.014061", "2.000815", "1.013978"]) {
      expect(overlays.get(code)?.priority ?? 1, code).toBeGreaterThanOrEqual(3);
    }
    expect(overlays.get("2.000986")?.priority ?? 1).toBeLessThan(1);
  });

  it("writes into corrections only figures the official wording states", () => {
    const numbers = (text: string) =>
      new Set([...text.matchAll(/\d[\d.,]*/g)].map((m) => Number(m[0].replace(/[.,](?=\d{3}\b)/g, ""))));
    for (const [code, overlay] of overlays) {
      if (!overlay.channels && !overlay.cases) continue;
      const imported = record(code);
      // The official wording: the sections kept verbatim plus those the importer split into lists.
      const official = [...Object.values(imported.official), ...imported.steps, ...imported.conditions].join(
        "\n",
      );
      const stated = numbers(official);
      for (const channel of overlay.channels ?? []) {
        if (channel.time.kind === "known") {
          expect(stated.has(channel.time.value), `${code} ${channel.kind} time ${channel.time.value}`).toBe(
            true,
          );
          if (channel.time.max !== undefined) expect(stated.has(channel.time.max), `${code} max`).toBe(true);
        }
        for (const fee of channel.fees) {
          if (fee.kind === "amount") expect(stated.has(fee.amount), `${code} fee ${fee.amount}`).toBe(true);
        }
      }
      for (const procedureCase of overlay.cases ?? []) {
        for (const paper of procedureCase.papers) {
          const words = fold(paper.name).split(" ").slice(0, 4).join(" ");
          expect(fold(official).includes(words), `${code} paper "${paper.name}"`).toBe(true);
        }
      }
    }
  });
});

describe("the 2026 electronic bundles (hand-written)", () => {
  it("are valid procedures marked manual, with unknowns explained and the portal link", () => {
    for (const code of MANUAL_CODES) {
      const path = files.get(code);
      expect(path, code).toBeDefined();
      const value = procedureSchema.strict().parse(readYaml(path as string));
      expect(value.code).toBe(code);
      expect(value.source.dataset).toBe("manual");
      expect(value.source.url).toBe("https://dichvucong.gov.vn");
      expect(value.reviewed).toBe(false);
      expect(value.parseIssues.length).toBeGreaterThan(0);
      expect(value.cases).toEqual([]);
      for (const channel of value.channels)
        expect(channel.fees.every((fee) => fee.kind === "unknown")).toBe(true);
    }
  });

  it("are linked both ways with the procedures they bundle and the bundle they replace", () => {
    const bundlesOf = (code: string) => [...(overlays.get(code)?.bundles ?? record(code).bundles)];
    expect(bundlesOf("3.000722")).toEqual(expect.arrayContaining(["1.001193", "1.004222", "1.014062"]));
    for (const part of ["1.001193", "1.004222", "1.014062"])
      expect(bundlesOf(part), part).toContain("3.000722");
    expect(bundlesOf("2.002913")).toEqual(expect.arrayContaining(["1.000656", "1.003197"]));
    for (const part of ["1.000656", "1.003197"]) expect(bundlesOf(part), part).toContain("2.002913");

    const replaced = overlays.get("2.000986")?.status;
    expect(replaced?.state).toBe("repealed");
    expect(replaced?.replacedBy).toEqual(["3.000722"]);
    expect(record("3.000722").related).toContain("2.000986");
  });
});

const loaderPath = fileURLToPath(new URL("../../src/catalogue/load.ts", import.meta.url));

describe.runIf(existsSync(loaderPath))("the loaded catalogue", () => {
  it("applies the overlays", async () => {
    const { loadCatalogue } = await import("../../src/catalogue/load.ts");
    const catalogue = await loadCatalogue(root);
    const birth = catalogue.byCode.get("1.001193");
    expect(birth?.aliases).toContain("làm giấy khai sinh");
    expect(birth?.priority).toBe(5);
    expect(birth?.reviewed).toBe(true);
    expect(birth?.bundles).toContain("3.000722");
    expect(catalogue.byCode.get("2.000986")?.status.state).toBe("repealed");
    expect(catalogue.byCode.get("3.000722")?.source.dataset).toBe("manual");
    for (const code of MUST_BE_REVIEWED) expect(catalogue.byCode.get(code)?.reviewed, code).toBe(true);
  }, 30_000);
});
