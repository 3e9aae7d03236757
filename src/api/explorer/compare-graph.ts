/**
 * The compare view's drawing: plan a's tasks in the left column and plan b's in the right, each in
 * its plan's order, and one edge per aligned pair, exactly the pairs `compare` returns: SAME_AS
 * (title and text the same) solid green, CONTINUES (changed, still above the threshold) dashed
 * blue, thicker as the score rises; the relation and score appear on hover. Tasks in one plan only
 * stand alone; tasks the other plan's cut leaves unplaced are faded, with a dashed outline. A click
 * on a task or an edge opens it in the side panel. Lines carry no arrow: the pair is what compare
 * answers, whichever plan the loader's stored edge starts from.
 */
import cytoscape, { type Core, type ElementDefinition } from 'cytoscape';
import type { ComparisonData, TaskRef } from './api.ts';
import { FONT } from './graph.ts';

export interface AlignmentActions {
  /** A task was clicked: its details and source. */
  task(id: string): void;
  /** An edge was clicked: the aligned pair at this index of `compare.aligned`. */
  pair(index: number): void;
}

/** Distance between the two columns, and between two tasks of a column (a 13 px label fits). */
const COLUMN = 360;
const ROW = 36;

type Placement = 'aligned' | 'only' | 'unread';

function shorten(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** One column: every task compare names on that side, in plan order, with how it was placed. */
function column(
  side: 'a' | 'b',
  plan: string,
  aligned: TaskRef[],
  only: TaskRef[],
  unread: TaskRef[],
  x: number,
): ElementDefinition[] {
  const tasks = [
    ...aligned.map((t) => [t, 'aligned'] as const),
    ...only.map((t) => [t, 'only'] as const),
    ...unread.map((t) => [t, 'unread'] as const),
  ].sort(([p], [q]) => p.number - q.number);
  const top = (-(tasks.length - 1) / 2) * ROW;
  // The column's plan over it: a label, not a task (it has no `task`, and the hooks skip it).
  const header: ElementDefinition = {
    group: 'nodes',
    data: { id: `${side}:plan`, label: plan },
    position: { x, y: top - ROW },
    classes: `${side} header`,
  };
  return [
    header,
    ...tasks.map(([task, placement]: readonly [TaskRef, Placement], i) => ({
      group: 'nodes' as const,
      data: {
        id: `${side}:${task.id}`,
        task: task.id,
        side,
        placement,
        label: `${task.number}. ${shorten(task.title, 18)}`,
      },
      position: { x, y: top + i * ROW },
      classes: `${side} ${placement}`,
    })),
  ];
}

/** Draws the alignment into `box` (emptied first) and returns the drawing. */
export function drawAlignment(
  box: HTMLElement,
  plans: { a: string; b: string },
  data: ComparisonData['compare'],
  actions: AlignmentActions,
): Core {
  const left = column(
    'a',
    plans.a,
    data.aligned.map((p) => p.a),
    data.onlyInA,
    // unreadInB: a's tasks that b, a cut text, stops before it could be said whether it has them.
    data.unreadInB,
    0,
  );
  const right = column(
    'b',
    plans.b,
    data.aligned.map((p) => p.b),
    data.onlyInB,
    data.unreadInA,
    COLUMN,
  );
  const edges: ElementDefinition[] = data.aligned.map((p, index) => ({
    group: 'edges',
    data: {
      id: `pair-${index}`,
      source: `a:${p.a.id}`,
      target: `b:${p.b.id}`,
      relation: p.same ? 'SAME_AS' : 'CONTINUES',
      score: p.score,
      index,
    },
  }));
  box.style.height = `${Math.max(160, Math.max(left.length, right.length) * ROW + 40)}px`;
  const cy = cytoscape({
    container: box,
    elements: [...left, ...right, ...edges],
    layout: { name: 'preset', fit: true, padding: 24 },
    minZoom: 0.3,
    maxZoom: 2,
    userZoomingEnabled: false,
    boxSelectionEnabled: false,
    autoungrabify: true,
    style: [
      {
        selector: 'node',
        style: {
          label: 'data(label)',
          'font-family': FONT,
          'font-size': 13,
          'text-valign': 'center',
          width: 14,
          height: 14,
          'background-color': '#0072B2',
          'border-width': 1,
          'border-color': '#333',
        },
      },
      { selector: 'node.a', style: { 'text-halign': 'left', 'text-margin-x': -6 } },
      { selector: 'node.b', style: { 'text-halign': 'right', 'text-margin-x': 6 } },
      { selector: 'node.only', style: { 'background-color': '#999' } },
      {
        selector: 'node.unread',
        style: {
          'background-opacity': 0.25,
          'border-style': 'dashed',
          color: '#888',
        },
      },
      { selector: 'node.hover', style: { 'border-width': 3 } },
      {
        selector: 'node.header',
        style: { width: 1, height: 1, 'background-opacity': 0, 'border-width': 0, 'font-weight': 'bold' },
      },
      {
        selector: 'edge',
        style: {
          'curve-style': 'straight',
          width: (e: cytoscape.EdgeSingular) => 1 + 4 * Number(e.data('score')),
          'line-color': '#0072B2',
          'line-style': 'dashed',
          label: '',
          'font-family': FONT,
          'font-size': 12,
          'text-background-color': '#ffffff',
          'text-background-opacity': 0.9,
          'text-background-padding': '2px',
        },
      },
      { selector: 'edge[relation = "SAME_AS"]', style: { 'line-color': '#009E73', 'line-style': 'solid' } },
      {
        selector: 'edge.hover, edge:selected',
        style: {
          label: (e: cytoscape.EdgeSingular) =>
            `${String(e.data('relation'))} ${Number(e.data('score')).toFixed(2)}`,
          'line-color': '#d62728',
        },
      },
    ],
  });
  // Labels stay 13 px or more: a short alignment is not blown up to fill the box.
  if (cy.zoom() > 1) {
    cy.zoom(1);
    cy.center();
  }
  cy.on('mouseover', 'node, edge', (event) => event.target.addClass('hover'));
  cy.on('mouseout', 'node, edge', (event) => event.target.removeClass('hover'));
  cy.on('tap', 'node[task]', (event) => actions.task(String(event.target.data('task'))));
  cy.on('tap', 'edge', (event) => actions.pair(Number(event.target.data('index'))));
  return cy;
}
