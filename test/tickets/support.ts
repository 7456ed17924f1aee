/** Test support for the hotline: a realistic confirmed submission. */
import type { NewTicket } from "../../src/tickets/ticket.ts";

export function submission(overrides: Partial<NewTicket> = {}): NewTicket {
  return {
    category: "tre_han",
    procedure: { code: "1.001193", name: "Đăng ký khai sinh" },
    description: "Hồ sơ khai sinh cho con tôi hẹn trả ngày 20/11 nhưng đến nay vẫn chưa có kết quả.",
    contact: { kind: "phone", phone: "0912345678" },
    citizen: { address: "telegram:5550001", locale: "vi" },
    ...overrides,
  };
}
