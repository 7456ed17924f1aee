import { describe, expect, it } from "vitest";
import { formatTicketCode, normaliseTicketCode, vietnamDate } from "../../src/tickets/ticket.ts";
import { addWorkingDays, isWorkingDay, workingDaysBetween } from "../../src/tickets/working-days.ts";

/** 09:00 in Vietnam on a date. */
const vn = (date: string, hour = 9) => Date.parse(`${date}T${String(hour).padStart(2, "0")}:00:00+07:00`);

describe("working days", () => {
  it("skips weekends: 3 working days from a Thursday is the next Tuesday", () => {
    expect(addWorkingDays(vn("2026-11-26"), 3, new Set())).toBe("2026-12-01");
  });

  it("skips the locality's holidays (Quốc khánh 2/9/2026 is a Wednesday)", () => {
    expect(addWorkingDays(vn("2026-09-01"), 1, new Set(["2026-09-02"]))).toBe("2026-09-03");
    expect(isWorkingDay("2026-09-02", new Set(["2026-09-02"]))).toBe(false);
  });

  it("counts a submission at night in Vietnam time, not UTC", () => {
    // 23:30 on Friday in Vietnam is 16:30 UTC the same day; late Sunday UTC is Monday in Vietnam.
    expect(vietnamDate(vn("2026-11-27", 23))).toBe("2026-11-27");
    expect(vietnamDate(Date.parse("2026-11-29T18:00:00Z"))).toBe("2026-11-30");
    expect(addWorkingDays(Date.parse("2026-11-29T18:00:00Z"), 1, new Set())).toBe("2026-12-01");
  });

  it("counts the working days between two dates", () => {
    expect(workingDaysBetween("2026-11-27", "2026-12-01", new Set())).toBe(2);
    expect(workingDaysBetween("2026-12-01", "2026-12-01", new Set())).toBe(0);
  });
});

describe("ticket codes", () => {
  it("reads PA-<yymm>-<number> in Vietnam time", () => {
    expect(formatTicketCode(42, vn("2026-11-05"))).toBe("PA-2611-0042");
    expect(formatTicketCode(123456, vn("2026-11-05"))).toBe("PA-2611-123456");
    expect(formatTicketCode(1, Date.parse("2026-11-30T18:00:00Z"))).toBe("PA-2612-0001");
  });

  it("accepts what people type", () => {
    expect(normaliseTicketCode(" pa-2611-42 ")).toBe("PA-2611-0042");
    expect(normaliseTicketCode("PA 2611 0042")).toBe("PA-2611-0042");
    expect(normaliseTicketCode("2611-0042")).toBeNull();
    expect(normaliseTicketCode("PA-26-1")).toBeNull();
  });
});
