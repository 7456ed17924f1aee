/**
 * Schemas for single environment values. Each turns a raw string into a typed value or an issue whose
 * message names the variable, shows the bad value (never for secrets) and says how to fix it.
 */
import { z } from "zod";

/** Shows a user-supplied value in an error, shortened, with control characters made visible. */
export function shown(value: string): string {
  const cut = value.length > 40 ? `${value.slice(0, 40)}…` : value;
  return `'${JSON.stringify(cut).slice(1, -1)}'`;
}

type Ctx = z.RefinementCtx;
export const fail = (ctx: Ctx, message: string): typeof z.NEVER => {
  ctx.addIssue({ code: "custom", message });
  return z.NEVER;
};

export const optional = <T extends z.ZodType>(schema: T) => schema.optional();

export function integer(name: string, min: number, max: number, example: number) {
  return z.string().transform((raw, ctx) => {
    const value = raw.trim();
    if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
      return fail(
        ctx,
        `${name} must be a whole number between ${min} and ${max}, got ${shown(raw)}. Set ${name}=${example} or remove it.`,
      );
    }
    return Number(value);
  });
}

export function oneOf<const T extends readonly string[]>(name: string, values: T) {
  return z.string().transform((raw, ctx) => {
    const value = raw.trim().toLowerCase();
    if (!(values as readonly string[]).includes(value)) {
      return fail(
        ctx,
        `${name} must be one of ${values.join(", ")}, got ${shown(raw)}. Set ${name}=${values[0]} or remove it.`,
      );
    }
    return value as T[number];
  });
}

export function httpUrl(name: string, options: { httpsOnly: boolean; example: string }) {
  return z.string().transform((raw, ctx) => {
    const value = raw.trim();
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      return fail(ctx, `${name} must be a URL such as ${options.example}, got ${shown(raw)}.`);
    }
    const allowed = options.httpsOnly ? ["https:"] : ["https:", "http:"];
    if (!allowed.includes(url.protocol)) {
      return fail(
        ctx,
        `${name} must start with ${options.httpsOnly ? "https://" : "http:// or https://"}, got ${shown(raw)}. Example: ${name}=${options.example}`,
      );
    }
    if (url.search || url.hash || url.username || url.password) {
      return fail(ctx, `${name} must be a plain base URL without query, fragment or credentials.`);
    }
    return value.replace(/\/+$/, "");
  });
}

/** Never echoes the value: it is a secret. */
export function botToken(name: string) {
  return z.string().transform((raw, ctx) => {
    const value = raw.trim();
    if (!/^\d+:[A-Za-z0-9_-]+$/.test(value)) {
      return fail(
        ctx,
        `${name} does not look like a bot token (digits, a colon, then letters, digits, '_' or '-'). Copy it again from the platform, or remove ${name} to use the terminal chat.`,
      );
    }
    return value;
  });
}

/** Never echoes the value: it is a secret. */
export function webhookSecret(name: string, minLength: number) {
  return z.string().transform((raw, ctx) => {
    const value = raw.trim();
    if (!/^[A-Za-z0-9_-]+$/.test(value) || value.length < minLength || value.length > 256) {
      return fail(
        ctx,
        `${name} must be ${minLength} to 256 characters, each one of A-Z, a-z, 0-9, '_' or '-'. Generate one with: openssl rand -hex 32`,
      );
    }
    return value;
  });
}

/**
 * Staff ids with an optional role: `123456789:supervisor,987654321` (no role = operator). Ids repeat
 * at most once.
 */
export function staffList(name: string, pattern: RegExp, what: string) {
  return z.string().transform((raw, ctx) => {
    const members: { id: string; role: "operator" | "supervisor" }[] = [];
    for (const entry of raw.split(",").map((s) => s.trim())) {
      if (entry === "") continue;
      const [id = "", role = "operator", ...rest] = entry.split(":").map((s) => s.trim());
      if (!pattern.test(id) || rest.length > 0) {
        return fail(
          ctx,
          `${name} must be a comma-separated list of ${what}, each optionally followed by :operator or :supervisor, got ${shown(entry)}. Example: ${name}=123456789:supervisor,987654321`,
        );
      }
      const normalized = role.toLowerCase();
      if (normalized !== "operator" && normalized !== "supervisor") {
        return fail(
          ctx,
          `${name}: the role after '${id}:' must be operator or supervisor, got ${shown(role)}. Example: ${name}=${id}:supervisor`,
        );
      }
      if (members.some((m) => m.id === id)) {
        return fail(ctx, `${name} lists ${shown(id)} twice. Keep one entry per person.`);
      }
      members.push({ id, role: normalized });
    }
    return members;
  });
}
