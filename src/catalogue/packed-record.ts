/**
 * A procedure record that keeps its long sections compressed. The papers by case, the channels,
 * the steps, the conditions and the legal basis are nine tenths of a record's text, and a chat
 * needs them for one or two procedures at a time. Packed, they take about 4.4 MB instead of about
 * 28 MB of the heap on the full catalogue (V8 keeps Vietnamese text at two bytes a character).
 *
 * A packed record reads like any other: each long section is an enumerable getter that inflates
 * the sections (about 65 µs) and returns them frozen. The last few records read are kept decoded,
 * so the several reads of one answer inflate once. Spreading or serialising a packed record reads
 * every getter and so gives the plain record; code that copies a record and wants to keep it
 * packed copies its property descriptors instead (applyOverlay does).
 */
import { deflateRawSync, inflateRawSync } from "node:zlib";
import { deepFreeze } from "./deep-freeze.ts";
import type { ProcedureRecord } from "./schema.ts";

export const PACKED_SECTIONS = ["cases", "channels", "steps", "conditions", "legalBasis"] as const;

type Section = (typeof PACKED_SECTIONS)[number];
type Sections = Pick<ProcedureRecord, Section>;

/** How many records stay decoded: a card, its checklist and a list of choices read a handful. */
const DECODED_KEPT = 16;

const decoded = new Map<Buffer, Sections>();

export function packRecord(record: ProcedureRecord): ProcedureRecord {
  const sections: Record<string, unknown> = {};
  const rest: Record<string, unknown> = { ...record };
  for (const section of PACKED_SECTIONS) {
    sections[section] = record[section];
    delete rest[section];
  }
  const packed = exactCopy(deflateRawSync(JSON.stringify(sections), { level: 3 }));
  for (const section of PACKED_SECTIONS) {
    Object.defineProperty(rest, section, { enumerable: true, get: () => unpack(packed)[section] });
  }
  return Object.freeze(rest) as ProcedureRecord;
}

/**
 * A buffer of its own, of exactly this size: zlib's result is a view over its 16 KB output chunk,
 * and a small `Buffer.from` copy shares an 8 KB pool slab with short-lived buffers; either would
 * keep several times the packed bytes alive (43 MB and 10 MB on the full catalogue, not 4.7).
 */
function exactCopy(bytes: Buffer): Buffer {
  const copy = Buffer.allocUnsafeSlow(bytes.length);
  bytes.copy(copy);
  return copy;
}

function unpack(packed: Buffer): Sections {
  const known = decoded.get(packed);
  if (known) {
    // Most recently read last: the map's order is the eviction order.
    decoded.delete(packed);
    decoded.set(packed, known);
    return known;
  }
  const sections = deepFreeze(JSON.parse(inflateRawSync(packed).toString("utf8")) as Sections);
  decoded.set(packed, sections);
  if (decoded.size > DECODED_KEPT) decoded.delete(decoded.keys().next().value as Buffer);
  return sections;
}
