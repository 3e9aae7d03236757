/**
 * A graph shape as GraphML (Gephi, yEd): one <key> per attribute with its type, nodes and directed
 * edges carrying type, label and every stored property (provenance included). Lists and maps are
 * written as JSON text; Chinese text stays as it is (UTF-8).
 */
import type { ShapeEdge, ShapeNode } from '../../graph/shape.ts';

type AttrType = 'string' | 'int' | 'double' | 'boolean';

function escapeXml(text: string): string {
  return (
    text
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      // XML 1.0 forbids most control characters even escaped.
      // eslint-disable-next-line no-control-regex -- matching them is the point
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '')
  );
}

function typeOfValue(value: unknown): AttrType {
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'number') return Number.isInteger(value) ? 'int' : 'double';
  return 'string';
}

function text(value: unknown): string {
  return typeof value === 'string'
    ? value
    : typeof value === 'object'
      ? JSON.stringify(value)
      : String(value);
}

/** Attribute name → type over all items; a name seen with two types becomes string. */
function keysOf(items: readonly { properties: Record<string, unknown> }[]): Map<string, AttrType> {
  const keys = new Map<string, AttrType>();
  for (const item of items) {
    for (const [name, value] of Object.entries(item.properties)) {
      if (value === null || value === undefined) continue;
      const type = typeOfValue(value);
      const seen = keys.get(name);
      keys.set(
        name,
        seen === undefined || seen === type
          ? type
          : seen === 'int' && type === 'double'
            ? 'double'
            : 'string',
      );
    }
  }
  return keys;
}

export function toGraphML(graphId: string, nodes: readonly ShapeNode[], edges: readonly ShapeEdge[]): string {
  const nodeKeys = keysOf(nodes);
  const edgeKeys = keysOf(edges);
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    '  <key id="n_type" for="node" attr.name="type" attr.type="string"/>',
    '  <key id="n_label" for="node" attr.name="label" attr.type="string"/>',
    '  <key id="e_type" for="edge" attr.name="type" attr.type="string"/>',
  ];
  for (const [name, type] of nodeKeys) {
    out.push(
      `  <key id="n_${escapeXml(name)}" for="node" attr.name="${escapeXml(name)}" attr.type="${type}"/>`,
    );
  }
  for (const [name, type] of edgeKeys) {
    out.push(
      `  <key id="e_${escapeXml(name)}" for="edge" attr.name="${escapeXml(name)}" attr.type="${type}"/>`,
    );
  }
  out.push(`  <graph id="${escapeXml(graphId)}" edgedefault="directed">`);
  const data = (prefix: string, name: string, value: unknown) =>
    `      <data key="${prefix}_${escapeXml(name)}">${escapeXml(text(value))}</data>`;
  for (const node of nodes) {
    out.push(
      `    <node id="${escapeXml(node.id)}">`,
      data('n', 'type', node.type),
      data('n', 'label', node.label),
    );
    for (const [name, value] of Object.entries(node.properties)) {
      if (value !== null && value !== undefined) out.push(data('n', name, value));
    }
    out.push('    </node>');
  }
  for (const edge of edges) {
    out.push(
      `    <edge id="${escapeXml(edge.id)}" source="${escapeXml(edge.source)}" target="${escapeXml(edge.target)}">`,
      data('e', 'type', edge.type),
    );
    for (const [name, value] of Object.entries(edge.properties)) {
      if (value !== null && value !== undefined && name !== 'type') out.push(data('e', name, value));
    }
    out.push('    </edge>');
  }
  out.push('  </graph>', '</graphml>', '');
  return out.join('\n');
}

/** Cytoscape.js JSON (`cy.json()` shape): elements.nodes/edges with everything under `data`. */
export function toCytoscape(nodes: readonly ShapeNode[], edges: readonly ShapeEdge[]) {
  return {
    elements: {
      nodes: nodes.map((n) => ({ data: { ...n.properties, id: n.id, type: n.type, label: n.label } })),
      edges: edges.map((e) => ({
        data: { ...e.properties, id: e.id, type: e.type, source: e.source, target: e.target },
      })),
    },
  };
}
