/**
 * Layouts of whole documents (test/fixtures/forms, sources in its README): numbering that runs on
 * across headings, a notice followed by the plan's title and only its item 1, schedules read as
 * steps with dated periods.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePlan, PlanParseError, readPlanFile, sourceForText } from '../../src/ingest/index.ts';
import type { PlanModel } from '../../src/ingest/model.ts';
import { formatSummary, verdict } from '../../src/ingest/summary.ts';

const path = (name: string) => new URL(`../fixtures/forms/${name}`, import.meta.url).pathname;

function parse(name: string, opts: { partial?: boolean } = {}): PlanModel {
  const { text, source } = readPlanFile(path(name));
  return parsePlan(text, source, opts);
}

function refusedText(text: string, file: string): PlanParseError {
  try {
    parsePlan(text, sourceForText(text, file));
  } catch (e) {
    if (e instanceof PlanParseError) return e;
    throw e;
  }
  throw new Error(`${file} was not refused`);
}

const ofKind = (plan: PlanModel, kind: string) => plan.elements.filter((e) => e.kind === kind);

describe('numbering that runs on across headings', () => {
  const plan = parse('numbered-across-headings.txt');

  it('reads items 1.–9. straight through 二、–四、 and their (一)/(二) topic headings, keeping the printed numbers', () => {
    const tasks = ofKind(plan, 'Task');
    expect(tasks.map((t) => [t.number, t.marker, t.span.line])).toEqual([
      [1, '1.', 9],
      [2, '2.', 10],
      [3, '3.', 12],
      [4, '4.', 13],
      [5, '5.', 15],
      [6, '6.', 16],
      [7, '7.', 19],
      [8, '8.', 21],
      [9, '9.', 22],
    ]);
    expect(tasks.map((t) => t.id.replace(/^.*\//, ''))).toEqual(
      Array.from({ length: 9 }, (_, k) => `task-${k + 1}`),
    );
  });

  it('keeps the topic headings as sections holding the items', () => {
    const holder = (n: number) => {
      const t = ofKind(plan, 'Task').find((e) => e.number === n)!;
      const s = plan.sections.find((x) => x.id === t.sectionId)!;
      return `${s.marker}${s.title}`;
    };
    expect([1, 3, 5, 7, 9].map(holder)).toEqual([
      '（一）减轻企业税费负担',
      '（二）降低要素成本',
      '三、缓解融资难融资贵',
      '（一）深化放管服改革',
      '（二）保护企业合法权益',
    ]);
    expect(plan.sections).toHaveLength(8);
    expect(plan.leads.map((l) => l.span.quote)).toEqual([
      '市税务局',
      '市人力资源社会保障局',
      '市自然资源局',
      '市发展改革委',
      '市地方金融监管局',
      '市财政局',
      '市市场监管局',
      '市中级法院',
      '市公安局',
      '市司法局',
    ]);
    expect(verdict(plan)).toBe('complete');
  });

  it('still refuses a genuine gap: 6. followed by 8. under the next heading', () => {
    const text = readFileSync(path('numbered-across-headings.txt'), 'utf8').replace('7.压缩', '8.压缩');
    const e = refusedText(text, 'gap.txt');
    expect([e.code, e.line, e.found]).toEqual(['NUMBERING_GAP', 19, '"8."']);
    expect(e.expected).toBe('item 1 or item 7 (numbering continued across headings)');
  });

  it('still refuses a first item numbered 2 where no item 1 came before', () => {
    const text = readFileSync(path('numbered-across-headings.txt'), 'utf8')
      .replace(/^1\.落实/m, '——落实')
      .replace(/^2\.降低/m, '2.降低');
    const e = refusedText(text, 'no-one.txt');
    expect([e.code, e.line, e.expected, e.found]).toEqual(['NUMBERING_GAP', 10, 'item 1', '"2."']);
  });
});

describe('a notice followed by the plan title and only its item 1', () => {
  it('reads the plan after the notice: a cut item 1 is TRUNCATED at its line, not NOTICE_ONLY', () => {
    const { text, source } = readPlanFile(path('notice-then-first-item.txt'));
    let err: unknown = null;
    try {
      parsePlan(text, source);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(PlanParseError);
    const e = err as PlanParseError;
    expect([e.code, e.line]).toEqual(['TRUNCATED', 8]);
    expect(e.expected).toBe('the end of task 1 (a full stop or a lead marker)');
  });

  it('loads item 1 with --partial, titled by the notice, and says only item 1 stands', () => {
    const plan = parse('notice-then-first-item.txt', { partial: true });
    expect(plan.title).toBe('某市2019年优化营商环境工作要点');
    expect(ofKind(plan, 'Task').map((t) => [t.number, t.title, t.truncated])).toEqual([
      [1, '深化商事制度改革', true],
    ]);
    expect(plan.warnings.filter((w) => w.code === 'ONE_ITEM_ONLY').map((w) => w.line)).toEqual([8]);
    expect(verdict(plan)).toBe('partial: stops at line 8 in task 1');
  });

  it('a complete item 1 after the notice is one task, with the same warning', () => {
    const text = readFileSync(path('notice-then-first-item.txt'), 'utf8').replace(
      '压缩至\n',
      '压缩至3个工作日以内。（市市场监管局负责）\n',
    );
    const plan = parsePlan(text, sourceForText(text, 'one-item.txt'));
    expect(ofKind(plan, 'Task').map((t) => t.number)).toEqual([1]);
    expect(plan.leads.map((l) => l.span.quote)).toEqual(['市市场监管局']);
    expect(plan.warnings.map((w) => w.code)).toContain('ONE_ITEM_ONLY');
  });

  it('a notice with no item after it is still NOTICE_ONLY', () => {
    const text = readFileSync(path('notice-then-first-item.txt'), 'utf8').replace(/^1\..*$/m, '');
    expect(refusedText(text, 'notice.txt').code).toBe('NOTICE_ONLY');
  });
});

describe('schedules as steps', () => {
  const plan = parse('schedule.txt');
  const steps = ofKind(plan, 'Step');

  it('reads numbered stages and dated paragraphs as steps, not tasks', () => {
    expect(ofKind(plan, 'Task').map((t) => t.number)).toEqual([1, 2, 3]);
    expect(ofKind(plan, 'Guarantee').map((g) => g.title)).toEqual(['加强组织领导', '强化督导考核']);
    expect(steps.map((s) => [s.id.replace(/^.*\//, ''), s.marker, s.span.line])).toEqual([
      ['step-1', '（一）', 10],
      ['step-2', '（二）', 11],
      ['step-3', '（三）', 12],
      ['step-4', '', 18],
      ['step-5', '', 19],
      ['step-6', '', 21],
    ]);
  });

  it('parses each period to its first and last day', () => {
    expect(steps.map((s) => [s.period?.span.quote, s.period?.from, s.period?.to])).toEqual([
      ['2019年1月至3月', '2019-01-01', '2019-03-31'],
      ['2019年4月至2020年6月', '2019-04-01', '2020-06-30'],
      ['2020年10月底前', null, '2020-10-31'],
      ['2019年上半年', '2019-01-01', '2019-06-30'],
      // No year written: the year of the step before.
      ['7月至12月', '2019-07-01', '2019-12-31'],
      ['2020年底前', null, '2020-12-31'],
    ]);
  });

  it('keeps the intro line as the schedule section text and a later undated line with its step', () => {
    const sched = plan.sections.find((s) => s.title === '进度安排')!;
    expect([sched.marker, sched.itemKind, sched.text]).toEqual([
      '（三）',
      'Step',
      '整治工作按年度分步推进：',
    ]);
    expect(steps[4]!.text).toBe('7月至12月，完成垃圾收运体系建设。\n各乡镇要按月报送工作进展。');
    expect(plan.warnings.filter((w) => w.code === 'TEXT_UNACCOUNTED')).toEqual([]);
  });

  it('names steps in the summary only when a plan has them', () => {
    expect(formatSummary(plan)).toContain('0 Principle, 1 Goal, 3 Task, 0 SubItem, 2 Guarantee, 6 Step;');
    expect(formatSummary(parse('numbered-across-headings.txt'))).toContain('0 Guarantee; 10 departments');
  });
});
