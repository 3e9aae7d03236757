/* eslint-disable */
import * as types from './graphql.js';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query GoalServedBy($planId: ID!, $number: Int!, $minScore: Float) {\n    goal(planId: $planId, number: $number) {\n      number\n      title\n      servedBy(minScore: $minScore) {\n        score\n        basis\n        task {\n          number\n          title\n        }\n        evidence {\n          phrase\n        }\n      }\n    }\n  }\n": typeof types.GoalServedByDocument,
    "\n  query Neighborhood($id: ID!, $depth: Int!) {\n    neighborhood(id: $id, depth: $depth) {\n      truncated\n      nodes {\n        id\n        type\n        label\n      }\n      edges {\n        id\n        type\n        source\n        target\n      }\n    }\n  }\n": typeof types.NeighborhoodDocument,
};
const documents: Documents = {
    "\n  query GoalServedBy($planId: ID!, $number: Int!, $minScore: Float) {\n    goal(planId: $planId, number: $number) {\n      number\n      title\n      servedBy(minScore: $minScore) {\n        score\n        basis\n        task {\n          number\n          title\n        }\n        evidence {\n          phrase\n        }\n      }\n    }\n  }\n": types.GoalServedByDocument,
    "\n  query Neighborhood($id: ID!, $depth: Int!) {\n    neighborhood(id: $id, depth: $depth) {\n      truncated\n      nodes {\n        id\n        type\n        label\n      }\n      edges {\n        id\n        type\n        source\n        target\n      }\n    }\n  }\n": types.NeighborhoodDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GoalServedBy($planId: ID!, $number: Int!, $minScore: Float) {\n    goal(planId: $planId, number: $number) {\n      number\n      title\n      servedBy(minScore: $minScore) {\n        score\n        basis\n        task {\n          number\n          title\n        }\n        evidence {\n          phrase\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query GoalServedBy($planId: ID!, $number: Int!, $minScore: Float) {\n    goal(planId: $planId, number: $number) {\n      number\n      title\n      servedBy(minScore: $minScore) {\n        score\n        basis\n        task {\n          number\n          title\n        }\n        evidence {\n          phrase\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Neighborhood($id: ID!, $depth: Int!) {\n    neighborhood(id: $id, depth: $depth) {\n      truncated\n      nodes {\n        id\n        type\n        label\n      }\n      edges {\n        id\n        type\n        source\n        target\n      }\n    }\n  }\n"): (typeof documents)["\n  query Neighborhood($id: ID!, $depth: Int!) {\n    neighborhood(id: $id, depth: $depth) {\n      truncated\n      nodes {\n        id\n        type\n        label\n      }\n      edges {\n        id\n        type\n        source\n        target\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;