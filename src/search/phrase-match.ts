/** Finding a phrase (a token sequence) inside a query's tokens, accent-aware. */
import { hasMarks, type Token, tokenize } from "./normalize.ts";

/**
 * Accent-aware equality: equal accented forms, or a query token typed without marks whose folded
 * form equals the phrase token's folded form.
 */
export function tokenMatches(query: Token, phrase: Token): boolean {
  if (query.accented === phrase.accented) return true;
  return !hasMarks(query) && query.folded === phrase.folded;
}

/** A phrase prepared for matching. */
export type Phrase = readonly Token[];

export function phrase(text: string): Phrase {
  return tokenize(text);
}

/** True when `p` occurs in `tokens` at position `at`. */
export function phraseAt(tokens: readonly Token[], at: number, p: Phrase): boolean {
  if (p.length === 0 || at + p.length > tokens.length) return false;
  for (let i = 0; i < p.length; i++) {
    if (!tokenMatches(tokens[at + i]!, p[i]!)) return false;
  }
  return true;
}

/** Positions where `p` occurs in `tokens`. */
export function findPhrase(tokens: readonly Token[], p: Phrase): number[] {
  const at: number[] = [];
  if (p.length === 0) return at;
  // A match starts with the phrase's first word folded: most places are ruled out by one comparison.
  const first = p[0]!.folded;
  for (let i = 0; i + p.length <= tokens.length; i++)
    if (tokens[i]!.folded === first && phraseAt(tokens, i, p)) at.push(i);
  return at;
}

/** The folded words of a query, to rule out at once the phrases whose first word it lacks. */
export function foldedWords(tokens: readonly Token[]): Set<string> {
  const out = new Set<string>();
  for (const t of tokens) out.add(t.folded);
  return out;
}

/**
 * Rules or entries indexed by the first folded word of each of their phrases: a question's words
 * give at once the few whose phrases may occur in it, in their original order, instead of every
 * one being tried.
 */
export class FirstWordIndex<T> {
  private readonly byWord = new Map<string, number[]>();
  private readonly marks: Uint8Array;

  constructor(
    private readonly items: readonly T[],
    phrasesOf: (item: T) => readonly Phrase[],
  ) {
    this.marks = new Uint8Array(items.length);
    items.forEach((item, i) => {
      for (const p of phrasesOf(item)) {
        if (p.length === 0) continue;
        const list = this.byWord.get(p[0]!.folded);
        if (list === undefined) this.byWord.set(p[0]!.folded, [i]);
        else if (list.at(-1) !== i) list.push(i);
      }
    });
  }

  /** The items with a phrase whose first word is among `words`, in their original order. */
  candidates(words: ReadonlySet<string>): T[] {
    const found: number[] = [];
    for (const w of words) {
      for (const i of this.byWord.get(w) ?? []) {
        if (this.marks[i] === 1) continue;
        this.marks[i] = 1;
        found.push(i);
      }
    }
    found.sort((a, b) => a - b);
    for (const i of found) this.marks[i] = 0;
    return found.map((i) => this.items[i]!);
  }
}

/** True when any of the phrases occurs. */
export function containsAny(tokens: readonly Token[], phrases: readonly Phrase[]): boolean {
  return phrases.some((p) => findPhrase(tokens, p).length > 0);
}
