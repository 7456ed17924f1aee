import { describe, expect, it } from "vitest";
import { smallTalk } from "../../src/core/small-talk.ts";

describe("smallTalk", () => {
  it("recognises thanks, acknowledgements, goodbyes and 'who are you', as citizens type them", () => {
    const cases: [string, string][] = [
      ["cảm ơn", "thanks"],
      ["Cám ơn ad nhiều ạ!", "thanks"],
      ["cam on ban nhe", "thanks"],
      ["dạ em cảm ơn ạ", "thanks"],
      ["ok cam on", "thanks"],
      ["thanks", "thanks"],
      ["tks ad", "thanks"],
      ["ok", "ack"],
      ["Dạ vâng", "ack"],
      ["vâng ạ", "ack"],
      ["uh", "ack"],
      ["em hiểu rồi ạ", "ack"],
      ["được rồi", "ack"],
      ["có ạ", "ack"],
      ["tạm biệt", "bye"],
      ["bye bot", "bye"],
      ["bạn là ai", "who"],
      ["ad oi ban la nguoi that a", "who"],
      ["em la bot a", "who"],
      ["who are you?", "who"],
      ["bạn là ai vậy", "who"],
    ];
    for (const [text, kind] of cases) expect(smallTalk(text), text).toBe(kind);
  });

  it("leaves alone a message that asks anything more", () => {
    for (const text of [
      "cảm ơn, cho em hỏi thêm làm cccd ở đâu",
      "ok làm cccd ở đâu",
      "đăng ký kết hôn",
      "dạ em muốn hỏi về sổ đỏ",
      "vâng thế phí bao nhiêu",
      "ai được làm giấy khai sinh cho con",
      "xin chào",
      "",
      "cảm ơn ".repeat(20),
    ]) {
      expect(smallTalk(text), text).toBeNull();
    }
  });
});
