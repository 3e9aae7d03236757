/**
 * The node and relationship types the explorer knows, with their colours: kept apart from
 * graph.ts so that the page's first script (filters, search) does not wait for Cytoscape.js.
 */

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
