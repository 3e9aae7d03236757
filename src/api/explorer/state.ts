/**
 * The explorer's state lives in the URL's query string, so a view can be shared and reloaded:
 *   ?plan=cast-2018&node=dept/组人部&depth=2&rels=LEADS,SERVES&hide=SubItem&min=0.5&layout=tree
 *   ?view=path&from=dept/组人部&to=cast-2018/goal-3        ?view=coverage
 *   ?view=compare&a=cast-2018&b=cast-2025-points
 */
export type View = 'graph' | 'path' | 'coverage' | 'compare';
export type Layout = 'overview' | 'tree';

export interface State {
  plan: string | null;
  view: View;
  node: string | null;
  depth: 1 | 2 | 3;
  /** Relationship types followed; null = all. */
  rels: string[] | null;
  /** Node types hidden. */
  hide: string[];
  /** SERVES/ADDRESSES edges below this score are hidden. */
  min: number;
  layout: Layout;
  from: string | null;
  to: string | null;
  /** The two plans of the compare view. */
  a: string | null;
  b: string | null;
}

const list = (value: string | null) => (value ? value.split(',').filter(Boolean) : null);

export function readState(search: string): State {
  const q = new URLSearchParams(search);
  const view = q.get('view');
  const depth = Number(q.get('depth'));
  const min = Number(q.get('min'));
  return {
    plan: q.get('plan'),
    view: view === 'path' || view === 'coverage' || view === 'compare' ? view : 'graph',
    node: q.get('node'),
    depth: depth === 2 || depth === 3 ? depth : 1,
    rels: list(q.get('rels')),
    hide: list(q.get('hide')) ?? [],
    min: Number.isFinite(min) && min > 0 && min <= 1 ? min : 0,
    layout: q.get('layout') === 'tree' ? 'tree' : 'overview',
    from: q.get('from'),
    to: q.get('to'),
    a: q.get('a'),
    b: q.get('b'),
  };
}

/** The query string of a state; defaults are left out so URLs stay short. */
export function writeState(s: State): string {
  const q = new URLSearchParams();
  if (s.plan) q.set('plan', s.plan);
  if (s.view !== 'graph') q.set('view', s.view);
  if (s.node) q.set('node', s.node);
  if (s.depth !== 1) q.set('depth', String(s.depth));
  if (s.rels) q.set('rels', s.rels.join(','));
  if (s.hide.length > 0) q.set('hide', s.hide.join(','));
  if (s.min > 0) q.set('min', String(s.min));
  if (s.layout !== 'overview') q.set('layout', s.layout);
  if (s.view === 'path' && s.from) q.set('from', s.from);
  if (s.view === 'path' && s.to) q.set('to', s.to);
  if (s.view === 'compare' && s.a) q.set('a', s.a);
  if (s.view === 'compare' && s.b) q.set('b', s.b);
  const text = q.toString();
  return text === '' ? '' : `?${text}`;
}
