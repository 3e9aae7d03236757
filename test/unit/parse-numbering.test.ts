/**
 * Damaged numbering, one small fixture per case (test/fixtures/numbering/). Each plan is read by
 * the same rules as the seed: the expected sequence, not the brackets, says what a number is.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parsePlan, sourceForText } from '../../src/ingest/index.ts';
import type { PlanModel } from '../../src/ingest/model.ts';

function load(name: string): { plan: PlanModel; text: string } {
  const text = readFileSync(fileURLToPath(new URL(`../fixtures/numbering/${name}`, import.meta.url)), 'utf8');
  return { plan: parsePlan(text, sourceForText(text, name), { planId: 'fx' }), text };
}
const subs = (p: PlanModel, task: number) => p.elements.filter((e) => e.parentId === `fx/task-${task}`);
const leads = (p: PlanModel, task: number) =>
  p.leads.filter((l) => l.taskId === `fx/task-${task}`).map((l) => l.span.quote);
const codes = (p: PlanModel) => p.warnings.map((w) => `${w.code}@${w.line}`);

function expectSpansExact(p: PlanModel, text: string): void {
  for (const s of [
    p.span,
    ...p.sections.map((x) => x.span),
    ...p.elements.flatMap((e) => [e.span, e.titleSpan, e.textSpan!]),
    ...p.leads.map((l) => l.span),
  ]) {
    expect(text.slice(s.start, s.end)).toBe(s.quote);
  }
}

describe('damaged numbering', () => {
  it('reads bare digits "1探索" as sub-items 1, 2, 3 and reports each repair', () => {
    const { plan, text } = load('bare-digit.txt');
    expect(subs(plan, 1).map((s) => [s.marker, s.title])).toEqual([
      ['1', '探索学术引领的有效渠道'],
      ['2', '创新学术交流的组织方式'],
      ['3', '建立学术交流质量评价机制'],
    ]);
    expect(subs(plan, 2).map((s) => s.marker)).toEqual(['1', '2']);
    expect(codes(plan)).toEqual([
      'NUMBER_REPAIRED@5',
      'NUMBER_REPAIRED@5',
      'NUMBER_REPAIRED@5',
      'NUMBER_REPAIRED@7',
      'NUMBER_REPAIRED@7',
    ]);
    expectSpansExact(plan, text);
  });

  it('reads "(2加快" (closing bracket lost) inline and as a task marker at the start of a line', () => {
    const { plan, text } = load('missing-close-bracket.txt');
    expect(subs(plan, 1).map((s) => [s.marker, s.title])).toEqual([
      ['(1)', '健全网上学会建设工作机制'],
      ['(2', '加快建好会员服务平台'],
      ['(3)', '建设在线学术资源库'],
    ]);
    const task2 = plan.elements.find((e) => e.id === 'fx/task-2')!;
    expect(task2).toMatchObject({ marker: '(2', number: 2, title: '加强人才举荐' });
    const w = plan.warnings.filter((x) => x.code === 'NUMBER_REPAIRED');
    expect(w.map((x) => x.line)).toEqual([5, 7]);
    expect(w[1]!.message).toContain('lacks its closing bracket');
    expectSpansExact(plan, text);
  });

  it('reads "6)完善" style markers (opening bracket lost) inline and at the start of a line', () => {
    const { plan } = load('missing-open-bracket.txt');
    expect(subs(plan, 1).map((s) => s.marker)).toEqual(['1)', '2)', '3)']);
    expect(subs(plan, 2).map((s) => s.title)).toEqual(['建立代表联络机制', '完善代表履职档案']);
    expect(plan.elements.find((e) => e.id === 'fx/task-2')).toMatchObject({
      marker: '2)',
      title: '完善干部联系制度',
    });
    expect(plan.warnings.filter((w) => w.message.includes('lacks its opening bracket'))).toHaveLength(6);
  });

  it('never takes a number inside an item for a marker (2018全国, 2035科技, “3+1”, 4个方面1970项, 2018年…)', () => {
    const { plan } = load('number-inside-item.txt');
    expect(subs(plan, 1).map((s) => s.text)).toEqual([
      '承办好2018全国双创周和系列巡回展示活动',
      '组织开展面向2035科技组织发展战略重大研究',
      '实施“3+1”试点工作。',
    ]);
    const g = plan.elements.filter((e) => e.kind === 'Guarantee');
    expect(g.map((e) => e.number)).toEqual([1, 2]);
    expect(g[0]!.text).toBe(
      '强化督察。紧盯4个方面1970项改革任务,对已完成的实现常态化推进。\n2018年以来已完成的改革任务要及时总结。',
    );
    expect(plan.warnings).toEqual([]);
  });

  it('finds sub-items written with no 具体包括, straight after the task sentence', () => {
    const { plan } = load('no-cue.txt');
    expect(subs(plan, 1).map((s) => [s.marker, s.title])).toEqual([
      ['1', '积极推送优秀人才到国际组织任职'],
      ['(2)', '推动成立国际科技组织'],
      ['3', '开展全球科学家对话'],
    ]);
    expect(plan.elements[0]!.title).toBe('拓展对外合作');
  });

  it('finds sub-items after "渠道具体包括" with no full stop before the cue', () => {
    const { plan } = load('cue-without-full-stop.txt');
    expect(plan.elements[0]!.title).toBe('强化基层基础,提升组织活力');
    expect(subs(plan, 1).map((s) => s.title)).toEqual(['修订《学会章程》', '指导分支机构完善实施细则']);
    expect(subs(plan, 1)[0]!.text).toBe('修订《学会章程》,明确职责任务');
  });

  it('splits two lead departments on 、 or 和, but keeps one unit whose name holds 和', () => {
    const { plan, text } = load('two-leads.txt');
    expect(leads(plan, 1)).toEqual(['办公厅', '信息中心']);
    expect(leads(plan, 2)).toEqual(['办公厅', '信息中心']);
    expect(leads(plan, 3)).toEqual(['人力资源和社会保障局']);
    expect(leads(plan, 4)).toEqual(['调宣部']);
    // A full stop after the marker is the marker's, not the text's.
    expect(plan.elements.find((e) => e.id === 'fx/task-2')!.text).toBe('完善信息化机制。推动数据共享。');
    expect(plan.departments.map((d) => d.id)).toEqual([
      'dept/办公厅',
      'dept/信息中心',
      'dept/人力资源和社会保障局',
      'dept/调宣部',
    ]);
    expectSpansExact(plan, text);
  });

  it('treats lines of a lone NBSP or ideographic spaces as blank and indentation as no part of the text', () => {
    const { plan, text } = load('nbsp-lines.txt');
    expect(plan.elements.map((e) => [e.id, e.title, e.span.line])).toEqual([
      ['fx/task-1', '强化学术引领', 9],
      ['fx/task-2', '加强科普服务', 13],
    ]);
    expect(plan.elements[0]!.span.quote.startsWith('1.')).toBe(true);
    expect(plan.warnings).toEqual([]);
    expectSpansExact(plan, text);
  });

  it('reads full-width and ASCII markers and punctuation mixed: （一） (二) １． 2. 1、 （１） (2) （3)', () => {
    const { plan, text } = load('width-mix.txt');
    expect(plan.sections.map((s) => s.marker)).toEqual(['一、', '（一）', '(二)', '二、']);
    expect(plan.elements.map((e) => [e.kind, e.marker, e.title])).toEqual([
      ['Principle', '１．', '坚持问题导向'],
      ['Principle', '2.', '坚持统筹协调'],
      ['Goal', '1、', '优化职能体系'],
      ['Task', '1.', '建设网上学会'],
      ['SubItem', '（１）', '健全工作机制'],
      ['SubItem', '(2)', '建设服务平台'],
      ['SubItem', '（3)', '建设学术资源库'],
    ]);
    expect(leads(plan, 1)).toEqual(['办公室']);
    expectSpansExact(plan, text);
  });

  it('reads a local plan\'s "牵头单位:" lines and keeps assignment lines out of the task text', () => {
    const { plan, text } = load('lead-line-local.txt');
    expect(plan.sections.map((s) => [s.id, s.itemKind])).toEqual([
      ['fx/sec-1', 'Task'],
      ['fx/sec-1/sec-1', 'Task'],
    ]);
    expect(leads(plan, 1)).toEqual(['组人部', '学会部']);
    expect(plan.leads[0]!.span.line).toBe(8);
    const t1 = plan.elements.find((e) => e.id === 'fx/task-1')!;
    expect(t1.text).toBe('推进企业科协建设。在规模以上企业推动建立企业科协。');
    expect(t1.span.quote.endsWith('完成时限：2019年12月底')).toBe(true);
    expect(leads(plan, 2)).toEqual(['科普部']);
    expect(plan.elements.find((e) => e.id === 'fx/task-2')!.text).toBe('建设科技工作者之家。完善服务阵地。');
    expect(plan.warnings).toEqual([{ code: 'LEAD_MISSING', message: 'task 3 names no lead unit', line: 14 }]);
    expectSpansExact(plan, text);
  });
});
