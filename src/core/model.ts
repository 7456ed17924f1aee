/**
 * The core's vocabulary. Channels translate platform updates into `InboundEvent`s and render
 * `Reply`s; the core never imports a channel.
 */

/** An opaque chat address: `telegram:123`, `zalo:abc`, `console:local`. */
export type Address = `${string}:${string}`;

export type Locale = "vi" | "en";

export type ChannelName = "telegram" | "zalo" | "console";

interface EventBase {
  address: Address;
  /** The platform's user id, opaque; never logged in clear. */
  userId: string;
  /** Platform message id, for de-duplication and replies. */
  messageId?: string;
  receivedAt: number;
  /** The platform's language hint (e.g. Telegram's language_code), if any. */
  languageHint?: string;
}

export type InboundEvent =
  | (EventBase & { kind: "start"; payload?: string })
  | (EventBase & { kind: "text"; text: string })
  | (EventBase & { kind: "choice"; choiceId: string })
  | (EventBase & { kind: "command"; command: string; args: string })
  | (EventBase & {
      kind: "photo";
      photo: { url?: string; fileId?: string; bytes?: number };
      caption?: string;
    })
  | (EventBase & { kind: "unsupported"; what: "sticker" | "voice" | "file" | "location" | "other" });

/** A piece of a message. Adapters render blocks in their platform's format. */
export type Block =
  | { kind: "heading"; text: string }
  | { kind: "paragraph"; text: string }
  | { kind: "list"; items: string[]; ordered?: boolean }
  | { kind: "checklist"; items: { text: string; done: boolean }[] }
  | { kind: "link"; label: string; url: string };

/** A choice the citizen can pick: a button on Telegram, a numbered line on Zalo and in the terminal. */
export interface Choice {
  /** Compact, validated id (≤ 64 bytes, Telegram's callback_data limit). */
  id: string;
  label: string;
}

export type Reply =
  | { kind: "message"; blocks: Block[]; choices?: Choice[] }
  | { kind: "photo"; url: string; caption?: string };

/** What a channel can render; the core may adapt (e.g. fewer choices), adapters do the rest. */
export interface ChannelCapabilities {
  buttons: boolean;
  maxTextLength: number;
  formatting: "html" | "plain";
}
