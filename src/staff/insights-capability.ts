/**
 * `/cauhoi [days]` at the staff desk: the questions the assistant could not answer (most frequent
 * first) and how citizens rated its answers, with the procedures that got the most 👎.
 */
import type { Block, Reply } from "../core/model.ts";
import type { Translate } from "../locales/index.ts";
import type { StaffCapability } from "./desk.ts";
import {
  buildInsights,
  type InsightSources,
  type Insights,
  MAX_INSIGHT_DAYS,
  parseDays,
} from "./insights.ts";

export interface InsightsCapabilityDeps {
  sources: InsightSources;
  /** The procedure's name in the current catalogue, if it is still there. */
  procedureName(code: string): string | undefined;
}

export function insightsCapability(deps: InsightsCapabilityDeps): StaffCapability {
  return {
    name: "insights",
    commands: [
      {
        name: "cauhoi",
        description: "staffCommand.cauhoi",
        async run(ctx, args) {
          const days = parseDays(args);
          if (days === null)
            return [message([paragraph(ctx.tr("insights.badDays", { max: MAX_INSIGHT_DAYS }))])];
          const insights = await buildInsights(deps.sources, days, ctx.now);
          return [message(insightBlocks(insights, ctx.tr, deps.procedureName))];
        },
      },
    ],
  };
}

export function insightBlocks(
  insights: Insights,
  tr: Translate,
  procedureName: (code: string) => string | undefined,
): Block[] {
  const blocks: Block[] = [{ kind: "heading", text: tr("insights.title", { days: insights.days }) }];
  const { unanswered, votes } = insights;
  if (unanswered.total === 0) blocks.push(paragraph(tr("insights.unansweredNone")));
  else {
    blocks.push(paragraph(`${tr("insights.unanswered", { n: unanswered.total })}\n${tr("insights.top")}`));
    blocks.push({
      kind: "list",
      items: unanswered.top.map((item) =>
        tr("insights.topItem", { count: item.count, question: item.question }),
      ),
    });
  }
  if (votes.up + votes.down === 0) blocks.push(paragraph(tr("insights.votesNone")));
  else {
    blocks.push(paragraph(tr("insights.votes", { up: votes.up, down: votes.down })));
    if (votes.disliked.length > 0) {
      blocks.push(paragraph(tr("insights.disliked")));
      blocks.push({
        kind: "list",
        items: votes.disliked.map((d) =>
          tr("insights.dislikedItem", {
            code: d.code,
            name: procedureName(d.code) ?? "",
            up: d.up,
            down: d.down,
          }),
        ),
      });
    }
  }
  blocks.push(paragraph(tr("insights.privacy")));
  return blocks;
}

const paragraph = (text: string): Block => ({ kind: "paragraph", text });
const message = (blocks: Block[]): Reply => ({ kind: "message", blocks });
