/**
 * Search from the command line.
 *
 *   npm run --silent search -- --json    one query per line on stdin → one JSON object per line
 *   npm run search -- "câu hỏi"          one query, printed for people
 *
 * JSON lines: {"query","answer","aspect","results":[{"code","name","score"}…≤5]}, in input order.
 * Nothing but those lines goes to stdout in --json mode; problems go to stderr.
 */
import { createInterface } from "node:readline";
import { loadCatalogue } from "../catalogue/load.ts";
import { createSearch, type NoneReason } from "./search.ts";
import type { SearchResult } from "./types.ts";

export interface CliLine {
  query: string;
  answer: string | null;
  aspect: string | null;
  results: { code: string; name: string; score: number }[];
}

export function toCliLine(query: string, r: SearchResult): CliLine {
  return {
    query,
    answer: r.answer,
    aspect: r.aspect,
    results: r.candidates.slice(0, 5).map((c) => ({ code: c.code, name: c.name, score: c.score })),
  };
}

/** Why nothing fits, for the IT officer reading the CLI (search.ts NoneReason). */
const WHY: Record<NoneReason, string> = {
  empty: "câu hỏi không có từ nào để tìm",
  unfound: "không thủ tục nào có các từ này",
  "off-topic": "câu hỏi nói về việc khác",
  "voted-none": "giống các câu hỏi mẫu mà danh mục không có thủ tục",
  "ask-unexplained": "không thủ tục nào nói đến điều được hỏi",
  weak: "thủ tục gần nhất chỉ khớp một phần",
  unlikely: "mô hình quyết định (decision-model.ts) thấy câu hỏi nằm ngoài danh mục",
};

export function formatHuman(
  line: CliLine,
  decision: SearchResult["decision"],
  details: { why?: NoneReason; weighed?: readonly string[] } = {},
): string {
  const head = {
    answer: `Trả lời ngay: ${line.answer}`,
    clarify: "Hỏi lại người dân để chọn",
    none: "Không có thủ tục phù hợp",
  }[decision];
  const reason = details.why === undefined ? "" : ` (${WHY[details.why]})`;
  const rows = line.results.map((r, i) => `  ${i + 1}. ${r.code}  ${r.name}  (${r.score})`);
  const weighed =
    decision === "none" && details.weighed?.length ? [`Đã cân nhắc: ${details.weighed.join(", ")}`] : [];
  return [
    `Câu hỏi: ${line.query}`,
    `Quyết định: ${head}${reason}`,
    `Khía cạnh: ${line.aspect ?? "—"}`,
    ...rows,
    ...weighed,
  ].join("\n");
}

async function main(argv: readonly string[]): Promise<number> {
  const json = argv.includes("--json");
  const dirFlag = argv.indexOf("--dir");
  const dir = dirFlag >= 0 ? (argv[dirFlag + 1] ?? "procedures") : "procedures";
  const words = argv.filter(
    (a, i) => a !== "--json" && a !== "--dir" && !(dirFlag >= 0 && i === dirFlag + 1),
  );
  const catalogue = await loadCatalogue(dir);
  const search = createSearch(catalogue);
  if (json) {
    const lines = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
    for await (const raw of lines) {
      const line = toCliLine(raw, search.search(raw));
      process.stdout.write(`${JSON.stringify(line)}\n`);
    }
    return 0;
  }
  const query = words.join(" ");
  if (query.trim() === "") {
    process.stderr.write(
      'Cách dùng: npm run search -- "câu hỏi"   hoặc   npm run --silent search -- --json < cau-hoi.txt\n',
    );
    return 2;
  }
  const explained = search.explain(query);
  const { result } = explained;
  process.stdout.write(`${formatHuman(toCliLine(query, result), result.decision, explained)}\n`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`search: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
