import { describe, expect, it } from "vitest";
import { checkHealth, type HealthSource } from "../../src/http/health.ts";

const source = (storage: HealthSource["storage"], channels: Record<string, boolean>): HealthSource => ({
  catalogue: () => ({ procedures: 3, version: "v1" }),
  storage,
  channels: () => channels,
});

describe("checkHealth", () => {
  it("is ok when storage answers and every channel is up", async () => {
    expect(await checkHealth(source(async () => true, { telegram: true, zalo: true }))).toEqual({
      status: "ok",
      catalogue: { procedures: 3, version: "v1" },
      storage: { reachable: true },
      channels: { telegram: true, zalo: true },
    });
  });

  it("is degraded when a channel is down, down when storage is unreachable or fails", async () => {
    expect((await checkHealth(source(async () => true, { telegram: false }))).status).toBe("degraded");
    expect((await checkHealth(source(async () => false, { telegram: true }))).status).toBe("down");
    const failing = await checkHealth(source(() => Promise.reject(new Error("ECONNRESET")), {}));
    expect(failing).toMatchObject({ status: "down", storage: { reachable: false } });
  });
});
