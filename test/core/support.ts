/**
 * Test support for the core: real procedure records read from procedures/ (with their curated
 * overlays), small in-memory stores and logs, a settable clock and a tiny deterministic search.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pino } from "pino";
import { parse } from "yaml";
import type { NewsList, Subscriber } from "../../src/broadcast/subscriber.ts";
import { applyOverlay } from "../../src/catalogue/apply-overlay.ts";
import type { Catalogue } from "../../src/catalogue/catalogue.ts";
import {
  curatedOverlay,
  type Locality,
  locality as localitySchema,
  type Procedure,
  procedure as procedureSchema,
} from "../../src/catalogue/schema.ts";
import { type AssistantDeps, type AssistantStores, createAssistant } from "../../src/core/assistant.ts";
import type { Address, InboundEvent } from "../../src/core/model.ts";
import type { AppendLog, KeyValueStore, Versioned, VersionedStore } from "../../src/core/ports.ts";
import type {
  CitizenPrefs,
  ConversationState,
  HelpfulnessVote,
  RateWindow,
  SavedChecklists,
  UnansweredQuestion,
} from "../../src/core/records.ts";
import type { ProcedureSearch, SearchResult } from "../../src/search/types.ts";

export const PROCEDURES_DIR = join(import.meta.dirname, "../../procedures");

const folders = readdirSync(PROCEDURES_DIR, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && entry.name !== "curated" && entry.name !== "schema")
  .map((entry) => entry.name);

/** A real procedure from procedures/<field>/<code>.yaml, with procedures/curated/<code>.yaml applied. */
export function realProcedure(code: string): Procedure {
  for (const folder of folders) {
    let text: string;
    try {
      text = readFileSync(join(PROCEDURES_DIR, folder, `${code}.yaml`), "utf8");
    } catch {
      continue;
    }
    const record = procedureSchema.parse(parse(text));
    let overlay: ReturnType<typeof curatedOverlay.parse> | undefined;
    try {
      overlay = curatedOverlay.parse(
        parse(readFileSync(join(PROCEDURES_DIR, "curated", `${code}.yaml`), "utf8")),
      );
    } catch {
      overlay = undefined;
    }
    return applyOverlay(record, overlay, folder);
  }
  throw new Error(`no procedure ${code} in ${PROCEDURES_DIR}`);
}

export function realLocality(): Locality {
  return localitySchema.parse(parse(readFileSync(join(PROCEDURES_DIR, "locality.yaml"), "utf8")));
}

export function makeCatalogue(
  procedures: Procedure[],
  locality: Locality = realLocality(),
  version = "test",
): Catalogue {
  return {
    procedures,
    byCode: new Map(procedures.map((procedure) => [procedure.code, procedure])),
    locality,
    questions: [],
    version,
    loadedAt: new Date(0),
  };
}

/** Codes used across the core tests, each chosen for a trait (see the comments). */
export const FIXTURE_CODES = [
  "1.001193", // khai sinh: curated aliases, bundle 3.000722, related procedures, free, time unknown
  "3.000722", // the liên thông bundle for children under 6 (hand-written, parse notes)
  "2.000986", // the old bundle, repealed, replaced by 3.000722
  "1.004222", // thường trú: 7 cases, amounts per channel, 7 working days
  "1.000656", // khai tử: fee set by the province
  "1.007689", // tax declaration with no submission channel in the record
  "1.001613", // BHXH một lần: no cases in the record
  "1.000045", // papers the importer could not read cleanly (parse issue on papers)
  "1.000016", // no online channel
  "1.004844", // amounts, known times, several cases, forms and copies
] as const;

export function fixtureCatalogue(): Catalogue {
  return makeCatalogue(FIXTURE_CODES.map(realProcedure));
}

export class TestClock {
  constructor(public time = Date.UTC(2026, 10, 22, 8, 0, 0)) {}
  now(): number {
    return this.time;
  }
  advance(ms: number): void {
    this.time += ms;
  }
}

/** A KeyValueStore in memory, honouring TTLs against the given clock; values are copied via JSON. */
export class MemoryStore<T> implements KeyValueStore<T> {
  readonly data = new Map<string, { value: string; expiresAt: number | null }>();
  constructor(private readonly clock: { now(): number }) {}
  async get(key: string): Promise<T | undefined> {
    const entry = this.data.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt !== null && entry.expiresAt <= this.clock.now()) {
      this.data.delete(key);
      return undefined;
    }
    return JSON.parse(entry.value) as T;
  }
  async set(key: string, value: T, ttlMs?: number): Promise<void> {
    this.data.set(key, {
      value: JSON.stringify(value),
      expiresAt: ttlMs === undefined ? null : this.clock.now() + ttlMs,
    });
  }
  async delete(key: string): Promise<void> {
    this.data.delete(key);
  }
  ttlOf(key: string): number | null | undefined {
    const entry = this.data.get(key);
    return entry ? (entry.expiresAt === null ? null : entry.expiresAt - this.clock.now()) : undefined;
  }
}

export class MemoryLog<T> implements AppendLog<T> {
  readonly items: T[] = [];
  async append(entry: T): Promise<void> {
    this.items.push(structuredClone(entry));
  }
  async *entries(): AsyncIterable<T> {
    yield* this.items;
  }
}

/** A VersionedStore in memory, ordered by key; values are copied via JSON. */
export class MemoryVersioned<T> implements VersionedStore<T> {
  readonly data = new Map<string, { value: string; version: number }>();
  async get(key: string): Promise<Versioned<T> | undefined> {
    const entry = this.data.get(key);
    return entry ? { value: JSON.parse(entry.value) as T, version: entry.version } : undefined;
  }
  async create(key: string, value: T): Promise<boolean> {
    if (this.data.has(key)) return false;
    this.data.set(key, { value: JSON.stringify(value), version: 1 });
    return true;
  }
  async update(key: string, value: T, expectedVersion: number): Promise<number | null> {
    const entry = this.data.get(key);
    if (!entry || entry.version !== expectedVersion) return null;
    this.data.set(key, { value: JSON.stringify(value), version: expectedVersion + 1 });
    return expectedVersion + 1;
  }
  async *entries(): AsyncIterable<[string, Versioned<T>]> {
    for (const key of [...this.data.keys()].sort()) {
      const found = await this.get(key);
      if (found) yield [key, found];
    }
  }
}

export interface MemoryStores extends AssistantStores {
  conversations: MemoryStore<ConversationState>;
  checklists: MemoryStore<SavedChecklists>;
  prefs: MemoryStore<CitizenPrefs>;
  rateLimits: MemoryStore<RateWindow>;
  unanswered: MemoryLog<UnansweredQuestion>;
  votes: MemoryLog<HelpfulnessVote>;
  subscribers: MemoryVersioned<Subscriber>;
  news: MemoryStore<NewsList>;
}

export function memoryStores(clock: TestClock): MemoryStores {
  return {
    conversations: new MemoryStore(clock),
    checklists: new MemoryStore(clock),
    prefs: new MemoryStore(clock),
    rateLimits: new MemoryStore(clock),
    unanswered: new MemoryLog(),
    votes: new MemoryLog(),
    subscribers: new MemoryVersioned(),
    news: new MemoryStore(clock),
  };
}

/**
 * A deterministic stand-in for the search, for core tests only: each rule maps a word in the
 * query (folded, lower case) to a search result. Anything else finds nothing.
 */
export function fakeSearch(
  rules: { when: RegExp; result: Omit<SearchResult, "query"> }[],
): ProcedureSearch & {
  queries: string[];
} {
  const queries: string[] = [];
  return {
    queries,
    search(query: string): SearchResult {
      queries.push(query);
      const rule = rules.find((candidate) => candidate.when.test(query));
      if (rule) return { query, ...rule.result };
      return { query, decision: "none", answer: null, candidates: [], aspect: null };
    },
  };
}

/** The rules most tests use, over the fixture catalogue. */
export const standardRules: Parameters<typeof fakeSearch>[0] = [
  {
    when: /lệ phí khai sinh/i,
    result: {
      decision: "answer",
      answer: "1.001193",
      candidates: [{ code: "1.001193", name: "Thủ tục đăng ký khai sinh", score: 12.5 }],
      aspect: "fee",
    },
  },
  {
    when: /khai sinh/i,
    result: {
      decision: "answer",
      answer: "1.001193",
      candidates: [{ code: "1.001193", name: "Thủ tục đăng ký khai sinh", score: 11 }],
      aspect: null,
    },
  },
  {
    when: /thường trú/i,
    result: {
      decision: "answer",
      answer: "1.004222",
      candidates: [{ code: "1.004222", name: "Đăng ký thường trú", score: 9 }],
      aspect: "papers",
    },
  },
  {
    when: /giấy tờ/i,
    result: {
      decision: "clarify",
      answer: null,
      candidates: [
        { code: "1.001193", name: "Thủ tục đăng ký khai sinh", score: 3.2 },
        { code: "1.004222", name: "Đăng ký thường trú", score: 3.1 },
        { code: "9.999999", name: "A code not in the catalogue", score: 3 },
        { code: "1.000656", name: "Thủ tục đăng ký khai tử", score: 2.5 },
      ],
      aspect: "time",
    },
  },
  {
    when: /^phí bao nhiêu/i,
    result: { decision: "none", answer: null, candidates: [], aspect: "fee", followUp: true },
  },
];

export const silentLogger = pino({ level: "silent" });

export interface Harness {
  clock: TestClock;
  stores: MemoryStores;
  catalogue: Catalogue;
  search: ReturnType<typeof fakeSearch>;
  assistant: ReturnType<typeof createAssistant>;
  send(
    event: Partial<InboundEvent> & Pick<InboundEvent, "kind">,
  ): ReturnType<ReturnType<typeof createAssistant>["handle"]>;
}

export const ADDRESS: Address = "console:local";

export function harness(
  options: Partial<Pick<AssistantDeps, "settings" | "hotline">> & {
    catalogue?: Catalogue;
    search?: ReturnType<typeof fakeSearch>;
    stores?: MemoryStores;
    clock?: TestClock;
  } = {},
): Harness {
  const clock = options.clock ?? new TestClock();
  const stores = options.stores ?? memoryStores(clock);
  const catalogue = options.catalogue ?? fixtureCatalogue();
  const search = options.search ?? fakeSearch(standardRules);
  const assistant = createAssistant({
    catalogue: () => catalogue,
    search: () => search,
    stores,
    clock,
    logger: silentLogger,
    settings: options.settings,
    ...(options.hotline && { hotline: options.hotline }),
  });
  return {
    clock,
    stores,
    catalogue,
    search,
    assistant,
    send(event) {
      return assistant.handle({
        address: ADDRESS,
        userId: "42",
        receivedAt: clock.now(),
        ...event,
      } as InboundEvent);
    },
  };
}

/** All the text of replies, blocks joined by newlines (choices excluded). */
export function replyText(replies: readonly import("../../src/core/model.ts").Reply[]): string {
  const parts: string[] = [];
  for (const reply of replies) {
    if (reply.kind !== "message") continue;
    for (const block of reply.blocks) {
      if (block.kind === "list") parts.push(...block.items);
      else if (block.kind === "checklist")
        parts.push(...block.items.map((item) => `${item.done ? "☑" : "☐"} ${item.text}`));
      else if (block.kind === "link") parts.push(`${block.label}: ${block.url}`);
      else parts.push(block.text);
    }
  }
  return parts.join("\n");
}

/** The choices of the last reply that has some. */
export function lastChoices(replies: readonly import("../../src/core/model.ts").Reply[]) {
  let choices: import("../../src/core/model.ts").Choice[] = [];
  for (const reply of replies) if (reply.kind === "message" && reply.choices?.length) choices = reply.choices;
  return choices;
}
