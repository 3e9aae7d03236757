/**
 * Forms of the genre the real corpus lacks, one small hand-written fixture each
 * (test/fixtures/forms): a complete 工作要点 ending with "(牵头部门:X)", a 任务分解 with 牵头单位 /
 * 责任单位 lines, a notice with its own points followed by its plan, traditional characters, a task
 * table, two plans in one file, and a flat list of ten thousand tasks.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePlan, PlanParseError, readPlanFile, sourceForText } from '../../src/ingest/index.ts';
import type { PlanModel } from '../../src/ingest/model.ts';
import { parseDocument } from '../../src/ingest/parse/index.ts';
import { loadSeedData } from '../../src/ingest/seed-data.ts';
import { verdict } from '../../src/ingest/summary.ts';

const path = (name: string) => new URL(`../fixtures/forms/${name}`, import.meta.url).pathname;

function parse(name: string): { plan: PlanModel; text: string } {
  const { text, source } = readPlanFile(path(name));
  return { plan: parsePlan(text, source), text };
}

function refused(name: string): PlanParseError {
  try {
    parse(name);
  } catch (e) {
    if (e instanceof PlanParseError) return e;
    throw e;
  }
  throw new Error(`${name} was not refused`);
}

/** task number → "lead" or "unit (role)" names, in text order. */
function assignments(plan: PlanModel): Record<number, string[]> {
  const out: Record<number, string[]> = {};
  const numberOf = (id: string) => plan.elements.find((e) => e.id === id)!.number;
  for (const l of plan.leads) (out[numberOf(l.taskId)] ??= []).push(l.span.quote);
  for (const p of plan.participations) (out[numberOf(p.taskId)] ??= []).push(`${p.span.quote} (${p.role})`);
  return out;
}

describe('lead and participating units', () => {
  it('reads 牵头单位 and 责任单位 lines, 完成时限 lines and "由X负责" in a flat 任务分解', () => {
    const { plan, text } = parse('task-breakdown-lines.txt');
    expect(verdict(plan)).toBe('complete');
    expect(plan.sections).toHaveLength(1);
    expect([plan.sections[0]!.marker, plan.sections[0]!.title, plan.sections[0]!.itemKind]).toEqual([
      '',
      '',
      'Task',
    ]);
    expect(assignments(plan)).toEqual({
      1: ['区发展改革委', '区市场监管局 (责任)', '区政务服务中心 (责任)'],
      2: ['区生态环境局', '区水务局 (责任)'],
      3: ['区教育局'],
    });
    const t1 = plan.elements.find((e) => e.number === 1)!;
    // The assignment lines are the task's, not its text.
    expect(t1.text).toBe('推进营商环境优化。深化“放管服”改革,压缩企业开办时间。');
    expect(t1.span.quote.endsWith('完成时限:2020年12月底')).toBe(true);
    expect(plan.elements.find((e) => e.number === 3)!.text).toBe('提升公共服务水平。新建改建幼儿园5所。');
    for (const p of plan.participations) expect(text.slice(p.span.start, p.span.end)).toBe(p.span.quote);
    expect(plan.warnings.map((w) => w.code)).not.toContain('KIND_GUESSED');
  });

  it('reads (牵头部门:X), (X牵头,Y配合) and (X负责) in a complete 工作要点 that ends on a lead label', () => {
    const { plan } = parse('notice-then-plan.txt');
    expect(verdict(plan)).toBe('complete');
    expect(assignments(plan)).toEqual({
      1: ['宣传文化部'],
      2: ['宣传文化部', '信息中心 (配合)'],
      3: ['学术部'],
      4: ['组织人事部'],
    });
    expect(plan.elements.find((e) => e.number === 4)!.text).toBe('加强学会治理。完善理事会和监事会制度。');
  });
});

describe('full-width punctuation and labels within the paragraph', () => {
  it('reads （牵头单位：X；配合单位：Y）, labels after a sentence, （责任单位：X） and 由X负责', () => {
    const { plan } = parse('fullwidth-labels.txt');
    expect(verdict(plan)).toBe('complete');
    expect(assignments(plan)).toEqual({
      1: ['市科协办公室'],
      2: ['市科协科普部', '市教育局 (责任)', '市科技局 (责任)'],
      3: ['市科协组织部 (责任)'],
      4: ['市科协学会部'],
    });
    // "各学会" is every society, not one unit: no participant.
    expect(plan.departments.map((d) => d.name)).not.toContain('各学会');
    expect(plan.warnings.filter((w) => w.code === 'LEAD_MISSING').map((w) => w.line)).toEqual([13]);
  });
});

describe('an implementation plan with goals in prose and tasks under sub-headings', () => {
  it('reads the notice, the period beside the title, a goal paragraph, tasks and guarantees', () => {
    const { plan } = parse('county-implementation-plan.txt');
    expect(verdict(plan)).toBe('complete');
    expect([plan.title, plan.metaSpans['period']!.quote, plan.issuer]).toEqual([
      '某某县全民科学素质行动实施方案',
      '（2021—2025年）',
      '某某县人民政府办公室',
    ]);
    const of = (kind: string) => plan.elements.filter((e) => e.kind === kind).map((e) => e.title);
    expect(of('Goal')).toEqual(['到2025年，全县公民具备科学素质的比例超过10%']);
    expect(of('Task')).toEqual([
      '将弘扬科学精神贯穿于育人全链条',
      '实施科技创新后备人才培育计划',
      '树立相信科学、和谐理性的思想观念',
    ]);
    expect(of('Guarantee')).toEqual(['组织保障', '经费保障']);
    expect(assignments(plan)).toEqual({ 1: ['县教育局'], 2: ['县科协', '县教育局'], 3: ['县农业农村局'] });
    expect(plan.warnings.find((w) => w.code === 'ITEMS_UNNUMBERED')!.line).toBe(23);
  });

  it('ends the notice at the first line of a plan title broken over two lines', () => {
    const { plan } = parse('title-over-two-lines.txt');
    expect(plan.title).toBe('某某区全力打造“科创之城”三年行动计划');
    expect(plan.elements.map((e) => e.number)).toEqual([1, 2]);
    expect(verdict(plan)).toBe('complete');
  });
});

describe('the notice and the plan apart', () => {
  it('does not take the notice’s own points for the plan, and reads the plan after its signature', () => {
    const { plan } = parse('notice-then-plan.txt');
    expect(plan.noticeTitle).toBe('示例学会办公厅关于印发《示例学会2024年工作要点》的通知');
    expect([plan.title, plan.issuer, plan.issuedDate]).toEqual([
      '示例学会2024年工作要点',
      '示例学会办公厅',
      '2024-02-01',
    ]);
    expect(plan.sections.map((s) => `${s.marker}${s.title}`)).toEqual([
      '一、强化思想政治引领',
      '二、推进学术建设',
    ]);
    expect(plan.span.line).toBe(15);
    expect(plan.preamble).toBe('2024年,示例学会将坚持服务为本,团结引领广大科技工作者。');
  });
});

describe('traditional characters', () => {
  it('reads a notice and plan in traditional characters, keeping the source’s characters everywhere', () => {
    const { plan, text } = parse('traditional-notice.txt');
    expect(verdict(plan)).toBe('complete');
    expect(plan.noticeTitle).toBe('中國科協辦公廳關於印發《2019年示例學會工作要點》的通知');
    expect([plan.title, plan.issuer, plan.issuedDate]).toEqual([
      '2019年示例學會工作要點',
      '中國科協辦公廳',
      '2019-03-01',
    ]);
    expect(plan.elements.map((e) => e.title)).toEqual(['加強理論學習', '深化學風建設', '推進學會治理']);
    expect(assignments(plan)).toEqual({
      1: ['組織人事部'],
      2: ['學術部', '科普部 (配合)', '辦公廳 (配合)'],
      3: ['學會部', '財務部 (责任)'],
    });
    expect(plan.departments.map((d) => d.id)).toEqual([
      'dept/組織人事部',
      'dept/學術部',
      'dept/科普部',
      'dept/辦公廳',
      'dept/學會部',
      'dept/財務部',
    ]);
    expect(plan.elements[1]!.text).toBe('深化學風建設。開展科學道德宣講。');
    for (const e of plan.elements) expect(text.slice(e.span.start, e.span.end)).toBe(e.span.quote);
    expect(text.slice(plan.span.start, plan.span.end)).toBe('2019年示例學會工作要點');
  });
});

describe('layouts that are not an outline', () => {
  it('refuses a task table with TABLE_LAYOUT at its header, not NO_PLAN or "the end of the text"', () => {
    const e = refused('table.txt');
    expect([e.code, e.line]).toEqual(['TABLE_LAYOUT', 3]);
    expect(e.found).toContain('a table: header');
  });

  it('refuses a file holding two plans with MULTIPLE_PLANS at the second one, rather than dropping it', () => {
    const e = refused('two-plans.txt');
    expect([e.code, e.line]).toEqual(['MULTIPLE_PLANS', 17]);
    expect(e.found).toContain("after the first plan's end at line 11");
  });

  it('refuses the seed written twice in one file', () => {
    const seed = readFileSync(new URL('../../seeds/cast-2018-reform-key-tasks.txt', import.meta.url), 'utf8');
    const twice = `${seed}\n${seed}`;
    let e: unknown = null;
    try {
      parsePlan(twice, sourceForText(twice, 'twice.txt'));
    } catch (x) {
      e = x;
    }
    expect(e).toBeInstanceOf(PlanParseError);
    expect((e as PlanParseError).code).toBe('MULTIPLE_PLANS');
  });
});

describe('a long flat list', () => {
  it('reads ten thousand tasks, task 10000 as 10000', () => {
    const lines = ['2020年示例市重点任务清单', '', '现将重点任务分解如下。', ''];
    for (let n = 1; n <= 10_000; n++) lines.push(`${n}.做好第${n}项工作。按期推进落实。(市政府办公室牵头)`);
    const text = lines.join('\n') + '\n';
    const seeds = loadSeedData();
    const doc = parseDocument(text, {
      planId: 'big',
      file: 'big.txt',
      genre: seeds.genre,
      departments: seeds.departments,
      knownFacts: {},
    });
    const tasks = doc.elements.filter((e) => e.kind === 'Task');
    expect(tasks).toHaveLength(10_000);
    expect(tasks.at(-1)!.number).toBe(10_000);
    expect(tasks.at(-1)!.marker).toBe('10000.');
    expect(tasks.at(-2)!.text).toBe('做好第9999项工作。按期推进落实。');
    expect(doc.leads).toHaveLength(10_000);
    expect(doc.complete).toBe(true);
  }, 60_000);
});
