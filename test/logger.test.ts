import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LogLevel } from "../src/config.ts";
import { createLogger, createUserIdHasher, loadLogSalt, scrubTokens } from "../src/logger.ts";

function capture(level: LogLevel) {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split("\n").filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { logger: createLogger({ level, destination, pretty: false }), lines };
}

const TOKEN = "7123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw";

describe("createLogger", () => {
  it("writes JSON lines at the configured level", () => {
    const { logger, lines } = capture("info");
    logger.debug("hidden");
    logger.info({ channel: "telegram" }, "started");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 30, channel: "telegram", msg: "started" });
  });

  it("redacts secrets, names and phone numbers, and message text at info", () => {
    const { logger, lines } = capture("info");
    logger.info(
      {
        token: TOKEN,
        config: { webhookSecret: "s3cret", apiToken: "t0ken" },
        update: {
          text: "Số tôi 0912345678",
          caption: "ảnh",
          from: { first_name: "Lan", phone_number: "0912345678" },
        },
        text: "Làm căn cước",
      },
      "update",
    );
    const line = JSON.stringify(lines[0]);
    for (const leak of [TOKEN, "s3cret", "t0ken", "0912345678", "Lan", "Làm căn cước", "ảnh"]) {
      expect(line).not.toContain(leak);
    }
    expect(line).toContain("[redacted]");
  });

  it("shows message text at debug, but still no secrets or names", () => {
    const { logger, lines } = capture("debug");
    logger.debug({ text: "Làm căn cước", token: TOKEN, user: { first_name: "Lan" } }, "update");
    const line = JSON.stringify(lines[0]);
    expect(line).toContain("Làm căn cước");
    expect(line).not.toContain(TOKEN);
    expect(line).not.toContain("Lan");
  });

  it("scrubs bot tokens inside messages and errors (such as API URLs)", () => {
    const { logger, lines } = capture("info");
    logger.error(
      { err: new Error(`fetch https://api.telegram.org/bot${TOKEN}/getMe failed`) },
      `call bot${TOKEN}`,
    );
    const line = JSON.stringify(lines[0]);
    expect(line).not.toContain(TOKEN);
    expect(line).toContain("bot[token]/getMe");
    expect(scrubTokens(`x ${TOKEN} y`)).toBe("x [token] y");
    expect(scrubTokens("thủ tục 1.001193 ngày 12:30")).toBe("thủ tục 1.001193 ngày 12:30");
  });

  it("keeps child bindings (one child logger per update)", () => {
    const { logger, lines } = capture("info");
    logger.child({ update: 42, user: "h:abc" }).info("handled");
    expect(lines[0]).toMatchObject({ update: 42, user: "h:abc", msg: "handled" });
  });
});

describe("hashing user ids", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "htt-logger-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("gives a short stable hash per salt that does not contain the id", () => {
    const hash = createUserIdHasher("a-long-enough-salt");
    expect(hash("123456789")).toBe(hash("123456789"));
    expect(hash("123456789")).not.toBe(hash("123456780"));
    expect(hash("123456789")).not.toContain("123456789");
    expect(hash("123456789")).toMatch(/^[A-Za-z0-9_-]{12}$/);
    expect(createUserIdHasher("another-long-salt")("123456789")).not.toBe(hash("123456789"));
  });

  it("uses LOG_SALT when set, else creates one salt per install and keeps it", async () => {
    expect(await loadLogSalt("configured-salt-value", dir)).toBe("configured-salt-value");
    const dataDir = join(dir, "data");
    const first = await loadLogSalt(null, dataDir);
    expect(first.length).toBeGreaterThanOrEqual(16);
    expect((await readFile(join(dataDir, "log-salt"), "utf8")).trim()).toBe(first);
    expect(await loadLogSalt(null, dataDir)).toBe(first);
  });
});
