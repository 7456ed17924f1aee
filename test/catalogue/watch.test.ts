import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Catalogue } from "../../src/catalogue/catalogue.ts";
import { CatalogueError } from "../../src/catalogue/errors.ts";
import { type CatalogueHolder, watchCatalogue } from "../../src/catalogue/watch.ts";
import { type FixtureCatalogue, fixtureCatalogue } from "./fixture-catalogue.ts";

/** A queue of what the watcher reported, awaited one at a time. */
function events<T>() {
  const queued: T[] = [];
  const waiting: ((value: T) => void)[] = [];
  return {
    push(value: T) {
      const next = waiting.shift();
      if (next) next(value);
      else queued.push(value);
    },
    next(timeoutMs = 4000): Promise<T> {
      const value = queued.shift();
      if (value !== undefined) return Promise.resolve(value);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error("nothing reported in time")), timeoutMs);
        waiting.push((got) => {
          clearTimeout(timer);
          resolve(got);
        });
      });
    },
    get pending() {
      return queued.length;
    },
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("watchCatalogue", () => {
  let fixture: FixtureCatalogue;
  let holder: CatalogueHolder | undefined;
  let reloads = events<Catalogue>();
  let errors = events<Error>();
  const logged: { level: string; message: string; fields: object }[] = [];
  const logger = {
    info: (fields: object, message: string) => logged.push({ level: "info", message, fields }),
    warn: (fields: object, message: string) => logged.push({ level: "warn", message, fields }),
  };

  beforeEach(async () => {
    fixture = await fixtureCatalogue();
    reloads = events<Catalogue>();
    errors = events<Error>();
    logged.length = 0;
  });
  afterEach(async () => {
    await holder?.close();
    holder = undefined;
    await fixture.dispose();
  });

  const start = async (debounceMs = 50) => {
    holder = await watchCatalogue(fixture.dir, {
      onReload: (catalogue) => reloads.push(catalogue),
      onError: (error) => errors.push(error),
      logger,
      debounceMs,
    });
    return holder;
  };

  it("serves the catalogue and reloads it when a procedure file is edited", async () => {
    const watcher = await start();
    const before = watcher.current();
    expect(before.byCode.get("1.004222")?.name).toBe("Đăng ký thường trú");

    await fixture.edit(
      "dang-ky-quan-ly-cu-tru/1.004222.yaml",
      "name: Đăng ký thường trú",
      "name: Đăng ký thường trú (sửa)",
    );
    const reloaded = await reloads.next();
    expect(reloaded.version).not.toBe(before.version);
    expect(watcher.current()).toBe(reloaded);
    expect(watcher.current().byCode.get("1.004222")?.name).toBe("Đăng ký thường trú (sửa)");
    expect(logged).toContainEqual({
      level: "info",
      message: "catalogue reloaded",
      fields: { procedures: 3, questions: 3, version: reloaded.version },
    });
  });

  it("reloads when a questions file is edited or added, and refuses a question with an unknown code", async () => {
    const watcher = await start();
    expect(watcher.current().questions).toHaveLength(3);

    await fixture.edit("questions/examples.yaml", "giá vàng hôm nay", "giá xăng hôm nay");
    const edited = await reloads.next();
    expect(edited.questions[2]).toEqual({ q: "giá xăng hôm nay bao nhiêu", codes: [] });
    expect(watcher.current()).toBe(edited);

    await fixture.write(
      "questions/more.yaml",
      'items:\n  - { q: "đăng ký thường trú", codes: ["1.004222"] }\n',
    );
    expect((await reloads.next()).questions).toHaveLength(4);

    await fixture.write(
      "questions/more.yaml",
      'items:\n  - { q: "đăng ký thường trú", codes: ["1.004223"] }\n',
    );
    expect(await errors.next()).toBeInstanceOf(CatalogueError);
    expect(watcher.current().questions.at(-1)).toMatchObject({
      q: "đăng ký thường trú",
      codes: ["1.004222"],
    });
  });

  it("keeps serving the last good catalogue after a bad edit, and picks up the fix", async () => {
    const watcher = await start();
    const good = watcher.current();

    await fixture.edit("ho-tich/2.000986.yaml", "unit: ngay }", "unit: fortnight }");
    const error = await errors.next();
    expect(error).toBeInstanceOf(CatalogueError);
    expect((error as CatalogueError).problems[0]).toMatchObject({
      file: fixture.label("ho-tich/2.000986.yaml"),
      path: "channels[0].time.unit",
    });
    expect(watcher.current()).toBe(good);
    const warning = logged.find((entry) => entry.level === "warn");
    expect(warning?.message).toBe("catalogue edit refused: the last good catalogue keeps serving");
    expect(warning?.fields).toMatchObject({ serving: good.version });

    await fixture.edit("ho-tich/2.000986.yaml", "unit: fortnight }", "unit: ngay_lam_viec }");
    const fixed = await reloads.next();
    expect(watcher.current()).toBe(fixed);
    expect(fixed.byCode.get("2.000986")?.channels[0]?.time).toEqual({
      kind: "known",
      value: 20,
      unit: "ngay_lam_viec",
    });
  });

  it("reloads once for a burst of edits and not at all for editors' swap files", async () => {
    const watcher = await start(400);
    await fixture.write("ho-tich/.2.000986.yaml.swp", "swap");
    await sleep(600);
    expect(reloads.pending).toBe(0);

    for (const priority of [6, 7, 8]) {
      await fixture.edit("curated/1.001193.yaml", `priority: ${priority - 1}`, `priority: ${priority}`);
    }
    const reloaded = await reloads.next();
    await sleep(600);
    expect(reloads.pending).toBe(0);
    expect(reloaded.byCode.get("1.001193")?.priority).toBe(8);
    expect(watcher.current()).toBe(reloaded);
  });

  it("picks up a procedure added in a new field folder", async () => {
    const watcher = await start();
    const text = await fixture.read("dang-ky-quan-ly-cu-tru/1.004222.yaml");
    await mkdir(join(fixture.dir, "chung-thuc"));
    await fixture.write(
      "chung-thuc/1.004223.yaml",
      text
        .replace('code: "1.004222"', 'code: "1.004223"')
        .replace("field: Đăng ký, quản lý cư trú", "field: Chứng thực"),
    );
    let reloaded = await reloads.next();
    // The new folder may be seen before the file is written: wait until the reload has the file.
    while (!reloaded.byCode.has("1.004223")) reloaded = await reloads.next();
    expect(watcher.current().byCode.get("1.004223")?.folder).toBe("chung-thuc");
    // An edit inside the new folder is watched too.
    await fixture.edit("chung-thuc/1.004223.yaml", "name: Đăng ký thường trú", "name: Thủ tục mới");
    reloaded = await reloads.next();
    expect(reloaded.byCode.get("1.004223")?.name).toBe("Thủ tục mới");
  });

  it("keeps the last good catalogue when onReload throws", async () => {
    const refused = events<Error>();
    holder = await watchCatalogue(fixture.dir, {
      onReload: () => {
        throw new Error("search index failed");
      },
      onError: (error) => refused.push(error),
      logger,
      debounceMs: 50,
    });
    const before = holder.current();
    await fixture.edit("dang-ky-quan-ly-cu-tru/1.004222.yaml", "name: Đăng ký thường trú", "name: Đổi tên");
    expect((await refused.next()).message).toBe("search index failed");
    expect(holder.current()).toBe(before);
    expect(logged.map((entry) => entry.message)).toContain("catalogue reload refused by onReload");
  });

  it("refuses to start on an invalid catalogue", async () => {
    await fixture.remove("locality.yaml");
    await expect(watchCatalogue(fixture.dir)).rejects.toBeInstanceOf(CatalogueError);
  });

  it("stops reloading after close()", async () => {
    const watcher = await start();
    const before = watcher.current();
    await watcher.close();
    await fixture.edit("dang-ky-quan-ly-cu-tru/1.004222.yaml", "name: Đăng ký thường trú", "name: Đổi tên");
    await sleep(200);
    expect(reloads.pending).toBe(0);
    expect(watcher.current()).toBe(before);
  });
});
