import sqlite3 from "sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { statementQuery } from "../../src/storage/sqlite-statements.ts";

function open(): Promise<sqlite3.Database> {
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(":memory:", (error) => (error ? reject(error) : resolve(db)));
  });
}

describe("statementQuery", () => {
  let db: sqlite3.Database;
  beforeEach(async () => {
    db = await open();
  });
  afterEach(async () => {
    await new Promise<void>((resolve) => db.close(() => resolve()));
  });

  it("prepares a statement once and reuses it, with each call's own parameters and rows", async () => {
    const statements = statementQuery(db);
    const { query } = statements;
    await query("CREATE TABLE kv (key TEXT PRIMARY KEY, value TEXT)");
    const upsert =
      "INSERT INTO kv (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value";
    await Promise.all(Array.from({ length: 50 }, (_, i) => query(upsert, `k${i % 10}`, `v${i}`)));
    const select = "SELECT value FROM kv WHERE key = ?";
    // Calls on one statement run in the order they were made: the last write of each key wins.
    expect(await Promise.all(Array.from({ length: 10 }, (_, i) => query(select, `k${i}`)))).toEqual(
      Array.from({ length: 10 }, (_, i) => [{ value: `v${40 + i}` }]),
    );
    // A statement read again after a write sees the write (no rows left from an earlier call).
    await query(upsert, "k0", "changed");
    expect(await query(select, "k0")).toEqual([{ value: "changed" }]);
    expect(await query(select, "missing")).toEqual([]);
    expect(statements.kept).toBe(3);
  });

  it("rejects a statement that does not prepare, does not keep it, and keeps working", async () => {
    const statements = statementQuery(db);
    await expect(statements.query("SELECT * FROM nowhere")).rejects.toThrow(/no such table/);
    expect(statements.kept).toBe(0);
    await statements.query("CREATE TABLE nowhere (x INTEGER)");
    await statements.query("INSERT INTO nowhere (x) VALUES (?)", 7);
    expect(await statements.query("SELECT * FROM nowhere")).toEqual([{ x: 7 }]);
  });

  it("rejects a call whose parameters do not bind, and the statement serves the next call", async () => {
    const statements = statementQuery(db);
    await statements.query("CREATE TABLE t (x INTEGER NOT NULL)");
    const insert = "INSERT INTO t (x) VALUES (?)";
    await expect(statements.query(insert, null)).rejects.toThrow(/NOT NULL/);
    await statements.query(insert, 1);
    expect(await statements.query("SELECT x FROM t")).toEqual([{ x: 1 }]);
  });

  it("runs SQL beyond its bound once, without keeping it", async () => {
    const statements = statementQuery(db, 2);
    await statements.query("SELECT 1 AS a");
    await statements.query("SELECT 2 AS a");
    expect(await statements.query("SELECT 3 AS a")).toEqual([{ a: 3 }]);
    expect(statements.kept).toBe(2);
  });

  it("finalizes what it kept, so the connection closes cleanly", async () => {
    const statements = statementQuery(db);
    await statements.query("SELECT 1 AS a");
    await statements.finalize();
    expect(statements.kept).toBe(0);
    await new Promise<void>((resolve, reject) => db.close((error) => (error ? reject(error) : resolve())));
    db = await open();
  });
});
