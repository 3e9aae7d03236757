/**
 * The front of the HTTP server: the node:http request listener, before Express. It reads the
 * GraphQL requests (below which ones) and answers them without Express: a cached question
 * (cache/response-cache.ts) with one write of a prepared answer, any other straight through Apollo
 * Server's integration API (http/graphql.ts) with the same guards the Express route runs. Express's
 * router, response object and middleware chain cost about as much as a light question's own work.
 *
 * Which requests it reads: POST to exactly `/graphql`, `Content-Type: application/json` (UTF-8 or
 * no charset), no content encoding, a body of known length or chunked, and a `Host` the service
 * answers to (http-guards.ts). Everything else goes to Express untouched, stream unread, and
 * meets every guard there as before; so does a request whose body could not be read or is not
 * JSON, with what was read (http/body.ts), for Express to answer its error in its own words.
 * With the cache on, a request it reads is keyed by its bytes as sent, with its `Accept` (Apollo
 * picks the response's media type by it) and `Content-Type`; a miss keeps Apollo's answer.
 *
 * What a hit still honours: the Host guard and the charset guard (by the shapes above: a request
 * that either would refuse is never read here), CORS (cors.ts: the same headers for the request's
 * Origin), the body's size limit and receive timeout (the same limit here; the server's
 * requestTimeout for the time), and trusted documents: an answer is kept only after the whole
 * route, allow-list included, answered these same bytes, and the list does not change while the
 * process runs, so an unlisted document never has an answer here. Admission is not asked: a hit
 * runs no statement and holds nothing.
 */
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { ResponseCache } from '../cache/response-cache.ts';
import { parseJsonBody, readAhead } from './body.ts';
import type { GraphQLAnswer } from './graphql.ts';

export interface FrontOptions {
  /** The response cache, or null (off): every request read is answered by Apollo. */
  readonly cache: ResponseCache | null;
  /** Answers a request read here that the cache does not (http/graphql.ts). */
  readonly answer: GraphQLAnswer;
  /** Whether a `Host` header names this service (http-guards.ts hostCheck). */
  readonly hostAllowed: (host: string) => boolean;
  /** The CORS headers of an answer to this Origin (cors.ts corsHeaders). */
  readonly corsHeaders: (origin: string | undefined) => readonly string[];
  /** Largest body read, in bytes: the route's own limit. */
  readonly bodyLimit: number;
}

/** The JSON media type, with no charset or UTF-8 (any other goes through the charset guard). */
const JSON_UTF8 = /^application\/json\s*(?:;\s*charset\s*=\s*"?utf-?8"?\s*)?$/i;

export function graphqlFront(app: RequestListener, options: FrontOptions): RequestListener {
  const { cache, answer, hostAllowed, corsHeaders, bodyLimit } = options;
  const maxKey = cache === null ? 0 : cache.options.maxKeyLength;

  const readable = (req: IncomingMessage): boolean => {
    if (req.method !== 'POST' || req.url !== '/graphql') return false;
    const { headers } = req;
    if (headers.host !== undefined && !hostAllowed(headers.host)) return false;
    const type = headers['content-type'];
    if (type === undefined || !JSON_UTF8.test(type)) return false;
    const encoding = headers['content-encoding'];
    if (encoding !== undefined && encoding.toLowerCase() !== 'identity') return false;
    const length = headers['content-length'];
    if (length === undefined) return headers['transfer-encoding'] !== undefined;
    const bytes = Number(length);
    return Number.isInteger(bytes) && bytes <= bodyLimit;
  };

  /** Apollo's answer, kept under `key` and `version` when given; a body that is not JSON goes to Express. */
  const miss = (
    req: IncomingMessage,
    res: ServerResponse,
    bytes: Buffer,
    arrived: number,
    key?: string,
    version?: string,
  ): void => {
    let body: unknown;
    try {
      body = parseJsonBody(bytes);
    } catch {
      return app(req, res);
    }
    if (key === undefined || version === undefined) return answer(req, res, body, arrived);
    answer(req, res, body, arrived, (status, head, text) => cache!.keep(key, version, status, head, text));
  };

  /** The answer kept for this request's bytes under the graph's version, or Apollo's. */
  const cached = (
    req: IncomingMessage,
    res: ServerResponse,
    bytes: Buffer,
    arrived: number,
    version: string | null,
  ): void => {
    // No version (an empty graph), no cache.
    if (version === null) return miss(req, res, bytes, arrived);
    const key = `${req.headers.accept ?? ''}\n${req.headers['content-type']}\n${bytes.toString('latin1')}`;
    const kept = cache!.lookup(key, version);
    if (kept === undefined) return miss(req, res, bytes, arrived, key, version);
    res.writeHead(200, [...corsHeaders(req.headers.origin), ...kept.head]);
    res.end(kept.body);
  };

  const serve = (req: IncomingMessage, res: ServerResponse): void => {
    const arrived = Date.now();
    readAhead(req, bodyLimit, (ahead) => {
      if (ahead.kind !== 'read') return app(req, res);
      if (cache === null || ahead.bytes.length > maxKey) return miss(req, res, ahead.bytes, arrived);
      const version = cache.version();
      if (typeof version === 'string' || version === null) {
        return cached(req, res, ahead.bytes, arrived, version);
      }
      version.then(
        (known) => cached(req, res, ahead.bytes, arrived, known),
        // No version, no cache: Apollo answers, and reports the database error in its own words.
        () => miss(req, res, ahead.bytes, arrived),
      );
    });
  };

  return (req, res) => (readable(req) ? serve(req, res) : app(req, res));
}
