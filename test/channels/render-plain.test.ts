import { describe, expect, it } from "vitest";
import {
  renderBlocks,
  renderChoices,
  renderPhotoPlain,
  renderPlain,
  renderReplyPlain,
} from "../../src/channels/render-plain.ts";

const HINT = "Bạn trả lời bằng số để chọn.";

describe("renderPlain", () => {
  it("renders a procedure answer: heading, paragraph, checklist, link", () => {
    const text = renderPlain(
      {
        kind: "message",
        blocks: [
          { kind: "heading", text: "Đăng ký khai sinh" },
          { kind: "paragraph", text: "Giấy tờ cần mang:" },
          {
            kind: "checklist",
            items: [
              { text: "Tờ khai đăng ký khai sinh", done: false },
              { text: "Giấy chứng sinh", done: true },
            ],
          },
          { kind: "link", label: "Xem trên Cổng Dịch vụ công", url: "https://dichvucong.gov.vn/p/home" },
        ],
      },
      { choiceHint: HINT },
    );
    expect(text).toBe(
      [
        "Đăng ký khai sinh",
        "Giấy tờ cần mang:",
        "",
        "☐ Tờ khai đăng ký khai sinh",
        "☑ Giấy chứng sinh",
        "",
        "Xem trên Cổng Dịch vụ công: https://dichvucong.gov.vn/p/home",
      ].join("\n"),
    );
  });

  it("numbers the choices and ends with the hint line", () => {
    const text = renderPlain(
      {
        kind: "message",
        blocks: [{ kind: "paragraph", text: "Bạn muốn hỏi thủ tục nào?" }],
        choices: [
          { id: "p:1.001", label: "Đăng ký khai sinh" },
          { id: "p:1.002", label: "Đăng ký khai sinh có yếu tố nước ngoài" },
          { id: "none", label: "Không phải các thủ tục trên" },
        ],
      },
      { choiceHint: HINT },
    );
    expect(text).toBe(
      [
        "Bạn muốn hỏi thủ tục nào?",
        "",
        "1. Đăng ký khai sinh",
        "2. Đăng ký khai sinh có yếu tố nước ngoài",
        "3. Không phải các thủ tục trên",
        HINT,
      ].join("\n"),
    );
  });

  it("renders choices alone when there are no blocks, and no hint without choices", () => {
    expect(
      renderPlain({ kind: "message", blocks: [], choices: [{ id: "y", label: "Có" }] }, { choiceHint: HINT }),
    ).toBe(`1. Có\n${HINT}`);
    expect(
      renderPlain(
        { kind: "message", blocks: [{ kind: "paragraph", text: "Xin chào." }] },
        { choiceHint: HINT },
      ),
    ).toBe("Xin chào.");
    expect(renderChoices([], HINT)).toBe("");
  });

  it("uses the hint given (the locale's), e.g. English", () => {
    expect(renderChoices([{ id: "a", label: "Yes" }], "Reply with the number.")).toBe(
      "1. Yes\nReply with the number.",
    );
    expect(renderChoices([{ id: "a", label: "Có" }], "  ")).toBe("1. Có");
  });

  it("renders bullet and ordered lists, ordered ones unlike choices", () => {
    expect(
      renderBlocks([
        { kind: "list", items: ["Nộp trực tiếp", "Nộp qua bưu chính", "Nộp trực tuyến"] },
        { kind: "list", items: ["Điền tờ khai", "Nộp hồ sơ"], ordered: true },
      ]),
    ).toBe("• Nộp trực tiếp\n• Nộp qua bưu chính\n• Nộp trực tuyến\n\n1) Điền tờ khai\n2) Nộp hồ sơ");
  });

  it("indents the continuation lines of a multi-line item", () => {
    expect(
      renderBlocks([{ kind: "checklist", items: [{ text: "Giấy tờ tùy thân\n(bản chính)", done: false }] }]),
    ).toBe("☐ Giấy tờ tùy thân\n  (bản chính)");
    expect(renderChoices([{ id: "a", label: "Một\nhai" }], HINT)).toBe(`1. Một\n   hai\n${HINT}`);
  });

  it("skips empty blocks and items, and shows a link without label as its URL", () => {
    expect(
      renderBlocks([
        { kind: "paragraph", text: "  " },
        { kind: "list", items: ["", "Một"] },
        { kind: "link", label: "", url: "https://vneid.gov.vn" },
        { kind: "checklist", items: [] },
      ]),
    ).toBe("• Một\n\nhttps://vneid.gov.vn");
  });

  it("keeps markup-like text from citizens and records as it is", () => {
    expect(renderBlocks([{ kind: "paragraph", text: "Phí *50.000* <b>đồng</b> & [x](y)" }])).toBe(
      "Phí *50.000* <b>đồng</b> & [x](y)",
    );
  });

  it("renders a photo reply as caption and URL", () => {
    expect(
      renderPhotoPlain({ kind: "photo", url: "https://example.org/mau.png", caption: "Mẫu tờ khai" }),
    ).toBe("Mẫu tờ khai\nhttps://example.org/mau.png");
    expect(
      renderReplyPlain({ kind: "photo", url: "https://example.org/mau.png" }, { choiceHint: HINT }),
    ).toBe("https://example.org/mau.png");
  });
});
