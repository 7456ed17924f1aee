/**
 * Builds the Telegram channel against the Bot API stand-in for end-to-end tests: real HTTP both
 * ways, the in-process address lock, a logger whose lines the test can read, and the real locales.
 */

import {
  createTelegramChannel,
  type TelegramChannel,
  type TelegramChannelDeps,
} from "../../src/channels/telegram/telegram-channel.ts";
import type { WebhookHandler } from "../../src/channels/telegram/webhook-route.ts";
import type { TelegramConfig } from "../../src/config.ts";
import type { InboundEvent, Reply } from "../../src/core/model.ts";
import type { Assistant } from "../../src/core/ports.ts";
import { t } from "../../src/locales/index.ts";
import { createLogger, createUserIdHasher } from "../../src/logger.ts";
import { createKeyedQueue } from "../../src/storage/keyed-queue.ts";
import type { TelegramApiStandIn } from "./telegram-api-stand-in.ts";

export interface LogCapture {
  lines: string[];
  /** Parsed log records. */
  records(): Record<string, unknown>[];
}

export function captureLogs(): { capture: LogCapture; logger: ReturnType<typeof createLogger> } {
  const lines: string[] = [];
  const logger = createLogger({
    level: "info",
    pretty: false,
    destination: { write: (line: string) => void lines.push(line) },
  });
  return {
    capture: { lines, records: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>) },
    logger,
  };
}

export const LOG_SALT = "test-salt-0123456789abcdef";

export interface HarnessOptions {
  api: TelegramApiStandIn;
  assistant: Assistant;
  mode?: "polling" | "webhook";
  mountWebhook?: (path: string, handler: WebhookHandler) => void;
  webhookSecret?: string;
  overrides?: Partial<TelegramChannelDeps>;
}

export function buildChannel(options: HarnessOptions): { channel: TelegramChannel; logs: LogCapture } {
  const { capture, logger } = captureLogs();
  const base = { token: options.api.token, apiRoot: options.api.apiRoot };
  const config: TelegramConfig =
    options.mode === "webhook"
      ? {
          ...base,
          mode: "webhook",
          webhookSecret: options.webhookSecret ?? "s3cret-webhook-token",
          publicUrl: "https://bot.example.gov.vn",
        }
      : { ...base, mode: "polling" };
  const channel = createTelegramChannel({
    config,
    assistant: options.assistant,
    lock: createKeyedQueue(),
    logger,
    hashUserId: createUserIdHasher(LOG_SALT),
    t,
    ...(options.mountWebhook && { mountWebhook: options.mountWebhook }),
    pollTimeoutSeconds: 1,
    limits: { requestTimeoutMs: 2_000, maxRetryAttempts: 2, maxRetryDelaySeconds: 5 },
    ...options.overrides,
  });
  return { channel, logs: capture };
}

/**
 * A small stand-in for the core, so the adapter is tested on its own: it records every event and
 * answers with replies that echo what it received (so escaping and splitting of user text shows).
 */
export function createFakeAssistant(): Assistant & { events: InboundEvent[] } {
  const events: InboundEvent[] = [];
  return {
    events,
    async handle(event: InboundEvent): Promise<Reply[]> {
      events.push(event);
      switch (event.kind) {
        case "start":
          return [
            {
              kind: "message",
              blocks: [
                { kind: "heading", text: "Xin chào!" },
                {
                  kind: "paragraph",
                  text: `Bạn cứ hỏi bằng lời của mình.${event.payload ? ` (${event.payload})` : ""}`,
                },
              ],
              choices: [
                { id: "m:lookup", label: "Tra cứu thủ tục" },
                { id: "m:contact", label: "Liên hệ cơ quan" },
              ],
            },
          ];
        case "text":
          if (event.text === "gây lỗi") throw new Error("the core failed");
          if (event.text === "ảnh mẫu") {
            return [
              {
                kind: "photo",
                url: "https://example.gov.vn/mau-to-khai.jpg",
                caption: "Mẫu <tờ khai> & hướng dẫn",
              },
              { kind: "message", blocks: [{ kind: "paragraph", text: "Điền theo mẫu trên." }] },
            ];
          }
          if (event.text.startsWith("chậm "))
            await new Promise((r) => setTimeout(r, Number(event.text.slice(5))));
          return [{ kind: "message", blocks: [{ kind: "paragraph", text: `Bạn hỏi: ${event.text}` }] }];
        case "choice":
          if (event.choiceId === "p:1.001193") {
            return [
              {
                kind: "message",
                blocks: [
                  { kind: "heading", text: "Đăng ký khai sinh" },
                  { kind: "list", items: ["Tờ khai", "Giấy chứng sinh"] },
                ],
                choices: [{ id: "ck:1.001193", label: "Chuẩn bị hồ sơ" }],
              },
            ];
          }
          return [{ kind: "message", blocks: [{ kind: "paragraph", text: t("vi", "choice.stale") }] }];
        case "command":
          return [
            {
              kind: "message",
              blocks: [{ kind: "paragraph", text: `Lệnh /${event.command} [${event.args}]` }],
            },
          ];
        case "photo":
          return [{ kind: "message", blocks: [{ kind: "paragraph", text: t("vi", "input.photoNotNow") }] }];
        case "unsupported":
          return [{ kind: "message", blocks: [{ kind: "paragraph", text: t("vi", "input.unsupported") }] }];
      }
    },
  };
}
