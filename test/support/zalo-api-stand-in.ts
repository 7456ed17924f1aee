/**
 * A local stand-in of the Zalo Bot Platform API for tests: a real HTTP server on 127.0.0.1 (random
 * port) that answers `POST /bot<token>/<method>` the way the real server was seen to answer
 * (../shared/notes/zalo-bot-api.md), quirks included:
 *
 * - getUpdates returns ONE update, not an array; an empty poll answers `ok:false` with
 *   `error_code: 408` (HTTP 408), or, when told, with HTTP 200 and the string `"408"`, or
 *   `{ ok: true, result: {} }`;
 * - errors may come with HTTP 200 (unknown method → 200 + `error_code: 404`);
 * - getWebhookInfo without a webhook → HTTP 404; success bodies may carry `error_code: 0`;
 * - faults on demand: an nginx HTML 429 page, string error codes, time-outs, slow answers.
 *
 * It also plays Zalo's side of the webhook: `deliver()` POSTs an update (wrapped `{ok,result}` or
 * flat) to the registered URL with the `X-Bot-Api-Secret-Token` header and a Java User-Agent, and
 * setWebhook probes the URL with an empty body, as the real server's verification does.
 *
 * Assumptions (not documented by Zalo): getUpdates while a webhook is set answers 400; the
 * verification probe carries no secret header.
 */
import { randomBytes } from "node:crypto";
import { once } from "node:events";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface RecordedCall {
  method: string;
  params: Record<string, unknown>;
  /** The HTTP status the stand-in answered with. */
  status: number;
}

export type ZaloFault =
  /** nginx's rate-limit page: HTTP 429, text/html. */
  | { kind: "html429" }
  /** `ok:false` with the given code (number or string) and HTTP status. */
  | { kind: "error"; httpStatus: number; errorCode: number | string; description: string }
  /** Never answers; the connection is dropped when the stand-in closes. */
  | { kind: "hang" }
  /** Answers normally after a delay. */
  | { kind: "slow"; ms: number };

/** How an empty poll is answered (all three were seen on the real server). */
export type EmptyPollStyle = "http408" | "string408" | "emptyResult";

export interface ZaloUpdateMessage {
  message_id: string;
  date: number;
  from: { id: string; display_name?: string; is_bot?: boolean };
  chat: { id: string; chat_type: "PRIVATE" | "GROUP" };
  [field: string]: unknown;
}

export interface ZaloUpdate {
  event_name: string;
  message: ZaloUpdateMessage;
}

export interface DeliverOptions {
  /** `{ ok: true, result: update }` as the docs say (default), or the update alone as seen live. */
  wrapped?: boolean;
  /** The header value; default the registered secret; `null` leaves the header out. */
  secret?: string | null;
  /** Sent instead of the JSON of the update. */
  rawBody?: string;
  contentType?: string | null;
  method?: string;
}

export interface StandInOptions {
  token?: string;
  /** Cap on the long-poll wait, in ms, whatever `timeout` the client asks (keeps tests fast). */
  maxPollWaitMs?: number;
  emptyPoll?: EmptyPollStyle;
}

export interface ZaloApiStandIn {
  /** The value for ZALO_API_ROOT, e.g. `http://127.0.0.1:40123`. */
  readonly apiRoot: string;
  readonly token: string;
  readonly calls: RecordedCall[];
  callsOf(method: string): RecordedCall[];
  /** Texts sent with sendMessage to `chatId`, in order. */
  textsTo(chatId: string): string[];
  /** Queues an update for getUpdates. */
  pushUpdate(update: ZaloUpdate): void;
  /** Updates queued and not yet taken by getUpdates. */
  readonly queued: number;
  /** The next `count` calls of `method` get `fault`. */
  failNext(method: string, fault: ZaloFault, count?: number): void;
  emptyPoll: EmptyPollStyle;
  /** The webhook registered with setWebhook, if any. */
  readonly webhook: { url: string; secret: string } | undefined;
  /** POSTs to the registered webhook as Zalo does; resolves with the answer. */
  deliver(
    update: ZaloUpdate | undefined,
    options?: DeliverOptions,
  ): Promise<{ status: number; body: string }>;
  waitFor(predicate: (calls: RecordedCall[]) => boolean, timeoutMs?: number): Promise<RecordedCall[]>;
  waitForCalls(method: string, count?: number, timeoutMs?: number): Promise<RecordedCall[]>;
  clear(): void;
  close(): Promise<void>;
}

const BOT_INFO = {
  id: "1459232241454765289",
  account_name: "bot.HoiThuTuc",
  account_type: "BASIC",
  can_join_groups: false,
};

const NGINX_429 =
  "<html>\r\n<head><title>429 Too Many Requests</title></head>\r\n<body>\r\n<center><h1>429 Too Many Requests</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";

export async function startZaloApiStandIn(options: StandInOptions = {}): Promise<ZaloApiStandIn> {
  const token = options.token ?? "1459232241454765289:stand-in-Secret_0123456789abcdef";
  const maxPollWaitMs = options.maxPollWaitMs ?? 300;
  const calls: RecordedCall[] = [];
  const waiters = new Set<() => void>();
  const faults = new Map<string, ZaloFault[]>();
  const queue: ZaloUpdate[] = [];
  const pollers = new Set<() => void>();
  const open = new Set<ServerResponse>();
  let webhook: { url: string; secret: string } | undefined;

  const record = (call: RecordedCall) => {
    calls.push(call);
    for (const waiter of [...waiters]) waiter();
  };

  const send = (res: ServerResponse, status: number, body: unknown, call: Omit<RecordedCall, "status">) => {
    record({ ...call, status });
    if (res.writableEnded || res.destroyed) return;
    const text = JSON.stringify(body);
    res.writeHead(status, { "content-type": "application/json; charset=utf-8" });
    res.end(text);
  };
  const ok = (res: ServerResponse, result: unknown, call: Omit<RecordedCall, "status">) =>
    send(res, 200, result === undefined ? { ok: true } : { ok: true, result }, call);
  const refuse = (
    res: ServerResponse,
    call: Omit<RecordedCall, "status">,
    errorCode: number | string,
    description: string,
    httpStatus = 200,
  ) => send(res, httpStatus, { ok: false, error_code: errorCode, description }, call);

  const sent = () => ({ message_id: randomBytes(10).toString("hex"), date: Date.now() });
  const textLength = (value: unknown) => (typeof value === "string" ? value.length : -1);

  const answerEmptyPoll = (res: ServerResponse, call: Omit<RecordedCall, "status">) => {
    if (stand.emptyPoll === "http408") return refuse(res, call, 408, "Request timeout", 408);
    if (stand.emptyPoll === "string408") return refuse(res, call, "408", "Request timeout", 200);
    return ok(res, {}, call);
  };

  const answer = (call: Omit<RecordedCall, "status">, res: ServerResponse) => {
    const { method, params } = call;
    switch (method) {
      case "getMe":
        return ok(res, BOT_INFO, call);
      case "getUpdates": {
        if (webhook)
          return refuse(res, call, 400, "Bad request: webhook is active, call deleteWebhook first");
        const next = queue.shift();
        if (next) return ok(res, next, call);
        const seconds = Number(params.timeout ?? 30);
        const waitMs = Math.min(Number.isFinite(seconds) ? seconds * 1000 : 30_000, maxPollWaitMs);
        const wake = () => {
          const update = queue.shift();
          if (!update) return;
          clearTimeout(timer);
          pollers.delete(wake);
          ok(res, update, call);
        };
        const timer = setTimeout(() => {
          pollers.delete(wake);
          answerEmptyPoll(res, call);
        }, waitMs);
        res.on("close", () => {
          clearTimeout(timer);
          pollers.delete(wake);
        });
        pollers.add(wake);
        return;
      }
      case "sendMessage": {
        if (typeof params.chat_id !== "string" || params.chat_id === "") {
          return refuse(res, call, 400, "Bad request: The chat_id must not be empty", 400);
        }
        const length = textLength(params.text);
        if (length < 1 || length > 2000) return refuse(res, call, 400, "Bad request: text is invalid", 400);
        return ok(res, sent(), call);
      }
      case "sendPhoto": {
        if (typeof params.chat_id !== "string" || params.chat_id === "") {
          return refuse(res, call, 400, "Bad request: The chat_id must not be empty", 400);
        }
        if (typeof params.photo !== "string" || !/^https?:\/\//.test(params.photo)) {
          return refuse(res, call, 400, "Bad request: photo is invalid", 400);
        }
        if (
          params.caption !== undefined &&
          (textLength(params.caption) < 1 || textLength(params.caption) > 2000)
        ) {
          return refuse(res, call, 400, "Bad request: caption is invalid", 400);
        }
        return ok(res, sent(), call);
      }
      case "sendChatAction":
        return ok(res, undefined, call);
      case "setWebhook": {
        const url = params.url;
        const secret = params.secret_token;
        if (typeof url !== "string" || !URL.canParse(url))
          return refuse(res, call, 400, "Bad request: url is invalid");
        if (typeof secret !== "string" || secret.length < 8 || secret.length > 256) {
          return refuse(res, call, 400, "Bad request: secret_token is invalid");
        }
        webhook = { url, secret };
        const updatedAt = Date.now();
        // The real server probes the URL and reports the outcome; the URL is saved either way.
        void fetch(url, { method: "POST", headers: { "user-agent": "Java/1.8.0_402" } })
          .then((probe) => ({ ok: probe.ok, status_code: probe.status }))
          .catch(() => ({ ok: false, status_code: 0 }))
          .then((v) =>
            ok(
              res,
              {
                url,
                updated_at: updatedAt,
                verification: { ...v, url, outcome: v.ok ? "webhook.ok" : "webhook.err.other", hint: "" },
              },
              call,
            ),
          );
        return;
      }
      case "deleteWebhook":
        webhook = undefined;
        return ok(res, { url: "", updated_at: Date.now() }, call);
      case "getWebhookInfo":
        if (!webhook) return refuse(res, call, 404, "Not Found", 404);
        return send(
          res,
          200,
          { ok: true, result: { url: webhook.url, updated_at: Date.now() }, error_code: 0 },
          call,
        );
      default:
        // An unknown (or wrongly cased) method: HTTP 200 with an error inside.
        return refuse(res, call, 404, "Not Found");
    }
  };

  const readBody = async (req: IncomingMessage): Promise<string> => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString("utf8");
  };

  const parseParams = (body: string, contentType: string): Record<string, unknown> => {
    if (body.trim() === "") return {};
    if (contentType.includes("application/json")) {
      const value: unknown = JSON.parse(body);
      return value !== null && typeof value === "object" ? (value as Record<string, unknown>) : {};
    }
    return Object.fromEntries(new URLSearchParams(body));
  };

  const server: Server = createServer((req, res) => {
    open.add(res);
    res.on("close", () => open.delete(res));
    void (async () => {
      const match = /^\/bot([^/]+)\/([^/?]+)/.exec(req.url ?? "");
      const body = await readBody(req);
      if (!match) {
        res.writeHead(404, { "content-type": "text/html" }).end("<html><body>Not Found</body></html>");
        return;
      }
      const method = match[2] ?? "";
      let params: Record<string, unknown>;
      try {
        params = parseParams(body, req.headers["content-type"] ?? "");
      } catch {
        return refuse(res, { method, params: {} }, 400, "Bad request");
      }
      const call = { method, params };
      if (decodeURIComponent(match[1] ?? "") !== token) return refuse(res, call, 401, "Unauthorized", 401);
      const fault = faults.get(method)?.shift();
      if (fault?.kind === "html429") {
        record({ ...call, status: 429 });
        res.writeHead(429, { "content-type": "text/html" }).end(NGINX_429);
        return;
      }
      if (fault?.kind === "error")
        return refuse(res, call, fault.errorCode, fault.description, fault.httpStatus);
      if (fault?.kind === "hang") {
        record({ ...call, status: 0 });
        return;
      }
      if (fault?.kind === "slow") await new Promise((r) => setTimeout(r, fault.ms));
      answer(call, res);
    })();
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const port = (server.address() as AddressInfo).port;

  const waitFor = (predicate: (c: RecordedCall[]) => boolean, timeoutMs = 5000): Promise<RecordedCall[]> =>
    new Promise((resolve, reject) => {
      const check = () => {
        if (!predicate(calls)) return;
        waiters.delete(check);
        clearTimeout(timer);
        resolve(calls);
      };
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(`Zalo stand-in: condition not met within ${timeoutMs} ms`));
      }, timeoutMs);
      waiters.add(check);
      check();
    });

  const stand: ZaloApiStandIn = {
    apiRoot: `http://127.0.0.1:${port}`,
    token,
    calls,
    emptyPoll: options.emptyPoll ?? "http408",
    callsOf: (method) => calls.filter((c) => c.method === method),
    textsTo: (chatId) =>
      calls
        .filter((c) => c.method === "sendMessage" && c.status === 200 && c.params.chat_id === chatId)
        .map((c) => String(c.params.text)),
    pushUpdate(update) {
      queue.push(update);
      for (const wake of [...pollers]) wake();
    },
    get queued() {
      return queue.length;
    },
    failNext(method, fault, count = 1) {
      const list = faults.get(method) ?? [];
      for (let i = 0; i < count; i++) list.push(fault);
      faults.set(method, list);
    },
    get webhook() {
      return webhook;
    },
    async deliver(update, deliverOptions = {}) {
      if (!webhook) throw new Error("Zalo stand-in: no webhook registered");
      const headers: Record<string, string> = { "user-agent": "Java/1.8.0_402" };
      const contentType =
        deliverOptions.contentType === undefined ? "application/json" : deliverOptions.contentType;
      if (contentType !== null) headers["content-type"] = contentType;
      const secret = deliverOptions.secret === undefined ? webhook.secret : deliverOptions.secret;
      if (secret !== null) headers["x-bot-api-secret-token"] = secret;
      const body =
        deliverOptions.rawBody ??
        (update === undefined
          ? ""
          : JSON.stringify(deliverOptions.wrapped === false ? update : { ok: true, result: update }));
      const method = deliverOptions.method ?? "POST";
      const response = await fetch(webhook.url, {
        method,
        headers,
        ...(method === "GET" || method === "HEAD" ? {} : { body }),
      });
      return { status: response.status, body: await response.text() };
    },
    waitFor,
    waitForCalls: (method, count = 1, timeoutMs) =>
      waitFor((c) => c.filter((x) => x.method === method).length >= count, timeoutMs),
    clear() {
      calls.length = 0;
    },
    async close() {
      for (const res of open) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return stand;
}
