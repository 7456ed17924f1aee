import { describe, expect, it } from "vitest";
import { renderReplies, TELEGRAM_CAPTION_LIMIT } from "../../../src/channels/telegram/render.ts";

describe("renderReplies", () => {
  it("renders headings bold, lists with bullets, checklists with boxes and links as anchors", () => {
    const { messages } = renderReplies([
      {
        kind: "message",
        blocks: [
          { kind: "heading", text: "Đăng ký khai sinh" },
          { kind: "paragraph", text: "Mã thủ tục: 1.001193" },
          { kind: "list", items: ["Tờ khai", "Giấy chứng sinh"] },
          { kind: "list", items: ["Nộp hồ sơ", "Nhận kết quả"], ordered: true },
          {
            kind: "checklist",
            items: [
              { text: "Tờ khai", done: true },
              { text: "CCCD", done: false },
            ],
          },
          {
            kind: "link",
            label: "Xem trên Cổng DVC",
            url: 'https://dichvucong.gov.vn/p/home?ma=1.001193&x="y"',
          },
        ],
      },
    ]);
    expect(messages).toEqual([
      {
        method: "sendMessage",
        text: [
          "<b>Đăng ký khai sinh</b>",
          "Mã thủ tục: 1.001193",
          "",
          "• Tờ khai\n• Giấy chứng sinh",
          "",
          "1. Nộp hồ sơ\n2. Nhận kết quả",
          "",
          "☑ Tờ khai\n☐ CCCD",
          "",
          '<a href="https://dichvucong.gov.vn/p/home?ma=1.001193&amp;x=&quot;y&quot;">Xem trên Cổng DVC</a>',
        ].join("\n"),
      },
    ]);
  });

  it("escapes HTML and leaves Markdown as typed, in every kind of block", () => {
    const evil = `<b>x</b> & <a href="javascript:alert(1)">*y*</a> _z_`;
    const { messages } = renderReplies([
      {
        kind: "message",
        blocks: [
          { kind: "heading", text: evil },
          { kind: "paragraph", text: evil },
          { kind: "list", items: [evil] },
          { kind: "checklist", items: [{ text: evil, done: false }] },
          { kind: "link", label: evil, url: "https://example.gov.vn/<x>" },
          { kind: "link", label: "lạ", url: "javascript:alert(1)" },
        ],
      },
    ]);
    const text = (messages[0] as { text: string }).text;
    const escaped = '&lt;b&gt;x&lt;/b&gt; &amp; &lt;a href="javascript:alert(1)"&gt;*y*&lt;/a&gt; _z_';
    expect(text).toContain(`<b>${escaped}</b>`);
    expect(text).toContain(`• ${escaped}`);
    expect(text).toContain(`☐ ${escaped}`);
    expect(text).toContain(`<a href="https://example.gov.vn/&lt;x&gt;">${escaped}</a>`);
    // A scheme Telegram should not open is shown as text.
    expect(text).toContain("lạ: javascript:alert(1)");
    // The only tags left are ours.
    expect(text.match(/<[^>]+>/g)).toEqual([
      "<b>",
      "</b>",
      '<a href="https://example.gov.vn/&lt;x&gt;">',
      "</a>",
    ]);
  });

  it("puts choices on the last message as an inline keyboard, two per row when labels are short", () => {
    const { messages } = renderReplies([
      {
        kind: "message",
        blocks: [{ kind: "paragraph", text: "Bạn muốn hỏi thủ tục nào?" }],
        choices: [
          { id: "m:lookup", label: "Tra cứu" },
          { id: "m:feedback", label: "Phản ánh" },
          { id: "m:contact", label: "Liên hệ" },
        ],
      },
    ]);
    expect(messages).toEqual([
      {
        method: "sendMessage",
        text: "Bạn muốn hỏi thủ tục nào?",
        replyMarkup: {
          inline_keyboard: [
            [{ text: "Tra cứu", callback_data: "m:lookup" }],
            [
              { text: "Phản ánh", callback_data: "m:feedback" },
              { text: "Liên hệ", callback_data: "m:contact" },
            ],
          ],
        },
      },
    ]);
    const long = renderReplies([
      {
        kind: "message",
        blocks: [{ kind: "paragraph", text: "Chọn" }],
        choices: [
          { id: "p:1.001193", label: "Đăng ký khai sinh cho trẻ em" },
          { id: "p:2.000001", label: "Ngắn" },
          { id: "v:u:1.001193", label: "👍 Có ích" },
          { id: "v:d:1.001193", label: "👎 Chưa đúng" },
        ],
      },
    ]).messages[0] as { replyMarkup: { inline_keyboard: { text: string }[][] } };
    expect(long.replyMarkup.inline_keyboard.map((row) => row.map((b) => b.text))).toEqual([
      ["Đăng ký khai sinh cho trẻ em"],
      ["Ngắn"],
      ["👍 Có ích", "👎 Chưa đúng"],
    ]);
  });

  it("leaves out (and reports) a choice whose id cannot be callback data", () => {
    const { messages, rejectedChoices } = renderReplies([
      {
        kind: "message",
        blocks: [{ kind: "paragraph", text: "Chọn" }],
        choices: [
          { id: "p:1.001193", label: "Khai sinh" },
          { id: "x".repeat(65), label: "Quá dài" },
          { id: "có dấu", label: "Có dấu" },
        ],
      },
    ]);
    expect(rejectedChoices.map((c) => c.label)).toEqual(["Quá dài", "Có dấu"]);
    expect(messages[0]).toMatchObject({
      replyMarkup: { inline_keyboard: [[{ text: "Khai sinh", callback_data: "p:1.001193" }]] },
    });
  });

  it("splits a long reply within the limit at block boundaries, keyboard on the last part", () => {
    const paragraph = (n: number) => ({
      kind: "paragraph" as const,
      text: `Đoạn ${n}: ${"giấy tờ ".repeat(60)}`.trim(),
    });
    const blocks = Array.from({ length: 20 }, (_, i) => paragraph(i));
    const { messages } = renderReplies([
      { kind: "message", blocks, choices: [{ id: "v:u:1.001193", label: "👍" }] },
    ]);
    expect(messages.length).toBeGreaterThan(1);
    for (const m of messages) {
      const text = (m as { text: string }).text;
      expect(text.length).toBeLessThanOrEqual(4096);
      // Each part starts at a block.
      expect(text.startsWith("Đoạn ")).toBe(true);
    }
    expect(messages.slice(0, -1).every((m) => !("replyMarkup" in m))).toBe(true);
    expect(messages.at(-1)).toHaveProperty("replyMarkup");
    const all = messages.map((m) => (m as { text: string }).text).join("\n\n");
    expect(all).toBe(blocks.map((b) => b.text).join("\n\n"));
  });

  it("cuts a 10,000-character paragraph between words and never inside an entity or a tag", () => {
    const words = Array.from({ length: 2000 }, (_, i) => (i % 7 === 0 ? "a&b" : `từ${i}`));
    const { messages } = renderReplies([
      {
        kind: "message",
        blocks: [
          { kind: "heading", text: `Tiêu đề <dài> ${"x ".repeat(2100)}` },
          { kind: "paragraph", text: words.join(" ") },
        ],
      },
    ]);
    const texts = messages.map((m) => (m as { text: string }).text);
    expect(texts.length).toBeGreaterThan(2);
    for (const text of texts) {
      expect(text.length).toBeLessThanOrEqual(4096);
      // No broken entity: every & starts a whole entity.
      expect(text.replace(/&(amp|lt|gt|quot);/g, "")).not.toContain("&");
      // Tags are balanced in each message.
      expect((text.match(/<b>/g) ?? []).length).toBe((text.match(/<\/b>/g) ?? []).length);
    }
    const plain = texts
      .join(" ")
      .replace(/<\/?b>/g, "")
      .replace(/&amp;/g, "&")
      .split(/\s+/);
    // No word was cut: every word of the paragraph is there whole.
    for (const word of words) expect(plain).toContain(word);
  });

  it("keeps a heading with the block that follows it when the block moves to a new message", () => {
    const { messages } = renderReplies(
      [
        {
          kind: "message",
          blocks: [
            { kind: "paragraph", text: "x".repeat(60) },
            { kind: "heading", text: "Lệ phí" },
            { kind: "paragraph", text: "y".repeat(50) },
          ],
        },
      ],
      100,
    );
    expect(messages.map((m) => (m as { text: string }).text)).toEqual([
      "x".repeat(60),
      `<b>Lệ phí</b>\n${"y".repeat(50)}`,
    ]);
  });

  it("sends a photo with an escaped caption, or the caption as text when it is too long", () => {
    expect(
      renderReplies([{ kind: "photo", url: "https://example.gov.vn/a.jpg", caption: "Mẫu <tờ khai>" }])
        .messages,
    ).toEqual([
      { method: "sendPhoto", photo: "https://example.gov.vn/a.jpg", caption: "Mẫu &lt;tờ khai&gt;" },
    ]);
    const long = "chữ ".repeat(TELEGRAM_CAPTION_LIMIT);
    const { messages } = renderReplies([
      { kind: "photo", url: "https://example.gov.vn/a.jpg", caption: long },
    ]);
    expect(messages[0]).toEqual({ method: "sendPhoto", photo: "https://example.gov.vn/a.jpg" });
    expect(messages.slice(1).every((m) => m.method === "sendMessage")).toBe(true);
  });

  it("renders emoji-only and empty replies sensibly", () => {
    expect(
      renderReplies([{ kind: "message", blocks: [{ kind: "paragraph", text: "👍🏽👨‍👩‍👧" }] }]).messages,
    ).toEqual([{ method: "sendMessage", text: "👍🏽👨‍👩‍👧" }]);
    expect(renderReplies([{ kind: "message", blocks: [] }]).messages).toEqual([]);
  });
});
