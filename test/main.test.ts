/**
 * `npm start` as a real child process: the terminal chat driven through piped stdin, and start-up
 * refused on bad configuration with a message that names the variable.
 */
import { spawn } from "node:child_process";
import { cp, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { type AddressInfo, createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { PassThrough } from "node:stream";
import { pathToFileURL } from "node:url";
import { createClient } from "@keyv/redis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../src/config.ts";
import { createLogger } from "../src/logger.ts";
import { type App, StartupError, startApp } from "../src/main.ts";
import { startTelegramApiStandIn, type TelegramApiStandIn } from "./support/telegram-api-stand-in.ts";
import { citizen, textUpdate } from "./support/telegram-updates.ts";
import { startZaloApiStandIn, type ZaloApiStandIn } from "./support/zalo-api-stand-in.ts";

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
      "xin chào\nlàm căn cước lần đầu cần giấy tờ gì\n",
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

  it("takes feedback in the terminal chat from /phananh to a stored ticket with its code", async () => {
    const run = await runApp(
      { DATA_DIR: join(dir, "hotline"), CATALOGUE_DIR: join(ROOT, "procedures") },
      [
        "/phananh",
        "2", // Hồ sơ trễ hẹn
        "1", // Bỏ qua (no procedure)
        "Tôi nộp hồ sơ ngày 10/11, hẹn trả ngày 17/11 nhưng đến nay vẫn chưa có kết quả.",
        "1", // Không có ảnh
        "0912 345 678",
        "1", // Gửi phản ánh
        "/trangthai",
        "",
      ].join("\n"),
    );
    expect(run.code).toBe(0);
    const out = run.stdout;
    expect(out).toContain("Bạn muốn phản ánh về việc gì?");
    expect(out).toContain("Số điện thoại liên hệ: 0912345678");
    const code = /Mã phản ánh của bạn là (PA-\d{4}-\d{4})/.exec(out)?.[1];
    expect(code).toBeDefined();
    expect(out).toContain(`${code}: Mới gửi`);
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
    await runApp(env, "làm căn cước lần đầu cần giấy tờ gì\n1\n");
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

  it("explains a data folder it cannot write to", async () => {
    const file = join(dir, "not-a-folder");
    await writeFile(file, "x");
    const run = await runApp({ DATA_DIR: join(file, "data") }, "");
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`Cannot use the data folder '${join(file, "data")}' (DATA_DIR)`);
    expect(run.stderr).not.toMatch(/\n\s+at /);
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

describe("startApp with both bots in webhook mode behind one HTTP server", { timeout: TIMEOUT }, () => {
  let telegram: TelegramApiStandIn;
  let zalo: ZaloApiStandIn;
  let app: App;
  let base: string;

  beforeAll(async () => {
    telegram = await startTelegramApiStandIn();
    zalo = await startZaloApiStandIn({ maxPollWaitMs: 50 });
    const loaded = loadConfig({
      TELEGRAM_BOT_TOKEN: telegram.token,
      TELEGRAM_API_ROOT: telegram.apiRoot,
      TELEGRAM_MODE: "webhook",
      TELEGRAM_WEBHOOK_SECRET: "tg-secret_1",
      ZALO_BOT_TOKEN: zalo.token,
      ZALO_API_ROOT: zalo.apiRoot,
      ZALO_MODE: "webhook",
      ZALO_WEBHOOK_SECRET: "zalo-secret_1",
      PUBLIC_URL: "https://bot.phuongmau.example.vn",
      DATA_DIR: join(dir, "webhooks"),
      CATALOGUE_DIR: join(ROOT, "procedures"),
    });
    // Port 0: a free port (PORT itself must be 1–65535).
    const config = { ...loaded, http: { host: "127.0.0.1", port: 0, portFromEnv: true } };
    const logger = createLogger({ level: "silent", destination: new PassThrough() });
    const io = { stdin: new PassThrough(), stdout: new PassThrough(), stderr: new PassThrough() };
    app = await startApp(config, io, logger);
    base = `http://127.0.0.1:${app.httpPort}`;
  });
  afterAll(async () => {
    await app?.shutdown("test over");
    await telegram?.close();
    await zalo?.close();
  });

  it("reports both channels, the catalogue and storage on /healthz", async () => {
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      status: string;
      catalogue: { procedures: number; questions: number; version: string };
    };
    expect(body).toMatchObject({
      status: "ok",
      storage: { reachable: true },
      channels: { telegram: true, zalo: true },
    });
    expect(body.catalogue.procedures).toBeGreaterThan(2000);
    expect(body.catalogue.questions).toBeGreaterThan(1000);
    expect(body.catalogue.version).toMatch(/\w+/);
  });

  it("registered each webhook at PUBLIC_URL with its secret", () => {
    expect(telegram.callsOf("setWebhook")[0]?.params).toMatchObject({
      url: "https://bot.phuongmau.example.vn/webhook/telegram",
      secret_token: "tg-secret_1",
    });
    expect(zalo.webhook).toEqual({
      url: "https://bot.phuongmau.example.vn/webhook/zalo",
      secret: "zalo-secret_1",
    });
  });

  it("answers a Telegram update with the secret, and refuses one without", async () => {
    const update = { update_id: 9001, ...textUpdate("xin chào") };
    const forged = await fetch(`${base}/webhook/telegram`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": "wrong" },
      body: JSON.stringify(update),
    });
    expect(forged.status).toBe(401);
    const res = await fetch(`${base}/webhook/telegram`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": "tg-secret_1" },
      body: JSON.stringify(update),
    });
    expect(res.status).toBe(200);
    const sent = await telegram.waitForCalls("sendMessage", 1);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.params.chat_id).toBe(citizen.id);
    expect(String(sent[0]?.params.text)).toContain("Xin chào");
  });

  it("answers a Zalo update with the secret, and refuses one without", async () => {
    const update = {
      ok: true,
      result: {
        event_name: "message.text.received",
        message: {
          message_id: "m-1",
          date: Date.now(),
          from: { id: "zalo-user-1", display_name: "Lan" },
          chat: { id: "zalo-chat-1", chat_type: "PRIVATE" },
          text: "làm căn cước lần đầu cần giấy tờ gì",
        },
      },
    };
    const forged = await fetch(`${base}/webhook/zalo`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-bot-api-secret-token": "zalo-secret_2" },
      body: JSON.stringify(update),
    });
    expect(forged.status).toBeGreaterThanOrEqual(400);
    const res = await fetch(`${base}/webhook/zalo`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-bot-api-secret-token": "zalo-secret_1" },
      body: JSON.stringify(update),
    });
    expect(res.status).toBe(200);
    await zalo.waitFor(() => zalo.textsTo("zalo-chat-1").length > 0);
    expect(zalo.textsTo("zalo-chat-1").join("\n")).toMatch(/căn cước/i);
  });

  it("refuses webhook bodies over 1 MB", async () => {
    const res = await fetch(`${base}/webhook/telegram`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": "tg-secret_1" },
      body: JSON.stringify({ update_id: 1, padding: "x".repeat(1_100_000) }),
    });
    expect(res.status).toBe(413);
  });
});

describe("npm start: signals", { timeout: TIMEOUT }, () => {
  it("serves /healthz in the terminal chat when PORT is set, and stops cleanly on SIGTERM", async () => {
    const port = await freePort();
    const child = spawn(process.execPath, ["--import", TSX, MAIN], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? "",
        PORT: String(port),
        HOST: "127.0.0.1",
        DATA_DIR: join(dir, "signals"),
      },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (d: string) => {
      stderr += d;
    });
    const exited = new Promise<number | null>((resolvePromise) => child.on("close", resolvePromise));
    let health: Response | undefined;
    for (let i = 0; i < 200 && !health; i++) {
      health = await fetch(`http://127.0.0.1:${port}/healthz`).catch(async () => {
        await new Promise((r) => setTimeout(r, 100));
        return undefined;
      });
    }
    expect(health?.status, stderr).toBe(200);
    expect(await health?.json()).toMatchObject({ status: "ok", channels: { console: true } });
    child.kill("SIGTERM");
    expect(await exited, stderr).toBe(0);
    // Logs go to stderr (warn and above in the terminal chat); nothing at error level.
    const errors = stderr
      .split("\n")
      .filter((line) => line.startsWith("{"))
      .filter((line) => (JSON.parse(line) as { level: number }).level >= 50);
    expect(errors).toEqual([]);
  });
});

function freePort(): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolvePromise(port));
    });
    server.on("error", reject);
  });
}

describe.runIf(process.env.REDIS_URL)("startApp on Redis (REDIS_URL)", { timeout: TIMEOUT }, () => {
  const prefix = `htt-test-main-${Math.random().toString(36).slice(2, 10)}:`;
  const url = process.env.REDIS_URL ?? "";

  afterAll(async () => {
    const client = createClient({ url });
    await client.connect();
    for await (const keys of client.scanIterator({ MATCH: `${prefix}*`, COUNT: 500 })) {
      if (keys.length > 0) await client.unlink(keys);
    }
    await client.close();
  });

  it("keeps the terminal conversation in Redis under REDIS_KEY_PREFIX and reports it on /healthz", async () => {
    const loaded = loadConfig({
      REDIS_URL: url,
      REDIS_KEY_PREFIX: prefix,
      DATA_DIR: join(dir, "redis-mode"),
      CATALOGUE_DIR: join(ROOT, "procedures"),
    });
    const config = { ...loaded, http: { host: "127.0.0.1", port: 0, portFromEnv: true } };
    const logger = createLogger({ level: "silent", destination: new PassThrough() });
    const stdin = new PassThrough();
    const stdout = new PassThrough();
    let out = "";
    stdout.setEncoding("utf8").on("data", (d: string) => {
      out += d;
    });
    const app = await startApp(config, { stdin, stdout, stderr: new PassThrough() }, logger);
    const health = await fetch(`http://127.0.0.1:${app.httpPort}/healthz`);
    expect(await health.json()).toMatchObject({
      status: "ok",
      storage: { reachable: true },
      channels: { console: true },
    });
    stdin.end("làm căn cước lần đầu cần giấy tờ gì\n");
    await app.finished;
    expect(out).toContain("Mã thủ tục:");
    const client = createClient({ url });
    await client.connect();
    const keys: string[] = [];
    for await (const batch of client.scanIterator({ MATCH: `${prefix}*`, COUNT: 500 })) keys.push(...batch);
    await client.close();
    expect(keys.some((k) => k.startsWith(`${prefix}conversations`) && k.endsWith("console:local"))).toBe(
      true,
    );
  });
});

describe("startApp when a platform refuses", { timeout: TIMEOUT }, () => {
  it("explains a bot token Telegram does not accept, and releases what it opened", async () => {
    const telegram = await startTelegramApiStandIn();
    try {
      const loaded = loadConfig({
        TELEGRAM_BOT_TOKEN: "999999:wrong-token_for-this-bot",
        TELEGRAM_API_ROOT: telegram.apiRoot,
        DATA_DIR: join(dir, "refused"),
        CATALOGUE_DIR: join(ROOT, "procedures"),
      });
      const config = { ...loaded, http: { host: "127.0.0.1", port: 0, portFromEnv: true } };
      const logger = createLogger({ level: "silent", destination: new PassThrough() });
      const io = { stdin: new PassThrough(), stdout: new PassThrough(), stderr: new PassThrough() };
      const error = await startApp(config, io, logger).then(
        () => new Error("started although the token was refused"),
        (e: unknown) => e as Error,
      );
      expect(error).toBeInstanceOf(StartupError);
      expect(error.message).toMatch(/^Cannot start the telegram channel: .*401/);
      expect(error.message).toContain("check TELEGRAM_BOT_TOKEN");
      expect(error.message).not.toContain("wrong-token");
      // The data folder is free again: a second start on it works (SQLite closed, no port held).
      const again = loadConfig({ DATA_DIR: join(dir, "refused"), CATALOGUE_DIR: join(ROOT, "procedures") });
      const app = await startApp(again, io, logger);
      io.stdin.end();
      await app.finished;
    } finally {
      await telegram.close();
    }
  });
});

describe("startApp: catalogue edits while running", { timeout: TIMEOUT }, () => {
  it("picks up a new procedure file without a restart, and searches it", async () => {
    const catalogueDir = join(dir, "live-catalogue");
    await mkdir(join(catalogueDir, "ho-tich"), { recursive: true });
    await cp(join(ROOT, "procedures", "locality.yaml"), join(catalogueDir, "locality.yaml"));
    await cp(
      join(ROOT, "procedures", "ho-tich", "1.001193.yaml"),
      join(catalogueDir, "ho-tich", "1.001193.yaml"),
    );
    const loaded = loadConfig({ DATA_DIR: join(dir, "live"), CATALOGUE_DIR: catalogueDir });
    const config = { ...loaded, http: { host: "127.0.0.1", port: 0, portFromEnv: true } };
    const logger = createLogger({ level: "silent", destination: new PassThrough() });
    const stdin = new PassThrough();
    const stdout = new PassThrough();
    let out = "";
    stdout.setEncoding("utf8").on("data", (d: string) => {
      out += d;
    });
    const app = await startApp(config, { stdin, stdout, stderr: new PassThrough() }, logger);
    try {
      const health = async () =>
        (await (await fetch(`http://127.0.0.1:${app.httpPort}/healthz`)).json()) as {
          catalogue: { procedures: number; questions: number; version: string };
        };
      const before = await health();
      expect(before.catalogue.procedures).toBe(1);
      await cp(
        join(ROOT, "procedures", "ho-tich", "1.000110.yaml"),
        join(catalogueDir, "ho-tich", "1.000110.yaml"),
      );
      let after = before;
      for (let i = 0; i < 100 && after.catalogue.procedures === 1; i++) {
        await new Promise((r) => setTimeout(r, 100));
        after = await health();
      }
      expect(after.catalogue.procedures).toBe(2);
      expect(after.catalogue.version).not.toBe(before.catalogue.version);
      // The search was rebuilt over the new catalogue: the new procedure's code finds its card.
      stdin.write("1.000110\n");
      for (let i = 0; i < 100 && !out.includes("Mã thủ tục: 1.000110"); i++) {
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(out).toContain("Mã thủ tục: 1.000110");
      // A labelled questions file is part of the catalogue: added, it is picked up the same way.
      expect(after.catalogue.questions).toBe(0);
      await mkdir(join(catalogueDir, "questions"));
      await writeFile(
        join(catalogueDir, "questions", "asked.yaml"),
        'items:\n  - { q: "làm giấy khai sinh cho con", codes: ["1.001193"] }\n',
      );
      let withQuestions = after;
      for (let i = 0; i < 100 && withQuestions.catalogue.questions === 0; i++) {
        await new Promise((r) => setTimeout(r, 100));
        withQuestions = await health();
      }
      expect(withQuestions.catalogue.questions).toBe(1);
    } finally {
      stdin.end();
      await app.finished;
    }
  });
});
