import { describe, expect, it } from "vitest";
import { tokenize } from "../../src/search/normalize.ts";
import { removeStopPhrases } from "../../src/search/stop-phrases.ts";

const kept = (text: string) =>
  removeStopPhrases(tokenize(text))
    .map((t) => t.accented)
    .join(" ");

describe("stop phrases", () => {
  it("drops greetings, particles and question frames", () => {
    expect(kept("ad ơi cho em hỏi làm giấy khai sinh cần những giấy tờ gì ạ")).toBe("làm giấy khai sinh");
  });

  it("is accent-aware: cần goes, căn stays, unmarked can stays", () => {
    expect(kept("cần căn cước")).toBe("căn cước");
    expect(kept("lam can cuoc")).toBe("lam can cuoc");
  });

  it("drops requests for help and advice, but not the procedures named so", () => {
    expect(kept("kính gửi ủy ban, xin hướng dẫn làm khai tử")).toBe("ủy ban làm khai tử");
    expect(kept("nhờ anh chị tư vấn giúp em đăng ký tạm trú")).toBe("đăng kí tạm trú");
    expect(kept("cấp thẻ hướng dẫn viên du lịch")).toBe("cấp thẻ hướng dẫn viên du lịch");
    expect(kept("tư vấn pháp luật miễn phí")).toBe("tư vấn pháp luật miễn phí");
  });

  it("drops the channel (vneid, dịch vụ công) but keeps vneid as a topic", () => {
    expect(kept("đăng ký tạm trú trên vneid")).toBe("đăng kí tạm trú");
    expect(kept("nộp hồ sơ khai sinh qua dịch vụ công")).toBe("nộp hồ sơ khai sinh");
    expect(kept("tài khoản vneid bị khóa")).toBe("tài khoản vneid bị khóa");
  });

  it("keeps protected phrases such as trẻ em", () => {
    expect(kept("căn cước cho trẻ em")).toBe("căn cước cho trẻ em");
  });

  it("drops when-it-happened context and keeps vocabulary terms whole", () => {
    expect(kept("bà cụ mới mất tuần trước")).toBe("bà cụ mới mất");
    const sửaNhà = [tokenize("sửa nhà")];
    expect(
      removeStopPhrases(tokenize("xin phep sua nha"), sửaNhà)
        .map((t) => t.accented)
        .join(" "),
    ).toBe("xin phep sua nha");
    expect(kept("xin phep sua nha")).toBe("xin phep sua");
  });

  it("returns nothing for a message that is only chatter", () => {
    expect(kept("xin chào")).toBe("");
    expect(kept("cảm ơn ad nhé")).toBe("");
  });
});
