/**
 * The compare view: two plans side by side. Aligned tasks in a's order, each with its score, the
 * relationship the loader draws between them (SAME_AS when title and text are the same, CONTINUES
 * otherwise) and the character diff of title and text; tasks only in one plan; tasks that cannot
 * be placed because the other plan is a cut text; concepts that appear, disappear or carry over;
 * lead changes. Every caveat first.
 */
import type { ComparisonData, DiffPart, TaskRef } from './api.ts';
import { h } from './dom.ts';

export interface CompareActions {
  focus(id: string): void;
}

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

export function renderComparison(
  container: HTMLElement,
  a: string,
  b: string,
  data: ComparisonData,
  actions: CompareActions,
): void {
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
  container.replaceChildren(
    ...c.caveats.map((line) => h('p', { class: 'caveat' }, line)),
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
}
