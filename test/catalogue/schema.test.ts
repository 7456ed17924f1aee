import { describe, expect, it } from "vitest";
import { procedureCode } from "../../src/catalogue/schema.ts";

describe("procedure code", () => {
  it("accepts national codes and refuses others", () => {
    expect(procedureCode.safeParse("1.001193").success).toBe(true);
    expect(procedureCode.safeParse("1001193").success).toBe(false);
    expect(procedureCode.safeParse("1.0011").success).toBe(false);
  });
});
