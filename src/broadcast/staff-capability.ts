/**
 * Broadcasts at the staff desk: `/thongbao` opens the composer (its draft kept per staff member and
 * chat), its buttons and the texts or photo that follow go to it, and confirming creates the
 * broadcast and posts its live progress message here. `/thongbao_huy [number]` stops one.
 */

import type { Reply } from "../core/model.ts";
import type { KeyValueStore } from "../core/ports.ts";
import type { StaffCapability, StaffContext } from "../staff/desk.ts";
import type { Broadcasting } from "./broadcasting.ts";
import {
  COMPOSER_PREFIX,
  type ComposerEvent,
  type ComposerState,
  composerState,
  composerStep,
} from "./composer.ts";

/** A draft left alone this long is dropped. */
export const DRAFT_TTL_MS = 2 * 60 * 60 * 1000;

export interface BroadcastCapabilityDeps {
  broadcasting: Pick<Broadcasting, "service" | "postProgress">;
  drafts: KeyValueStore<ComposerState>;
  /** A staff id as it may be stored (hashed). */
  hashUserId(channel: string, userId: string): string;
}

const say = (text: string): Reply[] => [{ kind: "message", blocks: [{ kind: "paragraph", text }] }];

const vnTime = (at: number) =>
  new Date(at).toLocaleString("vi-VN", { timeZone: "Asia/Ho_Chi_Minh", hour12: false });

export function broadcastCapability(deps: BroadcastCapabilityDeps): StaffCapability {
  const key = (ctx: StaffContext) => `${ctx.address}|${ctx.actor.channel}:${ctx.actor.userId}`;

  async function run(ctx: StaffContext, event: ComposerEvent, onlyIfDraft: boolean): Promise<Reply[] | null> {
    const stored = await deps.drafts.get(key(ctx));
    const state = stored === undefined ? null : (composerState.safeParse(stored).data ?? null);
    if (onlyIfDraft && !state) return null;
    const outcome = composerStep(state, event, { tr: ctx.tr, now: ctx.now });
    if (outcome.state) await deps.drafts.set(key(ctx), outcome.state, DRAFT_TTL_MS);
    else await deps.drafts.delete(key(ctx));
    if (!outcome.create) return outcome.replies;

    const { draft, topics, at } = outcome.create;
    const created = await deps.broadcasting.service.create(
      { ...draft, topics, ...(at !== undefined && { at }) },
      deps.hashUserId(ctx.actor.channel, ctx.actor.userId),
    );
    // The live progress message, edited as delivery goes on (the first edit may come before this returns).
    await deps.broadcasting.postProgress(created, ctx.address);
    return say(
      at === undefined
        ? ctx.tr("composer.started", { id: created.id })
        : ctx.tr("composer.scheduled", { id: created.id, at: vnTime(at) }),
    );
  }

  return {
    name: "broadcast",
    commands: [
      {
        name: "thongbao",
        description: "staff.command.thongbao",
        run: (ctx) => run(ctx, { kind: "start" }, false).then((r) => r ?? []),
      },
      {
        name: "thongbao_huy",
        description: "staff.command.thongbaoHuy",
        async run(ctx, args) {
          const { service } = deps.broadcasting;
          const wanted = args.trim().replace(/^#/, "");
          if (wanted) {
            if (!/^\d{1,12}$/.test(wanted))
              return say(ctx.tr("broadcast.cancel.notFound", { id: wanted.slice(0, 20) }));
            const before = await service.get(wanted);
            if (!before) return say(ctx.tr("broadcast.cancel.notFound", { id: wanted }));
            if (before.status === "done" || before.status === "cancelled") {
              return say(ctx.tr("broadcast.cancel.finished", { id: wanted }));
            }
            await service.cancel(wanted);
            return say(ctx.tr("broadcast.cancel.done", { id: wanted }));
          }
          const open = await service.unfinished();
          if (open.length === 0) return say(ctx.tr("broadcast.cancel.none"));
          if (open.length > 1) {
            const list = open.map((b) => b.id);
            return say(
              ctx.tr("broadcast.cancel.pick", { n: open.length, ids: list.join(", "), id: list[0] ?? "" }),
            );
          }
          const only = open[0]!;
          await service.cancel(only.id);
          return say(ctx.tr("broadcast.cancel.done", { id: only.id }));
        },
      },
    ],
    choices: {
      prefix: COMPOSER_PREFIX,
      handle: (ctx, choiceId) => run(ctx, { kind: "choice", id: choiceId }, false).then((r) => r ?? []),
    },
    onText: (ctx, text) => run(ctx, { kind: "text", text }, true),
    onPhoto: (ctx, event) =>
      run(
        ctx,
        {
          kind: "photo",
          ...(event.photo.fileId !== undefined && { fileId: event.photo.fileId }),
          ...(event.caption !== undefined && { caption: event.caption }),
        },
        true,
      ),
  };
}
