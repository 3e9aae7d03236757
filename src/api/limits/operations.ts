/**
 * A validation rule: the operation's type must be one the schema has. This API is read-only: it
 * has no Mutation or Subscription type, and graphql-js 16 only finds that out at execution
 * ("Schema is not configured to execute mutation operation"), an error without a code that
 * surfaced as INTERNAL_SERVER_ERROR. Refused here, it is a GRAPHQL_VALIDATION_FAILED like any
 * other document the schema cannot answer.
 */
import { GraphQLError, type ValidationRule } from 'graphql';

export const KnownOperationTypes: ValidationRule = (context) => ({
  OperationDefinition(node) {
    const schema = context.getSchema();
    const root =
      node.operation === 'query'
        ? schema.getQueryType()
        : node.operation === 'mutation'
          ? schema.getMutationType()
          : schema.getSubscriptionType();
    if (!root) {
      context.reportError(
        new GraphQLError(
          `This API is read-only: it answers query operations, found a ${node.operation} operation.`,
          { nodes: node },
        ),
      );
    }
  },
});
