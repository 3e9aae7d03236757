/**
 * The derived SERVES evidence measured on the seed, against the links a reviewer vouches for
 * (seeds/links/cast-2018.json): its weakness is a number here, not a surprise (docs/plans.md).
 */
import { describe, expect, it } from 'vitest';
import { parsePlan, readPlanFile } from '../../src/ingest/index.ts';
import { loadGlossary } from '../../src/ingest/semantics/glossary.ts';
import { deriveSemanticsWith, type SemanticsInput } from '../../src/ingest/semantics/index.ts';
import { NO_LINKS } from '../../src/ingest/semantics/links.ts';
import { score, sharedWordPairs } from '../../src/ingest/semantics/quality.ts';

const { text, source } = readPlanFile('seeds/cast-2018-reform-key-tasks.txt');
const plan = parsePlan(text, source);
const input: SemanticsInput = {
  planId: plan.id,
  text,
  sections: plan.sections,
  elements: plan.elements,
  preambleSpan: plan.metaSpans['preamble'] ?? null,
};
const pair = (s: { taskId: string; goalId: string }) =>
  `${s.taskId.slice('cast-2018/'.length)} → ${s.goalId.slice('cast-2018/'.length)}`;
const reviewed = new Set(plan.serves.filter((s) => s.basis === 'curated').map(pair));
const answer = new Set(plan.serves.map(pair));
const derived = new Set(
  deriveSemanticsWith(input, { glossary: loadGlossary(), links: NO_LINKS }).serves.map(pair),
);

describe('derived SERVES evidence on the seed, measured against the reviewed links', () => {
  it('has four reviewed SERVES links, all of them pairs the phrase and concept rules miss', () => {
    expect([...reviewed]).toEqual([
      'task-1 → goal-1',
      'task-8 → goal-2',
      'task-9 → goal-2',
      'task-10 → goal-2',
    ]);
    expect(score(derived, reviewed)).toEqual({
      found: 0,
      expected: 4,
      proposed: 14,
      recall: 0,
      precision: 0,
    });
  });

  it('finds 14 of the 18 edges of the reviewed answer and proposes nothing outside it', () => {
    expect(score(derived, answer)).toEqual({
      found: 14,
      expected: 18,
      proposed: 14,
      recall: 0.778,
      precision: 1,
    });
  });

  it('would find every reviewed link with shared rare words of a segmenter, at the price of 7 unreviewed pairs', () => {
    const words = new Set([...sharedWordPairs(input)].map((p) => p.replaceAll('cast-2018/', '')));
    expect(score(words, reviewed)).toEqual({
      found: 4,
      expected: 4,
      proposed: 25,
      recall: 1,
      precision: 0.16,
    });
    expect(score(words, answer)).toEqual({
      found: 18,
      expected: 18,
      proposed: 25,
      recall: 1,
      precision: 0.72,
    });
    expect([...words].filter((p) => !answer.has(p))).toEqual([
      'task-1 → goal-2',
      'task-1 → goal-3',
      'task-4 → goal-1',
      'task-5 → goal-1',
      'task-7 → goal-1',
      'task-7 → goal-3',
      'task-9 → goal-1',
    ]);
  });
});
