/**
 * Keys zod dropped while parsing: zod objects strip what their schema does not know, so a typo
 * ("alias:" for "aliases:") would vanish silently. Walking the input beside the parsed output finds
 * every key that is in the file but not in the result.
 */
export function unknownKeyPaths(input: unknown, parsed: unknown, path: PropertyKey[] = []): PropertyKey[][] {
  if (Array.isArray(input) && Array.isArray(parsed)) {
    return input.flatMap((item, index) => unknownKeyPaths(item, parsed[index], [...path, index]));
  }
  if (!isPlainObject(input) || !isPlainObject(parsed)) return [];
  const found: PropertyKey[][] = [];
  for (const key of Object.keys(input)) {
    if (Object.hasOwn(parsed, key)) found.push(...unknownKeyPaths(input[key], parsed[key], [...path, key]));
    else if (input[key] !== undefined) found.push([...path, key]);
  }
  return found;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
