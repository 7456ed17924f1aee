/**
 * The `fetch` grammY calls the Bot API with: node:http(s) over keep-alive connections, and only
 * what grammY uses of a response (`ok`, `status`, `json()`).
 *
 * grammY's default in Node is node-fetch, which builds WHATWG Request, Headers and Body objects
 * and an abort-controller polyfill around every call; each reply is one Bot API call, so that
 * work is paid for every message the bot sends. This client sends the same request (grammY
 * builds the URL, headers and body) on a pooled socket and reads the answer as one buffer.
 *
 * Bodies are JSON strings, or for file uploads a readable stream (multipart form data, sent
 * chunked). Aborting the signal (grammY's timeout, our per-attempt limit) destroys the request.
 */
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from "node:http";
import { Agent as HttpsAgent, request as httpsRequest } from "node:https";
import type { Readable } from "node:stream";

/** The part of a fetch signal this client needs (Node's AbortSignal and grammY's polyfill both fit). */
interface SignalLike {
  readonly aborted: boolean;
  addEventListener(type: "abort", listener: () => void): void;
  removeEventListener(type: "abort", listener: () => void): void;
}

export interface BotApiRequestInit {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array | Readable | null;
  signal?: SignalLike | null;
}

export interface BotApiResponse {
  readonly ok: boolean;
  readonly status: number;
  json(): Promise<unknown>;
  text(): Promise<string>;
}

export type BotApiFetch = (url: string, init?: BotApiRequestInit) => Promise<BotApiResponse>;

export interface BotApiFetchOptions {
  /** Sockets kept per host (default: unlimited, like Node's default agent). */
  maxSockets?: number;
}

function abortError(): Error {
  const error = new Error("The Bot API request was aborted");
  error.name = "AbortError";
  return error;
}

function isStream(body: unknown): body is Readable {
  return typeof body === "object" && body !== null && typeof (body as Readable).pipe === "function";
}

/** A fetch for grammY's `client.fetch` option, with its own keep-alive agents. */
export function createBotApiFetch(options: BotApiFetchOptions = {}): BotApiFetch & { close(): void } {
  const agentOptions = { keepAlive: true, ...(options.maxSockets !== undefined && options) };
  const http = new HttpAgent(agentOptions);
  const https = new HttpsAgent(agentOptions);

  const botApiFetch = (url: string, init: BotApiRequestInit = {}): Promise<BotApiResponse> =>
    new Promise((resolve, reject) => {
      const { signal, body } = init;
      if (signal?.aborted) {
        reject(abortError());
        return;
      }
      const secure = url.startsWith("https:");
      const headers: Record<string, string | number> = { ...init.headers };
      if (typeof body === "string") headers["content-length"] = Buffer.byteLength(body);
      else if (body instanceof Uint8Array) headers["content-length"] = body.byteLength;
      let response: IncomingMessage | undefined;
      const onAbort = () => {
        const error = abortError();
        req.destroy(error);
        response?.destroy(error);
      };
      const done = () => signal?.removeEventListener("abort", onAbort);
      const req = (secure ? httpsRequest : httpRequest)(
        url,
        { method: init.method ?? "GET", headers, agent: secure ? https : http },
        (res) => {
          response = res;
          const chunks: Buffer[] = [];
          res.on("data", (chunk: Buffer) => chunks.push(chunk));
          res.on("error", (error) => {
            done();
            reject(error);
          });
          res.on("end", () => {
            done();
            const raw = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
            const status = res.statusCode ?? 0;
            resolve({
              ok: status >= 200 && status < 300,
              status,
              text: async () => raw.toString("utf8"),
              json: async () => JSON.parse(raw.toString("utf8")) as unknown,
            });
          });
        },
      );
      req.on("error", (error) => {
        done();
        reject(error);
      });
      signal?.addEventListener("abort", onAbort);
      if (isStream(body)) {
        body.on("error", (error) => req.destroy(error));
        body.pipe(req);
      } else req.end(body ?? undefined);
    });

  return Object.assign(botApiFetch, {
    /** Closes the idle keep-alive sockets (on shutdown). */
    close() {
      http.destroy();
      https.destroy();
    },
  });
}
