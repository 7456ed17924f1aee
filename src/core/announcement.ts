/**
 * How an announcement looks to a citizen: the optional photo, the text, the optional link and, for a
 * broadcast, how to unsubscribe. The staff preview, the delivery and /tintuc all use this, so staff
 * see exactly what citizens will get.
 */
import type { Translate } from "../locales/index.ts";
import type { Block, Reply } from "./model.ts";

export interface AnnouncementContent {
  text: string;
  link?: string;
  photoUrl?: string;
  /** A photo uploaded on Telegram (a file id): shown on Telegram only. */
  telegramPhotoId?: string;
}

export function announcementReplies(
  content: AnnouncementContent,
  tr: Translate,
  options: { footer: boolean; heading?: string; channel?: string },
): Reply[] {
  const replies: Reply[] = [];
  if (content.photoUrl) replies.push({ kind: "photo", url: content.photoUrl });
  else if (content.telegramPhotoId && options.channel === "telegram") {
    replies.push({ kind: "photo", url: content.telegramPhotoId });
  }
  const blocks: Block[] = [];
  if (options.heading) blocks.push({ kind: "heading", text: options.heading });
  blocks.push({ kind: "paragraph", text: content.text });
  if (content.link) blocks.push({ kind: "link", label: tr("announcement.link"), url: content.link });
  if (options.footer) blocks.push({ kind: "paragraph", text: tr("announcement.footer") });
  replies.push({ kind: "message", blocks });
  return replies;
}
