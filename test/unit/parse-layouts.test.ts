/**
 * Layouts of whole documents (test/fixtures/forms, sources in its README): numbering that runs on
 * across headings, a notice followed by the plan's title and only its item 1, schedules read as
 * steps with dated periods.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePlan, PlanParseError, readPlanFile, sourceForText } from '../../src/ingest/index.ts';
import type { PlanModel } from '../../src/ingest/model.ts';
import { toRows } from '../../src/ingest/load/rows.ts';
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

describe('an appendix of indicators after the plan', () => {
  const plan = parse('appendix-indicators.txt');

  it('reads the plan and keeps the appendix beside it, not as a second plan', () => {
    expect(ofKind(plan, 'Task')).toHaveLength(11);
    expect(ofKind(plan, 'Guarantee')).toHaveLength(5);
    expect(plan.appendices.map((a) => [a.id, a.number, a.label, a.title, a.kind, a.span.line])).toEqual([
      ['gwy-2019-gbf4/appendix-1', 1, '附件', '三级公立医院绩效考核指标', 'indicators', 42],
    ]);
    const a = plan.appendices[0]!;
    expect(a.text.split('\n').slice(0, 8)).toEqual([
      '一级指标',
      '二级指标',
      '三级指标',
      '指标性质',
      '指标说明',
      '一、医疗质量',
      '（一）功能定位',
      '1.门诊人次数与出院人次数比',
    ]);
    expect(a.span.quote.endsWith('9个指标由财务年报表获取，2个指标由医院填报。')).toBe(true);
    // Nothing of the appendix became a section or an element of the plan.
    expect(plan.sections.every((s) => s.span.line < 42)).toBe(true);
    expect(plan.elements.every((e) => e.span.line < 42)).toBe(true);
    expect(verdict(plan)).toBe('complete');
    expect(formatSummary(plan)).toContain(
      'appendix:    附件 三级公立医院绩效考核指标 (indicators, lines 42–69)',
    );
  });

  it('reads 附件1 / 附件2 each as its own appendix', () => {
    const text = readFileSync(path('appendix-indicators.txt'), 'utf8')
      .replace('\n附件\n三级公立医院绩效考核指标\n', '\n附件1\n三级公立医院绩效考核指标\n')
      .replace('\n注：\n', '\n附件2：三级公立医院绩效考核指标说明\n注：\n');
    const p = parsePlan(text, sourceForText(text, 'two-appendices.txt'));
    expect(p.appendices.map((a) => [a.label, a.title, a.kind, a.span.line])).toEqual([
      ['附件1', '三级公立医院绩效考核指标', 'indicators', 42],
      ['附件2', '三级公立医院绩效考核指标说明', 'indicators', 67],
    ]);
  });

  it('still refuses a second plan that no attachment label announces', () => {
    const text = readFileSync(path('two-plans.txt'), 'utf8');
    expect(refusedText(text, 'two-plans.txt').code).toBe('MULTIPLE_PLANS');
  });
});

describe('a notice whose plan is its attached list', () => {
  const plan = parse('attached-list-notice.txt');
  const tasks = ofKind(plan, 'Task');

  it('reads each row of the list as a task, titled by the list', () => {
    expect(plan.title).toBe('某省自由贸易试验区第二批改革试点经验复制推广清单');
    expect(tasks.map((t) => [t.id.replace(/^.*\//, ''), t.number, t.title, t.span.line])).toEqual([
      ['task-1', 1, '企业登记“一网通办”', 18],
      ['task-2', 2, '工程建设项目审批告知承诺制', 23],
      ['task-3', 3, '进口货物“提前申报”', 29],
      ['task-4', 4, '跨境电商零售进口退货中心仓模式', 34],
    ]);
    expect(tasks[0]!.text).toBe(
      '企业登记“一网通办”\n推行企业设立登记全程电子化，实现申请、受理、审核、发照全程网上办理。',
    );
  });

  it('keeps merged section rows as sections holding their rows', () => {
    const holder = (t: (typeof tasks)[number]) => plan.sections.find((s) => s.id === t.sectionId)!;
    expect(tasks.map((t) => `${holder(t).marker}${holder(t).title}`)).toEqual([
      '一、投资管理领域',
      '一、投资管理领域',
      '二、贸易便利化领域',
      '二、贸易便利化领域',
    ]);
    expect(plan.sections.filter((s) => s.level === 1).map((s) => [s.marker, s.title])).toEqual([
      ['附件', '某省自由贸易试验区第二批改革试点经验复制推广清单'],
    ]);
  });

  it('reads the lead column as an annotation (no convention stated: every unit leads) and keeps the other columns', () => {
    expect(plan.leads.map((l) => [l.taskId.replace(/^.*\//, ''), l.span.quote, l.span.line])).toEqual([
      ['task-1', '省市场监管局', 21],
      ['task-1', '省政务服务办', 21],
      ['task-2', '省住房城乡建设厅', 26],
      ['task-3', '南京海关', 32],
      ['task-4', '南京海关', 37],
      ['task-4', '省商务厅', 37],
    ]);
    expect(plan.participations).toEqual([]);
    expect(tasks.map((t) => t.columns?.map((c) => [c.name, c.value, c.span.line]))).toEqual([
      [['推广范围', '全省', 22]],
      [['推广范围', '全省', 27]],
      [['推广范围', '全省', 33]],
      // Row 4 has no cell of its own there: the cell above spans it.
      [['推广范围', '全省', 33]],
    ]);
    expect(plan.warnings.filter((w) => w.code === 'LIST_CELL_MERGED').map((w) => w.line)).toEqual([34]);
    expect(
      plan.warnings.filter((w) => w.code === 'TEXT_AFTER_BODY' || w.code === 'TEXT_UNRECOGNISED'),
    ).toEqual([]);
    expect(verdict(plan)).toBe('complete');
  });
});

describe('what the loader writes of these layouts', () => {
  it("a step carries its kind and period; an appendix and a row's columns go on the Plan and Task nodes", () => {
    type Row = { kind?: unknown; props: Record<string, unknown> };
    const steps = (toRows(parse('schedule.txt')).elements as Row[]).filter((r) => r.kind === 'Step');
    expect(steps).toHaveLength(6);
    expect(
      [steps[0]!, steps[2]!].map((r) => [
        r.props.periodFrom,
        r.props.periodTo,
        r.props.periodQuote,
        r.props.periodLine,
      ]),
    ).toEqual([
      ['2019-01-01', '2019-03-31', '2019年1月至3月', 10],
      [null, '2020-10-31', '2020年10月底前', 12],
    ]);
    const hospital = toRows(parse('appendix-indicators.txt'));
    const appendices = JSON.parse(String(hospital.plan.appendicesJson)) as { title: string; kind: string }[];
    expect(appendices.map((a) => [a.title, a.kind])).toEqual([['三级公立医院绩效考核指标', 'indicators']]);
    const list = toRows(parse('attached-list-notice.txt'));
    const columns = (list.elements as Row[]).map((r) =>
      (JSON.parse(String(r.props.columnsJson)) as { name: string; value: string }[]).map(
        (c) => `${c.name}=${c.value}`,
      ),
    );
    expect(columns).toEqual([['推广范围=全省'], ['推广范围=全省'], ['推广范围=全省'], ['推广范围=全省']]);
  });
});
