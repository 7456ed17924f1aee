/**
 * The card shows a section's official wording only when the importer could not parse that section
 * into structure (no cases, no channels, no steps, no results): the citizen then reads the source
 * text instead of "not stated". Everywhere else the parsed structure is shown and the wording, kept
 * in the catalogue files, is not needed by the running bot. `withoutUnshownWording` drops it when
 * the bot loads the catalogue: about 13 MB of the heap (the legal basis and the papers of most
 * records), which the card, the checklist and the search never read.
 */
import type { ProcedureRecord } from "../../catalogue/schema.ts";

type Official = ProcedureRecord["official"];

/** The sections whose wording the card can show, with the parsed structure that stands for each. */
const SHOWN_WHEN_UNPARSED = {
  papers: (record: ProcedureRecord) => record.cases,
  channels: (record: ProcedureRecord) => record.channels,
  steps: (record: ProcedureRecord) => record.steps,
  result: (record: ProcedureRecord) => record.results,
} satisfies Partial<Record<keyof Official, (record: ProcedureRecord) => readonly unknown[]>>;

/** Read by the search (who may apply: citizens or businesses), so always kept. */
const ALWAYS_KEPT = ["applicants"] as const satisfies readonly (keyof Official)[];

/**
 * The record with only the official wording the bot can use: the sections the card shows because
 * their structure is empty, and the applicants. Decided on the imported record: a curated overlay
 * that replaced parsed channels with none would show "not stated" without the wording (no overlay
 * does; overlays add channels to records that lack them).
 */
export function withoutUnshownWording(record: ProcedureRecord): ProcedureRecord {
  const official: Official = {};
  for (const section of ALWAYS_KEPT) {
    if (record.official[section] !== undefined) official[section] = record.official[section];
  }
  for (const [section, parsed] of Object.entries(SHOWN_WHEN_UNPARSED)) {
    const text = record.official[section as keyof typeof SHOWN_WHEN_UNPARSED];
    if (text !== undefined && parsed(record).length === 0) official[section as keyof Official] = text;
  }
  return { ...record, official };
}
