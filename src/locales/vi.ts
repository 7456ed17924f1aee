/**
 * Vietnamese, the default locale: natural, polite, short sentences, no jargon.
 * Placeholders are written `{name}` and filled by `t()`.
 */
export const vi = {
  // Telegram command list (descriptions, at most 256 characters each).
  "command.start": "Bắt đầu, xem bot làm được gì",
  "command.help": "Hướng dẫn cách hỏi",
  "command.hoso": "Danh sách hồ sơ bạn đang chuẩn bị",
  "command.lang": "Đổi ngôn ngữ (Tiếng Việt / English)",
  "command.phananh": "Gửi phản ánh, kiến nghị",
  "command.trangthai": "Xem tình trạng phản ánh",
  "command.dangky": "Đăng ký nhận thông báo",
  "command.huydangky": "Hủy đăng ký nhận thông báo",
  "command.tintuc": "Xem thông báo mới nhất",

  // Welcome and menu.
  "welcome.title": "Xin chào! Tôi là trợ lý hỏi thủ tục hành chính của {locality}.",
  "welcome.body":
    "Bạn cứ hỏi bằng lời của mình, ví dụ: “làm giấy khai sinh cần gì”, “lệ phí sang tên sổ đỏ”. Tôi sẽ cho biết cần mang giấy tờ gì, lệ phí, thời gian và nộp ở đâu.",
  "welcome.choose": "Bạn cũng có thể chọn:",
  "menu.lookup": "Tra cứu thủ tục",
  "menu.feedback": "Gửi phản ánh",
  "menu.subscribe": "Nhận thông báo",
  "menu.contact": "Liên hệ cơ quan",
  "menu.lookupHint": "Bạn hãy gõ tên thủ tục hoặc việc bạn cần làm. Hoặc chọn lĩnh vực bên dưới.",
  "feature.comingSoon": "Tính năng này sắp có. Trong lúc chờ, bạn có thể gọi đường dây nóng {hotline}.",

  // Contact.
  "contact.title": "Liên hệ {locality}",
  "contact.office": "{name}: {address}",
  "contact.hours": "Giờ làm việc: {hours}",
  "contact.phone": "Điện thoại: {phone}",
  "contact.hotline": "Đường dây nóng: {hotline}",
  "contact.email": "Thư điện tử: {email}",
  "contact.website": "Trang thông tin",
  "contact.map": "Bản đồ",
  "contact.example": "Lưu ý: đây là thông tin mẫu, cơ quan chưa cập nhật thông tin thật.",

  // Help.
  "help.title": "Cách hỏi",
  "help.body":
    "Bạn gõ việc cần làm bằng lời thường, có dấu hay không dấu đều được. Ví dụ: “đăng ký khai sinh”, “cấp lại cccd”, “lệ phí sang tên sổ đỏ”, “đăng ký thường trú ở đâu”.",
  "help.commands":
    "/start: bắt đầu lại\n/hoso: hồ sơ bạn đang chuẩn bị\n/lang: đổi ngôn ngữ\n/help: hướng dẫn này",
  "help.tip": "Mẹo: hỏi ngắn gọn, nêu rõ việc cần làm, ví dụ “làm lại căn cước bị mất”.",

  // Search outcomes.
  "clarify.question": "Bạn muốn hỏi thủ tục nào?",
  "clarify.none": "Nếu không có thủ tục bạn cần, hãy hỏi lại với từ khác.",
  "none.apology": "Xin lỗi, tôi chưa tìm được thủ tục phù hợp với câu hỏi của bạn.",
  "none.tip": "Bạn thử hỏi ngắn hơn, nêu rõ việc cần làm, ví dụ “đăng ký kết hôn” hoặc “cấp đổi căn cước”.",
  "none.hotline": "Bạn cũng có thể gọi đường dây nóng {hotline} để được hướng dẫn.",
  "none.feedback": "Gửi góp ý cho cơ quan",
  "input.empty": "Tôi chưa nhận được nội dung. Bạn hãy gõ câu hỏi về thủ tục cần làm.",
  "input.noWords": "Bạn hãy gõ câu hỏi bằng chữ, ví dụ “làm căn cước cần gì”.",
  "input.tooLong": "Tin nhắn khá dài, tôi chỉ đọc phần đầu để tìm thủ tục.",
  "input.unsupported":
    "Xin lỗi, tôi chỉ hiểu tin nhắn dạng chữ. Bạn hãy gõ câu hỏi, ví dụ “đăng ký khai sinh cần gì”.",
  "input.photoNotNow": "Tôi chưa xem được ảnh. Bạn hãy gõ câu hỏi bằng chữ.",
  "input.unknownCommand": "Tôi không hiểu lệnh {command}. Gõ /help để xem cách dùng.",
  "input.pickNumber": "Bạn hãy chọn một số từ 1 đến {max}.",
  rateLimit: "Bạn gửi hơi nhanh. Vui lòng đợi một chút rồi hỏi tiếp nhé.",
  "error.generic": "Xin lỗi, có lỗi xảy ra. Bạn vui lòng thử lại sau ít phút.",
  "choice.hint": "Bạn trả lời bằng số từ 1 đến {max}, hoặc gõ lại lựa chọn.",
  "choice.stale": "Lựa chọn này đã cũ hoặc không còn dùng được. Bạn hãy hỏi lại hoặc gõ /start.",
  "procedure.gone": "Thủ tục này không còn trong danh mục. Bạn hãy hỏi lại để tìm thủ tục hiện hành.",

  // Procedure card.
  "card.code": "Mã thủ tục: {code}",
  "card.level": "Cấp thực hiện: {levels}",
  "card.agency": "Cơ quan thực hiện: {agency}",
  "level.bo": "Bộ",
  "level.tinh": "Tỉnh",
  "level.xa": "Xã",
  "level.khac": "Cơ quan khác",
  "card.papers": "Giấy tờ cần mang",
  "card.case": "Trường hợp: {title}",
  "card.paperCount": "{originals} bản chính, {copies} bản sao",
  "card.paperOriginals": "{originals} bản chính",
  "card.paperCopies": "{copies} bản sao",
  "card.paperForm": "mẫu: {forms}",
  "card.paperShow": "xuất trình",
  "card.noPapers": "Hồ sơ không ghi giấy tờ cụ thể.",
  "card.papersUnknown": "Chưa rõ giấy tờ cần mang. Xem trang chính thức.",
  "card.fee": "Lệ phí",
  "card.feeFree": "miễn phí",
  "card.feeProvince": "do HĐND tỉnh quyết định",
  "card.feeUnknown": "chưa rõ, xem trang chính thức",
  "card.feeAmount": "{amount} đồng",
  "card.feeLocal": "Theo quy định của địa phương ({decision}).",
  "card.time": "Thời gian giải quyết",
  "card.timeUnknown": "chưa rõ, xem trang chính thức",
  "card.channelLine": "{channel}: {value}",
  "channel.truc_tiep": "Nộp trực tiếp",
  "channel.truc_tuyen": "Nộp trực tuyến",
  "channel.buu_chinh": "Gửi qua bưu điện",
  "unit.ngay_lam_viec": "ngày làm việc",
  "unit.ngay": "ngày",
  "unit.gio": "giờ",
  "unit.gio_lam_viec": "giờ làm việc",
  "unit.thang": "tháng",
  "unit.nam": "năm",
  "unit.tuan": "tuần",
  "unit.phut": "phút",
  "card.place": "Nộp ở đâu, nộp thế nào",
  "card.inPerson": "Nộp trực tiếp tại {office}, {address}. Giờ làm việc: {hours}.",
  "card.byPost": "Gửi hồ sơ qua bưu điện đến cơ quan giải quyết.",
  "card.online": "Nộp trực tuyến trên Cổng Dịch vụ công quốc gia.",
  "card.vneid": "Để nộp trực tuyến, bạn cần tài khoản định danh điện tử VNeID mức độ 2.",
  "card.onlineNo": "Thủ tục này chưa nộp trực tuyến được.",
  "card.portal": "Cổng Dịch vụ công quốc gia",
  "card.channelsUnknown": "Chưa rõ cách nộp. Xem trang chính thức.",
  "card.conditions": "Điều kiện",
  "card.legal": "Căn cứ pháp lý",
  "card.steps": "Các bước thực hiện",
  "card.result": "Kết quả",
  "card.applicants": "Ai được làm",
  "card.officialLink": "Xem trên trang chính thức",
  "card.unreviewed":
    "Thông tin lấy tự động từ Cổng Dịch vụ công, chưa được cán bộ kiểm tra. Hãy đối chiếu với trang chính thức.",
  "card.partlyUnknown": "Một số phần chưa đọc rõ được, đây là nguyên văn trên trang chính thức:",
  "card.partlyUnknownLink": "Một số phần chưa đọc rõ được. Xem đầy đủ trên trang chính thức.",
  "card.curatedNote": "Ghi chú của cơ quan: {note}",
  "card.repealed": "Thủ tục này đã bị bãi bỏ.",
  "card.replacedBy": "Thủ tục thay thế:",
  "card.pending": "Thủ tục này chưa có hiệu lực.",
  "card.bundle": "Có thủ tục liên thông làm cùng lúc nhiều việc, đỡ phải đi nhiều lần:",
  "card.related": "Thủ tục liên quan:",
  "card.prepare": "Chuẩn bị hồ sơ",
  "card.unknownValue": "chưa rõ",
  "card.sectionUncertain":
    "Phần này có chỗ chưa đọc rõ từ trang chính thức. Hãy đối chiếu tại đường link cuối tin.",
  "card.officialWording": "Nguyên văn trên trang chính thức:",
  "card.casesPick":
    "Thủ tục này có {n} trường hợp. Bấm “Chuẩn bị hồ sơ” rồi chọn trường hợp của bạn để xem giấy tờ cần mang.",
  "card.moreNotes": "Còn {n} lưu ý khác, xem trên trang chính thức.",
  "card.paperCountUnknown": "số bản: chưa rõ",
  "card.notStated": "Trang chính thức không ghi thông tin này.",

  // Section names used in "partly unknown" notes.
  "section.applicants": "Đối tượng",
  "section.channels": "Cách thức thực hiện",
  "section.papers": "Thành phần hồ sơ",
  "section.steps": "Trình tự thực hiện",
  "section.conditions": "Yêu cầu, điều kiện",
  "section.legalBasis": "Căn cứ pháp lý",
  "section.result": "Kết quả",
  "section.agency": "Cơ quan thực hiện",

  // Helpfulness.
  "vote.question": "Câu trả lời có giúp ích cho bạn không?",
  "vote.up": "👍 Có ích",
  "vote.down": "👎 Chưa đúng",
  "vote.thanksUp": "Cảm ơn bạn! Chúc bạn làm thủ tục thuận lợi.",
  "vote.thanksDown":
    "Cảm ơn bạn đã cho biết. Bạn thử hỏi lại bằng từ khác, hoặc gọi đường dây nóng {hotline}.",

  // Checklist.
  "checklist.pickCase": "Bạn thuộc trường hợp nào?",
  "checklist.caseDefault": "Trường hợp {n}",
  "checklist.title": "Hồ sơ: {name}",
  "checklist.instructions": "Bấm vào giấy tờ bạn đã có để đánh dấu.",
  "checklist.missing": "Còn thiếu:",
  "checklist.complete": "Bạn đã có đủ giấy tờ. Nhớ mang theo khi đi nộp nhé.",
  "checklist.saved":
    "Tôi sẽ giữ danh sách này cho bạn trong 30 ngày. Gõ “còn thiếu gì” hoặc /hoso để xem lại.",
  "checklist.noPapers": "Trường hợp này không có danh sách giấy tờ cụ thể. Xem trang chính thức.",
  "checklist.none": "Bạn chưa có hồ sơ nào đang chuẩn bị. Hãy hỏi một thủ tục rồi bấm “Chuẩn bị hồ sơ”.",
  "checklist.listTitle": "Hồ sơ bạn đang chuẩn bị:",
  "checklist.listItem": "{name}: còn thiếu {missing}/{total}",
  "checklist.show": "Xem hồ sơ",
  "checklist.delete": "Xóa hồ sơ này",
  "checklist.deleted": "Đã xóa hồ sơ này.",
  "checklist.done": "✓ {name}",
  "checklist.todo": "○ {name}",

  // Browse.
  "browse.fields": "Chọn lĩnh vực:",
  "browse.procedures": "Thủ tục trong lĩnh vực {field}:",
  "browse.next": "Trang sau ›",
  "browse.prev": "‹ Trang trước",
  "browse.page": "Trang {page}/{pages}",
  "browse.empty": "Danh mục chưa có thủ tục nào.",

  // Language.
  "lang.choose": "Chọn ngôn ngữ:",
  "lang.vi": "Tiếng Việt",
  "lang.en": "English",
  "lang.set": "Đã chuyển sang tiếng Việt.",

  // Staff desk (the staff group and staff members' private chats).
  "staff.notStaff": "Xin lỗi, chỉ cán bộ có tên trong danh sách của cơ quan mới dùng được chức năng này.",
  "staff.needsSupervisor": "Việc này cần quyền lãnh đạo (supervisor).",
  "staff.help.title": "Lệnh dành cho cán bộ",
  "staff.help.role": "Vai trò của bạn: {role}.",
  "staff.role.operator": "cán bộ tiếp nhận",
  "staff.role.supervisor": "lãnh đạo",

  // Hotline tickets: categories and statuses.
  "ticket.category.thai_do": "Thái độ cán bộ",
  "ticket.category.tre_han": "Hồ sơ trễ hẹn",
  "ticket.category.nhung_nhieu": "Bị đòi thêm giấy tờ nhiều lần hoặc đòi tiền ngoài quy định",
  "ticket.category.quy_dinh": "Quy định hành chính chưa hợp lý",
  "ticket.category.kien_nghi": "Góp ý, sáng kiến",
  "ticket.category.khac": "Việc khác",
  "ticket.status.new": "Mới gửi",
  "ticket.status.received": "Đã tiếp nhận",
  "ticket.status.in_progress": "Đang xử lý",
  "ticket.status.answered": "Đã trả lời",
  "ticket.status.closed": "Đã đóng",
  "ticket.status.reopened": "Mở lại",

  // Hotline: what the citizen is told in their chat.
  "ticket.notice.status": "Phản ánh {code} của bạn: {status}.",
  "ticket.notice.closed":
    "Phản ánh {code} đã được đóng. Bạn hãy gõ /trangthai {code} để đánh giá việc giải quyết, hoặc báo nếu việc chưa được giải quyết (trong 7 ngày).",
  "ticket.notice.answer": "Cơ quan đã trả lời phản ánh {code} của bạn:",
  "ticket.notice.answerNext": "Nếu còn thắc mắc, bạn gõ /trangthai {code} để xem lại.",

  // Hotline: cards in the staff chat.
  "ticket.card.new": "Phản ánh mới {code}",
  "ticket.card.reopened": "Phản ánh {code} được mở lại: người dân báo việc chưa được giải quyết.",
  "ticket.card.reopenReason": "Lý do người dân nêu: {reason}",
  "ticket.card.rated": "Phản ánh {code} được người dân đánh giá {score}/5.",
  "ticket.card.category": "Loại: {category}",
  "ticket.card.procedure": "Thủ tục: {name} ({code})",
  "ticket.card.description": "Nội dung: {text}",
  "ticket.card.phone": "Liên hệ: {phone}",
  "ticket.card.anonymous": "Liên hệ: người dân chọn ẩn danh",
  "ticket.card.due": "Hạn trả lời: {date}",
  "ticket.card.status": "Trạng thái: {status}",
  "ticket.card.assignee": "Người xử lý: {who}",
  "ticket.card.photo": "Ảnh kèm phản ánh {code}",
  "ticket.card.howToAnswer": "Để trả lời người dân: bấm “Trả lời” (reply) vào tin nhắn này rồi gõ nội dung.",
  "ticket.card.take": "Nhận xử lý",
  "ticket.card.inProgress": "Đang xử lý",
  "ticket.card.close": "Đóng",
} as const;

export type MessageKey = keyof typeof vi;
export type Messages = { readonly [K in MessageKey]: string };
