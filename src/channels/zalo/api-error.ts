/**
 * A failed Zalo Bot API call. The message names the method and the normalised error code, never the
 * request URL (the bot token is in its path) and never a response body (a proxy may echo the path).
 */

export type ZaloErrorKind =
  /** The API answered `ok: false` (with HTTP 200 or an error status). */
  | "api"
  /** The answer was not JSON (e.g. an nginx HTML page for 429). */
  | "http"
  /** JSON, but not the documented shape. */
  | "malformed"
  | "network"
  | "timeout"
  /** The caller's signal aborted the call (e.g. on stop). */
  | "aborted";

export interface ZaloApiErrorInit {
  method: string;
  kind: ZaloErrorKind;
  /** The normalised `error_code`, else the HTTP status, else undefined (network errors). */
  code?: number | undefined;
  httpStatus?: number | undefined;
  /** Already free of the token. */
  description?: string | undefined;
}

export class ZaloApiError extends Error {
  readonly method: string;
  readonly kind: ZaloErrorKind;
  readonly code: number | undefined;
  readonly httpStatus: number | undefined;
  readonly description: string | undefined;

  constructor(init: ZaloApiErrorInit) {
    const code = init.code === undefined ? "" : ` ${init.code}`;
    const description = init.description ? `: ${init.description}` : "";
    super(`Zalo ${init.method} failed (${init.kind}${code})${description}`);
    this.name = "ZaloApiError";
    this.method = init.method;
    this.kind = init.kind;
    this.code = init.code;
    this.httpStatus = init.httpStatus;
    this.description = init.description;
  }

  /** Worth trying again later: network trouble, time-outs, 429 and server errors. */
  get retryable(): boolean {
    if (this.kind === "network" || this.kind === "timeout") return true;
    return this.code === 429 || (this.code !== undefined && this.code >= 500);
  }

  /** The token is refused (expired, reset in Bot Creator, or wrong). */
  get unauthorized(): boolean {
    return this.code === 401;
  }
}

/** `error_code` as a number: it arrives as `408` or `"408"`; anything else is undefined. */
export function normaliseErrorCode(value: unknown): number | undefined {
  if (typeof value === "number" && Number.isInteger(value)) return value;
  if (typeof value === "string" && /^\s*-?\d{1,6}\s*$/.test(value)) return Number(value.trim());
  return undefined;
}
