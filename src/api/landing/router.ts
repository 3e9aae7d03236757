/**
 * GET / (the start page) and GET /docs/<page>.md (the docs it links to, as HTML; `?raw`, or an
 * Accept that prefers text/markdown, gives the Markdown source), and the docs' images.
 * Mount with `app.use(landingRouter(db))`.
 */
import { readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { Router } from 'express';
import type { Database } from '../../db/database.ts';
import { renderDoc } from './docs.ts';
import { type LandingPlan, renderLanding } from './page.ts';

export const DOCS_DIR = fileURLToPath(new URL('../../../docs/', import.meta.url));
const DOC_NAME = /^[a-z0-9-]+\.md$/;
const FAVICON =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><path d="M8 24 16 8 24 24Z" fill="none" stroke="#555" stroke-width="2"/>' +
  '<circle cx="16" cy="8" r="5" fill="#0072B2"/><circle cx="8" cy="24" r="5" fill="#D55E00"/><circle cx="24" cy="24" r="5" fill="#E69F00"/></svg>';

/** Plans per page of the start page: a library of thousands is paged, by id. */
export const LANDING_PAGE = 50;

/** Characters of `?q=` and `?after=` read: longer than any plan's id or title. */
export const LANDING_QUERY_MAX = 200;

/**
 * `?after=<plan id>` (the page starts after it) and `?q=<text>` (id or title contains it, as plain
 * text: no pattern syntax). A text longer than any title is cut to its first LANDING_QUERY_MAX
 * characters, and the page says so; a parameter given twice is refused, not guessed at.
 */
function pageAsked(
  query: Record<string, unknown>,
): { after: string; text: string | null; cutAt: number | null } | { twice: string } {
  for (const name of ['q', 'after'])
    if (query[name] !== undefined && typeof query[name] !== 'string') return { twice: name };
  const one = (v: unknown) => (typeof v === 'string' ? v.slice(0, LANDING_QUERY_MAX) : '');
  const text = one(query['q']).trim();
  const asked = query['q'];
  return {
    after: one(query['after']),
    text: text === '' ? null : text,
    cutAt: typeof asked === 'string' && asked.length > LANDING_QUERY_MAX ? LANDING_QUERY_MAX : null,
  };
}

export interface LandingOptions {
  /** Path of the graph explorer, when the service serves one (e.g. /explore). */
  readonly explorer?: string;
  readonly docsDir?: string;
}

export function landingRouter(db: Database, options: LandingOptions = {}): Router {
  const docsDir = options.docsDir ?? DOCS_DIR;
  const docs = readdirSync(docsDir)
    .filter((f) => DOC_NAME.test(f))
    .sort();
  const router = Router();
  router.get('/', async (req, res) => {
    const asked = pageAsked(req.query);
    if ('twice' in asked) {
      res
        .status(400)
        .type('html')
        .send(
          `<!doctype html><meta charset="utf-8"><title>plan-graph</title><p>Expected ?${asked.twice}= at most once, found it several times (<a href="/">the start page</a>).</p>`,
        );
      return;
    }
    let plans: LandingPlan[];
    let total: number;
    try {
      // One page more than shown tells whether a next page exists.
      [plans, total] = await Promise.all([
        db.read<LandingPlan & Record<string, unknown>>('landing-plans', {
          after: asked.after,
          text: asked.text,
          first: LANDING_PAGE + 1,
        }),
        db.read<{ count: number }>('plans-count').then((rows) => rows[0]?.count ?? 0),
      ]);
    } catch {
      res
        .status(503)
        .type('html')
        .send(
          '<!doctype html><meta charset="utf-8"><title>plan-graph</title><p>The graph database is unreachable right now; try again in a moment (<a href="/ready">/ready</a>).</p>',
        );
      return;
    }
    res
      .type('html')
      .set('Cache-Control', 'no-cache')
      .send(
        renderLanding(
          plans.slice(0, LANDING_PAGE),
          { explorer: options.explorer, docs },
          {
            total,
            after: asked.after,
            text: asked.text,
            cutAt: asked.cutAt,
            next: plans.length > LANDING_PAGE ? plans[LANDING_PAGE - 1]!.id : null,
          },
        ),
      );
  });
  // Browsers ask every origin for /favicon.ico: three linked nodes, rather than a 404 in the console.
  router.get('/favicon.ico', (_req, res) => {
    res.type('image/svg+xml').set('Cache-Control', 'public, max-age=86400').send(FAVICON);
  });
  router.get('/docs/:page', async (req, res, next) => {
    const { page } = req.params;
    if (!docs.includes(page) || !DOC_NAME.test(page)) {
      next();
      return;
    }
    const source = await readFile(join(docsDir, page), 'utf8');
    res.set('Vary', 'Accept');
    if ('raw' in req.query) res.type('text/plain; charset=utf-8').send(source);
    else if (req.accepts(['text/html', 'text/markdown']) === 'text/markdown')
      res.type('text/markdown; charset=utf-8').send(source);
    else res.type('html').send(renderDoc(page, source));
  });
  // The pictures the docs show (docs/images/*.png), so a rendered page has them.
  router.use('/docs/images', express.static(join(docsDir, 'images'), { fallthrough: true, index: false }));
  return router;
}
