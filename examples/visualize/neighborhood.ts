/**
 * Fetches a node's neighbourhood and turns it into Cytoscape.js elements — the shape
 * `cytoscape({ elements })` takes as it is. Run against a running service:
 *
 *   npx tsx examples/visualize/neighborhood.ts dept/组人部 2
 *   GRAPHQL_URL=http://host:4000/graphql npx tsx examples/visualize/neighborhood.ts concept/四服务 1
 */
import { graphql } from '../gql/index.ts';
import { ClientError, graphqlUrl, request, runExample } from './client.ts';

export const NeighborhoodQuery = graphql(`
  query Neighborhood($id: ID!, $depth: Int!) {
    neighborhood(id: $id, depth: $depth) {
      truncated
      nodes {
        id
        type
        label
      }
      edges {
        id
        type
        source
        target
      }
    }
  }
`);

export interface CytoscapeElements {
  nodes: { data: { id: string; type: string; label: string } }[];
  edges: { data: { id: string; type: string; source: string; target: string } }[];
}

export async function neighborhoodElements(
  url: string,
  id: string,
  depth: number,
): Promise<CytoscapeElements> {
  const { neighborhood } = await request(url, NeighborhoodQuery, { id, depth });
  return {
    nodes: neighborhood.nodes.map((n) => ({ data: { id: n.id, type: n.type, label: n.label } })),
    edges: neighborhood.edges.map((e) => ({
      data: { id: e.id, type: e.type, source: e.source, target: e.target },
    })),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runExample(async () => {
    const [id = 'dept/组人部', depth = '1'] = process.argv.slice(2);
    if (!/^[1-3]$/.test(depth))
      throw new ClientError(`depth: expected 1, 2 or 3, found ${JSON.stringify(depth)}`);
    const elements = await neighborhoodElements(graphqlUrl(), id, Number(depth));
    console.log(JSON.stringify({ elements }, null, 2));
  });
}
