/**
 * Keyv's text format, written and read with the engine's own JSON functions. Keyv's default
 * serializer walks every value in JavaScript and its deserializer calls a reviver for every value:
 * on Redis, where every message reads and writes a citizen's state, they were about 3 % of the main
 * thread. The text is the same as @keyv/serialize's, so data written by either reads back with the
 * other: that format escapes a string that starts with ":" with one more ":" (and keeps Buffers as
 * ":base64:" strings), so whenever the text holds such a string, the default functions are used.
 */
import { defaultDeserialize, defaultSerialize } from "@keyv/serialize";

/** A string value starting with ":", where JSON can start a value: after `[`, `,`, `:` or `{`, or first. */
const COLON_STRING = /(?:^|[[,:{])":/;

export function serialize(data: unknown): string {
  if (data === undefined || data === null) return "null";
  const text = JSON.stringify(data);
  // Functions, Buffers and colon strings: the default writes them its own way.
  return text === undefined || COLON_STRING.test(text) || text.includes('"type":"Buffer"')
    ? defaultSerialize(data)
    : text;
}

export function deserialize<T>(text: string): T {
  return (COLON_STRING.test(text) ? defaultDeserialize(text) : JSON.parse(text)) as T;
}

/** The options that give a Keyv instance this codec. */
export const keyvCodec = { serialize, deserialize } as const;
