/**
 * Each recipient's outcome for one broadcast, in its own namespace keyed by address. A recipient
 * is *claimed* (`sending`) with a create-if-absent before anything is sent and settled after, so:
 * no two senders ever send to the same citizen, and after a crash a claim that was never settled
 * is known to be uncertain. Uncertain ones are never sent again (the citizen may already have it)
 * and are reported as failed with the reason `interrupted`.
 */
import { z } from "zod";
import type { VersionedStore } from "../core/ports.ts";

/** `released`: claimed, then let go before anything was delivered (shutdown during a wait): sent later. */
export const outcomeState = z.enum(["sending", "released", "sent", "failed", "blocked", "skipped"]);
export type OutcomeState = z.infer<typeof outcomeState>;

export const outcome = z.object({
  state: outcomeState,
  reason: z.string().optional(),
  at: z.number(),
});
export type Outcome = z.infer<typeof outcome>;

export type OutcomeStore = VersionedStore<Outcome>;

/**
 * Claims a recipient: the claim's version when this sender may send to it now (never claimed, or
 * released), null when another sender has it or it is settled.
 */
export async function claim(store: OutcomeStore, address: string, at: number): Promise<number | null> {
  if (await store.create(address, { state: "sending", at })) return 1;
  const found = await store.get(address);
  if (!found || outcome.safeParse(found.value).data?.state !== "released") return null;
  return store.update(address, { state: "sending", at }, found.version);
}

export function outcomeNamespace(broadcastId: string): string {
  return `bc-outcome-${broadcastId}`;
}
