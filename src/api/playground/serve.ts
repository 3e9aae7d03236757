/**
 * Serves the built playground (dist/playground, from `npm run build:playground`): the page at
 * /playground/ and as Apollo's landing page for a browser's GET /graphql, its content-hashed
 * assets under /playground/assets/ with a year's cache, sent as the .br or .gz copy written at
 * build time when the browser accepts it.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type Request, type Response, type Router } from 'express';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';

export interface PlaygroundOptions {
  /** The Vite build output; dist/playground of this repository by default. */
  readonly dir?: string;
}

const DEFAULT_DIR = fileURLToPath(new URL('../../../dist/playground/', import.meta.url));

export const NOT_BUILT = 'playground not built: run npm run build:playground';

/** Types of the files the build compresses (see precompress.ts); others are sent as they are. */
const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.ttf': 'font/ttf',
};

/** File names Vite emits: no separators, no leading dot. */
const ASSET_NAME = /^[\w-][\w.-]*$/;

const ENCODINGS = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const;

const IMMUTABLE = 'public, max-age=31536000, immutable';

function isBuilt(dir: string): boolean {
  return existsSync(join(dir, 'index.html'));
}

/** Sends `path` or its precompressed copy, whichever the request accepts. */
function sendAsset(req: Request, res: Response, path: string, type: string | undefined): void {
  const headers: Record<string, string> = {
    'Cache-Control': IMMUTABLE,
    'X-Content-Type-Options': 'nosniff',
  };
  let file = path;
  if (type) {
    headers['Content-Type'] = type;
    headers['Vary'] = 'Accept-Encoding';
    // Our order, not the browser's: browsers list gzip first, but br is ~10% smaller.
    const accepted = req.acceptsEncodings();
    const encoding = ENCODINGS.find((e) => accepted.includes(e.name) && existsSync(path + e.suffix));
    if (encoding) {
      file = path + encoding.suffix;
      headers['Content-Encoding'] = encoding.name;
    }
  }
  // Byte ranges of a compressed copy would not be ranges of the file the URL names.
  res.sendFile(file, { headers, acceptRanges: false });
}

/** Mount at /playground: `app.use('/playground', playgroundRouter())`. */
export function playgroundRouter({ dir = DEFAULT_DIR }: PlaygroundOptions = {}): Router {
  return bundleRouter(dir, NOT_BUILT);
}

/**
 * Serves a Vite build: its index.html at the mount point, its assets under assets/, precompressed
 * (the playground's and the explorer's builds are served alike).
 */
export function bundleRouter(dir: string, notBuilt: string): Router {
  const router = express.Router();

  router.use((_req, res, next) => {
    if (isBuilt(dir)) next();
    else res.status(503).type('text/plain').send(notBuilt);
  });

  router.get('/', (_req, res) => {
    res.sendFile(join(dir, 'index.html'), {
      headers: { 'Cache-Control': 'no-cache', 'Content-Type': CONTENT_TYPES['.html']! },
    });
  });

  router.get('/assets/:file', (req, res, next) => {
    const { file } = req.params;
    const path = join(dir, 'assets', file);
    if (!ASSET_NAME.test(file) || !existsSync(path)) {
      next();
      return;
    }
    sendAsset(req, res, path, CONTENT_TYPES[extname(file)]);
  });

  return router;
}

function notBuiltPage(): string {
  return `<!doctype html><meta charset="utf-8"><title>GraphQL playground</title><p>${NOT_BUILT}</p>`;
}

/**
 * Apollo Server's landing page (what a browser gets from GET /graphql) becomes the playground,
 * replacing Apollo's default page that loads Apollo Sandbox from a CDN. The page is read on each
 * request, so a rebuild is picked up without restarting; its asset URLs are absolute
 * (/playground/assets/…), so `playgroundRouter()` must be mounted at /playground.
 */
export function playgroundLandingPage({
  dir = DEFAULT_DIR,
}: PlaygroundOptions = {}): ApolloServerPlugin<BaseContext> {
  return {
    async serverWillStart() {
      return {
        async renderLandingPage() {
          return {
            html: async () => (isBuilt(dir) ? readFile(join(dir, 'index.html'), 'utf8') : notBuiltPage()),
          };
        },
      };
    },
  };
}
