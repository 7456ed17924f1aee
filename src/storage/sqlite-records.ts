/**
 * Counters and versioned records in the SQLite file, in their own tables: atomic in SQL (an upsert
 * that returns the new count; an update that only matches the expected version).
 */
import type { Counter, Versioned, VersionedStore } from "../core/ports.ts";

export type Query = (sql: string, ...params: unknown[]) => Promise<Record<string, unknown>[]>;

const PAGE = 500;

export async function createRecordTables(query: Query): Promise<void> {
  await query("CREATE TABLE IF NOT EXISTS counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL)");
  await query(
    "CREATE TABLE IF NOT EXISTS records (namespace TEXT NOT NULL, key TEXT NOT NULL, version INTEGER NOT NULL, value TEXT NOT NULL, PRIMARY KEY (namespace, key))",
  );
}

export function sqliteCounter(query: Query, name: string): Counter {
  return {
    async next() {
      const rows = await query(
        "INSERT INTO counters (name, value) VALUES (?, 1) ON CONFLICT (name) DO UPDATE SET value = value + 1 RETURNING value",
        name,
      );
      return rows[0]!.value as number;
    },
  };
}

export function sqliteVersionedStore<T>(query: Query, namespace: string): VersionedStore<T> {
  return {
    async get(key) {
      const rows = await query(
        "SELECT version, value FROM records WHERE namespace = ? AND key = ?",
        namespace,
        key,
      );
      const row = rows[0];
      return row
        ? { version: row.version as number, value: JSON.parse(row.value as string) as T }
        : undefined;
    },
    async create(key, value) {
      const rows = await query(
        "INSERT INTO records (namespace, key, version, value) VALUES (?, ?, 1, ?) ON CONFLICT DO NOTHING RETURNING version",
        namespace,
        key,
        JSON.stringify(value),
      );
      return rows.length === 1;
    },
    async update(key, value, expectedVersion) {
      const rows = await query(
        "UPDATE records SET value = ?, version = version + 1 WHERE namespace = ? AND key = ? AND version = ? RETURNING version",
        JSON.stringify(value),
        namespace,
        key,
        expectedVersion,
      );
      return (rows[0]?.version as number | undefined) ?? null;
    },
    async *entries(): AsyncIterable<[string, Versioned<T>]> {
      let after: string | null = null;
      for (;;) {
        const rows: Record<string, unknown>[] =
          after === null
            ? await query(
                "SELECT key, version, value FROM records WHERE namespace = ? ORDER BY key LIMIT ?",
                namespace,
                PAGE,
              )
            : await query(
                "SELECT key, version, value FROM records WHERE namespace = ? AND key > ? ORDER BY key LIMIT ?",
                namespace,
                after,
                PAGE,
              );
        for (const row of rows) {
          after = row.key as string;
          yield [after, { version: row.version as number, value: JSON.parse(row.value as string) as T }];
        }
        if (rows.length < PAGE) return;
      }
    },
  };
}

export async function sqliteDropVersioned(query: Query, namespace: string): Promise<void> {
  await query("DELETE FROM records WHERE namespace = ?", namespace);
}
