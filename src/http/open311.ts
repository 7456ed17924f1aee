/**
 * The hotline queue as an Open311 GeoReport v2 subset, mounted at `/open311/v2`, so civic tools can
 * read and feed it:
 *
 *   GET  services.json                 the feedback categories (public)
 *   GET  requests.json?api_key=…       tickets: service_request_id, service_code, status (open,
 *                                      closed), start_date, end_date (default: the last 90 days;
 *                                      at most 1000, newest first)
 *   GET  requests/{id}.json?api_key=…  one ticket (as a one-element array, as the spec says)
 *   POST requests.json                 api_key, service_code, description, optional phone
 *                                      (form-encoded or JSON): creates a ticket through the service
 *
 * `api_key` is API_TOKEN (also accepted as `Authorization: Bearer`). Reading tickets needs it too:
 * complaints are personal (Decree 13/2023), so they are not public as in a street-light tracker.
 * Only JSON is served. Errors follow GeoReport: an array of `{code, description}` with that HTTP
 * status. Names and e-mail addresses a client may send are not stored (the minimum data rule); a
 * phone number is kept only if it is a valid Vietnamese number, and otherwise the ticket is anonymous.
 */
import { randomUUID } from "node:crypto";
import { type Context, Hono } from "hono";
import { z } from "zod";
import type { Locale } from "../core/model.ts";
import { normaliseVietnamesePhone } from "../core/phone.ts";
import type { Clock } from "../core/ports.ts";
import { translator } from "../locales/index.ts";
import { displayDate } from "../tickets/messages.ts";
import type { TicketFilter, TicketService } from "../tickets/service.ts";
import { normaliseTicketCode, type Ticket, ticketCategories } from "../tickets/ticket.ts";
import { dateOrInstant, problemsOf } from "./api-input.ts";
import type { AppEnv } from "./create-http-server.ts";
import { type Open311Error, toOpen311Request, toOpen311Services } from "./open311-format.ts";
import { tokenMatches } from "./staff-api.ts";

export interface Open311Deps {
  /** API_TOKEN; null switches Open311 off (503). */
  apiToken: string | null;
  service: TicketService;
  clock: Clock;
  /** The language of service names and notices. */
  locale: Locale;
}

/** GeoReport's default window when no dates are given, and its maximum number of requests. */
const DEFAULT_WINDOW_MS = 90 * 24 * 60 * 60 * 1000;
const MAX_REQUESTS = 1000;

const list = <T extends z.ZodType<string, string>>(item: T) =>
  z
    .string()
    .transform((raw) =>
      raw
        .split(",")
        .map((s) => s.trim())
        .filter((s) => s !== ""),
    )
    .pipe(z.array(item).min(1).max(200));

const searchQuery = z.object({
  service_request_id: list(z.string().max(40)).optional(),
  service_code: list(
    z.enum(ticketCategories, { error: `service_code must be one of ${ticketCategories.join(", ")}` }),
  ).optional(),
  status: list(z.enum(["open", "closed"], { error: "status must be open or closed" })).optional(),
  start_date: dateOrInstant("start_date").optional(),
  end_date: dateOrInstant("end_date", true).optional(),
});

const createBody = z.object({
  service_code: z.enum(ticketCategories, {
    error: `service_code is required, one of ${ticketCategories.join(", ")} (see services.json)`,
  }),
  description: z
    .string({ error: "description is required" })
    .trim()
    .min(1, "description must not be empty")
    .max(4000, "description must be at most 4000 characters"),
  phone: z.string().max(40).optional(),
});

export function createOpen311Api(deps: Open311Deps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const tr = translator(deps.locale);
  const error = (c: Context, code: 400 | 403 | 404 | 503, description: string) =>
    c.json<Open311Error[]>([{ code, description }], code);
  const format = (file: string, name: string): "json" | "other" | null => {
    if (file === `${name}.json`) return "json";
    if (file.startsWith(`${name}.`)) return "other";
    return null;
  };
  const onlyJson = (c: Context) => error(c, 400, "Only the JSON format is served here: use .json.");

  if (deps.apiToken === null) {
    app.all("*", (c) => error(c, 503, "Open311 is off on this server: the operator must set API_TOKEN."));
    return app;
  }
  const apiToken = deps.apiToken;
  const keyOk = (c: Context, fromBody?: unknown): boolean => {
    const header = /^Bearer[ ]+(\S+)\s*$/i.exec(c.req.header("authorization") ?? "")?.[1];
    const given = typeof fromBody === "string" ? fromBody : (c.req.query("api_key") ?? header);
    return tokenMatches(given, apiToken);
  };
  const badKey = (c: Context) => error(c, 403, "Invalid api_key received: send api_key (the API_TOKEN).");

  app.use("*", async (c, next) => {
    c.header("Cache-Control", "no-store");
    await next();
  });

  app.get("/:file", async (c) => {
    const file = c.req.param("file");
    const kind = format(file, "services") ?? format(file, "requests");
    if (kind === null) return error(c, 404, "Not found. This server offers services.json and requests.json.");
    if (kind === "other") return onlyJson(c);
    if (file === "services.json") return c.json(toOpen311Services(deps.locale));

    if (!keyOk(c)) return badKey(c);
    const parsed = searchQuery.safeParse(c.req.query());
    if (!parsed.success) return error(c, 400, problemsOf(parsed.error).join("; "));
    const q = parsed.data;
    let found: Ticket[];
    if (q.service_request_id) {
      // Ids given: the dates and status do not apply (as in GeoReport), the codes do.
      found = [];
      for (const raw of q.service_request_id) {
        const code = normaliseTicketCode(raw);
        const ticket = code === null ? undefined : (await deps.service.get(code))?.ticket;
        if (ticket) found.push(ticket);
      }
    } else {
      const now = deps.clock.now();
      const end = q.end_date ?? (q.start_date === undefined ? now + 1 : undefined);
      const start = q.start_date ?? (q.end_date === undefined ? now - DEFAULT_WINDOW_MS : undefined);
      if (start !== undefined && end !== undefined && start >= end)
        return error(c, 400, "start_date must be before end_date.");
      const statuses = q.status && new Set(q.status);
      const filter: TicketFilter = {
        ...(statuses &&
          statuses.size === 1 && {
            status: statuses.has("closed")
              ? ["closed"]
              : ["new", "received", "in_progress", "answered", "reopened"],
          }),
        ...(start !== undefined && { createdFrom: start }),
        ...(end !== undefined && { createdTo: end }),
        limit: MAX_REQUESTS,
      };
      const codes = q.service_code && new Set<string>(q.service_code);
      found = (await deps.service.list(filter)).filter((t) => !codes || codes.has(t.category));
    }
    return c.json(found.map((t) => toOpen311Request(t, deps.locale)));
  });

  app.get("/requests/:file", async (c) => {
    const match = /^(.+)\.([a-z]+)$/i.exec(c.req.param("file"));
    if (!match) return error(c, 404, "Use requests/{service_request_id}.json.");
    if (match[2] !== "json") return onlyJson(c);
    if (!keyOk(c)) return badKey(c);
    const code = normaliseTicketCode(decodeURIComponent(match[1]!));
    const found = code === null ? undefined : await deps.service.get(code);
    if (!found) return error(c, 404, `There is no service request ${code ?? match[1]}.`);
    return c.json([toOpen311Request(found.ticket, deps.locale)]);
  });

  app.post("/:file", async (c) => {
    const kind = format(c.req.param("file"), "requests");
    if (kind === null) return error(c, 404, "Not found. Create requests with POST requests.json.");
    if (kind === "other") return onlyJson(c);
    const raw = await readFields(c);
    if (raw === null)
      return error(c, 400, "The body must be form-encoded (application/x-www-form-urlencoded) or JSON.");
    if (!keyOk(c, raw.api_key)) return badKey(c);
    const parsed = createBody.safeParse(raw);
    if (!parsed.success) return error(c, 400, problemsOf(parsed.error).join("; "));
    const { service_code, description, phone } = parsed.data;
    let contact: { kind: "anonymous" } | { kind: "phone"; phone: string } = { kind: "anonymous" };
    if (phone !== undefined && phone.trim() !== "") {
      const national = normaliseVietnamesePhone(phone);
      if (national === null)
        return error(
          c,
          400,
          "phone is not a Vietnamese phone number (e.g. 0912345678); leave it out to stay anonymous.",
        );
      contact = { kind: "phone", phone: national };
    }
    const created = await deps.service.create({
      category: service_code,
      description,
      contact,
      // No chat to answer in: the requester follows the ticket through requests/{id}.json.
      citizen: { address: `open311:${randomUUID()}`, locale: deps.locale },
    });
    return c.json(
      [
        {
          service_request_id: created.code,
          service_notice: tr("ticket.card.due", { date: displayDate(created.dueDate) }),
          account_id: null,
        },
      ],
      201,
    );
  });

  app.all("*", (c) => error(c, 404, "Not found. This server offers services.json and requests.json."));
  return app;
}

/** The fields of a form-encoded or JSON body (string values only), or null when it is neither. */
async function readFields(c: Context): Promise<Record<string, unknown> | null> {
  const type = (c.req.header("content-type") ?? "").toLowerCase();
  try {
    if (type.includes("application/json")) {
      const body: unknown = await c.req.json();
      return body !== null && typeof body === "object" && !Array.isArray(body)
        ? (body as Record<string, unknown>)
        : null;
    }
    if (type.includes("application/x-www-form-urlencoded") || type.includes("multipart/form-data")) {
      const body = await c.req.parseBody();
      return Object.fromEntries(Object.entries(body).filter(([, v]) => typeof v === "string"));
    }
  } catch {
    return null;
  }
  return null;
}
