import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { planCounts } from '../../src/graph/counts.ts';
import { loadPlan, LOAD_STEPS } from '../../src/ingest/load/load.ts';
import { LOADER_VERSION } from '../../src/ingest/load/version.ts';
import { emptyGraph, openTestDatabase, parseFile, SECOND_PLAN, SEED, sourceText } from '../support/graph.ts';

let db: Database;

const asMap = (rows: { label: string; count: number }[]) =>
  Object.fromEntries(rows.map((r) => [r.label, r.count]));

async function snapshot() {
  const [row] = await db.read<{ nodes: unknown[]; relationships: unknown[] }>('test-snapshot');
  return row!;
}

beforeAll(async () => {
  db = openTestDatabase();
  await emptyGraph(db);
});
afterAll(async () => {
  await db.close();
});

describe('loading the seed plan', () => {
  it('writes every node and relationship the model holds, with the counts the text gives', async () => {
    const model = parseFile(SEED);
    const result = await loadPlan(db, model);
    expect(result.status).toBe('loaded');
    const counts = await planCounts(db, 'cast-2018');
    const nodes = asMap(counts.nodes);
    expect(nodes).toMatchObject({
      Plan: 1,
      Principle: 4,
      Goal: 3,
      Task: 10,
      SubItem: 48,
      Guarantee: 3,
      Department: 8,
      Problem: 4,
    });
    expect(nodes['Section']).toBe(model.sections.length);
    expect(nodes['Concept']).toBe(model.concepts.length);
    const rels = asMap(counts.relationships);
    expect(rels['LEADS']).toBe(11); // ten tasks, task 4 led by two departments
    expect(rels['HAS_SUBITEM']).toBe(48);
    expect(rels['HAS_ELEMENT']).toBe(4 + 3 + 10 + 3);
    expect(rels['MENTIONS']).toBe(model.mentions.length);
    expect(rels['SERVES']).toBe(model.serves.length);
    expect(rels['ADDRESSES']).toBe(model.addresses.length);
    expect(rels['STATED_IN']).toBe(4);
  });

  it('records the loader version and the source sha256 on the Plan', async () => {
    const [plan] = await db
      .read<{ node: Record<string, unknown> }>('node-by-ids', { ids: ['cast-2018'] })
      .then((r) => r.map((x) => ({ node: x['node'] as Record<string, unknown> })));
    expect(plan!.node['sha256']).toBe('c711c0f489a58a4ed4e66e76def467ecec36077b38e7bfa1eeb4e63f778bba21');
    expect(plan!.node['loaderVersion']).toBe(LOADER_VERSION);
    expect(plan!.node['sourceUrl']).toBe('https://cstam.org.cn/article/109057518522868756.html');
  });

  it('gives every node and relationship that comes from the text a span whose quote is the source at those offsets', async () => {
    const text = sourceText(SEED);
    const lines = text.split('\n');
    const spans = await db.read<{
      owner: string;
      kind: string;
      start: number;
      end: number;
      line: number;
      quote: string;
    }>('test-spans');
    expect(spans.length).toBeGreaterThan(200);
    const wrong = spans.filter(
      (s) => text.slice(s.start, s.end) !== s.quote || text.slice(0, s.start).split('\n').length !== s.line,
    );
    expect(wrong).toEqual([]);
    expect(lines.length).toBeGreaterThan(100);
    expect(await db.read('test-unsourced')).toEqual([]);
  });

  it('changes nothing when the same source is loaded again', async () => {
    const before = await snapshot();
    const again = await loadPlan(db, parseFile(SEED));
    expect(again.status).toBe('skipped');
    expect(await snapshot()).toEqual(before);
  });

  it('leaves identical nodes, relationships and properties after a forced reload', async () => {
    const before = await snapshot();
    const again = await loadPlan(db, parseFile(SEED), { force: true });
    expect(again.status).toBe('loaded');
    expect(await snapshot()).toEqual(before);
  });
});

describe('a load that fails half-way', () => {
  it('leaves the previous version exactly as it was, whatever step fails', async () => {
    const before = await snapshot();
    for (const failAt of ['sections', 'mentions', 'prune-shared'] as const) {
      const attempt = loadPlan(db, parseFile(SEED), {
        force: true,
        onStep: (step) => {
          if (step === failAt) throw new Error(`injected failure after ${step}`);
        },
      });
      await expect(attempt).rejects.toThrow(`injected failure after ${failAt}`);
      expect(await snapshot()).toEqual(before);
    }
    expect(LOAD_STEPS).toContain('prune-shared');
  });

  it('leaves the previous version intact when the loading process is killed with SIGKILL mid-load', async () => {
    const before = await snapshot();
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/load-and-hang.ts', SEED], {
      env: { ...process.env, ...neo4jEnv() },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    await new Promise<void>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        if (out.includes('PAUSED INSIDE TRANSACTION')) resolve();
      });
      child.on('exit', (code) => reject(new Error(`loader exited early with ${code}: ${out}`)));
    });
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    expect(await snapshot()).toEqual(before);
  }, 60_000);
});

describe('a second plan beside the first', () => {
  it('shares Concept nodes with the seed; its departments are its issuer’s, not the seed’s', async () => {
    const second = parseFile(SECOND_PLAN);
    await loadPlan(db, second);
    // Issued by 青禾市科协办公室: its 组人部 is that association's (dept/青禾市科协/组人部), and the
    // seed's dept/组人部 (中国科协) leads only the seed's tasks.
    const local = 'dept/青禾市科协/组人部';
    const shared = await db.read<{ key: string; node: { id: string } }>('node-by-ids', {
      ids: ['dept/组人部', local, 'concept/四服务'],
    });
    expect(shared.map((r) => r.key).sort()).toEqual(['concept/四服务', 'dept/组人部', local].sort());
    const planOf = async (id: string) => {
      const leads = await db.read<{ key: string; row: { taskId: string } }>('leads-by-departments', {
        keys: [{ key: 'k', id, planId: null }],
      });
      return [...new Set(leads.map((l) => l.row.taskId.split('/')[0]))];
    };
    expect(await planOf('dept/组人部')).toEqual(['cast-2018']);
    expect(await planOf(local)).toEqual([second.id]);
    const mentions = await db.read<{ key: string; total: number }>('mentions-by-concepts', {
      keys: [{ key: 'k', id: 'concept/四服务', planId: null, offset: 0, first: 100 }],
    });
    expect(mentions[0]!.total).toBeGreaterThanOrEqual(2);
  });

  it('a reload that no longer names a unit deletes that unit’s Department; the reload as before restores it', async () => {
    const second = parseFile(SECOND_PLAN);
    const before = await snapshot();
    const local = 'dept/青禾市科协/组人部';
    const without = {
      ...second,
      departments: second.departments.filter((d) => d.id !== local),
      leads: second.leads.filter((l) => l.departmentId !== local),
      participations: second.participations.filter((p) => p.departmentId !== local),
    };
    expect(without.leads.length).toBeLessThan(second.leads.length);
    const ids = async () =>
      (await db.read<{ key: string }>('node-by-ids', { ids: [local, 'dept/组人部', 'concept/四服务'] }))
        .map((r) => r.key)
        .sort();
    await loadPlan(db, without, { force: true });
    expect(await ids()).toEqual(['concept/四服务', 'dept/组人部']);
    await loadPlan(db, second, { force: true });
    expect(await ids()).toEqual(['concept/四服务', 'dept/组人部', local].sort());
    expect(await snapshot()).toEqual(before);
  });

  it('removing nothing from the first: the seed keeps its counts', async () => {
    const counts = asMap((await planCounts(db, 'cast-2018')).nodes);
    expect(counts['Task']).toBe(10);
    expect(counts['SubItem']).toBe(48);
  });
});

/** The suite's database as the environment a child process reads (src/config.ts keys). */
function neo4jEnv(): Record<string, string> {
  const { uri, user, password, database } = inject('neo4j');
  return { NEO4J_URI: uri, NEO4J_USER: user, NEO4J_PASSWORD: password, NEO4J_DATABASE: database };
}
