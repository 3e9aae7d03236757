import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { parsePlan, readPlanFile } from '../../src/ingest/index.ts';
import type { EvidenceModel, Span } from '../../src/ingest/model.ts';
import { loadGlossary } from '../../src/ingest/semantics/glossary.ts';
import {
  deriveSemantics,
  deriveSemanticsWith,
  type SemanticsInput,
} from '../../src/ingest/semantics/index.ts';
import { loadLinks, NO_LINKS, parseLinks } from '../../src/ingest/semantics/links.ts';

const SEED = fileURLToPath(new URL('../../seeds/cast-2018-reform-key-tasks.txt', import.meta.url));

/** The seed as the real parser reads it, and the outline semantics are derived from. */
function loadSeed() {
  const { text, source } = readPlanFile(SEED);
  const plan = parsePlan(text, source);
  const input: SemanticsInput = {
    planId: plan.id,
    text,
    sections: plan.sections,
    elements: plan.elements,
    preambleSpan: plan.metaSpans['preamble'] ?? null,
  };
  return { text, input, plan };
}

const { text, input, plan } = loadSeed();
const short = (id: string) => id.slice(`${plan.id}/`.length);
const lineOf = (offset: number) => text.slice(0, offset).split('\n').length;
const expectSpan = (span: Span) => {
  expect(text.slice(span.start, span.end)).toBe(span.quote);
  expect(span.line).toBe(lineOf(span.start));
};
const within = (span: Span, id: string) => {
  const outer = plan.elements.find((e) => e.id === id)?.span ?? plan.problems.find((p) => p.id === id)!.span;
  return outer.start <= span.start && span.end <= outer.end;
};
const phrases = (evidence: readonly EvidenceModel[]) => evidence.map((e) => e.phrase);
const serves = (task: string, goal: string) =>
  plan.serves.find((s) => s.taskId === `${plan.id}/${task}` && s.goalId === `${plan.id}/${goal}`);

describe('SERVES (task → goal) in the seed plan', () => {
  it('is what parsePlan carries: the semantics of the parsed outline', () => {
    const { concepts, mentions, problems, serves, addresses } = deriveSemantics(input);
    expect({ concepts, mentions, problems, serves, addresses }).toEqual({
      concepts: plan.concepts,
      mentions: plan.mentions,
      problems: plan.problems,
      serves: plan.serves,
      addresses: plan.addresses,
    });
  });

  it('derives exactly these pairs, each on its best basis', () => {
    expect(plan.serves.map((s) => `${short(s.taskId)} → ${short(s.goalId)}: ${s.basis}`)).toEqual([
      'task-1 → goal-1: curated',
      'task-2 → goal-2: phrase',
      'task-2 → goal-3: phrase',
      'task-3 → goal-1: phrase',
      'task-3 → goal-2: phrase',
      'task-4 → goal-2: phrase',
      'task-4 → goal-3: phrase',
      'task-5 → goal-2: phrase',
      'task-5 → goal-3: phrase',
      'task-6 → goal-1: concept',
      'task-6 → goal-2: phrase',
      'task-6 → goal-3: phrase',
      'task-7 → goal-2: phrase',
      'task-8 → goal-1: phrase',
      'task-8 → goal-2: curated',
      'task-8 → goal-3: phrase',
      'task-9 → goal-2: curated',
      'task-10 → goal-2: curated',
    ]);
  });

  it('anchors every piece of evidence on the task (from) and the goal (to)', () => {
    for (const s of plan.serves) {
      expect(s.evidence.length).toBeGreaterThan(0);
      expect(s.score).toBeGreaterThan(0);
      expect(s.score).toBeLessThanOrEqual(1);
      for (const e of s.evidence) {
        expectSpan(e.fromSpan);
        expectSpan(e.toSpan);
        expect(within(e.fromSpan, s.taskId), `${s.taskId} ${e.phrase}`).toBe(true);
        expect(within(e.toSpan, s.goalId), `${s.goalId} ${e.phrase}`).toBe(true);
      }
    }
  });

  it('links task 3 to goal 2 by 格局重塑、流程再造、组织重构', () => {
    expect(phrases(serves('task-3', 'goal-2')!.evidence).sort()).toEqual(
      ['组织重构', '格局重塑', '流程再造'].sort(),
    );
  });

  it('links task 6 to goal 2 by its title 强化基层基础, and to goal 3 by 提升组织活力 in both titles', () => {
    const toGoal2 = serves('task-6', 'goal-2')!;
    expect(phrases(toGoal2.evidence)).toEqual(['强化基层基础']);
    const task6 = plan.elements.find((e) => e.id === `${plan.id}/task-6`)!;
    expect(within(toGoal2.evidence[0]!.fromSpan, task6.id)).toBe(true);
    expect(toGoal2.evidence[0]!.fromSpan.start).toBe(task6.titleSpan.start);
    expect(phrases(serves('task-6', 'goal-3')!.evidence)).toEqual(['提升组织活力']);
    expect(serves('task-6', 'goal-3')!.score).toBeGreaterThan(toGoal2.score);
  });

  it('links task 6 to goal 1 by the concept 三性, named by its alias in the goal', () => {
    const edge = serves('task-6', 'goal-1')!;
    expect(edge.evidence.map((e) => [e.phrase, e.fromSpan.quote, e.toSpan.quote])).toEqual([
      ['三性', '三性', '政治性先进性群众性'],
    ]);
  });

  it('scores by the documented rule: length × rarity × place per phrase, combined as 1 − Π(1 − w)', () => {
    // 提升组织活力: 6 chars (0.75), only in these two units (rarity 1), in both titles (place 1)
    expect(serves('task-6', 'goal-3')!.score).toBe(0.75);
    // 格局重塑 and 组织重构: 0.5 × 1 × 0.7 each; 流程再造 is also in task 4: rarity ln(22/3)/ln(11)
    const flow = 0.5 * (Math.log(22 / 3) / Math.log(11)) * 0.7;
    expect(serves('task-3', 'goal-2')!.score).toBe(Math.round((1 - 0.65 * 0.65 * (1 - flow)) * 1000) / 1000);
    expect(serves('task-6', 'goal-1')!.score).toBe(0.8);
  });

  it('links task 5 to goal 3 by 纵横融合', () => {
    expect(phrases(serves('task-5', 'goal-3')!.evidence)).toEqual(['纵横融合']);
  });

  it('drops phrases found all over the plan', () => {
    const all = plan.serves.flatMap((s) => phrases(s.evidence));
    for (const common of ['科技工作者', '科协组织', '具体包括']) expect(all).not.toContain(common);
  });

  it('keeps curated edges few, each with its rationale and the reviewer’s quotes', () => {
    const curated = plan.serves.filter((s) => s.basis === 'curated');
    expect(curated).toHaveLength(4);
    for (const s of curated) expect(s.rationale?.length).toBeGreaterThan(40);
    expect(plan.serves.filter((s) => s.basis !== 'curated').every((s) => s.rationale === null)).toBe(true);
    expect(serves('task-8', 'goal-2')!.evidence[0]).toMatchObject({
      phrase: '智库',
      fromSpan: { quote: '建设开放高端科技创新智库', line: 68 },
      toSpan: { quote: '打造国际高端的智库', line: 48 },
    });
  });

  it('without curated links, serves exactly the automatic pairs', () => {
    const s = deriveSemanticsWith(input, { glossary: loadGlossary(), links: NO_LINKS });
    expect(s.serves.every((e) => e.basis !== 'curated')).toBe(true);
    expect(s.serves).toHaveLength(plan.serves.length - 4);
  });
});

describe('ADDRESSES (element → problem) in the seed plan', () => {
  it('derives exactly these edges', () => {
    expect(
      plan.addresses.map(
        (a) => `${short(a.elementId)} → ${short(a.problemId)}: ${a.basis} ${phrases(a.evidence).join('/')}`,
      ),
    ).toEqual([
      'guarantee-2 → problem-1: mention 上热下冷',
      'task-6/item-6 → problem-2: curated 联系科技工作者',
      'goal-3 → problem-3: phrase 建设创新型国家/进军世界科技/世界科技强国',
      'task-2 → problem-3: phrase 世界科技强国',
      'task-8 → problem-3: phrase 世界科技强国',
      'goal-3 → problem-4: phrase 科协组织活力',
      'task-6 → problem-4: phrase 基层科协组织',
    ]);
  });

  it('anchors the evidence on the element (from) and the problem (to)', () => {
    for (const a of plan.addresses) {
      for (const e of a.evidence) {
        expectSpan(e.fromSpan);
        expectSpan(e.toSpan);
        expect(within(e.fromSpan, a.elementId)).toBe(true);
        expect(within(e.toSpan, a.problemId)).toBe(true);
      }
    }
  });

  it('takes 克服“上热下冷”弊端 in guarantee 2 as a mention of problem 1', () => {
    const edge = plan.addresses.find((a) => a.basis === 'mention')!;
    expect(edge.evidence[0]).toMatchObject({
      fromSpan: { quote: '上热下冷', line: 80 },
      toSpan: { quote: '上热下冷', line: 38 },
    });
  });

  it('never lets the principle that states the problems address them', () => {
    expect(plan.addresses.some((a) => a.elementId === `${plan.id}/principle-2`)).toBe(false);
  });
});

describe('curated links (seeds/links/cast-2018.json)', () => {
  const good = {
    plan: 'cast-2018',
    serves: [
      {
        task: 'cast-2018/task-8',
        goal: 'cast-2018/goal-2',
        rationale: 'think tanks',
        evidence: [{ phrase: '智库', taskQuote: '高端科技创新智库', goalQuote: '国际高端的智库' }],
      },
    ],
  };
  const derive = (json: unknown) =>
    deriveSemanticsWith(input, {
      glossary: loadGlossary(),
      links: parseLinks(json, 'cast-2018', 'seeds/links/cast-2018.json'),
    });

  it('loads for the plan', () => {
    expect(loadLinks('cast-2018').serves.length).toBeGreaterThan(0);
    expect(loadLinks('no-such-plan').serves).toEqual([]);
  });

  it('fails loudly when a curated quote is not in the element’s text', () => {
    const bad = structuredClone(good);
    bad.serves[0]!.evidence[0]!.goalQuote = '国际一流的智库';
    expect(() => derive(bad)).toThrow(
      'seeds/links/cast-2018.json: BAD_SEED_DATA: expected serves[0].evidence[0].goalQuote quote "国际一流的智库" to occur in the text of cast-2018/goal-2 (line 48), found no such text there (CURATED_QUOTE_NOT_FOUND)',
    );
  });

  it('refuses an id that is not a task of the plan', () => {
    const bad = structuredClone(good);
    bad.serves[0]!.task = 'cast-2018/goal-1';
    expect(() => derive(bad)).toThrow(
      /expected serves\[0\]\.task to be the id of a task of this plan, found "cast-2018\/goal-1"/,
    );
  });

  it('refuses a link without a rationale', () => {
    const bad = structuredClone(good) as { serves: Record<string, unknown>[] };
    delete bad.serves[0]!['rationale'];
    expect(() => derive(bad)).toThrow(/expected serves\[0\]\.rationale to be a non-empty string/);
  });
});
