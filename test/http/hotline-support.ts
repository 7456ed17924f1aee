/**
 * Test support for the hotline's HTTP surfaces: real SQLite storage, the real ticket service and
 * notifier (over the Telegram messenger talking to the Bot API stand-in), and the real HTTP server
 * listening on 127.0.0.1 with /api (bearer auth) and /open311/v2 mounted as main.ts mounts them.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Bot } from "grammy";
import { createTelegramMessenger } from "../../src/channels/telegram/messenger.ts";
import type { Address } from "../../src/core/model.ts";
import { createHttpServer, type HttpServer } from "../../src/http/create-http-server.ts";
import { createOpen311Api } from "../../src/http/open311.ts";
import { createStaffApi } from "../../src/http/staff-api.ts";
import { createTicketsApi } from "../../src/http/tickets-api.ts";
import { createStaffDirectory } from "../../src/staff/directory.ts";
import { createStores, type Stores } from "../../src/storage/create-stores.ts";
import { createCheckedActions } from "../../src/tickets/checked-action.ts";
import { createHotline, type Hotline } from "../../src/tickets/hotline.ts";
import type { TicketService } from "../../src/tickets/service.ts";
import { ticketStores } from "../../src/tickets/stores.ts";
import { TestClock } from "../core/support.ts";
import { startTelegramApiStandIn, type TelegramApiStandIn } from "../support/telegram-api-stand-in.ts";
import { captureLogs } from "../support/telegram-harness.ts";

export const TOKEN = "hotline-api-token-0123456789abcdef";
export const STAFF_CHAT: Address = "telegram:-4000001";
/** 2026-11-26 09:00 in Vietnam, a Thursday. */
export const T0 = Date.parse("2026-11-26T09:00:00+07:00");

export interface HotlineHttp {
  base: string;
  service: TicketService;
  hotline: Hotline;
  telegram: TelegramApiStandIn;
  clock: TestClock;
  stores: Stores;
  http: HttpServer;
  close(): Promise<void>;
}

export async function startHotlineHttp(options: { apiToken?: string | null } = {}): Promise<HotlineHttp> {
  const dir = await mkdtemp(join(tmpdir(), "htt-hotline-http-"));
  const stores = await createStores({ dataDir: dir, redisUrl: null });
  const telegram = await startTelegramApiStandIn();
  const clock = new TestClock(T0);
  const { logger } = captureLogs();
  const bot = new Bot(telegram.token, {
    botInfo: telegram.botInfo as never,
    client: { apiRoot: telegram.apiRoot },
  });
  // As main.ts wires it; not started (no scan timers): each change kicks the notifier itself.
  const hotline = createHotline({
    stores,
    messenger: createTelegramMessenger(bot.api, logger),
    staffChat: STAFF_CHAT,
    staffLocale: "vi",
    locality: () => ({
      feedbackDueDays: { tre_han: 3, thai_do: 5 },
      holidays: [],
      feedbackRetentionMonths: 24,
    }),
    clock,
    logger,
  });
  const service = hotline.tickets;
  const stored = ticketStores(stores);
  const directory = createStaffDirectory({
    telegram: [
      { id: "7001", role: "operator" },
      { id: "7002", role: "supervisor" },
    ],
    zalo: [{ id: "zalostaff1", role: "operator" }],
  });
  const http = createHttpServer({
    logger,
    health: {
      catalogue: () => ({ procedures: 1, version: "v" }),
      storage: async () => true,
      channels: () => ({}),
    },
  });
  const token = options.apiToken === undefined ? TOKEN : options.apiToken;
  const api = createStaffApi(token);
  const checked = createCheckedActions({
    service,
    tickets: stored.tickets,
    clock,
    onQueued: (code) => hotline.notify(code),
  });
  api.route("/tickets", createTicketsApi({ service, checked, directory, clock }));
  http.mount("/api", api);
  http.mount("/open311/v2", createOpen311Api({ apiToken: token, service, clock, locale: "vi" }));
  const { port } = await http.listen(0, "127.0.0.1");
  return {
    base: `http://127.0.0.1:${port}`,
    service,
    hotline,
    telegram,
    clock,
    stores,
    http,
    async close() {
      await hotline.stop();
      await http.close();
      await telegram.close();
      await stores.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
