/**
 * HTTP assembly: express 5 with Apollo Server at /graphql, the offline playground, health and
 * readiness. `startServer` returns `{ url, close }`; tests pass port 0.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { Database } from '../db/database.ts';
import type { Context } from './context.ts';
import { formatError } from './errors.ts';
import { exportRouter } from './export/router.ts';
import { ResponseCache } from './cache/response-cache.ts';
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
  /** Highest cost (graphql-armor's object/scalar/depth model) accepted. */
  readonly maxCost: number;
  /** Most tokens in one document. */
  readonly maxTokens: number;
  /** Cache answers under (document, variables, graph version): docs/performance.md. Off by default. */
  readonly responseCache?: boolean;
}

export const DEFAULT_API_OPTIONS: ApiOptions = {
  introspection: true,
  csrfPrevention: true,
  maxDepth: 12,
  maxAliases: 20,
  maxCost: 20_000,
  maxTokens: 2_000,
};

export async function createApp(db: Database, options: ApiOptions = DEFAULT_API_OPTIONS) {
  const armor = new ApolloArmor({
    maxDepth: { n: options.maxDepth, flattenFragments: true },
    maxAliases: { n: options.maxAliases },
    costLimit: { maxCost: options.maxCost },
    maxTokens: { n: options.maxTokens },
    maxDirectives: { n: 20 },
    blockFieldSuggestion: { enabled: !options.introspection },
  });
  const protection = armor.protect();
  const apollo = new ApolloServer<Context>({
    typeDefs: readTypeDefs(),
    resolvers: resolvers as never,
    introspection: options.introspection,
    csrfPrevention: options.csrfPrevention,
    formatError,
    includeStacktraceInErrorResponses: false,
    allowBatchedHttpRequests: false,
    validationRules: protection.validationRules,
    // Armor's and the landing page's plugins are context-agnostic.
    plugins: [...protection.plugins, playgroundLandingPage()] as ApolloServerPlugin<Context>[],
  });
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  app.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/ready', async (_req, res) => {
    try {
      const [info, plans] = await Promise.all([
        db.serverInfo(),
        db.read<{ node: { id: string } }>('plans-all'),
      ]);
      const ready = plans.length > 0;
      res.status(ready ? 200 : 503).json({
        status: ready ? 'ready' : 'no plan loaded',
        neo4j: info.agent,
        plans: plans.map((p) => p.node.id),
      });
    } catch (error) {
      res.status(503).json({ status: 'database unreachable', error: (error as Error).message });
    }
  });
  app.use('/playground', playgroundRouter());
  app.use(exportRouter(db));
  const cache = options.responseCache ? new ResponseCache(db) : null;
  app.use(
    '/graphql',
    express.json({ limit: '200kb' }),
    ...(cache ? [cache.middleware()] : []),
    expressMiddleware(apollo, {
      context: async () => ({ db, loaders: createLoaders(db) }),
    }),
  );
  return { app, apollo };
}

export interface RunningServer {
  readonly url: string;
  close(): Promise<void>;
}

export async function startServer(
  db: Database,
  { port, host, api = DEFAULT_API_OPTIONS }: { port: number; host: string; api?: ApiOptions },
): Promise<RunningServer> {
  const { app, apollo } = await createApp(db, api);
  const server: Server = createServer(app);
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
    },
  };
}
