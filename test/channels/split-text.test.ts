import { describe, expect, it } from "vitest";
import { splitText } from "../../src/channels/split-text.ts";

const PARAGRAPH_1 =
  "Để đăng ký khai sinh cho con, bạn mang tờ khai theo mẫu và giấy chứng sinh do bệnh viện cấp.";
const PARAGRAPH_2 =
  "Nếu cha mẹ đã đăng ký kết hôn, mang thêm giấy chứng nhận kết hôn. Lệ phí: miễn khi đăng ký đúng hạn.";
const PARAGRAPH_3 =
  "Thời hạn giải quyết: ngay trong ngày làm việc. Nộp tại Ủy ban nhân dân cấp xã nơi cư trú.";

/** No whitespace-separated word may be lost or altered. */
function words(s: string): string[] {
  return s.split(/\s+/).filter((w) => w.length > 0);
}

function isLoneSurrogateAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff) {
    const next = s.charCodeAt(i + 1);
    return !(next >= 0xdc00 && next <= 0xdfff);
  }
  if (c >= 0xdc00 && c <= 0xdfff) {
    const prev = s.charCodeAt(i - 1);
    return !(prev >= 0xd800 && prev <= 0xdbff);
  }
  return false;
}

function hasLoneSurrogate(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (isLoneSurrogateAt(s, i)) return true;
  return false;
}

describe("splitText", () => {
  it("returns short text whole, and nothing for blank text", () => {
    expect(splitText(PARAGRAPH_1, 2000)).toEqual([PARAGRAPH_1]);
    expect(splitText("", 2000)).toEqual([]);
    expect(splitText(" \n\n ", 2000)).toEqual([]);
  });

  it("keeps text of exactly the limit in one chunk", () => {
    const text = "á".repeat(2000);
    expect(splitText(text, 2000)).toEqual([text]);
  });

  it("prefers a paragraph break over line and word breaks", () => {
    const text = `${PARAGRAPH_1}\nDòng thứ hai.\n\n${PARAGRAPH_2}`;
    const limit = PARAGRAPH_1.length + "\nDòng thứ hai.".length + 10;
    expect(splitText(text, limit)).toEqual([`${PARAGRAPH_1}\nDòng thứ hai.`, PARAGRAPH_2]);
  });

  it("packs the most paragraphs that fit into each chunk", () => {
    const text = [PARAGRAPH_1, PARAGRAPH_2, PARAGRAPH_3].join("\n\n");
    const limit = PARAGRAPH_1.length + 2 + PARAGRAPH_2.length;
    expect(splitText(text, limit)).toEqual([`${PARAGRAPH_1}\n\n${PARAGRAPH_2}`, PARAGRAPH_3]);
  });

  it("does not send a short heading alone: a line break that fills half the chunk wins", () => {
    const heading = "Thủ tục đăng ký khai sinh\nMã thủ tục: 1.001193";
    const papers = Array.from({ length: 12 }, (_, i) => `• Giấy tờ số ${i + 1}: bản chính để đối chiếu`);
    const text = `${heading}\n\n${papers.join("\n")}`;
    const chunks = splitText(text, 300);
    expect(chunks[0]?.startsWith(`${heading}\n\n• Giấy tờ số 1:`)).toBe(true);
    for (const chunk of chunks) {
      expect(chunk.length).toBeLessThanOrEqual(300);
      expect(chunk.length).toBeGreaterThanOrEqual(150);
    }
    // Cut only at line ends: every line arrives whole.
    expect(chunks.join("\n").split("\n").filter(Boolean)).toEqual(text.split("\n").filter(Boolean));
  });

  it("keeps a short paragraph on its own when only a word break would fill the chunk", () => {
    const text = `Lưu ý:\n\n${"Hồ sơ nộp trực tuyến trên Cổng Dịch vụ công quốc gia ".repeat(6).trim()}`;
    expect(splitText(text, 120)[0]).toBe("Lưu ý:");
  });

  it("falls back to a line break inside a long paragraph", () => {
    const lines = ["☐ Tờ khai đăng ký khai sinh", "☐ Giấy chứng sinh", "☐ Căn cước công dân của cha hoặc mẹ"];
    const text = lines.join("\n");
    const limit = lines[0]!.length + 1 + lines[1]!.length + 3;
    expect(splitText(text, limit)).toEqual([`${lines[0]}\n${lines[1]}`, lines[2]]);
  });

  it("falls back to a space inside a long line, never cutting a word", () => {
    const text = `${PARAGRAPH_1} ${PARAGRAPH_2} ${PARAGRAPH_3}`;
    const chunks = splitText(text, 50);
    expect(chunks.length).toBeGreaterThan(3);
    for (const chunk of chunks) {
      expect(chunk.length).toBeLessThanOrEqual(50);
      expect(chunk).toBe(chunk.trim());
    }
    expect(words(chunks.join(" "))).toEqual(words(text));
  });

  it("does not break at a no-break space", () => {
    const text = "Lệ phí 50.000\u00a0đồng";
    expect(splitText(text, 15)).toEqual(["Lệ phí", "50.000\u00a0đồng"]);
  });

  it("cuts a word longer than the limit, and only that word", () => {
    const url = `https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=${"1".repeat(40)}`;
    const text = `Xem thêm: ${url} nhé`;
    const chunks = splitText(text, 40);
    expect(chunks[0]).toBe("Xem thêm:");
    expect(chunks.at(-1)?.endsWith("nhé")).toBe(true);
    for (const chunk of chunks) expect(chunk.length).toBeLessThanOrEqual(40);
    // The URL is cut into full 40-unit pieces, which put back together give the URL.
    expect(chunks[1]).toHaveLength(40);
    expect(
      chunks
        .slice(1)
        .join("")
        .replace(/\s*nhé$/, ""),
    ).toBe(url);
  });

  it("never splits a surrogate pair, at any limit", () => {
    const text = `Cảm ơn bạn 🙏🙏🙏 ${"😀".repeat(30)} 🇻🇳 hẹn gặp lại 👋`;
    for (let limit = 2; limit <= 40; limit++) {
      const chunks = splitText(text, limit);
      for (const chunk of chunks) {
        expect(chunk.length).toBeLessThanOrEqual(limit);
        expect(hasLoneSurrogate(chunk)).toBe(false);
      }
      expect(words(chunks.join(" ")).join("")).toBe(words(text).join(""));
    }
  });

  it("keeps an emoji sequence whole when it fits", () => {
    const family = "👨‍👩‍👧‍👦"; // 11 UTF-16 units, one grapheme
    const text = `${family.repeat(3)}`;
    expect(splitText(text, 12)).toEqual([family, family, family]);
  });

  it("keeps NFD letters with their combining marks", () => {
    const nfd = "Nghịđịnhhướngdẫnthủtụchànhchính".normalize("NFD");
    for (let limit = 3; limit <= 12; limit++) {
      const chunks = splitText(nfd, limit);
      expect(chunks.join("")).toBe(nfd);
      for (const chunk of chunks) {
        expect(chunk.length).toBeLessThanOrEqual(limit);
        // A chunk never starts with a combining mark (U+0300–U+036F).
        expect(chunk).not.toMatch(/^[\u0300-\u036f]/);
      }
    }
  });

  it("splits NFD text at spaces like NFC text", () => {
    const nfc = `${PARAGRAPH_1} ${PARAGRAPH_2}`;
    const nfd = nfc.normalize("NFD");
    const chunks = splitText(nfd, 60);
    for (const chunk of chunks) expect(chunk.length).toBeLessThanOrEqual(60);
    expect(words(chunks.join(" ").normalize("NFC"))).toEqual(words(nfc));
  });

  it("splits a long Vietnamese reply at 2,000 units into chunks that all fit", () => {
    const paragraphs = Array.from({ length: 60 }, (_, i) => `${i + 1}. ${PARAGRAPH_2} ${PARAGRAPH_3}`);
    const text = paragraphs.join("\n\n");
    const chunks = splitText(text, 2000);
    expect(chunks.length).toBeGreaterThan(5);
    for (const chunk of chunks) {
      expect(chunk.length).toBeLessThanOrEqual(2000);
      // Cut only at paragraph breaks: every chunk starts a numbered paragraph.
      expect(chunk).toMatch(/^\d+\. /);
    }
    expect(chunks.join("\n\n")).toBe(text);
  });

  it("rejects a limit that cannot hold a code point", () => {
    expect(() => splitText("abc", 1)).toThrow(RangeError);
    expect(() => splitText("abc", 2.5)).toThrow(RangeError);
  });
});
