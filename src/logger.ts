/**
 * Structured logs with pino: pretty in a terminal, JSON lines otherwise. No personal data at info
 * level: user ids go through `hashUserId`, message text and names only at debug, tokens never.
 */
import { createHash, randomBytes } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { type DestinationStream, type Logger, pino } from "pino";
import pretty from "pino-pretty";
import type { LogLevel } from "./config.ts";

export type { Logger } from "pino";

/** Keys whose values hold secrets: always replaced, at any depth. */
export const SECRET_KEYS = [
  "token",
  "secret",
  "webhookSecret",
  "apiToken",
  "password",
  "authorization",
  "cookie",
  "x-telegram-bot-api-secret-token",
  "x-bot-api-secret-token",
];

/** Keys whose values hold what a citizen wrote: replaced unless the level is debug or trace. */
export const TEXT_KEYS = ["text", "caption", "question", "query", "body"];

/** Keys whose values identify a person: always replaced, at any depth. */
export const PERSONAL_KEYS = [
  "phone",
  "phone_number",
  "phoneNumber",
  "first_name",
  "last_name",
  "firstName",
  "lastName",
  "username",
  "display_name",
  "displayName",
  "name_of_user",
];

const CENSOR = "[redacted]";
const MAX_DEPTH = 8;

/** A copy of `value` with the listed keys' values replaced, at any depth. Errors are left to the `err` serializer. */
export function redact(value: unknown, keys: ReadonlySet<string>, depth = 0): unknown {
  if (value === null || typeof value !== "object" || value instanceof Error) return value;
  if (depth >= MAX_DEPTH) return "[deep]";
  if (Array.isArray(value)) return value.map((item) => redact(item, keys, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    out[key] = keys.has(key.toLowerCase()) ? CENSOR : redact(inner, keys, depth + 1);
  }
  return out;
}

/** Bot tokens (`123456:ABC…`) inside strings such as URLs in error messages. */
const TOKEN_IN_TEXT = /(?<![0-9])\d{5,}:[A-Za-z0-9_-]{20,}/g;

/** Replaces anything that looks like a bot token in a string. */
export function scrubTokens(text: string): string {
  return text.replace(TOKEN_IN_TEXT, "[token]");
}

export interface LoggerOptions {
  level: LogLevel;
  /** Which standard stream to write to (the terminal chat keeps stdout for the conversation). */
  stream?: "stdout" | "stderr";
  /** Pretty, coloured lines for a person; JSON lines for machines. Defaults to the stream being a TTY. */
  pretty?: boolean;
  /** Where lines go instead of a standard stream (tests). */
  destination?: DestinationStream;
}

export function createLogger(options: LoggerOptions): Logger {
  const fd = options.stream === "stderr" ? 2 : 1;
  const tty = (fd === 2 ? process.stderr : process.stdout).isTTY === true;
  const showText = options.level === "debug" || options.level === "trace";
  const redactedKeys = new Set(
    [...SECRET_KEYS, ...PERSONAL_KEYS, ...(showText ? [] : TEXT_KEYS)].map((k) => k.toLowerCase()),
  );
  const settings = {
    level: options.level,
    base: undefined,
    formatters: {
      log: (object: Record<string, unknown>) => redact(object, redactedKeys) as Record<string, unknown>,
    },
    serializers: {
      err: (err: unknown) => {
        const serialized = pino.stdSerializers.err(err as Error);
        if (typeof serialized.message === "string") serialized.message = scrubTokens(serialized.message);
        if (typeof serialized.stack === "string") serialized.stack = scrubTokens(serialized.stack);
        return serialized;
      },
    },
    hooks: {
      logMethod(this: Logger, args: Parameters<Logger["info"]>, method: (...a: unknown[]) => void) {
        const scrubbed = args.map((a) => (typeof a === "string" ? scrubTokens(a) : a));
        method.apply(this, scrubbed);
      },
    },
  };
  if (options.destination) return pino(settings, options.destination);
  if (options.pretty ?? tty) {
    // In-thread pretty printing: no transport worker, so start-up stays light.
    return pino(
      settings,
      pretty({
        colorize: tty,
        translateTime: "HH:MM:ss",
        ignore: "pid,hostname",
        destination: fd,
        sync: true,
      }),
    );
  }
  return pino(settings, pino.destination({ fd, sync: true }));
}

/** Hashes user ids for logs: the same id gives the same short hash for one install, and cannot be reversed without the salt. */
export type UserIdHasher = (userId: string) => string;

export function createUserIdHasher(salt: string): UserIdHasher {
  return (userId) =>
    createHash("sha256").update(salt).update("\0").update(userId).digest("base64url").slice(0, 12);
}

/**
 * The salt for `createUserIdHasher`: `LOG_SALT` when set, otherwise a random one created on first
 * start and kept in `${dataDir}/log-salt` (so hashes stay comparable across restarts).
 */
export async function loadLogSalt(configured: string | null, dataDir: string): Promise<string> {
  if (configured !== null) return configured;
  const file = join(dataDir, "log-salt");
  try {
    const existing = (await readFile(file, "utf8")).trim();
    if (existing.length >= 16) return existing;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  await mkdir(dataDir, { recursive: true });
  const salt = randomBytes(24).toString("base64url");
  await writeFile(file, `${salt}\n`, { mode: 0o600 });
  return salt;
}
