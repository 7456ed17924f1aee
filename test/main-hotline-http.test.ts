/**
 * main.ts wires the hotline's HTTP surfaces: with API_TOKEN and TICKET_WEBHOOK_URL set, a request
 * created over Open311 is listed by /api/tickets, answered there, and POSTed, signed, to the
 * webhook receiver (a local HTTP server on 127.0.0.1). Runs in the terminal chat with PORT set.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { PassThrough } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../src/config.ts";
import { createLogger } from "../src/logger.ts";
import { type App, startApp } from "../src/main.ts";
import { verifyWebhookSignature, WEBHOOK_HEADERS } from "../src/tickets/webhook-signature.ts";

const ROOT = resolve(import.meta.dirname, "..");
const TOKEN = "main-hotline-token-0123456789abcdef";
const SECRET = "main-hotline-webhook-secret-0123";

describe("startApp with the hotline API, Open311 and the webhook", { timeout: 60_000 }, () => {
  let dir: string;
  let app: App;
  let base: string;
  let receiver: Server;
  const received: { headers: IncomingHttpHeaders; body: string }[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "htt-main-hotline-"));
    receiver = createServer((req, res) => {
      let body = "";
      req.setEncoding("utf8").on("data", (d: string) => {
        body += d;
      });
      req.on("end", () => {
        received.push({ headers: req.headers, body });
        res.end();
      });
    });
    await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r));
    const loaded = loadConfig({
      DATA_DIR: dir,
      CATALOGUE_DIR: join(ROOT, "procedures"),
      API_TOKEN: TOKEN,
      STAFF_TELEGRAM_IDS: "7001:supervisor",
      TICKET_WEBHOOK_URL: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/tickets`,
      TICKET_WEBHOOK_SECRET: SECRET,
    });
    const config = { ...loaded, http: { host: "127.0.0.1", port: 0, portFromEnv: true } };
    const logger = createLogger({ level: "silent", destination: new PassThrough() });
    app = await startApp(
      config,
      { stdin: new PassThrough(), stdout: new PassThrough(), stderr: new PassThrough() },
      logger,
    );
    base = `http://127.0.0.1:${app.httpPort}`;
  }, 60_000);
  afterAll(async () => {
    await app?.shutdown("test over");
    await new Promise<void>((r) => receiver?.close(() => r()));
    await rm(dir, { recursive: true, force: true });
  });

  it("creates over Open311, lists and answers over /api, and signs the webhook", async () => {
    const created = await fetch(`${base}/open311/v2/requests.json`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        api_key: TOKEN,
        service_code: "tre_han",
        description: "Hồ sơ đăng ký kết hôn của tôi quá hẹn 5 ngày chưa có kết quả.",
      }),
    });
    expect(created.status).toBe(201);
    const [first] = (await created.json()) as { service_request_id: string }[];
    const code = first?.service_request_id;

    const auth = { Authorization: `Bearer ${TOKEN}` };
    const list = (await (await fetch(`${base}/api/tickets?status=new`, { headers: auth })).json()) as {
      tickets: { code: string }[];
    };
    expect(list.tickets.map((t) => t.code)).toEqual([code]);
    const answered = await fetch(`${base}/api/tickets/${code}/answer`, {
      method: "POST",
      headers: { ...auth, "Content-Type": "application/json", "X-Staff-Id": "telegram:7001" },
      body: JSON.stringify({ text: "Hồ sơ đã có kết quả, mời anh/chị đến nhận." }),
    });
    expect(answered.status).toBe(200);
    expect((await fetch(`${base}/api/tickets`)).status).toBe(401);

    const deadline = Date.now() + 5_000;
    while (received.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(received).toHaveLength(1);
    const [hook] = received;
    expect(JSON.parse(hook!.body)).toMatchObject({ event: "ticket.created", ticket: { code } });
    expect(
      verifyWebhookSignature(
        SECRET,
        {
          timestamp: hook!.headers[WEBHOOK_HEADERS.timestamp] as string,
          signature: hook!.headers[WEBHOOK_HEADERS.signature] as string,
        },
        hook!.body,
        Date.now(),
      ),
    ).toBe(true);
  });
});
