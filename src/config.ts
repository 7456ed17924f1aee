/**
 * The environment, parsed once. `loadConfig(env)` is pure: main.ts calls it with `process.env` and
 * passes the result on; nothing else reads the environment.
 *
 * A wrong value stops start-up with one line per problem, naming the variable and the fix, and never
 * echoing a secret.
 */
import { z } from "zod";
import {
  botToken,
  fail,
  httpUrl,
  integer,
  oneOf,
  optional,
  shown,
  staffList,
  webhookSecret,
} from "./config/env-values.ts";

export type LogLevel = "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent";
export type ChannelMode = "polling" | "webhook";

export type StaffRole = "operator" | "supervisor";

/** A staff member from STAFF_TELEGRAM_IDS / STAFF_ZALO_IDS (`id` or `id:role`). */
export interface StaffMember {
  /** The platform's user id. */
  id: string;
  role: StaffRole;
}

export type TelegramConfig =
  | { token: string; apiRoot: string; mode: "polling" }
  | { token: string; apiRoot: string; mode: "webhook"; webhookSecret: string; publicUrl: string };

export type ZaloConfig =
  | { token: string; apiRoot: string; mode: "polling" }
  | { token: string; apiRoot: string; mode: "webhook"; webhookSecret: string; publicUrl: string };

export interface Config {
  /** Null when TELEGRAM_BOT_TOKEN is unset. */
  telegram: TelegramConfig | null;
  /** Null when ZALO_BOT_TOKEN is unset. */
  zalo: ZaloConfig | null;
  /** The https base registered with the platforms in webhook mode, without a trailing slash. */
  publicUrl: string | null;
  http: {
    host: string;
    port: number;
    /** True when PORT was set: the terminal chat then also serves /healthz. */
    portFromEnv: boolean;
  };
  dataDir: string;
  redisUrl: string | null;
  /** Prepended to every Redis key, so several deployments can share one Redis. */
  redisKeyPrefix: string;
  /** Null when LOG_LEVEL is unset: info, or warn in the terminal chat (so logs do not crowd the chat). */
  logLevel: LogLevel | null;
  /** Salt for hashing user ids in logs; null → a per-install random salt kept in DATA_DIR. */
  logSalt: string | null;
  catalogueDir: string;
  defaultLocale: "vi" | "en";
  rateLimitPerMinute: number;
  /** The search runs in its own worker thread (default) instead of the event loop's thread. */
  searchThread: boolean;
  /** Used by the hotline/broadcast features. */
  staff: { telegram: StaffMember[]; zalo: StaffMember[]; chatId: string | null };
  /** Used by the hotline/broadcast features (staff HTTP API); null disables the API. */
  apiToken: string | null;
  /** Where each new ticket is POSTed, signed with the secret; null when TICKET_WEBHOOK_URL is unset. */
  ticketWebhook: { url: string; secret: string } | null;
  /** Reform announcements: sending pace per channel, Zalo's monthly budget and sending hours. */
  broadcast: {
    telegramPerSecond: number;
    zaloPerSecond: number;
    zaloMonthlyBudget: number;
    /** Minutes after midnight, Vietnam time: from (inclusive) to (exclusive). */
    zaloHours: { fromMinute: number; toMinute: number };
    outcomeRetentionDays: number;
  };
}

/** Start-up refused: every problem found, one line each. */
export class ConfigError extends Error {
  readonly problems: readonly string[];
  constructor(problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
    this.problems = problems;
  }
}

export const DEFAULTS = {
  TELEGRAM_API_ROOT: "https://api.telegram.org",
  ZALO_API_ROOT: "https://bot-api.zaloplatforms.com",
  HOST: "0.0.0.0",
  PORT: 8080,
  DATA_DIR: "./data",
  REDIS_KEY_PREFIX: "hoi-thu-tuc:",
  CATALOGUE_DIR: "procedures",
  DEFAULT_LOCALE: "vi",
  RATE_LIMIT_PER_MINUTE: 20,
  BROADCAST_TELEGRAM_PER_SECOND: 25,
  BROADCAST_ZALO_PER_SECOND: 5,
  ZALO_BROADCAST_MONTHLY_BUDGET: 1000,
  ZALO_BROADCAST_HOURS: "07:00-21:00",
  BROADCAST_OUTCOME_RETENTION_DAYS: 30,
} as const;

/** `HH:MM-HH:MM` → minutes after midnight. */
function sendingHours(name: string) {
  return z.string().transform((raw, ctx) => {
    const match = /^\s*(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})\s*$/.exec(raw);
    const minutes = match
      ? [Number(match[1]) * 60 + Number(match[2]), Number(match[3]) * 60 + Number(match[4])]
      : [];
    const [from, to] = minutes;
    if (
      from === undefined ||
      to === undefined ||
      Number(match?.[2]) > 59 ||
      Number(match?.[4]) > 59 ||
      from > 24 * 60 ||
      to > 24 * 60 ||
      from === to
    ) {
      return fail(
        ctx,
        `${name} must be two times of day in Vietnam time, like 07:00-21:00, got ${shown(raw)}. Set ${name}=${DEFAULTS.ZALO_BROADCAST_HOURS} or remove it.`,
      );
    }
    return { fromMinute: from, toMinute: to };
  });
}

const envSchema = z.object({
  TELEGRAM_BOT_TOKEN: optional(botToken("TELEGRAM_BOT_TOKEN")),
  TELEGRAM_API_ROOT: optional(
    httpUrl("TELEGRAM_API_ROOT", { httpsOnly: false, example: DEFAULTS.TELEGRAM_API_ROOT }),
  ),
  TELEGRAM_MODE: optional(oneOf("TELEGRAM_MODE", ["polling", "webhook"] as const)),
  TELEGRAM_WEBHOOK_SECRET: optional(webhookSecret("TELEGRAM_WEBHOOK_SECRET", 1)),
  ZALO_BOT_TOKEN: optional(botToken("ZALO_BOT_TOKEN")),
  ZALO_API_ROOT: optional(httpUrl("ZALO_API_ROOT", { httpsOnly: false, example: DEFAULTS.ZALO_API_ROOT })),
  ZALO_MODE: optional(oneOf("ZALO_MODE", ["polling", "webhook"] as const)),
  ZALO_WEBHOOK_SECRET: optional(webhookSecret("ZALO_WEBHOOK_SECRET", 8)),
  PUBLIC_URL: optional(httpUrl("PUBLIC_URL", { httpsOnly: true, example: "https://bot.example.gov.vn" })),
  HOST: optional(
    z.string().transform((raw, ctx) => {
      const value = raw.trim();
      if (!/^[A-Za-z0-9.:[\]-]+$/.test(value)) {
        return fail(
          ctx,
          `HOST must be an interface address or host name, got ${shown(raw)}. Set HOST=0.0.0.0 or remove it.`,
        );
      }
      return value;
    }),
  ),
  PORT: optional(integer("PORT", 1, 65535, DEFAULTS.PORT)),
  DATA_DIR: optional(z.string()),
  REDIS_URL: optional(
    z.string().transform((raw, ctx) => {
      const value = raw.trim();
      let ok = false;
      try {
        ok = ["redis:", "rediss:"].includes(new URL(value).protocol);
      } catch {
        ok = false;
      }
      // The URL may hold a password: never echo it.
      if (!ok) {
        return fail(
          ctx,
          "REDIS_URL must be a redis:// or rediss:// URL, e.g. REDIS_URL=redis://127.0.0.1:6379. Remove it to use the embedded SQLite storage.",
        );
      }
      return value;
    }),
  ),
  REDIS_KEY_PREFIX: optional(
    z.string().transform((raw, ctx) => {
      const value = raw.trim();
      if (!/^[A-Za-z0-9:_.-]{1,64}$/.test(value)) {
        return fail(
          ctx,
          `REDIS_KEY_PREFIX must be 1 to 64 characters of A-Z, a-z, 0-9, ':', '_', '.' or '-', got ${shown(raw)}. Set REDIS_KEY_PREFIX=hoi-thu-tuc: or remove it.`,
        );
      }
      return value;
    }),
  ),
  LOG_LEVEL: optional(
    oneOf("LOG_LEVEL", ["info", "fatal", "error", "warn", "debug", "trace", "silent"] as const),
  ),
  LOG_SALT: optional(
    z.string().transform((raw, ctx) => {
      if (raw.trim().length < 16) {
        return fail(
          ctx,
          "LOG_SALT must be at least 16 characters. Generate one with: openssl rand -hex 16, or remove it.",
        );
      }
      return raw.trim();
    }),
  ),
  CATALOGUE_DIR: optional(z.string()),
  DEFAULT_LOCALE: optional(oneOf("DEFAULT_LOCALE", ["vi", "en"] as const)),
  RATE_LIMIT_PER_MINUTE: optional(integer("RATE_LIMIT_PER_MINUTE", 1, 10000, DEFAULTS.RATE_LIMIT_PER_MINUTE)),
  SEARCH_THREAD: optional(oneOf("SEARCH_THREAD", ["on", "off"] as const)),
  STAFF_TELEGRAM_IDS: optional(staffList("STAFF_TELEGRAM_IDS", /^\d{1,20}$/, "Telegram user ids (digits)")),
  STAFF_ZALO_IDS: optional(staffList("STAFF_ZALO_IDS", /^[A-Za-z0-9_-]{1,128}$/, "Zalo user ids")),
  STAFF_CHAT_ID: optional(
    z.string().transform((raw, ctx) => {
      const value = raw.trim();
      if (!/^-?\d{1,20}$/.test(value)) {
        return fail(
          ctx,
          `STAFF_CHAT_ID must be a Telegram chat id (digits, group ids start with '-'), got ${shown(raw)}.`,
        );
      }
      return value;
    }),
  ),
  API_TOKEN: optional(
    z.string().transform((raw, ctx) => {
      const value = raw.trim();
      if (value.length < 24 || /\s/.test(value)) {
        return fail(
          ctx,
          "API_TOKEN must be at least 24 characters without spaces. Generate one with: openssl rand -hex 32, or remove it.",
        );
      }
      return value;
    }),
  ),
  // The URL is the operator's private endpoint (it may hold a token): never echoed.
  TICKET_WEBHOOK_URL: optional(
    z.string().transform((raw, ctx) => {
      const value = raw.trim();
      let url: URL | null = null;
      try {
        url = new URL(value);
      } catch {
        url = null;
      }
      if (!url || !["http:", "https:"].includes(url.protocol) || url.username || url.password) {
        return fail(
          ctx,
          "TICKET_WEBHOOK_URL must be an http:// or https:// URL without user name or password, e.g. TICKET_WEBHOOK_URL=https://hotline.example.gov.vn/hooks/tickets. Remove it to switch the webhook off.",
        );
      }
      return value;
    }),
  ),
  TICKET_WEBHOOK_SECRET: optional(
    z.string().transform((raw, ctx) => {
      const value = raw.trim();
      if (value.length < 16 || value.length > 256 || /\s/.test(value)) {
        return fail(
          ctx,
          "TICKET_WEBHOOK_SECRET must be 16 to 256 characters without spaces. Generate one with: openssl rand -hex 32",
        );
      }
      return value;
    }),
  ),
  BROADCAST_TELEGRAM_PER_SECOND: optional(
    integer("BROADCAST_TELEGRAM_PER_SECOND", 1, 1000, DEFAULTS.BROADCAST_TELEGRAM_PER_SECOND),
  ),
  BROADCAST_ZALO_PER_SECOND: optional(
    integer("BROADCAST_ZALO_PER_SECOND", 1, 100, DEFAULTS.BROADCAST_ZALO_PER_SECOND),
  ),
  ZALO_BROADCAST_MONTHLY_BUDGET: optional(
    integer("ZALO_BROADCAST_MONTHLY_BUDGET", 0, 100_000_000, DEFAULTS.ZALO_BROADCAST_MONTHLY_BUDGET),
  ),
  ZALO_BROADCAST_HOURS: optional(sendingHours("ZALO_BROADCAST_HOURS")),
  BROADCAST_OUTCOME_RETENTION_DAYS: optional(
    integer("BROADCAST_OUTCOME_RETENTION_DAYS", 1, 3650, DEFAULTS.BROADCAST_OUTCOME_RETENTION_DAYS),
  ),
});

type ParsedEnv = z.infer<typeof envSchema>;

/** Every variable the app reads (documented one by one in .env.example). */
export const ENV_VARIABLES: readonly string[] = Object.keys(envSchema.shape);

/** Cross-variable rules (webhook modes need a secret and a public URL). */
function checkModes(env: ParsedEnv): string[] {
  const problems: string[] = [];
  const channels = [
    {
      name: "TELEGRAM",
      token: env.TELEGRAM_BOT_TOKEN,
      mode: env.TELEGRAM_MODE,
      secret: env.TELEGRAM_WEBHOOK_SECRET,
    },
    { name: "ZALO", token: env.ZALO_BOT_TOKEN, mode: env.ZALO_MODE, secret: env.ZALO_WEBHOOK_SECRET },
  ];
  for (const c of channels) {
    if (c.mode !== "webhook") continue;
    if (c.token === undefined) {
      problems.push(
        `${c.name}_MODE=webhook needs ${c.name}_BOT_TOKEN. Set the token, or remove ${c.name}_MODE.`,
      );
    }
    if (c.secret === undefined) {
      problems.push(
        `${c.name}_MODE=webhook needs ${c.name}_WEBHOOK_SECRET, so that forged webhook calls are refused. Generate one with: openssl rand -hex 32`,
      );
    }
    if (env.PUBLIC_URL === undefined) {
      problems.push(
        `${c.name}_MODE=webhook needs PUBLIC_URL, the https address where this server is reachable, e.g. PUBLIC_URL=https://bot.example.gov.vn`,
      );
    }
  }
  if (env.TICKET_WEBHOOK_URL !== undefined && env.TICKET_WEBHOOK_SECRET === undefined) {
    problems.push(
      "TICKET_WEBHOOK_URL needs TICKET_WEBHOOK_SECRET, so the receiver can check each call comes from this bot. Generate one with: openssl rand -hex 32",
    );
  }
  if (env.TICKET_WEBHOOK_SECRET !== undefined && env.TICKET_WEBHOOK_URL === undefined) {
    problems.push(
      "TICKET_WEBHOOK_SECRET is set but TICKET_WEBHOOK_URL is not: set the URL that receives new tickets, or remove the secret.",
    );
  }
  return problems;
}

/** Parses the environment. Empty strings count as unset. Throws `ConfigError` listing every problem. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const present: Record<string, string> = {};
  for (const key of Object.keys(envSchema.shape)) {
    const value = env[key];
    if (value !== undefined && value.trim() !== "") present[key] = value;
  }
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => issue.message));
  }
  const e = parsed.data;
  const modeProblems = checkModes(e);
  if (modeProblems.length > 0) throw new ConfigError(modeProblems);

  const publicUrl = e.PUBLIC_URL ?? null;
  const telegram: TelegramConfig | null =
    e.TELEGRAM_BOT_TOKEN === undefined
      ? null
      : e.TELEGRAM_MODE === "webhook"
        ? {
            token: e.TELEGRAM_BOT_TOKEN,
            apiRoot: e.TELEGRAM_API_ROOT ?? DEFAULTS.TELEGRAM_API_ROOT,
            mode: "webhook",
            webhookSecret: e.TELEGRAM_WEBHOOK_SECRET!,
            publicUrl: publicUrl!,
          }
        : {
            token: e.TELEGRAM_BOT_TOKEN,
            apiRoot: e.TELEGRAM_API_ROOT ?? DEFAULTS.TELEGRAM_API_ROOT,
            mode: "polling",
          };
  const zalo: ZaloConfig | null =
    e.ZALO_BOT_TOKEN === undefined
      ? null
      : e.ZALO_MODE === "webhook"
        ? {
            token: e.ZALO_BOT_TOKEN,
            apiRoot: e.ZALO_API_ROOT ?? DEFAULTS.ZALO_API_ROOT,
            mode: "webhook",
            webhookSecret: e.ZALO_WEBHOOK_SECRET!,
            publicUrl: publicUrl!,
          }
        : { token: e.ZALO_BOT_TOKEN, apiRoot: e.ZALO_API_ROOT ?? DEFAULTS.ZALO_API_ROOT, mode: "polling" };

  return {
    telegram,
    zalo,
    publicUrl,
    http: { host: e.HOST ?? DEFAULTS.HOST, port: e.PORT ?? DEFAULTS.PORT, portFromEnv: e.PORT !== undefined },
    dataDir: e.DATA_DIR?.trim() ?? DEFAULTS.DATA_DIR,
    redisUrl: e.REDIS_URL ?? null,
    redisKeyPrefix: e.REDIS_KEY_PREFIX ?? DEFAULTS.REDIS_KEY_PREFIX,
    logLevel: e.LOG_LEVEL ?? null,
    logSalt: e.LOG_SALT ?? null,
    catalogueDir: e.CATALOGUE_DIR?.trim() ?? DEFAULTS.CATALOGUE_DIR,
    defaultLocale: e.DEFAULT_LOCALE ?? DEFAULTS.DEFAULT_LOCALE,
    rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE ?? DEFAULTS.RATE_LIMIT_PER_MINUTE,
    searchThread: (e.SEARCH_THREAD ?? "on") === "on",
    staff: {
      telegram: e.STAFF_TELEGRAM_IDS ?? [],
      zalo: e.STAFF_ZALO_IDS ?? [],
      chatId: e.STAFF_CHAT_ID ?? null,
    },
    apiToken: e.API_TOKEN ?? null,
    ticketWebhook:
      e.TICKET_WEBHOOK_URL !== undefined && e.TICKET_WEBHOOK_SECRET !== undefined
        ? { url: e.TICKET_WEBHOOK_URL, secret: e.TICKET_WEBHOOK_SECRET }
        : null,
    broadcast: {
      telegramPerSecond: e.BROADCAST_TELEGRAM_PER_SECOND ?? DEFAULTS.BROADCAST_TELEGRAM_PER_SECOND,
      zaloPerSecond: e.BROADCAST_ZALO_PER_SECOND ?? DEFAULTS.BROADCAST_ZALO_PER_SECOND,
      zaloMonthlyBudget: e.ZALO_BROADCAST_MONTHLY_BUDGET ?? DEFAULTS.ZALO_BROADCAST_MONTHLY_BUDGET,
      zaloHours: e.ZALO_BROADCAST_HOURS ?? { fromMinute: 7 * 60, toMinute: 21 * 60 },
      outcomeRetentionDays: e.BROADCAST_OUTCOME_RETENTION_DAYS ?? DEFAULTS.BROADCAST_OUTCOME_RETENTION_DAYS,
    },
  };
}

/** The channels this configuration runs: the terminal chat when no token is set. */
export function channelNames(config: Config): ("telegram" | "zalo" | "console")[] {
  const names: ("telegram" | "zalo" | "console")[] = [];
  if (config.telegram) names.push("telegram");
  if (config.zalo) names.push("zalo");
  return names.length > 0 ? names : ["console"];
}
