/**
 * Repairs Telex and VNI left-overs typed on a keyboard without a Vietnamese input method
 * ("ddawng kys" → "dang ky", "d9a8ng ky1" → "dang ky"). The repair produces the folded form and is
 * accepted only when the token is not already a known syllable and the repaired form is one, so
 * English words and abbreviations (visa, cccd, gplx) survive.
 */

import { unifyIY } from "./normalize.ts";

const VOWELS = new Set(["a", "e", "i", "o", "u", "y"]);

/** Telex: dd → d, tone keys s f r x j after the first vowel dropped, aa/ee/oo/aw/ow/uw/w folded. */
export function decodeTelex(token: string): string {
  if (!/^[a-z]+$/.test(token)) return token;
  let text = token.replace(/dd/g, "d");
  let firstVowel = -1;
  for (let i = 0; i < text.length; i++) {
    if (VOWELS.has(text[i]!) || text[i] === "w") {
      firstVowel = i;
      break;
    }
  }
  if (firstVowel >= 0) {
    const head = text.slice(0, firstVowel + 1);
    const tail = text.slice(firstVowel + 1).replace(/[sfrxj]/g, "");
    text = head + tail;
  }
  return text
    .replace(/aa/g, "a")
    .replace(/ee/g, "e")
    .replace(/oo/g, "o")
    .replace(/([aou])w/g, "$1")
    .replace(/w/g, "u");
}

/** VNI: digits 1–9 typed after letters are marks; removing them gives the folded form. */
export function decodeVni(token: string): string {
  if (!/^[a-z][a-z0-9]*$/.test(token) || !/[a-z][1-9]/.test(token)) return token;
  return token.replace(/[1-9]/g, "");
}

/**
 * The folded syllable this token most likely stands for, or the token itself. `vocabulary` holds
 * the folded syllables of the catalogue (and the citizen vocabulary).
 */
export function repairToken(folded: string, vocabulary: ReadonlySet<string>): string {
  if (vocabulary.has(folded) || folded.length < 2 || folded.length > 12) return folded;
  for (const candidate of [decodeVni(folded), decodeTelex(folded)].map(unifyIY)) {
    if (candidate !== folded && vocabulary.has(candidate)) return candidate;
  }
  return folded;
}

/**
 * True when a repair only dropped tone keys (s f r x j): "kys" → "ky", but also the English "bus"
 * → "bu". Such a repair is trusted only with support from a neighbour (see query.ts); doubled
 * letters, w and VNI digits are Telex for sure.
 */
export function onlyToneKeys(typed: string): boolean {
  return !/dd|aa|ee|oo|w|\d/.test(typed);
}
