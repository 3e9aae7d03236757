/** Every resolver map, merged by type. Resolvers stay thin: loaders and src/graph do the work. */
import type { Resolvers } from '../../generated/graphql.ts';
import { JSONScalar } from '../scalars.ts';
import { acrossResolvers } from './across.ts';
import { caveatResolvers } from './caveats.ts';
import { compareResolvers } from './compare.ts';
import { compareCutResolvers } from './compare-cut.ts';
import { coverageResolvers } from './coverage.ts';
import { documentResolvers } from './documents.ts';
import { exploreResolvers } from './explore.ts';
import { linkResolvers } from './links.ts';
import { lookupResolvers } from './lookups.ts';
import { nodeResolvers } from './nodes.ts';
import { planResolvers } from './plan.ts';
import { searchPageResolvers } from './search-page.ts';

function merge(...maps: Resolvers[]): Resolvers {
  const out: Record<string, Record<string, unknown>> = {};
  for (const map of maps) {
    for (const [type, fields] of Object.entries(map)) {
      out[type] = { ...(out[type] ?? {}), ...(fields as Record<string, unknown>) };
    }
  }
  return out as Resolvers;
}

export const resolvers: Resolvers = {
  ...merge(
    nodeResolvers,
    planResolvers,
    linkResolvers,
    coverageResolvers,
    exploreResolvers,
    lookupResolvers,
    searchPageResolvers,
    compareResolvers,
    compareCutResolvers,
    caveatResolvers,

    documentResolvers,
    acrossResolvers,
  ),
  JSON: JSONScalar,
};
