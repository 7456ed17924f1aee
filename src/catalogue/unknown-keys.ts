/**
 * Keys zod dropped while parsing: zod objects strip what their schema does not know, so a typo
 * ("alias:" for "aliases:") would vanish silently. Walking the input beside the parsed output finds
 * every key that is in the file but not in the result.
 */
export function unknownKeyPaths(input: unknown, parsed: unknown): PropertyKey[][] {
  const found: PropertyKey[][] = [];
  walk(input, parsed, [], found);
  return found;
}

/** One shared path stack, copied only when a key is reported: the catalogue has millions of nodes. */
function walk(input: unknown, parsed: unknown, path: PropertyKey[], found: PropertyKey[][]): void {
  if (typeof input !== "object" || input === null || typeof parsed !== "object" || parsed === null) return;
  if (Array.isArray(input)) {
    if (!Array.isArray(parsed)) return;
    for (let index = 0; index < input.length; index++) {
      const item: unknown = input[index];
      if (typeof item !== "object" || item === null) continue;
      path.push(index);
      walk(item, parsed[index], path, found);
      path.pop();
    }
    return;
  }
  const source = input as Record<string, unknown>;
  const result = parsed as Record<string, unknown>;
  for (const key in source) {
    const value = source[key];
    if (!Object.hasOwn(result, key)) {
      if (value !== undefined) found.push([...path, key]);
    } else if (typeof value === "object" && value !== null) {
      path.push(key);
      walk(value, result[key], path, found);
      path.pop();
    }
  }
}
