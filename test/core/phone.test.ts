import { describe, expect, it } from "vitest";
import { normaliseVietnamesePhone } from "../../src/core/phone.ts";

describe("Vietnamese phone numbers", () => {
  it.each([
    ["0912 345 678", "0912345678"],
    ["091.234.5678", "0912345678"],
    ["+84 912 345 678", "0912345678"],
    ["84912345678", "0912345678"],
    ["0387-654-321", "0387654321"],
    ["(024) 3825 1234", "02438251234"],
    ["028 3829 1234", "02838291234"],
  ])("reads %s as %s", (raw, expected) => {
    expect(normaliseVietnamesePhone(raw)).toBe(expected);
  });

  it.each([
    "",
    "12345",
    "0123 456 789",
    "0612345678",
    "091234567890",
    "+1 202 555 0100",
    "số của tôi",
    "0912a45678",
  ])("refuses %s", (raw) => {
    expect(normaliseVietnamesePhone(raw)).toBeNull();
  });
});
