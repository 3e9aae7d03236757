/**
 * Reading a trusted-documents list: both published forms (id → document as graphql-codegen's
 * persisted documents; Apollo's persisted query manifest), ids with or without `sha256:`, texts
 * known by their own SHA-256 whatever the ids are, and every bad file named with what was wrong.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTrustedDocuments, sha256 } from '../../src/api/operations/trusted.ts';

const dir = mkdtempSync(join(tmpdir(), 'plan-graph-trusted-'));
const file = (name: string, content: string) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};
const PLANS = '{ plans { id } }';

describe('readTrustedDocuments', () => {
  it('reads id → document (graphql-codegen), by id, by sha256: id and by the text itself', () => {
    const list = readTrustedDocuments(file('codegen.json', JSON.stringify({ abc123: PLANS })));
    expect(list.size).toBe(1);
    expect([list.text('abc123'), list.text('sha256:abc123'), list.text(sha256(PLANS))]).toEqual([
      PLANS,
      PLANS,
      PLANS,
    ]);
    expect([list.has(PLANS), list.has('{ plans { title } }'), list.text('def')]).toEqual([
      true,
      false,
      undefined,
    ]);
  });

  it("reads Apollo's persisted query manifest", () => {
    const manifest = {
      format: 'apollo-persisted-query-manifest',
      version: 1,
      operations: [{ id: sha256(PLANS), name: 'Plans', type: 'query', body: PLANS }],
    };
    const list = readTrustedDocuments(file('apollo.json', JSON.stringify(manifest)));
    expect([list.size, list.text(sha256(PLANS)), list.has(PLANS)]).toEqual([1, PLANS, true]);
  });

  it('refuses a bad file with what it expected and what it found', () => {
    const message = (content: string) => {
      const path = file('bad.json', content);
      try {
        readTrustedDocuments(path);
      } catch (error) {
        return (error as Error).message.replace(path, 'FILE');
      }
      return 'read';
    };
    expect(message('[]')).toBe(
      'TRUSTED_DOCUMENTS=FILE: expected an object (id → document, or an Apollo manifest); found an array',
    );
    expect(message('{"a": 1}')).toBe(
      'TRUSTED_DOCUMENTS=FILE: expected the document of id "a" as a string; found number',
    );
    expect(message('{}')).toBe('TRUSTED_DOCUMENTS=FILE: expected at least one document; found none');
    expect(message('{"format": "apollo-persisted-query-manifest", "version": 2, "operations": []}')).toBe(
      'TRUSTED_DOCUMENTS=FILE: expected version 1 of the Apollo manifest; found 2',
    );
    expect(message('{ nope')).toMatch(/^TRUSTED_DOCUMENTS=FILE: expected JSON; found /);
    expect(readTrustedDocumentsMissing()).toMatch(/expected a readable JSON file; found ENOENT/);
  });
});

function readTrustedDocumentsMissing(): string {
  try {
    readTrustedDocuments(join(dir, 'missing.json'));
  } catch (error) {
    return (error as Error).message;
  }
  return 'read';
}
