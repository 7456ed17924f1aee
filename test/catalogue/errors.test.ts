import { describe, expect, it } from "vitest";
import { CatalogueError, formatFieldPath, formatProblem } from "../../src/catalogue/errors.ts";

describe("formatFieldPath", () => {
  it("writes indexes in brackets and names with dots", () => {
    expect(formatFieldPath(["channels", 0, "time", "unit"])).toBe("channels[0].time.unit");
    expect(formatFieldPath([])).toBe("");
    expect(formatFieldPath([2, "name"])).toBe("[2].name");
  });

  it("quotes keys that are not plain names", () => {
    expect(formatFieldPath(["feedbackDueDays", "thái độ"])).toBe('feedbackDueDays["thái độ"]');
  });
});

describe("CatalogueError", () => {
  it("lists every problem in its message, with file and field path", () => {
    const error = new CatalogueError([
      { file: "procedures/ho-tich/1.001193.yaml", path: "levels[0]", message: "Invalid option" },
      { file: "procedures/locality.yaml", path: "", message: "the file is empty" },
    ]);
    expect(error.name).toBe("CatalogueError");
    expect(error.message).toBe(
      [
        "The catalogue has 2 problems:",
        "  - procedures/ho-tich/1.001193.yaml › levels[0]: Invalid option",
        "  - procedures/locality.yaml: the file is empty",
      ].join("\n"),
    );
  });

  it("keeps the message readable when there are hundreds of problems, and all of them in `problems`", () => {
    const problems = Array.from({ length: 120 }, (_, index) => ({
      file: `procedures/x/${index}.yaml`,
      path: "",
      message: "the file is empty",
    }));
    const error = new CatalogueError(problems);
    expect(error.problems).toHaveLength(120);
    const lines = error.message.split("\n");
    expect(lines[0]).toBe("The catalogue has 120 problems:");
    expect(lines).toHaveLength(52);
    expect(lines.at(-1)).toBe("  … and 70 more");
  });

  it("formats a single problem", () => {
    expect(formatProblem({ file: "f.yaml", path: "code", message: "m" })).toBe("f.yaml › code: m");
    expect(new CatalogueError([{ file: "f.yaml", path: "", message: "m" }]).message).toMatch(
      /^The catalogue has 1 problem:/,
    );
  });
});
