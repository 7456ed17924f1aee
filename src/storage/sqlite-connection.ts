/**
 * The one SQLite connection of the embedded storage, with its statements prepared once.
 *
 * `query(sql, ...params)` runs a statement and resolves with its rows. The app's statements are
 * fixed strings, so each is prepared on first use and kept: running it again only binds the new
 * parameters. (A statement prepared and finalized for every call costs two extra trips through
 * the thread pool, and finalizing runs on the main thread, where it waits for the database lock
 * held by whatever query the pool is running.) A prepared statement runs one call at a time, so
 * each SQL text gets a few (`PER_SQL`), taken by concurrent calls as they come: the four reads an
 * update starts at once go to the pool together instead of one after the other. At most
 * `MAX_SQL` texts are kept; any other is prepared and finalized around its one run.
 */
import sqlite3 from "sqlite3";
import type { Query } from "./sqlite-records.ts";

type Row = Record<string, unknown>;

export interface SqliteConnection {
  query: Query;
  close(): Promise<void>;
}

const PER_SQL = 6;
const MAX_SQL = 100;

/** The prepared statements of one SQL text: free ones, how many exist, calls waiting for one. */
interface Pool {
  free: sqlite3.Statement[];
  size: number;
  waiting: ((statement: sqlite3.Statement) => void)[];
}

export function openSqlite(file: string, options: { busyTimeoutMs: number }): Promise<SqliteConnection> {
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(file, (error) => {
      if (error) reject(error);
      else {
        db.configure("busyTimeout", options.busyTimeoutMs);
        resolve(connection(db));
      }
    });
  });
}

function connection(db: sqlite3.Database): SqliteConnection {
  const pools = new Map<string, Pool>();
  let busy = 0;
  let idle: (() => void) | undefined;

  const prepare = (sql: string): Promise<sqlite3.Statement> =>
    new Promise((resolve, reject) => {
      const statement = db.prepare(sql, (error) => (error ? reject(error) : resolve(statement)));
    });

  const run = (statement: sqlite3.Statement, params: unknown[]): Promise<Row[]> =>
    new Promise((resolve, reject) => {
      statement.all(params, (error: Error | null, rows: Row[]) => (error ? reject(error) : resolve(rows)));
    });

  const finalize = (statement: sqlite3.Statement): Promise<void> =>
    new Promise((resolve) => statement.finalize(() => resolve()));

  async function take(pool: Pool, sql: string): Promise<sqlite3.Statement> {
    const free = pool.free.pop();
    if (free) return free;
    if (pool.size < PER_SQL) {
      pool.size++;
      try {
        return await prepare(sql);
      } catch (error) {
        // A statement that does not prepare (bad SQL) is not kept.
        pool.size--;
        throw error;
      }
    }
    return new Promise((resolve) => pool.waiting.push(resolve));
  }

  function give(pool: Pool, statement: sqlite3.Statement): void {
    const next = pool.waiting.shift();
    if (next) next(statement);
    else pool.free.push(statement);
  }

  return {
    async query(sql, ...params) {
      let pool = pools.get(sql);
      if (pool === undefined && pools.size >= MAX_SQL) {
        const once = await prepare(sql);
        try {
          return await run(once, params);
        } finally {
          await finalize(once);
        }
      }
      if (pool === undefined) {
        pool = { free: [], size: 0, waiting: [] };
        pools.set(sql, pool);
      }
      busy++;
      try {
        const statement = await take(pool, sql);
        try {
          return await run(statement, params);
        } finally {
          give(pool, statement);
        }
      } finally {
        busy--;
        if (busy === 0) idle?.();
      }
    },
    async close() {
      // Calls under way finish first; their statements are then free to finalize.
      if (busy > 0) await new Promise<void>((resolve) => (idle = resolve));
      const statements = [...pools.values()].flatMap((pool) => pool.free);
      pools.clear();
      for (const statement of statements) await finalize(statement);
      await new Promise<void>((resolve, reject) => db.close((error) => (error ? reject(error) : resolve())));
    },
  };
}
