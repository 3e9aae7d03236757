/* eslint-disable @typescript-eslint/no-explicit-any -- answers are JSON checked against each other */
/**
 * The benchmark's mix: each question asked of this service and of the peer (@neo4j/graphql) in
 * each one's own words, with a reduction of both answers to the same facts, so the run can check
 * that the two servers agree before it times them.
 *
 * Answers are walked as untyped JSON here: each reduction is checked against the other side's. `peer: 'cypher'` marks a question the peer can
 * only answer through its @cypher escape hatch (see type-defs.graphql), its nearest equivalent.
 */

export interface Ask {
  readonly query: string;
  readonly variables?: Record<string, unknown>;
}

export interface Question {
  readonly name: string;
  readonly label: string;
  readonly this: Ask;
  readonly peer: Ask;
  /** How the peer answers it: from its type definitions, or only through a @cypher field. */
  readonly peerWay: 'types' | 'cypher';
  readonly facts: (data: any) => string[];
  readonly peerFacts: (data: any) => string[];
}

const PLAN = 'cast-2018';
const sorted = (facts: string[]) => [...facts].sort();
const score = (s: number) => s.toFixed(3);

export const MIX: readonly Question[] = [
  {
    name: 'goals',
    label: 'goals with the tasks serving each (number, title, score)',
    this: {
      query: `query ($plan: ID) { goals(planId: $plan) { id number title servedBy { score task { number title } } } }`,
      variables: { plan: PLAN },
    },
    peer: {
      query: `query ($plan: String!) { goals(where: { planId: { eq: $plan } }, sort: [{ number: ASC }]) {
        id number title servedByConnection { edges { properties { score } node { number title } } } } }`,
      variables: { plan: PLAN },
    },
    peerWay: 'types',
    facts: (d) =>
      sorted(
        d.goals.flatMap((g: any) => [
          `goal ${g.id} ${g.number} ${g.title}`,
          ...g.servedBy.map((s: any) => `${g.id} <- ${s.task.number} ${s.task.title} ${score(s.score)}`),
        ]),
      ),
    peerFacts: (d) =>
      sorted(
        d.goals.flatMap((g: any) => [
          `goal ${g.id} ${g.number} ${g.title}`,
          ...g.servedByConnection.edges.map(
            (e: any) => `${g.id} <- ${e.node.number} ${e.node.title} ${score(e.properties.score)}`,
          ),
        ]),
      ),
  },
  {
    name: 'tasks',
    label: 'all tasks with sub-items, lead departments, served goals, concepts',
    this: {
      query: `query ($plan: ID) { tasks(planId: $plan) { id number title
        subItems { id number title } leadDepartments { name } serves { score goal { id title } }
        concepts { name } } }`,
      variables: { plan: PLAN },
    },
    peer: {
      query: `query ($plan: String!) { tasks(where: { planId: { eq: $plan } }, sort: [{ number: ASC }]) { id number title
        subItems(sort: [{ number: ASC }]) { id number title concepts { name } } leadDepartments { name }
        servesConnection { edges { properties { score } node { id title } } }
        concepts { name } } }`,
      variables: { plan: PLAN },
    },
    peerWay: 'types',
    // Task.concepts is the task's own concepts and its sub-items'; the peer asks for both levels.
    facts: (d) =>
      sorted(
        d.tasks.flatMap((t: any) => [
          `task ${t.id} ${t.number} ${t.title}`,
          ...t.subItems.map((i: any) => `${t.id} item ${i.id} ${i.number} ${i.title}`),
          ...t.leadDepartments.map((x: any) => `${t.id} led by ${x.name}`),
          ...t.serves.map((s: any) => `${t.id} serves ${s.goal.id} ${s.goal.title} ${score(s.score)}`),
          ...t.concepts.map((c: any) => `${t.id} concept ${c.name}`),
        ]),
      ),
    peerFacts: (d) =>
      sorted(
        d.tasks.flatMap((t: any) => [
          `task ${t.id} ${t.number} ${t.title}`,
          ...t.subItems.map((i: any) => `${t.id} item ${i.id} ${i.number} ${i.title}`),
          ...t.leadDepartments.map((x: any) => `${t.id} led by ${x.name}`),
          ...t.servesConnection.edges.map(
            (e: any) => `${t.id} serves ${e.node.id} ${e.node.title} ${score(e.properties.score)}`,
          ),
          ...[
            ...new Set([
              ...t.concepts.map((c: any) => c.name),
              ...t.subItems.flatMap((i: any) => i.concepts.map((c: any) => c.name)),
            ]),
          ].map((name) => `${t.id} concept ${name}`),
        ]),
      ),
  },
  {
    name: 'task',
    label: 'one task by id with its lead departments',
    this: {
      query: `query ($id: ID!) { node(id: $id) { ... on Task { id number title leadDepartments { name } } } }`,
      variables: { id: `${PLAN}/task-4` },
    },
    peer: {
      query: `query ($id: ID!) { tasks(where: { id: { eq: $id } }) { id number title leadDepartments { name } } }`,
      variables: { id: `${PLAN}/task-4` },
    },
    peerWay: 'types',
    facts: (d) => sorted([d.node].flatMap(taskFacts)),
    peerFacts: (d) => sorted(d.tasks.flatMap(taskFacts)),
  },
  {
    name: 'departments',
    label: "departments with the tasks they lead and each task's sub-item count",
    this: {
      query: `query ($plan: ID) { departments(planId: $plan) { name tasks(planId: $plan) { number title subItemCount } } }`,
      variables: { plan: PLAN },
    },
    peer: {
      query: `{ departments(sort: [{ name: ASC }]) { name tasks { number title subItemsConnection { aggregate { count { nodes } } } } } }`,
    },
    peerWay: 'types',
    facts: (d) =>
      sorted(
        d.departments.flatMap((x: any) =>
          x.tasks.map((t: any) => `${x.name} leads ${t.number} ${t.title} (${t.subItemCount} items)`),
        ),
      ),
    peerFacts: (d) =>
      sorted(
        d.departments.flatMap((x: any) =>
          x.tasks.map(
            (t: any) =>
              `${x.name} leads ${t.number} ${t.title} (${t.subItemsConnection.aggregate.count.nodes} items)`,
          ),
        ),
      ),
  },
  {
    name: 'search',
    label: 'full-text search 四服务 (ids of the hits)',
    this: { query: `{ search(query: "四服务", first: 10) { id } }` },
    peer: { query: `{ search(query: "\\"四服务\\"", first: 10) { id } }` },
    peerWay: 'cypher',
    facts: (d) => sorted(d.search.map((h: any) => h.id)),
    peerFacts: (d) => sorted(d.search.map((h: any) => h.id)),
  },
  {
    name: 'coverage',
    label: 'coverage: goals by tasks serving them and summed score',
    this: {
      query: `query ($plan: ID) { coverage(planId: $plan) { goals { goal { id } taskCount totalScore } } }`,
      variables: { plan: PLAN },
    },
    peer: {
      query: `query ($plan: ID!) { goalCoverage(planId: $plan) { id taskCount totalScore } }`,
      variables: { plan: PLAN },
    },
    peerWay: 'cypher',
    facts: (d) => d.coverage.goals.map((g: any) => `${g.goal.id} ${g.taskCount} ${score(g.totalScore)}`),
    peerFacts: (d) => d.goalCoverage.map((g: any) => `${g.id} ${g.taskCount} ${score(g.totalScore)}`),
  },
  {
    name: 'neighborhood',
    label: 'neighbourhood of 组人部, depth 2 (node ids, edge count)',
    this: { query: `{ neighborhood(id: "dept/组人部", depth: 2) { nodes { id } edges { id } } }` },
    peer: { query: `{ neighborhood(id: "dept/组人部") { nodeIds edgeCount } }` },
    peerWay: 'cypher',
    facts: (d) => [
      ...sorted(d.neighborhood.nodes.map((n: any) => n.id)),
      `edges ${d.neighborhood.edges.length}`,
    ],
    peerFacts: (d) => [...sorted(d.neighborhood.nodeIds), `edges ${d.neighborhood.edgeCount}`],
  },
  {
    name: 'path',
    label: 'shortest paths 组人部 → goal 3 (node ids)',
    this: { query: `{ path(from: "dept/组人部", to: "${PLAN}/goal-3") { length nodes { id } } }` },
    peer: { query: `{ path(from: "dept/组人部", to: "${PLAN}/goal-3") { nodeIds edgeCount } }` },
    peerWay: 'cypher',
    facts: (d) => sorted(d.path.map((p: any) => `${p.length}: ${p.nodes.map((n: any) => n.id).join(' ')}`)),
    peerFacts: (d) => sorted(d.path.map((p: any) => `${p.edgeCount}: ${p.nodeIds.join(' ')}`)),
  },
];

function taskFacts(t: any): string[] {
  return [`task ${t.id} ${t.number} ${t.title}`, ...t.leadDepartments.map((x: any) => `led by ${x.name}`)];
}
