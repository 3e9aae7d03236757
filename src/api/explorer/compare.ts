/**
 * The compare view: two plans side by side. Aligned tasks in a's order, each with its score, the
 * relationship the loader draws between them (SAME_AS when title and text are the same, CONTINUES
 * otherwise) and the character diff of title and text; tasks only in one plan; tasks that cannot
 * be placed because the other plan is a cut text; concepts that appear, disappear or carry over;
 * lead changes. Every caveat first, then the alignment drawn (compare-graph.ts), then the tables.
 * Loaded on demand: the first graph of the page never waits for this module.
 */
import type { Core } from 'cytoscape';
import type { ComparisonData, DiffPart, TaskRef } from './api.ts';
import { drawAlignment } from './compare-graph.ts';
import { fill, h } from './dom.ts';

export interface CompareActions {
  /** A task link of the tables: its neighbourhood in the graph view. */
  focus(id: string): void;
  /** A task of the drawing: its details and source in the side panel. */
  task(id: string): void;
}

type Pair = ComparisonData['compare']['aligned'][number];

function diff(parts: DiffPart[]): HTMLElement {
  return h(
    'span',
    { class: 'diff' },
    ...parts.map((p) => (p.op === 'SAME' ? p.text : h(p.op === 'ADDED' ? 'ins' : 'del', {}, p.text))),
  );
}

function taskLink(task: TaskRef, actions: CompareActions): HTMLElement {
  const button = h(
    'button',
    { type: 'button', class: 'link', 'data-id': task.id },
    `Task ${task.number}: ${task.title}`,
  );
  button.addEventListener('click', () => actions.focus(task.id));
  return button;
}

function taskList(id: string, title: string, tasks: TaskRef[], actions: CompareActions): HTMLElement[] {
  if (tasks.length === 0) return [];
  return [h('h3', {}, title), h('ul', { id }, ...tasks.map((t) => h('li', {}, taskLink(t, actions))))];
}

/** An aligned pair in the side panel: relation, score, the shared words, the changes. */
export function renderPair(panel: HTMLElement, pair: Pair, actions: CompareActions): void {
  const link = (task: TaskRef) => {
    const a = h('a', { href: `?node=${encodeURIComponent(task.id)}`, 'data-node': task.id }, task.id);
    a.addEventListener('click', (event) => {
      event.preventDefault();
      actions.task(task.id);
    });
    return a;
  };
  fill(
    panel,
    h('p', { class: 'kind' }, pair.same ? 'SAME_AS' : 'CONTINUES'),
    h('h2', {}, link(pair.a), ' — ', link(pair.b)),
    h(
      'dl',
      { class: 'facts' },
      h('dt', {}, 'Score'),
      h('dd', { class: 'score' }, pair.score.toFixed(3)),
      h('dt', {}, 'Shared words'),
      h('dd', { class: 'phrases' }, pair.sharedPhrases.join('、') || '—'),
    ),
    h('h3', {}, `Task ${pair.a.number} → Task ${pair.b.number}`),
    pair.same
      ? h('p', {}, 'Title and text are the same.')
      : h('p', { class: 'title-diff' }, diff(pair.titleDiff)),
    !pair.same && h('p', { class: 'text-diff' }, diff(pair.textDiff)),
  );
}

function legend(): HTMLElement {
  return h(
    'p',
    { class: 'legend' },
    h('span', { class: 'key same-as' }),
    ' SAME_AS (same title and text) ',
    h('span', { class: 'key continues' }),
    ' CONTINUES (changed; thicker = closer) ',
    h('span', { class: 'key unread' }),
    ' not placed (the other plan stops before) ',
    h('span', { class: 'key only' }),
    ' in one plan only. Hover a line for its score; click a task or a line to read it.',
  );
}

/** Renders the view and returns the alignment's drawing (for the page's hooks). */
export function renderComparison(
  container: HTMLElement,
  panel: HTMLElement,
  a: string,
  b: string,
  data: ComparisonData,
  actions: CompareActions,
): Core {
  const c = data.compare;
  const aligned = h(
    'table',
    { id: 'aligned', class: 'aligned' },
    h('caption', {}, `Aligned tasks (score ≥ ${c.threshold.toFixed(2)}), in ${a}'s order`),
    h(
      'thead',
      {},
      h('tr', {}, h('th', {}, a), h('th', {}, 'link'), h('th', {}, b), h('th', {}, 'changes (title, text)')),
    ),
    h(
      'tbody',
      {},
      ...c.aligned.map((p) =>
        h(
          'tr',
          {},
          h('td', {}, taskLink(p.a, actions)),
          h(
            'td',
            { class: p.same ? 'rel same' : 'rel continues' },
            `${p.same ? 'SAME_AS' : 'CONTINUES'} ${p.score.toFixed(2)}`,
          ),
          h('td', {}, taskLink(p.b, actions)),
          h('td', {}, p.same ? '—' : h('div', {}, diff(p.titleDiff), h('br', {}), diff(p.textDiff))),
        ),
      ),
    ),
  );
  const names = (list: { name: string }[]) => list.map((x) => x.name).join('、') || '—';
  const concepts = h(
    'dl',
    { id: 'concepts', class: 'facts' },
    h('dt', {}, `in both`),
    h(
      'dd',
      {},
      data.sharedConcepts.map((s) => `${s.concept.name} (${s.mentionsInA}/${s.mentionsInB})`).join('、') ||
        '—',
    ),
    h('dt', {}, `appearing in ${b}`),
    h('dd', {}, names(c.conceptsAppearing)),
    h('dt', {}, `disappearing from ${a}`),
    h('dd', {}, names(c.conceptsDisappearing)),
  );
  const leads = h(
    'ul',
    { id: 'lead-changes' },
    ...c.leadChanges.map((l) =>
      h(
        'li',
        {},
        `${l.department.name}: `,
        l.gained.length > 0 ? `gains ${l.gained.map((t) => `${b} task ${t.number}`).join(', ')}` : '',
        l.gained.length > 0 && l.lost.length > 0 ? '; ' : '',
        l.lost.length > 0 ? `no longer leads ${l.lost.map((t) => `${a} task ${t.number}`).join(', ')}` : '',
      ),
    ),
  );
  const drawing = h('div', { id: 'compare-graph', class: 'compare-graph', 'aria-label': 'Aligned tasks' });
  container.replaceChildren(
    ...c.caveats.map((line) => h('p', { class: 'caveat' }, line)),
    h('h3', {}, `${a} ⟷ ${b}: ${c.aligned.length} aligned task(s)`),
    legend(),
    drawing,
    aligned,
    ...taskList('only-a', `Only in ${a}`, c.onlyInA, actions),
    ...taskList('only-b', `Only in ${b}`, c.onlyInB, actions),
    ...taskList(
      'unread-b',
      `Not placed: ${b} stops before it could be said whether it has these`,
      c.unreadInB,
      actions,
    ),
    ...taskList(
      'unread-a',
      `Not placed: ${a} stops before it could be said whether it has these`,
      c.unreadInA,
      actions,
    ),
    h('h3', {}, 'Concepts (mentions in a / b)'),
    concepts,
    h('h3', {}, 'Lead changes'),
    c.leadChanges.length > 0 ? leads : h('p', {}, 'None among the tasks read in both.'),
  );
  return drawAlignment(drawing, { a, b }, c, {
    task: actions.task,
    pair: (index) => renderPair(panel, c.aligned[index]!, actions),
  });
}
