/** Scores a search against a labelled query set (top-1, top-3, MRR@5, out-of-scope rejection). */
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { z } from "zod";
import type { ProcedureSearch } from "../../src/search/types.ts";

const item = z.object({
  q: z.string(),
  codes: z.array(z.string().regex(/^\d\.\d{6}$/)),
  style: z.string().min(1),
});
const querySet = z.object({ items: z.array(item).min(1) });
export type EvalItem = z.infer<typeof item>;

export function readQuerySet(path: string): EvalItem[] {
  return querySet.parse(parse(readFileSync(path, "utf8"))).items;
}

export interface SliceMetrics {
  n: number;
  top1: number;
  top3: number;
  mrr: number;
  /** In scope: share answered directly; out of scope: share rejected ("none"). */
  answered: number;
  rejected: number;
}

export interface Evaluation {
  inScope: SliceMetrics;
  outOfScope: SliceMetrics;
  byStyle: Record<string, SliceMetrics>;
  misses: { q: string; style: string; got: string | null }[];
}

function empty(): SliceMetrics {
  return { n: 0, top1: 0, top3: 0, mrr: 0, answered: 0, rejected: 0 };
}

/** NFD items are stored in NFC (readable) and decomposed here. */
export function queryText(it: EvalItem): string {
  return it.style === "nfd" ? it.q.normalize("NFD") : it.q;
}

export function evaluate(search: ProcedureSearch, items: readonly EvalItem[]): Evaluation {
  const sums = { in: empty(), out: empty(), style: {} as Record<string, SliceMetrics> };
  const misses: Evaluation["misses"] = [];
  for (const it of items) {
    const r = search.search(queryText(it));
    sums.style[it.style] ??= empty();
    const style = sums.style[it.style]!;
    const slices = [style, it.codes.length === 0 ? sums.out : sums.in];
    for (const s of slices) s.n++;
    if (it.codes.length === 0) {
      if (r.decision === "none") for (const s of slices) s.rejected++;
      else misses.push({ q: it.q, style: it.style, got: r.candidates[0]?.code ?? null });
      continue;
    }
    const rank = r.candidates.slice(0, 5).findIndex((c) => it.codes.includes(c.code));
    for (const s of slices) {
      if (rank === 0) s.top1++;
      if (rank >= 0 && rank < 3) s.top3++;
      if (rank >= 0) s.mrr += 1 / (rank + 1);
      if (r.decision === "answer") s.answered++;
      if (r.decision === "none") s.rejected++;
    }
    if (rank !== 0) misses.push({ q: it.q, style: it.style, got: r.candidates[0]?.code ?? null });
  }
  const finish = (s: SliceMetrics): SliceMetrics =>
    s.n === 0
      ? s
      : {
          n: s.n,
          top1: s.top1 / s.n,
          top3: s.top3 / s.n,
          mrr: s.mrr / s.n,
          answered: s.answered / s.n,
          rejected: s.rejected / s.n,
        };
  const byStyle: Record<string, SliceMetrics> = {};
  for (const [k, v] of Object.entries(sums.style)) byStyle[k] = finish(v);
  return { inScope: finish(sums.in), outOfScope: finish(sums.out), byStyle, misses };
}

export function formatEvaluation(e: Evaluation): string {
  const pct = (x: number) => x.toFixed(3);
  const row = (name: string, m: SliceMetrics, oos = false) =>
    oos
      ? `${name.padEnd(10)} n=${String(m.n).padStart(3)}  rejection ${pct(m.rejected)}`
      : `${name.padEnd(10)} n=${String(m.n).padStart(3)}  top1 ${pct(m.top1)}  top3 ${pct(m.top3)}  mrr ${pct(m.mrr)}  answered ${pct(m.answered)}  none ${pct(m.rejected)}`;
  return [
    ...Object.entries(e.byStyle)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, m]) => row(k, m, k === "oos")),
    row("IN-SCOPE", e.inScope),
    row("OUT", e.outOfScope, true),
  ].join("\n");
}
