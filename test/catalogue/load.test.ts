import { mkdir, rename, rmdir } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CatalogueError, type CatalogueProblem } from "../../src/catalogue/errors.ts";
import { createParseCache, loadCatalogue } from "../../src/catalogue/load.ts";
import type { ProcedureRecord } from "../../src/catalogue/schema.ts";
import { type FixtureCatalogue, fixtureCatalogue, validFixture } from "./fixture-catalogue.ts";

async function problemsOf(dir: string): Promise<readonly CatalogueProblem[]> {
  const error = await loadCatalogue(dir).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(CatalogueError);
  return (error as CatalogueError).problems;
}

describe("loadCatalogue on a valid catalogue", () => {
  it("loads every procedure, sorted by code, with the locality", async () => {
    const catalogue = await loadCatalogue(validFixture);
    expect(catalogue.procedures.map((p) => p.code)).toEqual(["1.001193", "1.004222", "2.000986"]);
    expect([...catalogue.byCode.keys()].sort()).toEqual(["1.001193", "1.004222", "2.000986"]);
    expect(catalogue.byCode.get("1.004222")?.name).toBe("Đăng ký thường trú");
    expect(catalogue.byCode.get("1.004222")?.folder).toBe("dang-ky-quan-ly-cu-tru");
    expect(catalogue.locality.name).toBe("Phường Mẫu (ví dụ)");
    expect(catalogue.locality.feeOverrides[0]?.code).toBe("1.004222");
    expect(catalogue.version).toMatch(/^[0-9a-f]{12}$/);
    expect(catalogue.loadedAt).toBeInstanceOf(Date);
  });

  it("applies the curated overlay and leaves procedures without one neutral", async () => {
    const catalogue = await loadCatalogue(validFixture);
    const birth = catalogue.byCode.get("1.001193")!;
    expect(birth.aliases).toEqual(["làm giấy khai sinh", "khai sinh cho con"]);
    expect(birth.priority).toBe(5);
    expect(birth.reviewed).toBe(true);
    expect(birth.review).toEqual({ reviewedBy: "fixture", reviewedOn: "2026-11-22" });
    expect(birth.curatedNote).toBe("Đăng ký khai sinh không mất lệ phí.");
    expect(birth.channels).toHaveLength(3);

    const residence = catalogue.byCode.get("1.004222")!;
    expect(residence.aliases).toEqual([]);
    expect(residence.priority).toBe(1);
    expect(residence.reviewed).toBe(false);
    expect(residence.review).toBeUndefined();
    expect(residence.curatedNote).toBeUndefined();
  });

  it("lets an overlay replace channels, status and references, and marks reviewed only with a review", async () => {
    const fixture = await fixtureCatalogue();
    try {
      await fixture.write(
        "curated/2.000986.yaml",
        [
          'code: "2.000986"',
          "aliases: [liên thông khai sinh]",
          "status: { state: repealed, note: thay thế bằng thủ tục liên thông điện tử }",
          'related: ["1.001193"]',
          "channels:",
          "  - kind: truc_tiep",
          "    time: { kind: known, value: 20, unit: ngay_lam_viec }",
          "    fees: [{ kind: free }]",
        ].join("\n"),
      );
      const bundle = (await loadCatalogue(fixture.dir)).byCode.get("2.000986")!;
      expect(bundle.status.state).toBe("repealed");
      expect(bundle.related).toEqual(["1.001193"]);
      expect(bundle.channels[0]?.time).toEqual({ kind: "known", value: 20, unit: "ngay_lam_viec" });
      expect(bundle.aliases).toEqual(["liên thông khai sinh"]);
      expect(bundle.reviewed).toBe(false);
    } finally {
      await fixture.dispose();
    }
  });

  it("gives an immutable model", async () => {
    const catalogue = await loadCatalogue(validFixture);
    const birth = catalogue.byCode.get("1.001193")!;
    expect(Object.isFrozen(catalogue)).toBe(true);
    expect(Object.isFrozen(catalogue.procedures)).toBe(true);
    expect(Object.isFrozen(birth.channels[0]!.fees[0])).toBe(true);
    expect(Object.isFrozen(catalogue.locality.offices[0])).toBe(true);
    expect(() => {
      (birth as { name: string }).name = "changed";
    }).toThrow(TypeError);
  });

  it("keeps the version while the files are unchanged and changes it when one changes", async () => {
    const fixture = await fixtureCatalogue();
    try {
      const first = await loadCatalogue(fixture.dir);
      expect((await loadCatalogue(fixture.dir)).version).toBe(first.version);
      await fixture.edit("curated/1.001193.yaml", "priority: 5", "priority: 6");
      expect((await loadCatalogue(fixture.dir)).version).not.toBe(first.version);
    } finally {
      await fixture.dispose();
    }
  });

  it("with a parse cache, parses again only the files that changed and shares the rest", async () => {
    const fixture = await fixtureCatalogue();
    try {
      const cache = createParseCache();
      const first = await loadCatalogue(fixture.dir, { cache });
      const code = (c: typeof first, id: string) => c.byCode.get(id)!;
      await fixture.edit("ho-tich/2.000986.yaml", "name: ", "name: Sửa tên ");
      const second = await loadCatalogue(fixture.dir, { cache });
      expect(code(second, "2.000986").name).toMatch(/^Sửa tên /);
      expect(code(second, "2.000986").cases).not.toBe(code(first, "2.000986").cases);
      // Unchanged files: the same parsed values, not copies (one catalogue's memory, not two).
      expect(code(second, "1.004222").cases).toBe(code(first, "1.004222").cases);
      expect(code(second, "1.001193").legalBasis).toBe(code(first, "1.001193").legalBasis);
      expect(Object.isFrozen(code(second, "2.000986").cases)).toBe(true);
      expect(second.version).not.toBe(first.version);
      // The overlay changed: applied again over the shared record.
      await fixture.edit("curated/1.001193.yaml", "priority: 5", "priority: 6");
      const third = await loadCatalogue(fixture.dir, { cache });
      expect(code(third, "1.001193").priority).toBe(6);
      // A broken edit is still reported; mended, the file loads again.
      const good = await fixture.read("ho-tich/2.000986.yaml");
      await fixture.write("ho-tich/2.000986.yaml", "code: [broken");
      await expect(loadCatalogue(fixture.dir, { cache })).rejects.toThrow(CatalogueError);
      await expect(loadCatalogue(fixture.dir, { cache })).rejects.toThrow(CatalogueError);
      await fixture.write("ho-tich/2.000986.yaml", good);
      // The same answer as a load without a cache.
      expect(await loadCatalogue(fixture.dir, { cache })).toEqual({
        ...(await loadCatalogue(fixture.dir)),
        loadedAt: expect.any(Date),
      });
    } finally {
      await fixture.dispose();
    }
  });

  it("applies `slim` to each procedure record once, when its file is parsed, also on a reload with a cache", async () => {
    const fixture = await fixtureCatalogue();
    try {
      const slimmed: string[] = [];
      const slim = (record: ProcedureRecord): ProcedureRecord => {
        slimmed.push(record.code);
        return { ...record, official: {} };
      };
      const cache = createParseCache();
      const first = await loadCatalogue(fixture.dir, { cache, slim });
      expect(first.procedures.every((p) => Object.keys(p.official).length === 0)).toBe(true);
      expect(slimmed.sort()).toEqual(first.procedures.map((p) => p.code).sort());
      slimmed.length = 0;
      await fixture.edit("ho-tich/2.000986.yaml", "name: ", "name: Sửa tên ");
      const second = await loadCatalogue(fixture.dir, { cache, slim });
      expect(slimmed).toEqual(["2.000986"]);
      expect(second.procedures.every((p) => Object.keys(p.official).length === 0)).toBe(true);
      // Without it, records are whole.
      expect(
        Object.keys((await loadCatalogue(fixture.dir)).byCode.get("1.001193")!.official).length,
      ).toBeGreaterThan(0);
    } finally {
      await fixture.dispose();
    }
  });

  it("loads the labelled questions of questions/, every file's items in file-name order, as { q, codes }, with the file of each", async () => {
    const fixture = await fixtureCatalogue();
    try {
      // "a-…" sorts before "examples": its items come first.
      await fixture.write(
        "questions/a-first.yaml",
        'items:\n  - { q: "xin giấy khai sinh", codes: ["1.001193"], style: plain }\n',
      );
      const catalogue = await loadCatalogue(fixture.dir);
      expect(catalogue.questions).toEqual([
        { q: "xin giấy khai sinh", codes: ["1.001193"] },
        { q: "muốn làm giấy khai sinh cho cháu", codes: ["1.001193"] },
        { q: "nhập khẩu cho con mới sinh", codes: ["1.004222", "2.000986"] },
        { q: "giá vàng hôm nay bao nhiêu", codes: [] },
      ]);
      expect(catalogue.questionFiles).toEqual([
        { file: "questions/a-first.yaml", items: 1 },
        { file: "questions/examples.yaml", items: 3 },
      ]);
      expect(Object.isFrozen(catalogue.questions[0])).toBe(true);
      // A questions file is not a procedure of a field folder "questions".
      expect(catalogue.procedures).toHaveLength(3);
    } finally {
      await fixture.dispose();
    }
  });

  it("loads a catalogue without a questions/ folder with no questions", async () => {
    const fixture = await fixtureCatalogue();
    try {
      await fixture.remove("questions/examples.yaml");
      await rmdir(join(fixture.dir, "questions"));
      expect((await loadCatalogue(fixture.dir)).questions).toEqual([]);
    } finally {
      await fixture.dispose();
    }
  });

  it("with a parse cache, an edited questions file is parsed again and changes the version", async () => {
    const fixture = await fixtureCatalogue();
    try {
      const cache = createParseCache();
      const first = await loadCatalogue(fixture.dir, { cache });
      await fixture.edit("questions/examples.yaml", "giá vàng hôm nay", "giá xăng hôm nay");
      const second = await loadCatalogue(fixture.dir, { cache });
      expect(second.questions[2]).toEqual({ q: "giá xăng hôm nay bao nhiêu", codes: [] });
      expect(second.version).not.toBe(first.version);
    } finally {
      await fixture.dispose();
    }
  });

  it("ignores the schema folder, hidden files and files that are not YAML", async () => {
    const fixture = await fixtureCatalogue();
    try {
      await mkdir(join(fixture.dir, "schema"));
      await fixture.write("schema/procedure.schema.json", "{}");
      await fixture.write("ho-tich/.1.001193.yaml.swp", "not: [yaml");
      await fixture.write("ho-tich/notes.txt", "not: [yaml");
      expect((await loadCatalogue(fixture.dir)).procedures).toHaveLength(3);
    } finally {
      await fixture.dispose();
    }
  });
});

describe("loadCatalogue on a broken catalogue", () => {
  let fixture: FixtureCatalogue;
  beforeEach(async () => {
    fixture = await fixtureCatalogue();
  });
  afterEach(async () => {
    await fixture.dispose();
  });

  it("reports invalid YAML with the line", async () => {
    await fixture.edit("ho-tich/2.000986.yaml", "levels: [xa]", "levels: [xa");
    const problems = await problemsOf(fixture.dir);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: fixture.label("ho-tich/2.000986.yaml"), path: "" });
    expect(problems[0]?.message).toMatch(/^invalid YAML at line \d+, column \d+: /);
  });

  it("reports a duplicate key as invalid YAML", async () => {
    await fixture.edit("ho-tich/2.000986.yaml", "levels: [xa]", "levels: [xa]\nlevels: [tinh]");
    const [problem] = await problemsOf(fixture.dir);
    expect(problem?.message).toMatch(/invalid YAML.*duplicated mapping key/);
  });

  it("reports a schema violation with its field path", async () => {
    await fixture.edit("dang-ky-quan-ly-cu-tru/1.004222.yaml", "unit: ngay_lam_viec", "unit: fortnight");
    const problems = await problemsOf(fixture.dir);
    expect(problems).toEqual([
      {
        file: fixture.label("dang-ky-quan-ly-cu-tru/1.004222.yaml"),
        path: "channels[0].time.unit",
        message: expect.stringContaining("ngay_lam_viec"),
      },
    ]);
  });

  it("reports a missing key and a wrong type in the same file", async () => {
    await fixture.edit("dang-ky-quan-ly-cu-tru/1.004222.yaml", "name: Đăng ký thường trú\n", "");
    await fixture.edit("dang-ky-quan-ly-cu-tru/1.004222.yaml", "amount: 20000", "amount: hai mươi nghìn");
    const problems = await problemsOf(fixture.dir);
    expect(problems.map((p) => [p.path, p.message])).toEqual([
      ["name", "missing (expected string)"],
      ["channels[1].fees[0].amount", expect.stringContaining("expected number")],
    ]);
  });

  it("explains that a code written without quotes is read as a number", async () => {
    await fixture.edit("curated/1.001193.yaml", 'code: "1.001193"', "code: 1.001193");
    expect(await problemsOf(fixture.dir)).toEqual([
      {
        file: fixture.label("curated/1.001193.yaml"),
        path: "code",
        message: 'expected text but found a number: put it in quotes, e.g. "1.001193"',
      },
    ]);
  });

  it("reports an unknown key (a typo) instead of dropping it silently", async () => {
    await fixture.edit("curated/1.001193.yaml", "aliases:", "alias:");
    await fixture.edit("ho-tich/2.000986.yaml", "unit: ngay }", "unit: ngay, maximum: 22 }");
    const problems = await problemsOf(fixture.dir);
    expect(problems).toEqual([
      { file: fixture.label("curated/1.001193.yaml"), path: "alias", message: "unknown key (a typo?)" },
      {
        file: fixture.label("ho-tich/2.000986.yaml"),
        path: "channels[0].time.maximum",
        message: "unknown key (a typo?)",
      },
    ]);
  });

  it("reports an empty file", async () => {
    await fixture.write("dang-ky-quan-ly-cu-tru/1.004222.yaml", "# nothing yet\n");
    const problems = await problemsOf(fixture.dir);
    // The bundle 2.000986 refers to 1.004222, whose file is already reported: no second problem.
    expect(problems).toEqual([
      { file: fixture.label("dang-ky-quan-ly-cu-tru/1.004222.yaml"), path: "", message: "the file is empty" },
    ]);
  });

  it("reports a file whose name is not its code", async () => {
    await rename(
      join(fixture.dir, "dang-ky-quan-ly-cu-tru/1.004222.yaml"),
      join(fixture.dir, "dang-ky-quan-ly-cu-tru/1.004223.yaml"),
    );
    const problems = await problemsOf(fixture.dir);
    expect(problems).toEqual([
      {
        file: fixture.label("dang-ky-quan-ly-cu-tru/1.004223.yaml"),
        path: "code",
        message: "the file name must be the code: 1.004222.yaml (or change the code to 1.004223)",
      },
    ]);
  });

  it("reports a file in the wrong field folder", async () => {
    await rename(
      join(fixture.dir, "dang-ky-quan-ly-cu-tru/1.004222.yaml"),
      join(fixture.dir, "ho-tich/1.004222.yaml"),
    );
    const problems = await problemsOf(fixture.dir);
    expect(problems).toEqual([
      {
        file: fixture.label("ho-tich/1.004222.yaml"),
        path: "field",
        message:
          'the field "Đăng ký, quản lý cư trú" belongs in the folder dang-ky-quan-ly-cu-tru/, not ho-tich/',
      },
    ]);
  });

  it("reports a code used by two files", async () => {
    const text = await fixture.read("dang-ky-quan-ly-cu-tru/1.004222.yaml");
    await fixture.write(
      "ho-tich/1.004222.yaml",
      text.replace("field: Đăng ký, quản lý cư trú", "field: Hộ tịch"),
    );
    const problems = await problemsOf(fixture.dir);
    expect(problems).toEqual([
      {
        file: fixture.label("ho-tich/1.004222.yaml"),
        path: "code",
        message: `code 1.004222 is already used by ${fixture.label("dang-ky-quan-ly-cu-tru/1.004222.yaml")}`,
      },
    ]);
  });

  it("reports references to codes that are not in the catalogue", async () => {
    await fixture.edit(
      "ho-tich/2.000986.yaml",
      'related: ["1.001193", "1.004222"]',
      'related: ["1.001193", "1.999999"]',
    );
    await fixture.edit(
      "dang-ky-quan-ly-cu-tru/1.004222.yaml",
      "status: { state: active }",
      'status: { state: repealed, replacedBy: ["3.000722"] }',
    );
    await fixture.edit("ho-tich/1.001193.yaml", 'bundles: ["2.000986"]', 'bundles: ["2.000986", "1.001193"]');
    const problems = await problemsOf(fixture.dir);
    expect(problems).toEqual([
      {
        file: fixture.label("dang-ky-quan-ly-cu-tru/1.004222.yaml"),
        path: "status.replacedBy[0]",
        message: "3.000722 is not in the catalogue",
      },
      {
        file: fixture.label("ho-tich/1.001193.yaml"),
        path: "bundles[1]",
        message: "1.001193 refers to the procedure itself",
      },
      {
        file: fixture.label("ho-tich/2.000986.yaml"),
        path: "related[1]",
        message: "1.999999 is not in the catalogue",
      },
    ]);
  });

  it("reports a malformed question with its file and item path", async () => {
    await fixture.write(
      "questions/broken.yaml",
      'items:\n  - { q: "khai sinh", codes: ["1.001193"] }\n  - { q: "", codes: 1.004222 }\n  - { q: "tạm trú", code: [] }\n',
    );
    const problems = await problemsOf(fixture.dir);
    const file = fixture.label("questions/broken.yaml");
    expect(problems).toEqual([
      { file, path: "items[1].q", message: "a question cannot be empty" },
      { file, path: "items[1].codes", message: expect.stringContaining("expected array") },
      { file, path: "items[2].codes", message: "missing (expected array)" },
    ]);
  });

  it("reports a question naming a code that is not in the catalogue", async () => {
    await fixture.edit("questions/examples.yaml", '["1.004222", "2.000986"]', '["1.004222", "1.999999"]');
    expect(await problemsOf(fixture.dir)).toEqual([
      {
        file: fixture.label("questions/examples.yaml"),
        path: "items[1].codes[1]",
        message: "1.999999 is not in the catalogue",
      },
    ]);
  });

  it("names the overlay file when the dangling reference comes from the overlay", async () => {
    await fixture.write("curated/2.000986.yaml", 'code: "2.000986"\nbundles: ["3.000722"]\n');
    const problems = await problemsOf(fixture.dir);
    expect(problems).toEqual([
      {
        file: fixture.label("curated/2.000986.yaml"),
        path: "bundles[0]",
        message: "3.000722 is not in the catalogue",
      },
    ]);
  });

  it("reports a curated overlay for a code that is not in the catalogue, or under the wrong name", async () => {
    await fixture.write("curated/1.000000.yaml", 'code: "1.000000"\naliases: [không có]\n');
    await fixture.write("curated/1.004222.yaml", 'code: "1.004223"\n');
    const problems = await problemsOf(fixture.dir);
    expect(problems).toEqual([
      {
        file: fixture.label("curated/1.000000.yaml"),
        path: "code",
        message: "curated overlay for 1.000000, which is not in the catalogue",
      },
      {
        file: fixture.label("curated/1.004222.yaml"),
        path: "code",
        message: "the file name must be the code: 1.004223.yaml (or change the code to 1.004222)",
      },
    ]);
  });

  it("reports an invalid locality", async () => {
    await fixture.edit("locality.yaml", "hotline: 1900 0000 00\n", "");
    await fixture.edit("locality.yaml", '"2026-09-02"', '"2026-02-30"');
    await fixture.edit("locality.yaml", 'code: "1.004222"', 'code: "1.004223"');
    expect(await problemsOf(fixture.dir)).toEqual([
      { file: fixture.label("locality.yaml"), path: "hotline", message: "missing (expected string)" },
    ]);
    await fixture.edit("locality.yaml", "level: xa", "level: xa\nhotline: 1900 0000 00");
    expect(await problemsOf(fixture.dir)).toEqual([
      {
        file: fixture.label("locality.yaml"),
        path: "feeOverrides[0].code",
        message: "1.004223 is not in the catalogue",
      },
      {
        file: fixture.label("locality.yaml"),
        path: "holidays[1]",
        message: '"2026-02-30" is not a date written as YYYY-MM-DD',
      },
    ]);
  });

  it("reports a missing locality file", async () => {
    await fixture.remove("locality.yaml");
    expect(await problemsOf(fixture.dir)).toEqual([
      {
        file: fixture.label("locality.yaml"),
        path: "",
        message: "missing: every deployment needs a locality file (start from the shipped example)",
      },
    ]);
  });

  it("reports YAML files outside the layout", async () => {
    await mkdir(join(fixture.dir, "ho-tich/old"));
    await fixture.write("ho-tich/old/1.001193.yaml", await fixture.read("ho-tich/1.001193.yaml"));
    await fixture.write("ho-tich/2.000986.yml", "code: x");
    const problems = await problemsOf(fixture.dir);
    expect(problems.map((p) => [p.file, p.message])).toEqual([
      [fixture.label("ho-tich/2.000986.yml"), "catalogue files end in .yaml, not .yml: rename it"],
      [
        fixture.label("ho-tich/old/1.001193.yaml"),
        expect.stringContaining("not a place for a catalogue file"),
      ],
    ]);
  });

  it("collects every problem of every file and lists them in the message", async () => {
    await fixture.edit("ho-tich/2.000986.yaml", "levels: [xa]", "levels: [huyen]");
    await fixture.edit("dang-ky-quan-ly-cu-tru/1.004222.yaml", "kind: truc_tuyen", "kind: online");
    await fixture.write("curated/1.000000.yaml", 'code: "1.000000"\n');
    const error = (await loadCatalogue(fixture.dir).catch((e: unknown) => e)) as CatalogueError;
    expect(error).toBeInstanceOf(CatalogueError);
    expect(error.problems).toHaveLength(3);
    expect(error.message.split("\n")).toEqual([
      "The catalogue has 3 problems:",
      `  - ${fixture.label("curated/1.000000.yaml")} › code: curated overlay for 1.000000, which is not in the catalogue`,
      expect.stringMatching(
        /^ {2}- .*dang-ky-quan-ly-cu-tru\/1\.004222\.yaml › channels\[0\]\.kind: Invalid option/,
      ),
      expect.stringMatching(/^ {2}- .*ho-tich\/2\.000986\.yaml › levels\[0\]: Invalid option/),
    ]);
  });
});
