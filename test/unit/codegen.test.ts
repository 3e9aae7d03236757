import { readFileSync } from 'node:fs';
import { generate } from '@graphql-codegen/cli';
import { describe, expect, it } from 'vitest';
import config from '../../codegen.ts';

describe('generated code', () => {
  it('is what `npm run codegen` makes of schema/*.graphql and examples/ today (run it and commit when this fails)', async () => {
    const outputs = await generate({ ...config, silent: true }, false);
    const files = outputs.map((o: { filename: string }) => o.filename).sort();
    expect(files).toEqual([
      'examples/gql/gql.ts',
      'examples/gql/graphql.ts',
      'examples/gql/index.ts',
      'src/generated/graphql.ts',
    ]);
    for (const output of outputs) {
      expect(readFileSync(output.filename, 'utf8'), output.filename).toBe(output.content);
    }
  }, 60_000);
});
