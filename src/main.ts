/**
 * The composition root: environment → config → logger → storage → catalogue → search → assistant →
 * channels (Telegram, Zalo, or the terminal chat when no token is set) → HTTP server; and a graceful
 * shutdown on SIGINT/SIGTERM. Nothing else reads the environment or starts anything.
 *
 * Run with `npm start`. Importing this file runs nothing; `main()` does.
 */
import { existsSync } from "node:fs";
import type { Readable, Writable } from "node:stream";
import { pathToFileURL } from "node:url";
import { createBroadcasting } from "./broadcast/broadcasting.ts";
import type { StatusBoard } from "./broadcast/progress.ts";
import { type AnnouncementSender, messengerSender } from "./broadcast/sender.ts";
import { broadcastCapability } from "./broadcast/staff-capability.ts";
import type { Catalogue } from "./catalogue/catalogue.ts";
import { CatalogueError } from "./catalogue/errors.ts";
import { createParseCache, type LoadOptions, loadCatalogue } from "./catalogue/load.ts";
import { packRecord } from "./catalogue/packed-record.ts";
import { watchCatalogue } from "./catalogue/watch.ts";
import { createConsoleChat } from "./channels/console/console-chat.ts";
import { type ChannelMessengers, createOutbound } from "./channels/outbound.ts";
import { createBroadcastApi, createTelegramStatusBoard } from "./channels/telegram/broadcast-api.ts";
import { CITIZEN_COMMANDS, HOTLINE_COMMANDS } from "./channels/telegram/commands.ts";
import { createTelegramMessenger } from "./channels/telegram/messenger.ts";
import { createTelegramChannel } from "./channels/telegram/telegram-channel.ts";
import { createZaloChannel } from "./channels/zalo/channel.ts";
import { type Config, ConfigError, channelNames, loadConfig } from "./config.ts";
import { createAssistant } from "./core/assistant.ts";
import { withoutUnshownWording } from "./core/card/official-wording.ts";
import type { Address, ChannelName } from "./core/model.ts";
import type { Clock } from "./core/ports.ts";
import { broadcastRoutes } from "./http/broadcast-routes.ts";
import { createHttpServer, type HttpServer, ListenError } from "./http/create-http-server.ts";
import { insightsRoutes } from "./http/insights-routes.ts";
import { createOpen311Api } from "./http/open311.ts";
import { createStaffApi } from "./http/staff-api.ts";
import { createTicketsApi } from "./http/tickets-api.ts";
import { t, translator } from "./locales/index.ts";
import { createLogger, createUserIdHasher, type Logger, loadLogSalt } from "./logger.ts";
import { createSearch } from "./search/search.ts";
import { startSearchThread } from "./search/thread/start-search-thread.ts";
import type { AsyncProcedureSearch, ProcedureSearch } from "./search/types.ts";
import { createStaffDesk } from "./staff/desk.ts";
import { createStaffDirectory } from "./staff/directory.ts";
import { insightsCapability } from "./staff/insights-capability.ts";
import {
  describeCatalogueError,
  describeChannelFailure,
  describeDataDirFailure,
  StartupError,
} from "./startup-error.ts";
import { assistantStores } from "./storage/assistant-stores.ts";
import { createStores, type Stores } from "./storage/create-stores.ts";
import { StorageUnavailableError } from "./storage/redis-backend.ts";
import { createCheckedActions } from "./tickets/checked-action.ts";
import { createHotline } from "./tickets/hotline.ts";
import { ticketStores } from "./tickets/stores.ts";
import { createWebhookSender } from "./tickets/webhook-sender.ts";

export { StartupError } from "./startup-error.ts";

/** A started channel, as the root sees it. */
interface RunningChannel {
  name: string;
  start(): Promise<void>;
  stop(): Promise<void>;
  isUp(): boolean;
}

export interface MainIo {
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
}

export interface App {
  /** Resolves when the app has stopped by itself (the terminal chat ended) or was shut down. */
  finished: Promise<void>;
  shutdown(reason: string): Promise<void>;
  /** The HTTP server's bound port, when it runs. */
  httpPort: number | null;
}

const clock: Clock = { now: () => Date.now() };

/** How long a graceful shutdown may take after SIGINT/SIGTERM before the process exits anyway. */
const SHUTDOWN_TIMEOUT_MS = 15_000;

async function loadCatalogueOrExplain(dir: string, options: LoadOptions): Promise<Catalogue> {
  try {
    return await loadCatalogue(dir, options);
  } catch (error) {
    if (error instanceof CatalogueError) throw new StartupError(describeCatalogueError(error, dir));
    throw error;
  }
}

/** Builds and starts everything for `config`. */
export async function startApp(config: Config, io: MainIo, logger: Logger): Promise<App> {
  const started = performance.now();
  const names = channelNames(config);
  const consoleMode = names.includes("console");

  let salt: string;
  let stores: Stores;
  try {
    salt = await loadLogSalt(config.logSalt, config.dataDir);
    stores = await createStores(config, {
      onError: (error, namespace) => logger.warn({ err: error, namespace }, "storage error"),
    });
  } catch (error) {
    if (error instanceof StorageUnavailableError) throw error;
    throw new StartupError(describeDataDirFailure(config.dataDir, error));
  }
  const hashUserId = createUserIdHasher(salt);
  const cleanups: (() => Promise<void>)[] = [() => stores.close()];
  const cleanUp = async () => {
    for (const cleanup of cleanups.splice(0).reverse()) {
      await cleanup().catch((error: unknown) => logger.warn({ err: error }, "shutdown step failed"));
    }
  };

  try {
    const storesReady = performance.now();
    // The search runs in its own thread (SEARCH_THREAD=on, the default) or in this one; the thread
    // starts while the catalogue loads.
    const searchThread = config.searchThread ? startSearchThread({ logger }) : null;
    if (searchThread) cleanups.push(() => searchThread.close());
    // Kept for the watcher: a reload parses only the files that changed. The bot keeps only the
    // official wording its cards can show, and the long sections compressed until a chat reads them.
    const load: LoadOptions = {
      cache: createParseCache(),
      slim: (record) => packRecord(withoutUnshownWording(record)),
    };
    const catalogue = await loadCatalogueOrExplain(config.catalogueDir, load);
    const catalogueReady = performance.now();
    if (searchThread) await searchThread.load(catalogue);
    let current: { catalogue: Catalogue; search: ProcedureSearch | AsyncProcedureSearch } = {
      catalogue,
      search: searchThread ?? createSearch(catalogue),
    };
    logger.info(
      {
        procedures: catalogue.procedures.length,
        questions: catalogue.questions.length,
        version: catalogue.version,
        storageMs: Math.round(storesReady - started),
        catalogueMs: Math.round(catalogueReady - storesReady),
        searchMs: Math.round(performance.now() - catalogueReady),
        searchThread: searchThread !== null,
      },
      "catalogue loaded",
    );
    // Edits to the catalogue are picked up without a restart; a bad edit is logged and the last good
    // catalogue keeps serving. The search is rebuilt for each new catalogue.
    const watcher = await watchCatalogue(config.catalogueDir, {
      initial: catalogue,
      load,
      logger,
      onReload: (next) => {
        if (!searchThread) {
          current = { catalogue: next, search: createSearch(next) };
          return;
        }
        // The old catalogue and its index keep answering while the new index is built in a second
        // thread; both change together once it is, so an answer never names a procedure the cards
        // cannot show. A catalogue whose index fails to build is not served.
        searchThread
          .load(next)
          .then(({ ms, questions }) => {
            current = { catalogue: next, search: searchThread };
            logger.info({ ms, questions, version: next.version }, "search thread: new catalogue serving");
          })
          .catch((error: unknown) => logger.error({ err: error }, "search thread: new catalogue not loaded"));
      },
    });
    cleanups.push(() => watcher.close());

    // Every channel's messenger, for what the core sends on its own; filled as channels are built.
    const messengers: ChannelMessengers = {};
    const outbound = createOutbound(messengers);

    // The staff chat is a Telegram group: without Telegram or STAFF_CHAT_ID, staff cards are not posted.
    const staffChat: Address | null =
      config.staff.chatId === null || !config.telegram ? null : `telegram:${config.staff.chatId}`;
    if (staffChat === null && (config.telegram !== null || config.staff.chatId !== null)) {
      logger.warn(
        { staffChatId: config.staff.chatId !== null, telegram: config.telegram !== null },
        "no staff chat (needs STAFF_CHAT_ID and TELEGRAM_BOT_TOKEN): tickets are stored but no cards are posted",
      );
    }
    // The hotline: tickets, the outbox notifier that delivers their notifications, the morning jobs.
    const hotline = createHotline({
      stores,
      messenger: outbound,
      staffChat,
      staffLocale: config.defaultLocale,
      locality: () => current.catalogue.locality,
      clock,
      logger,
      ...(config.ticketWebhook && { webhook: createWebhookSender({ ...config.ticketWebhook, clock }) }),
    });
    const { tickets } = hotline;

    const citizenStores = assistantStores(stores);
    const assistant = createAssistant({
      catalogue: () => current.catalogue,
      search: () => current.search,
      stores: citizenStores,
      clock,
      logger,
      // No lock here: each channel holds the address lock around handling *and* delivering.
      settings: {
        defaultLocale: config.defaultLocale,
        rateLimit: { max: config.rateLimitPerMinute, windowMs: 60_000 },
        hashSalt: salt,
      },
      hotline: { tickets },
    });

    // Staff: who they are (config only), the desk their messages go to, and the /api they call.
    // Capabilities register their staff commands on `desk` and their routes on `api` here, before
    // the channels start and the API is mounted.
    const staffDirectory = createStaffDirectory(config.staff);
    const staffDesk = createStaffDesk({
      directory: staffDirectory,
      logger,
      locale: config.defaultLocale,
      clock,
    });
    const staffApi = createStaffApi(config.apiToken);
    staffDesk.register(hotline.staffCapability);
    // What the assistant could not answer and how citizens rated it: /cauhoi and /api/insights.
    const insightSources = { unanswered: citizenStores.unanswered, votes: citizenStores.votes };
    const procedureName = (code: string) => current.catalogue.byCode.get(code)?.name;
    staffDesk.register(insightsCapability({ sources: insightSources, procedureName }));
    staffApi.route("/insights", insightsRoutes({ sources: insightSources, procedureName, clock }));
    // The hotline's HTTP API (/api/tickets, behind the bearer token) and its Open311 subset.
    staffApi.route(
      "/tickets",
      createTicketsApi({
        service: tickets,
        checked: createCheckedActions({
          service: tickets,
          tickets: ticketStores(stores).tickets,
          clock,
          onQueued: (code) => hotline.notify(code),
        }),
        directory: staffDirectory,
        clock,
      }),
    );
    const open311 = createOpen311Api({
      apiToken: config.apiToken,
      service: tickets,
      clock,
      locale: config.defaultLocale,
    });

    const needsHttp = !consoleMode || config.http.portFromEnv;
    const channels: RunningChannel[] = [];
    const http: HttpServer | null = needsHttp
      ? createHttpServer({
          logger,
          health: {
            catalogue: () => ({
              procedures: current.catalogue.procedures.length,
              questions: current.catalogue.questions.length,
              version: current.catalogue.version,
            }),
            storage: () => stores.ping(),
            channels: () => Object.fromEntries(channels.map((c) => [c.name, c.isUp()])),
          },
        })
      : null;
    const mountWebhook = (path: string, handler: Parameters<HttpServer["route"]>[2]) => {
      if (!http) throw new Error("webhook mode needs the HTTP server");
      http.route("POST", path, handler);
    };

    if (config.telegram) {
      const telegram = createTelegramChannel({
        config: config.telegram,
        assistant,
        lock: stores.addressLock,
        logger,
        hashUserId,
        t,
        mountWebhook,
        clock,
        defaultLocale: config.defaultLocale,
        // The citizen's /lang choice for Telegram's own lines (the apology, the stale-button notice).
        prefs: stores.keyValue("prefs"),
        staff: { desk: staffDesk, chatId: config.staff.chatId },
        commands: [...CITIZEN_COMMANDS, ...HOTLINE_COMMANDS],
      });
      messengers.telegram = telegram.messenger;
      channels.push({
        name: "telegram",
        start: () => telegram.start(),
        stop: () => telegram.stop(),
        isUp: () => telegram.isUp(),
      });
    }
    if (config.zalo) {
      const zalo = createZaloChannel({
        config: config.zalo,
        assistant,
        lock: stores.addressLock,
        logger,
        t: translator(config.defaultLocale),
        mountWebhook,
        hashUserId,
        clock,
        // The citizen's /lang choice for Zalo's own lines; message ids seen by any instance.
        prefs: stores.keyValue("prefs"),
        seenStore: stores.keyValue<number>("zalo-seen"),
        staffDesk,
      });
      messengers.zalo = zalo.messenger;
      channels.push({
        name: "zalo",
        start: () => zalo.start(),
        stop: () => zalo.stop(),
        isUp: () => zalo.isUp(),
      });
    }
    const consoleChat = consoleMode
      ? createConsoleChat({
          assistant,
          lock: stores.addressLock,
          logger,
          input: io.stdin,
          output: io.stdout,
          locale: config.defaultLocale,
          prefs: stores.keyValue("prefs"),
          clock,
        })
      : null;
    if (consoleChat) messengers.console = consoleChat.messenger;
    if (consoleChat)
      channels.push({
        name: "console",
        start: async () => {},
        stop: async () => consoleChat.stop(),
        isUp: () => consoleChat.isUp(),
      });

    // Reform announcements: delivery through each channel's messenger (Telegram through a client
    // of its own that leaves 429s to the broadcast's pacer), the composer at the staff desk, the API.
    const senders: Partial<Record<ChannelName, AnnouncementSender>> = {};
    let board: StatusBoard | undefined;
    if (config.telegram) {
      const broadcastApi = createBroadcastApi(config.telegram, logger);
      senders.telegram = messengerSender(createTelegramMessenger(broadcastApi, logger));
      board = createTelegramStatusBoard(broadcastApi);
    }
    if (messengers.zalo) senders.zalo = messengerSender(messengers.zalo);
    if (messengers.console) senders.console = messengerSender(messengers.console);
    const broadcasting = createBroadcasting({
      stores,
      senders,
      settings: config.broadcast,
      queue:
        config.redisUrl === null
          ? { kind: "embedded" }
          : { kind: "bullmq", redisUrl: config.redisUrl, prefix: `${config.redisKeyPrefix}bull` },
      ...(board && { board }),
      staffTr: translator(config.defaultLocale),
      clock,
      logger,
    });
    staffDesk.register(
      broadcastCapability({
        broadcasting,
        drafts: stores.keyValue("broadcast-drafts"),
        hashUserId: (channel, userId) => hashUserId(`${channel}:${userId}`),
      }),
    );
    const staffChatId = config.staff.chatId;
    staffApi.route(
      "/broadcasts",
      broadcastRoutes({
        service: broadcasting.service,
        report: broadcasting.report,
        // A broadcast posted through the API gets its live progress in the staff chat too.
        onCreated: async (b) => {
          if (staffChatId === null || !config.telegram) return;
          await broadcasting
            .postProgress(b, `telegram:${staffChatId}`)
            .catch((error: unknown) => logger.warn({ err: error }, "progress message not posted"));
        },
      }),
    );

    let httpPort: number | null = null;
    if (http) {
      http.mount("/api", staffApi);
      http.mount("/open311/v2", open311);
      httpPort = (await http.listen(config.http.port, config.http.host)).port;
      cleanups.push(() => http.close());
      logger.info({ host: config.http.host, port: httpPort }, "http server listening");
    }
    for (const channel of channels) {
      cleanups.push(() => channel.stop());
      try {
        await channel.start();
      } catch (error) {
        throw new StartupError(describeChannelFailure(channel.name, error));
      }
    }
    await broadcasting.start();
    cleanups.push(() => broadcasting.stop());
    // Started once the channels are up: the first scan sends what a previous run left undelivered.
    hotline.start();
    cleanups.push(() => hotline.stop());
    logger.info(
      { channels: names, storage: stores.kind, ms: Math.round(performance.now() - started) },
      "ready",
    );

    let stopping: Promise<void> | undefined;
    let resolveFinished: () => void = () => {};
    const finished = new Promise<void>((resolve) => {
      resolveFinished = resolve;
    });
    const shutdown = (reason: string): Promise<void> => {
      stopping ??= (async () => {
        logger.info({ reason }, "shutting down");
        await cleanUp();
        logger.info("stopped");
        resolveFinished();
      })();
      return stopping;
    };
    if (consoleChat) {
      consoleChat
        .run()
        .catch((error: unknown) => logger.error({ err: error }, "terminal chat failed"))
        .finally(() => void shutdown("terminal chat ended"));
    }
    return { finished, shutdown, httpPort };
  } catch (error) {
    await cleanUp();
    throw error;
  }
}

/** Loads `.env` from the working directory if there is one; real environment variables win. */
function loadDotEnv(): void {
  if (existsSync(".env")) process.loadEnvFile(".env");
}

/** The process entry point: exit code 0 after a clean stop, 1 when start-up is refused. */
export async function main(env: NodeJS.ProcessEnv, io: MainIo): Promise<number> {
  let config: Config;
  try {
    config = loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      io.stderr.write(`Hỏi Thủ Tục cannot start. ${error.message}\nSee .env.example for every variable.\n`);
      return 1;
    }
    throw error;
  }
  const consoleMode = channelNames(config).includes("console");
  const logger = createLogger({
    level: config.logLevel ?? (consoleMode ? "warn" : "info"),
    stream: consoleMode ? "stderr" : "stdout",
  });

  let app: App;
  try {
    app = await startApp(config, io, logger);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (
      error instanceof StartupError ||
      error instanceof ListenError ||
      error instanceof StorageUnavailableError
    ) {
      io.stderr.write(`Hỏi Thủ Tục cannot start.\n${message}\n`);
    } else {
      logger.fatal({ err: error }, "start-up failed");
      io.stderr.write(`Hỏi Thủ Tục cannot start: ${message}\n`);
    }
    return 1;
  }

  let signals = 0;
  const onSignal = (signal: NodeJS.Signals) => {
    signals++;
    if (signals > 1) {
      logger.warn({ signal }, "second signal: exiting now");
      process.exit(1);
    }
    // A stop that hangs (a platform not answering) must not keep the process alive forever.
    setTimeout(() => {
      logger.error({ signal, ms: SHUTDOWN_TIMEOUT_MS }, "shutdown took too long: exiting now");
      process.exit(1);
    }, SHUTDOWN_TIMEOUT_MS).unref();
    void app.shutdown(signal);
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  process.on("unhandledRejection", (reason) => {
    logger.error({ err: reason }, "unhandled promise rejection");
  });
  await app.finished;
  process.off("SIGINT", onSignal);
  process.off("SIGTERM", onSignal);
  return 0;
}

const isEntryPoint = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isEntryPoint) {
  loadDotEnv();
  main(process.env, { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr }).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`Hỏi Thủ Tục stopped on an unexpected error: ${String(error)}\n`);
      process.exit(1);
    },
  );
}
