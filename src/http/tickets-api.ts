/**
 * The hotline's staff HTTP API, routed at `/api/tickets` on the bearer-guarded `/api` sub-app:
 *
 *   GET  /api/tickets                 list (status, category, overdue, from, to, limit, offset)
 *   GET  /api/tickets/:code           one ticket with its history (ETag: its version)
 *   POST /api/tickets/:code/status    {status: received|in_progress|closed, note?, version?}
 *   POST /api/tickets/:code/answer    {text, version?}: the answer is sent to the citizen's chat
 *   POST /api/tickets/:code/take      {version?}, with X-Staff-Id: the staff member takes it
 *
 * A ticket's `version` (also its ETag) counts the changes made to it (its history events). Every
 * change goes through the ticket service, or, with `If-Match`/`version`, the version-checked action
 * (409 when someone acted since): history records who did it (`api`, or the staff member named by `X-Staff-Id`, who must be
 * in the staff directory: 403 otherwise). Tickets are shown as the staff view only: never the
 * citizen's chat address or user id, and no phone number when the citizen chose to stay anonymous.
 *
 * Errors are JSON `{error, message, problems?}`: 400 bad input, 403 not staff, 404 unknown ticket,
 * 409 version conflict or a change the ticket's status does not allow.
 */
import { type Context, Hono } from "hono";
import { z } from "zod";
import type { Clock } from "../core/ports.ts";
import type { StaffDirectory } from "../staff/directory.ts";
import { type CheckedActions, type CheckedResult, ticketRevision } from "../tickets/checked-action.ts";
import { allowedStatusChanges, type TicketAction } from "../tickets/lifecycle.ts";
import type { ActionResult, TicketFilter, TicketService } from "../tickets/service.ts";
import { toStaffView } from "../tickets/staff-view.ts";
import { type TicketActor, ticketCategory, ticketStatus, ticketStatuses } from "../tickets/ticket.ts";
import {
  dateOrInstant,
  expectedVersion,
  jsonBody,
  parseWith,
  queryInt,
  ticketCodeParam,
} from "./api-input.ts";
import type { AppEnv } from "./create-http-server.ts";

export interface TicketsApiDeps {
  service: TicketService;
  checked: CheckedActions;
  directory: StaffDirectory;
  clock: Clock;
}

const listQuery = z
  .object({
    status: z
      .string()
      .transform((raw) => raw.split(",").map((s) => s.trim()))
      .pipe(z.array(ticketStatus, { error: `status must be one or more of ${ticketStatuses.join(", ")}` }))
      .optional(),
    category: ticketCategory.optional(),
    overdue: z.enum(["true", "false"], { error: "overdue must be true or false" }).optional(),
    from: dateOrInstant("from").optional(),
    to: dateOrInstant("to", true).optional(),
    limit: queryInt("limit", 1, 200).optional(),
    offset: queryInt("offset", 0, 1_000_000).optional(),
  })
  .strict();

const version = z.number().int().positive().optional();
const statusBody = z
  .object({
    status: z.enum(["received", "in_progress", "closed"], {
      error:
        "status must be received, in_progress or closed (answered comes with an answer; reopened is the citizen's)",
    }),
    note: z.string().trim().min(1).max(1000).optional(),
    version,
  })
  .strict();
const answerBody = z
  .object({
    text: z
      .string()
      .trim()
      .min(1, "text must not be empty")
      .max(4000, "text must be at most 4000 characters"),
    version,
  })
  .strict();
const takeBody = z.object({ version }).strict();

const DEFAULT_LIMIT = 50;

export function createTicketsApi(deps: TicketsApiDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const bad = (c: Context, problems: string[]) =>
    c.json({ error: "bad request", message: problems.join("; "), problems }, 400);

  /** The actor: the staff member named by X-Staff-Id (must be staff), or the office's system. */
  const actorOf = (c: Context): { ok: true; actor: TicketActor } | { ok: false; response: Response } => {
    const header = c.req.header("x-staff-id");
    if (header === undefined) return { ok: true, actor: { kind: "api" } };
    const match = /^(telegram|zalo):([A-Za-z0-9_-]{1,128})$/.exec(header.trim());
    const staff = match ? deps.directory.actor(match[1] as "telegram" | "zalo", match[2]!) : null;
    if (!staff) {
      return {
        ok: false,
        response: c.json(
          {
            error: "forbidden",
            message:
              "X-Staff-Id must name a staff member from STAFF_TELEGRAM_IDS or STAFF_ZALO_IDS, e.g. telegram:123456789.",
          },
          403,
        ),
      };
    }
    return { ok: true, actor: { kind: "staff", ...staff } };
  };

  app.get("/", async (c) => {
    const query = parseWith(listQuery, c.req.query());
    if (!query.ok) return bad(c, query.problems);
    const q = query.value;
    if (q.from !== undefined && q.to !== undefined && q.from >= q.to)
      return bad(c, ["from must be before to"]);
    const limit = q.limit ?? DEFAULT_LIMIT;
    const offset = q.offset ?? 0;
    const filter: TicketFilter = {
      ...(q.status && { status: q.status }),
      ...(q.category && { category: q.category }),
      ...(q.overdue && { overdue: q.overdue === "true" }),
      ...(q.from !== undefined && { createdFrom: q.from }),
      ...(q.to !== undefined && { createdTo: q.to }),
      // One more than asked, to know whether there is a next page.
      limit: limit + 1,
      offset,
    };
    const found = await deps.service.list(filter);
    return c.json({
      tickets: found.slice(0, limit).map(toStaffView),
      limit,
      offset,
      nextOffset: found.length > limit ? offset + limit : null,
    });
  });

  app.get("/:code", async (c) => {
    const code = ticketCodeParam(c.req.param("code"));
    if (code === null) return bad(c, ["not a ticket code: use the form PA-2611-0042"]);
    const found = await deps.service.get(code);
    if (!found) return notFound(c, code);
    const version = ticketRevision(found.ticket);
    c.header("ETag", `"${version}"`);
    return c.json({ ticket: toStaffView(found.ticket), version });
  });

  /** Runs an action, version-checked when the caller sent the version it saw. */
  const act = async (
    c: Context,
    body: { version?: number | undefined },
    action: TicketAction,
    viaService: (code: string, actor: TicketActor) => Promise<ActionResult>,
    actor?: TicketActor,
  ): Promise<Response> => {
    const code = ticketCodeParam(c.req.param("code"));
    if (code === null) return bad(c, ["not a ticket code: use the form PA-2611-0042"]);
    const expected = expectedVersion(c.req.header("if-match"), body.version);
    if (!expected.ok) return bad(c, expected.problems);
    let by = actor;
    if (!by) {
      const who = actorOf(c);
      if (!who.ok) return who.response;
      by = who.actor;
    }
    const result: CheckedResult | ActionResult =
      expected.value === undefined
        ? await viaService(code, by)
        : await deps.checked.apply(code, action, by, expected.value);
    if (result.ok) {
      const version = ticketRevision(result.ticket);
      c.header("ETag", `"${version}"`);
      return c.json({ ticket: toStaffView(result.ticket), version });
    }
    return refusal(c, code, result);
  };

  const refusal = async (
    c: Context,
    code: string,
    result: Exclude<CheckedResult | ActionResult, { ok: true }>,
  ) => {
    switch (result.reason) {
      case "not-found":
        return notFound(c, code);
      case "conflict":
        return c.json(
          {
            error: "version conflict",
            message:
              "The ticket changed since you read it. Read it again (GET) and retry with its new version.",
            ...("currentRevision" in result && { currentVersion: result.currentRevision }),
          },
          409,
        );
      case "taken":
        return c.json(
          {
            error: "taken",
            message: "Another staff member has taken this ticket; only a supervisor may take it over.",
          },
          409,
        );
      case "not-allowed":
        return c.json({ error: "forbidden", message: "This action needs a staff member (X-Staff-Id)." }, 403);
      default: {
        const current = await deps.service.get(code);
        const status = current?.ticket.status;
        return c.json(
          {
            error: "wrong status",
            message: `This ticket's status (${status ?? "unknown"}) does not allow that change.`,
            ...(status && { status, allowedStatuses: allowedStatusChanges(status) }),
          },
          409,
        );
      }
    }
  };

  app.post("/:code/status", async (c) => {
    const body = await jsonBody(c, statusBody);
    if (!body.ok) return bad(c, body.problems);
    const { status, note } = body.value;
    return act(c, body.value, { kind: "status", to: status, ...(note && { note }) }, (code, by) =>
      deps.service.changeStatus(code, status, by, note),
    );
  });

  app.post("/:code/answer", async (c) => {
    const body = await jsonBody(c, answerBody);
    if (!body.ok) return bad(c, body.problems);
    const { text } = body.value;
    return act(c, body.value, { kind: "answer", text }, (code, by) => deps.service.answer(code, text, by));
  });

  app.post("/:code/take", async (c) => {
    const body = await jsonBody(c, takeBody);
    if (!body.ok) return bad(c, body.problems);
    const who = actorOf(c);
    if (!who.ok) return who.response;
    if (who.actor.kind !== "staff") {
      return c.json(
        {
          error: "forbidden",
          message: "Taking a ticket needs the staff member: send X-Staff-Id, e.g. telegram:123456789.",
        },
        403,
      );
    }
    const staff = who.actor;
    return act(c, body.value, { kind: "take" }, (code) => deps.service.take(code, staff), staff);
  });

  return app;
}

function notFound(c: Context, code: string): Response {
  return c.json({ error: "not found", message: `There is no ticket ${code}.` }, 404);
}
