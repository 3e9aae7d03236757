/**
 * `searchPage`: the hits of `search`, one page at a time, with the total. The ranking is the same
 * (Lucene score, then id; a substring scan when the index sees nothing), so page after page
 * gives exactly the list `search` would give with a large enough `first`.
 */
import type { Resolvers } from '../../generated/graphql.ts';
import { toLuceneQuery } from '../../graph/lucene.ts';
import type { NodeRow } from '../../graph/rows.ts';
import { BadInputError } from '../errors.ts';
import { searchHit } from '../search/hits.ts';
import { checkPlanId, connection, offsetAfter } from './args.ts';

const MAX_PAGE = 100;

interface HitsPage {
  total: number;
  hits: { node: NodeRow; score: number }[];
}

export const searchPageResolvers: Resolvers = {
  Query: {
    searchPage: async (_root, { query, planId, types, first, after }, ctx) => {
      const size = first ?? 10;
      if (!Number.isInteger(size) || size < 0 || size > MAX_PAGE) {
        throw new BadInputError('first', `an integer from 0 to ${MAX_PAGE}`, size);
      }
      const lucene = toLuceneQuery(query);
      if (lucene === null) throw new BadInputError('query', 'some text to search for', query);
      const offset = offsetAfter(after);
      const params = { planId: checkPlanId('planId', planId), types: types ?? null, offset, first: size };
      let [page] = await ctx.db.read<HitsPage & Record<string, unknown>>('search-fulltext-page', {
        ...params,
        lucene,
      });
      // The bigram index cannot see a lone character: fall back to a plain substring scan.
      if (page === undefined || page.total === 0) {
        [page] = await ctx.db.read<HitsPage & Record<string, unknown>>('search-substring-page', {
          ...params,
          text: query.trim(),
        });
      }
      const hits = (page?.hits ?? []).map((row) => {
        ctx.loaders.node.prime(row.node.id, row.node);
        return searchHit(row, query);
      });
      return connection(hits, page?.total ?? 0, offset);
    },
  },
};
