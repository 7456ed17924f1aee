/**
 * The terminal chat: with no channel token, `npm start` talks to the same assistant here, as the
 * address `console:local`. Replies are plain text with choices as numbered lines; the person types a
 * number or words. Works interactively (a TTY, with a prompt) and with piped input (each line answered
 * in order, exit at the end of input).
 */
import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import { DeliveryError } from "../../core/delivery-error.ts";
import type { ChannelCapabilities, InboundEvent, Locale, Reply } from "../../core/model.ts";
import type { AddressLock, Assistant, Clock, KeyValueStore, Messenger } from "../../core/ports.ts";
import { citizenPrefs } from "../../core/records.ts";
import { choiceHint, t, translator } from "../../locales/index.ts";
import type { Logger } from "../../logger.ts";
import { renderReplyPlain } from "../render-plain.ts";
import { consoleMessages } from "./messages.ts";
import { CONSOLE_ADDRESS, CONSOLE_USER_ID, lineToEvent } from "./to-event.ts";

export const consoleCapabilities: ChannelCapabilities = {
  buttons: false,
  maxTextLength: 100_000,
  formatting: "plain",
};

export interface ConsoleChatDeps {
  assistant: Assistant;
  lock: AddressLock;
  logger: Logger;
  input: Readable;
  output: Writable;
  locale: Locale;
  /**
   * The core's citizen preferences (namespace "prefs"): after `/lang`, the terminal's own lines
   * (the choice hint, the apology, goodbye) follow the language chosen. Without it: `locale`.
   */
  prefs?: KeyValueStore<unknown>;
  clock?: Clock;
  /** Interactive (prompt, line editing); default: whether input and output are terminals. */
  interactive?: boolean;
}

export interface ConsoleChat {
  /** Greets, then answers line by line; resolves when the person leaves or the input ends. */
  run(): Promise<void>;
  /** Ends the session (e.g. on SIGTERM); `run()` resolves once the line being answered is done. */
  stop(): void;
  isUp(): boolean;
  /**
   * Messages the core sends on its own (a ticket's status, an answer) printed in the terminal, so the
   * person at the terminal sees them as a citizen would in their chat.
   */
  readonly messenger: Messenger;
}

/** All replies of one turn as the text printed for them. */
export function renderTurn(replies: readonly Reply[], locale: Locale): string {
  return replies
    .map((reply) =>
      renderReplyPlain(reply, {
        choiceHint: choiceHint(
          translator(locale),
          reply.kind === "message" ? (reply.choices?.length ?? 0) : 0,
        ),
      }),
    )
    .filter((text) => text.length > 0)
    .join("\n\n");
}

export function createConsoleChat(deps: ConsoleChatDeps): ConsoleChat {
  const { assistant, lock, output, locale } = deps;
  const clock = deps.clock ?? { now: () => Date.now() };
  /** The language the person at the terminal chose (`/lang`), else the deployment's. */
  const currentLocale = async (): Promise<Locale> => {
    if (!deps.prefs) return locale;
    try {
      return citizenPrefs.safeParse(await deps.prefs.get(CONSOLE_ADDRESS)).data?.locale ?? locale;
    } catch {
      return locale;
    }
  };
  const messages = consoleMessages[locale];
  const interactive =
    deps.interactive ??
    ((deps.input as { isTTY?: boolean }).isTTY === true && (output as { isTTY?: boolean }).isTTY === true);
  const logger = deps.logger.child({ channel: "console" });
  let up = false;
  let rl: ReturnType<typeof createInterface> | undefined;

  const write = (text: string) => {
    output.write(text.endsWith("\n") ? text : `${text}\n`);
  };

  async function answer(event: InboundEvent): Promise<void> {
    const replies = await lock.run(CONSOLE_ADDRESS, () => assistant.handle(event));
    const text = renderTurn(replies, await currentLocale());
    if (text.length > 0) write(`\n${text}\n`);
  }

  async function answerSafely(event: InboundEvent): Promise<void> {
    try {
      await answer(event);
    } catch (error) {
      logger.error({ err: error }, "console turn failed");
      write(`\n${t(await currentLocale(), "error.generic")}\n`);
    }
  }

  return {
    async run() {
      up = true;
      write(`${messages.banner}\n${messages.noToken}\n${messages.howToExit}`);
      await answerSafely({
        kind: "start",
        address: CONSOLE_ADDRESS,
        userId: CONSOLE_USER_ID,
        receivedAt: clock.now(),
      });
      const lines = createInterface({
        input: deps.input,
        ...(interactive && { output }),
        terminal: interactive,
        crlfDelay: Number.POSITIVE_INFINITY,
      });
      rl = lines;
      if (interactive) {
        lines.setPrompt(messages.prompt);
        lines.on("SIGINT", () => lines.close());
        lines.prompt();
      }
      try {
        for await (const line of lines) {
          const outcome = lineToEvent(line, clock.now());
          if (outcome.kind === "exit") break;
          if (outcome.kind === "event") await answerSafely(outcome.event);
          if (interactive) lines.prompt();
        }
      } finally {
        lines.close();
        up = false;
        write(`\n${consoleMessages[await currentLocale()].goodbye}`);
      }
    },
    stop() {
      rl?.close();
    },
    isUp: () => up,
    messenger: {
      async send(address, replies) {
        if (address !== CONSOLE_ADDRESS) throw new DeliveryError("final", "not the terminal chat's address");
        const text = renderTurn(replies, await currentLocale());
        if (text.length > 0) write(`\n${text}\n`);
        if (interactive) rl?.prompt(true);
      },
    },
  };
}
