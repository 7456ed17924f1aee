/**
 * How the bot talks to the Bot API when things go wrong: every call gets a time limit, failed
 * attempts are logged (method and error code, never the payload), and 429 / 5xx answers are
 * retried by @grammyjs/auto-retry within bounds, so a dead or throttling API delays an answer by
 * at most a known time instead of hanging an update forever.
 */
import { autoRetry } from "@grammyjs/auto-retry";
import type { Api, RawApi, Transformer } from "grammy";
import type { Logger } from "../../logger.ts";

export interface ApiLimits {
  /** Time limit of one attempt of any call other than getUpdates. */
  requestTimeoutMs: number;
  /** Retries after a 429 or 5xx answer. */
  maxRetryAttempts: number;
  /** A 429 asking to wait longer than this fails the call instead. */
  maxRetryDelaySeconds: number;
}

export const DEFAULT_API_LIMITS: ApiLimits = {
  requestTimeoutMs: 15_000,
  maxRetryAttempts: 3,
  maxRetryDelaySeconds: 60,
};

/** Installs, from the inside out: per-attempt time limit, failure logging, bounded retries. */
export function hardenApi(api: Api<RawApi>, limits: ApiLimits, logger: Logger): void {
  api.config.use(
    attemptTimeout(limits.requestTimeoutMs),
    logFailedAttempts(logger),
    autoRetry({
      maxRetryAttempts: limits.maxRetryAttempts,
      maxDelaySeconds: limits.maxRetryDelaySeconds,
      // Network errors and time-outs are not retried: auto-retry would retry them without bound,
      // and a send that timed out may have been delivered already.
      rethrowHttpErrors: true,
    }),
  );
}

function attemptTimeout(ms: number): Transformer {
  return async (prev, method, payload, signal) => {
    // Long polling has its own, longer limit (the client's timeoutSeconds).
    if (method === "getUpdates") return prev(method, payload, signal);
    // One controller and one timer, both dropped when the call is done (AbortSignal.timeout and
    // AbortSignal.any would cost more for each of the bot's messages).
    const limit = new AbortController();
    const timer = setTimeout(
      () => limit.abort(new DOMException("The Bot API call timed out", "TimeoutError")),
      ms,
    );
    const outer = signal as unknown as AbortSignal | undefined;
    const forward = () => limit.abort(outer?.reason);
    if (outer?.aborted) forward();
    else outer?.addEventListener("abort", forward, { once: true });
    try {
      // grammY types signals with the abort-controller polyfill's type; Node's signal is compatible.
      return await prev(method, payload, limit.signal as unknown as typeof signal);
    } finally {
      clearTimeout(timer);
      outer?.removeEventListener("abort", forward);
    }
  };
}

function logFailedAttempts(logger: Logger): Transformer {
  return async (prev, method, payload, signal) => {
    try {
      const result = await prev(method, payload, signal);
      if (!result.ok) {
        logger.warn(
          {
            method,
            errorCode: result.error_code,
            description: result.description,
            retryAfter: result.parameters?.retry_after,
          },
          "telegram api call failed",
        );
      }
      return result;
    } catch (error) {
      if (!signal?.aborted) logger.warn({ method, err: error }, "telegram api call did not complete");
      throw error;
    }
  };
}
