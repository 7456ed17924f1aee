/**
 * Paces sends to a steady rate: each `take()` resolves at the next free slot, `1000 / perSecond` ms
 * after the previous one, so bursts never exceed the platform's limit. `pause(ms)` pushes every
 * later slot back (Telegram's `retry_after` applies to the whole bot, not one chat).
 */
export interface Pacer {
  take(signal?: AbortSignal): Promise<void>;
  pause(ms: number): void;
  readonly perSecond: number;
}

export interface PacerClock {
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const realPacerClock: PacerClock = {
  now: () => performance.now(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve) => {
      if (ms <= 0 || signal?.aborted) return resolve();
      const timer = setTimeout(done, ms);
      function done() {
        signal?.removeEventListener("abort", done);
        clearTimeout(timer);
        resolve();
      }
      signal?.addEventListener("abort", done, { once: true });
    }),
};

export function createPacer(perSecond: number, clock: PacerClock = realPacerClock): Pacer {
  if (!(perSecond > 0)) throw new RangeError(`rate must be positive, got ${perSecond}`);
  const interval = 1000 / perSecond;
  let next = 0;
  return {
    perSecond,
    async take(signal) {
      const now = clock.now();
      const slot = Math.max(now, next);
      next = slot + interval;
      await clock.sleep(slot - now, signal);
    },
    pause(ms) {
      next = Math.max(next, clock.now() + ms);
    },
  };
}

/**
 * At most one message per `gapMs` to the same chat (Telegram: about 1 per second). Chats are
 * forgotten once their gap has passed, so memory stays bounded by the chats of the last second.
 */
export interface ChatGap {
  wait(chat: string, signal?: AbortSignal): Promise<void>;
}

export function createChatGap(gapMs: number, clock: PacerClock = realPacerClock): ChatGap {
  const last = new Map<string, number>();
  let sweptAt = 0;
  return {
    async wait(chat, signal) {
      const now = clock.now();
      if (now - sweptAt > gapMs) {
        for (const [key, at] of last) if (now - at >= gapMs) last.delete(key);
        sweptAt = now;
      }
      const previous = last.get(chat);
      const at = previous === undefined ? now : Math.max(now, previous + gapMs);
      last.set(chat, at);
      await clock.sleep(at - now, signal);
    },
  };
}
