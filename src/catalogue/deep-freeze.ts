/**
 * Freezes loaded catalogue data, whole. The data is a tree (zod and JSON.parse return fresh
 * objects), so every node is visited at most once; a node already frozen was frozen with its whole
 * subtree (a record shared with an earlier load) and is skipped. A getter (a packed record's
 * section, see packed-record.ts) is not read: what it returns is frozen when it is decoded.
 */
export function deepFreeze<T>(value: T): T {
  freeze(value);
  return value;
}

function freeze(value: unknown): void {
  if (typeof value !== "object" || value === null || Object.isFrozen(value)) return;
  Object.freeze(value);
  if (Array.isArray(value)) {
    for (const item of value) freeze(item);
  } else {
    for (const property of Object.values(Object.getOwnPropertyDescriptors(value))) {
      if ("value" in property) freeze(property.value);
    }
  }
}
