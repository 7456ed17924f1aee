/**
 * The citizen vocabulary: colloquial terms, abbreviations and old names, each mapped to the words
 * the official procedure names use. It EXPANDS the query (the official words are added, the
 * citizen's words stay), never replaces it. Matching is accent-aware (see stop-phrases.ts): a term
 * written with marks matches the same marks, or the same letters typed without marks.
 *
 * This is data, maintained by people: add a line when citizens use a word the catalogue does not.
 * The curated aliases of each procedure (procedures/curated/) are the index-side counterpart.
 */
export interface VocabularyEntry {
  /** What citizens type (any of these). */
  readonly says: readonly string[];
  /** The official wording added to the query. */
  readonly means: string;
}

export const VOCABULARY: readonly VocabularyEntry[] = [
  // Căn cước (CCCD renamed thẻ căn cước from 1 July 2024; CMND abolished)
  {
    says: ["cccd", "cmnd", "cmt", "căn cước công dân", "chứng minh nhân dân", "chứng minh thư"],
    means: "thẻ căn cước",
  },
  { says: ["căn cước gắn chip", "thẻ chip", "chip"], means: "thẻ căn cước" },
  {
    // "cc" is read only inside a phrase (alone it may be chứng chỉ, or rude slang)
    says: [
      "làm cc",
      "đổi cc",
      "cấp cc",
      "cấp lại cc",
      "cấp đổi cc",
      "làm lại cc",
      "mất cc",
      "cc lần đầu",
      "cc cho bé",
      "cc cho con",
      "cc gắn chip",
      "cc hết hạn",
    ],
    means: "thẻ căn cước",
  },
  {
    says: ["cmnd 9 số", "chứng minh 9 số", "số cmnd cũ", "chứng minh nhân dân cũ"],
    means: "xác nhận số chứng minh nhân dân 09 số",
  },
  {
    says: ["vneid", "định danh mức 2", "định danh mức độ 2", "tài khoản định danh", "định danh điện tử"],
    means: "tài khoản định danh điện tử",
  },
  {
    says: [
      "vneid mức 1",
      "vneid mức độ 1",
      "định danh mức 1",
      "định danh mức độ 1",
      "tài khoản mức 1",
      "định danh điện tử mức 1",
      "định danh điện tử mức độ 1",
    ],
    means: "tài khoản định danh điện tử mức độ 01",
  },
  {
    says: [
      "vneid mức 2",
      "vneid mức độ 2",
      "tài khoản mức 2",
      "định danh điện tử mức 2",
      "định danh điện tử mức độ 2",
    ],
    means: "tài khoản định danh điện tử mức độ 02",
  },
  // Cư trú (household books abolished 1 Jan 2023)
  {
    says: [
      "nhập hộ khẩu",
      "nhập khẩu",
      "chuyển hộ khẩu",
      "chuyển khẩu",
      "hộ khẩu",
      "đăng ký hộ khẩu",
      "nhập hộ",
      // "hk" is read only inside a phrase: alone it is too short to mean hộ khẩu for sure
      "nhập hk",
      "chuyển hk",
      "sổ hk",
      "đăng ký hk",
    ],
    means: "đăng ký thường trú",
  },
  {
    says: [
      "cắt khẩu",
      "cắt hộ khẩu",
      "xóa hộ khẩu",
      "xoá hộ khẩu",
      "xóa khẩu",
      "xoá khẩu",
      "cắt hk",
      "xóa hk",
    ],
    means: "xóa đăng ký thường trú",
  },
  { says: ["tách khẩu", "tách hộ khẩu", "tách sổ hộ khẩu", "tách hk", "ra ở riêng"], means: "tách hộ" },
  {
    // KT3: the old long-term temporary residence book
    says: ["thuê trọ", "ở trọ", "nhà trọ", "phòng trọ", "thuê nhà", "ở thuê", "thuê phòng", "kt3", "sổ kt3"],
    means: "đăng ký tạm trú",
  },
  { says: ["báo lưu trú", "khai báo lưu trú"], means: "thông báo lưu trú" },
  {
    says: ["xác nhận cư trú", "giấy xác nhận cư trú", "ct07", "ct 07", "xác nhận nơi cư trú"],
    means: "xác nhận thông tin về cư trú",
  },
  // a wrong detail in the residence data is corrected there, not in the civil-status books
  {
    says: [
      "thông tin cư trú sai",
      "thông tin cư trú bị sai",
      "thông tin cư trú ghi sai",
      "sửa thông tin cư trú",
      "sửa lại thông tin cư trú",
      "điều chỉnh thông tin cư trú",
      "cư trú bị sai",
      "cư trú ghi sai",
    ],
    means: "điều chỉnh thông tin về cư trú",
  },
  // Hộ tịch
  {
    says: [
      "đkks",
      "dkks",
      "giấy khai sinh",
      "làm khai sinh",
      "mới đẻ",
      "mới sinh",
      // "ks" is read only inside a phrase (alone it may be khách sạn, kỹ sư …)
      "làm ks",
      "đăng ký ks",
      "đk ks",
      "giấy ks",
      "ks cho bé",
      "ks cho con",
      "ks cho cháu",
    ],
    means: "đăng ký khai sinh",
  },
  {
    says: [
      "đkkh",
      "dkkh",
      "giấy đăng ký kết hôn",
      "lấy chồng",
      "lấy vợ",
      "cưới vợ",
      "cưới chồng",
      "cưới",
      // the old name older citizens still use
      "hôn thú",
      "giấy hôn thú",
      "làm hôn thú",
    ],
    means: "đăng ký kết hôn",
  },
  // "ghi chú" is how officials and citizens call recording a marriage or divorce settled abroad
  {
    says: ["ghi chú kết hôn", "ghi chú việc kết hôn", "ghi chú đăng ký kết hôn"],
    means: "ghi vào sổ hộ tịch việc kết hôn",
  },
  {
    says: ["ghi chú ly hôn", "ghi chú việc ly hôn", "ghi chú quyết định ly hôn", "ghi chú bản án ly hôn"],
    means: "ghi vào sổ hộ tịch việc ly hôn",
  },
  {
    says: [
      "báo tử",
      "giấy khai tử",
      "làm khai tử",
      "giấy chứng tử",
      "giấy báo tử",
      "làm chứng tử",
      "qua đời",
      "người mất",
      "chết",
      // "kt" only inside a phrase (alone it may be kế toán, kinh tế …)
      "làm kt",
      "đăng ký kt",
      "đk kt",
      "giấy kt",
    ],
    means: "đăng ký khai tử",
  },
  {
    says: [
      "giấy độc thân",
      "xác nhận độc thân",
      "độc thân",
      "chưa kết hôn",
      "tình trạng hôn nhân",
      "chưa vợ",
      "chưa chồng",
      "chưa có vợ",
      "chưa có chồng",
      "xntthn",
      "tthn",
    ],
    means: "xác nhận tình trạng hôn nhân",
  },
  { says: ["nhận cha", "nhận mẹ", "nhận con", "ngoài giá thú"], means: "nhận cha mẹ con" },
  {
    says: [
      "đổi tên",
      "sửa tên",
      "đổi họ",
      "sửa ngày sinh",
      "cải chính",
      "đổi dân tộc",
      "sửa dân tộc",
      "sửa quê quán",
      "sửa sai",
    ],
    means: "thay đổi cải chính bổ sung thông tin hộ tịch",
  },
  {
    says: ["trích lục", "bản sao giấy khai sinh", "bản sao khai sinh"],
    means: "cấp bản sao trích lục hộ tịch",
  },
  // "nhận con nuôi" whole, so that "nhận con" (nhận cha, mẹ, con) does not also expand
  { says: ["con nuôi", "nhận con nuôi", "xin con nuôi"], means: "nuôi con nuôi" },
  { says: ["photo", "phô tô", "bản photo", "bản phô tô"], means: "bản sao" },
  // Chứng thực ("công chứng" a copy means chứng thực; notarising a contract is real notarisation)
  {
    says: [
      "công chứng bản sao",
      "photo công chứng",
      "công chứng giấy tờ",
      "sao y",
      "sao y bản chính",
      "công chứng",
    ],
    means: "chứng thực bản sao từ bản chính",
  },
  {
    // a power of attorney paper (not a contract) is certified by its signature
    says: [
      "công chứng chữ ký",
      "chứng chữ ký",
      "điểm chỉ",
      "giấy ủy quyền",
      "giấy uỷ quyền",
      "công chứng giấy ủy quyền",
      "công chứng giấy uỷ quyền",
    ],
    means: "chứng thực chữ ký",
  },
  {
    says: ["bằng đại học", "bằng tốt nghiệp", "học bạ", "bảng điểm", "văn bằng"],
    means: "giấy tờ văn bản",
  },
  {
    says: ["công chứng hợp đồng", "chứng thực hợp đồng", "hợp đồng mua bán", "hợp đồng tặng cho"],
    means: "chứng thực giao dịch hợp đồng",
  },
  {
    says: ["di chúc", "chia thừa kế", "phân chia di sản", "chia di sản"],
    means: "chứng thực di chúc di sản",
  },
  // Đất đai, xây dựng
  {
    says: ["sổ đỏ", "sổ hồng", "bìa đỏ", "bìa hồng", "sổ đất", "giấy đất"],
    means: "giấy chứng nhận quyền sử dụng đất quyền sở hữu tài sản gắn liền với đất",
  },
  {
    says: [
      "sang tên",
      "mua đất",
      "bán đất",
      "sang nhượng",
      "tặng cho đất",
      "cho tặng",
      "thừa kế đất",
      "thừa kế sổ đỏ",
      "thêm tên vào sổ đỏ",
      "thêm tên vợ vào sổ đỏ",
      "thêm tên chồng vào sổ đỏ",
      "đứng tên chung sổ đỏ",
    ],
    means: "đăng ký biến động chuyển nhượng quyền sử dụng đất",
  },
  {
    says: [
      "tách sổ",
      "chia đất",
      "tách đất",
      "tách thửa",
      "gộp sổ",
      "gộp thửa",
      "tách sổ đỏ",
      "gộp sổ đỏ",
      "tách sổ hồng",
      "gộp sổ hồng",
      "gộp đất",
    ],
    means: "tách thửa hợp thửa đất",
  },
  {
    says: ["thế chấp sổ đỏ", "thế chấp đất", "thế chấp nhà đất", "thế chấp sổ hồng"],
    means: "đăng ký biện pháp bảo đảm bằng quyền sử dụng đất",
  },
  { says: ["thế chấp"], means: "đăng ký biện pháp bảo đảm" },
  {
    says: [
      "xóa đăng ký thế chấp",
      "xoá đăng ký thế chấp",
      "xóa thế chấp",
      "xoá thế chấp",
      "giải chấp",
      "giải chấp sổ đỏ",
      "xóa thế chấp sổ đỏ",
    ],
    means: "xóa đăng ký biện pháp bảo đảm bằng quyền sử dụng đất",
  },
  {
    says: [
      "thổ cư",
      "lên thổ cư",
      "đất vườn lên đất ở",
      "chuyển đất",
      "lên đất ở",
      "sang đất ở",
      "thành đất ở",
      "chuyển sang đất ở",
    ],
    means: "chuyển mục đích sử dụng đất",
  },
  {
    says: ["lấn đất", "lấn chiếm đất", "tranh chấp đất", "cãi nhau về đất"],
    means: "hòa giải tranh chấp đất đai",
  },
  {
    says: ["gpxd", "giấy phép xây", "xin phép xây", "xây nhà", "làm nhà", "xây dựng nhà"],
    means: "cấp giấy phép xây dựng nhà ở riêng lẻ",
  },
  {
    says: ["sửa nhà", "cải tạo nhà", "sửa chữa nhà"],
    means: "giấy phép xây dựng sửa chữa cải tạo nhà ở riêng lẻ",
  },
  {
    says: [
      "sổ đỏ sai",
      "sổ đỏ ghi sai",
      "sổ đỏ bị sai",
      "sổ hồng ghi sai",
      "sổ hồng bị sai",
      "sai sót trên sổ đỏ",
      // the whole phrase, so that "sổ đỏ" alone (the certificate's long name) does not also expand
      "đính chính sổ đỏ",
      "đính chính sổ hồng",
      "đính chính bìa đỏ",
      "sửa sổ đỏ",
      "sửa sổ hồng",
      "sửa sai sổ đỏ",
      "sửa thông tin sổ đỏ",
    ],
    means: "đính chính giấy chứng nhận đã cấp",
  },
  {
    says: [
      "mất sổ đỏ",
      "mất sổ hồng",
      "sổ đỏ bị mất",
      "sổ hồng bị mất",
      "mất bìa đỏ",
      "mất giấy chứng nhận đất",
    ],
    means: "cấp lại giấy chứng nhận do bị mất",
  },
  {
    says: [
      "đổi tên trên sổ đỏ",
      "đổi tên sổ đỏ",
      "đổi tên trên sổ hồng",
      "đổi tên sổ hồng",
      "đổi tên trên bìa đỏ",
      "thay đổi thông tin trên sổ đỏ",
      "cập nhật thông tin sổ đỏ",
      "cập nhật căn cước vào sổ đỏ",
      "đổi số căn cước trên sổ đỏ",
    ],
    means: "đăng ký biến động đổi tên thay đổi thông tin về người sử dụng đất",
  },
  {
    // land bought on a handwritten paper and never registered
    says: ["giấy tay", "giấy viết tay", "mua bán giấy tay", "mua đất giấy tay", "đất mua giấy tay"],
    means: "cấp giấy chứng nhận đã chuyển quyền sử dụng đất chưa thực hiện thủ tục chuyển quyền",
  },
  { says: ["noxh", "nhà xã hội"], means: "nhà ở xã hội" },
  // Giao thông
  {
    says: ["gplx", "bằng lái", "bằng lái xe", "bằng xe máy", "bằng ô tô", "bằng a1", "bằng b2", "bằng c"],
    means: "giấy phép lái xe",
  },
  {
    says: ["bằng lái quốc tế", "bằng lái xe quốc tế", "bằng quốc tế", "gplx quốc tế", "idp"],
    means: "giấy phép lái xe quốc tế",
  },
  {
    says: [
      "bằng lái quân sự",
      "bằng quân sự",
      "bằng lái xe quân sự",
      "gplx quân sự",
      "bằng lái quân đội",
      "bằng quân đội",
    ],
    means: "đổi giấy phép lái xe quân sự do bộ quốc phòng cấp",
  },
  {
    says: ["bằng lái công an", "bằng công an", "bằng lái xe công an", "gplx công an", "bằng ngành công an"],
    means: "đổi giấy phép lái xe công an nhân dân",
  },
  {
    says: ["học lái xe", "thi bằng lái", "thi lái xe", "thi bằng", "học bằng lái", "thi sát hạch lái xe"],
    means: "cấp giấy phép lái xe",
  },
  { says: ["cà vẹt", "cavet", "cà vẹt xe", "giấy đăng ký xe", "đăng ký xe"], means: "chứng nhận đăng ký xe" },
  {
    says: [
      "biển số",
      "bấm biển",
      "bấm biển số",
      "xe mới mua",
      "xe máy mới",
      "đăng ký xe mới",
      "đăng ký xe điện",
      "đăng ký xe máy điện",
      "đăng ký xe đạp điện",
    ],
    means: "đăng ký cấp biển số xe lần đầu",
  },
  {
    // "sang tên chính chủ" is said of vehicles (land is "sang tên sổ đỏ")
    says: [
      "sang tên xe",
      "mua xe cũ",
      "đổi chủ xe",
      "mua lại xe",
      "sang tên xe máy",
      "sang tên ô tô",
      "sang tên chính chủ",
    ],
    means: "đăng ký sang tên xe thay đổi chủ xe",
  },
  {
    says: [
      "thu hồi đăng ký xe",
      "thu hồi giấy đăng ký xe",
      "thu hồi đăng ký biển số",
      "thu hồi biển số",
      "thu hồi cà vẹt",
      "nộp lại cà vẹt",
      "nộp lại đăng ký xe",
      // returning the plate is the withdrawal, not a first plate ("biển số" alone)
      "nộp lại biển số",
      "nộp lại biển",
      "trả lại biển số",
      "trả biển số",
      "hủy đăng ký xe",
      "xe phế liệu",
      "bán phế liệu",
      "xe hết niên hạn",
    ],
    means: "thu hồi chứng nhận đăng ký xe biển số xe",
  },
  {
    says: ["đổi biển số", "đổi biển", "biển số bị mờ", "biển số mờ", "đổi cà vẹt", "đổi giấy đăng ký xe"],
    means: "đổi chứng nhận đăng ký xe biển số xe",
  },
  { says: ["oto", "ôtô", "xe hơi"], means: "ô tô" },
  {
    says: ["đăng kiểm", "đăng kiểm xe", "đăng kiểm ô tô", "đăng kiểm xe ô tô", "kiểm định xe"],
    means: "cấp giấy chứng nhận kiểm định tem kiểm định xe cơ giới",
  },
  // Hộ chiếu, xuất nhập cảnh
  { says: ["passport", "pass port", "hộ chiếu phổ thông", "hộ chíu"], means: "hộ chiếu phổ thông" },
  {
    // "pp" is read only inside a phrase
    says: ["làm pp", "làm lại pp", "mất pp", "pp hết hạn", "đổi pp", "cấp pp"],
    means: "hộ chiếu phổ thông",
  },
  { says: ["visa", "thị thực"], means: "thị thực người nước ngoài" },
  {
    says: ["gia hạn visa", "gia hạn thị thực", "ở lại thêm", "thời gian ở lại", "gia hạn ở lại"],
    means: "gia hạn tạm trú người nước ngoài",
  },
  // Con dấu
  { says: ["con dấu", "mẫu dấu", "khắc dấu", "làm con dấu", "khắc con dấu"], means: "đăng ký mẫu con dấu" },
  {
    says: [
      "đăng ký lại con dấu",
      "mất con dấu",
      "con dấu bị mất",
      "làm lại con dấu",
      "khắc lại dấu",
      "khắc lại con dấu",
      // the act first, "lại" after its object
      "khắc dấu lại",
      "làm dấu lại",
      "làm con dấu lại",
      "khắc con dấu lại",
    ],
    means: "đăng ký lại mẫu con dấu",
  },
  // Tàu cá
  { says: ["tàu đánh cá", "thuyền đánh cá", "ghe cá", "ghe đánh cá", "tàu thuyền đánh cá"], means: "tàu cá" },
  {
    says: ["đánh bắt cá", "đánh bắt thủy sản", "đánh bắt hải sản", "đi biển đánh cá"],
    means: "khai thác thủy sản",
  },
  // Căn cước: details held in the population database
  {
    says: [
      "tích hợp bằng lái",
      "tích hợp giấy phép lái xe",
      "tích hợp bảo hiểm y tế",
      "tích hợp bhyt",
      "tích hợp vào căn cước",
      "tích hợp vào cccd",
      "tích hợp thông tin",
    ],
    means: "tích hợp cập nhật điều chỉnh thông tin trên thẻ căn cước",
  },
  {
    says: ["dữ liệu dân cư", "csdl dân cư", "cơ sở dữ liệu dân cư", "thông tin dân cư"],
    means: "cơ sở dữ liệu quốc gia về dân cư",
  },
  // Lý lịch tư pháp
  {
    // "llpt": the letters of "lltp" typed out of order
    says: ["lltp", "llpt", "tiền án tiền sự", "không tiền án", "lý lịch", "lí lịch"],
    means: "phiếu lý lịch tư pháp",
  },
  // Kinh doanh, thuế
  {
    says: [
      "gpkd",
      "giấy phép kinh doanh",
      "đăng ký kinh doanh",
      "kinh doanh cá thể",
      "hộ cá thể",
      "cá thể",
      "mở quán",
      "mở cửa hàng",
      "mở tiệm",
      "mở shop",
      "mở sạp",
      "buôn bán",
      "bán hàng",
    ],
    // opening a shop is founding the household business ("đăng ký thành lập"), not re-issuing its paper
    means: "đăng ký thành lập hộ kinh doanh",
  },
  // the household-business paper lost or worn: its re-issue, not founding the business again
  {
    says: [
      "mất giấy phép kinh doanh",
      "mất gpkd",
      "giấy phép kinh doanh bị mất",
      "giấy phép kinh doanh hộ cá thể bị mất",
      "gpkd bị mất",
      "cấp lại giấy phép kinh doanh",
      "làm lại giấy phép kinh doanh",
      "cấp lại gpkd",
      "làm lại gpkd",
    ],
    means: "cấp lại giấy chứng nhận đăng ký hộ kinh doanh",
  },
  { says: ["mst", "mã số thuế", "mã thuế"], means: "đăng ký thuế mã số thuế" },
  // nationality given up or lost, taken back
  {
    says: ["trở lại quốc tịch", "xin lại quốc tịch", "lấy lại quốc tịch", "khôi phục quốc tịch"],
    means: "trở lại quốc tịch việt nam",
  },
  // the tax registration paper, which the catalogue issues together with the tax-code notice
  {
    says: [
      "giấy chứng nhận đăng ký thuế",
      "giấy đăng ký thuế",
      "gcn đăng ký thuế",
      "chứng nhận đăng ký thuế",
    ],
    means: "giấy chứng nhận đăng ký thuế thông báo mã số thuế",
  },
  {
    says: ["đóng mã số thuế", "đóng mst", "khóa mã số thuế", "hủy mã số thuế", "huỷ mã số thuế"],
    means: "chấm dứt hiệu lực mã số thuế",
  },
  { says: ["cty", "công ti"], means: "công ty" },
  { says: ["dn", "dntn"], means: "doanh nghiệp" },
  { says: ["giảm trừ gia cảnh", "người phụ thuộc"], means: "đăng ký thuế người phụ thuộc" },
  { says: ["thuế khoán"], means: "khai thuế hộ kinh doanh" },
  {
    says: ["cho thuê nhà", "thuế cho thuê nhà", "cho thuê nhà trọ", "cho thuê phòng trọ"],
    means: "khai thuế cá nhân cho thuê bất động sản",
  },
  {
    says: ["trước bạ xe", "trước bạ xe máy", "trước bạ ô tô", "trước bạ xe ô tô"],
    means: "lệ phí trước bạ tài sản khác",
  },
  { says: ["nộp thuế", "đóng thuế", "kê khai thuế"], means: "khai thuế" },
  {
    says: ["karaoke", "quán bar", "vũ trường", "nhà nghỉ", "khách sạn"],
    means: "giấy chứng nhận đủ điều kiện về an ninh trật tự",
  },
  // Bảo hiểm
  { says: ["bhxh", "bảo hiểm xh"], means: "bảo hiểm xã hội" },
  { says: ["bhtn"], means: "bảo hiểm thất nghiệp" },
  { says: ["tnlđ", "tnld"], means: "tai nạn lao động" },
  { says: ["tncn"], means: "thu nhập cá nhân" },
  { says: ["tndn"], means: "thu nhập doanh nghiệp" },
  { says: ["gtgt"], means: "giá trị gia tăng" },
  { says: ["kcb"], means: "khám chữa bệnh" },
  { says: ["qsdđ", "qsdd"], means: "quyền sử dụng đất" },
  { says: ["mdsd", "mđsd", "mdsdđ", "mdsdd"], means: "mục đích sử dụng đất" },
  { says: ["gcn"], means: "giấy chứng nhận" },
  { says: ["ubnd"], means: "ủy ban nhân dân" },
  { says: ["hkd"], means: "hộ kinh doanh" },
  { says: ["bhyt", "bảo hiểm yt", "thẻ bảo hiểm"], means: "bảo hiểm y tế" },
  {
    says: [
      "nơi khám chữa bệnh ban đầu",
      "nơi khám bệnh ban đầu",
      "nơi đăng ký khám chữa bệnh",
      "kcb ban đầu",
      "đổi nơi khám",
      "chuyển nơi khám",
    ],
    means: "điều chỉnh thông tin trên thẻ bảo hiểm y tế",
  },
  {
    says: ["mua bảo hiểm y tế", "mua bhyt", "mua thẻ bảo hiểm y tế", "mua thẻ bhyt", "đóng bảo hiểm y tế"],
    means: "đăng ký đóng cấp thẻ bảo hiểm y tế",
  },
  {
    says: ["rút bảo hiểm", "rút bhxh", "rút sổ bảo hiểm", "lấy tiền bảo hiểm"],
    means: "hưởng bảo hiểm xã hội một lần",
  },
  {
    says: [
      "gộp sổ bhxh",
      "gộp sổ bảo hiểm",
      "gộp sổ bảo hiểm xã hội",
      "sổ bhxh sai",
      "sổ bhxh bị sai",
      "sổ bảo hiểm bị sai",
      "thẻ bhyt sai",
      "thẻ bhyt bị sai",
      "thẻ bảo hiểm y tế bị sai",
      "thẻ bhyt ghi sai",
      "thẻ bảo hiểm y tế ghi sai",
      "sổ bhxh ghi sai",
      "sổ bảo hiểm ghi sai",
    ],
    means: "điều chỉnh thông tin trên sổ bhxh thẻ bhyt",
  },
  {
    says: ["tiền tuất", "trợ cấp tuất", "mai táng phí", "tử tuất", "chế độ tuất", "tiền mai táng"],
    means: "chế độ tử tuất",
  },
  // Pensions and monthly allowances: the catalogue's words for what pensioners ask
  {
    says: ["lĩnh thay", "nhận thay", "lãnh thay", "lĩnh hộ", "nhận hộ lương hưu"],
    means: "ủy quyền lĩnh thay",
  },
  {
    says: [
      "chuyển nơi lĩnh",
      "chuyển nơi nhận",
      "chuyển nơi hưởng",
      "chuyển nơi lĩnh lương hưu",
      "chuyển nơi nhận lương hưu",
      "chuyển lương hưu",
    ],
    means: "chuyển hưởng sang địa bàn khác",
  },
  {
    says: [
      "lĩnh qua tài khoản",
      "nhận qua tài khoản",
      "lĩnh lương hưu qua tài khoản",
      "nhận lương hưu qua tài khoản",
      "lương hưu qua tài khoản",
      "lĩnh qua thẻ atm",
      "nhận qua thẻ atm",
      "lĩnh qua ngân hàng",
      "nhận qua ngân hàng",
    ],
    means: "lĩnh bằng tài khoản cá nhân",
  },
  { says: ["chưa lĩnh", "truy lĩnh", "lĩnh nốt"], means: "truy lĩnh chế độ chưa nhận" },
  { says: ["nghỉ đẻ", "nghỉ sinh", "thai sản"], means: "chế độ thai sản" },
  {
    says: ["nghỉ ốm", "ốm đau", "con ốm", "bị ốm", "con bị ốm", "con bị bệnh", "nghỉ ốm đau"],
    means: "hưởng chế độ ốm đau",
  },
  {
    says: ["dưỡng sức", "nghỉ dưỡng sức", "phục hồi sức khỏe", "dưỡng sức sau sinh"],
    means: "dưỡng sức phục hồi sức khỏe",
  },
  { says: ["1 lần"], means: "một lần" },
  // Nông nghiệp
  { says: ["gia súc", "gia cầm", "vật nuôi"], means: "động vật" },
  // Xã hội
  { says: ["hộ nghèo", "sổ hộ nghèo", "hộ cận nghèo"], means: "công nhận hộ nghèo hộ cận nghèo" },
  { says: ["luật sư miễn phí", "tư vấn pháp luật miễn phí"], means: "trợ giúp pháp lý" },
];

/**
 * Abbreviations the official procedure names themselves use ("cấp sổ BHXH, thẻ BHYT"): the index
 * adds their full form to the name, so citizens who type the words find them.
 */
export const NAME_ABBREVIATIONS: Readonly<Record<string, string>> = {
  bhxh: "bảo hiểm xã hội",
  bhyt: "bảo hiểm y tế",
  bhtn: "bảo hiểm thất nghiệp",
  bhtnld: "bảo hiểm tai nạn lao động",
  tnld: "tai nạn lao động",
  bnn: "bệnh nghề nghiệp",
  tncn: "thu nhập cá nhân",
  tndn: "thu nhập doanh nghiệp",
  gtgt: "giá trị gia tăng",
  dsphsk: "dưỡng sức phục hồi sức khỏe",
  ubnd: "ủy ban nhân dân",
  hdnd: "hội đồng nhân dân",
  gcn: "giấy chứng nhận",
  qsdd: "quyền sử dụng đất",
  kcb: "khám chữa bệnh",
  gplx: "giấy phép lái xe",
  cccd: "căn cước công dân",
  cmnd: "chứng minh nhân dân",
  hkd: "hộ kinh doanh",
  tnhh: "trách nhiệm hữu hạn",
  htx: "hợp tác xã",
  dnbh: "doanh nghiệp bảo hiểm",
};
