/**
 * The graph explorer: search → a node's neighbourhood as a graph → click to read and expand, a
 * path between two nodes, the plan's coverage as matrices, two plans compared. Built only on the
 * public GraphQL API (api.ts); its state lives in the URL (state.ts).
 *
 * The first graph waits for as little as possible: this script is small, asks for the plan
 * listing and the first graph's data in one request while Cytoscape.js (graph.ts, its own chunk)
 * downloads, and the coverage and compare views are chunks fetched when first opened.
 */
import './style.css';
import type { Core, EdgeSingular, EventObject } from 'cytoscape';
import * as api from './api.ts';
import { h } from './dom.ts';
import { renderDerived, renderEdge, renderMessage, renderNode, type PanelActions } from './panel.ts';
import { begin, markOnce } from './perf.ts';
import { readState, writeState, type State, type View } from './state.ts';
import { NODE_TYPES, REL_TYPES } from './types.ts';

markOnce('explorer:script');

const $ = <T extends HTMLElement>(id: string) => {
  const el = document.getElementById(id);
  if (!el) throw new Error(`index.html must contain #${id}`);
  return el as T;
};

const panel = $('panel');
const message = $('message');
const graphBox = $('graph');
const coverageBox = $('coverage');
const compareBox = $('compare');
const state: State = readState(location.search);

/** What the URL asks to draw first, asked for with the plan listing (api.start). */
function firstGraph(): api.FirstGraph | null {
  if (state.view !== 'graph') return null;
  if (state.node) return { kind: 'node', id: state.node, depth: state.depth, types: state.rels };
  return state.plan ? { kind: 'outline', plan: state.plan } : null;
}
// The controls are wired once the drawing code has arrived (wire()); until then Enter in the search
// box must not submit the form, which would reload the page.
$('search-form').addEventListener('submit', (event) => event.preventDefault());
// Both on their way before anything else runs: the data and the drawing code.
const firstRequest = begin('explorer:first-request');
const starting = api.start(firstGraph()).finally(() => firstRequest.end());
const graphModule = import('./graph.ts');

/** Cytoscape.js and the drawing functions, once graph.ts has arrived (start() waits for it). */
let g: Awaited<typeof graphModule>;
let cy: Core;
/** The compare view's drawing, while it is shown. */
let alignment: Core | null = null;

/** Tasks whose sub-items were asked for (a click); the others keep them folded. */
const unfolded = new Set<string>();
/** How many nodes a neighbourhood of depth 2 or 3 draws before "show more". */
const CAP_STEP = 40;
let cap = CAP_STEP;

/**
 * What the page measures about itself, for the browser test and the benchmark: the durations are
 * those of the User Timing entries perf.ts records; the round trips are counted by api.ts.
 */
const metrics = {
  firstGraphMs: 0,
  /** Requests sent before the first graph was drawn. */
  firstGraphRoundTrips: 0,
  lastExpand: { ms: 0, roundTrips: 0, added: 0 },
  /** Search sent → results listed. */
  lastSearch: { ms: 0, roundTrips: 0 },
  /** A result (or node) picked → its neighbourhood drawn and the panel filled. */
  lastFocus: { ms: 0, roundTrips: 0 },
};
/** Read-only hooks for the browser test and the benchmark: what is drawn, and where. */
const hooks = {
  metrics,
  nodeIds: () => cy.nodes(':visible').map((n) => n.id()),
  /** How many drawn nodes' boxes (label included) overlap another's, on screen. */
  overlaps: () => g.labelOverlaps(cy),
  zoom: () => cy.zoom(),
  edgeIds: () => cy.edges(':visible').map((e) => e.id()),
  /** Page coordinates of a node's centre. */
  position: (id: string) => {
    const p = cy.getElementById(id).renderedPosition();
    const box = graphBox.getBoundingClientRect();
    return { x: box.left + p.x, y: box.top + p.y };
  },
  /** The compare view's drawn edges: the two tasks each joins, its relation and score. */
  alignmentEdges: () =>
    (alignment?.edges() ?? []).map((e) => ({
      a: String(e.source().data('task')),
      b: String(e.target().data('task')),
      relation: String(e.data('relation')),
      score: Number(e.data('score')),
    })),
  /** The compare view's drawn tasks, with the column and how each was placed. */
  alignmentNodes: () =>
    (alignment?.nodes('[task]') ?? []).map((n) => ({
      task: String(n.data('task')),
      side: String(n.data('side')),
      placement: String(n.data('placement')),
    })),
  /** The label the compare drawing shows on an edge now (empty unless hovered or selected). */
  alignmentLabel: (a: string, b: string) => {
    const edge = alignment
      ?.edges()
      .filter((e) => e.source().data('task') === a && e.target().data('task') === b);
    return edge && edge.nonempty() ? String(edge.first().style('label')) : null;
  },
  /** Page coordinates, in the compare drawing, of a task (`a:ID`, `b:ID`) or of the middle of an aligned pair's edge. */
  alignmentPosition: (id: string, b?: string) => {
    if (!alignment) return null;
    const box = alignment.container()!.getBoundingClientRect();
    const p =
      b === undefined
        ? alignment.getElementById(id).renderedPosition()
        : (
            alignment
              .edges()
              .filter((e) => e.source().data('task') === id && e.target().data('task') === b)
              .first() as EdgeSingular
          ).renderedMidpoint();
    return { x: box.left + p.x, y: box.top + p.y };
  },
};
(window as unknown as { explorer: typeof hooks }).explorer = hooks;

function save(): void {
  history.replaceState(null, '', `${location.pathname}${writeState(state)}`);
}

function say(text: string): void {
  message.textContent = text;
}

/** Runs `work` with the page marked busy (tests and the benchmark wait for data-busy="false"). */
async function busy<T>(work: () => Promise<T>): Promise<T | undefined> {
  document.body.dataset['busy'] = 'true';
  try {
    return await work();
  } catch (error) {
    say(error instanceof api.ApiError ? `${error.code}: ${error.message}` : String(error));
    return undefined;
  } finally {
    document.body.dataset['busy'] = 'false';
  }
}

function filters() {
  // The cap holds at depth 2 and 3 and in the overview; one hop is always drawn whole.
  const limit = state.depth >= 2 || state.node === null ? cap : Infinity;
  return { hide: state.hide, rels: state.rels, min: state.min, unfolded, cap: limit };
}

/** "Show more" under the graph while the cap leaves nodes out. */
function showMore(capped: number): void {
  const more = $<HTMLButtonElement>('more');
  more.hidden = capped === 0;
  more.textContent = `Show ${Math.min(capped, CAP_STEP)} more (${capped} not drawn)`;
}

/** Filters and lays out the graph; `incremental` moves on from the drawing as it stands (an expand). */
async function draw(incremental = false): Promise<void> {
  showMore(g.applyFilters(cy, filters()).capped);
  await g.runLayout(cy, state.layout, false, undefined, incremental);
  document.body.dataset['nodes'] = String(cy.nodes(':visible').length);
  if (metrics.firstGraphMs === 0) {
    markOnce('explorer:first-graph');
    metrics.firstGraphMs = performance.now();
    metrics.firstGraphRoundTrips = api.roundTrips;
  }
}

const actions: PanelActions = {
  focus: (id) => void focus(id),
  pathFrom: (id) => {
    state.from = id;
    void setView('path');
  },
  pathTo: (id) => {
    state.to = id;
    void setView('path');
  },
};

function showNode(id: string, node: api.NodeDetail | null): void {
  if (node) renderNode(panel, node, actions);
  else renderMessage(panel, `No node ${id}.`);
}

/** A node's neighbourhood at the chosen depth replaces the graph (`ready`: its data, already asked for). */
async function focus(
  id: string,
  ready?: { neighborhood: api.Shape; node?: api.NodeDetail | null },
): Promise<void> {
  state.node = id;
  if (state.view !== 'graph') await setView('graph', false);
  save();
  await busy(async () => {
    const timing = begin('explorer:result-to-graph');
    const before = api.roundTrips;
    const { neighborhood: shape, node } =
      ready && ready.node !== undefined
        ? { neighborhood: ready.neighborhood, node: ready.node }
        : await api.around(id, state.depth, state.rels);
    cap = CAP_STEP;
    unfolded.clear();
    g.replace(cy, shape.cytoscape);
    cy.$(':selected').unselect();
    cy.getElementById(id).addClass('focus').select();
    say(shape.truncated ? 'Large neighbourhood: showing the nearest 300 nodes.' : '');
    showNode(id, node);
    await draw();
    metrics.lastFocus = { ms: timing.end(), roundTrips: api.roundTrips - before };
  });
}

/** A click on a node: its details, and its direct neighbours added to the graph. */
async function expand(id: string): Promise<void> {
  state.node = id;
  save();
  await busy(async () => {
    const timing = begin('explorer:expand');
    const before = api.roundTrips;
    const { neighborhood: shape, node } = await api.around(id, 1, state.rels);
    showNode(id, node);
    const added = g.merge(cy, shape.cytoscape);
    cy.$('.focus').removeClass('focus');
    cy.getElementById(id).addClass('focus');
    // The node was asked for: its sub-items unfold, and what it brought is drawn beyond the cap.
    unfolded.add(id);
    cap += added;
    if (added > 0 || cy.getElementById(id).scratch('_folded')) await draw(true);
    metrics.lastExpand = { ms: timing.end(), roundTrips: api.roundTrips - before, added };
    say(added > 0 ? `${added} node(s) added.` : 'Nothing new around this node.');
  });
}

async function showEdge(data: Record<string, unknown>): Promise<void> {
  await busy(async () => {
    const relation = String(data['relation']);
    const source = String(data['source']);
    const target = String(data['target']);
    const derived =
      relation === 'SERVES'
        ? await api.serves(source, target)
        : relation === 'ADDRESSES'
          ? await api.addresses(source, target)
          : null;
    if (derived) renderDerived(panel, relation, derived, actions);
    else renderEdge(panel, data, actions);
  });
}

/** A name or an id → an id: ids pass as they are, names go through search (first hit). */
async function resolveId(text: string): Promise<string | null> {
  const value = text.trim();
  if (value === '') return null;
  if (value.includes('/') || value === state.plan) return value;
  const [hit] = await api.search(value, state.plan);
  return hit?.id ?? null;
}

async function showPath(): Promise<void> {
  const status = $('path-status');
  const fromInput = $<HTMLInputElement>('path-from');
  const toInput = $<HTMLInputElement>('path-to');
  await busy(async () => {
    const [from, to] = await Promise.all([resolveId(fromInput.value), resolveId(toInput.value)]);
    if (!from || !to) {
      status.textContent = 'Give two nodes: an id (dept/组人部) or a name to search for.';
      return;
    }
    state.from = from;
    state.to = to;
    fromInput.value = from;
    toInput.value = to;
    save();
    const found = await api.paths(from, to);
    cy.elements().remove();
    if (found.length === 0) {
      status.textContent = `No path of at most 6 hops from ${from} to ${to}.`;
      return;
    }
    for (const path of found) g.merge(cy, path.cytoscape);
    cy.elements().addClass('path');
    const first = found[0]!.cytoscape.nodes.map((n) => String(n.data['label'] ?? n.data.id));
    status.textContent = `${found.length} shortest path(s), ${found[0]!.length} hop(s): ${first.join(' → ')}`;
    g.applyFilters(cy, { hide: [], rels: null, min: 0 });
    await g.runLayout(cy, 'tree');
    document.body.dataset['nodes'] = String(cy.nodes().length);
  });
}

async function showCoverage(): Promise<void> {
  if (!state.plan) return;
  await busy(async () => {
    const [{ renderCoverage }, data] = await Promise.all([
      import('./coverage.ts'),
      api.coverage(state.plan!, state.min),
    ]);
    renderCoverage(coverageBox, data, {
      serves: (taskId, goalId) =>
        void busy(async () => {
          const edge = await api.serves(taskId, goalId);
          if (edge) renderDerived(panel, 'SERVES', edge, actions);
        }),
      departmentGoal: (name, goal, links) =>
        void busy(async () => {
          const edges = await Promise.all(links.map((l) => api.serves(l.taskId, l.goalId)));
          const parts = edges
            .filter((e) => e !== null)
            .map((edge) => {
              const box = h('div', { class: 'derived' });
              renderDerived(box, 'SERVES', edge, actions);
              return box;
            });
          panel.replaceChildren(h('p', { class: 'kind' }, `${name} → ${goal}`), ...parts);
        }),
    });
  });
}

/** Two plans side by side (the compare view); the first two plans loaded when none are chosen. */
async function showComparison(): Promise<void> {
  const selectA = $<HTMLSelectElement>('compare-a');
  const selectB = $<HTMLSelectElement>('compare-b');
  state.a = state.a ?? listing[0]?.id ?? null;
  state.b = state.b ?? listing.find((p) => p.id !== state.a)?.id ?? null;
  selectA.value = state.a ?? '';
  selectB.value = state.b ?? '';
  save();
  if (!state.a || !state.b) {
    compareBox.replaceChildren(h('p', {}, 'Load two plans to compare them.'));
    return;
  }
  const [a, b] = [state.a, state.b];
  await busy(async () => {
    const timing = begin('explorer:compare');
    const [{ renderComparison }, data] = await Promise.all([import('./compare.ts'), api.comparison(a, b)]);
    alignment?.destroy();
    alignment = renderComparison(compareBox, panel, a, b, data, {
      focus: (id) => void focus(id),
      task: (id) => void showTask(id),
    });
    timing.end();
  });
}

/** A task of the compare drawing: its details and source in the panel, as a click in the graph shows them. */
async function showTask(id: string): Promise<void> {
  await busy(async () => showNode(id, await api.node(id)));
}

async function setView(view: View, load = true): Promise<void> {
  state.view = view;
  for (const button of Array.from(document.querySelectorAll<HTMLButtonElement>('[data-view]'))) {
    button.setAttribute('aria-pressed', String(button.dataset['view'] === view));
  }
  $('path-form').hidden = view !== 'path';
  $('compare-form').hidden = view !== 'compare';
  graphBox.hidden = view === 'coverage' || view === 'compare';
  coverageBox.hidden = view !== 'coverage';
  compareBox.hidden = view !== 'compare';
  save();
  if (!load) return;
  if (view === 'coverage') await showCoverage();
  else if (view === 'compare') await showComparison();
  else if (view === 'path') {
    $<HTMLInputElement>('path-from').value = state.from ?? '';
    $<HTMLInputElement>('path-to').value = state.to ?? '';
    if (state.from && state.to) await showPath();
  } else if (state.node) await focus(state.node);
  else await overview();
}

/** With no node chosen: the plan, its sections and their numbered items (`ready`: already asked for). */
async function overview(ready?: api.Shape): Promise<void> {
  if (!state.plan) return;
  await busy(async () => {
    const shape = ready ?? (await api.neighborhood(state.plan!, api.OUTLINE.depth, api.OUTLINE.types));
    cap = CAP_STEP;
    unfolded.clear();
    g.replace(cy, shape.cytoscape);
    renderMessage(panel, 'The plan and its outline. Search a name, or click a node, to begin.');
    await draw();
  });
}

async function runSearch(query: string): Promise<void> {
  const list = $('results');
  if (query.trim() === '') return;
  await busy(async () => {
    const timing = begin('explorer:search');
    const before = api.roundTrips;
    const hits = await api.search(query, state.plan);
    list.replaceChildren(
      ...(hits.length === 0
        ? [h('li', { class: 'none' }, `Nothing found for “${query}”.`)]
        : hits.map((hit) => {
            const item = h(
              'li',
              {},
              h(
                'button',
                { type: 'button', 'data-id': hit.id },
                h('span', { class: 'type' }, hit.type),
                ' ',
                hit.snippet,
              ),
            );
            item.addEventListener('click', () => {
              list.hidden = true;
              void focus(hit.id);
            });
            return item;
          })),
    );
    list.hidden = false;
    metrics.lastSearch = { ms: timing.end(), roundTrips: api.roundTrips - before };
  });
}

function checkboxes(
  box: HTMLElement,
  names: string[],
  checked: (name: string) => boolean,
  onChange: () => void,
) {
  box.replaceChildren(
    ...names.map((name) => {
      const input = h('input', { type: 'checkbox', value: name });
      input.checked = checked(name);
      input.addEventListener('change', onChange);
      const swatch = NODE_TYPES[name] ? h('span', { class: 'swatch' }) : null;
      if (swatch) swatch.style.background = NODE_TYPES[name]!;
      return h('label', {}, input, swatch, ` ${name}`);
    }),
  );
}

function download(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = h('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function wire(): void {
  const nodeTypes = $('node-types');
  checkboxes(
    nodeTypes,
    Object.keys(NODE_TYPES),
    (t) => !state.hide.includes(t),
    () => {
      state.hide = Array.from(nodeTypes.querySelectorAll<HTMLInputElement>('input:not(:checked)')).map(
        (i) => i.value,
      );
      save();
      void draw();
    },
  );
  const relTypes = $('rel-types');
  checkboxes(
    relTypes,
    REL_TYPES,
    (t) => state.rels === null || state.rels.includes(t),
    () => {
      const on = Array.from(relTypes.querySelectorAll<HTMLInputElement>('input:checked')).map((i) => i.value);
      state.rels = on.length === REL_TYPES.length ? null : on;
      save();
      void draw();
    },
  );
  const depth = $<HTMLSelectElement>('depth');
  depth.value = String(state.depth);
  depth.addEventListener('change', () => {
    state.depth = Number(depth.value) as State['depth'];
    if (state.node) void focus(state.node);
    else save();
  });
  const min = $<HTMLInputElement>('min-score');
  const minValue = $('min-score-value');
  min.value = String(state.min);
  minValue.textContent = state.min.toFixed(2);
  min.addEventListener('input', () => {
    state.min = Number(min.value);
    minValue.textContent = state.min.toFixed(2);
    save();
    g.applyFilters(cy, filters());
    cy.fit(cy.elements(':visible'), 30);
    if (state.view === 'coverage') void showCoverage();
  });
  for (const radio of Array.from(document.querySelectorAll<HTMLInputElement>('input[name="layout"]'))) {
    radio.checked = radio.value === state.layout;
    radio.addEventListener('change', () => {
      state.layout = radio.value === 'tree' ? 'tree' : 'overview';
      save();
      void g.runLayout(cy, state.layout, true);
    });
  }
  for (const button of Array.from(document.querySelectorAll<HTMLButtonElement>('[data-view]'))) {
    button.addEventListener('click', () => void setView(button.dataset['view'] as View));
  }
  $('search-form').addEventListener('submit', (event) => {
    event.preventDefault();
    void runSearch($<HTMLInputElement>('search').value);
  });
  $('path-go').addEventListener('click', () => void showPath());
  $('compare-go').addEventListener('click', () => {
    state.a = $<HTMLSelectElement>('compare-a').value;
    state.b = $<HTMLSelectElement>('compare-b').value;
    void showComparison();
  });
  $('more').addEventListener('click', () => {
    cap += CAP_STEP;
    void draw();
  });
  cy.on('tap', 'node', (event: EventObject) => void expand(event.target.id()));
  cy.on('tap', 'edge', (event: EventObject) => void showEdge(event.target.data()));
  $('png').addEventListener('click', () => {
    download(
      `${state.plan ?? 'graph'}-view.png`,
      cy.png({ output: 'blob', full: true, bg: '#ffffff', scale: 2 }),
    );
  });
  $('svg').addEventListener('click', () => {
    void g
      .svgOf(cy)
      .then((text) =>
        download(`${state.plan ?? 'graph'}-view.svg`, new Blob([text], { type: 'image/svg+xml' })),
      );
  });
}

/** From this many plans on, a box beside the list finds one by id or title. */
const PLAN_FINDER_FROM = 20;

/** The plans loaded, for the cut-text banner. */
let listing: api.PlanListing[] = [];

/** A cut text or a plan without goals: a banner over every view says where its text stops. */
function showCaveats(): void {
  const banner = $('caveat');
  const plan = listing.find((p) => p.id === state.plan);
  const lines = plan?.caveats ?? [];
  banner.replaceChildren(...lines.map((line) => h('p', {}, line)));
  banner.hidden = lines.length === 0;
  banner.dataset['stopsAt'] = plan?.stopsAtLine == null ? '' : String(plan.stopsAtLine);
}

function setPlan(id: string): void {
  state.plan = id;
  showCaveats();
  $<HTMLAnchorElement>('graphml').href = `/plans/${encodeURIComponent(id)}/graph.graphml`;
  $<HTMLAnchorElement>('cyjson').href = `/plans/${encodeURIComponent(id)}/graph.json`;
}

async function start(): Promise<void> {
  const begun = await busy(async () => {
    const [first] = await Promise.all([starting, graphModule.then((m) => (g = m))]);
    cy = g.createGraph(graphBox);
    g.hoverLabels(cy);
    return first;
  });
  wire();
  const plans = begun?.plans ?? [];
  listing = plans;
  if (plans.length === 0) {
    renderMessage(panel, 'No plan is loaded: load one with npm run load.');
    return;
  }
  setPlan(state.plan && plans.some((p) => p.id === state.plan) ? state.plan : plans[0]!.id);
  const select = $<HTMLSelectElement>('plan');
  select.replaceChildren(
    ...plans.map((p) =>
      h(
        'option',
        { value: p.id },
        `${p.title} (${p.id})${p.complete ? '' : ` — cut at line ${p.stopsAtLine ?? '?'}`}`,
      ),
    ),
  );
  select.value = state.plan!;
  for (const id of ['compare-a', 'compare-b']) {
    $(id).replaceChildren(...plans.map((p) => h('option', { value: p.id }, p.id)));
  }
  select.hidden = plans.length < 2;
  const choose = (id: string) => {
    setPlan(id);
    state.node = null;
    void setView(state.view);
  };
  select.addEventListener('change', () => choose(select.value));
  // A library of hundreds of plans: the browser's own suggestions filter them by id and title as one
  // types, and picking one switches to it as the list would.
  const find = $<HTMLInputElement>('plan-find');
  find.hidden = plans.length < PLAN_FINDER_FROM;
  if (!find.hidden) {
    $('plan-options').replaceChildren(...plans.map((p) => h('option', { value: p.id, label: p.title })));
    find.addEventListener('change', () => {
      const id = find.value.trim();
      if (!plans.some((p) => p.id === id)) return;
      select.value = id;
      find.value = '';
      choose(id);
    });
  }
  // The first graph's data came with the listing when the URL named what to draw.
  const ready = begun?.first;
  if (ready && state.view === 'graph') {
    await setView('graph', false);
    if (state.node) await focus(state.node, ready);
    else await overview(ready.neighborhood);
  } else await setView(state.view);
}

void start();
