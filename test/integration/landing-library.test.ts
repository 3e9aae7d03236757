/**
 * The start page over a library of more plans than one page shows: the `next page` links walk
 * every plan once, in id order, and a filter pages the same way. Hostile `?q=`: a header-sized
 * text, pattern syntax, many words, the parameter given twice — each answered with a page that
 * says what was searched for (or what was expected), never an error page or a stack.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateLibrary, type GeneratedPlan } from '../../bench/library/generate.ts';
import type { Database } from '../../src/db/database.ts';
import { LANDING_PAGE, LANDING_QUERY_MAX } from '../../src/api/landing/router.ts';
import { escapeHtml } from '../../src/api/landing/page.ts';
import { emptyGraph, loadFiles, openTestDatabase, SEED } from '../support/graph.ts';
import { runLoadCli } from '../support/load-cli.ts';
import { startTestServer } from '../support/server.ts';
import { expectNoLeak } from '../hostile/support.ts';

/** More than one page of plans, and a second page that is not full. */
const PLANS = 60;

let db: Database;
let server: Awaited<ReturnType<typeof startTestServer>>;
let folder: string;
let plans: GeneratedPlan[];

beforeAll(async () => {
  db = openTestDatabase();
  await emptyGraph(db);
  await loadFiles(db, SEED);
  folder = join(mkdtempSync(join(tmpdir(), 'plan-graph-landing-')), 'library');
  plans = generateLibrary({ n: PLANS, seed: 'landing-test', out: folder, corpus: 'test/fixtures' });
  const { code, stderr } = await runLoadCli(['--jobs', '2', folder]);
  expect(code, stderr).toBe(0);
  server = await startTestServer(db);
}, 600_000);
afterAll(async () => {
  await server?.close();
  await db?.close();
  rmSync(join(folder, '..'), { recursive: true, force: true });
});

/** The plan ids a start page lists, in the order it lists them, and its `next page` link. */
async function page(
  path: string,
): Promise<{ status: number; html: string; ids: string[]; next: string | null }> {
  const response = await fetch(`${server.url}${path}`);
  const html = await response.text();
  const ids = [...html.matchAll(/<tr><td><code>([^<]+)<\/code><\/td>/g)].map((m) => m[1]!);
  const next = /<a href="([^"]+)">next page<\/a>/.exec(html)?.[1]?.replaceAll('&amp;', '&') ?? null;
  return { status: response.status, html, ids, next };
}

describe('the start page of a library of 61 plans', () => {
  it('follows `next page` past the first 50: every plan once, in id order, then no further link', async () => {
    const all = ['cast-2018', ...plans.map((p) => p.planId)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    expect(new Set(all).size).toBe(PLANS + 1);
    const first = await page('/');
    expect(first.status).toBe(200);
    expect(first.ids).toEqual(all.slice(0, LANDING_PAGE));
    expect(first.html).toContain(`${LANDING_PAGE} of ${PLANS + 1} plans shown, by id`);
    expect(first.next).toBe(`/?after=${encodeURIComponent(all[LANDING_PAGE - 1]!)}`);
    const second = await page(first.next!);
    expect(second.ids).toEqual(all.slice(LANDING_PAGE));
    expect(second.html).toContain(`${PLANS + 1 - LANDING_PAGE} of ${PLANS + 1} plans shown, by id`);
    expect(second.html).toContain('<a href="/">first page</a>');
    expect(second.next).toBeNull();
  });

  it('pages a filter the same way: the next page keeps ?q=, and the filter keeps only the plans containing it', async () => {
    const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    // Every generated id holds "-<year>", as cast-2018 does: the filter keeps all 61, over two pages.
    const all = ['cast-2018', ...plans.map((p) => p.planId)].sort(byId);
    const first = await page('/?q=-20');
    expect(first.ids).toEqual(all.slice(0, LANDING_PAGE));
    expect(first.html).toContain(
      `${LANDING_PAGE} plans shown whose id or title contains “-20”, of ${PLANS + 1} loaded`,
    );
    expect(first.next).toBe(`/?after=${encodeURIComponent(all[LANDING_PAGE - 1]!)}&q=-20`);
    const second = await page(first.next!);
    expect(second.ids).toEqual(all.slice(LANDING_PAGE));
    expect(second.next).toBeNull();
    // The science associations' plans (skx: 科协) only, on one page.
    const associations = plans.map((p) => p.planId).filter((id) => id.includes('skx'));
    expect(associations.length).toBeGreaterThan(0);
    expect(associations.length).toBeLessThan(PLANS);
    expect((await page('/?q=skx')).ids).toEqual(associations.sort(byId));
  });
});

describe('a hostile ?q= on the start page', () => {
  it('a header-sized text of pattern syntax is read as plain text, cut to its first 200 characters, and matches nothing', async () => {
    // 4,750 characters, 9.75 KB once encoded: as long a request line as Node takes (its headers stop at 16 KB).
    const asked = '.*(a+)+$[^]{1,999}\\'.repeat(250);
    expect(encodeURIComponent(asked).length).toBe(9_750);
    const answer = await page(`/?q=${encodeURIComponent(asked)}`);
    expect(answer.status).toBe(200);
    expectNoLeak(answer.html);
    expect(answer.ids).toEqual([]);
    expect(answer.html).toContain(
      `0 plans shown whose id or title contains “${escapeHtml(asked.slice(0, LANDING_QUERY_MAX))}” ` +
        `(only the first ${LANDING_QUERY_MAX} characters of the text asked are read), of ${PLANS + 1} loaded`,
    );
    expect(answer.next).toBeNull();
  });

  it('a text past the header limit is refused by Node (431) before the page is read', async () => {
    const answer = await fetch(`${server.url}/?q=${'a'.repeat(20_000)}`);
    expect(answer.status).toBe(431);
  });

  it('many words are one text to contain, not terms to match each', async () => {
    const title = '2018年科协系统深化改革重点任务';
    expect((await page(`/?q=${encodeURIComponent(title)}`)).ids).toContain('cast-2018');
    const words = Array.from({ length: 60 }, (_, i) => `${title.slice(i % 6, (i % 6) + 2)}`).join(' ');
    const answer = await page(`/?q=${encodeURIComponent(words)}`);
    expect(answer.status).toBe(200);
    expect(answer.ids).toEqual([]);
    expect(answer.html).toContain(
      `0 plans shown whose id or title contains “${escapeHtml(words.slice(0, LANDING_QUERY_MAX))}”`,
    );
  });

  it('markup in ?q= comes back escaped, never as markup', async () => {
    const answer = await page(`/?q=${encodeURIComponent('<script>alert(1)</script>"')}`);
    expect(answer.status).toBe(200);
    expect(answer.html).not.toContain('<script>alert');
    expect(answer.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&quot;');
  });

  it('?q= given twice is refused with what was expected, not guessed at', async () => {
    const answer = await page('/?q=a&q=b');
    expect(answer.status).toBe(400);
    expectNoLeak(answer.html);
    expect(answer.html).toContain('Expected ?q= at most once, found it several times');
  });
});
