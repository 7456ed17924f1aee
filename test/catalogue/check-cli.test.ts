import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { fixtureCatalogue, validFixture } from "./fixture-catalogue.ts";

const cli = join(import.meta.dirname, "../../src/catalogue/check-cli.ts");

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `catalogue:check` as a real child process, the way CI runs it. */
async function check(dir: string): Promise<Outcome> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ["--import", "tsx", cli, dir], {
      encoding: "utf8",
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe("npm run catalogue:check", () => {
  it("prints the quality report and exits 0 on a valid catalogue", async () => {
    const outcome = await check(validFixture);
    expect(outcome.stderr).toBe("");
    expect(outcome.code).toBe(0);
    expect(outcome.stdout).toContain("3 procedures");
    expect(outcome.stdout).toMatch(/is valid: 3 procedures, 3 labelled questions, version [0-9a-f]{12}\./);
    expect(outcome.stdout).toContain("shipped example (example: true)");
  });

  it("prints every problem with file, field path and message, and exits 1", async () => {
    const fixture = await fixtureCatalogue();
    try {
      await fixture.edit("dang-ky-quan-ly-cu-tru/1.004222.yaml", "unit: ngay_lam_viec", "unit: fortnight");
      await fixture.edit(
        "ho-tich/2.000986.yaml",
        'related: ["1.001193", "1.004222"]',
        'related: ["1.999999"]',
      );
      const outcome = await check(fixture.dir);
      expect(outcome.code).toBe(1);
      expect(outcome.stdout).toBe("");
      const lines = outcome.stderr.trim().split("\n");
      expect(lines).toEqual([
        expect.stringMatching(
          /^procedures\/dang-ky-quan-ly-cu-tru\/1\.004222\.yaml › channels\[0\]\.time\.unit: Invalid option: expected one of "ngay_lam_viec"/,
        ),
        "procedures/ho-tich/2.000986.yaml › related[0]: 1.999999 is not in the catalogue",
        "",
        `Catalogue ${fixture.dir} is invalid: 2 problems. Fix them and run \`npm run catalogue:check\` again.`,
      ]);
    } finally {
      await fixture.dispose();
    }
  });

  it("reports a labelled question naming a code that is not in the catalogue, and exits 1", async () => {
    const fixture = await fixtureCatalogue();
    try {
      await fixture.edit("questions/examples.yaml", 'codes: ["1.001193"]', 'codes: ["1.001199"]');
      const outcome = await check(fixture.dir);
      expect(outcome.code).toBe(1);
      expect(outcome.stderr.trim().split("\n")[0]).toBe(
        "procedures/questions/examples.yaml › items[0].codes[0]: 1.001199 is not in the catalogue",
      );
    } finally {
      await fixture.dispose();
    }
  });

  it("exits 1 with a clear message when the folder does not exist", async () => {
    const outcome = await check(join(validFixture, "no-such-folder"));
    expect(outcome.code).toBe(1);
    expect(outcome.stderr).toContain("no-such-folder: the catalogue folder");
    expect(outcome.stderr).toContain("does not exist");
  });
});
