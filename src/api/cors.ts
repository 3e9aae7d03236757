/**
 * CORS for the read API and the exports, so that a page on another origin (a notebook, a CodePen,
 * a `file://` page, a dev server on localhost:5173) can fetch the graph and draw it.
 *
 * The API is read-only and uses no cookies: any origin may read it by default, never with
 * credentials. Preflights (OPTIONS) are answered here, before Apollo, which would refuse them.
 * Apollo's CSRF prevention stays on: a simple cross-origin POST (text/plain, no preflight header)
 * is still refused by Apollo; a JSON POST is preflighted, and the preflight is what this allows.
 */
import cors from 'cors';
import type { RequestHandler } from 'express';

/** `'*'`: any origin. Otherwise the exact origins allowed (`null` is what a `file://` page sends). */
export type CorsOrigins = '*' | readonly string[];

/** Request headers a client may send: JSON bodies and Apollo's CSRF-prevention headers. */
const ALLOWED_HEADERS = ['content-type', 'accept', 'apollo-require-preflight', 'x-apollo-operation-name'];

/** A browser may reuse a preflight answer this long (Chromium caps it at 2 h). */
const PREFLIGHT_MAX_AGE_S = 7_200;

export function corsMiddleware(origins: CorsOrigins): RequestHandler {
  return cors({
    origin: origins === '*' ? '*' : [...origins],
    methods: ['GET', 'HEAD', 'POST', 'OPTIONS'],
    allowedHeaders: ALLOWED_HEADERS,
    exposedHeaders: ['content-disposition'],
    credentials: false,
    maxAge: PREFLIGHT_MAX_AGE_S,
    optionsSuccessStatus: 204,
  });
}

/**
 * The `access-control-*` headers `corsMiddleware` gives an actual (not preflight) request with this
 * `Origin`, as flat name/value pairs: what the front (http/front.ts) sends with a cached answer
 * without running the middleware. The `Vary: Origin` the middleware adds for a list of origins is
 * the same for every request; it travels with the cached answer's own headers.
 */
export function corsHeaders(origins: CorsOrigins): (origin: string | undefined) => readonly string[] {
  const exposed = ['access-control-expose-headers', 'content-disposition'];
  if (origins === '*') {
    const any = ['access-control-allow-origin', '*', ...exposed];
    return () => any;
  }
  const allowed = new Set(origins);
  return (origin) =>
    origin !== undefined && allowed.has(origin)
      ? ['access-control-allow-origin', origin, ...exposed]
      : exposed;
}

/**
 * Whether `corsMiddleware` adds `Vary: Origin` to an actual request's answer: for a list of
 * origins (its allow header then depends on the Origin), not for `'*'`.
 */
export const corsVaries = (origins: CorsOrigins): boolean => origins !== '*';
