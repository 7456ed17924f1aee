/**
 * Reading what HTTP callers send, once, with zod: JSON bodies, query strings, ticket codes in paths,
 * dates and versions. Every failure becomes a list of short, specific problems for a 400 answer.
 */
import type { Context } from "hono";
import { type ZodType, z } from "zod";
import { normaliseTicketCode, VIETNAM_OFFSET_MS } from "../tickets/ticket.ts";

export type Parsed<T> = { ok: true; value: T } | { ok: false; problems: string[] };

/** zod's issues as `field: what is wrong` lines. */
export function problemsOf(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const where = issue.path.length > 0 ? issue.path.join(".") : "";
    if (issue.code === "unrecognized_keys") {
      return `unknown field${issue.keys.length > 1 ? "s" : ""}: ${issue.keys.join(", ")}`;
    }
    return where ? `${where}: ${issue.message}` : issue.message;
  });
}

export function parseWith<T>(schema: ZodType<T>, input: unknown): Parsed<T> {
  const result = schema.safeParse(input);
  return result.success
    ? { ok: true, value: result.data }
    : { ok: false, problems: problemsOf(result.error) };
}

/** The request's JSON body, parsed by `schema`; an empty body counts as `{}`. */
export async function jsonBody<T>(c: Context, schema: ZodType<T>): Promise<Parsed<T>> {
  const text = await c.req.text();
  if (text.trim() === "") return parseWith(schema, {});
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, problems: ['the body must be JSON, e.g. {"text": "…"}'] };
  }
  return parseWith(schema, raw);
}

/** A ticket code from a path, in its canonical form, or null. */
export function ticketCodeParam(raw: string | undefined): string | null {
  return raw === undefined ? null : normaliseTicketCode(decodeURIComponent(raw));
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A day (`2026-11-26`, a whole day in Vietnam time) or an instant (`2026-11-26T09:00:00+07:00`, ISO
 * 8601 with an offset or Z) as milliseconds: the start of it, or with `end` the first millisecond
 * after it (days only; an instant is its own end).
 */
export function dateOrInstant(label: string, end = false) {
  return z.string().transform((raw, ctx) => {
    const value = raw.trim();
    if (DATE_ONLY.test(value)) {
      const start = Date.parse(`${value}T00:00:00Z`);
      if (Number.isNaN(start) || new Date(start).toISOString().slice(0, 10) !== value) {
        ctx.addIssue({ code: "custom", message: `${label} is not a real date: ${value}` });
        return z.NEVER;
      }
      return start - VIETNAM_OFFSET_MS + (end ? 24 * 60 * 60 * 1000 : 0);
    }
    const instant = /(?:Z|[+-]\d{2}:?\d{2})$/i.test(value) ? Date.parse(value) : Number.NaN;
    if (!/^\d{4}-\d{2}-\d{2}T/.test(value) || Number.isNaN(instant)) {
      ctx.addIssue({
        code: "custom",
        message: `${label} must be a date (2026-11-26) or a date and time with its offset (2026-11-26T09:00:00+07:00)`,
      });
      return z.NEVER;
    }
    return instant;
  });
}

/** A whole number from a query string, within bounds. */
export function queryInt(label: string, min: number, max: number) {
  return z
    .string()
    .regex(/^\d{1,9}$/, `${label} must be a whole number`)
    .transform(Number)
    .refine((n) => n >= min && n <= max, `${label} must be between ${min} and ${max}`);
}

/**
 * The version the caller saw, from `If-Match: "3"` (or W/"3", or 3) and/or a body's `version`;
 * undefined when neither is given.
 */
export function expectedVersion(
  header: string | undefined,
  bodyVersion: number | undefined,
): Parsed<number | undefined> {
  let fromHeader: number | undefined;
  if (header !== undefined && header.trim() !== "" && header.trim() !== "*") {
    const match = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(header);
    if (!match)
      return { ok: false, problems: ['If-Match must be the version from the ETag, e.g. If-Match: "3"'] };
    fromHeader = Number(match[1]);
  }
  if (fromHeader !== undefined && bodyVersion !== undefined && fromHeader !== bodyVersion) {
    return { ok: false, problems: ["If-Match and version disagree: send one of them"] };
  }
  return { ok: true, value: fromHeader ?? bodyVersion };
}
