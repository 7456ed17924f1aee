/** `npm run search:fit`: refits the learnt "nothing fits" decision and prints what it would change. */
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { fixtureCatalogue } from "../catalogue/fixture-catalogue.ts";

describe("search:fit", () => {
  it("prints the cross-validated errors of the rules and of the model, and writes nothing with --dry-run", async () => {
    const fixture = await fixtureCatalogue();
    try {
      await fixture.write(
        "questions/more.yaml",
        [
          "items:",
          '  - { q: "xin giấy khai sinh cho bé", codes: ["1.001193"] }',
          '  - { q: "giá xăng hôm nay", codes: [] }',
          '  - { q: "đăng ký thường trú cho con", codes: ["1.004222"] }',
          "",
        ].join("\n"),
      );
      const out = spawnSync(
        process.execPath,
        ["--import", "tsx", "src/search/fit-cli.ts", "--catalogue", fixture.dir, "--dry-run"],
        { encoding: "utf8", timeout: 120_000 },
      );
      expect(out.status).toBe(0);
      expect(out.stdout).toMatch(/^\d+ labelled questions searched without their own file/m);
      expect(out.stdout).toMatch(/^rules alone: \d+ of \d+ in scope/m);
      expect(out.stdout).toMatch(/^model, threshold [\d.]+: /m);
      expect(out.stdout).not.toContain("written to");
    } finally {
      await fixture.dispose();
    }
  }, 120_000);
});
