/**
 * One `Messenger` for the whole app: routes an address to its channel's messenger by prefix
 * (`telegram:`, `zalo:`, `console:`). Used for everything the core sends on its own (ticket updates,
 * staff cards, broadcasts). An address whose channel is not running fails with a `final`
 * DeliveryError; failures of a channel's messenger are already DeliveryErrors.
 */
import { DeliveryError } from "../core/delivery-error.ts";
import type { Address, ChannelName, Reply } from "../core/model.ts";
import type { Messenger } from "../core/ports.ts";

export type ChannelMessengers = Partial<Record<ChannelName, Messenger>>;

export interface OutboundMessenger extends Messenger {
  /** Whether an address belongs to a channel that is running here. */
  canReach(address: Address): boolean;
}

export function channelOf(address: Address): ChannelName | undefined {
  const prefix = address.slice(0, address.indexOf(":"));
  return prefix === "telegram" || prefix === "zalo" || prefix === "console" ? prefix : undefined;
}

export function createOutbound(messengers: ChannelMessengers): OutboundMessenger {
  const find = (address: Address): Messenger | undefined => {
    const channel = channelOf(address);
    return channel === undefined ? undefined : messengers[channel];
  };
  return {
    canReach: (address) => find(address) !== undefined,
    async send(address: Address, replies: readonly Reply[]): Promise<void> {
      const messenger = find(address);
      if (!messenger) {
        throw new DeliveryError("final", `no running channel for '${address.split(":")[0]}:' addresses`);
      }
      await messenger.send(address, replies);
    },
  };
}
