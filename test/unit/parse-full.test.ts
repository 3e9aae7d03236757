/**
 * Complete real documents (test/fixtures/full): each text with the JSON read off it by hand (format
 * in that folder's README). Every fixture is parsed as `npm run load -- --dry-run FILE` parses it
 * and compared field by field: verdict, title, document number, counts, the responsibility
 * convention, lead and taking-part units task by task, schedule steps, appendix.
 *
 * Where the parser does not yet read what the fixture says, the field is listed in KNOWN_GAPS and
 * its test is `it.fails`: the suite stays green, the gap stays visible, and a gap that closes
 * fails the suite until it is taken off the list.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePlan, PlanParseError, readPlanFile } from '../../src/ingest/index.ts';
import type { PlanModel } from '../../src/ingest/model.ts';

const dir = new URL('../fixtures/full/', import.meta.url).pathname;

interface FixtureTask {
  readonly n: number;
  readonly line: number;
  readonly starts: string;
  readonly leads: readonly string[];
  readonly participants: readonly string[];
}

interface Fixture {
  readonly file: string;
  readonly verdict: string;
  readonly title: string;
  readonly docNumber: string | null;
  readonly convention: { readonly quote: string; readonly line: number } | null;
  readonly counts: Readonly<
    Record<'principles' | 'goals' | 'tasks' | 'subItems' | 'guarantees' | 'steps', number>
  >;
  readonly leads: number;
  readonly participants: number;
  readonly tasks: readonly FixtureTask[];
  readonly steps?: readonly { readonly line: number; readonly starts: string; readonly period: string }[];
  readonly appendix?: { readonly line: number; readonly title: string } | null;
}

type Field =
  'verdict' | 'title' | 'docNumber' | 'counts' | 'totals' | 'convention' | 'tasks' | 'steps' | 'appendix';

/**
 * Fields the parser does not read as the fixture says yet, per text. Each entry is a known gap,
 * named so it can be closed: never a weakened expectation.
 */
const KNOWN_GAPS: Readonly<Record<string, readonly Field[]>> = {};

const fixtures: Fixture[] = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => JSON.parse(readFileSync(dir + f, 'utf8')) as Fixture);

type Outcome = { model: PlanModel; error: null } | { model: null; error: PlanParseError };

function parse(file: string): Outcome {
  const { text, source } = readPlanFile(dir + file);
  try {
    return { model: parsePlan(text, source, {}), error: null };
  } catch (e) {
    if (e instanceof PlanParseError) return { model: null, error: e };
    throw e;
  }
}

const KIND_OF_COUNT = {
  principles: 'Principle',
  goals: 'Goal',
  tasks: 'Task',
  subItems: 'SubItem',
  guarantees: 'Guarantee',
  steps: 'Step',
} as const;

/** The plan, or a failure that names the refusal. */
function plan(o: Outcome): PlanModel {
  if (o.model === null) throw new Error(`refused: ${o.error.message}`);
  return o.model;
}

function check(f: Fixture, o: Outcome, field: Field): void {
  if (field === 'verdict') {
    if (f.verdict === 'plan') {
      expect(o.error?.message ?? null).toBeNull();
      expect(plan(o).complete).toBe(true);
    } else {
      expect(o.error?.code).toBe(f.verdict);
      // The message names the kind of document and what to do with it.
      expect(o.error?.found.length).toBeGreaterThan(10);
    }
    return;
  }
  const m = plan(o);
  switch (field) {
    case 'title':
      expect(m.title).toBe(f.title);
      return;
    case 'docNumber':
      expect(m.metaSpans['documentNumber']?.quote ?? null).toBe(f.docNumber);
      return;
    case 'counts': {
      const got = Object.fromEntries(
        Object.entries(KIND_OF_COUNT).map(([k, kind]) => [
          k,
          m.elements.filter((e) => (e.kind as string) === kind).length,
        ]),
      );
      expect(got).toEqual(f.counts);
      return;
    }
    case 'totals':
      expect({ leads: m.leads.length, participants: m.participations.length }).toEqual({
        leads: f.leads,
        participants: f.participants,
      });
      return;
    case 'convention': {
      const c = m.responsibilityConvention;
      expect(c === null ? null : { quote: c.span.quote, line: c.span.line }).toEqual(f.convention);
      return;
    }
    case 'tasks': {
      const tasks = m.elements.filter((e) => e.kind === 'Task');
      // Units as the text writes them (the department node may carry a scope and a fuller name).
      const units = (ids: readonly { taskId: string; span: { quote: string } }[], id: string) =>
        ids
          .filter((x) => x.taskId === id)
          .map((x) => x.span.quote)
          .sort();
      // `starts` must open the task's title or text; otherwise the task's own opening is shown.
      const opening = (t: (typeof tasks)[number], starts: string) =>
        t.title.startsWith(starts) || t.text.startsWith(starts) ? starts : t.text.slice(0, starts.length);
      const got = tasks.map((t, k) => ({
        n: k + 1,
        line: t.span.line,
        starts: opening(t, f.tasks[k]?.starts ?? ''),
        leads: units(m.leads, t.id),
        participants: units(m.participations, t.id),
      }));
      const want = f.tasks.map((t) => ({
        ...t,
        leads: [...t.leads].sort(),
        participants: [...t.participants].sort(),
      }));
      expect(got).toEqual(want);
      return;
    }
    case 'steps': {
      const steps = m.elements.filter((e) => (e.kind as string) === 'Step');
      const want = f.steps ?? [];
      const got = steps.map((st, k) => {
        const starts = want[k]?.starts ?? '';
        return {
          line: st.span.line,
          starts: st.title.startsWith(starts) || st.text.startsWith(starts) ? starts : st.text.slice(0, 8),
        };
      });
      expect(got).toEqual(want.map((st) => ({ line: st.line, starts: st.starts })));
      return;
    }
    case 'appendix': {
      // The fixtures name at most one appendix: the first attachment kept beside the plan.
      const a = m.appendices[0] ?? null;
      expect(a === null ? null : { line: a.span.line, title: a.title }).toEqual(f.appendix ?? null);
      return;
    }
  }
}

const FIELDS: readonly Field[] = [
  'verdict',
  'title',
  'docNumber',
  'counts',
  'totals',
  'convention',
  'tasks',
  'steps',
  'appendix',
];

describe('complete documents read as their hand-read fixtures say', () => {
  it('has a fixture for every text of the folder', () => {
    const texts = readdirSync(dir).filter((f) => f.endsWith('.txt'));
    expect(fixtures.map((f) => f.file).sort()).toEqual(texts.sort());
  });

  for (const f of fixtures) {
    describe(f.file, () => {
      let outcome: Outcome | undefined;
      const get = () => (outcome ??= parse(f.file));
      const fields = f.verdict === 'plan' ? FIELDS : (['verdict'] as const);
      for (const field of fields) {
        const gap = KNOWN_GAPS[f.file]?.includes(field) ?? false;
        (gap ? it.fails : it)(`${field}${gap ? ' (known gap)' : ''}`, () => check(f, get(), field));
      }
    });
  }
});
