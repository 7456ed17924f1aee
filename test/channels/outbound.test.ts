import { describe, expect, it } from "vitest";
import { channelOf, createOutbound } from "../../src/channels/outbound.ts";
import { DeliveryError } from "../../src/core/delivery-error.ts";
import type { Address, Reply } from "../../src/core/model.ts";
import type { Messenger } from "../../src/core/ports.ts";

const hello: Reply[] = [{ kind: "message", blocks: [{ kind: "paragraph", text: "Xin chào" }] }];

function recording(): Messenger & { sent: [Address, readonly Reply[]][] } {
  const sent: [Address, readonly Reply[]][] = [];
  return { sent, send: async (address, replies) => void sent.push([address, replies]) };
}

describe("outbound messenger", () => {
  it("routes each address to its channel's messenger by prefix", async () => {
    const telegram = recording();
    const zalo = recording();
    const outbound = createOutbound({ telegram, zalo });
    await outbound.send("telegram:-100200", hello);
    await outbound.send("zalo:abc", hello);
    expect(telegram.sent.map(([a]) => a)).toEqual(["telegram:-100200"]);
    expect(zalo.sent.map(([a]) => a)).toEqual(["zalo:abc"]);
    expect(outbound.canReach("console:local")).toBe(false);
  });

  it("fails with a final DeliveryError for a channel that is not running", async () => {
    const outbound = createOutbound({ telegram: recording() });
    const error = await outbound.send("zalo:abc", hello).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeliveryError);
    expect((error as DeliveryError).failure).toBe("final");
  });

  it("sees a channel added after it was built (main fills the table as channels start)", async () => {
    const messengers: Parameters<typeof createOutbound>[0] = {};
    const outbound = createOutbound(messengers);
    const console = recording();
    messengers.console = console;
    await outbound.send("console:local", hello);
    expect(console.sent).toHaveLength(1);
  });

  it("knows the channel of an address", () => {
    expect(channelOf("telegram:1")).toBe("telegram");
    expect(channelOf("other:1" as Address)).toBeUndefined();
  });
});
