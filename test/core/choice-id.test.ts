import { describe, expect, it } from "vitest";
import {
  type ChoiceAction,
  choiceId,
  MAX_CHOICE_ID_BYTES,
  menuIds,
  parseChoiceId,
} from "../../src/core/choice-id.ts";

const actions: ChoiceAction[] = [
  { kind: "menu", item: "lookup" },
  { kind: "menu", item: "feedback" },
  { kind: "menu", item: "subscribe" },
  { kind: "menu", item: "contact" },
  { kind: "procedure", code: "1.001193" },
  { kind: "procedure", code: "1.001193", via: "browse" },
  { kind: "procedure", code: "1.001193", via: "clarify" },
  { kind: "procedure", code: "3.000722", via: "related" },
  { kind: "checklist", code: "1.004222" },
  { kind: "checklist", code: "1.004222", caseIndex: 6 },
  { kind: "tick", code: "1.004222", caseIndex: 6, paperIndex: 12 },
  { kind: "checklistDelete", code: "1.004222" },
  { kind: "fields", page: 3 },
  { kind: "field", slug: "ho-tich", page: 2 },
  { kind: "vote", code: "1.001193", vote: "up" },
  { kind: "vote", code: "1.001193", vote: "down" },
  { kind: "language", locale: "en" },
];

describe("choice ids", () => {
  it("round-trip every action and stay within 64 bytes", () => {
    for (const action of actions) {
      const id = choiceId(action);
      expect(Buffer.byteLength(id)).toBeLessThanOrEqual(MAX_CHOICE_ID_BYTES);
      expect(parseChoiceId(id)).toEqual(action);
    }
  });

  it("keep the welcome menu ids stable for the flows that plug in later", () => {
    expect(menuIds).toEqual({
      lookup: "m:lookup",
      feedback: "m:feedback",
      subscribe: "m:subscribe",
      contact: "m:contact",
    });
    expect(choiceId({ kind: "procedure", code: "1.001193" })).toBe("p:1.001193");
    expect(choiceId({ kind: "checklist", code: "1.001193", caseIndex: 0 })).toBe("ck:1.001193:0");
  });

  it("refuse garbage, forged and oversized ids", () => {
    for (const id of [
      "",
      "p:",
      "p:1.00119",
      "p:1.0011933",
      "p:1.001193:x",
      "p:../../etc",
      "ck:1.001193:-1",
      "ck:1.001193:1234",
      "tk:1.001193:0",
      "b:Hộ tịch:0",
      "b:ho-tich:",
      "v:x:1.001193",
      "l:fr",
      "m:admin",
      "P:1.001193",
      " p:1.001193",
      "p:1.001193\n",
      `b:${"a".repeat(70)}:0`,
      "<script>",
    ]) {
      expect(parseChoiceId(id), id).toBeNull();
    }
    expect(parseChoiceId(undefined as unknown as string)).toBeNull();
  });
});
