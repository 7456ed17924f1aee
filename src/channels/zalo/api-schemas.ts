/**
 * The Zalo Bot Platform's response shapes, parsed with zod (see ../shared/notes/zalo-bot-api.md §1–2).
 * Objects are loose: the platform adds fields over time, and unknown ones are kept, not refused.
 */
import { z } from "zod";

/** `{ ok, result?, description?, error_code? }`; `error_code` is sometimes a string (`"408"`). */
export const envelopeSchema = z.looseObject({
  ok: z.boolean(),
  result: z.unknown().optional(),
  description: z.string().optional(),
  error_code: z.union([z.number(), z.string()]).optional(),
  /** One copy of the testWebhook docs spells it this way. */
  errorCode: z.union([z.number(), z.string()]).optional(),
});

export type Envelope = z.infer<typeof envelopeSchema>;

export const botInfoSchema = z.looseObject({
  id: z.union([z.string(), z.number()]).transform(String),
  account_name: z.string().optional(),
  account_type: z.string().optional(),
  can_join_groups: z.boolean().optional(),
});

export type BotInfo = z.infer<typeof botInfoSchema>;

export const sentMessageSchema = z.looseObject({
  message_id: z.union([z.string(), z.number()]).transform(String),
  date: z.number().optional(),
});

export type SentMessage = z.infer<typeof sentMessageSchema>;

/** The probe Zalo makes of the URL on setWebhook (newer servers). */
export const webhookVerificationSchema = z.looseObject({
  ok: z.boolean().optional(),
  url: z.string().optional(),
  status_code: z.number().optional(),
  outcome: z.string().optional(),
  hint: z.string().optional(),
});

export const webhookInfoSchema = z.looseObject({
  url: z.string().default(""),
  updated_at: z.number().optional(),
  verification: webhookVerificationSchema.optional(),
});

export type WebhookInfo = z.infer<typeof webhookInfoSchema>;

/** deleteWebhook returns `{ url: "", updated_at }` by the docs, `true` by their prose. */
export const deleteWebhookResultSchema = z.union([webhookInfoSchema, z.literal(true)]);

/** getUpdates returns ONE update object, or `{}` / nothing when there is none. */
export const rawUpdateSchema = z.record(z.string(), z.unknown()).nullable().optional();

/** sendChatAction answers `{ ok: true }` without a result. */
export const anyResultSchema = z.unknown();
