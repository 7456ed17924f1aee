import { describe, expect, it } from "vitest";
import type { z } from "zod";
import {
  botToken,
  httpUrl,
  integer,
  oneOf,
  shown,
  staffList,
  webhookSecret,
} from "../../src/config/env-values.ts";

const issue = (schema: z.ZodType, value: string) => {
  const result = schema.safeParse(value);
  return result.success ? null : (result.error.issues[0]?.message ?? "");
};

describe("environment value schemas", () => {
  it("parse good values", () => {
    expect(integer("N", 1, 10, 5).parse(" 7 ")).toBe(7);
    expect(oneOf("M", ["polling", "webhook"] as const).parse("WEBHOOK")).toBe("webhook");
    expect(httpUrl("U", { httpsOnly: true, example: "https://x" }).parse("https://a.vn/bot/")).toBe(
      "https://a.vn/bot",
    );
    expect(botToken("T").parse("123:abc_DEF-9")).toBe("123:abc_DEF-9");
    expect(webhookSecret("S", 8).parse("abcdEFGH_-12")).toBe("abcdEFGH_-12");
    expect(staffList("L", /^\d+$/, "ids").parse("1, 2:SUPERVISOR ,,3:operator")).toEqual([
      { id: "1", role: "operator" },
      { id: "2", role: "supervisor" },
      { id: "3", role: "operator" },
    ]);
  });

  it("refuse bad values with the variable's name", () => {
    expect(issue(integer("N", 1, 10, 5), "11")).toMatch(
      /^N must be a whole number between 1 and 10, got '11'/,
    );
    expect(issue(integer("N", 1, 10, 5), "-1")).toMatch(/^N /);
    expect(issue(httpUrl("U", { httpsOnly: false, example: "http://x" }), "http://u:p@host")).toMatch(
      /credentials/,
    );
    expect(issue(httpUrl("U", { httpsOnly: false, example: "http://x" }), "https://host/?a=1")).toMatch(
      /query/,
    );
    expect(issue(botToken("T"), "123:abc def")).toMatch(/^T does not look like a bot token/);
    expect(issue(webhookSecret("S", 8), "short")).toMatch(/^S must be 8 to 256/);
    expect(issue(staffList("L", /^\d+$/, "ids"), "1,x")).toMatch(/got 'x'/);
    expect(issue(staffList("L", /^\d+$/, "ids"), "1:a:b")).toMatch(/got '1:a:b'/);
  });

  it("show long or odd values shortened and escaped", () => {
    expect(shown("a".repeat(50))).toBe(`'${"a".repeat(40)}…'`);
    expect(shown("tab\there")).toBe("'tab\\there'");
  });
});
