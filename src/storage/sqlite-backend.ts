/**
 * Embedded storage: one SQLite file, `${dataDir}/hoi-thu-tuc.sqlite`, through @keyv/sqlite. One
 * connection is shared by every namespace (Keyv prefixes the keys), so writes never contend.
 * Append logs live in their own table of the same file, ordered by an autoincrement id.
 *
 * The adapter writes the SQL; its queries run on our connection, whose statements are prepared
 * once and reused (sqlite-statements.ts). The adapter's own connection only creates its table and
 * is then closed.
 */
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import KeyvSqlite from "@keyv/sqlite";
import { Keyv } from "keyv";
import sqlite3 from "sqlite3";
import type { AppendLog } from "../core/ports.ts";
import type { Backend } from "./backend.ts";
import { createKeyedQueue } from "./keyed-queue.ts";
import { keyvCodec } from "./keyv-codec.ts";
import {
  createRecordTables,
  type Query,
  sqliteCounter,
  sqliteDropVersioned,
  sqliteVersionedStore,
} from "./sqlite-records.ts";
import { statementQuery } from "./sqlite-statements.ts";

export const SQLITE_FILE = "hoi-thu-tuc.sqlite";
const PAGE = 500;
const BUSY_TIMEOUT_MS = 5000;
/** Expired rows are only dropped by Keyv when read; sweep the rest this often. */
const SWEEP_EVERY_MS = 60 * 60 * 1000;

export interface SqliteBackendOptions {
  dataDir: string;
  onError: (error: unknown, namespace: string) => void;
}

function openDatabase(file: string): Promise<sqlite3.Database> {
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(file, (error) => (error ? reject(error) : resolve(db)));
  });
}

function closeDatabase(db: sqlite3.Database): Promise<void> {
  return new Promise((resolve, reject) => db.close((error) => (error ? reject(error) : resolve())));
}

export async function createSqliteBackend(options: SqliteBackendOptions): Promise<Backend> {
  await mkdir(options.dataDir, { recursive: true });
  const file = join(options.dataDir, SQLITE_FILE);
  const adapter = new KeyvSqlite({ uri: `sqlite://${file}`, busyTimeout: BUSY_TIMEOUT_MS });
  adapter.setMaxListeners(0);
  adapter.on("error", (error: unknown) => options.onError(error, "sqlite"));
  // Fails here (not on the first citizen's message) when the file cannot be opened. Once the
  // adapter's table exists, its connection is not needed.
  await (adapter.query as Query)("SELECT 1");
  await adapter.disconnect();
  const db = await openDatabase(file);
  db.configure("busyTimeout", BUSY_TIMEOUT_MS);
  const statements = statementQuery(db);
  const query = statements.query;
  adapter.query = query;

  await query("PRAGMA journal_mode = WAL");
  await query("PRAGMA synchronous = NORMAL");
  await query(
    "CREATE TABLE IF NOT EXISTS append_log (id INTEGER PRIMARY KEY AUTOINCREMENT, namespace TEXT NOT NULL, entry TEXT NOT NULL)",
  );
  await query("CREATE INDEX IF NOT EXISTS append_log_namespace ON append_log (namespace, id)");
  await createRecordTables(query);

  const sweep = async () => {
    await query("DELETE FROM keyv WHERE json_extract(value, '$.expires') < ?", Date.now());
  };
  const sweeper = setInterval(() => {
    sweep().catch((error: unknown) => options.onError(error, "sqlite-sweep"));
  }, SWEEP_EVERY_MS);
  sweeper.unref();

  const keyvs: Keyv[] = [];
  let closed = false;

  return {
    kind: "sqlite",
    location: file,
    keyv(namespace) {
      const keyv = new Keyv({ store: adapter, namespace, throwOnErrors: true, ...keyvCodec });
      keyv.on("error", (error: unknown) => options.onError(error, namespace));
      keyvs.push(keyv);
      return keyv;
    },
    appendLog<T>(namespace: string): AppendLog<T> {
      return {
        async append(entry) {
          await query(
            "INSERT INTO append_log (namespace, entry) VALUES (?, ?)",
            namespace,
            JSON.stringify(entry),
          );
        },
        async *entries() {
          let after = 0;
          for (;;) {
            const rows = await query(
              "SELECT id, entry FROM append_log WHERE namespace = ? AND id > ? ORDER BY id LIMIT ?",
              namespace,
              after,
              PAGE,
            );
            for (const row of rows) {
              after = row.id as number;
              yield JSON.parse(row.entry as string) as T;
            }
            if (rows.length < PAGE) return;
          }
        },
      };
    },
    counter: (name) => sqliteCounter(query, name),
    versioned: <T>(namespace: string) => sqliteVersionedStore<T>(query, namespace),
    dropVersioned: (namespace) => sqliteDropVersioned(query, namespace),
    // One process owns the file: the in-process queue is the whole lock.
    addressLock: createKeyedQueue(),
    async ping() {
      try {
        await query("SELECT 1");
        return true;
      } catch {
        return false;
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      clearInterval(sweeper);
      await statements.finalize();
      await closeDatabase(db);
    },
    sweepExpired: sweep,
  };
}
