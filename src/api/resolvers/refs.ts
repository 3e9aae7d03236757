/**
 * A node asked for by id or by name: `dept/组人部`, `组人部`, `concept/四服务`, `四服务` (or an alias
 * of either). The graph-shape fields (path, neighborhood, subgraph) take both, as `concept(name:)`
 * takes a name; what matches nothing is NOT_FOUND with the nearest ids as suggestions.
 */
import type { Context } from '../context.ts';
import { BadInputError, NotFoundError, NotFoundWithSuggestionsError } from '../errors.ts';
import { type Named, nearestNames, normalName } from '../suggest.ts';
import { checkId } from './args.ts';

/** Departments and concepts, the shared nodes people know by name, with their ids. */
async function namedNodes(ctx: Context): Promise<Named[]> {
  const [departments, concepts] = await Promise.all([
    ctx.db.read<Named & Record<string, unknown>>('department-names'),
    ctx.db.read<Named & Record<string, unknown>>('concept-names'),
  ]);
  return [...departments, ...concepts];
}

/** The id a name stands for: the department or concept whose name or alias it is exactly. */
function byName(entries: readonly Named[], asked: string): string | null {
  const wanted = normalName(asked).toLowerCase();
  if (wanted === '') return null;
  const hit = entries.find((e) => [e.name, ...e.aliases].some((n) => normalName(n).toLowerCase() === wanted));
  return hit?.id ?? null;
}

/**
 * The id of the node `value` names: itself when a node has that id, else the department or concept
 * of that name (`dept/` or `concept/` before it is optional). NOT_FOUND names the argument and
 * the nearest ids.
 */
export async function resolveNode(ctx: Context, argument: string, value: string): Promise<string> {
  const trimmed = value.trim();
  if (trimmed.length > 200)
    throw new BadInputError(
      argument,
      'an id or a name of at most 200 characters',
      `${value.length} characters`,
    );
  if (/^\S+$/u.test(trimmed) && (await ctx.loaders.node.load(checkId(argument, trimmed))) !== null)
    return trimmed;
  const entries = await namedNodes(ctx);
  const asked = trimmed.replace(/^(dept|concept)\//u, '');
  const id = byName(entries, asked);
  if (id !== null) return id;
  const nearest = nearestNames(asked, entries).map((name) => entries.find((e) => e.name === name)!.id);
  throw nearest.length > 0
    ? new NotFoundWithSuggestionsError(argument, value, nearest)
    : new NotFoundError(argument, value);
}
