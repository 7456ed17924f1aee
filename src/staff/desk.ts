/**
 * The staff desk: the channel-free handler for what staff send (in the staff group or in private),
 * separate from the citizen assistant. It checks the sender against the staff directory first (no
 * one else can act, whatever they send), then hands the event to the capability that registered the
 * command, the button prefix, the reply or the free text.
 *
 * Capabilities (the hotline, broadcasts) register themselves from main.ts with one
 * `desk.register(…)` call each; the desk owns no feature of its own beyond `/help`.
 */
import type { Address, ChannelName, Locale, Reply } from "../core/model.ts";
import { type MessageKey, type Translate, translator } from "../locales/index.ts";
import type { Logger } from "../logger.ts";
import type { StaffActor, StaffDirectory, StaffRole } from "./directory.ts";

/** Where a staff event came from. */
export type StaffPlace = "staff-chat" | "private";

interface StaffEventBase {
  channel: ChannelName;
  /** Where answers go: the staff group or the member's private chat. */
  address: Address;
  /** The platform's user id of the sender (checked against the directory here). */
  userId: string;
  place: StaffPlace;
  messageId?: string;
  receivedAt: number;
  /** The bot's message this one replies to (e.g. a ticket card), with its text. */
  replyTo?: { messageId: string; text: string };
}

export type StaffEvent =
  | (StaffEventBase & { kind: "command"; command: string; args: string })
  | (StaffEventBase & { kind: "text"; text: string })
  | (StaffEventBase & { kind: "choice"; choiceId: string })
  | (StaffEventBase & {
      kind: "photo";
      photo: { fileId?: string; url?: string; bytes?: number };
      caption?: string;
    });

/** What a capability's handler gets: the verified actor and the event's context. */
export interface StaffContext {
  actor: StaffActor;
  event: StaffEvent;
  address: Address;
  place: StaffPlace;
  locale: Locale;
  tr: Translate;
  now: number;
}

export interface StaffCommand {
  /** Without the slash, lower case, e.g. "thongke". */
  name: string;
  /** The least role allowed (default operator). */
  role?: StaffRole;
  /** A locale key describing the command in the staff /help. */
  description: MessageKey;
  run(ctx: StaffContext, args: string): Promise<Reply[]>;
}

export interface StaffCapability {
  /** For logs, e.g. "hotline". */
  name: string;
  commands?: readonly StaffCommand[];
  /** Buttons whose id starts with `prefix` (e.g. "tk:"). */
  choices?: {
    prefix: string;
    role?: StaffRole;
    handle(ctx: StaffContext, choiceId: string): Promise<Reply[]>;
  };
  /** A reply to one of the bot's messages; null when it is not this capability's message. */
  onReply?(
    ctx: StaffContext,
    replyTo: { messageId: string; text: string },
    text: string,
  ): Promise<Reply[] | null>;
  /** Free text (e.g. a composer in progress); null when it is not for this capability. */
  onText?(ctx: StaffContext, text: string): Promise<Reply[] | null>;
  /** A photo (e.g. for a composer); null when it is not for this capability. */
  onPhoto?(ctx: StaffContext, event: Extract<StaffEvent, { kind: "photo" }>): Promise<Reply[] | null>;
}

export type StaffOutcome =
  /** A capability (or /help) answered. */
  | { kind: "handled"; replies: Reply[] }
  /** The sender is not staff and asked for something: a polite refusal, nothing else. */
  | { kind: "refused"; replies: Reply[] }
  /** Not a staff matter (chatter in the group; anything else in private, which goes to the citizen side). */
  | { kind: "unhandled" };

export interface StaffDesk {
  register(capability: StaffCapability): void;
  /** Whether this user is staff (channels route their private chats here when true). */
  isStaff(channel: ChannelName, userId: string): boolean;
  handle(event: StaffEvent): Promise<StaffOutcome>;
}

export interface StaffDeskDeps {
  directory: StaffDirectory;
  logger: Logger;
  locale: Locale;
  clock?: { now(): number };
}

const say = (text: string): Reply[] => [{ kind: "message", blocks: [{ kind: "paragraph", text }] }];

export function createStaffDesk(deps: StaffDeskDeps): StaffDesk {
  const { directory } = deps;
  const logger = deps.logger.child({ component: "staff-desk" });
  const capabilities: StaffCapability[] = [];
  const commands = new Map<string, { capability: StaffCapability; command: StaffCommand }>();
  const tr = translator(deps.locale);
  const clock = deps.clock ?? { now: () => Date.now() };

  function helpReplies(actor: StaffActor): Reply[] {
    const lines = [...commands.values()]
      .filter(({ command }) => directory.allows(actor.role, command.role ?? "operator"))
      .map(({ command }) => `/${command.name}: ${tr(command.description)}`);
    return [
      {
        kind: "message",
        blocks: [
          { kind: "heading", text: tr("staff.help.title") },
          { kind: "paragraph", text: tr("staff.help.role", { role: tr(`staff.role.${actor.role}`) }) },
          ...(lines.length > 0 ? [{ kind: "list" as const, items: lines }] : []),
        ],
      },
    ];
  }

  /** Whether a non-staff sender asked the bot for something (as opposed to chatting in the group). */
  function addressedToBot(event: StaffEvent): boolean {
    if (event.kind === "choice" || event.replyTo !== undefined) return true;
    if (event.kind === "command") return event.place === "staff-chat" || commands.has(event.command);
    return false;
  }

  async function dispatch(event: StaffEvent, ctx: StaffContext): Promise<Reply[] | null> {
    const { actor } = ctx;
    switch (event.kind) {
      case "command": {
        const name = event.command.toLowerCase();
        if (name === "help" || name === "start") return helpReplies(actor);
        const found = commands.get(name);
        if (!found) return null;
        if (!directory.allows(actor.role, found.command.role ?? "operator"))
          return say(tr("staff.needsSupervisor"));
        return found.command.run(ctx, event.args);
      }
      case "choice": {
        for (const capability of capabilities) {
          const choices = capability.choices;
          if (!choices || !event.choiceId.startsWith(choices.prefix)) continue;
          if (!directory.allows(actor.role, choices.role ?? "operator"))
            return say(tr("staff.needsSupervisor"));
          return choices.handle(ctx, event.choiceId);
        }
        return null;
      }
      case "text": {
        if (event.replyTo) {
          for (const capability of capabilities) {
            const replies = await capability.onReply?.(ctx, event.replyTo, event.text);
            if (replies) return replies;
          }
        }
        for (const capability of capabilities) {
          const replies = await capability.onText?.(ctx, event.text);
          if (replies) return replies;
        }
        return null;
      }
      case "photo": {
        for (const capability of capabilities) {
          const replies = await capability.onPhoto?.(ctx, event);
          if (replies) return replies;
        }
        return null;
      }
    }
  }

  return {
    register(capability) {
      for (const command of capability.commands ?? []) {
        const name = command.name.toLowerCase();
        if (commands.has(name) || name === "help" || name === "start") {
          throw new Error(`staff command /${name} is already registered`);
        }
        commands.set(name, { capability, command });
      }
      const prefix = capability.choices?.prefix;
      if (prefix !== undefined) {
        const clash = capabilities.find((c) => {
          const other = c.choices?.prefix;
          return other !== undefined && (other.startsWith(prefix) || prefix.startsWith(other));
        });
        if (clash) throw new Error(`staff button prefix '${prefix}' clashes with ${clash.name}'s`);
      }
      capabilities.push(capability);
    },

    isStaff: (channel, userId) => directory.roleOf(channel, userId) !== null,

    async handle(event) {
      const actor = directory.actor(event.channel, event.userId);
      const log = logger.child({ place: event.place, kind: event.kind });
      if (!actor) {
        if (!addressedToBot(event)) return { kind: "unhandled" };
        log.info("staff action refused: sender is not staff");
        return { kind: "refused", replies: say(tr("staff.notStaff")) };
      }
      const ctx: StaffContext = {
        actor,
        event,
        address: event.address,
        place: event.place,
        locale: deps.locale,
        tr,
        now: clock.now(),
      };
      try {
        const replies = await dispatch(event, ctx);
        if (replies === null) {
          // A button nobody registered: stale in the staff group; in private, a citizen-side button.
          if (event.kind === "choice" && event.place === "staff-chat") {
            return { kind: "handled", replies: say(tr("choice.stale")) };
          }
          return { kind: "unhandled" };
        }
        return { kind: "handled", replies };
      } catch (error) {
        log.error({ err: error }, "staff action failed");
        return { kind: "handled", replies: say(tr("error.generic")) };
      }
    },
  };
}
