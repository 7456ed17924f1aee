import { describe, expect, it } from "vitest";
import { detectAspect } from "../../src/search/aspect.ts";
import { tokenize } from "../../src/search/normalize.ts";

const aspect = (text: string) => detectAspect(tokenize(text));

describe("aspect", () => {
  it("detects what the question asks about", () => {
    expect(aspect("làm hộ chiếu hết bao nhiêu tiền")).toBe("fee");
    expect(aspect("lam ho chieu mat bao lau")).toBe("time");
    expect(aspect("đăng ký kết hôn cần giấy tờ gì")).toBe("papers");
    expect(aspect("giấy độc thân làm ở đâu")).toBe("place");
    expect(aspect("đăng ký thường trú online được không")).toBe("online");
    expect(aspect("căn cứ pháp lý của thủ tục khai sinh")).toBe("legal");
    expect(aspect("làm khai sinh như thế nào")).toBe("steps");
  });

  it("reads 'when do I get the result' as a question about time", () => {
    expect(aspect("bao giờ thì có kết quả")).toBe("time");
    expect(aspect("khi nao thi nhan duoc ket qua")).toBe("time");
    expect(aspect("nộp rồi bao giờ lấy được sổ")).toBe("time");
    expect(aspect("kết quả nhận được gì")).toBe("result");
  });

  it("does not take procedure words for an aspect", () => {
    expect(aspect("thuế sử dụng đất phi nông nghiệp")).toBeNull();
    expect(aspect("đăng ký khai sinh")).toBeNull();
  });
});
