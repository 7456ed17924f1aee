import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { UNANSWERED_LOG } from "../../src/core/assistant.ts";
import { runReportUnanswered } from "../../src/core/report-unanswered-cli.ts";
import { createStores } from "../../src/storage/create-stores.ts";

const dirs: string[] = [];
afterEach(() => {
  vi.restoreAllMocks();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
    out.push(String(chunk));
    return true;
  });
  vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => {
    err.push(String(chunk));
    return true;
  });
  return { out, err };
}

describe("npm run report:unanswered", () => {
  it("prints the questions recorded in the embedded SQLite storage", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "report-unanswered-"));
    dirs.push(dataDir);
    const stores = await createStores({ dataDir, redisUrl: null });
    await stores.appendLog(UNANSWERED_LOG).append({
      at: "2026-11-22T08:00:00.000Z",
      question: "xin giấy phép bắn pháo hoa",
      addressHash: "0123456789abcdef",
      candidates: [],
      locale: "vi",
    });
    await stores.close();
    const { out } = capture();
    const code = await runReportUnanswered([], { DATA_DIR: dataDir });
    expect(code).toBe(0);
    expect(out.join("")).toContain("2026-11-22T08:00:00.000Z  vi  -  xin giấy phép bắn pháo hoa");
    const json = capture();
    expect(await runReportUnanswered(["--json"], { DATA_DIR: dataDir })).toBe(0);
    expect(JSON.parse(json.out.join("")).total).toBe(1);
    const draft = capture();
    expect(await runReportUnanswered(["--questions"], { DATA_DIR: dataDir })).toBe(0);
    expect(draft.out.join("")).toContain('  - { q: "xin giấy phép bắn pháo hoa", codes: ["?"] }');
  });

  it("refuses bad arguments with a usage line", async () => {
    const { err } = capture();
    expect(await runReportUnanswered(["--top", "zero"], {})).toBe(2);
    expect(await runReportUnanswered(["--since", "not a date"], {})).toBe(2);
    expect(await runReportUnanswered(["--nope"], {})).toBe(2);
    expect(err.join("")).toContain("Usage: npm run report:unanswered");
  });
});
