import { describe, expect, it } from "vitest";
import {
  cueFactor,
  detectCues,
  nameVariants,
  nationalityPositions,
  plainSiblingName,
} from "../../src/search/cues.ts";
import { tokenize } from "../../src/search/normalize.ts";

const cues = (text: string) => [...detectCues(tokenize(text))].sort();

describe("sibling cues", () => {
  it("names the plain sibling of a foreign-element variant the query asks for", () => {
    const foreign = new Set(["foreign"] as const);
    expect(plainSiblingName("thu tuc dang ky khai tu co yeu to nuoc ngoai", foreign)).toBe(
      "thu tuc dang ky khai tu",
    );
    expect(plainSiblingName("thu tuc dang ky khai tu co yeu to nuoc ngoai", new Set())).toBeNull();
    expect(plainSiblingName("thu tuc dang ky khai tu", foreign)).toBeNull();
  });

  it("finds a person's nationality after 'người' or 'quốc tịch', not a brother ('người anh')", () => {
    const at = (q: string) => [...nationalityPositions(tokenize(q))].sort((a, b) => a - b);
    expect(at("khai tu vo nguoi trung quoc")).toEqual([4, 5]);
    expect(at("vợ em quốc tịch hàn quốc")).toEqual([2, 3, 4, 5]);
    expect(at("chồng em người nhật")).toEqual([3]);
    expect(at("nhap quoc tich cho chong nguoi anh")).toEqual([]);
  });

  it("reads 'mất ở vn' as died in Vietnam, not as a lost paper", () => {
    expect(detectCues(tokenize("khai tu cho me chong nguoi uc mat o vn")).has("lost")).toBe(false);
    expect(detectCues(tokenize("giay khai sinh bi mat o vn")).has("lost")).toBe(true);
  });

  it("takes travelling or working abroad for no foreign element of the paper", () => {
    const foreign = (q: string) => detectCues(tokenize(q)).has("foreign");
    expect(foreign("bang lai het han vi em di cong tac nuoc ngoai, muon doi bang lai")).toBe(false);
    expect(foreign("lam bang lai quoc te de lai xe o nuoc ngoai")).toBe(false);
    expect(foreign("khai sinh cho con sinh o nuoc ngoai")).toBe(true);
    expect(foreign("ket hon voi nguoi nuoc ngoai")).toBe(true);
  });

  it("reads an unmarked 'mo' as 'mở' (mở quán), not as a faded paper", () => {
    expect(detectCues(tokenize("dinh mo quan ban tra sua")).has("damaged")).toBe(false);
    expect(detectCues(tokenize("the can cuoc bi mo chu")).has("damaged")).toBe(true);
    expect(detectCues(tokenize("thẻ căn cước mờ chữ")).has("damaged")).toBe(true);
  });

  it("reads cues from the question", () => {
    expect(cues("mất căn cước")).toEqual(["lost"]);
    expect(cues("làm lại căn cước")).toEqual(["reissue"]);
    expect(cues("chuyển đổi công ty tnhh thành cổ phần")).toEqual(["convert"]);
    expect(cues("cccd hết hạn")).toEqual(["exchange", "extend"]);
    expect(cues("làm sổ đỏ lần đầu")).toEqual(["first"]);
    expect(cues("kết hôn với người hàn quốc")).toEqual(["foreign"]);
    expect(cues("cắt hộ khẩu")).toEqual(["delete"]);
    expect(cues("làm căn cước cho con 5 tuổi")).toEqual(["under14"]);
  });

  it("reads 'trẻ em' without an age as a child: the ID card's over-14 sibling loses, a passport does not", () => {
    expect(cues("làm hộ chiếu cho trẻ em")).toEqual(["child"]);
    const child = detectCues(tokenize("làm hộ chiếu cho trẻ em"));
    expect(cueFactor(child, nameVariants("Cấp hộ chiếu phổ thông ở trong nước"))).toBe(1);
    expect(cueFactor(child, nameVariants("Cấp thẻ căn cước cho người dưới 14 tuổi"))).toBe(1);
    expect(cueFactor(child, nameVariants("Cấp thẻ căn cước cho người từ đủ 14 tuổi trở lên"))).toBeLessThan(
      1,
    );
    const aged = detectCues(tokenize("làm hộ chiếu cho con 5 tuổi"));
    expect(cueFactor(aged, nameVariants("Cấp hộ chiếu phổ thông ở trong nước"))).toBe(1);
    expect(cueFactor(aged, nameVariants("Cấp thẻ căn cước cho người dưới 14 tuổi"))).toBeGreaterThan(1);
  });

  it("reads every operation a name lists, and penalises an unasked list once", () => {
    const listed = nameVariants("Cấp lại, đổi, điều chỉnh thông tin trên sổ BHXH, thẻ BHYT");
    expect([...listed].sort()).toEqual(["amend", "exchange", "reissue"]);
    const none = detectCues(tokenize("thẻ bảo hiểm y tế"));
    expect(cueFactor(none, listed)).toBeCloseTo(cueFactor(none, nameVariants("Cấp lại thẻ bảo hiểm y tế")));
    const change = detectCues(tokenize("đổi thẻ bảo hiểm y tế"));
    expect(cueFactor(change, listed)).toBeGreaterThan(1);
  });

  it("does not read 'mất bao lâu' or 'bố mất' as a lost paper", () => {
    expect(cues("làm hộ chiếu mất bao lâu")).toEqual([]);
    expect(cues("bố mất làm giấy tờ gì")).toEqual([]);
    expect(cues("bố em mất rồi báo tử ở đâu")).toEqual([]);
    expect(cues("bà nội tôi mất tuần trước")).toEqual([]);
    expect(cues("em bị mất căn cước")).toEqual(["lost"]);
  });

  it("reads a damaged paper as asking for exchange or re-issue", () => {
    expect(cues("sổ đỏ bị rách")).toEqual(["damaged"]);
    expect(cues("cavet bi nat")).toEqual(["damaged"]);
    const damaged = detectCues(tokenize("thẻ căn cước bị hỏng"));
    const plain = detectCues(tokenize("thẻ căn cước"));
    for (const name of ["Cấp đổi thẻ căn cước", "Cấp lại thẻ căn cước"])
      expect(cueFactor(damaged, nameVariants(name))).toBeGreaterThan(cueFactor(plain, nameVariants(name)));
    expect(cueFactor(damaged, nameVariants("Cấp thẻ căn cước cho người từ đủ 14 tuổi trở lên"))).toBeLessThan(
      1,
    );
  });

  it("penalises a candidate doing none of several operation words once, not per word", () => {
    const renew = detectCues(tokenize("bằng lái hết hạn làm lại"));
    expect(cueFactor(renew, nameVariants("Cấp giấy phép lái xe"))).toBeCloseTo(0.7);
    expect(cueFactor(renew, nameVariants("Thu hồi giấy phép lái xe"))).toBeLessThan(0.7);
  });

  it("reads no exchange, extension or re-issue for a passport (a new one is issued), but a loss", () => {
    expect(cues("hộ chiếu hết hạn làm lại")).toEqual([]);
    expect(cues("passport hết hạn đổi ở đâu")).toEqual([]);
    expect(cues("mất hộ chiếu")).toEqual(["lost"]);
  });

  it("reads variants from procedure names", () => {
    expect([...nameVariants("Cấp lại thẻ căn cước")]).toEqual(["reissue"]);
    expect([...nameVariants("Thủ tục đăng ký khai sinh có yếu tố nước ngoài")]).toEqual(["foreign"]);
    expect([...nameVariants("Xóa đăng ký thường trú")]).toEqual(["delete"]);
    expect([...nameVariants("Chuyển đổi công ty trách nhiệm hữu hạn thành công ty cổ phần")]).toEqual([
      "convert",
    ]);
    expect([...nameVariants("Thủ tục rút yêu cầu trợ giúp pháp lý")]).toEqual(["withdraw"]);
  });

  it("rewards the asked sibling and penalises unasked variants", () => {
    const lost = detectCues(tokenize("mất căn cước"));
    expect(cueFactor(lost, nameVariants("Cấp lại thẻ căn cước"))).toBeGreaterThan(
      cueFactor(lost, nameVariants("Cấp đổi thẻ căn cước")),
    );
    const plain = detectCues(tokenize("đăng ký khai sinh"));
    expect(cueFactor(plain, nameVariants("Thủ tục đăng ký khai sinh"))).toBeGreaterThan(
      cueFactor(plain, nameVariants("Thủ tục đăng ký khai sinh lưu động")),
    );
  });

  it("reads 'ông ấy … mất' as died, and 'so hong' without marks as the pink certificate", () => {
    expect(cues("ông ấy mất hôm qua")).toEqual([]);
    expect(cues("ong ay mat o nha")).toEqual([]);
    expect(cues("chồng tôi người mỹ mất tại việt nam")).toEqual(["foreign"]);
    expect(cues("chong em la nguoi uc mat o viet nam")).toEqual(["foreign"]);
    expect(cues("bà nội mất ở quê")).toEqual([]);
    expect(cues("căn cước bị mất tại chợ")).toEqual(["lost"]);
    expect(cues("mat so hong")).toEqual(["lost"]);
    expect(cues("sổ hỏng")).toEqual(["damaged"]);
  });

  it("reads no foreign element from a country name inside an ordinary word", () => {
    expect(cues("cập nhật thông tin")).toEqual(["amend"]);
    expect(cues("lý lịch tư pháp")).toEqual([]);
    expect(cues("chủ nhật có làm việc không")).toEqual([]);
    expect(cues("vợ người nhật")).toEqual(["foreign"]);
  });

  it("reads a Korean spouse or stay ('lấy chồng người hàn', 'sang hàn') as foreign, not a weld or a mend", () => {
    expect(cues("em lay chong nguoi han, be sinh o seoul")).toEqual(["foreign"]);
    expect(cues("vợ em đi làm bên hàn")).toEqual(["foreign"]);
    expect(cues("thợ hàn xì")).toEqual([]);
    expect(cues("hàn gắn tình cảm")).toEqual([]);
  });

  it("reads a paper written wrong as asking for its correction (cải chính, đính chính, or amendment)", () => {
    expect(cues("so do bi ghi sai ten")).toEqual(["correct"]);
    // which detail is wrong, on whatever paper
    expect(cues("thong tin cu tru sai ngay sinh")).toEqual(["correct"]);
    const wrong = detectCues(tokenize("giấy khai sinh ghi sai ngày sinh"));
    expect(
      cueFactor(wrong, nameVariants("Thủ tục thay đổi, cải chính, bổ sung thông tin hộ tịch")),
    ).toBeGreaterThan(1);
    expect(cueFactor(wrong, nameVariants("Thủ tục đăng ký khai sinh"))).toBeLessThan(1);
    expect(cueFactor(wrong, nameVariants("Đính chính Giấy chứng nhận đã cấp."))).toBeGreaterThan(
      cueFactor(wrong, nameVariants("Cấp đổi Giấy chứng nhận quyền sử dụng đất")),
    );
    expect(
      cueFactor(wrong, nameVariants("Cấp lại, đổi, điều chỉnh thông tin trên sổ BHXH, thẻ BHYT")),
    ).toBeGreaterThan(1);
  });

  it("counts 'Cấp, cấp lại …' as a first issue, and a temporary registration only when asked", () => {
    const first = detectCues(tokenize("xin giấy phép khai thác thủy sản lần đầu"));
    expect(cueFactor(first, nameVariants("Cấp, cấp lại Giấy phép khai thác thủy sản"))).toBeGreaterThan(1);
    // … and is no special case when no operation is asked
    expect(
      cueFactor(
        detectCues(tokenize("giấy phép khai thác thủy sản")),
        nameVariants("Cấp, cấp lại Giấy phép khai thác thủy sản"),
      ),
    ).toBe(1);
    const plain = detectCues(tokenize("đăng ký tàu cá"));
    expect(cueFactor(plain, nameVariants("Cấp giấy chứng nhận đăng ký tàu cá"))).toBeGreaterThan(
      cueFactor(plain, nameVariants("Cấp giấy chứng nhận đăng ký tạm thời tàu cá")),
    );
    const temporary = detectCues(tokenize("đăng ký xe tạm thời"));
    expect(cueFactor(temporary, nameVariants("Đăng ký xe tạm thời"))).toBeGreaterThan(1);
    // a suspension is temporary too
    expect(
      cueFactor(detectCues(tokenize("ngừng kinh doanh tạm thời")), nameVariants("Tạm ngừng kinh doanh")),
    ).toBeGreaterThan(1);
  });
});
