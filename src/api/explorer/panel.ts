/**
 * The side panel: a node's text with its title marked where it stands in the source, its lead
 * units and what it links to; a SERVES or ADDRESSES edge's basis, score, rationale and every piece of
 * evidence, each quote shown inside the source item it was found in, with its line.
 */
import type { Derived, NodeDetail, Span } from './api.ts';
import { fill, h, type Child } from './dom.ts';

export interface PanelActions {
  focus(id: string): void;
  pathFrom(id: string): void;
  pathTo(id: string): void;
}

/** `inner`'s quote marked inside `outer`'s (the item as it stands in the source), with the line. */
export function quoteInContext(outer: Span | undefined, inner: Span): HTMLElement {
  const line = h('span', { class: 'line' }, `line ${inner.line}`);
  if (outer === undefined || inner.start < outer.start || inner.end > outer.end) {
    return h('blockquote', { class: 'source' }, line, ' ', h('mark', {}, inner.quote));
  }
  const a = inner.start - outer.start;
  const b = inner.end - outer.start;
  return h(
    'blockquote',
    { class: 'source' },
    line,
    ' ',
    outer.quote.slice(0, a),
    h('mark', {}, outer.quote.slice(a, b)),
    outer.quote.slice(b),
  );
}

function link(id: string, text: string, actions: PanelActions): HTMLElement {
  const a = h('a', { href: `?node=${encodeURIComponent(id)}`, 'data-node': id }, text);
  a.addEventListener('click', (event) => {
    event.preventDefault();
    actions.focus(id);
  });
  return a;
}

function section(title: string, ...children: Child[]): HTMLElement {
  return h('section', {}, h('h3', {}, title), ...children);
}

export function renderNode(panel: HTMLElement, node: NodeDetail, actions: PanelActions): void {
  const heading = node.number !== undefined ? `${node.__typename} ${node.number}` : node.__typename;
  const title = node.title ?? node.name ?? node.id;
  const pathButtons = h('p', { class: 'actions' });
  for (const [label, act] of [
    ['Path from here', actions.pathFrom],
    ['Path to here', actions.pathTo],
  ] as const) {
    const button = h('button', { type: 'button' }, label);
    button.addEventListener('click', () => act(node.id));
    pathButtons.append(button);
  }
  const leads = node.leadDepartments ?? node.task?.leadDepartments ?? [];
  fill(
    panel,
    h('p', { class: 'kind' }, heading, node.plan ? ` · ${node.plan.id}` : ''),
    h('h2', {}, title),
    h('p', { class: 'id' }, node.id),
    node.source && section('Source', quoteInContext(node.source, node.titleSource ?? node.source)),
    node.text && node.source === undefined && h('p', {}, node.text),
    node.task && section('Task', link(node.task.id, `Task ${node.task.number}: ${node.task.title}`, actions)),
    leads.length > 0 &&
      section('Lead units', h('ul', {}, ...leads.map((d) => h('li', {}, link(d.id, d.name, actions))))),
    node.fullName && section('Full name', node.fullName),
    node.leads &&
      section(
        'Leads',
        h(
          'ul',
          {},
          ...node.leads.map((l) =>
            h(
              'li',
              {},
              link(l.task.id, `Task ${l.task.number}: ${l.task.title}`, actions),
              ` (line ${l.source.line})`,
            ),
          ),
        ),
      ),
    node.gloss && section('Gloss', node.gloss),
    node.aliases && node.aliases.length > 0 && section('Also written', node.aliases.join(' / ')),
    node.definition !== undefined && section('Definition', node.definition ?? 'No source defines it.'),
    node.mentionedIn &&
      section(
        `Mentioned ${node.mentionedIn.totalCount}×`,
        ...node.mentionedIn.nodes.map((m) =>
          h(
            'div',
            { class: 'mention' },
            link(m.element.id, m.element.id, actions),
            quoteInContext(m.element.source, m.source),
          ),
        ),
      ),
    pathButtons,
  );
}

export function renderDerived(
  panel: HTMLElement,
  relation: string,
  edge: Derived,
  actions: PanelActions,
): void {
  fill(
    panel,
    h('p', { class: 'kind' }, relation),
    h(
      'h2',
      {},
      link(edge.from.id, edge.from.title, actions),
      ' → ',
      link(edge.to.id, edge.to.title, actions),
    ),
    h(
      'dl',
      { class: 'facts' },
      h('dt', {}, 'Basis'),
      h('dd', { class: 'basis' }, edge.basis),
      h('dt', {}, 'Score'),
      h('dd', { class: 'score' }, edge.score.toFixed(3)),
    ),
    edge.rationale && section('Rationale', edge.rationale),
    section(
      `Evidence (${edge.evidence.length})`,
      ...edge.evidence.map((e) =>
        h(
          'div',
          { class: 'evidence' },
          h('h4', {}, `“${e.phrase}”`),
          quoteInContext(edge.from.source, e.from),
          quoteInContext(edge.to.source, e.to),
        ),
      ),
    ),
  );
}

export function renderEdge(panel: HTMLElement, data: Record<string, unknown>, actions: PanelActions): void {
  fill(
    panel,
    h('p', { class: 'kind' }, String(data['relation'])),
    h(
      'h2',
      {},
      link(String(data['source']), String(data['source']), actions),
      ' → ',
      link(String(data['target']), String(data['target']), actions),
    ),
    typeof data['quote'] === 'string' &&
      section(
        'Source',
        h(
          'blockquote',
          { class: 'source' },
          h('span', { class: 'line' }, `line ${String(data['line'])}`),
          ' ',
          h('mark', {}, data['quote']),
        ),
      ),
  );
}

export function renderMessage(panel: HTMLElement, ...children: Child[]): void {
  fill(panel, h('div', { class: 'hint' }, ...children));
}
