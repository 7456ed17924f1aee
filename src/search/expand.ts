/** Applies the citizen vocabulary to a query: finds the terms and returns what to add. */
import type { Token } from "./normalize.ts";
import { FirstWordIndex, findPhrase, foldedWords, type Phrase, phrase } from "./phrase-match.ts";
import { VOCABULARY, type VocabularyEntry } from "./vocabulary.ts";

export interface Expansion {
  /** Query token positions the citizen's term covers. */
  readonly positions: readonly number[];
  /** The official words added (tokens). */
  readonly tokens: readonly Token[];
}

interface CompiledEntry {
  readonly says: readonly Phrase[];
  readonly means: Phrase;
}

export function compileVocabulary(
  entries: readonly VocabularyEntry[] = VOCABULARY,
): readonly CompiledEntry[] {
  return entries.map((e) => ({ says: e.says.map(phrase), means: phrase(e.means) }));
}

let defaultCompiled: readonly CompiledEntry[] | undefined;

let multiWordTerms: readonly Phrase[] | undefined;

/** The citizen terms of more than one word ("sửa nhà", "trẻ em"): kept whole by the stop phrases. */
export function vocabularyPhrases(): readonly Phrase[] {
  defaultCompiled ??= compileVocabulary();
  multiWordTerms ??= defaultCompiled.flatMap((e) => e.says.filter((p) => p.length > 1));
  return multiWordTerms;
}

let officialTerms: readonly Phrase[] | undefined;

/**
 * The official wordings the vocabulary adds, of more than two words ("đăng ký khai sinh"): a query
 * holding one names a procedure in the catalogue's own words.
 */
export function officialPhrases(): readonly Phrase[] {
  defaultCompiled ??= compileVocabulary();
  officialTerms ??= [
    ...new Map(
      defaultCompiled
        .filter((e) => e.means.length > 2)
        .map((e) => [e.means.map((t) => t.folded).join(" "), e.means]),
    ).values(),
  ];
  return officialTerms;
}

/** Each compiled vocabulary's entries by the first word of what citizens say. */
const entryIndexes = new WeakMap<readonly CompiledEntry[], FirstWordIndex<CompiledEntry>>();

function indexOf(entries: readonly CompiledEntry[]): FirstWordIndex<CompiledEntry> {
  let index = entryIndexes.get(entries);
  if (index === undefined) {
    index = new FirstWordIndex(entries, (e) => e.says);
    entryIndexes.set(entries, index);
  }
  return index;
}

/** Every vocabulary term found in the query, with the official words it adds. */
export function expandQuery(tokens: readonly Token[], compiled?: readonly CompiledEntry[]): Expansion[] {
  defaultCompiled ??= compileVocabulary();
  const entries = compiled ?? defaultCompiled;
  const out: Expansion[] = [];
  for (const entry of indexOf(entries).candidates(foldedWords(tokens))) {
    let best: number[] | null = null;
    for (const p of entry.says) {
      for (const start of findPhrase(tokens, p)) {
        if (!best || p.length > best.length) best = Array.from({ length: p.length }, (_, k) => start + k);
      }
    }
    if (best) out.push({ positions: best, tokens: entry.means });
  }
  // The longest term wins: "tách hộ khẩu" is tách hộ, not also "hộ khẩu" → thường trú.
  return out.filter(
    (e) =>
      !out.some(
        (o) =>
          o !== e &&
          o.positions.length > e.positions.length &&
          e.positions.some((p) => o.positions.includes(p)),
      ),
  );
}

/** Folded syllables the vocabulary knows (citizen terms and official words), for Telex repair. */
export function vocabularySyllables(entries: readonly VocabularyEntry[] = VOCABULARY): Set<string> {
  const out = new Set<string>();
  for (const e of entries) {
    for (const text of [...e.says, e.means]) for (const t of phrase(text)) out.add(t.folded);
  }
  return out;
}

/** Folded neighbouring syllable pairs of the vocabulary ("khai_sinh"), for spelling repair. */
export function vocabularyPairs(entries: readonly VocabularyEntry[] = VOCABULARY): Set<string> {
  const out = new Set<string>();
  for (const e of entries) {
    for (const text of [...e.says, e.means]) {
      const t = phrase(text).map((x) => x.folded);
      for (let i = 0; i + 1 < t.length; i++) out.add(`${t[i]}_${t[i + 1]}`);
    }
  }
  return out;
}
