/**
 * A local stand-in of the Telegram Bot API for tests and benchmarks: a real HTTP server on
 * 127.0.0.1 (random port) that answers `POST /bot<token>/<method>` like api.telegram.org does.
 *
 * It records every call with its parameters, queues updates for long polling (`getUpdates` with
 * offset, limit and timeout), and can be told to fail the next calls of a method: 429 with
 * `retry_after`, 500, or a response that never comes (to test client time-outs).
 */
import { once } from "node:events";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Update } from "grammy/types";

export interface RecordedCall {
  method: string;
  params: Record<string, unknown>;
  /** `performance.now()` when the request body was read. */
  at: number;
  /** The HTTP status answered (200 unless a fault or a blocked chat answered otherwise). */
  status?: number;
}

export type Fault =
  | { kind: "429"; retryAfter: number }
  | { kind: "500" }
  /** A client error: 400 bad request, 401 bad token, 403 user blocked the bot, 409 another poller. */
  | { kind: "refuse"; code: 400 | 401 | 403 | 409; description: string }
  /** Never answers; the connection is dropped when the stand-in closes. */
  | { kind: "hang" }
  /** Answers normally after a delay. */
  | { kind: "slow"; ms: number };

export interface StandInOptions {
  token?: string;
  botUsername?: string;
  /** Keep recorded calls (tests); the benchmark turns this off and listens to `onCall`. */
  record?: boolean;
}

export interface TelegramApiStandIn {
  /** The value for the bot's `client.apiRoot` / TELEGRAM_API_ROOT, e.g. `http://127.0.0.1:40123`. */
  readonly apiRoot: string;
  readonly token: string;
  readonly botInfo: BotUser;
  /** Every call in arrival order, including failed attempts (when `record` is on). */
  readonly calls: RecordedCall[];
  /** Calls of one method. */
  callsOf(method: string): RecordedCall[];
  /** Queues an update for `getUpdates`; `update_id` is assigned when absent. Returns the update id. */
  pushUpdate(update: Omit<Update, "update_id"> & { update_id?: number }): number;
  /** The next `count` calls of `method` fail with `fault` (before any other queued fault). */
  failNext(method: string, fault: Fault, count?: number): void;
  /**
   * Resolves with the calls once `predicate` holds over them, or rejects after `timeoutMs`. The
   * predicate is checked now and on every call that arrives, so it should depend on the calls.
   */
  waitFor(predicate: (calls: RecordedCall[]) => boolean, timeoutMs?: number): Promise<RecordedCall[]>;
  /** Resolves when `count` calls of `method` have arrived (in total). */
  waitForCalls(method: string, count?: number, timeoutMs?: number): Promise<RecordedCall[]>;
  /** From now on, sendMessage/sendPhoto to this chat answer 403 "bot was blocked by the user". */
  blockChat(chatId: number): void;
  /** Listener for every call (after its response is decided); used by the benchmark. */
  onCall(listener: (call: RecordedCall) => void): void;
  /** Forgets recorded calls. */
  clear(): void;
  /** The offset the last getUpdates asked for (updates below it are confirmed). */
  readonly confirmedOffset: number;
  close(): Promise<void>;
}

interface BotUser {
  id: number;
  is_bot: true;
  first_name: string;
  username: string;
  can_join_groups: boolean;
  can_read_all_group_messages: boolean;
  supports_inline_queries: boolean;
  can_connect_to_business: boolean;
  has_main_web_app: boolean;
  has_topics_enabled: boolean;
  allows_users_to_create_topics: boolean;
}

interface PendingPoll {
  offset: number;
  limit: number;
  respond: (updates: Update[]) => void;
}

export async function startTelegramApiStandIn(options: StandInOptions = {}): Promise<TelegramApiStandIn> {
  const token = options.token ?? "123456:TEST-token_for-stand-in";
  const record = options.record ?? true;
  const botInfo: BotUser = {
    id: Number(token.split(":")[0]),
    is_bot: true,
    first_name: "Hỏi Thủ Tục",
    username: options.botUsername ?? "hoi_thu_tuc_bot",
    can_join_groups: true,
    can_read_all_group_messages: false,
    supports_inline_queries: false,
    can_connect_to_business: false,
    has_main_web_app: false,
    has_topics_enabled: false,
    allows_users_to_create_topics: false,
  };

  const calls: RecordedCall[] = [];
  const listeners: ((call: RecordedCall) => void)[] = [];
  const waiters = new Set<() => void>();
  const faults = new Map<string, Fault[]>();
  let queue: Update[] = [];
  let nextUpdateId = 1;
  let confirmedOffset = 0;
  let nextMessageId = 1000;
  let polls: PendingPoll[] = [];
  const hanging = new Set<ServerResponse>();
  const blocked = new Set<number>();

  const notify = (call: RecordedCall) => {
    if (record) calls.push(call);
    for (const listener of listeners) listener(call);
    for (const waiter of [...waiters]) waiter();
  };

  const takeUpdates = (offset: number, limit: number): Update[] => {
    if (offset > confirmedOffset) confirmedOffset = offset;
    queue = queue.filter((u) => u.update_id >= confirmedOffset);
    return queue.slice(0, limit);
  };

  const wakePolls = () => {
    const waiting = polls;
    polls = [];
    for (const poll of waiting) {
      const updates = takeUpdates(poll.offset, poll.limit);
      if (updates.length > 0) poll.respond(updates);
      else polls.push(poll);
    }
  };

  const send = (res: ServerResponse, status: number, body: unknown) => {
    if (res.writableEnded) return;
    const text = JSON.stringify(body);
    res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
    res.end(text);
  };
  const ok = (res: ServerResponse, result: unknown) => send(res, 200, { ok: true, result });

  const answer = (method: string, params: Record<string, unknown>, res: ServerResponse) => {
    switch (method) {
      case "getMe":
        return ok(res, botInfo);
      case "getUpdates": {
        const offset = Number(params.offset ?? 0);
        const limit = Math.max(1, Math.min(100, Number(params.limit ?? 100)));
        const timeout = Math.max(0, Number(params.timeout ?? 0));
        const updates = takeUpdates(offset, limit);
        if (updates.length > 0 || timeout === 0) return ok(res, updates);
        const poll: PendingPoll = {
          offset,
          limit,
          respond: (found) => {
            clearTimeout(timer);
            ok(res, found);
          },
        };
        const timer = setTimeout(() => {
          polls = polls.filter((p) => p !== poll);
          ok(res, []);
        }, timeout * 1000);
        res.on("close", () => {
          clearTimeout(timer);
          polls = polls.filter((p) => p !== poll);
        });
        polls.push(poll);
        return;
      }
      case "sendMessage":
      case "sendPhoto": {
        const chatId = Number(params.chat_id);
        const message: Record<string, unknown> = {
          message_id: nextMessageId++,
          date: Math.floor(Date.now() / 1000),
          chat: { id: chatId, type: chatId > 0 ? "private" : "group" },
          from: { id: botInfo.id, is_bot: true, first_name: botInfo.first_name, username: botInfo.username },
        };
        if (method === "sendMessage") message.text = params.text;
        else message.photo = [{ file_id: "stand-in-photo", file_unique_id: "u", width: 1, height: 1 }];
        if (params.caption !== undefined) message.caption = params.caption;
        if (params.reply_markup !== undefined) message.reply_markup = params.reply_markup;
        return ok(res, message);
      }
      case "editMessageText":
        return ok(res, {
          message_id: Number(params.message_id ?? 0),
          date: Math.floor(Date.now() / 1000),
          chat: { id: Number(params.chat_id), type: "private" },
          text: params.text,
        });
      case "answerCallbackQuery":
      case "setMyCommands":
      case "setWebhook":
      case "deleteWebhook":
        return ok(res, true);
      default:
        return send(res, 404, { ok: false, error_code: 404, description: "Not Found: method not found" });
    }
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const match = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(req.url?.split("?")[0] ?? "");
    if (!match) return send(res, 404, { ok: false, error_code: 404, description: "Not Found" });
    if (match[1] !== token)
      return send(res, 401, { ok: false, error_code: 401, description: "Unauthorized" });
    const method = match[2]!;
    const params = await readParams(req);
    const call: RecordedCall = { method, params, at: performance.now() };

    const toBlocked =
      (method === "sendMessage" || method === "sendPhoto") && blocked.has(Number(params.chat_id));
    const fault: Fault | undefined = toBlocked
      ? { kind: "refuse", code: 403, description: "Forbidden: bot was blocked by the user" }
      : faults.get(method)?.shift();
    call.status =
      fault === undefined || fault.kind === "slow" || fault.kind === "hang"
        ? 200
        : fault.kind === "refuse"
          ? fault.code
          : Number(fault.kind);
    notify(call);
    if (fault === undefined) return answer(method, params, res);
    switch (fault.kind) {
      case "429":
        return send(res, 429, {
          ok: false,
          error_code: 429,
          description: `Too Many Requests: retry after ${fault.retryAfter}`,
          parameters: { retry_after: fault.retryAfter },
        });
      case "500":
        return send(res, 500, { ok: false, error_code: 500, description: "Internal Server Error" });
      case "refuse":
        return send(res, fault.code, { ok: false, error_code: fault.code, description: fault.description });
      case "hang":
        hanging.add(res);
        res.on("close", () => hanging.delete(res));
        return;
      case "slow":
        setTimeout(() => answer(method, params, res), fault.ms);
        return;
    }
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      send(res, 500, { ok: false, error_code: 500, description: `stand-in error: ${String(error)}` });
    });
  });
  server.keepAliveTimeout = 60_000;
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;

  const waitFor = (predicate: (c: RecordedCall[]) => boolean, timeoutMs = 5_000): Promise<RecordedCall[]> =>
    new Promise((resolve, reject) => {
      if (predicate(calls)) return resolve(calls);
      const check = () => {
        if (!predicate(calls)) return;
        waiters.delete(check);
        clearTimeout(timer);
        resolve(calls);
      };
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(
          new Error(
            `stand-in: condition not met in ${timeoutMs} ms; calls: ${calls.map((c) => c.method).join(", ")}`,
          ),
        );
      }, timeoutMs);
      waiters.add(check);
    });

  return {
    apiRoot: `http://127.0.0.1:${port}`,
    token,
    botInfo,
    calls,
    callsOf: (method) => calls.filter((c) => c.method === method),
    pushUpdate(update) {
      const full = { ...update, update_id: update.update_id ?? nextUpdateId } as Update;
      nextUpdateId = Math.max(nextUpdateId, full.update_id) + 1;
      queue.push(full);
      wakePolls();
      return full.update_id;
    },
    failNext(method, fault, count = 1) {
      const list = faults.get(method) ?? [];
      for (let i = 0; i < count; i++) list.unshift(fault);
      faults.set(method, list);
    },
    waitFor,
    waitForCalls: (method, count = 1, timeoutMs) =>
      waitFor((c) => c.filter((call) => call.method === method).length >= count, timeoutMs).then((c) =>
        c.filter((call) => call.method === method),
      ),
    blockChat: (chatId) => {
      blocked.add(chatId);
    },
    onCall: (listener) => {
      listeners.push(listener);
    },
    clear: () => {
      calls.length = 0;
    },
    get confirmedOffset() {
      return confirmedOffset;
    },
    async close() {
      for (const poll of polls) poll.respond([]);
      polls = [];
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Reads a JSON or url-encoded body (grammY sends JSON unless it uploads a file). */
async function readParams(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks).toString("utf8");
  if (body === "") return {};
  const type = req.headers["content-type"] ?? "";
  if (type.includes("application/json")) return JSON.parse(body) as Record<string, unknown>;
  if (type.includes("application/x-www-form-urlencoded"))
    return Object.fromEntries(new URLSearchParams(body));
  return { _raw: body };
}
