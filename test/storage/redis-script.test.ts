import { createClient } from "@keyv/redis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RedisCommander, redisScript } from "../../src/storage/redis-script.ts";

const url = process.env.REDIS_URL;

describe.runIf(url)("redisScript (real Redis)", () => {
  let client: ReturnType<typeof createClient>;
  let redis: RedisCommander;

  beforeAll(async () => {
    client = createClient({ url });
    await client.connect();
    redis = client as unknown as RedisCommander;
  });
  afterAll(() => client.close());

  it("runs by SHA, and loads the script again when Redis has forgotten it", async () => {
    const echo = redisScript(`return "htt-script-test:" .. ARGV[1]`);
    await client.sendCommand(["SCRIPT", "FLUSH"]);
    expect(await echo(redis, ["0", "a"])).toBe("htt-script-test:a");
    expect(await echo(redis, ["0", "b"])).toBe("htt-script-test:b");
  });

  it("passes on a script's own error instead of sending it again", async () => {
    const failing = redisScript(`return redis.error_reply("HTT boom")`);
    await expect(failing(redis, ["0"])).rejects.toThrow(/HTT boom/);
  });
});
