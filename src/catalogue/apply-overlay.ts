/**
 * A procedure as the bot sees it: the imported (or hand-written) record with its curated overlay.
 * What the overlay sets replaces the record's value; the record is never modified. A packed record
 * (packed-record.ts) stays packed: its getters are copied, not read.
 */
import type { CuratedOverlay, Procedure, ProcedureRecord } from "./schema.ts";

export function applyOverlay(
  record: ProcedureRecord,
  overlay: CuratedOverlay | undefined,
  folder: string,
): Procedure {
  const procedure = copyOf(record) as Procedure;
  set(procedure, "aliases", overlay?.aliases ?? []);
  set(procedure, "priority", overlay?.priority ?? 1);
  set(procedure, "folder", folder);
  if (!overlay) return procedure;
  if (overlay.review) {
    set(procedure, "review", overlay.review);
    set(procedure, "reviewed", true);
  }
  if (overlay.channels) set(procedure, "channels", overlay.channels);
  if (overlay.cases) set(procedure, "cases", overlay.cases);
  if (overlay.status) set(procedure, "status", overlay.status);
  if (overlay.related) set(procedure, "related", overlay.related);
  if (overlay.bundles) set(procedure, "bundles", overlay.bundles);
  if (overlay.note !== undefined) set(procedure, "curatedNote", overlay.note);
  return procedure;
}

/** The record's own properties, getters as getters, on an object that can still be changed. */
function copyOf(record: ProcedureRecord): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (const [key, property] of Object.entries(Object.getOwnPropertyDescriptors(record))) {
    Object.defineProperty(copy, key, {
      ...property,
      configurable: true,
      ...("value" in property && { writable: true }),
    });
  }
  return copy;
}

/** Sets a value, also where the record had a getter (a packed section replaced by the overlay). */
function set<K extends keyof Procedure>(procedure: Procedure, key: K, value: Procedure[K]): void {
  Object.defineProperty(procedure, key, { value, enumerable: true, writable: true, configurable: true });
}
