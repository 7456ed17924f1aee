/**
 * What delivery needs from a channel: send replies to one address and say how it went. The
 * channels' messengers are adapted to this in `messengerSender` (their failures are typed).
 */
import { asDeliveryError } from "../core/delivery-error.ts";
import type { Address, Reply } from "../core/model.ts";
import type { Messenger } from "../core/ports.ts";

export type SendResult =
  | { kind: "sent" }
  /** The citizen blocked the bot (Telegram 403): do not try again. */
  | { kind: "blocked" }
  /** Try again later; `afterMs` when the platform said how long to wait (429 retry_after). */
  | { kind: "retry"; afterMs?: number; reason: string }
  /** Will never work as sent. */
  | { kind: "failed"; reason: string };

export interface AnnouncementSender {
  send(address: Address, replies: readonly Reply[]): Promise<SendResult>;
}

/** A channel's messenger as a sender: its typed `DeliveryError`s become results. */
export function messengerSender(messenger: Messenger): AnnouncementSender {
  return {
    async send(address, replies) {
      try {
        await messenger.send(address, replies);
        return { kind: "sent" };
      } catch (error) {
        const failure = asDeliveryError(error);
        const reason = failure.code === undefined ? failure.failure : `${failure.failure}-${failure.code}`;
        if (failure.failure === "blocked") return { kind: "blocked" };
        if (failure.failure === "retry") {
          return failure.retryAfterMs === undefined
            ? { kind: "retry", reason }
            : { kind: "retry", afterMs: failure.retryAfterMs, reason };
        }
        return { kind: "failed", reason };
      }
    },
  };
}
