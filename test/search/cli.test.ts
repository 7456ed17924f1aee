/** The CLI contract used to evaluate the search from outside (issue 3). */
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

function run(args: string[], input?: string) {
  return spawnSync(process.execPath, ["--import", "tsx", "src/search/cli.ts", ...args], {
    input,
    encoding: "utf8",
    timeout: 120_000,
  });
}

describe("search CLI", () => {
  it("--json writes one JSON object per input line, in order, and nothing else", () => {
    const lines = [
      "đăng ký khai sinh",
      "",
      "giá vàng hôm nay",
      "1.004222",
      "lam ho chieu het bao nhieu tien",
    ];
    const out = run(["--json"], `${lines.join("\n")}\n`);
    expect(out.status).toBe(0);
    const rows = out.stdout.trimEnd().split("\n");
    expect(rows).toHaveLength(lines.length);
    const parsed = rows.map((r) => JSON.parse(r));
    parsed.forEach((row, i) => {
      expect(Object.keys(row)).toEqual(["query", "answer", "aspect", "results"]);
      expect(row.query).toBe(lines[i]);
      expect(row.results.length).toBeLessThanOrEqual(5);
      for (const r of row.results) expect(Object.keys(r)).toEqual(["code", "name", "score"]);
    });
    expect(parsed[0].answer).toBe("1.001193");
    expect(parsed[1]).toEqual({ query: "", answer: null, aspect: null, results: [] });
    expect(parsed[2].answer).toBeNull();
    expect(parsed[3].answer).toBe("1.004222");
    expect(parsed[4].aspect).toBe("fee");
  }, 120_000);

  it("prints one query for people", () => {
    const out = run(["mất", "căn", "cước"]);
    expect(out.status).toBe(0);
    expect(out.stdout).toContain("Cấp lại thẻ căn cước");
    // Nothing fits: the reason is given.
    const none = run(["giá", "vàng", "hôm", "nay"]);
    expect(none.stdout).toMatch(/Quyết định: Không có thủ tục phù hợp \(.+\)/);
  }, 120_000);
});
