/** The real HTTP server over the test database, and a small GraphQL client for tests. */
import type { Database } from '../../src/db/database.ts';
import {
  DEFAULT_API_OPTIONS,
  startServer,
  type ApiOptions,
  type RunningServer,
} from '../../src/api/server.ts';

export interface GraphQLResponse<T = Record<string, unknown>> {
  readonly status: number;
  readonly data?: T;
  readonly errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string } }[];
}

export async function startTestServer(
  db: Database,
  api: ApiOptions = DEFAULT_API_OPTIONS,
): Promise<RunningServer & { gql: Gql }> {
  const server = await startServer(db, { port: 0, host: '127.0.0.1', api });
  const gql: Gql = async (query, variables = {}) => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    return { status: response.status, ...((await response.json()) as object) } as GraphQLResponse<never>;
  };
  return { ...server, gql };
}

export type Gql = <T = Record<string, any>>( // eslint-disable-line @typescript-eslint/no-explicit-any
  query: string,
  variables?: Record<string, unknown>,
) => Promise<GraphQLResponse<T>>;
