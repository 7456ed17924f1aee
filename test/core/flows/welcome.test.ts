import { describe, expect, it } from "vitest";
import { harness, replyText } from "../support.ts";

describe("welcome", () => {
  it("tells a citizen whose phone speaks another language how to switch, without switching", async () => {
    const h = harness();
    const english = replyText(await h.send({ kind: "start", languageHint: "en-GB" }));
    expect(english).toContain("Xin chào!");
    expect(english).toContain("English: type /lang en");
    const vietnamese = replyText(await h.send({ kind: "start", languageHint: "vi" }));
    expect(vietnamese).not.toContain("/lang");
    const none = replyText(await h.send({ kind: "start" }));
    expect(none).not.toContain("/lang");
  });
});
