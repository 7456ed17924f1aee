/**
 * What is wrong with a catalogue: every problem names the file (relative to the repository), the
 * field path inside it (`channels[0].time.unit`) and what is wrong, in plain words.
 */
import type { z } from "zod";

export interface CatalogueProblem {
  /** e.g. `procedures/ho-tich/1.001193.yaml` */
  readonly file: string;
  /** e.g. `channels[0].time.unit`; empty when the problem is the whole file. */
  readonly path: string;
  readonly message: string;
}

/** How many problems the error message lists; `problems` always has all of them. */
const MESSAGE_LIMIT = 50;

export class CatalogueError extends Error {
  override readonly name = "CatalogueError";
  readonly problems: readonly CatalogueProblem[];

  constructor(problems: readonly CatalogueProblem[]) {
    super(describeProblems(problems));
    this.problems = problems;
  }
}

export function formatProblem(problem: CatalogueProblem): string {
  return problem.path
    ? `${problem.file} › ${problem.path}: ${problem.message}`
    : `${problem.file}: ${problem.message}`;
}

function describeProblems(problems: readonly CatalogueProblem[]): string {
  const count = problems.length === 1 ? "1 problem" : `${problems.length} problems`;
  const lines = problems.slice(0, MESSAGE_LIMIT).map((problem) => `  - ${formatProblem(problem)}`);
  if (problems.length > MESSAGE_LIMIT) lines.push(`  … and ${problems.length - MESSAGE_LIMIT} more`);
  return `The catalogue has ${count}:\n${lines.join("\n")}`;
}

/** `["channels", 0, "time", "unit"]` → `channels[0].time.unit` */
export function formatFieldPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else if (typeof key === "string" && /^[A-Za-z_$][\w$]*$/.test(key)) out += out ? `.${key}` : key;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
}

/** Zod's issues as catalogue problems, with messages a person editing YAML understands. */
export function problemsFromZod(file: string, error: z.ZodError): CatalogueProblem[] {
  return error.issues.map((issue) => ({
    file,
    path: formatFieldPath(issue.path),
    message: issueMessage(issue),
  }));
}

function issueMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === "invalid_type" && / received undefined$/.test(issue.message)) {
    return `missing (expected ${issue.expected})`;
  }
  if (
    issue.code === "invalid_type" &&
    issue.expected === "string" &&
    / received number$/.test(issue.message)
  ) {
    // `code: 1.001193` unquoted is a number in YAML (and 1.001190 would even lose its last zero).
    return 'expected text but found a number: put it in quotes, e.g. "1.001193"';
  }
  if (issue.code === "unrecognized_keys") {
    return `unknown key${issue.keys.length > 1 ? "s" : ""} ${issue.keys.join(", ")}`;
  }
  return issue.message;
}
