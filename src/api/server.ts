/**
 * HTTP assembly: express 5 with Apollo Server at /graphql, the offline playground, health and
 * readiness. `startServer` returns `{ url, close }`; tests pass port 0.
 *
 * What bounds a request (docs/security.md): the body's size and the time it may take to arrive;
 * the document's tokens (Apollo's parser), depth, aliases and directives (graphql-armor); the
 * operation's cost, which multiplies by list sizes (limits/cost.ts); and its time, cut by a
 * deadline that every database read of the request inherits. Every failure answers JSON with a
 * code, never a stack or a path.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import helmet from 'helmet';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { makeExecutableSchema } from '@graphql-tools/schema';
import type { Config } from '../config.ts';
import type { Database } from '../db/database.ts';
import { withDeadline } from '../db/deadline.ts';
import type { Context } from './context.ts';
import { corsHeaders, corsMiddleware, type CorsOrigins, corsVaries } from './cors.ts';
import { formatErrorFor } from './errors.ts';
import {
  Admission,
  admissionPlugin,
  DEFAULT_ADMISSION,
  identifyClient,
  type AdmissionOptions,
} from './admission.ts';
import { charsetGuard, DEFAULT_ALLOWED_HOSTS, exportMethods, hostCheck, hostGuard } from './http-guards.ts';
import { jsonBody } from './http/body.ts';
import { graphqlFront } from './http/front.ts';
import { graphqlAnswer } from './http/graphql.ts';
import { closeAlignPool, warmAlignPool } from './compare/align-pool.ts';
import { jsonErrorHandler, notFoundHandler, timeBudget } from './http-errors.ts';
import { ListBounds } from './limits/bounds.ts';
import { costLimitPlugin } from './limits/cost.ts';
import { KnownOperationTypes } from './limits/operations.ts';
import { parseErrorStatusPlugin } from './limits/status.ts';
import { explorerRouter } from './explorer/serve.ts';
import { DEFAULT_EXPORTS, exportRouter, type ExportOptions } from './export/router.ts';
import { landingRouter } from './landing/router.ts';
import { DEFAULT_RESPONSE_CACHE, ResponseCache } from './cache/response-cache.ts';
import { DEFAULT_OPERATION_CACHE, type ExecutorKind, OperationCache } from './operations/cache.ts';
import { readTrustedDocuments, type TrustedDocuments, trustedDocumentsGuard } from './operations/trusted.ts';
import { createLoaders } from './loaders.ts';
import { resolvers } from './resolvers/index.ts';
import { readTypeDefs } from './schema.ts';
import { playgroundLandingPage, playgroundRouter } from './playground/serve.ts';

export interface ApiOptions {
  readonly introspection: boolean;
  readonly csrfPrevention: boolean;
  /** Deepest selection accepted. */
  readonly maxDepth: number;
  /** Most aliases in one operation. */
  readonly maxAliases: number;
  /** Most values an answer may hold by the cost model (limits/cost.ts) that multiplies by list sizes. */
  readonly maxCost: number;
  /** Most tokens in one document (Apollo's parser stops counting there). */
  readonly maxTokens: number;
  /** Time budget of one request, in ms: its database reads stop by then, and so does the answer. */
  readonly requestTimeoutMs: number;
  /** Origins allowed to read the API and the exports from a browser page (CORS). */
  readonly corsOrigins?: CorsOrigins;
  /** Cache answers under (request body, Accept, Content-Type, graph version), answered before Express: docs/performance.md. The service turns it on (RESPONSE_CACHE); off here. */
  readonly responseCache?: boolean;
  /** Names accepted in the Host header besides the bound address (http-guards.ts); '*': any. */
  readonly allowedHosts?: readonly string[];
  /** Operations running at once, per client and overall, and how long one may wait (admission.ts). */
  readonly admission?: AdmissionOptions;
  /** Exports streaming at once and their own time budget (export/router.ts). */
  readonly exports?: ExportOptions;
  /** The database login the API reads as, named in the log when Neo4j refuses it. */
  readonly databaseUser?: string;
  /** How long one read of the graph version is shared by the response cache, in ms (0: none). */
  readonly responseCacheWindowMs?: number;
  /** What runs an operation (operations/cache.ts): graphql-jit by default, graphql-js where it does not compile. */
  readonly executor?: ExecutorKind;
  /** Only these documents run (operations/trusted.ts: TRUSTED_DOCUMENTS); undefined: any. */
  readonly trustedDocuments?: TrustedDocuments;
}

export const DEFAULT_API_OPTIONS: ApiOptions = {
  introspection: true,
  csrfPrevention: true,
  maxDepth: 12,
  maxAliases: 20,
  maxCost: 50_000,
  maxTokens: 2_000,
  requestTimeoutMs: 15_000,
};

/** The API's options as the service's configuration sets them. */
export function apiOptionsFrom(config: Config): ApiOptions {
  return {
    introspection: config.introspection,
    csrfPrevention: config.csrfPrevention,
    maxDepth: config.maxDepth,
    maxAliases: config.maxAliases,
    maxCost: config.maxCost,
    maxTokens: DEFAULT_API_OPTIONS.maxTokens,
    requestTimeoutMs: config.requestTimeoutMs,
    admission: { ...DEFAULT_ADMISSION, perClient: config.admissionPerClient },
    corsOrigins: config.corsOrigins,
    allowedHosts: config.allowedHosts,
    responseCache: config.responseCache !== null,
    responseCacheWindowMs: config.responseCache ?? 0,
    ...(config.trustedDocuments === null
      ? {}
      : { trustedDocuments: readTrustedDocuments(config.trustedDocuments) }),
  };
}

/** Largest request body accepted (body-parser's units: 200 × 1,024 bytes). */
const BODY_LIMIT = '200kb';
const BODY_LIMIT_BYTES = 200 * 1024;
/** A body (or the headers) that takes longer than this to arrive is cut off: slow clients hold nothing. */
const RECEIVE_TIMEOUT_MS = 10_000;

/**
 * Security headers for the HTML pages (the playground): everything from this origin only, no
 * framing, no sniffing. Monaco sets inline styles and runs its workers from blob: URLs.
 */
const pageHeaders = helmet({
  contentSecurityPolicy: {
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:'],
      fontSrc: ["'self'", 'data:'],
      workerSrc: ["'self'", 'blob:'],
      connectSrc: ["'self'"],
      frameAncestors: ["'none'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      // helmet's default would send a browser on plain http://127.0.0.1 to https for every asset.
      upgradeInsecureRequests: null,
    },
  },
  crossOriginEmbedderPolicy: false,
  strictTransportSecurity: false,
});

export async function createApp(
  db: Database,
  options: ApiOptions = DEFAULT_API_OPTIONS,
  boundHost = '127.0.0.1',
) {
  // Armor keeps depth, aliases, directives and field suggestions. Not its token limit (it parses
  // a second time inside parsingDidStart, turning every syntax error into a 500: Apollo's own
  // parseOptions.maxTokens does it in the one parse), nor its cost limit (it does not multiply by
  // list sizes: limits/cost.ts does).
  const armor = new ApolloArmor({
    maxDepth: { n: options.maxDepth, flattenFragments: true },
    maxAliases: { n: options.maxAliases },
    costLimit: { enabled: false },
    maxTokens: { enabled: false },
    maxDirectives: { n: 20 },
    blockFieldSuggestion: { enabled: !options.introspection },
  });
  const protection = armor.protect();
  const bounds = new ListBounds(db);
  const admission = new Admission(options.admission ?? DEFAULT_ADMISSION);
  // Documents are compiled once and their prices kept: operations/cache.ts.
  const operations = new OperationCache({
    ...DEFAULT_OPERATION_CACHE,
    executor: options.executor ?? DEFAULT_OPERATION_CACHE.executor,
  });
  const schema = makeExecutableSchema({ typeDefs: readTypeDefs(), resolvers: resolvers as never });
  const apollo = new ApolloServer<Context>({
    gateway: operations.gateway(schema),
    introspection: options.introspection,
    csrfPrevention: options.csrfPrevention,
    formatError: formatErrorFor(
      options.databaseUser === undefined ? {} : { databaseUser: options.databaseUser },
    ),
    includeStacktraceInErrorResponses: false,
    allowBatchedHttpRequests: false,
    parseOptions: { maxTokens: options.maxTokens },
    validationRules: [KnownOperationTypes, ...protection.validationRules],
    // These plugins are context-agnostic.
    plugins: [
      ...protection.plugins,
      costLimitPlugin(
        options.maxCost,
        () => bounds.current(),
        (key, compute) =>
          operations.price(
            key.schema,
            key.document,
            key.queryHash,
            key.operationName,
            key.size,
            key.variables,
            compute,
          ),
      ),
      // After the cost plugin: the lane follows the price.
      admissionPlugin(admission),
      operations.plugin(),
      // Apollo's cache-control plugin, installed unless disabled, asks to hear of every field
      // resolved, so Apollo wraps every resolver — the default ones of scalar fields included,
      // which graphql-jit would otherwise read as plain properties — to compute a Cache-Control
      // header that this schema, with no cache hints, never sends.
      ApolloServerPluginCacheControlDisabled(),
      parseErrorStatusPlugin(),
      playgroundLandingPage(),
    ] as ApolloServerPlugin<Context>[],
  });
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  app.use(hostGuard(() => boundHost, options.allowedHosts ?? DEFAULT_ALLOWED_HOSTS));
  // Liveness: the process answers; nothing else is asked.
  app.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  // Public: ready or not (no server version, no driver error text); when every slot for cheap
  // operations is taken or requests wait, 503 "saturated" with the numbers (admission.ts), so that
  // a balancer sends the next request elsewhere.
  app.get('/ready', async (_req, res) => {
    const load = admission.saturation();
    if (load.saturated) {
      res.status(503).json({ status: 'saturated', load });
      return;
    }
    try {
      const plans = await db.read<{ node: { id: string } }>('plans-all');
      const ready = plans.length > 0;
      res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'not ready' });
    } catch {
      res.status(503).json({ status: 'not ready' });
    }
  });
  app.use('/playground', pageHeaders, playgroundRouter());
  app.use('/explore', pageHeaders, explorerRouter());
  app.use(['/graphql', '/plans'], corsMiddleware(options.corsOrigins ?? '*'));
  // Exports stream under their own budget and concurrency (export/router.ts), not the request's,
  // in the heavy lane of the same admission as expensive operations.
  app.use(exportMethods, exportRouter(db, options.exports ?? DEFAULT_EXPORTS, admission));
  // The deadline is fixed when the request arrives; the reads inherit it from where the request
  // resumes after its body is read (stream callbacks do not carry async context).
  app.use(timeBudget(options.requestTimeoutMs));
  const bounded: express.RequestHandler = (_req, res, next) => {
    withDeadline(res.locals['deadline'] as number, next);
  };
  const context = async (): Promise<Context> => ({ db, loaders: createLoaders(db) });
  const cache = options.responseCache
    ? new ResponseCache(db, {
        ...DEFAULT_RESPONSE_CACHE,
        versionWindowMs: options.responseCacheWindowMs ?? 0,
      })
    : null;
  // The landing page and the docs it links: HTML pages, with the pages' headers.
  app.use(
    (req, res, next) =>
      req.path === '/' || req.path.startsWith('/docs/') ? pageHeaders(req, res, next) : next(),
    bounded,
    landingRouter(db, { explorer: '/explore/' }),
  );
  // The GraphQL route is an app of its own only for one setting: no ETag. Express would hash every
  // answer for it (and turn the body into a Buffer, written apart from the headers), for answers
  // sent with `Cache-Control: no-store`, which no client keeps to revalidate.
  const graphqlRoute = express();
  graphqlRoute.set('etag', false);
  graphqlRoute.disable('x-powered-by');
  graphqlRoute.use(
    (req, res, next) => {
      // GET /graphql from a browser is the playground page: same headers as /playground.
      if (req.method === 'GET' && req.accepts(['text/html', 'application/json']) === 'text/html') {
        pageHeaders(req, res, next);
      } else {
        // No cache on the way may keep an answer: what Apollo's cache-control plugin (off, above)
        // sent for a schema without cache hints.
        res.setHeader('cache-control', 'no-store');
        next();
      }
    },
    charsetGuard,
    jsonBody(BODY_LIMIT),
    bounded,
    identifyClient,
    // Before the response cache: an unlisted document is refused before any work.
    ...(options.trustedDocuments ? [trustedDocumentsGuard(options.trustedDocuments)] : []),
    expressMiddleware(apollo, { context }),
  );
  app.use('/graphql', graphqlRoute);
  app.use(notFoundHandler);
  app.use(jsonErrorHandler);
  // JSON POSTs to /graphql are answered before Express, cached or not, with the same guards
  // (http/front.ts, http/graphql.ts); everything else goes to `app`.
  const origins = options.corsOrigins ?? '*';
  const cors = corsHeaders(origins);
  const listener = graphqlFront(app, {
    cache,
    answer: graphqlAnswer({
      apollo,
      context,
      budgetMs: options.requestTimeoutMs,
      corsHeaders: cors,
      corsVaries: corsVaries(origins),
      ...(options.trustedDocuments ? { trusted: options.trustedDocuments } : {}),
    }),
    hostAllowed: hostCheck(boundHost, options.allowedHosts ?? DEFAULT_ALLOWED_HOSTS),
    corsHeaders: cors,
    bodyLimit: BODY_LIMIT_BYTES,
  });
  return { app, apollo, listener };
}

export interface RunningServer {
  readonly url: string;
  close(): Promise<void>;
}

export async function startServer(
  db: Database,
  { port, host, api = DEFAULT_API_OPTIONS }: { port: number; host: string; api?: ApiOptions },
): Promise<RunningServer> {
  const { listener, apollo } = await createApp(db, api, host);
  warmAlignPool();
  const server: Server = createServer(
    // Node checks these every connectionsCheckingInterval (30 s by default): check every second.
    {
      requestTimeout: RECEIVE_TIMEOUT_MS,
      headersTimeout: RECEIVE_TIMEOUT_MS,
      connectionsCheckingInterval: 1_000,
    },
    listener,
  );
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const { port: actual } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${actual}`,
    close: async () => {
      await apollo.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await closeAlignPool();
    },
  };
}
