/**
 * `npm run bench:zalo [-- --updates 3000 --concurrency 20 --chats 500]`
 *
 * The Zalo channel's own cost, without the core's search:
 * 1. Rendering: `renderPlain` + `splitText` at 2,000 units on a long procedure answer (a real
 *    record's papers as a checklist, ~12 kB), renders per second.
 * 2. Webhook: the channel in webhook mode, mounted on the shared HTTP server, with a core that
 *    answers at once (a fixed ~1.4 kB answer with 4 choices), runs in a child process. This process
 *    plays Zalo: it POSTs `--updates` text updates (flat bodies, the secret header) to
 *    `/webhook/zalo` over loopback, `--concurrency` at a time, from `--chats` chats, and serves the
 *    Zalo API stand-in that receives the replies. Measured: the webhook's answer time (Zalo's
 *    wait), the time from the POST to the reply arriving at the stand-in, updates/s answered, and
 *    the app's resident memory. The machine's load average is printed: figures taken on a busy
 *    machine are upper bounds.
 * 3. Quota: with the real assistant over the real catalogue (SQLite in a temporary folder), each
 *    question of the held-out search evaluation set (test/search/eval-set.yaml) is asked by a new
 *    citizen, and the Zalo messages the answer takes are counted (every one counts against Zalo's
 *    monthly quota). Skip with `--no-quota`.
 */
import { type ChildProcess, fork } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { Agent, request } from "node:http";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { loadCatalogue } from "../../src/catalogue/load.ts";
import { renderPlain } from "../../src/channels/render-plain.ts";
import { splitText } from "../../src/channels/split-text.ts";
import { createZaloChannel } from "../../src/channels/zalo/channel.ts";
import { createZaloClient } from "../../src/channels/zalo/client.ts";
import { createZaloMessenger } from "../../src/channels/zalo/messenger.ts";
import { createAssistant } from "../../src/core/assistant.ts";
import type { InboundEvent, Reply } from "../../src/core/model.ts";
import { createHttpServer } from "../../src/http/create-http-server.ts";
import { translator } from "../../src/locales/index.ts";
import { createLogger } from "../../src/logger.ts";
import { createSearch } from "../../src/search/search.ts";
import { assistantStores } from "../../src/storage/assistant-stores.ts";
import { createStores } from "../../src/storage/create-stores.ts";
import { createKeyedQueue } from "../../src/storage/keyed-queue.ts";
import { startZaloApiStandIn } from "../support/zalo-api-stand-in.ts";
import { zaloText } from "../support/zalo-updates.ts";

const SECRET = "bench-zalo-secret-0123456789";

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number`);
  return value;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
const ms = (n: number) => `${n.toFixed(1)} ms`;

function benchRendering(): void {
  const record = parse(readFileSync("procedures/ho-tich/1.000894.yaml", "utf8")) as Record<string, unknown>;
  const text = JSON.stringify(record);
  // A long answer: the record's text cut into checklist items of ~200 characters.
  const items = (text.match(/.{1,200}(\s|$)/gs) ?? [])
    .slice(0, 60)
    .map((t) => ({ text: t.trim(), done: false }));
  const reply: Reply = {
    kind: "message",
    blocks: [
      { kind: "heading", text: "Thủ tục đăng ký kết hôn" },
      { kind: "paragraph", text: "Giấy tờ cần mang:" },
      { kind: "checklist", items },
      { kind: "link", label: "Xem trên Cổng Dịch vụ công", url: "https://dichvucong.gov.vn/p/home" },
    ],
    choices: [
      { id: "ck:1.000894", label: "Chuẩn bị hồ sơ" },
      { id: "v:up", label: "👍 Có ích" },
      { id: "v:down", label: "👎 Chưa đúng" },
    ],
  };
  const rendered = renderPlain(reply, { choiceHint: "Bạn trả lời bằng số từ 1 đến 3." });
  const chunks = splitText(rendered, 2000).length;
  const rounds = 2000;
  const started = performance.now();
  for (let i = 0; i < rounds; i++) splitText(renderPlain(reply, { choiceHint: "x" }), 2000);
  const elapsed = performance.now() - started;
  console.log("Rendering (renderPlain + splitText at 2,000 units)");
  console.log(`  answer: ${rendered.length} UTF-16 units → ${chunks} Zalo messages`);
  console.log(`  ${Math.round((rounds / elapsed) * 1000)} renders/s (${ms(elapsed / rounds)} each)`);
}

const ANSWER: Reply[] = [
  {
    kind: "message",
    blocks: [
      { kind: "heading", text: "Thủ tục đăng ký khai sinh" },
      { kind: "paragraph", text: "Mã thủ tục: 1.001193. Cấp thực hiện: Xã. ".repeat(8) },
      {
        kind: "checklist",
        items: Array.from({ length: 8 }, (_, i) => ({
          text: `Giấy tờ số ${i + 1}: bản chính để đối chiếu khi nộp trực tiếp`,
          done: false,
        })),
      },
    ],
    choices: [
      { id: "ck:1.001193", label: "Chuẩn bị hồ sơ" },
      { id: "p:1.001193", label: "Thủ tục liên quan" },
      { id: "v:up", label: "👍 Có ích" },
      { id: "v:down", label: "👎 Chưa đúng" },
    ],
  },
];

/** The child: the shared HTTP server and the Zalo channel in webhook mode, with an instant core. */
async function runApp(token: string, apiRoot: string): Promise<void> {
  const logger = createLogger({ level: "silent", pretty: false });
  const http = createHttpServer({
    logger,
    health: {
      catalogue: () => ({ procedures: 0, version: "bench" }),
      storage: async () => true,
      channels: () => ({}),
    },
  });
  let url = "";
  const channel = createZaloChannel({
    config: {
      token,
      apiRoot,
      mode: "webhook",
      webhookSecret: SECRET,
      get publicUrl() {
        return url;
      },
    },
    assistant: { handle: async (_event: InboundEvent) => ANSWER },
    lock: createKeyedQueue(),
    logger,
    t: translator("vi"),
    mountWebhook: (path, handler) => http.route("POST", path, handler),
  });
  const { port } = await http.listen(0, "127.0.0.1");
  url = `http://127.0.0.1:${port}`;
  await channel.start();
  process.on("message", (message: { type: string }) => {
    if (message.type === "rss") process.send?.({ type: "rss", rss: process.memoryUsage().rss });
  });
  process.send?.({ type: "ready", port, rss: process.memoryUsage().rss });
}

function startApp(
  token: string,
  apiRoot: string,
): Promise<{ child: ChildProcess; port: number; rss: number }> {
  const child = fork(fileURLToPath(import.meta.url), ["--app"], {
    execArgv: ["--import", "tsx"],
    // The token is the stand-in's, but keep it out of the process list all the same.
    env: { ...process.env, BENCH_ZALO_TOKEN: token, BENCH_ZALO_API_ROOT: apiRoot },
    stdio: ["ignore", "ignore", "inherit", "ipc"],
  });
  return new Promise((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`the app exited during start-up (code ${code})`)));
    child.on("message", (message: { type: string; port?: number; rss?: number }) => {
      if (message.type === "ready") resolve({ child, port: message.port!, rss: message.rss! });
    });
  });
}

function askRss(child: ChildProcess): Promise<number> {
  return new Promise((resolve) => {
    const onMessage = (message: { type: string; rss?: number }) => {
      if (message.type !== "rss") return;
      child.off("message", onMessage);
      resolve(message.rss!);
    };
    child.on("message", onMessage);
    child.send({ type: "rss" });
  });
}

async function benchWebhook(total: number, concurrency: number, chats: number): Promise<void> {
  const api = await startZaloApiStandIn();
  const { child, port, rss: rssBefore } = await startApp(api.token, api.apiRoot);
  await api.waitForCalls("setWebhook", 1, 10_000);
  api.clear();

  const chatIds = Array.from({ length: chats }, () => randomBytes(10).toString("hex"));
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const sentAt = new Map<string, number>();
  const ackMs: number[] = [];
  const replyMs: number[] = [];
  let failures = 0;
  let replies = 0;
  // Reply latency: the first sendMessage for a chat after its POST.
  const pending = new Map<string, string[]>();
  const seen = new Set<string>();
  const watch = setInterval(() => {
    for (const call of api.calls) {
      if (call.method !== "sendMessage") continue;
      const chat = String(call.params.chat_id);
      const key = pending.get(chat)?.shift();
      if (key === undefined || seen.has(key)) continue;
      seen.add(key);
      replyMs.push(performance.now() - (sentAt.get(key) ?? 0));
      replies++;
    }
    api.clear();
  }, 2);

  const post = (body: string) =>
    new Promise<number>((resolve) => {
      const req = request(
        {
          agent,
          host: "127.0.0.1",
          port,
          path: "/webhook/zalo",
          method: "POST",
          headers: {
            "content-type": "application/json",
            "x-bot-api-secret-token": SECRET,
            "content-length": Buffer.byteLength(body),
          },
        },
        (res) => {
          res.resume();
          res.on("end", () => resolve(res.statusCode ?? 0));
        },
      );
      req.on("error", () => resolve(0));
      req.end(body);
    });

  let next = 0;
  const started = performance.now();
  let peakRss = rssBefore;
  const worker = async () => {
    while (next < total) {
      const i = next++;
      const chat = chatIds[i % chats]!;
      const update = zaloText(chat, `lam giay khai sinh ${i}`);
      const key = update.message.message_id;
      const list = pending.get(chat) ?? [];
      list.push(key);
      pending.set(chat, list);
      const t0 = performance.now();
      sentAt.set(key, t0);
      const status = await post(JSON.stringify(update));
      ackMs.push(performance.now() - t0);
      if (status !== 200) failures++;
      if (i % 500 === 0) peakRss = Math.max(peakRss, await askRss(child));
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const deadline = performance.now() + 10_000;
  while (replies < total - failures && performance.now() < deadline)
    await new Promise((r) => setTimeout(r, 5));
  const elapsed = performance.now() - started;
  clearInterval(watch);
  peakRss = Math.max(peakRss, await askRss(child));

  ackMs.sort((a, b) => a - b);
  replyMs.sort((a, b) => a - b);
  console.log("\nWebhook (shared HTTP server + Zalo channel in a child process, instant core)");
  console.log(
    `  ${total} updates from ${chats} chats, ${concurrency} in flight; ${cpus().length} CPUs, load average ${loadavg()[0]?.toFixed(1)}`,
  );
  console.log(
    `  answered: ${replies}, failed POSTs: ${failures}, ${Math.round((replies / elapsed) * 1000)} updates/s`,
  );
  console.log(
    `  webhook answer (Zalo's wait): p50 ${ms(percentile(ackMs, 50))}, p99 ${ms(percentile(ackMs, 99))}, max ${ms(ackMs.at(-1) ?? 0)}`,
  );
  console.log(
    `  POST → reply at the API:     p50 ${ms(percentile(replyMs, 50))}, p99 ${ms(percentile(replyMs, 99))}, max ${ms(replyMs.at(-1) ?? 0)}`,
  );
  console.log(
    `  app RSS: ${Math.round(rssBefore / 1e6)} MB after start, ${Math.round(peakRss / 1e6)} MB peak`,
  );

  agent.destroy();
  child.kill("SIGTERM");
  await api.close();
}

async function benchQuota(): Promise<void> {
  const doc = parse(readFileSync("test/search/eval-set.yaml", "utf8")) as { items?: { q?: unknown }[] };
  const questions = (doc.items ?? []).map((i) => i.q).filter((q): q is string => typeof q === "string");
  const loadStarted = performance.now();
  const catalogue = await loadCatalogue("procedures");
  const search = createSearch(catalogue);
  const dataDir = await mkdtemp(join(tmpdir(), "hoi-thu-tuc-bench-zalo-"));
  const stores = await createStores({ dataDir, redisUrl: null });
  const logger = createLogger({ level: "silent", pretty: false });
  const assistant = createAssistant({
    catalogue: () => catalogue,
    search: () => search,
    stores: assistantStores(stores),
    clock: { now: () => Date.now() },
    logger,
  });
  const api = await startZaloApiStandIn();
  const t = translator("vi");
  const messenger = createZaloMessenger({
    client: createZaloClient({ token: api.token, apiRoot: api.apiRoot }),
    logger,
    choiceHint: (count) => t("choice.hint", { max: count }),
  });
  const loadMs = performance.now() - loadStarted;
  const counts: number[] = [];
  let units = 0;
  for (const [i, question] of questions.entries()) {
    const address = `zalo:bench${i.toString(16).padStart(16, "0")}` as const;
    const replies = await assistant.handle({
      kind: "text",
      text: question,
      address,
      userId: address,
      receivedAt: Date.now(),
    });
    api.clear();
    await messenger.send(address, replies);
    const sent = api.callsOf("sendMessage");
    counts.push(sent.length + api.callsOf("sendPhoto").length);
    units += sent.reduce((sum, c) => sum + String(c.params.text).length, 0);
  }
  counts.sort((a, b) => a - b);
  const total = counts.reduce((a, b) => a + b, 0);
  const histogram = new Map<number, number>();
  for (const c of counts) histogram.set(c, (histogram.get(c) ?? 0) + 1);
  console.log("\nQuota: Zalo messages per first answer (real assistant and catalogue)");
  console.log(
    `  ${questions.length} questions from test/search/eval-set.yaml (catalogue and search loaded in ${Math.round(loadMs)} ms)`,
  );
  console.log(
    `  messages per answer: mean ${(total / counts.length).toFixed(2)}, median ${percentile(counts, 50)}, p90 ${percentile(counts, 90)}, max ${counts.at(-1)}`,
  );
  console.log(`  distribution: ${[...histogram].map(([n, k]) => `${n} msg × ${k}`).join(", ")}`);
  console.log(`  mean length sent: ${Math.round(units / questions.length)} UTF-16 units per answer`);
  console.log(
    `  → 3,000 messages/month (Basic plan, reported) ≈ ${Math.floor(3000 / (total / counts.length))} first answers`,
  );
  await api.close();
  await stores.close();
  await rm(dataDir, { recursive: true, force: true });
}

if (process.argv[2] === "--app") {
  await runApp(process.env.BENCH_ZALO_TOKEN ?? "", process.env.BENCH_ZALO_API_ROOT ?? "");
} else {
  benchRendering();
  await benchWebhook(arg("updates", 3000), arg("concurrency", 20), arg("chats", 500));
  if (!process.argv.includes("--no-quota")) await benchQuota();
}
