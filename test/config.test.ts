import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, channelNames, ENV_VARIABLES, loadConfig } from "../src/config.ts";

const TOKEN = "123456789:AAH-secretPART_abcdefghijklmnopqrstu";

function problems(env: Record<string, string>): readonly string[] {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
  throw new Error("expected a ConfigError");
}

describe("loadConfig", () => {
  it("gives a terminal-chat configuration with every default when nothing is set", () => {
    const config = loadConfig({});
    expect(config).toEqual({
      telegram: null,
      zalo: null,
      publicUrl: null,
      http: { host: "0.0.0.0", port: 8080, portFromEnv: false },
      dataDir: "./data",
      redisUrl: null,
      redisKeyPrefix: "hoi-thu-tuc:",
      logLevel: null,
      logSalt: null,
      catalogueDir: "procedures",
      defaultLocale: "vi",
      rateLimitPerMinute: 20,
      searchThread: true,
      staff: { telegram: [], zalo: [], chatId: null },
      apiToken: null,
      ticketWebhook: null,
      broadcast: {
        telegramPerSecond: 25,
        zaloPerSecond: 5,
        zaloMonthlyBudget: 1000,
        zaloHours: { fromMinute: 420, toMinute: 1260 },
        outcomeRetentionDays: 30,
      },
    });
    expect(channelNames(config)).toEqual(["console"]);
  });

  it("treats empty and blank strings as unset", () => {
    const config = loadConfig({ PORT: "", TELEGRAM_BOT_TOKEN: "  ", LOG_LEVEL: "", REDIS_URL: "" });
    expect(config.http.port).toBe(8080);
    expect(config.telegram).toBeNull();
    expect(config.redisUrl).toBeNull();
  });

  it("ignores variables it does not know", () => {
    expect(loadConfig({ PATH: "/usr/bin", HOME: "/root" }).telegram).toBeNull();
  });

  it("reads Telegram in polling mode by default, with the API root overridable", () => {
    const config = loadConfig({ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: "http://127.0.0.1:9000/" });
    expect(config.telegram).toEqual({ token: TOKEN, apiRoot: "http://127.0.0.1:9000", mode: "polling" });
    expect(channelNames(config)).toEqual(["telegram"]);
  });

  it("reads Telegram and Zalo in webhook mode", () => {
    const config = loadConfig({
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_MODE: "webhook",
      TELEGRAM_WEBHOOK_SECRET: "s_e-c_r-e_t",
      ZALO_BOT_TOKEN: "12345689:abc-xyz",
      ZALO_MODE: "Webhook",
      ZALO_WEBHOOK_SECRET: "zalo-secret-123",
      PUBLIC_URL: "https://bot.phuongmau.gov.vn/",
      PORT: "3000",
    });
    expect(config.telegram).toEqual({
      token: TOKEN,
      apiRoot: "https://api.telegram.org",
      mode: "webhook",
      webhookSecret: "s_e-c_r-e_t",
      publicUrl: "https://bot.phuongmau.gov.vn",
    });
    expect(config.zalo).toEqual({
      token: "12345689:abc-xyz",
      apiRoot: "https://bot-api.zaloplatforms.com",
      mode: "webhook",
      webhookSecret: "zalo-secret-123",
      publicUrl: "https://bot.phuongmau.gov.vn",
    });
    expect(config.http).toEqual({ host: "0.0.0.0", port: 3000, portFromEnv: true });
    expect(channelNames(config)).toEqual(["telegram", "zalo"]);
  });

  it("reads the staff and storage settings", () => {
    const config = loadConfig({
      REDIS_URL: "redis://127.0.0.1:6379/2",
      DATA_DIR: "/var/lib/htt",
      STAFF_TELEGRAM_IDS: "111, 222:Supervisor,,",
      STAFF_ZALO_IDS: "abcDEF_1",
      STAFF_CHAT_ID: "-1001234567890",
      API_TOKEN: "0123456789abcdef0123456789abcdef",
      RATE_LIMIT_PER_MINUTE: "30",
      DEFAULT_LOCALE: "en",
      LOG_LEVEL: "DEBUG",
    });
    expect(config.redisUrl).toBe("redis://127.0.0.1:6379/2");
    expect(loadConfig({ REDIS_KEY_PREFIX: "xa-phu-my:" }).redisKeyPrefix).toBe("xa-phu-my:");
    expect(config.dataDir).toBe("/var/lib/htt");
    expect(config.staff).toEqual({
      telegram: [
        { id: "111", role: "operator" },
        { id: "222", role: "supervisor" },
      ],
      zalo: [{ id: "abcDEF_1", role: "operator" }],
      chatId: "-1001234567890",
    });
    expect(config.apiToken).toBe("0123456789abcdef0123456789abcdef");
    expect(config.rateLimitPerMinute).toBe(30);
    expect(config.defaultLocale).toBe("en");
    expect(config.logLevel).toBe("debug");
    expect(loadConfig({ SEARCH_THREAD: "off" }).searchThread).toBe(false);
  });

  it("names the variable, the bad value and the fix", () => {
    expect(problems({ PORT: "abc" })).toEqual([
      "PORT must be a whole number between 1 and 65535, got 'abc'. Set PORT=8080 or remove it.",
    ]);
    expect(problems({ PORT: "70000" })[0]).toMatch(/^PORT .* got '70000'/);
    expect(problems({ PORT: "80.5" })[0]).toMatch(/^PORT /);
    expect(problems({ TELEGRAM_MODE: "hook" })).toEqual([
      "TELEGRAM_MODE must be one of polling, webhook, got 'hook'. Set TELEGRAM_MODE=polling or remove it.",
    ]);
    expect(problems({ LOG_LEVEL: "loud" })[0]).toMatch(/^LOG_LEVEL must be one of info, fatal/);
    expect(problems({ DEFAULT_LOCALE: "fr" })[0]).toMatch(/^DEFAULT_LOCALE /);
    expect(problems({ RATE_LIMIT_PER_MINUTE: "0" })[0]).toMatch(/^RATE_LIMIT_PER_MINUTE /);
    expect(problems({ SEARCH_THREAD: "yes" })).toEqual([
      "SEARCH_THREAD must be one of on, off, got 'yes'. Set SEARCH_THREAD=on or remove it.",
    ]);
    expect(problems({ PUBLIC_URL: "http://bot.example.vn" })[0]).toMatch(
      /^PUBLIC_URL must start with https:\/\//,
    );
    expect(problems({ PUBLIC_URL: "bot.example.vn" })[0]).toMatch(/^PUBLIC_URL must be a URL/);
    expect(problems({ TELEGRAM_API_ROOT: "ftp://x" })[0]).toMatch(/^TELEGRAM_API_ROOT /);
    expect(problems({ STAFF_TELEGRAM_IDS: "123,abc" })[0]).toMatch(/^STAFF_TELEGRAM_IDS .* got 'abc'/);
    expect(problems({ STAFF_TELEGRAM_IDS: "123:boss" })[0]).toMatch(
      /^STAFF_TELEGRAM_IDS: the role after '123:' must be operator or supervisor, got 'boss'/,
    );
    expect(problems({ STAFF_ZALO_IDS: "a1,a1" })[0]).toMatch(/^STAFF_ZALO_IDS lists 'a1' twice/);
    expect(problems({ STAFF_CHAT_ID: "group" })[0]).toMatch(/^STAFF_CHAT_ID /);
    expect(problems({ HOST: "0.0.0.0 ; rm" })[0]).toMatch(/^HOST /);
    expect(problems({ REDIS_KEY_PREFIX: "a b" })[0]).toMatch(/^REDIS_KEY_PREFIX /);
  });

  it("lists every problem at once", () => {
    expect(problems({ PORT: "x", LOG_LEVEL: "y", DEFAULT_LOCALE: "z" })).toHaveLength(3);
  });

  it("asks for a webhook secret and a public URL in webhook mode", () => {
    const found = problems({ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_MODE: "webhook" });
    expect(found).toHaveLength(2);
    expect(found[0]).toMatch(/^TELEGRAM_MODE=webhook needs TELEGRAM_WEBHOOK_SECRET/);
    expect(found[1]).toMatch(/^TELEGRAM_MODE=webhook needs PUBLIC_URL/);
    expect(
      problems({ ZALO_MODE: "webhook", ZALO_WEBHOOK_SECRET: "12345678", PUBLIC_URL: "https://x.vn" }),
    ).toEqual(["ZALO_MODE=webhook needs ZALO_BOT_TOKEN. Set the token, or remove ZALO_MODE."]);
  });

  it("applies the platforms' webhook secret rules", () => {
    expect(problems({ TELEGRAM_WEBHOOK_SECRET: "has space" })[0]).toMatch(
      /^TELEGRAM_WEBHOOK_SECRET must be 1 to 256/,
    );
    expect(problems({ TELEGRAM_WEBHOOK_SECRET: "a".repeat(257) })[0]).toMatch(/^TELEGRAM_WEBHOOK_SECRET /);
    expect(loadConfig({ TELEGRAM_WEBHOOK_SECRET: "a" }).telegram).toBeNull();
    expect(problems({ ZALO_WEBHOOK_SECRET: "short" })[0]).toMatch(/^ZALO_WEBHOOK_SECRET must be 8 to 256/);
  });

  it("never repeats a secret in an error", () => {
    const secrets = {
      TELEGRAM_BOT_TOKEN: "not a token AAH-topsecret",
      ZALO_BOT_TOKEN: "zalo topsecret2",
      TELEGRAM_WEBHOOK_SECRET: "bad secret topsecret3!",
      REDIS_URL: "http://:topsecret4@host",
      API_TOKEN: "topsecret5",
      LOG_SALT: "topsecret6",
    };
    const found = problems(secrets);
    expect(found).toHaveLength(6);
    const text = found.join("\n");
    for (const leak of ["topsecret", "AAH"]) expect(text).not.toContain(leak);
    expect(found[0]).toMatch(/^TELEGRAM_BOT_TOKEN does not look like a bot token/);
  });

  it("shows control characters in a bad value visibly", () => {
    expect(problems({ PORT: "80\n80" })[0]).toContain("got '80\\n80'");
  });

  it("reads the ticket webhook as a URL and its secret together, never echoing either", () => {
    const secret = "whsecret-0123456789abcdef";
    expect(
      loadConfig({
        TICKET_WEBHOOK_URL: "https://hotline.example.gov.vn/hooks/t?k=1",
        TICKET_WEBHOOK_SECRET: secret,
      }).ticketWebhook,
    ).toEqual({ url: "https://hotline.example.gov.vn/hooks/t?k=1", secret });
    expect(problems({ TICKET_WEBHOOK_URL: "https://hotline.example.gov.vn/x" })).toEqual([
      expect.stringMatching(/^TICKET_WEBHOOK_URL needs TICKET_WEBHOOK_SECRET/),
    ]);
    expect(problems({ TICKET_WEBHOOK_SECRET: secret })).toEqual([
      expect.stringMatching(/^TICKET_WEBHOOK_SECRET is set but TICKET_WEBHOOK_URL is not/),
    ]);
    const bad = problems({
      TICKET_WEBHOOK_URL: "ftp://privatehost-topsecret/x",
      TICKET_WEBHOOK_SECRET: "short-topsecret",
    });
    expect(bad).toHaveLength(2);
    expect(bad.join("\n")).not.toContain("topsecret");
    expect(problems({ TICKET_WEBHOOK_URL: "https://user:pw@h/x", TICKET_WEBHOOK_SECRET: secret })[0]).toMatch(
      /without user name or password/,
    );
  });
});

describe(".env.example", () => {
  const text = readFileSync(join(import.meta.dirname, "..", ".env.example"), "utf8");
  const lines = text.split("\n");

  it("documents every variable, each with a comment just above it", () => {
    for (const name of ENV_VARIABLES) {
      const at = lines.findIndex((line) => line.startsWith(`${name}=`));
      expect(at, `${name} is missing from .env.example`).toBeGreaterThan(0);
      expect(lines[at - 1], `${name} has no comment`).toMatch(/^# /);
    }
  });

  it("names no variable the app does not read", () => {
    const names = lines.filter((line) => /^[A-Z_]+=/.test(line)).map((line) => line.split("=")[0]);
    expect(names.filter((name) => !ENV_VARIABLES.includes(name ?? ""))).toEqual([]);
  });

  it("is a valid configuration as shipped (terminal chat)", () => {
    const env: Record<string, string> = {};
    for (const line of lines) {
      const match = /^([A-Z_]+)=(.*)$/.exec(line);
      if (match) env[match[1]!] = match[2]!;
    }
    expect(channelNames(loadConfig(env))).toEqual(["console"]);
  });
});

describe("broadcast settings", () => {
  it("reads the pace, the Zalo budget and sending hours, and refuses bad values with the fix", () => {
    const config = loadConfig({
      BROADCAST_TELEGRAM_PER_SECOND: "30",
      BROADCAST_ZALO_PER_SECOND: "2",
      ZALO_BROADCAST_MONTHLY_BUDGET: "0",
      ZALO_BROADCAST_HOURS: "6:30 - 20:00",
    });
    expect(config.broadcast).toEqual({
      telegramPerSecond: 30,
      zaloPerSecond: 2,
      zaloMonthlyBudget: 0,
      zaloHours: { fromMinute: 390, toMinute: 1200 },
      outcomeRetentionDays: 30,
    });
    expect(loadConfig({ ZALO_BROADCAST_HOURS: "22:00-06:00" }).broadcast.zaloHours).toEqual({
      fromMinute: 1320,
      toMinute: 360,
    });
    for (const [name, value] of [
      ["BROADCAST_TELEGRAM_PER_SECOND", "0"],
      ["BROADCAST_TELEGRAM_PER_SECOND", "fast"],
      ["ZALO_BROADCAST_HOURS", "7-21"],
      ["ZALO_BROADCAST_HOURS", "07:75-21:00"],
      ["ZALO_BROADCAST_HOURS", "08:00-08:00"],
    ] as const) {
      expect(() => loadConfig({ [name]: value }), `${name}=${value}`).toThrow(new RegExp(`${name} must be`));
    }
  });
});
