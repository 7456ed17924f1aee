/**
 * Small talk: a whole message that only thanks, acknowledges, says goodbye or asks who the bot is
 * ("cảm ơn ad nhiều ạ", "dạ vâng", "ok", "bye", "bạn là ai"). Answered kindly instead of with "no
 * procedure fits", and not logged as an unanswered question. Compared folded (no tone marks, case
 * or punctuation), with the polite words citizens put around it; a message that asks anything more
 * ("cảm ơn, cho em hỏi thêm …") is not small talk.
 */
import { fold } from "./text.ts";

export type SmallTalk = "thanks" | "ack" | "bye" | "who";

/** Words said around the message: particles, how the bot is addressed, "nhiều", "lắm". */
const AROUND =
  "(?:a|ah|ak|nhe|nha|nhen|nhiu|nhieu|lam|rat|luon|oi|vay|the|day|ha|nhi|ne|ad|admin|bot|ban|em|anh|chi|co|chu|ca nha|moi nguoi|you|so much|a lot)";
const BEFORE = "(?:da|vang|ok|oke|okay|okie|uh|u|um|em|minh|toi|xin|ad oi|bot oi|ban oi)";

function whole(core: string): RegExp {
  return new RegExp(`^(?:${BEFORE} )*(?:${core})(?: ${AROUND})*$`);
}

const RULES: readonly { kind: SmallTalk; pattern: RegExp }[] = [
  {
    kind: "thanks",
    pattern: whole("cam on|camon|cam ta|thank|thanks|thank you|thank u|thanks you|tks|thks|ty"),
  },
  {
    kind: "ack",
    pattern: whole(
      "ok|oke|okay|okie|okela|uk|uh|u|um|vang|da|da vang|vang a|co|da co|duoc|duoc roi|roi|hieu roi|biet roi|ok roi|da roi|da duoc|dong y|hay qua|tot qua",
    ),
  },
  { kind: "bye", pattern: whole("tam biet|bye|bye bye|bai|bai bai|pp|goodbye|good bye|hen gap lai") },
  {
    kind: "who",
    pattern: whole(
      "(?:ban|em|may|day|ben nay|cai nay) la ai|ai vay|ai day|ai the|la nguoi hay may|(?:ban |em )?(?:la |co phai )?(?:nguoi that|bot|robot|may) (?:a|ha|khong|hay sao)|who are you|are you a bot|are you human",
    ),
  },
];

export function smallTalk(text: string): SmallTalk | null {
  const folded = fold(text);
  if (!folded || folded.length > 60) return null;
  return RULES.find((rule) => rule.pattern.test(folded))?.kind ?? null;
}
