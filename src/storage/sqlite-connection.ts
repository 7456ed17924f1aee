/**
 * The one SQLite connection of the embedded storage, with its statements prepared once.
 *
 * `query(sql, ...params)` runs a statement and resolves with its rows. The app's statements are
 * fixed strings, so each is prepared on first use and kept: running it again only binds the new
 * parameters. (A statement prepared and finalized for every call costs two extra trips through
 * the thread pool, and finalizing runs on the main thread, where it waits for the database lock
 * held by whatever query the pool is running.) At most `MAX_PREPARED` statements are kept; any
 * other is prepared and finalized around its one run.
 */
import sqlite3 from "sqlite3";
import type { Query } from "./sqlite-records.ts";

type Row = Record<string, unknown>;

export interface SqliteConnection {
  query: Query;
  close(): Promise<void>;
}

const MAX_PREPARED = 100;

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
  const prepared = new Map<string, Promise<sqlite3.Statement>>();

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

  return {
    async query(sql, ...params) {
      let statement = prepared.get(sql);
      if (statement === undefined) {
        if (prepared.size >= MAX_PREPARED) {
          const once = await prepare(sql);
          try {
            return await run(once, params);
          } finally {
            await finalize(once);
          }
        }
        statement = prepare(sql);
        prepared.set(sql, statement);
        // A statement that does not prepare (bad SQL) is not kept.
        statement.catch(() => prepared.delete(sql));
      }
      return run(await statement, params);
    },
    async close() {
      const statements = await Promise.allSettled(prepared.values());
      prepared.clear();
      for (const s of statements) if (s.status === "fulfilled") await finalize(s.value);
      await new Promise<void>((resolve, reject) => db.close((error) => (error ? reject(error) : resolve())));
    },
  };
}
