/** The fees that apply locally: the province's feeOverrides (People's Council resolutions) win. */
import type { Locality, Procedure, SubmissionChannel } from "../../catalogue/schema.ts";

export interface EffectiveChannels {
  channels: SubmissionChannel[];
  /** The resolutions of the overrides that were applied, for the card's note. */
  overrideDecisions: string[];
}

export function effectiveChannels(procedure: Procedure, locality: Locality): EffectiveChannels {
  const overrides = locality.feeOverrides.filter((override) => override.code === procedure.code);
  if (overrides.length === 0) return { channels: [...procedure.channels], overrideDecisions: [] };
  const decisions = new Set<string>();
  const channels = procedure.channels.map((channel) => {
    const override =
      overrides.find((candidate) => candidate.channel === channel.kind) ??
      overrides.find((candidate) => candidate.channel === undefined);
    if (!override) return channel;
    decisions.add(override.decision);
    return { ...channel, fees: override.fees };
  });
  return { channels, overrideDecisions: [...decisions] };
}
