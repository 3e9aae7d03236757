/**
 * The explorer's only way to the data: the public GraphQL API at /graphql (a JSON POST, which
 * Apollo's CSRF prevention accepts). Every query the page sends is written here.
 */
import type { ElementsDefinition } from 'cytoscape';

export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

/** Round trips sent since the page opened (shown in the status line, read by the benchmark). */
export let roundTrips = 0;

export async function gql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  roundTrips += 1;
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as {
    data?: T;
    errors?: { message: string; extensions?: { code?: string } }[];
  };
  const error = body.errors?.[0];
  if (error) throw new ApiError(error.message, error.extensions?.code ?? 'ERROR');
  if (!body.data) throw new ApiError(`expected data from /graphql, found HTTP ${response.status}`, 'HTTP');
  return body.data;
}

export interface Span {
  start: number;
  end: number;
  line: number;
  quote: string;
}
export interface PlanInfo {
  id: string;
  title: string;
}
/** A plan as the plan switcher and the cut-text banner need it. */
export interface PlanListing extends PlanInfo {
  complete: boolean;
  stopsAtLine: number | null;
  caveats: string[];
}
export interface Hit {
  id: string;
  type: string;
  snippet: string;
}

export const plans = () =>
  gql<{ plans: PlanListing[] }>('{ plans { id title complete stopsAtLine caveats } }').then((d) => d.plans);

export const search = (query: string, planId: string | null) =>
  gql<{ search: Hit[] }>(
    'query Search($q: String!, $plan: ID) { search(query: $q, planId: $plan, first: 20) { id type snippet } }',
    { q: query, plan: planId },
  ).then((d) => d.search);

export interface Shape {
  truncated: boolean;
  cytoscape: ElementsDefinition;
}

export const neighborhood = (id: string, depth: number, types: string[] | null) =>
  gql<{ neighborhood: Shape }>(
    'query Near($id: ID!, $depth: Int, $types: [String!]) { neighborhood(id: $id, depth: $depth, types: $types, limit: 300) { truncated cytoscape } }',
    { id, depth, types },
  ).then((d) => d.neighborhood);

/** A plan's outline: the plan, its sections and their numbered items (the page's first graph). */
export const OUTLINE = { depth: 3, types: ['HAS_SECTION', 'HAS_ELEMENT'] };

export const paths = (from: string, to: string) =>
  gql<{ path: { length: number; cytoscape: ElementsDefinition }[] }>(
    'query Path($from: ID!, $to: ID!) { path(from: $from, to: $to, maxLength: 6) { length cytoscape } }',
    { from, to },
  ).then((d) => d.path);

const SPAN = '{ start end line quote }';

export interface NodeDetail {
  id: string;
  __typename: string;
  title?: string;
  name?: string;
  number?: number;
  text?: string;
  source?: Span;
  titleSource?: Span;
  plan?: PlanInfo;
  fullName?: string | null;
  gloss?: string | null;
  definition?: string | null;
  aliases?: string[];
  leadDepartments?: { id: string; name: string }[];
  task?: { id: string; number: number; title: string; leadDepartments: { id: string; name: string }[] };
  leads?: { task: { id: string; number: number; title: string }; source: Span }[];
  mentionedIn?: { totalCount: number; nodes: { element: { id: string; source?: Span }; source: Span }[] };
}

/** What the panel shows of a node: one selection, sent alone or with the node's neighbourhood. */
const NODE_FIELDS = `id __typename
      ... on PlanElement { number title text source ${SPAN} titleSource ${SPAN} plan { id title } }
      ... on Task { leadDepartments { id name } }
      ... on SubItem { task { id number title leadDepartments { id name } } }
      ... on Department { name fullName leads { task { id number title } source ${SPAN} } }
      ... on Concept { name aliases gloss definition
        mentionedIn(first: 20) { totalCount nodes { source ${SPAN} element { id ... on PlanElement { source ${SPAN} } } } } }
      ... on Problem { name text source ${SPAN} }
      ... on Section { title text source ${SPAN} }
      ... on Plan { title source ${SPAN} }`;

export const node = (id: string) =>
  gql<{ node: NodeDetail | null }>(`query Node($id: ID!) { node(id: $id) { ${NODE_FIELDS} } }`, { id }).then(
    (d) => d.node,
  );

/**
 * A node's neighbourhood and its details for the panel in one operation: a click (expand) or a
 * focus costs one HTTP request.
 */
export const around = (id: string, depth: number, types: string[] | null) =>
  gql<{ neighborhood: Shape; node: NodeDetail | null }>(
    `query Around($id: ID!, $depth: Int, $types: [String!]) {
      neighborhood(id: $id, depth: $depth, types: $types, limit: 300) { truncated cytoscape }
      node(id: $id) { ${NODE_FIELDS} } }`,
    { id, depth, types },
  );

/** What the page draws first, asked for with the plan listing: the first graph is one request. */
export type FirstGraph =
  { kind: 'outline'; plan: string } | { kind: 'node'; id: string; depth: number; types: string[] | null };

export interface Start {
  plans: PlanListing[];
  /** The first graph's data, when the URL said what to draw and it could be read. */
  first?: { neighborhood: Shape; node?: NodeDetail | null };
}

const PLANS = '{ id title complete stopsAtLine caveats }';

/**
 * The plan listing, with the first graph's data in the same operation when the URL names a plan
 * or a node. When that part fails (an id that is not there), the listing is asked for alone and
 * the page reports the failure where it draws.
 */
export async function start(first: FirstGraph | null): Promise<Start> {
  if (first === null) return { plans: await plans() };
  try {
    if (first.kind === 'outline') {
      const d = await gql<{ plans: PlanListing[]; neighborhood: Shape }>(
        `query Start($id: ID!, $types: [String!]) { plans ${PLANS}
          neighborhood(id: $id, depth: ${OUTLINE.depth}, types: $types, limit: 300) { truncated cytoscape } }`,
        { id: first.plan, types: OUTLINE.types },
      );
      return { plans: d.plans, first: { neighborhood: d.neighborhood } };
    }
    const d = await gql<{ plans: PlanListing[]; neighborhood: Shape; node: NodeDetail | null }>(
      `query StartAt($id: ID!, $depth: Int, $types: [String!]) { plans ${PLANS}
        neighborhood(id: $id, depth: $depth, types: $types, limit: 300) { truncated cytoscape }
        node(id: $id) { ${NODE_FIELDS} } }`,
      { id: first.id, depth: first.depth, types: first.types },
    );
    return { plans: d.plans, first: { neighborhood: d.neighborhood, node: d.node } };
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    return { plans: await plans() };
  }
}

export interface Evidence {
  phrase: string;
  from: Span;
  to: Span;
}
export interface Derived {
  id: string;
  basis: string;
  score: number;
  rationale: string | null;
  evidence: Evidence[];
  from: { id: string; title: string; source: Span };
  to: { id: string; title: string; source: Span };
}

const END = `{ id title source ${SPAN} }`;

/** A SERVES edge with its evidence and both ends' source items, from the task's side. */
export async function serves(taskId: string, goalId: string): Promise<Derived | null> {
  const d = await gql<{
    node: {
      serves?: {
        id: string;
        basis: string;
        score: number;
        rationale: string | null;
        task: Derived['from'];
        goal: Derived['to'];
        evidence: { phrase: string; taskQuote: Span; goalQuote: Span }[];
      }[];
    } | null;
  }>(
    `query Serves($id: ID!) { node(id: $id) { ... on Task { serves { id basis score rationale
      task ${END} goal ${END} evidence { phrase taskQuote ${SPAN} goalQuote ${SPAN} } } } } }`,
    { id: taskId },
  );
  const edge = d.node?.serves?.find((s) => s.goal.id === goalId);
  if (!edge) return null;
  return {
    ...edge,
    from: edge.task,
    to: edge.goal,
    evidence: edge.evidence.map((e) => ({ phrase: e.phrase, from: e.taskQuote, to: e.goalQuote })),
  };
}

/** An ADDRESSES edge with its evidence, from the problem's side. */
export async function addresses(elementId: string, problemId: string): Promise<Derived | null> {
  const d = await gql<{
    node: {
      addressedBy?: {
        id: string;
        basis: string;
        score: number;
        rationale: string | null;
        element: Derived['from'];
        problem: { id: string; name: string; source: Span };
        evidence: { phrase: string; elementQuote: Span; problemQuote: Span }[];
      }[];
    } | null;
  }>(
    `query Addresses($id: ID!) { node(id: $id) { ... on Problem { addressedBy { id basis score rationale
      element { id ... on PlanElement { title source ${SPAN} } } problem { id name source ${SPAN} }
      evidence { phrase elementQuote ${SPAN} problemQuote ${SPAN} } } } } }`,
    { id: problemId },
  );
  const edge = d.node?.addressedBy?.find((a) => a.element.id === elementId);
  if (!edge) return null;
  return {
    ...edge,
    from: edge.element,
    to: { id: edge.problem.id, title: edge.problem.name, source: edge.problem.source },
    evidence: edge.evidence.map((e) => ({ phrase: e.phrase, from: e.elementQuote, to: e.problemQuote })),
  };
}

export interface CoverageData {
  goals: {
    id: string;
    number: number;
    title: string;
    servedBy: { score: number; basis: string; task: { id: string } }[];
  }[];
  tasks: { id: string; number: number; title: string; leadDepartments: { id: string; name: string }[] }[];
  coverage: {
    caveats: string[];
    goals: {
      goal: { id: string; number: number; title: string };
      taskCount: number;
      totalScore: number;
      minScore: number;
      rankByCount: number;
      rankByScore: number;
    }[];
  };
}

/** The matrices' cells, and the ranking of goals at the score threshold the slider sets. */
export const coverage = (planId: string, minScore: number) =>
  gql<CoverageData>(
    `query Coverage($plan: ID!, $min: Float) {
      goals(planId: $plan) { id number title servedBy { score basis task { id } } }
      tasks(planId: $plan) { id number title leadDepartments { id name } }
      coverage(planId: $plan) { caveats goals(minScore: $min) {
        goal { id number title } taskCount totalScore minScore rankByCount rankByScore } } }`,
    { plan: planId, min: minScore },
  );

export interface TaskRef {
  id: string;
  number: number;
  title: string;
}
export interface DiffPart {
  op: 'SAME' | 'ADDED' | 'REMOVED';
  text: string;
}
export interface ComparisonData {
  compare: {
    caveats: string[];
    threshold: number;
    aligned: {
      a: TaskRef;
      b: TaskRef;
      score: number;
      same: boolean;
      sharedPhrases: string[];
      titleDiff: DiffPart[];
      textDiff: DiffPart[];
    }[];
    onlyInA: TaskRef[];
    onlyInB: TaskRef[];
    unreadInA: TaskRef[];
    unreadInB: TaskRef[];
    conceptsAppearing: { id: string; name: string }[];
    conceptsDisappearing: { id: string; name: string }[];
    leadChanges: { department: { id: string; name: string }; gained: TaskRef[]; lost: TaskRef[] }[];
  };
  sharedConcepts: { concept: { id: string; name: string }; mentionsInA: number; mentionsInB: number }[];
}

const TASK = '{ id number title }';

/** Two plans side by side, and the concepts both name: one request. */
export const comparison = (a: string, b: string) =>
  gql<ComparisonData>(
    `query Compare($a: ID!, $b: ID!) {
      compare(a: $a, b: $b) { caveats threshold
        aligned { a ${TASK} b ${TASK} score same sharedPhrases titleDiff { op text } textDiff { op text } }
        onlyInA ${TASK} onlyInB ${TASK} unreadInA ${TASK} unreadInB ${TASK}
        conceptsAppearing { id name } conceptsDisappearing { id name }
        leadChanges { department { id name } gained ${TASK} lost ${TASK} } }
      sharedConcepts(a: $a, b: $b) { concept { id name } mentionsInA mentionsInB } }`,
    { a, b },
  );
