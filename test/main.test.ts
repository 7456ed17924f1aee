/**
 * `npm start` as a real child process: the terminal chat driven through piped stdin, and start-up
 * refused on bad configuration with a message that names the variable.
 */
import { spawn } from "node:child_process";
import { cp, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "..");
const MAIN = join(ROOT, "src", "main.ts");
/** The tsx loader by absolute URL, so the app also starts from another working directory. */
const TSX = pathToFileURL(join(ROOT, "node_modules", "tsx", "dist", "loader.mjs")).href;
const TIMEOUT = 60_000;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the app like `npm start` (node + tsx loader), with only the given environment. */
function runApp(
  env: Record<string, string>,
  stdin: string,
  options: { cwd?: string; timeoutMs?: number } = {},
) {
  return new Promise<Run>((resolvePromise, reject) => {
    const child = spawn(process.execPath, ["--import", TSX, MAIN], {
      cwd: options.cwd ?? ROOT,
      env: { PATH: process.env.PATH ?? "", NODE_OPTIONS: "", ...env },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => {
      stdout += d;
    });
    child.stderr.setEncoding("utf8").on("data", (d: string) => {
      stderr += d;
    });
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`timed out; stdout so far:\n${stdout}\nstderr:\n${stderr}`));
    }, options.timeoutMs ?? 60_000);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolvePromise({ code, stdout, stderr });
    });
    child.stdin.end(stdin);
  });
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "htt-main-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("npm start without a token: the terminal chat", { timeout: TIMEOUT }, () => {
  it("greets, answers each piped line in order in Vietnamese, and exits 0 at the end of input", async () => {
    const dataDir = join(dir, "chat");
    const run = await runApp(
      { DATA_DIR: dataDir, CATALOGUE_DIR: join(ROOT, "procedures") },
      "xin chào\nlàm căn cước công dân cần giấy tờ gì\n",
    );
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const out = run.stdout;
    // Banner, the welcome (from the automatic start), the welcome again for "xin chào", the card, goodbye.
    expect(out).toMatch(/^Hỏi Thủ Tục: trò chuyện thử ngay trong cửa sổ dòng lệnh\./);
    const welcomes = out.split("Xin chào! Tôi là trợ lý hỏi thủ tục hành chính").length - 1;
    expect(welcomes).toBe(2);
    // Choices come as numbered lines with the hint.
    expect(out).toMatch(/\n1\. Tra cứu thủ tục\n/);
    expect(out).toContain("Bạn trả lời bằng số từ 1 đến");
    // The question gets the identity card procedure with its national code, papers and time.
    const card = out.slice(out.lastIndexOf("Xin chào! Tôi là"));
    expect(card).toMatch(/căn cước/i);
    expect(card).toMatch(/Mã thủ tục: \d\.\d{6}/);
    expect(card).toContain("Giấy tờ cần mang");
    expect(card).toContain("Thời gian giải quyết");
    expect(out.trimEnd().endsWith("Tạm biệt! Chúc bạn làm thủ tục thuận lợi.")).toBe(true);
  });

  it("resolves a typed number as the choice shown before it, and stops at /thoat", async () => {
    const run = await runApp(
      { DATA_DIR: join(dir, "numbers"), CATALOGUE_DIR: join(ROOT, "procedures") },
      "4\n/thoat\nthis line is never answered\n",
    );
    expect(run.code).toBe(0);
    // Choice 4 of the welcome is "Liên hệ cơ quan": the office's contact details from the locality file.
    const afterWelcome = run.stdout.slice(run.stdout.indexOf("4. Liên hệ cơ quan") + 20);
    expect(afterWelcome).toMatch(/Phường Mẫu/);
    expect(afterWelcome).not.toContain("this line");
    expect(run.stdout.trimEnd().endsWith("Tạm biệt! Chúc bạn làm thủ tục thuận lợi.")).toBe(true);
  });

  it("keeps the conversation across restarts (same DATA_DIR)", async () => {
    const env = { DATA_DIR: join(dir, "restart"), CATALOGUE_DIR: join(ROOT, "procedures") };
    await runApp(env, "làm căn cước công dân cần giấy tờ gì\n1\n");
    // "1" on the card was "Chuẩn bị hồ sơ": the checklist is saved for 30 days; /hoso lists it after a restart.
    const second = await runApp(env, "/hoso\n");
    expect(second.code).toBe(0);
    const afterWelcome = second.stdout.slice(second.stdout.indexOf("4. Liên hệ cơ quan"));
    expect(afterWelcome).toMatch(/Cấp thẻ căn cước[^\n]*: còn thiếu \d+\/\d+/);
  });
});

describe("npm start with a bad configuration", { timeout: TIMEOUT }, () => {
  it("exits 1 naming the variable and the fix, without a stack trace", async () => {
    const run = await runApp({ PORT: "abc", DATA_DIR: join(dir, "bad") }, "");
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain(
      "PORT must be a whole number between 1 and 65535, got 'abc'. Set PORT=8080 or remove it.",
    );
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it("never prints a token it refuses", async () => {
    const run = await runApp({ TELEGRAM_BOT_TOKEN: "oops my-secret-token", DATA_DIR: join(dir, "bad2") }, "");
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("TELEGRAM_BOT_TOKEN does not look like a bot token");
    expect(run.stderr).not.toContain("my-secret-token");
  });

  it("reads .env from the working directory, and real variables win over it", async () => {
    const cwd = join(dir, "dotenv");
    await mkdir(cwd, { recursive: true });
    await writeFile(join(cwd, ".env"), "# test\nRATE_LIMIT_PER_MINUTE=lots\nDEFAULT_LOCALE=fr\n");
    const run = await runApp({ DEFAULT_LOCALE: "vi" }, "", { cwd });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("RATE_LIMIT_PER_MINUTE must be a whole number");
    expect(run.stderr).not.toContain("DEFAULT_LOCALE");
  });

  it("refuses an invalid catalogue with its problems, naming the file", async () => {
    const catalogueDir = join(dir, "bad-catalogue");
    await mkdir(join(catalogueDir, "ho-tich"), { recursive: true });
    await cp(join(ROOT, "procedures", "locality.yaml"), join(catalogueDir, "locality.yaml"));
    await writeFile(join(catalogueDir, "ho-tich", "1.000001.yaml"), "code: 1.000001\nname: [not, a, name\n");
    const run = await runApp({ CATALOGUE_DIR: catalogueDir, DATA_DIR: join(dir, "bad3") }, "");
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("(CATALOGUE_DIR) has");
    expect(run.stderr).toContain("1.000001.yaml");
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});
