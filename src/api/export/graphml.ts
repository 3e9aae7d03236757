/**
 * GraphML (Gephi, yEd, networkx) written piece by piece: the header with one typed <key> per
 * attribute (attributes.ts decides names and types), then nodes and edges as the pages arrive.
 * Chinese text stays as it is (UTF-8).
 */
import type { ShapeEdge, ShapeNode } from '../../graph/shape.ts';
import {
  graphmlEdgeAttributes,
  graphmlNodeAttributes,
  graphmlValue,
  type AttrType,
  type GraphMLKey,
} from './attributes.ts';

/** Any character escapeXml changes: most values have none, and skip the five replacements. */
// eslint-disable-next-line no-control-regex -- control characters are among them
const NEEDS_ESCAPE = /[&<>"\u0000-\u0008\u000b\u000c\u000e-\u001f]/;

export function escapeXml(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text;
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

const keyId = (owner: 'node' | 'edge', name: string) => `${owner === 'node' ? 'n' : 'e'}_${name}`;

export class GraphMLWriter {
  private readonly types = new Map<string, AttrType>();

  constructor(private readonly keys: readonly GraphMLKey[]) {
    for (const key of keys) this.types.set(keyId(key.owner, key.name), key.type);
  }

  header(graphId: string): string {
    const out = [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    ];
    for (const key of this.keys) {
      const open = `  <key id="${escapeXml(keyId(key.owner, key.name))}" for="${key.owner}" attr.name="${escapeXml(key.name)}" attr.type="${key.type}"`;
      out.push(key.desc ? `${open}><desc>${escapeXml(key.desc)}</desc></key>` : `${open}/>`);
    }
    out.push(`  <graph id="${escapeXml(graphId)}" edgedefault="directed">`, '');
    return out.join('\n');
  }

  private data(owner: 'node' | 'edge', attributes: [string, unknown][]): string[] {
    const out: string[] = [];
    for (const [name, value] of attributes) {
      const id = keyId(owner, name);
      const type = this.types.get(id);
      // A property the key query did not see (written between the two reads) has no key: skip it.
      if (type === undefined || value === null || value === undefined) continue;
      out.push(`      <data key="${escapeXml(id)}">${escapeXml(graphmlValue(value, type))}</data>`);
    }
    return out;
  }

  node(node: ShapeNode): string {
    return [
      `    <node id="${escapeXml(node.id)}">`,
      ...this.data('node', graphmlNodeAttributes(node)),
      '    </node>',
      '',
    ].join('\n');
  }

  edge(edge: ShapeEdge): string {
    return [
      `    <edge id="${escapeXml(edge.id)}" source="${escapeXml(edge.source)}" target="${escapeXml(edge.target)}">`,
      ...this.data('edge', graphmlEdgeAttributes(edge)),
      '    </edge>',
      '',
    ].join('\n');
  }

  footer(): string {
    return '  </graph>\n</graphml>\n';
  }
}
