import { describe, expect, it } from "vitest";
import { expandQuery } from "../../src/search/expand.ts";
import { tokenize } from "../../src/search/normalize.ts";

const means = (text: string) =>
  expandQuery(tokenize(text))
    .map((e) => e.tokens.map((t) => t.accented).join(" "))
    .sort();

describe("citizen vocabulary", () => {
  it("lets the longest term win over a shorter one it overlaps, not only one it contains", () => {
    // "sổ bhxh bị sai" (the insurance book) and "sai ngày sinh" (civil status) share "sai".
    expect(means("sổ bhxh bị sai ngày sinh")).toEqual(["điều chỉnh thông tin trên sổ bhxh thẻ bhyt"]);
    expect(means("đính chính sổ đỏ")).toEqual(["đính chính giấy chứng nhận đã cấp"]);
  });

  it("knows the old and everyday names citizens use", () => {
    expect(means("làm giấy hôn thú")).toEqual(["đăng kí kết hôn"]);
    expect(means("lam giay khai tu cho vo")).toEqual(["đăng kí khai tử"]);
    expect(means("xin llpt")).toEqual(["phiếu lí lịch tư pháp"]);
    expect(means("muon xin tro lai quoc tich")).toEqual(["trở lại quốc tịch việt nam"]);
  });

  it("reads a wrong detail in the residence data as a residence correction, not a civil-status one", () => {
    expect(means("thong tin cu tru sai ngay sinh")).toEqual(["điều chỉnh thông tin về cư trú"]);
    expect(means("giấy khai sinh sai ngày sinh")).not.toContain("điều chỉnh thông tin về cư trú");
  });

  it("reads a lost business licence as its re-issue, and names the tax registration paper", () => {
    expect(means("mất giấy phép kinh doanh hộ cá thể")).toContain(
      "cấp lại giấy chứng nhận đăng kí hộ kinh doanh",
    );
    expect(means("mở tiệm cần giấy phép kinh doanh")).toEqual(["đăng kí thành lập hộ kinh doanh"]);
    expect(means("mat giay chung nhan dang ky thue")).toEqual([
      "giấy chứng nhận đăng kí thuế thông báo mã số thuế",
    ]);
    expect(means("làm kt3")).toEqual(["đăng kí tạm trú"]);
    expect(means("giấy xác nhận chưa vợ")).toEqual(["xác nhận tình trạng hôn nhân"]);
    expect(means("công chứng giấy ủy quyền")).toEqual(["chứng thực chữ kí"]);
    expect(means("mở tiệm tạp hóa")).toEqual(["đăng kí thành lập hộ kinh doanh"]);
    expect(means("thêm tên vợ vào sổ đỏ")).toEqual(["đăng kí biến động chuyển nhượng quyền sử dụng đất"]);
    expect(means("đổi tên trên sổ hồng")).toEqual([
      "đăng kí biến động đổi tên thay đổi thông tin về người sử dụng đất",
    ]);
    expect(means("đổi tên trên sổ đỏ")).toEqual([
      "đăng kí biến động đổi tên thay đổi thông tin về người sử dụng đất",
    ]);
    expect(means("sửa dân tộc")).toEqual(["thay đổi cải chính bổ sung thông tin hộ tịch"]);
    expect(means("đăng ký xe máy điện")).toEqual(["đăng kí cấp biển số xe lần đầu"]);
    expect(means("mua đất giấy tay")).toEqual([
      "cấp giấy chứng nhận đã chuyển quyền sử dụng đất chưa thực hiện thủ tục chuyển quyền",
    ]);
    // the longer term wins: adopting a child is not acknowledging one
    expect(means("nhận con nuôi")).toEqual(["nuôi con nuôi"]);
    expect(means("nhận con với chồng")).toEqual(["nhận cha mẹ con"]);
    expect(means("bằng lái quốc tế")).toEqual(["giấy phép lái xe quốc tế"]);
    expect(means("gia hạn visa")).toEqual(["gia hạn tạm trú người nước ngoài"]);
  });

  it("reads short abbreviations only inside phrases (ks, kt, hk, cc, pp), and tthn / xntthn alone", () => {
    expect(means("lam ks cho be")).toEqual(["đăng kí khai sinh"]);
    expect(means("ks cho con")).toEqual(["đăng kí khai sinh"]);
    expect(means("doi cc")).toEqual(["thẻ căn cước"]);
    expect(means("pp het han")).toEqual(["hộ chiếu phổ thông"]);
    expect(means("dang ky kt cho ba")).toEqual(["đăng kí khai tử"]);
    expect(means("chuyen hk ve nha moi")).toEqual(["đăng kí thường trú"]);
    expect(means("xin giay xntthn")).toEqual(["xác nhận tình trạng hôn nhân"]);
    expect(means("lam giay tthn")).toEqual(["xác nhận tình trạng hôn nhân"]);
    // a bare short token is not read as an abbreviation
    expect(means("ks 5 sao")).toEqual([]);
    expect(means("hk 2")).toEqual([]);
    expect(means("cc")).toEqual([]);
    expect(means("pp 3 lop")).toEqual([]);
  });

  it("reads 'ghi chú' a marriage or divorce as recording it in the civil-status book", () => {
    expect(means("ghi chu ket hon")).toContain("ghi vào sổ hộ tịch việc kết hôn");
    // "ly" is spelt "li" once the i/y spellings are unified
    expect(means("muốn ghi chú ly hôn ở việt nam")).toContain("ghi vào sổ hộ tịch việc li hôn");
  });

  it("reads 'khắc dấu lại' (the act first, 'lại' after its object) as registering the seal again", () => {
    expect(means("khắc dấu lại cho công ty")).toContain("đăng kí lại mẫu con dấu");
    expect(means("khắc dấu cho công ty mới")).not.toContain("đăng kí lại mẫu con dấu");
  });

  it("reads returning the plate ('nộp lại biển số') as withdrawing the registration, not a first plate", () => {
    expect(means("xe hu muon huy, nop lai bien so")).toContain("thu hồi chứng nhận đăng kí xe biển số xe");
    expect(means("nop lai bien so")).not.toContain("đăng kí cấp biển số xe lần đầu");
  });

  it("knows the words for seals, fishing vessels, forces' driving licences and vehicle withdrawal", () => {
    expect(means("con dau bi mat")).toEqual(["đăng kí lại mẫu con dấu"]);
    expect(means("khac con dau")).toEqual(["đăng kí mẫu con dấu"]);
    expect(means("tau danh ca")).toEqual(["tàu cá"]);
    expect(means("bang lai quan su")).toEqual(["đổi giấy phép lái xe quân sự do bộ quốc phòng cấp"]);
    expect(means("xe ban phe lieu")).toEqual(["thu hồi chứng nhận đăng kí xe biển số xe"]);
    expect(means("bien so bi mo")).toEqual(["đổi chứng nhận đăng kí xe biển số xe"]);
    expect(means("sang ten chinh chu")).toEqual(["đăng kí sang tên xe thay đổi chủ xe"]);
    // the longer withdrawal phrase wins over "biển số" (a first registration)
    expect(means("thu hoi dang ky bien so")).toEqual(["thu hồi chứng nhận đăng kí xe biển số xe"]);
    expect(means("mat so hong")).toEqual(["cấp lại giấy chứng nhận do bị mất"]);
    expect(means("tai khoan dinh danh dien tu muc do 1")).toEqual(["tài khoản định danh điện tử mức độ 01"]);
  });

  it("leaves a wrong detail ('sai ngày sinh') to the correction cue, not to the civil-status vocabulary", () => {
    // the residence data, not the birth register: "sai ngày sinh" alone adds nothing; the
    // residence term names the residence correction
    expect(means("sai ngay sinh")).toEqual([]);
    expect(means("thong tin cu tru sai ngay sinh")).toEqual(["điều chỉnh thông tin về cư trú"]);
    expect(means("sửa ngày sinh")).toEqual(["thay đổi cải chính bổ sung thông tin hộ tịch"]);
  });
});
