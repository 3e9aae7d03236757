/**
 * `npx tsx bench/evidence.ts`: how the derived SERVES evidence does on the seed against the links a
 * reviewer vouches for (seeds/links/cast-2018.json) and against the seed's full reviewed answer
 * (the derived edges plus the reviewed ones, docs/queries/02-tasks-serving-goals.json). Prints a
 * table; docs/plans.md writes the numbers down and test/unit/semantics-quality.test.ts holds them.
 */
import { parsePlan, readPlanFile } from '../src/ingest/index.ts';
import { loadGlossary } from '../src/ingest/semantics/glossary.ts';
import { deriveSemanticsWith, type SemanticsInput } from '../src/ingest/semantics/index.ts';
import { NO_LINKS } from '../src/ingest/semantics/links.ts';
import { score, sharedWordPairs } from '../src/ingest/semantics/quality.ts';
import { formatTable } from '../src/cli/table.ts';

const { text, source } = readPlanFile('seeds/cast-2018-reform-key-tasks.txt');
const plan = parsePlan(text, source);
const input: SemanticsInput = {
  planId: plan.id,
  text,
  sections: plan.sections,
  elements: plan.elements,
  preambleSpan: plan.metaSpans['preamble'] ?? null,
};
const pair = (s: { taskId: string; goalId: string }) => `${s.taskId} → ${s.goalId}`;
const reviewed = new Set(plan.serves.filter((s) => s.basis === 'curated').map(pair));
const answer = new Set(plan.serves.map(pair));
const derived = deriveSemanticsWith(input, { glossary: loadGlossary(), links: NO_LINKS }).serves;
const variants = {
  'phrase + concept (the rule)': new Set(derived.map(pair)),
  'phrase only': new Set(derived.filter((s) => s.basis === 'phrase').map(pair)),
  'concept only': new Set(derived.filter((s) => s.basis === 'concept').map(pair)),
  'shared rare words (jieba)': sharedWordPairs(input),
};
const rows = Object.entries(variants).flatMap(([name, proposed]) => {
  const r = score(proposed, reviewed);
  const a = score(proposed, answer);
  return [
    [
      name,
      String(proposed.size),
      `${r.found}/${r.expected}`,
      String(r.recall),
      `${a.found}/${a.expected}`,
      String(a.recall),
      String(a.precision),
    ],
  ];
});
console.log(
  formatTable(
    [
      'evidence',
      'pairs',
      'reviewed found',
      'recall (reviewed)',
      'answer found',
      'recall (answer)',
      'precision (answer)',
    ],
    rows,
  ),
);
