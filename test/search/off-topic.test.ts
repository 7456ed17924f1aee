import { describe, expect, it } from "vitest";
import { tokenize } from "../../src/search/normalize.ts";
import { missesTopic, offTopicWords } from "../../src/search/off-topic.ts";

const words = (text: string) => offTopicWords(tokenize(text));
const terms = (text: string) => new Set(tokenize(text).map((t) => t.accented));

describe("off-topic words", () => {
  it("finds prices, interest, medicine and job hunting", () => {
    expect(words("giá heo hơi hôm nay")).toEqual([["giá"]]);
    expect(words("lãi suất gửi tiết kiệm")).toEqual([
      ["lãi", "suất"],
      ["tiết", "kiệm"],
      ["gửi", "tiết", "kiệm"],
    ]);
    expect(words("thuốc hạ sốt cho trẻ em")).toEqual([["thuốc"], ["hạ", "sốt"]]);
  });

  it("finds medicine asked without marks as 'uong thuoc' (a bare 'thuoc' may be 'thuộc')", () => {
    expect(words("me em hay dau dau, nen uong thuoc gi")).toEqual([["uống", "thuốc"]]);
    expect(words("dat thuoc quy hoach")).toEqual([]);
  });

  it("needs the marks of a one-syllable word and skips a stated purpose", () => {
    expect(words("gia han tam tru")).toEqual([]);
    expect(words("thuoc dien ho ngheo")).toEqual([]);
    expect(words("lý lịch tư pháp để xin việc")).toEqual([]);
    expect(words("làm hộ chiếu giá bao nhiêu")).toEqual([]);
  });

  it("lets a candidate that is about the word through", () => {
    const price = words("thẩm định giá bán nhà ở xã hội");
    expect(missesTopic(price, terms("Thẩm định giá bán, giá thuê mua nhà ở xã hội"))).toBe(false);
    expect(
      missesTopic(words("giá đất ở quận 7"), terms("Xác định lại diện tích đất ở của hộ gia đình")),
    ).toBe(true);
  });

  it("finds market prices, bank cards and devices typed without marks", () => {
    expect(words("gia dat o quan 9 bao nhieu")).toEqual([["giá", "đất"]]);
    expect(words("gia vang sjc hom nay")).toEqual([["giá", "vàng"]]);
    expect(words("the atm bi nuot the quen ma pin")).toEqual([
      ["mã", "pin"],
      ["nuốt", "thẻ"],
    ]);
    expect(words("dien thoai bi chet may")).toEqual([["chết", "máy"]]);
    expect(words("xin tro cap xa hoi cho nguoi cao tuoi")).toEqual([
      ["trợ", "cấp", "xã", "hội"],
      ["người", "cao", "tuổi"],
    ]);
    // a pension paid to a bank card is a procedure
    expect(words("linh luong huu qua the atm")).toEqual([]);
  });

  it("finds savings, loans, owed wages, tickets and exam results typed without marks", () => {
    expect(words("nen gui tiet kiem ngan hang nao")).toEqual([
      ["tiết", "kiệm"],
      ["gửi", "tiết", "kiệm"],
      ["ngân", "hàng", "nào"],
    ]);
    // saving water names a programme ("… tưới tiên tiến, tiết kiệm nước"), not savings at a bank
    expect(
      missesTopic(
        words("nen gui tiet kiem ngan hang nao"),
        terms("Hỗ trợ đầu tư xây dựng phát triển thủy lợi nhỏ, tưới tiên tiến, tiết kiệm nước"),
      ),
    ).toBe(true);
    expect(words("vay tien qua app bi doi no")).toEqual([["vay", "tiền"]]);
    expect(words("cong ty no luong 3 thang")).toEqual([["nợ", "lương"]]);
    expect(words("dat ve tau tet")).toEqual([["vé", "tàu"]]);
    expect(words("xem diem thi tot nghiep o dau")).toEqual([["điểm", "thi"]]);
    expect(words("cong ty bat tang ca, nhu vay co dung luat khong")).toEqual([
      ["tăng", "ca"],
      ["đúng", "luật"],
    ]);
    expect(words("xe may de khong no phai lam sao")).toEqual([["đề", "không", "nổ"]]);
    // "không nợ thuế" is no engine that will not start
    expect(words("xac nhan khong no thue")).toEqual([]);
    expect(words("chuyen luong huu sang tai khoan ngan hang")).toEqual([]);
    // the procedure about the results of judgment enforcement holds the words whole
    expect(missesTopic(words("xác nhận kết quả thi hành án"), terms("Xác nhận kết quả thi hành án"))).toBe(
      false,
    );
  });

  it("finds family titles, old-age allowances, health advice, driving schools, deposits and fortune telling", () => {
    expect(words("dieu kien cong nhan gia dinh van hoa")).toEqual([["gia", "đình", "văn", "hóa"]]);
    expect(words("tro cap nguoi cao tuoi 80 tuoi")).toEqual([["người", "cao", "tuổi"]]);
    expect(words("tre bi sot cao nen lam gi")).toEqual([["sốt", "cao"]]);
    expect(words("tiem phong cum cho nguoi lon o dau")).toEqual([["tiêm", "phòng"]]);
    expect(words("trung tam day lai xe o to")).toEqual([["dạy", "lái"]]);
    expect(words("meo thi sa hinh b2")).toEqual([["mẹo", "thi"]]);
    expect(words("chuyen khoan nham cho nguoi la")).toEqual([["chuyển", "khoản", "nhầm"]]);
    expect(words("lay lai tien coc duoc khong")).toEqual([["tiền", "cọc"]]);
    expect(words("xem ngay cuoi o dau")).toEqual([["xem", "ngày"]]);
    expect(words("nen o khach san nao")).toEqual([["khách", "sạn", "nào"]]);
    // learning to drive for the licence, and a fever that is a sickness-benefit story, stay in
    expect(words("học lái xe máy thi bằng a1")).toEqual([]);
    expect(words("em bị sốt xuất huyết nằm viện 1 tuần")).toEqual([]);
  });

  it("finds a request for advice on which provider is good, reputable or cheap", () => {
    expect(words("mua xe may cu o dau uy tin")).toEqual([["uy", "tín"]]);
    expect(words("benh vien nao tot o sai gon")).toEqual([["nào", "tốt"]]);
    expect(words("hoc tieng anh o dau tot")).toEqual([["ở", "đâu", "tốt"]]);
    expect(words("dat ve may bay gia re")).toEqual([
      ["vé", "máy", "bay"],
      ["giá", "rẻ"],
    ]);
    expect(words("co truong nao day cham khong")).toEqual([["trường", "nào"]]);
    expect(words("cho thue nha tro can luu y gi")).toEqual([["cần", "lưu", "ý", "gì"]]);
    expect(words("xe buyt so 32 chay may gio")).toEqual([["chạy", "mấy", "giờ"]]);
    // where to file is the ask of a procedure
    expect(words("dang ky tam tru o dau")).toEqual([]);
  });

  it("finds asking whether a thing is right, how much a bank lends, and unemployment money", () => {
    expect(words("cong ty tru luong nhu vay co dung khong")).toEqual([["có", "đúng", "không"]]);
    expect(words("the chap so do duoc vay bao nhieu")).toEqual([["vay", "bao", "nhiêu"]]);
    expect(words("lanh tien that nghiep o dau")).toEqual([["tiền", "thất", "nghiệp"]]);
  });

  it("keeps a phrase of three syllables or more even when it stands in the story beside the ask", () => {
    const tokens = tokenize("em chuyen khoan nham cho nguoi la, gio doi lai the nao");
    const story = new Set([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(offTopicWords(tokens, story)).toEqual([["chuyển", "khoản", "nhầm"]]);
    // a two-syllable word in the story is an aside
    expect(offTopicWords(tokenize("em dang tang ca thi muon lam can cuoc"), new Set([0, 1, 2, 3]))).toEqual(
      [],
    );
  });

  it("needs a word of several syllables as a whole in the candidate's name", () => {
    const index = (text: string) => {
      const folded = tokenize(text).map((t) => t.folded);
      return new Set(folded.slice(1).map((t, i) => `${folded[i]}_${t}`));
    };
    const name = "Giao đất, cho thuê đất không đấu giá quyền sử dụng đất";
    const land = words("gia dat o quan 9 bao nhieu");
    expect(missesTopic(land, terms(name))).toBe(false);
    expect(missesTopic(land, terms(name), index(name))).toBe(true);
    const price = "Xác định giá đất cụ thể";
    expect(missesTopic(land, terms(price), index(price))).toBe(false);
  });

  it("finds a claim of unemployment benefit, which only the authorisation to collect it names in part", () => {
    const index = (text: string) => {
      const folded = tokenize(text).map((t) => t.folded);
      return new Set(folded.slice(1).map((t, i) => `${folded[i]}_${t}`));
    };
    const proxy = "Ủy quyền lĩnh thay các chế độ bảo hiểm xã hội, trợ cấp thất nghiệp";
    const claim = words("huong tro cap that nghiep");
    expect(claim).toEqual([["hưởng", "trợ", "cấp", "thất", "nghiệp"]]);
    expect(missesTopic(claim, terms(proxy), index(proxy))).toBe(true);
    expect(words("làm trợ cấp thất nghiệp ở đâu")).not.toEqual([]);
    expect(words("ủy quyền cho vợ lĩnh thay trợ cấp thất nghiệp")).toEqual([]);
  });
});
