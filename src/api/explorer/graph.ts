/**
 * The drawing: Cytoscape.js with fcose (force-directed, for overviews) and dagre (layered, for the
 * plan's tree). Elements arrive from the API's `cytoscape` field exactly as Cytoscape takes them;
 * this module only styles, merges, filters and lays them out.
 */
import cytoscape, { type Core, type ElementsDefinition } from 'cytoscape';
import dagre from 'cytoscape-dagre';
import fcose from 'cytoscape-fcose';
import svg from 'cytoscape-svg';
import type { Layout } from './state.ts';

cytoscape.use(fcose);
cytoscape.use(dagre);
cytoscape.use(svg);

/** Node types in drawing order, with their colours (Okabe–Ito, readable by colour-blind people). */
export const NODE_TYPES: Record<string, string> = {
  Plan: '#000000',
  Section: '#999999',
  Principle: '#CC79A7',
  Goal: '#D55E00',
  Task: '#0072B2',
  SubItem: '#56B4E9',
  Guarantee: '#009E73',
  Step: '#44AA99',
  Department: '#E69F00',
  Concept: '#F0E442',
  Problem: '#882255',
};

export const REL_TYPES = [
  'LEADS',
  'SERVES',
  'ADDRESSES',
  'MENTIONS',
  'HAS_SUBITEM',
  'HAS_ELEMENT',
  'HAS_SECTION',
  'STATED_IN',
  'PARTICIPATES',
  'SAME_AS',
  'CONTINUES',
];

const FONT = '"WenQuanYi Micro Hei", "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif';

export function createGraph(container: HTMLElement): Core {
  return cytoscape({
    container,
    minZoom: 0.1,
    maxZoom: 4,
    style: [
      {
        selector: 'node',
        style: {
          label: (n: cytoscape.NodeSingular) => shorten(String(n.data('label') ?? n.id()), 18),
          'font-family': FONT,
          'font-size': 11,
          'text-valign': 'bottom',
          'text-margin-y': 4,
          'text-wrap': 'wrap',
          'text-max-width': '140px',
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
          label: 'data(relation)',
          'font-family': FONT,
          'font-size': 8,
          color: '#777',
          'text-rotation': 'autorotate',
        },
      },
      {
        selector: 'edge[relation = "SERVES"], edge[relation = "ADDRESSES"]',
        style: {
          width: (e: cytoscape.EdgeSingular) => 1 + 5 * Number(e.data('weight') ?? 0),
          'line-color': '#D55E00',
          'target-arrow-color': '#D55E00',
          label: (e: cytoscape.EdgeSingular) =>
            `${String(e.data('relation'))} ${Number(e.data('weight')).toFixed(2)}`,
        },
      },
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
      { selector: '.hidden', style: { display: 'none' } },
    ],
  });
}

function shorten(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** Adds elements the graph lacks; returns how many nodes were new. */
export function merge(cy: Core, elements: ElementsDefinition): number {
  const fresh = [...elements.nodes, ...elements.edges].filter((e) =>
    cy.getElementById(String(e.data.id)).empty(),
  );
  cy.add(fresh);
  return fresh.filter((e) => e.data.source === undefined).length;
}

export function replace(cy: Core, elements: ElementsDefinition): void {
  cy.elements().remove();
  cy.add([...elements.nodes, ...elements.edges]);
}

export interface Filters {
  hide: string[];
  rels: string[] | null;
  min: number;
}

/** Hides node types, relationship types and weak SERVES/ADDRESSES edges (nothing is removed). */
export function applyFilters(cy: Core, { hide, rels, min }: Filters): void {
  cy.batch(() => {
    cy.elements().removeClass('hidden');
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
  });
}

export function runLayout(cy: Core, layout: Layout, animate = false): Promise<void> {
  const visible = cy.elements(':visible');
  const options =
    layout === 'tree'
      ? { name: 'dagre', rankDir: 'TB', nodeSep: 90, rankSep: 90, fit: true, padding: 30, animate }
      : {
          name: 'fcose',
          quality: 'default',
          randomize: true,
          nodeRepulsion: 8000,
          idealEdgeLength: 90,
          fit: true,
          padding: 30,
          animate,
        };
  return new Promise((resolve) => {
    const run = visible.layout(options as cytoscape.LayoutOptions);
    run.one('layoutstop', () => {
      // A handful of nodes fitted to the screen would be drawn huge.
      if (cy.zoom() > 1.3) {
        cy.zoom(1.3);
        cy.center(visible);
      }
      resolve();
    });
    run.run();
  });
}
