import { describe, expect, it } from 'vitest';
import { readTypeDefs } from '../../src/api/schema.ts';
import { undocumentedInSdl } from '../../src/api/schema-lint/descriptions.ts';

describe('the schema describes itself', () => {
  it('every type, field, argument, input field and enum value of schema/*.graphql has a description', () => {
    expect(undocumentedInSdl(readTypeDefs())).toEqual([]);
  });

  it('when something lacks a description, then the lint names it by its schema coordinate', () => {
    const sdl = [
      '"A query." type Query {',
      '  "Documented." a(x: Int): Int',
      '  b: Int',
      '}',
      'enum E { "One." ONE TWO }',
      'input I { "Yes." y: Int n: Int }',
      '"S." type S { s(i: I, e: E): Int }',
    ].join('\n');
    expect(undocumentedInSdl(sdl)).toEqual([
      'Query.a(x:)',
      'Query.b',
      'E',
      'E.TWO',
      'I',
      'I.n',
      'S.s',
      'S.s(i:)',
      'S.s(e:)',
    ]);
  });
});
