/**
 * Hono's body limit, without building a WHATWG Request for every call: hono/body-limit first asks
 * `c.req.raw.body`, and on the Node server that turns the incoming message into a full Request
 * and a web stream before the handler reads the body. When the request says its size
 * (Content-Length, not chunked), the header alone decides, as it does in hono/body-limit; only
 * requests without it are counted as they stream in, by hono/body-limit itself.
 */
import type { Context, MiddlewareHandler } from "hono";
import { bodyLimit as streamingBodyLimit } from "hono/body-limit";

export interface BodyLimitOptions {
  maxSize: number;
  onError: (c: Context) => Response | Promise<Response>;
}

export function bodyLimit(options: BodyLimitOptions): MiddlewareHandler {
  const streaming = streamingBodyLimit(options);
  return async (c, next) => {
    const length = c.req.header("content-length");
    if (length !== undefined && c.req.header("transfer-encoding") === undefined) {
      if (Number.parseInt(length || "0", 10) > options.maxSize) return options.onError(c);
      await next();
      return;
    }
    return streaming(c, next);
  };
}
