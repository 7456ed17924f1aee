/**
 * Why a message the core sent on its own (a ticket update, a broadcast) did not arrive. Every
 * channel's messenger throws this, so the caller decides without knowing the platform:
 *
 * - `blocked`: the person blocked the bot or left (Telegram 403); do not try again, and a
 *   broadcast may drop the subscriber.
 * - `retry`: worth trying again later (429, 5xx, network, time-out); `retryAfterMs` when the
 *   platform said how long to wait.
 * - `final`: will never work as sent (bad address, 400, 401 token refused): record and move on.
 */
export type DeliveryFailure = "blocked" | "retry" | "final";

export class DeliveryError extends Error {
  readonly failure: DeliveryFailure;
  /** The platform's wait hint (Telegram `retry_after`), for `retry` only. */
  readonly retryAfterMs: number | undefined;
  /** The platform's status or error code, when there is one (for logs). */
  readonly code: number | undefined;

  constructor(
    failure: DeliveryFailure,
    message: string,
    options: { retryAfterMs?: number; code?: number; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "DeliveryError";
    this.failure = failure;
    this.retryAfterMs = failure === "retry" ? options.retryAfterMs : undefined;
    this.code = options.code;
  }

  get blocked(): boolean {
    return this.failure === "blocked";
  }

  get retryable(): boolean {
    return this.failure === "retry";
  }
}

/** Any error as a DeliveryError: one that is not already typed counts as worth a retry. */
export function asDeliveryError(error: unknown): DeliveryError {
  if (error instanceof DeliveryError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new DeliveryError("retry", `delivery failed: ${message}`, { cause: error });
}
