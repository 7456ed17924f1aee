/** The webhook signature, against a value computed independently with openssl. */
import { describe, expect, it } from "vitest";
import { signWebhook, verifyWebhookSignature } from "../../src/tickets/webhook-signature.ts";

// printf '%s.%s' 1764122400 '{"event":"ticket.created","x":"Hồ sơ"}' | openssl dgst -sha256 -hmac whsec-test-0123456789
const SECRET = "whsec-test-0123456789";
const BODY = '{"event":"ticket.created","x":"Hồ sơ"}';
const TS = 1764122400;
const OPENSSL = "sha256=2f0b88e60b8f656959a9efac9f0b1b0613c8e73d488d7bf15b0fa0f61bcc1139";

describe("webhook signature", () => {
  it("is HMAC-SHA256 of `timestamp.body` (UTF-8), as openssl computes it", () => {
    expect(signWebhook(SECRET, TS, BODY)).toBe(OPENSSL);
  });

  it("verifies within 5 minutes of the timestamp only, and only the exact body and secret", () => {
    const headers = { timestamp: String(TS), signature: OPENSSL };
    expect(verifyWebhookSignature(SECRET, headers, BODY, TS * 1000 + 299_000)).toBe(true);
    expect(verifyWebhookSignature(SECRET, headers, BODY, TS * 1000 - 299_000)).toBe(true);
    expect(verifyWebhookSignature(SECRET, headers, BODY, TS * 1000 + 301_000)).toBe(false);
    expect(verifyWebhookSignature(SECRET, headers, `${BODY} `, TS * 1000)).toBe(false);
    expect(verifyWebhookSignature(`${SECRET}!`, headers, BODY, TS * 1000)).toBe(false);
    expect(
      verifyWebhookSignature(SECRET, { ...headers, signature: OPENSSL.slice(0, -1) }, BODY, TS * 1000),
    ).toBe(false);
    expect(verifyWebhookSignature(SECRET, { ...headers, timestamp: "12e3" }, BODY, TS * 1000)).toBe(false);
    expect(verifyWebhookSignature(SECRET, { timestamp: null, signature: null }, BODY, TS * 1000)).toBe(false);
  });
});
