/**
 * The staff API for what the assistant could not answer and how citizens rated its answers,
 * mounted under the authenticated `/api`:
 *
 * - `GET /insights?days=7` (1 to 366, default 7) →
 *   `{"days", "since", "unanswered": {"total", "top": [{"question", "count", "lastAt"}]},
 *     "votes": {"up", "down", "disliked": [{"code", "name", "up", "down"}]}}`
 *
 * The questions were stripped of phone numbers, e-mails and ID numbers when recorded.
 */
import { Hono } from "hono";
import type { Clock } from "../core/ports.ts";
import { buildInsights, type InsightSources, MAX_INSIGHT_DAYS, parseDays } from "../staff/insights.ts";
import type { AppEnv } from "./create-http-server.ts";

export interface InsightsRoutesDeps {
  sources: InsightSources;
  procedureName(code: string): string | undefined;
  clock: Clock;
}

export function insightsRoutes(deps: InsightsRoutesDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get("/", async (c) => {
    const days = parseDays(c.req.query("days"));
    if (days === null) {
      return c.json(
        { error: "bad request", message: `days must be a whole number from 1 to ${MAX_INSIGHT_DAYS}.` },
        400,
      );
    }
    const insights = await buildInsights(deps.sources, days, deps.clock.now());
    return c.json({
      ...insights,
      votes: {
        ...insights.votes,
        disliked: insights.votes.disliked.map((d) => ({ ...d, name: deps.procedureName(d.code) ?? null })),
      },
    });
  });
  return app;
}
