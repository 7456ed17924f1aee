/**
 * Keyv's store in the SQLite file: the `keyv` table of @keyv/sqlite (same layout, so existing
 * data files keep working), over the connection's prepared statements. Keyv serialises the
 * values, adds the expiry and prefixes the keys with their namespace; this only stores strings.
 */
import { EventEmitter } from "node:events";
import type { KeyvStoreAdapter, StoredData } from "keyv";
import type { Query } from "./sqlite-records.ts";

export const KEYV_TABLE = "keyv";

const CREATE = `CREATE TABLE IF NOT EXISTS ${KEYV_TABLE}(key VARCHAR(255) PRIMARY KEY, value TEXT )`;
const SELECT = `SELECT value FROM ${KEYV_TABLE} WHERE key = ?`;
const UPSERT = `INSERT INTO ${KEYV_TABLE} (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`;
const DELETE = `DELETE FROM ${KEYV_TABLE} WHERE key = ? RETURNING key`;
const CLEAR = `DELETE FROM ${KEYV_TABLE} WHERE key LIKE ?`;

export class SqliteKeyvAdapter extends EventEmitter implements KeyvStoreAdapter {
  readonly opts = { dialect: "sqlite", table: KEYV_TABLE };
  namespace?: string | undefined;

  constructor(private readonly query: Query) {
    super();
  }

  /** Creates the table if the file has none yet. */
  static async create(query: Query): Promise<SqliteKeyvAdapter> {
    await query(CREATE);
    return new SqliteKeyvAdapter(query);
  }

  async get<Value>(key: string): Promise<StoredData<Value> | undefined> {
    const rows = await this.query(SELECT, key);
    return rows[0]?.value as StoredData<Value> | undefined;
  }

  async set(key: string, value: unknown): Promise<void> {
    await this.query(UPSERT, key, value);
  }

  async delete(key: string): Promise<boolean> {
    return (await this.query(DELETE, key)).length > 0;
  }

  async clear(): Promise<void> {
    await this.query(CLEAR, this.namespace ? `${this.namespace}:%` : "%");
  }
}
