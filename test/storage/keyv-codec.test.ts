import { defaultDeserialize, defaultSerialize } from "@keyv/serialize";
import { describe, expect, it } from "vitest";
import { deserialize, serialize } from "../../src/storage/keyv-codec.ts";
import { seededRandom } from "../support/random.ts";

const STRINGS = ["", ":", "::x", ":base64:AAE=", "a:b", '":"', "khai sinh", "[,:{", 'x"y', "đăng ký", "😀"];

function randomValue(random: () => number, depth: number): unknown {
  const pick = random();
  if (depth > 3 || pick < 0.35) {
    const kind = Math.floor(random() * 5);
    if (kind === 0) return STRINGS[Math.floor(random() * STRINGS.length)];
    if (kind === 1) return Math.round(random() * 1e6) / 100;
    if (kind === 2) return random() < 0.5;
    if (kind === 3) return null;
    return `${random() < 0.3 ? ":" : ""}t${Math.floor(random() * 100)}`;
  }
  if (pick < 0.6)
    return Array.from({ length: Math.floor(random() * 4) }, () => randomValue(random, depth + 1));
  const object: Record<string, unknown> = {};
  for (let i = Math.floor(random() * 4); i > 0; i--) {
    const key = random() < 0.2 ? `:k${i}` : `k${i}`;
    object[key] = random() < 0.1 ? undefined : randomValue(random, depth + 1);
  }
  return object;
}

describe("keyv codec", () => {
  it("writes exactly the text @keyv/serialize writes, and reads any such text back the same", () => {
    const random = seededRandom(13);
    let withColonStrings = 0;
    for (let i = 0; i < 5000; i++) {
      const data = {
        value: randomValue(random, 0),
        expires: random() < 0.5 ? 1_700_000_000_000 + i : undefined,
      };
      const text = defaultSerialize(data);
      if (text.includes('"::')) withColonStrings++;
      expect(serialize(data)).toBe(text);
      expect(deserialize(text)).toEqual(defaultDeserialize(text));
    }
    // The cases that need the default functions were well represented.
    expect(withColonStrings).toBeGreaterThan(500);
  });

  it("keeps a Buffer and a top-level string the way Keyv's default does", () => {
    const buffer = { value: Buffer.from([0, 1, 2]), expires: undefined };
    expect(serialize(buffer)).toBe(defaultSerialize(buffer));
    expect(deserialize<{ value: Buffer }>(serialize(buffer)).value).toEqual(Buffer.from([0, 1, 2]));
    expect(serialize(":top")).toBe(defaultSerialize(":top"));
    expect(deserialize(serialize(":top"))).toBe(":top");
    expect(serialize(undefined)).toBe("null");
  });
});
