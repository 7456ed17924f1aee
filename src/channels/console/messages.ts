/**
 * The terminal chat's own lines (banner, goodbye), per locale. Everything the assistant says comes
 * from the core's locale files; these frame the session for the person at the keyboard.
 */
import type { Locale } from "../../core/model.ts";

export interface ConsoleMessages {
  banner: string;
  /** For the operator: how to run the real bots instead. */
  noToken: string;
  howToExit: string;
  goodbye: string;
  prompt: string;
}

export const consoleMessages: Readonly<Record<Locale, ConsoleMessages>> = {
  vi: {
    banner: "Hỏi Thủ Tục: trò chuyện thử ngay trong cửa sổ dòng lệnh.",
    noToken:
      "(Chưa đặt TELEGRAM_BOT_TOKEN hay ZALO_BOT_TOKEN nên trợ lý chạy ở đây; xem .env.example để chạy bot.)",
    howToExit: "Gõ câu hỏi rồi nhấn Enter. Trả lời bằng số để chọn. Gõ /thoat (hoặc Ctrl-D) để thoát.",
    goodbye: "Tạm biệt! Chúc bạn làm thủ tục thuận lợi.",
    prompt: "Bạn › ",
  },
  en: {
    banner: "Hỏi Thủ Tục: try the assistant right here in the terminal.",
    noToken:
      "(No TELEGRAM_BOT_TOKEN or ZALO_BOT_TOKEN is set, so the assistant runs here; see .env.example to run the bots.)",
    howToExit:
      "Type a question and press Enter. Answer with a number to choose. Type /thoat (or Ctrl-D) to leave.",
    goodbye: "Goodbye! Good luck with your procedure.",
    prompt: "You › ",
  },
};
