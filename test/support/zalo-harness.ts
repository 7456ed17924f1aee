/**
 * Builds the Zalo channel against the Zalo Bot API stand-in for end-to-end tests: real HTTP both
 * ways (the stand-in delivers webhooks to a real HTTP server the channel is mounted on), the
 * in-process address lock, the real locales, and a logger whose lines the test can read.
 */
import {
  createZaloChannel,
  type WebhookRouteHandler,
  type ZaloChannel,
  type ZaloChannelDeps,
} from "../../src/channels/zalo/channel.ts";
import type { ZaloConfig } from "../../src/config.ts";
import type { InboundEvent, Reply } from "../../src/core/model.ts";
import type { Assistant } from "../../src/core/ports.ts";
import { createHttpServer } from "../../src/http/create-http-server.ts";
import { translator } from "../../src/locales/index.ts";
import { createLogger, createUserIdHasher } from "../../src/logger.ts";
import { createKeyedQueue } from "../../src/storage/keyed-queue.ts";
import type { ZaloApiStandIn } from "./zalo-api-stand-in.ts";

export const WEBHOOK_SECRET = "zalo-webhook-Secret_0123456789";

export interface LogCapture {
  lines: string[];
  records(): Record<string, unknown>[];
}

export function captureLogs(level: "info" | "debug" = "info") {
  const lines: string[] = [];
  const logger = createLogger({
    level,
    pretty: false,
    destination: { write: (line: string) => void lines.push(line) },
  });
  const capture: LogCapture = {
    lines,
    records: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>),
  };
  return { logger, capture };
}

/** The shared HTTP server (src/http), listening on a free loopback port, where the channel mounts its route. */
export async function startWebhookServer() {
  const http = createHttpServer({
    logger: captureLogs().logger,
    health: {
      catalogue: () => ({ procedures: 0, version: "test" }),
      storage: async () => true,
      channels: () => ({}),
    },
  });
  let url = "";
  return {
    get url() {
      return url;
    },
    mountWebhook: (path: string, handler: WebhookRouteHandler) => http.route("POST", path, handler),
    /** Call after the channel has mounted its route. */
    async listen() {
      const { port } = await http.listen(0, "127.0.0.1");
      url = `http://127.0.0.1:${port}`;
    },
    close: () => http.close(),
  };
}

export interface BuildOptions {
  api: ZaloApiStandIn;
  assistant: Assistant;
  mode: "polling" | "webhook";
  /** Webhook mode: where the channel mounts its route and what PUBLIC_URL is (read at start). */
  server?: { readonly url: string; mountWebhook: ZaloChannelDeps["mountWebhook"] };
  overrides?: Partial<ZaloChannelDeps>;
  logLevel?: "info" | "debug";
}

export function buildZaloChannel(options: BuildOptions): { channel: ZaloChannel; logs: LogCapture } {
  const { logger, capture } = captureLogs(options.logLevel);
  const base = { token: options.api.token, apiRoot: options.api.apiRoot };
  const config: ZaloConfig =
    options.mode === "webhook"
      ? {
          ...base,
          mode: "webhook",
          webhookSecret: WEBHOOK_SECRET,
          // Read at start, once the server listens (its port is only known then).
          get publicUrl() {
            return options.server?.url ?? "";
          },
        }
      : { ...base, mode: "polling" };
  const channel = createZaloChannel({
    config,
    assistant: options.assistant,
    lock: createKeyedQueue(),
    logger,
    t: translator("vi"),
    hashUserId: createUserIdHasher("test-salt-0123456789abcdef"),
    ...(options.server?.mountWebhook && { mountWebhook: options.server.mountWebhook }),
    pollTimeoutSeconds: 1,
    backoff: { initialMs: 40, maxMs: 320 },
    ...options.overrides,
  });
  return { channel, logs: capture };
}

/**
 * A small stand-in for the core, so the adapter is tested on its own: it records every event and
 * answers with replies that echo what it received. `hold()` makes it wait until released.
 */
export function createFakeAssistant() {
  const events: InboundEvent[] = [];
  let gate: Promise<void> | undefined;
  const assistant = {
    events,
    hold(): () => void {
      let release = () => {};
      gate = new Promise<void>((resolve) => {
        release = () => {
          gate = undefined;
          resolve();
        };
      });
      return release;
    },
    async handle(event: InboundEvent): Promise<Reply[]> {
      events.push(event);
      if (gate) await gate;
      switch (event.kind) {
        case "text":
          if (event.text === "gây lỗi") throw new Error("the core failed");
          if (event.text.startsWith("chậm "))
            await new Promise((r) => setTimeout(r, Number(event.text.slice(5))));
          return [
            {
              kind: "message",
              blocks: [{ kind: "paragraph", text: `Bạn hỏi: ${event.text}` }],
              choices: [
                { id: "p:1.001193", label: "Đăng ký khai sinh" },
                { id: "p:1.000894", label: "Đăng ký kết hôn" },
              ],
            },
          ];
        case "photo":
          return [
            { kind: "message", blocks: [{ kind: "paragraph", text: `Ảnh: ${event.photo.url ?? "-"}` }] },
          ];
        case "unsupported":
          return [{ kind: "message", blocks: [{ kind: "paragraph", text: `Chưa hỗ trợ: ${event.what}` }] }];
        default:
          return [{ kind: "message", blocks: [{ kind: "paragraph", text: `Sự kiện: ${event.kind}` }] }];
      }
    },
  } satisfies Assistant & Record<string, unknown>;
  return assistant;
}

/** Resolves once `predicate` holds (checked every 10 ms), or rejects after `timeoutMs`. */
export async function until(predicate: () => boolean, timeoutMs = 3000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!predicate()) {
    if (performance.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
