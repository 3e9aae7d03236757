/**
 * Documents and meetings the plans cite (Document, Citation, Plan.cites / citedBy, document()):
 * the citation graph the loader writes (CITES from the citing element, IS to a loaded plan).
 */
import type { Resolvers } from '../../generated/graphql.ts';
import type { DocumentRow, NodeRow, PlanRow } from '../../graph/rows.ts';
import { normaliseTitle } from '../../ingest/semantics/citations.ts';
import { BadInputError, NotFoundError } from '../errors.ts';
import { checkFirst, checkOffset, checkPlanId } from './args.ts';
import { required, span } from './shared.ts';

/** A title as the loader stores it: 《》 dropped, spaces dropped, full-width parentheses made ASCII. */
const titleKey = (title: string) => normaliseTitle(title.trim().replace(/^《(.*)》$/u, '$1'));
/** A number as the loader stores it: spaces dropped, any square brackets around the year made 〔〕. */
const numberKey = (number: string) =>
  number
    .replace(/\s+/g, '')
    .replace(/[［[]/g, '〔')
    .replace(/[］\]]/g, '〕');

export const documentResolvers: Resolvers = {
  Query: {
    document: async (_root, { title, number }, ctx) => {
      const given = (title ?? null) !== null ? 'title' : (number ?? null) !== null ? 'number' : null;
      if (given === null || ((title ?? null) !== null && (number ?? null) !== null)) {
        throw new BadInputError('title', 'exactly one of title and number', {
          title: title ?? null,
          number: number ?? null,
        });
      }
      const key = given === 'title' ? titleKey(title!) : numberKey(number!);
      if (key === '') throw new BadInputError(given, `a document ${given}`, title ?? number);
      const [row] = await ctx.db.read<{ node: DocumentRow }>('document-by-key', {
        title: given === 'title' ? key : null,
        number: given === 'number' ? key : null,
      });
      if (row === undefined) throw new NotFoundError(given, (title ?? number)!);
      ctx.loaders.primeNode(row.node);
      return row.node;
    },
  },
  Document: {
    form: (d) => (d.form === 'meeting' ? 'MEETING' : 'DOCUMENT'),
    title: (d) => d.title ?? null,
    number: (d) => d.documentNumber ?? null,
    plan: async (d, _a, ctx) => (await ctx.loaders.planByDocument.load(d.id))[0] ?? null,
    citedBy: async (d, { planId, first, offset }, ctx) => {
      const from = checkOffset(offset);
      const upTo = first === null || first === undefined ? undefined : from + checkFirst(first);
      const rows = await ctx.loaders.citationsByDocument.load({
        id: d.id,
        planId: checkPlanId('planId', planId ?? null),
      });
      // A document's citations are one per citing element: few enough to cut here, after the batch.
      return rows.slice(from, upTo);
    },
  },
  Citation: {
    plan: (c, _a, ctx) => required<PlanRow>(ctx, c.planId),
    element: (c, _a, ctx) => required<NodeRow>(ctx, c.elementId),
    document: (c, _a, ctx) => required<DocumentRow>(ctx, c.documentId),
    source: (c) => span(c),
  },
  Plan: {
    cites: (p, _a, ctx) => ctx.loaders.citationsByPlan.load(p.id),
    citedBy: (p, _a, ctx) => ctx.loaders.citationsOfPlan.load(p.id),
  },
};
