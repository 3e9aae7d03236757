/**
 * Which tasks serve goal N of a plan, how strongly, and why: `goal(planId, number)` with
 * `servedBy(minScore)`, typed end to end. Run against a running service:
 *
 *   npx tsx examples/questions/goal.ts 1          # goal 1 of cast-2018, every serving task
 *   npx tsx examples/questions/goal.ts 1 0.5      # only edges scoring at least 0.5
 *   PLAN=local-2019 npx tsx examples/questions/goal.ts 2
 */
import { graphql } from '../gql/index.ts';
import { ClientError, graphqlUrl, request, runExample } from '../visualize/client.ts';

export const GoalServedByQuery = graphql(`
  query GoalServedBy($planId: ID!, $number: Int!, $minScore: Float) {
    goal(planId: $planId, number: $number) {
      number
      title
      servedBy(minScore: $minScore) {
        score
        basis
        task {
          number
          title
        }
        evidence {
          phrase
        }
      }
    }
  }
`);

/** The answer as lines of text: the goal, then one line per serving task, strongest first. */
export async function goalServedBy(
  url: string,
  planId: string,
  number: number,
  minScore: number,
): Promise<string[]> {
  const { goal } = await request(url, GoalServedByQuery, { planId, number, minScore });
  if (goal === null || goal === undefined) throw new ClientError(`goal ${number} of ${planId}: no answer`);
  return [
    `goal ${goal.number} ${goal.title}: served by ${goal.servedBy.length} task(s) scoring at least ${minScore}`,
    ...goal.servedBy.map(
      (s) =>
        `  ${s.score.toFixed(3)} ${s.basis.padEnd(8)} task ${s.task.number} ${s.task.title}` +
        (s.evidence[0] ? ` (“${s.evidence[0].phrase}”)` : ''),
    ),
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runExample(async () => {
    const [number = '1', minScore = '0'] = process.argv.slice(2);
    if (!/^\d+$/.test(number))
      throw new ClientError(`goal number: expected a positive integer, found ${JSON.stringify(number)}`);
    if (!/^(0(\.\d+)?|1(\.0+)?)$/.test(minScore)) {
      throw new ClientError(
        `minimum score: expected a number from 0 to 1, found ${JSON.stringify(minScore)}`,
      );
    }
    const lines = await goalServedBy(
      graphqlUrl(),
      process.env['PLAN'] || 'cast-2018',
      Number(number),
      Number(minScore),
    );
    console.log(lines.join('\n'));
  });
}
