/**
 * The SQLite connection with prepared statements kept: a statement run again sees the new
 * parameters and the current data, bad SQL fails without spoiling later queries, and the
 * connection closes with its statements.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openSqlite, type SqliteConnection } from "../../src/storage/sqlite-connection.ts";

let dir: string;
let db: SqliteConnection;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "htt-sqlite-"));
  db = await openSqlite(join(dir, "t.sqlite"), { busyTimeoutMs: 1000 });
  await db.query("CREATE TABLE t (k TEXT PRIMARY KEY, v TEXT)");
});

afterEach(async () => {
  await db.close().catch(() => undefined);
  await rm(dir, { recursive: true, force: true });
});

describe("openSqlite", () => {
  it("runs the same statement again with new parameters and sees what was written in between", async () => {
    const select = "SELECT v FROM t WHERE k = ?";
    const upsert = "INSERT INTO t (k, v) VALUES (?, ?) ON CONFLICT(k) DO UPDATE SET v = excluded.v";
    expect(await db.query(select, "telegram:1")).toEqual([]);
    await db.query(upsert, "telegram:1", "khai sinh");
    await db.query(upsert, "telegram:2", "căn cước");
    expect(await db.query(select, "telegram:1")).toEqual([{ v: "khai sinh" }]);
    expect(await db.query(select, "telegram:2")).toEqual([{ v: "căn cước" }]);
    await db.query(upsert, "telegram:1", "kết hôn");
    expect(await db.query(select, "telegram:1")).toEqual([{ v: "kết hôn" }]);
  });

  it("keeps concurrent runs of one statement apart", async () => {
    const upsert = "INSERT INTO t (k, v) VALUES (?, ?)";
    await Promise.all(Array.from({ length: 50 }, (_, i) => db.query(upsert, `k${i}`, `v${i}`)));
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => db.query("SELECT v FROM t WHERE k = ?", `k${i}`)),
    );
    expect(results).toEqual(Array.from({ length: 50 }, (_, i) => [{ v: `v${i}` }]));
  });

  it("rejects bad SQL and goes on answering the next queries", async () => {
    await expect(db.query("SELEC v FROM t")).rejects.toThrow(/syntax error/);
    await expect(db.query("SELEC v FROM t")).rejects.toThrow(/syntax error/);
    await db.query("INSERT INTO t (k, v) VALUES (?, ?)", "a", "b");
    expect(await db.query("SELECT v FROM t WHERE k = ?", "a")).toEqual([{ v: "b" }]);
  });

  it("answers more distinct statements than it keeps prepared", async () => {
    for (let i = 0; i < 130; i++) {
      expect(await db.query(`SELECT ${i} AS n, count(*) AS c FROM t`)).toEqual([{ n: i, c: 0 }]);
    }
  });

  it("closes with its prepared statements", async () => {
    await db.query("SELECT v FROM t WHERE k = ?", "a");
    await db.close();
    await expect(db.query("SELECT 1")).rejects.toThrow();
  });
});
