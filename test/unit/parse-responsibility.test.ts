/**
 * Forms of whole documents, one small hand-written text each, in the shapes of other levels than
 * the national corpus (city, county): the stated responsibility convention wherever it stands,
 * annotations in every position and of any length, collectives, the closing 组织实施 section, the
 * page's own title, documents of other kinds, and cuts inside a bracket, a quote or a list.
 */
import { describe, expect, it } from 'vitest';
import { parsePlan, PlanParseError, sourceForText } from '../../src/ingest/index.ts';
import type { PlanModel } from '../../src/ingest/model.ts';

const parse = (text: string, file = 'plan.txt'): PlanModel => parsePlan(text, sourceForText(text, file));

function refused(text: string, file = 'doc.txt'): PlanParseError {
  try {
    parse(text, file);
  } catch (e) {
    if (e instanceof PlanParseError) return e;
    throw e;
  }
  throw new Error('the text was not refused');
}

/** task number → "unit" for leads and "unit (role)" for participants, in text order. */
function units(plan: PlanModel): Record<number, string[]> {
  const out: Record<number, string[]> = {};
  const numberOf = (id: string) => plan.elements.find((e) => e.id === id)!.number;
  for (const l of plan.leads) (out[numberOf(l.taskId)] ??= []).push(l.span.quote);
  for (const p of plan.participations) (out[numberOf(p.taskId)] ??= []).push(`${p.span.quote} (${p.role})`);
  return out;
}

const count = (plan: PlanModel, kind: string) => plan.elements.filter((e) => e.kind === kind).length;
const codes = (plan: PlanModel) => plan.warnings.map((w) => w.code);

const CITY = [
  '某市优化营商环境实施方案',
  '为进一步优化营商环境，制定本方案。各项任务中排在第一位的单位为牵头单位，其他为参与单位。',
  '一、重点任务',
  '1.压缩企业开办时间。推行企业开办全程网上办。（市市场监管局、市政务服务中心、市税务局负责）',
  '2.优化不动产登记。推进登记、交易和缴税一窗受理（市自然资源局、市住房城乡建设局、市税务局、市财政局、市公安局、市民政局、市司法局和市档案馆负责）',
  '3.提升跨境贸易便利化水平。压缩通关时间。（市商务局会同有关部门负责）',
  '4.加强政务诚信建设。（市发展改革委、各区人民政府负责）',
  '二、组织实施',
  '（一）加强组织领导。各单位要明确责任分工。',
  '（二）强化督查考核。将落实情况纳入年度考核。',
].join('\n');

describe('the responsibility convention', () => {
  it('stated in the preamble governs every annotation: the first unit leads, the others take part (参与)', () => {
    const plan = parse(CITY);
    const c = plan.responsibilityConvention!;
    expect([c.rule, c.span.quote, c.span.line]).toEqual(['FIRST_LEADS', '排在第一位的单位为牵头单位', 2]);
    expect(units(plan)).toEqual({
      1: ['市市场监管局', '市政务服务中心 (参与)', '市税务局 (参与)'],
      // Eight units joined by 、 and 和, the annotation after the last sentence without a full stop.
      2: [
        '市自然资源局',
        '市住房城乡建设局 (参与)',
        '市税务局 (参与)',
        '市财政局 (参与)',
        '市公安局 (参与)',
        '市民政局 (参与)',
        '市司法局 (参与)',
        '市档案馆 (参与)',
      ],
      // "X会同有关部门": the collective is no unit.
      3: ['市商务局'],
      // 各区人民政府 is every district, not a department.
      4: ['市发展改革委'],
    });
    expect(codes(plan)).not.toContain('LEADS_BY_LIST');
  });

  it('stated inside the first annotation ("…负责。列第一位者为牵头单位，下同") covers it and every later one', () => {
    const text = [
      '某县农业机械化发展实施意见',
      '一、主要任务',
      '（一）推进全程机械化。加快补齐薄弱环节。（县农业农村局、县财政局、县发展改革局等负责。列第一位者为牵头单位，下同）',
      '（二）培育服务组织。发展农机合作社。（县农业农村局、县市场监管局负责）',
    ].join('\n');
    const plan = parse(text);
    expect(plan.responsibilityConvention?.span.quote).toBe('列第一位者为牵头单位，下同');
    expect(units(plan)).toEqual({
      1: ['县农业农村局', '县财政局 (参与)', '县发展改革局 (参与)'],
      2: ['县农业农村局', '县市场监管局 (参与)'],
    });
  });

  it('not stated: every unit of a "负责" annotation leads, and a warning says the document gave no rule', () => {
    const plan = parse(CITY.replace('各项任务中排在第一位的单位为牵头单位，其他为参与单位。', ''));
    expect(plan.responsibilityConvention).toBeNull();
    expect(units(plan)[1]).toEqual(['市市场监管局', '市政务服务中心', '市税务局']);
    expect(plan.participations).toHaveLength(0);
    const w = plan.warnings.find((x) => x.code === 'LEADS_BY_LIST')!;
    expect(w.line).toBe(4);
    expect(w.message).toContain(
      'every unit named in an annotation like "（市市场监管局、市政务服务中心、市税务局负责）"',
    );
  });

  it('gathers the annotations written after different sentences of one task, each unit once', () => {
    const text = [
      '某市体育产业发展实施意见',
      '一、重点任务',
      '（一）丰富赛事活动。培育品牌赛事。（市体育局、市文化广电旅游局负责）完善场馆设施。（市体育局、市住房城乡建设局负责）',
      '（二）壮大市场主体。扶持骨干企业。（市体育局负责）',
    ].join('\n');
    expect(units(parse(text))).toEqual({
      1: ['市体育局', '市文化广电旅游局', '市住房城乡建设局'],
      2: ['市体育局'],
    });
  });
});

describe('kinds of the closing and opening parts', () => {
  it('reads the closing section about carrying the plan out as guarantees, however its heading is worded', () => {
    const plan = parse(CITY);
    expect([count(plan, 'Task'), count(plan, 'Guarantee')]).toEqual([4, 2]);
    const text = CITY.replace('二、组织实施', '二、切实抓好贯彻落实');
    expect(count(parse(text), 'Guarantee')).toBe(2);
  });

  it('reads unheaded paragraphs after the last item on carrying the plan out as guarantees, a repeal clause as text', () => {
    const text = [
      '某县关于加快发展农村电商的若干措施',
      '一、完善基础设施',
      '（一）建设县级电商服务中心。整合快递物流资源。',
      '到2021年底覆盖所有行政村。',
      '二、培育市场主体',
      '（二）扶持电商企业。对年销售额超过500万元的企业给予奖励。',
      '奖励资金由县财政统筹安排。',
      '各镇（街道）、各有关部门要加强组织领导，明确责任分工，抓好落实，确保各项措施落到实处。',
      '县商务局要会同有关部门加强督促检查，每半年向县政府报告一次进展情况。',
      '本措施自印发之日起施行，《某县促进电子商务发展的意见》同时废止。',
    ].join('\n');
    const plan = parse(text);
    expect([count(plan, 'Task'), count(plan, 'Guarantee')]).toEqual([2, 2]);
    // The task keeps its own continuation paragraph; the closing part starts where carrying out is spoken of.
    expect(plan.elements.find((e) => e.kind === 'Task' && e.number === 2)!.text).toBe(
      '扶持电商企业。对年销售额超过500万元的企业给予奖励。\n奖励资金由县财政统筹安排。',
    );
    expect(plan.elements.filter((e) => e.kind === 'Guarantee').map((e) => e.span.line)).toEqual([8, 9]);
    const closing = plan.sections.find((sec) => sec.itemKind === 'Guarantee')!;
    expect([closing.marker, closing.title, closing.closingSpan?.line]).toEqual(['', '', 10]);
    expect(closing.closingText).toBe('本措施自印发之日起施行，《某县促进电子商务发展的意见》同时废止。');
    expect(codes(plan)).not.toContain('TEXT_UNACCOUNTED');
    // Where a guarantee section is written, the paragraphs after its last item stay in it.
    const headed = text.replace('各镇（街道）', '三、组织实施\n（三）明确分工。各镇（街道）');
    expect(count(parse(headed), 'Guarantee')).toBe(1);
  });

  it('reads a closing part of several headings after the task sections (组织形式, 工作安排) as guarantees', () => {
    const text = [
      '某省药品集中采购试点方案',
      '一、具体措施',
      '（一）落实采购数量。医疗机构优先使用中选药品。',
      '（二）做好医保支付。医保经办机构按时结算货款。',
      '二、组织形式',
      '（一）成立试点工作小组。由省医保局、省卫生健康委组成，领导试点工作。',
      '（二）成立采购办公室。负责组织实施集中采购。采购办公室下设两个组。',
      '1.监督组。负责监督采购工作。',
      '2.专家组。负责提供技术咨询。',
      '三、工作安排',
      '采购办公室汇总用量信息，发布采购公告，督促试点地区执行采购结果。',
    ].join('\n');
    const plan = parse(text);
    expect([count(plan, 'Task'), count(plan, 'Guarantee'), count(plan, 'SubItem')]).toEqual([2, 3, 0]);
    expect(plan.elements.filter((e) => e.kind === 'Guarantee').map((e) => e.title)).toEqual([
      '成立试点工作小组',
      '成立采购办公室',
      '采购办公室汇总用量信息，发布采购公告，督促试点地区执行采购结果',
    ]);
    // A heading of work whose items name their leads stays tasks, even when its words speak of 落实:
    // its (一), and the 1., 2. under the sub-heading (二), beside the 2 tasks of 一.
    const work = text
      .replace('二、组织形式', '二、抓好改革落实')
      .replace('领导试点工作。', '领导试点工作。（省医保局负责）');
    expect([count(parse(work), 'Task'), count(parse(work), 'Guarantee')]).toEqual([5, 1]);
  });

  it('reads goals and principles written on the heading line, and 坚持… paragraphs under 总体要求', () => {
    const text = [
      '某区教育发展行动方案',
      '一、总体要求',
      '以新时代中国特色社会主义思想为指导。',
      '坚持公益普惠。扩大优质资源。',
      '坚持改革创新。激发办学活力。',
      '（一）工作目标。到2025年，学前教育普及普惠。',
      '（二）基本原则。一是坚持统筹规划。二是坚持分类施策。三是坚持规范管理。',
      '二、重点任务',
      '1.扩大学位供给。新建幼儿园3所。（区教育局负责）',
    ].join('\n');
    const plan = parse(text);
    expect([count(plan, 'Principle'), count(plan, 'Goal'), count(plan, 'Task')]).toEqual([5, 1, 1]);
    expect(plan.elements.filter((e) => e.kind === 'Principle').map((e) => e.title)).toEqual([
      '坚持公益普惠',
      '坚持改革创新',
      '一是坚持统筹规划',
      '二是坚持分类施策',
      '三是坚持规范管理',
    ]);
  });
});

describe('the title', () => {
  it('is the page title on line 1 when it is printed again below broken over lines', () => {
    const text = [
      '某省人民政府办公厅关于加快发展现代物流业的实施意见',
      '某省人民政府办公厅关于加快',
      '发展现代物流业的实施意见',
      '某政办发〔2020〕5号',
      '一、重点任务',
      '（一）完善物流网络。建设物流枢纽。（省发展改革委负责）',
      '（二）降低物流成本。清理不合理收费。（省交通运输厅负责）',
      '某省人民政府办公厅',
      '2020年3月1日',
      '（此件公开发布）',
    ].join('\n');
    const plan = parse(text);
    expect(plan.title).toBe('某省人民政府办公厅关于加快发展现代物流业的实施意见');
  });
});

describe('documents of another kind', () => {
  it('refuses a 批复 with numbered points, naming its kind', () => {
    const e = refused(
      [
        '某省人民政府关于某市城市总体规划的批复',
        '某市人民政府：',
        '你市《关于报请审批城市总体规划的请示》收悉。现批复如下：',
        '一、原则同意《某市城市总体规划》。',
        '二、加强生态保护。',
        '三、完善基础设施。',
      ].join('\n'),
    );
    expect([e.code, e.line]).toEqual(['NOT_A_PLAN_APPROVAL', 1]);
    expect(e.found).toBe(
      'a 批复: its title "某省人民政府关于某市城市总体规划的批复" ends with 的批复. A 批复 is not a plan and holds no tasks to load; if a plan goes with it, load the plan\'s own text',
    );
  });

  it('refuses a text of articles (第一条 …) as a regulation even when its title names no kind', () => {
    const e = refused(
      [
        '某市物业管理办法',
        '第一条 为了规范物业管理，制定本办法。',
        '第二条 本办法适用于本市。',
        '第三条 市住房城乡建设局负责监督管理。',
      ].join('\n'),
    );
    expect([e.code, e.line]).toEqual(['NOT_A_PLAN_REGULATION', 2]);
  });

  it('reads a 决定 that attaches an 实施方案 as the plan it carries', () => {
    const text = [
      '某市人民政府关于开展城市更新行动的决定',
      '各区人民政府：',
      '市政府决定开展城市更新行动。',
      '附件：某市城市更新行动实施方案',
      '某市城市更新行动实施方案',
      '一、重点任务',
      '（一）改造老旧小区。（市住房城乡建设局负责）',
      '（二）完善公共设施。（市城市管理局负责）',
    ].join('\n');
    const plan = parse(text);
    expect(count(plan, 'Task')).toBe(2);
  });
});

describe('cuts', () => {
  const head = ['某市就业促进工作要点', '一、重点任务'];
  it('a last item ending "；" is a list cut short', () => {
    const e = refused(
      [...head, '1.稳定就业岗位。落实援企稳岗政策；', '2.扩大就业渠道。支持自主创业；'].join('\n'),
    );
    expect([e.code, e.line, e.found]).toEqual([
      'TRUNCATED',
      4,
      'the text stopping after a list item ending "；": "扩大就业渠道。支持自主创业；"',
    ]);
  });

  it('a text ending inside an open quote or bracket is cut there', () => {
    const q = refused([...head, '1.稳定就业岗位。实施“稳岗行动。'].join('\n'));
    expect([q.code, q.line, q.found]).toEqual([
      'TRUNCATED',
      3,
      'the text stopping inside an open “: "稳定就业岗位。实施“稳岗行动。"',
    ]);
    const b = refused([...head, '1.稳定就业岗位。落实政策。（市人力资源社会保障局、市财'].join('\n'));
    expect([b.code, b.line]).toEqual(['TRUNCATED', 3]);
    expect(b.found.startsWith('the text stopping inside an open （')).toBe(true);
  });
});
