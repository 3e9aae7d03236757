import { describe, expect, it } from 'vitest';
import { loadCatalog, parseStatement, statement } from '../../src/db/catalog.ts';

describe('the Cypher catalog', () => {
  it('reads every cypher/*.cypher file with a header whose params match its body', () => {
    const catalog = loadCatalog();
    expect(catalog.size).toBeGreaterThan(40);
    const task = statement(catalog, 'task-by-number');
    expect(task.params).toEqual(['planId', 'number']);
    expect(task.columns).toEqual(['node']);
    expect(task.text.startsWith('MATCH')).toBe(true);
  });

  it('refuses a file without a params/returns header, naming the file', () => {
    expect(() => parseStatement('broken', 'MATCH (n) RETURN n')).toThrow(
      'cypher/broken.cypher: expected a header with "// params:" and "// returns:" lines, found []',
    );
  });

  it('refuses a body that uses a parameter the header does not declare, and the reverse', () => {
    const source = '// x\n// params: $a, $b\n// returns: n\nMATCH (n {id: $a, name: $c}) RETURN n';
    expect(() => parseStatement('drift', source)).toThrow(
      'cypher/drift.cypher: header params [a, b] do not match the body; used but not declared: c; declared but not used: b',
    );
  });

  it('names the missing statement when asked for one that does not exist', () => {
    expect(() => statement(loadCatalog(), 'no-such-query')).toThrow(
      /no cypher\/no-such-query.cypher in the catalog/,
    );
  });
});
