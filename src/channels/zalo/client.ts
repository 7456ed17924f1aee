/**
 * A small typed client of the Zalo Bot Platform API: `POST {apiRoot}/bot{token}/{method}` with a
 * JSON body, every answer parsed with zod, success only when `ok === true`.
 *
 * Quirks handled (../shared/notes/zalo-bot-api.md): `error_code` as a string, errors with HTTP 200,
 * non-JSON (HTML) 429 pages, getUpdates returning one update (not an array) and 408 for "nothing
 * new", getWebhookInfo answering 404 when no webhook is set. The token never appears in an error.
 */
import type { z } from "zod";
import { splitText } from "../split-text.ts";
import { normaliseErrorCode, ZaloApiError } from "./api-error.ts";
import {
  anyResultSchema,
  type BotInfo,
  botInfoSchema,
  deleteWebhookResultSchema,
  envelopeSchema,
  rawUpdateSchema,
  type SentMessage,
  sentMessageSchema,
  type WebhookInfo,
  webhookInfoSchema,
} from "./api-schemas.ts";

/** Zalo's limit for `text` and `caption`, counted here in UTF-16 code units. */
export const ZALO_MAX_TEXT = 2000;

export const DEFAULT_ZALO_API_ROOT = "https://bot-api.zaloplatforms.com";

export interface ZaloClientOptions {
  token: string;
  /** Without a trailing slash; default the official host. */
  apiRoot?: string;
  /** Time-out of one call in ms (default 15 s); getUpdates uses its poll time-out + 5 s. */
  timeoutMs?: number;
  /** Time-out of sendPhoto in ms (default 60 s): Zalo downloads the image before answering. */
  photoTimeoutMs?: number;
  fetch?: typeof fetch;
}

export interface CallOptions {
  timeoutMs?: number;
  signal?: AbortSignal;
}

/** One inbound update as Zalo sent it; `inbound.ts` narrows it. */
export type RawUpdate = Record<string, unknown>;

export interface ZaloClient {
  /** Any method, for what the typed ones do not cover. */
  call<S extends z.ZodType>(
    method: string,
    params: Record<string, unknown>,
    schema: S,
    options?: CallOptions,
  ): Promise<z.output<S>>;
  getMe(options?: CallOptions): Promise<BotInfo>;
  /** One update, or undefined when nothing arrived within `timeoutSeconds` (the 408 answer). */
  getUpdates(options?: CallOptions & { timeoutSeconds?: number }): Promise<RawUpdate | undefined>;
  setWebhook(params: { url: string; secretToken: string }, options?: CallOptions): Promise<WebhookInfo>;
  deleteWebhook(options?: CallOptions): Promise<void>;
  /** `{ url: "" }` when no webhook is set (the server answers 404 then). */
  getWebhookInfo(options?: CallOptions): Promise<WebhookInfo>;
  /** Sends `text`, split into chunks of at most 2,000 UTF-16 units; one result per chunk sent. */
  sendMessage(chatId: string, text: string, options?: CallOptions): Promise<SentMessage[]>;
  /** Sends an image by URL (Zalo fetches it); a caption over 2,000 units continues in messages. */
  sendPhoto(
    chatId: string,
    photoUrl: string,
    caption?: string,
    options?: CallOptions,
  ): Promise<SentMessage[]>;
  sendChatAction(chatId: string, action: "typing" | "upload_photo", options?: CallOptions): Promise<void>;
}

export function createZaloClient(options: ZaloClientOptions): ZaloClient {
  const token = options.token;
  if (!/^[A-Za-z0-9:_-]+$/.test(token)) {
    // Never echo the value: it is a secret.
    throw new TypeError("Zalo bot token must contain only letters, digits, ':', '_' and '-'.");
  }
  const apiRoot = (options.apiRoot ?? DEFAULT_ZALO_API_ROOT).replace(/\/+$/, "");
  const timeoutMs = options.timeoutMs ?? 15_000;
  const photoTimeoutMs = options.photoTimeoutMs ?? 60_000;
  const fetchImpl = options.fetch ?? fetch;
  const secretPart = token.includes(":") ? token.slice(token.indexOf(":") + 1) : token;

  /** Removes the token (and its secret part) from text that came from the network. */
  const redact = (text: string): string => {
    let out = text.split(token).join("[token]");
    if (secretPart.length >= 8) out = out.split(secretPart).join("[token]");
    return out.length > 300 ? `${out.slice(0, 300)}…` : out;
  };

  async function call<S extends z.ZodType>(
    method: string,
    params: Record<string, unknown>,
    schema: S,
    callOptions: CallOptions = {},
  ): Promise<z.output<S>> {
    const timeout = AbortSignal.timeout(callOptions.timeoutMs ?? timeoutMs);
    const signal = callOptions.signal ? AbortSignal.any([callOptions.signal, timeout]) : timeout;
    const fail = (
      kind: ZaloApiError["kind"],
      extra: Partial<ConstructorParameters<typeof ZaloApiError>[0]>,
    ) => new ZaloApiError({ method, kind, ...extra });
    const failFromThrown = (error: unknown) => {
      if (callOptions.signal?.aborted) return fail("aborted", {});
      if (timeout.aborted) return fail("timeout", {});
      const cause = (error as { cause?: { code?: unknown } } | undefined)?.cause?.code;
      return fail("network", { description: redact(typeof cause === "string" ? cause : String(error)) });
    };

    let status: number;
    let body: string;
    try {
      const response = await fetchImpl(`${apiRoot}/bot${token}/${method}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(params),
        signal,
      });
      status = response.status;
      body = await response.text();
    } catch (error) {
      throw failFromThrown(error);
    }

    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch {
      throw fail("http", {
        code: status,
        httpStatus: status,
        description:
          status === 429
            ? "rate limited or quota exceeded (non-JSON answer)"
            : `non-JSON answer (HTTP ${status})`,
      });
    }
    const envelope = envelopeSchema.safeParse(json);
    if (!envelope.success) {
      throw fail("malformed", {
        code: status >= 400 ? status : undefined,
        httpStatus: status,
        description: "answer is not a Zalo envelope",
      });
    }
    const { ok, result, description, error_code, errorCode } = envelope.data;
    if (ok !== true) {
      throw fail("api", {
        code: normaliseErrorCode(error_code ?? errorCode) ?? (status >= 400 ? status : undefined),
        httpStatus: status,
        description: description === undefined ? undefined : redact(description),
      });
    }
    const parsed = schema.safeParse(result);
    if (!parsed.success) {
      throw fail("malformed", { httpStatus: status, description: "result has an unexpected shape" });
    }
    return parsed.data;
  }

  async function sendChunks(chatId: string, text: string, callOptions?: CallOptions): Promise<SentMessage[]> {
    const sent: SentMessage[] = [];
    for (const chunk of splitText(text, ZALO_MAX_TEXT)) {
      sent.push(await call("sendMessage", { chat_id: chatId, text: chunk }, sentMessageSchema, callOptions));
    }
    return sent;
  }

  return {
    call,

    getMe: (callOptions) => call("getMe", {}, botInfoSchema, callOptions),

    async getUpdates(callOptions = {}) {
      const timeoutSeconds = callOptions.timeoutSeconds ?? 30;
      try {
        const update = await call("getUpdates", { timeout: String(timeoutSeconds) }, rawUpdateSchema, {
          timeoutMs: callOptions.timeoutMs ?? (timeoutSeconds + 5) * 1000,
          ...(callOptions.signal ? { signal: callOptions.signal } : {}),
        });
        return update && Object.keys(update).length > 0 ? update : undefined;
      } catch (error) {
        // "Request timeout": nobody wrote during the poll (HTTP 408 or 200, code 408 or "408").
        if (error instanceof ZaloApiError && error.code === 408) return undefined;
        throw error;
      }
    },

    async setWebhook({ url, secretToken }, callOptions) {
      if (secretToken.length < 8 || secretToken.length > 256) {
        throw new RangeError("Zalo webhook secret must be 8 to 256 characters.");
      }
      return call("setWebhook", { url, secret_token: secretToken }, webhookInfoSchema, callOptions);
    },

    async deleteWebhook(callOptions) {
      await call("deleteWebhook", {}, deleteWebhookResultSchema, callOptions);
    },

    async getWebhookInfo(callOptions) {
      try {
        return await call("getWebhookInfo", {}, webhookInfoSchema, callOptions);
      } catch (error) {
        if (error instanceof ZaloApiError && error.kind === "api" && error.code === 404) return { url: "" };
        throw error;
      }
    },

    sendMessage: sendChunks,

    async sendPhoto(chatId, photoUrl, caption, callOptions = {}) {
      const protocol = URL.canParse(photoUrl) ? new URL(photoUrl).protocol : "";
      if (protocol !== "https:" && protocol !== "http:") {
        throw new TypeError("Zalo sendPhoto needs an http(s) image URL.");
      }
      const [first, ...rest] = caption === undefined ? [] : splitText(caption, ZALO_MAX_TEXT);
      const params: Record<string, unknown> = { chat_id: chatId, photo: photoUrl };
      // An empty caption is refused: leave it out.
      if (first !== undefined) params.caption = first;
      const sent = [
        await call("sendPhoto", params, sentMessageSchema, {
          timeoutMs: callOptions.timeoutMs ?? photoTimeoutMs,
          ...(callOptions.signal ? { signal: callOptions.signal } : {}),
        }),
      ];
      for (const more of rest) sent.push(...(await sendChunks(chatId, more, callOptions)));
      return sent;
    },

    async sendChatAction(chatId, action, callOptions) {
      await call("sendChatAction", { chat_id: chatId, action }, anyResultSchema, callOptions);
    },
  };
}
