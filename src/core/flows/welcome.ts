/** Welcome (/start, greetings), the menu's choices, and the office's contacts. */
import { choiceId, type MenuItem } from "../choice-id.ts";
import type { FlowContext, FlowResult } from "../flow.ts";
import type { Block, Choice } from "../model.ts";
import type { ConversationState } from "../records.ts";
import { fieldsPage } from "./browse.ts";
import { message, paragraph, result } from "./reply.ts";
import { subscribeOffer } from "./subscribe.ts";

export function menuChoices(ctx: FlowContext): Choice[] {
  const items: [MenuItem, Parameters<FlowContext["tr"]>[0]][] = [
    ["lookup", "menu.lookup"],
    ["feedback", "menu.feedback"],
    ["subscribe", "menu.subscribe"],
    ["contact", "menu.contact"],
  ];
  return items.map(([item, key]) => ({ id: choiceId({ kind: "menu", item }), label: ctx.tr(key) }));
}

/**
 * The welcome. `languageHint` is the platform's language of the citizen's phone (Telegram's
 * language_code): when it is not the language spoken here, one line says how to switch. The bot
 * does not switch by itself: many Vietnamese phones are set to English.
 */
export function welcome(state: ConversationState, ctx: FlowContext, languageHint?: string): FlowResult {
  const { tr } = ctx;
  const blocks: Block[] = [
    paragraph(tr("welcome.title", { locality: ctx.catalogue.locality.name })),
    paragraph(tr("welcome.body")),
  ];
  const hinted = languageHint?.toLowerCase().slice(0, 2);
  if (hinted && hinted !== ctx.locale) blocks.push(paragraph(tr("welcome.otherLanguage")));
  blocks.push(paragraph(tr("welcome.choose")));
  return result(state, [message(blocks, menuChoices(ctx))]);
}

export function contact(state: ConversationState, ctx: FlowContext): FlowResult {
  const { tr } = ctx;
  const locality = ctx.catalogue.locality;
  const blocks: Block[] = [{ kind: "heading", text: tr("contact.title", { locality: locality.name }) }];
  for (const office of locality.offices) {
    const lines = [
      tr("contact.office", { name: office.name, address: office.address }),
      tr("contact.hours", { hours: office.openingHours }),
    ];
    if (office.phone) lines.push(tr("contact.phone", { phone: office.phone }));
    blocks.push(paragraph(lines.join("\n")));
    if (office.mapUrl) blocks.push({ kind: "link", label: tr("contact.map"), url: office.mapUrl });
  }
  const general = [tr("contact.hotline", { hotline: locality.hotline })];
  if (locality.email) general.push(tr("contact.email", { email: locality.email }));
  blocks.push(paragraph(general.join("\n")));
  if (locality.website) blocks.push({ kind: "link", label: tr("contact.website"), url: locality.website });
  if (locality.example) blocks.push(paragraph(tr("contact.example")));
  return result(state, [message(blocks)]);
}

/** A feature announced in the menu but delivered by a later flow. */
export function comingSoon(state: ConversationState, ctx: FlowContext): FlowResult {
  const text = ctx.tr("feature.comingSoon", { hotline: ctx.catalogue.locality.hotline });
  return result(state, [message([paragraph(text)])]);
}

export function menu(item: MenuItem, state: ConversationState, ctx: FlowContext): FlowResult {
  switch (item) {
    case "lookup": {
      const page = fieldsPage(0, ctx);
      return result(state, [message([paragraph(ctx.tr("menu.lookupHint")), ...page.blocks], page.choices)]);
    }
    case "feedback":
      return comingSoon(state, ctx);
    case "subscribe":
      return subscribeOffer(state, ctx);
    case "contact":
      return contact(state, ctx);
  }
}
