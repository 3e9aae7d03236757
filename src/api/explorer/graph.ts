/**
 * The drawing: Cytoscape.js with fcose (force-directed, for overviews) and the plan's tree laid out
 * here in plan order. Elements arrive from the API's `cytoscape` field exactly as Cytoscape takes
 * them; this module only styles, merges, filters and lays them out. It is its own chunk of the
 * bundle (with Cytoscape.js), loaded while the page's first request is on its way.
 */
import cytoscape, { type Core, type ElementsDefinition } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { begin } from './perf.ts';
import type { Layout } from './state.ts';
import { NODE_TYPES } from './types.ts';

cytoscape.use(fcose);

export { NODE_TYPES, REL_TYPES } from './types.ts';

export const FONT = '"WenQuanYi Micro Hei", "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif';

export function createGraph(container: HTMLElement): Core {
  return cytoscape({
    container,
    minZoom: 0.1,
    maxZoom: 4,
    style: [
      {
        selector: 'node',
        style: {
          label: (n: cytoscape.NodeSingular) => labelOf(n),
          'font-family': FONT,
          'font-size': 13,
          // Level of detail: a label smaller than this on screen is not drawn (zoom in to read it).
          'min-zoomed-font-size': 8,
          'text-valign': 'bottom',
          'text-margin-y': 3,
          'text-wrap': 'wrap',
          'text-max-width': '150px',
          'text-background-color': '#ffffff',
          'text-background-opacity': 0.85,
          'text-background-padding': '1px',
          width: 22,
          height: 22,
          'background-color': (n: cytoscape.NodeSingular) => NODE_TYPES[String(n.data('type'))] ?? '#666',
          'border-width': 1,
          'border-color': '#333',
        },
      },
      { selector: 'node[type = "Goal"]', style: { shape: 'star', width: 30, height: 30 } },
      { selector: 'node[type = "Department"]', style: { shape: 'round-rectangle', width: 30 } },
      { selector: 'node[type = "Concept"]', style: { shape: 'diamond' } },
      { selector: 'node[type = "Plan"], node[type = "Section"]', style: { shape: 'hexagon' } },
      {
        selector: 'node:selected, node.focus',
        style: { 'border-width': 4, 'border-color': '#d62728', 'font-weight': 'bold' },
      },
      {
        selector: 'edge',
        style: {
          width: 1.5,
          'curve-style': 'bezier',
          'target-arrow-shape': 'triangle',
          'line-color': '#aaa',
          'target-arrow-color': '#aaa',
          // No edge label by default: one appears on hover, on the selected edge, or once zoomed in
          // far enough for it to be read (min-zoomed-font-size).
          label: '',
          'font-family': FONT,
          'font-size': 10,
          'min-zoomed-font-size': 14,
          color: '#555',
          'text-rotation': 'autorotate',
          'text-background-color': '#ffffff',
          'text-background-opacity': 0.85,
        },
      },
      {
        selector: 'edge.hover, edge:selected',
        style: { label: (e: cytoscape.EdgeSingular) => edgeLabel(e), 'min-zoomed-font-size': 0 },
      },
      {
        selector: 'edge[relation = "SERVES"], edge[relation = "ADDRESSES"]',
        style: {
          width: (e: cytoscape.EdgeSingular) => 1 + 5 * Number(e.data('weight') ?? 0),
          'line-color': '#D55E00',
          'target-arrow-color': '#D55E00',
        },
      },
      {
        selector: 'node.lr',
        style: { 'text-valign': 'center', 'text-halign': 'right', 'text-margin-x': 4, 'text-margin-y': 0 },
      },
      { selector: 'node.hover', style: { 'border-width': 3, 'border-color': '#222' } },
      {
        selector: 'edge[relation = "LEADS"]',
        style: { 'line-color': '#E69F00', 'target-arrow-color': '#E69F00' },
      },
      {
        selector: 'edge:selected',
        style: { 'line-color': '#d62728', 'target-arrow-color': '#d62728', width: 5 },
      },
      { selector: 'node.path', style: { 'border-color': '#d62728', 'border-width': 4 } },
      {
        selector: 'edge.path',
        style: { 'line-color': '#d62728', 'target-arrow-color': '#d62728', width: 4 },
      },
      { selector: '.hidden, .folded, .capped', style: { display: 'none' } },
    ],
  });
}

function shorten(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** A node's label, with "+n" when sub-items are folded under it. */
function labelOf(n: cytoscape.NodeSingular): string {
  const text = shorten(String(n.data('label') ?? n.id()), 16);
  const folded = Number(n.scratch('_folded') ?? 0);
  return folded > 0 ? `${text} (+${folded})` : text;
}

function edgeLabel(e: cytoscape.EdgeSingular): string {
  const weight = e.data('weight');
  return typeof weight === 'number'
    ? `${String(e.data('relation'))} ${weight.toFixed(2)}`
    : String(e.data('relation'));
}

/** Edge labels on hover (and node outlines), so that none is drawn until it is asked for. */
export function hoverLabels(cy: Core): void {
  cy.on('mouseover', 'edge, node', (event) => event.target.addClass('hover'));
  cy.on('mouseout', 'edge, node', (event) => event.target.removeClass('hover'));
}

/** Adds elements the graph lacks; returns how many nodes were new. */
export function merge(cy: Core, elements: ElementsDefinition): number {
  const fresh = [...elements.nodes, ...elements.edges].filter((e) =>
    cy.getElementById(String(e.data.id)).empty(),
  );
  cy.add(fresh);
  return fresh.filter((e) => e.data.source === undefined).length;
}

/**
 * Nodes drawn for the first time (just merged, or unfolded) start on a small circle around a
 * neighbour already drawn, so that an incremental layout moves on from the drawing as it stands.
 */
function placeNewcomers(nodes: cytoscape.NodeCollection): void {
  const fresh = nodes.filter((n) => !n.scratch('_placed'));
  const around = new Map<string, number>();
  fresh.forEach((n) => {
    const anchor = n.neighborhood('node').filter((m) => Boolean(m.scratch('_placed')) && m.visible());
    if (anchor.empty()) return;
    const a = anchor.first() as cytoscape.NodeSingular;
    const k = around.get(a.id()) ?? 0;
    around.set(a.id(), k + 1);
    const angle = 2.4 * k; // the golden angle: successive newcomers never share a spot
    const at = a.position();
    n.position({ x: at.x + 90 * Math.cos(angle), y: at.y + 90 * Math.sin(angle) });
  });
}

let svgRegistered = false;

/** The drawing as SVG text: cytoscape-svg is fetched on the first SVG download, not with the page. */
export async function svgOf(cy: Core): Promise<string> {
  const { default: svg } = await import('cytoscape-svg');
  if (!svgRegistered) cytoscape.use(svg);
  svgRegistered = true;
  return (cy as unknown as { svg(o: object): string }).svg({ full: true, bg: '#ffffff' });
}

export function replace(cy: Core, elements: ElementsDefinition): void {
  cy.elements().remove();
  cy.add([...elements.nodes, ...elements.edges]);
}

export interface Filters {
  hide: string[];
  rels: string[] | null;
  min: number;
  /** Tasks whose sub-items are shown; every other task's sub-items are folded under it. */
  unfolded?: ReadonlySet<string>;
  /** At most this many nodes drawn, nearest first (the order the API sends them); the rest wait for "show more". */
  cap?: number;
}

/** What the filters left out: nodes beyond the cap (for "show more"). */
export interface Filtered {
  shown: number;
  capped: number;
}

/**
 * Hides node types, relationship types and weak SERVES/ADDRESSES edges (nothing is removed); folds
 * sub-items under their task unless it is unfolded; keeps the first `cap` nodes.
 */
export function applyFilters(
  cy: Core,
  { hide, rels, min, unfolded = new Set<string>(), cap = Infinity }: Filters,
): Filtered {
  let capped = 0;
  let shown = 0;
  cy.batch(() => {
    cy.elements().removeClass('hidden folded capped');
    cy.nodes().forEach((n) => {
      n.removeScratch('_folded');
    });
    // A sub-item stays under its task unless that task was asked for (clicked) or it is the focus.
    cy.nodes('[type = "SubItem"]').forEach((item) => {
      if (item.hasClass('focus')) return;
      const tasks = item.incomers('edge[relation = "HAS_SUBITEM"]').sources();
      if (tasks.empty() || tasks.toArray().some((t) => unfolded.has(t.id()))) return;
      item.addClass('folded');
      tasks.forEach((t) => {
        t.scratch('_folded', Number(t.scratch('_folded') ?? 0) + 1);
      });
    });
    cy.nodes()
      .filter((n) => hide.includes(String(n.data('type'))))
      .addClass('hidden');
    cy.edges()
      .filter((e) => {
        const relation = String(e.data('relation'));
        if (rels !== null && !rels.includes(relation)) return true;
        const weight = e.data('weight');
        return typeof weight === 'number' && weight < min;
      })
      .addClass('hidden');
    cy.nodes().forEach((n) => {
      if (n.hasClass('hidden') || n.hasClass('folded')) return;
      if (shown < cap || n.hasClass('focus')) shown += 1;
      else {
        n.addClass('capped');
        capped += 1;
      }
    });
  });
  // Labels depend on the folded counts just set.
  cy.style().update();
  return { shown, capped };
}

/** Where a node stands in its document (its span's start), for plan order; shared nodes last. */
const at = (n: cytoscape.NodeSingular) => {
  const start = n.data('start');
  return typeof start === 'number' ? start : Number.MAX_SAFE_INTEGER;
};
const TYPE_ORDER = Object.keys(NODE_TYPES);

/** Plan order between two nodes: where they stand in the text, then type, then label. */
function planOrder(a: cytoscape.NodeSingular, b: cytoscape.NodeSingular): number {
  return (
    at(a) - at(b) ||
    TYPE_ORDER.indexOf(String(a.data('type'))) - TYPE_ORDER.indexOf(String(b.data('type'))) ||
    String(a.data('label')).localeCompare(String(b.data('label')), 'zh')
  );
}

/**
 * The tree in plan order, left to right: the root, then each hop a column, each column in the
 * order of its parents and then of the text (sections 一, 二, 三; tasks 1…10), labels to the right.
 * Computed here because dagre orders a rank to shorten edges, not to follow the document.
 */
function treePositions(cy: Core, root: cytoscape.NodeSingular): Record<string, { x: number; y: number }> {
  const visible = cy.elements(':visible');
  const depth = new Map<string, number>([[root.id(), 0]]);
  const parent = new Map<string, string>();
  visible.bfs({
    roots: root,
    directed: false,
    visit: (v, _e, u, _i, d) => {
      depth.set(v.id(), d);
      if (u) parent.set(v.id(), (u as cytoscape.NodeSingular).id());
    },
  });
  const columns: cytoscape.NodeSingular[][] = [];
  const unreached: cytoscape.NodeSingular[] = [];
  visible.nodes().forEach((n) => {
    const d = depth.get(n.id());
    if (d === undefined) unreached.push(n);
    else (columns[d] ??= []).push(n);
  });
  if (unreached.length > 0) columns.push(unreached);
  const row = new Map<string, number>();
  const positions: Record<string, { x: number; y: number }> = {};
  columns.forEach((column, x) => {
    column.sort((a, b) => {
      const pa = row.get(parent.get(a.id()) ?? '') ?? 0;
      const pb = row.get(parent.get(b.id()) ?? '') ?? 0;
      return pa - pb || planOrder(a, b);
    });
    column.forEach((n, y) => {
      row.set(n.id(), y);
      positions[n.id()] = { x: x * TREE_COLUMN, y: (y - (column.length - 1) / 2) * TREE_ROW };
    });
  });
  return positions;
}

/** Column width and row height of the tree: a label of 16 characters at 13 px fits beside its node. */
const TREE_COLUMN = 250;
const TREE_ROW = 44;

/** Lays out what is visible and fits it to the canvas; `root` is the tree's first column. */
export function runLayout(
  cy: Core,
  layout: Layout,
  animate = false,
  root?: cytoscape.NodeSingular,
  incremental = false,
): Promise<void> {
  const visible = cy.elements(':visible');
  cy.nodes().toggleClass('lr', layout === 'tree');
  const start =
    [root, visible.nodes('.focus').first(), visible.nodes('[type = "Plan"]').first()].find(
      (n) => n !== undefined && n.nonempty() && n.visible(),
    ) ?? visible.nodes().first();
  const options =
    layout === 'tree'
      ? { name: 'preset', positions: treePositions(cy, start), fit: true, padding: 30, animate }
      : {
          name: 'fcose',
          quality: 'default',
          // After an expand the drawing moves on from where it was (the new nodes start beside
          // the node clicked): cheaper than a new layout, and what was where stays there.
          randomize: !incremental,
          // Half of fcose's default iterations: as legible at the sizes drawn here (at most a few
          // hundred nodes, 0 overlapping labels at depth 1–3 in the browser test), in half the time.
          numIter: 1000,
          // Labels take room too: without this, goal stars and sub-item labels land on each other.
          nodeDimensionsIncludeLabels: true,
          // Compact: the pass below separates what still touches, and a compact graph is drawn
          // at a zoom where its 13 px labels stay above the level-of-detail cut.
          nodeRepulsion: 5000,
          idealEdgeLength: 60,
          nodeSeparation: 60,
          fit: true,
          padding: 30,
          animate,
        };
  if (incremental) placeNewcomers(visible.nodes());
  const timing = begin('explorer:layout');
  return new Promise((resolve) => {
    const run = visible.layout(options as cytoscape.LayoutOptions);
    run.one('layoutstop', () => {
      if (layout !== 'tree') {
        spreadOverlaps(cy);
        cy.fit(visible, 30);
      }
      // A handful of nodes fitted to the screen would be drawn huge.
      if (cy.zoom() > 1.3) {
        cy.zoom(1.3);
        cy.center(visible);
      }
      visible.nodes().forEach((n) => {
        n.scratch('_placed', true);
      });
      timing.end();
      resolve();
    });
    run.run();
  });
}

/**
 * What a force layout leaves: a few nodes whose labels still touch. Pushes each such pair apart
 * along the axis where they overlap least, a few rounds, so every label can be read.
 */
function spreadOverlaps(cy: Core, rounds = 40): void {
  const nodes = cy.nodes(':visible').toArray() as cytoscape.NodeSingular[];
  for (let round = 0; round < rounds; round += 1) {
    const boxes = nodes.map((n) => n.boundingBox({ includeLabels: true, includeOverlays: false }));
    let moved = false;
    for (let i = 0; i < nodes.length; i += 1) {
      for (let j = i + 1; j < nodes.length; j += 1) {
        const a = boxes[i]!;
        const b = boxes[j]!;
        const w = Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1);
        const h = Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1);
        if (w <= 0 || h <= 0) continue;
        moved = true;
        const pa = nodes[i]!.position();
        const pb = nodes[j]!.position();
        const step = (Math.min(w, h) + 4) / 2;
        const horizontal = w < h;
        const sign = horizontal ? Math.sign(pb.x - pa.x || 1) : Math.sign(pb.y - pa.y || 1);
        const dx = horizontal ? sign * step : 0;
        const dy = horizontal ? 0 : sign * step;
        nodes[i]!.position({ x: pa.x - dx, y: pa.y - dy });
        nodes[j]!.position({ x: pb.x + dx, y: pb.y + dy });
        for (const [k, d] of [
          [i, -1],
          [j, 1],
        ] as const) {
          const box = boxes[k]!;
          boxes[k] = {
            ...box,
            x1: box.x1 + d * dx,
            x2: box.x2 + d * dx,
            y1: box.y1 + d * dy,
            y2: box.y2 + d * dy,
          };
        }
      }
    }
    if (!moved) return;
  }
}

/** Pairs of drawn nodes whose boxes (node and label, on screen) overlap by more than 4 px². */
export function labelOverlaps(cy: Core): { labels: number; overlapping: number } {
  const boxes = cy
    .nodes(':visible')
    .map((n) => n.renderedBoundingBox({ includeLabels: true, includeOverlays: false }));
  let overlapping = 0;
  for (let i = 0; i < boxes.length; i += 1) {
    for (let j = i + 1; j < boxes.length; j += 1) {
      const a = boxes[i]!;
      const b = boxes[j]!;
      const w = Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1);
      const h = Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1);
      if (w > 0 && h > 0 && w * h > 4) overlapping += 1;
    }
  }
  return { labels: boxes.length, overlapping };
}
