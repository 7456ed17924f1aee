/** /lang: switch between Vietnamese and English. */
import { isLocale, translator } from "../../locales/index.ts";
import { choiceId } from "../choice-id.ts";
import type { FlowContext, FlowResult } from "../flow.ts";
import type { ConversationState } from "../records.ts";
import { message, paragraph, result } from "./reply.ts";

export function chooseLanguage(state: ConversationState, ctx: FlowContext): FlowResult {
  const { tr } = ctx;
  return result(state, [
    message(
      [paragraph(tr("lang.choose"))],
      [
        { id: choiceId({ kind: "language", locale: "vi" }), label: tr("lang.vi") },
        { id: choiceId({ kind: "language", locale: "en" }), label: tr("lang.en") },
      ],
    ),
  ]);
}

/** Sets the locale (`vi`/`en`, also "tiếng việt"/"english" typed after /lang); anything else: the choice. */
export function setLanguage(requested: string, state: ConversationState, ctx: FlowContext): FlowResult {
  const wanted = requested.startsWith("en")
    ? "en"
    : requested.startsWith("vi") || requested.startsWith("ti")
      ? "vi"
      : requested;
  if (!isLocale(wanted)) return chooseLanguage(state, ctx);
  const tr = translator(wanted);
  return result(state, [message([paragraph(tr("lang.set"))])], [{ kind: "setLocale", locale: wanted }]);
}
