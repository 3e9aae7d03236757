/**
 * The HTTP status of a request that fails before execution, as the GraphQL-over-HTTP spec asks
 * (graphql-http's audits 572B, FDE2, 7B9B): a client that accepts application/json gets 200 with
 * the errors for a document that does not parse, does not validate or whose variables do not fit
 * (the body says what is wrong); a client that accepts application/graphql-response+json keeps
 * Apollo's 400. Other failures keep their status.
 */
import type { ApolloServerPlugin, BaseContext, GraphQLRequestListener } from '@apollo/server';

const BEFORE_EXECUTION = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT']);

// One listener for every request (it keeps nothing of its own): a request allocates no hook.
const listener: GraphQLRequestListener<BaseContext> = {
  async willSendResponse({ request, response, errors }) {
    if (response.http.status !== 400 || response.body.kind !== 'single') return;
    // A resolver's BAD_USER_INPUT comes with data; a variable's comes before any execution.
    if ('data' in response.body.singleResult || errors === undefined) return;
    const accept = request.http?.headers.get('accept') ?? '';
    if (accept.includes('application/graphql-response+json')) return;
    const codes = errors.map((e) => e.extensions['code']);
    if (codes.every((c) => typeof c === 'string' && BEFORE_EXECUTION.has(c))) {
      response.http.status = 200;
    }
  },
};

export function parseErrorStatusPlugin(): ApolloServerPlugin<BaseContext> {
  return {
    async requestDidStart() {
      return listener;
    },
  };
}
