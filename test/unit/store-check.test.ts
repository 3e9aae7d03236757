import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { missingStore } from '../../src/cli/store.ts';

const scratch = mkdtempSync(join(tmpdir(), 'plan-graph-store-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('npm run plans before it opens a database', () => {
  it('stops with one line naming the directory and what to set when no store and no engine are there', () => {
    const dir = join(scratch, 'nothing');
    expect(missingStore({ neo4jUri: null, neo4jDataDir: dir })).toBe(
      `no engine runs on ${dir} and no store is there (nothing was started): run this where \`npm start\` runs, ` +
        'or set NEO4J_DATA_DIR to its store, or NEO4J_URI to a running Neo4j',
    );
    const empty = join(scratch, 'empty');
    mkdirSync(empty);
    expect(missingStore({ neo4jUri: null, neo4jDataDir: empty })).toContain(`no engine runs on ${empty}`);
  });

  it('goes on with a store on disk, a running engine or a server', () => {
    const store = join(scratch, 'store');
    mkdirSync(store);
    writeFileSync(join(store, 'credentials'), 'x');
    expect(missingStore({ neo4jUri: null, neo4jDataDir: store })).toBeNull();
    const running = join(scratch, 'running');
    mkdirSync(running);
    writeFileSync(
      join(running, 'running-engine.json'),
      JSON.stringify({ uri: 'bolt://127.0.0.1:1', pid: process.pid }),
    );
    expect(missingStore({ neo4jUri: null, neo4jDataDir: running })).toBeNull();
    expect(missingStore({ neo4jUri: 'bolt://db:7687', neo4jDataDir: join(scratch, 'none') })).toBeNull();
  });
});
