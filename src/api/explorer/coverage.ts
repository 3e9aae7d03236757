/**
 * The coverage view: goals × tasks, each cell coloured by the SERVES score, and departments × goals
 * (through the tasks each department leads), each cell counting those tasks. A cell opens its
 * evidence in the side panel.
 */
import type { CoverageData } from './api.ts';
import { h } from './dom.ts';

export interface CoverageActions {
  serves(taskId: string, goalId: string): void;
  departmentGoal(
    departmentName: string,
    goalTitle: string,
    links: { taskId: string; goalId: string }[],
  ): void;
}

/** White → deep orange by score, text dark or light to stay readable. */
function shade(score: number): { background: string; color: string } {
  const t = Math.max(0, Math.min(1, score));
  const mix = (a: number, b: number) => Math.round(a + (b - a) * t);
  return {
    background: `rgb(${mix(255, 213)}, ${mix(255, 94)}, ${mix(255, 0)})`,
    color: t > 0.55 ? '#fff' : '#222',
  };
}

function cell(
  score: number,
  text: string,
  title: string,
  onClick: (() => void) | null,
): HTMLTableCellElement {
  const td = h('td', { class: score > 0 ? 'cell linked' : 'cell', title }, text);
  const { background, color } = shade(score);
  td.style.background = background;
  td.style.color = color;
  if (onClick) {
    td.tabIndex = 0;
    td.addEventListener('click', onClick);
    td.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') onClick();
    });
  }
  return td;
}

/**
 * Goals ranked both ways at the threshold used: fewest tasks and lowest total score need not be
 * the same goal, and both move with the threshold, so the threshold is printed with them.
 */
function ranking(data: CoverageData): HTMLElement {
  const rows = data.coverage.goals;
  const min = rows[0]?.minScore ?? 0;
  return h(
    'table',
    { id: 'goal-ranking', class: 'ranking' },
    h(
      'caption',
      {},
      `Goals, thinnest first, counting SERVES edges with score ≥ ${min.toFixed(2)} (the slider sets it)`,
    ),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', {}, 'goal'),
        h('th', {}, 'tasks'),
        h('th', {}, 'rank'),
        h('th', {}, 'total score'),
        h('th', {}, 'rank'),
      ),
    ),
    h(
      'tbody',
      {},
      ...rows.map((r) =>
        h(
          'tr',
          {},
          h('th', { title: r.goal.title }, `G${r.goal.number} ${r.goal.title}`),
          h('td', {}, String(r.taskCount)),
          h('td', { class: 'rank-count' }, String(r.rankByCount)),
          h('td', {}, r.totalScore.toFixed(2)),
          h('td', { class: 'rank-score' }, String(r.rankByScore)),
        ),
      ),
    ),
  );
}

export function renderCoverage(container: HTMLElement, data: CoverageData, actions: CoverageActions): void {
  const caveats = data.coverage.caveats.map((c) => h('p', { class: 'caveat' }, c));
  if (data.goals.length === 0) {
    // Nothing to draw a goals × tasks matrix from: say so, rather than draw an empty grid.
    container.replaceChildren(
      ...caveats,
      h(
        'p',
        { id: 'no-goals', class: 'message' },
        `No goals were read in this plan: ${data.tasks.length} task(s), no matrix to draw.`,
      ),
    );
    return;
  }
  const score = new Map<string, number>();
  for (const goal of data.goals) for (const s of goal.servedBy) score.set(`${s.task.id}|${goal.id}`, s.score);

  const goalsByTasks = h(
    'table',
    { id: 'matrix-goals', class: 'matrix' },
    h('caption', {}, 'Goals × tasks: SERVES score (click a cell for its evidence)'),
    h(
      'thead',
      {},
      h('tr', {}, h('th', {}, ''), ...data.tasks.map((t) => h('th', { title: t.title }, `T${t.number}`))),
    ),
    h(
      'tbody',
      {},
      ...data.goals.map((g) =>
        h(
          'tr',
          {},
          h('th', { title: g.title }, `G${g.number} ${g.title}`),
          ...data.tasks.map((t) => {
            const s = score.get(`${t.id}|${g.id}`) ?? 0;
            return cell(
              s,
              s > 0 ? s.toFixed(2) : '',
              `Task ${t.number} → Goal ${g.number}: ${s > 0 ? s.toFixed(3) : 'no SERVES edge'}`,
              s > 0 ? () => actions.serves(t.id, g.id) : null,
            );
          }),
        ),
      ),
    ),
  );

  const departments = new Map<string, { name: string; tasks: string[] }>();
  for (const t of data.tasks) {
    for (const d of t.leadDepartments) {
      const entry = departments.get(d.id) ?? { name: d.name, tasks: [] };
      entry.tasks.push(t.id);
      departments.set(d.id, entry);
    }
  }
  const deptByGoals = h(
    'table',
    { id: 'matrix-departments', class: 'matrix' },
    h('caption', {}, 'Departments × goals: tasks led that serve the goal (colour: best score)'),
    h(
      'thead',
      {},
      h('tr', {}, h('th', {}, ''), ...data.goals.map((g) => h('th', { title: g.title }, `G${g.number}`))),
    ),
    h(
      'tbody',
      {},
      ...[...departments.entries()]
        .sort((a, b) => a[1].name.localeCompare(b[1].name, 'zh'))
        .map(([, d]) =>
          h(
            'tr',
            {},
            h('th', {}, d.name),
            ...data.goals.map((g) => {
              const links = d.tasks
                .filter((t) => score.has(`${t}|${g.id}`))
                .map((taskId) => ({ taskId, goalId: g.id }));
              const best = Math.max(0, ...links.map((l) => score.get(`${l.taskId}|${l.goalId}`)!));
              return cell(
                best,
                links.length > 0 ? String(links.length) : '',
                `${d.name} → Goal ${g.number}: ${links.length} task(s)`,
                links.length > 0 ? () => actions.departmentGoal(d.name, g.title, links) : null,
              );
            }),
          ),
        ),
    ),
  );
  container.replaceChildren(...caveats, ranking(data), goalsByTasks, deptByGoals);
}
