/**
 * The staff API for broadcasts, mounted under the authenticated `/api`:
 *
 * - `POST /broadcasts` with `{"text": …, "topics": [...] (optional, default all), "link"?, "photoUrl"?,
 *   "at"? (ISO time to send later)}` → 201 `{"id": …}`
 * - `GET /broadcasts/{id}` → `{"status", "total", "sent", "failed", "blocked", "remaining", …}`
 * - `DELETE /broadcasts/{id}` → stops it (what was sent stays sent)
 *
 * Bad input gets a 400 that says what to fix.
 */
import { Hono, type MiddlewareHandler } from "hono";
import { z } from "zod";
import { type Broadcast, MAX_TEXT_LENGTH } from "../broadcast/broadcast.ts";
import type { ProgressReport } from "../broadcast/progress.ts";
import type { BroadcastService } from "../broadcast/service.ts";
import { TOPICS, topic } from "../broadcast/topics.ts";
import type { AppEnv } from "./create-http-server.ts";

const httpsUrl = z
  .string()
  .max(2000)
  .refine((value) => /^https:\/\/[^\s]+$/.test(value), "must be an https:// address");

const newBroadcast = z.object({
  text: z
    .string()
    .transform((value) => value.trim())
    .pipe(z.string().min(1, "must not be empty").max(MAX_TEXT_LENGTH)),
  topics: z.array(topic).optional(),
  link: httpsUrl.optional(),
  photoUrl: httpsUrl.optional(),
  at: z.iso.datetime({ offset: true }).optional(),
});

export interface BroadcastRoutesDeps {
  service: BroadcastService;
  report(b: Broadcast): ProgressReport;
  /** Authentication for these routes, when they are not mounted under an authenticated app. */
  auth?: MiddlewareHandler<AppEnv>;
  /** Called once a broadcast is stored (main.ts posts its live progress in the staff chat). */
  onCreated?: (b: Broadcast) => Promise<void>;
}

export function broadcastRoutes(deps: BroadcastRoutesDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  if (deps.auth) app.use("*", deps.auth);

  const view = (b: Broadcast) => {
    const r = deps.report(b);
    return {
      id: r.id,
      status: r.status,
      total: r.total,
      sent: r.sent,
      failed: r.failed,
      blocked: r.blocked,
      remaining: r.remaining,
      skipped: r.skipped,
      deferred: r.deferred,
      etaSeconds: r.etaSeconds,
      reasons: r.reasons,
      topics: b.topics,
      sendAt: new Date(b.notBefore).toISOString(),
    };
  };

  app.post("/", async (c) => {
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      return c.json({ error: "bad request", message: 'Send a JSON body, e.g. {"text": "…"}.' }, 400);
    }
    const parsed = newBroadcast.safeParse(body);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((issue) => {
        const where = issue.path.join(".") || "body";
        return where.startsWith("topics")
          ? `${where}: must be one of ${TOPICS.join(", ")}`
          : `${where}: ${issue.message}`;
      });
      return c.json({ error: "bad request", problems }, 400);
    }
    const input = parsed.data;
    const created = await deps.service.create(
      {
        text: input.text,
        ...(input.topics && { topics: input.topics }),
        ...(input.link && { link: input.link }),
        ...(input.photoUrl && { photoUrl: input.photoUrl }),
        ...(input.at && { at: Date.parse(input.at) }),
      },
      "api",
    );
    await deps.onCreated?.(created);
    c.header("Location", `${c.req.path.replace(/\/$/, "")}/${created.id}`);
    return c.json({ id: created.id }, 201);
  });

  app.get("/:id", async (c) => {
    const id = c.req.param("id");
    const found = /^\d{1,12}$/.test(id) ? await deps.service.get(id) : undefined;
    if (!found) return c.json({ error: "not found", message: `No broadcast ${id.slice(0, 20)}.` }, 404);
    return c.json(view(found));
  });

  app.delete("/:id", async (c) => {
    const id = c.req.param("id");
    const found = /^\d{1,12}$/.test(id) ? await deps.service.cancel(id) : null;
    if (!found) return c.json({ error: "not found", message: `No broadcast ${id.slice(0, 20)}.` }, 404);
    return c.json(view(found));
  });

  return app;
}
