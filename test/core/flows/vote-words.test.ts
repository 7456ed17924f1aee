import { describe, expect, it } from "vitest";
import { voteWord } from "../../../src/core/flows/vote-words.ts";

describe("voteWord", () => {
  it("reads a short yes or no to 'was this helpful?'", () => {
    for (const text of ["có", "Có ạ", "có ích", "rất hữu ích", "đúng rồi", "yes"])
      expect(voteWord(text), text).toBe("up");
    for (const text of ["không", "ko", "không đúng", "chưa đúng ạ", "sai rồi", "no"])
      expect(voteWord(text), text).toBe("down");
  });

  it("leaves a longer message alone", () => {
    for (const text of ["có phải làm ở xã không", "không biết làm ở đâu", "có cần cccd không", ""]) {
      expect(voteWord(text), text).toBeNull();
    }
  });
});
