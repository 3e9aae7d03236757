/**
 * The seed plan as captured (seeds/cast-2018-reform-key-tasks.txt): every count, lead, sub-item
 * and metadata value below was read off the text by hand, not copied from the parser's output.
 */
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { parsePlan, readPlanFile } from '../../src/ingest/index.ts';
import type { PlanModel, Span } from '../../src/ingest/model.ts';

const SEED = fileURLToPath(new URL('../../seeds/cast-2018-reform-key-tasks.txt', import.meta.url));
const { text, source } = readPlanFile(SEED);
const plan: PlanModel = parsePlan(text, source);
const el = (id: string) => plan.elements.find((e) => e.id === `cast-2018/${id}`)!;
const ofKind = (k: string) => plan.elements.filter((e) => e.kind === k);

describe('the seed plan: source and id', () => {
  it('takes its id and page URL from the seeds manifest', () => {
    expect(plan.id).toBe('cast-2018');
    expect(plan.source).toEqual({
      file: 'cast-2018-reform-key-tasks.txt',
      sha256: 'c711c0f489a58a4ed4e66e76def467ecec36077b38e7bfa1eeb4e63f778bba21',
      url: 'https://cstam.org.cn/article/109057518522868756.html',
      bytes: 16281,
      encoding: 'utf-8',
    });
  });
});

describe('the seed plan: outline', () => {
  it('counts 4 principles, 3 goals, 10 tasks, 48 sub-items and 3 guarantees', () => {
    expect(ofKind('Principle')).toHaveLength(4);
    expect(ofKind('Goal')).toHaveLength(3);
    expect(ofKind('Task')).toHaveLength(10);
    expect(ofKind('SubItem')).toHaveLength(48);
    expect(ofKind('Guarantee')).toHaveLength(3);
  });

  it('builds the section hierarchy 一、(一)(二) / 二、 / 三、 with the kinds genre.json names', () => {
    expect(plan.sections.map((s) => [s.id, s.level, s.marker, s.title, s.parentId, s.itemKind])).toEqual([
      ['cast-2018/sec-1', 1, '一、', '总体要求', null, null],
      ['cast-2018/sec-1/sec-1', 2, '(一)', '工作原则', 'cast-2018/sec-1', 'Principle'],
      ['cast-2018/sec-1/sec-2', 2, '(二)', '主要目标', 'cast-2018/sec-1', 'Goal'],
      ['cast-2018/sec-2', 1, '二、', '重点任务', null, 'Task'],
      ['cast-2018/sec-3', 1, '三、', '组织保障', null, 'Guarantee'],
    ]);
    expect(plan.sections.map((s) => s.span.line)).toEqual([30, 34, 44, 52, 76]);
  });

  it('places each element in its section and each sub-item under its task', () => {
    expect(new Set(ofKind('Principle').map((e) => e.sectionId))).toEqual(new Set(['cast-2018/sec-1/sec-1']));
    expect(new Set(ofKind('Goal').map((e) => e.sectionId))).toEqual(new Set(['cast-2018/sec-1/sec-2']));
    expect(new Set(ofKind('Task').map((e) => e.sectionId))).toEqual(new Set(['cast-2018/sec-2']));
    expect(new Set(ofKind('Guarantee').map((e) => e.sectionId))).toEqual(new Set(['cast-2018/sec-3']));
    for (const s of ofKind('SubItem')) {
      expect(s.id.startsWith(`${s.parentId}/item-`)).toBe(true);
      expect(s.sectionId).toBe('cast-2018/sec-2');
    }
    expect(plan.elements.map((e) => e.order)).toEqual(plan.elements.map((_, i) => i));
  });

  it('titles elements by their lead phrase', () => {
    expect(ofKind('Principle').map((e) => e.title)).toEqual([
      '坚持改革创新',
      '坚持问题导向',
      '坚持有效推进',
      '坚持统筹协调',
    ]);
    expect(ofKind('Goal').map((e) => e.title)).toEqual(['优化职能体系', '推动创新发展', '提升组织活力']);
    expect(ofKind('Guarantee').map((e) => e.title)).toEqual([
      '统一调度、抓好协同',
      '强化督察、推进落实',
      '深化调研、激励创新',
    ]);
    expect(el('task-6').title).toBe('强化基层基础,提升组织活力');
    expect(el('task-10').title).toBe('拓展对外合作,发挥民间科技人文交流主渠道作用');
  });

  it('keeps 一、总体要求 intro text and 二、 closing remark apart from any item', () => {
    expect(plan.sections[0]!.text.startsWith('党的十九大对深化改革作出系统部署')).toBe(true);
    expect(plan.sections[0]!.textSpan!.line).toBe(32);
    const tasks = plan.sections[3]!;
    expect(tasks.text).toBe('');
    expect(tasks.closingText).toBe(
      '以上10项改革任务,由各牵头部门会同相关部门进一步细化目标任务、进度计划、预期效果。',
    );
    expect(tasks.closingSpan!.line).toBe(74);
    expect(el('task-10').text).not.toContain('以上10项');
  });
});

describe('the seed plan: tasks and their leads', () => {
  const leadsOf = (n: number) =>
    plan.leads.filter((l) => l.taskId === `cast-2018/task-${n}`).map((l) => l.departmentId);

  it('gives every task its lead department(s); task 4 has two', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map(leadsOf)).toEqual([
      ['dept/调宣部'],
      ['dept/计财部'],
      ['dept/组人部'],
      ['dept/办公厅', 'dept/信息中心'],
      ['dept/学会部'],
      ['dept/组人部'],
      ['dept/学会部'],
      ['dept/调宣部'],
      ['dept/科普部'],
      ['dept/国际部'],
    ]);
    for (const l of plan.leads) expect(l.span.line).toBe(Number(/task-(\d+)$/.exec(l.taskId)![1]) * 2 + 52);
  });

  it('lists each department once, with a full name only where seeds/departments.json has a source', () => {
    expect(plan.departments.map((d) => d.name)).toEqual([
      '调宣部',
      '计财部',
      '组人部',
      '办公厅',
      '信息中心',
      '学会部',
      '科普部',
      '国际部',
    ]);
    const d = (n: string) => plan.departments.find((x) => x.name === n)!;
    expect(d('调宣部')).toMatchObject({ id: 'dept/调宣部', fullName: '调研宣传部' });
    expect(d('调宣部').fullNameSource).toMatch(/^https?:\/\//);
    expect(d('计财部')).toMatchObject({ fullName: null, fullNameSource: null });
  });

  it('keeps the lead marker out of the task text and out of its last sub-item', () => {
    for (const e of plan.elements) expect(e.text).not.toMatch(/[(（][^()（）]*牵头[)）]/);
    expect(el('task-1').text.endsWith('提供定制化宣传服务。')).toBe(true);
    expect(el('task-4').text.endsWith('提高学术交流时效性和针对性')).toBe(true);
    expect(el('task-4/item-4').text).toBe('以互联网思维深化学术交流方式创新,提高学术交流时效性和针对性');
    // ...while the task's span still covers the marker.
    expect(el('task-4').span.quote.endsWith('(办公厅、信息中心牵头)')).toBe(true);
  });
});

describe('the seed plan: sub-items', () => {
  // [task, marker as it survived, first words] — read off lines 54–72 of the seed.
  const TABLE: [number, string, string][] = [
    [1, '1', '探索通过学术引领'],
    [1, '2', '创新讲述习近平总书记'],
    [1, '3', '实施科学精神弘扬行动'],
    [1, '(4)', '加强科研诚信建设'],
    [1, '5', '探索建设“中央厨房”'],
    [2, '1', '研究制定中国科协事业发展'],
    [2, '2', '前瞻布局谋划'],
    [3, '1', '加强对机构改革工作'],
    [3, '(2)', '深入调研机构职能'],
    [4, '1', '健全智慧科协建设'],
    [4, '(2', '加快建好科技工作者之家网'],
    [4, '(3)', '建设在线世界科技文献数据库'],
    [4, '(4)', '以互联网思维深化'],
    [5, '1', '与有条件的省级党委政府'],
    [5, '(2)', '承办好2018全国双创周'],
    [5, '(3', '实施区域创新引领'],
    [5, '(4)', '推动绿色开源共享服务平台'],
    [5, '(5)', '探索成立服务新经济组织'],
    [6, '1', '修订《中国科学技术协会章程》'],
    [6, '(2)', '指导推动地方科协'],
    [6, '(3', '开展提升基层科协组织力“3+1”试点'],
    [6, '(4', '大力加强高校、企业'],
    [6, '(5', '建设全国科协基层组织网'],
    [6, '6)', '完善科协干部直接联系'],
    [7, '1', '紧扣学会秘书处实体化建设'],
    [7, '(2)', '适应新一轮机构改革需要'],
    [7, '(3)', '加强青年人才托举工作'],
    [7, '(4)', '打造世界一流期刊'],
    [7, '(5)', '培育若干具有世界影响'],
    [7, '(6)', '推出若干具有国际影响力'],
    [7, '(7)', '积极推动学术成果评价'],
    [8, '(1)', '实施智库组织驱动工程'],
    [8, '2', '建立双专业反馈'],
    [8, '3', '建立直接联系专业领域'],
    [8, '4', '实施技术预见研究计划'],
    [8, '5', '精心培育“中国科技论坛”'],
    [9, '(1)', '深入实施全民科学素质'],
    [9, '(2)', '发布中国公民科学素质白皮书'],
    [9, '(3)', '加强科普中国品牌引领'],
    [9, '(4)', '创新升级中国特色'],
    [9, '(5)', '服务乡村振兴战略实施'],
    [9, '(6)', '召开首届世界公众'],
    [9, '(7)', '推进中国科学文化传媒集团建设'],
    [10, '1', '积极培养推送优秀人才'],
    [10, '(2)', '推动成立国际民间科技组织'],
    [10, '(3)', '实施全球科技组织伙伴计划'],
    [10, '4', '开展全球科学家高层对话'],
    [10, '(5)', '成立中国科技战略委员会'],
  ];

  it('counts the sub-items of each task: 5 2 2 4 5 6 7 5 7 5', () => {
    const counts = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map(
      (n) => ofKind('SubItem').filter((s) => s.parentId === `cast-2018/task-${n}`).length,
    );
    expect(counts).toEqual([5, 2, 2, 4, 5, 6, 7, 5, 7, 5]);
  });

  it('reads every sub-item by the expected sequence, whatever brackets survived', () => {
    const subs = ofKind('SubItem');
    expect(subs).toHaveLength(TABLE.length);
    TABLE.forEach(([task, marker, first], k) => {
      const s = subs[k]!;
      expect(s.parentId).toBe(`cast-2018/task-${task}`);
      expect(s.marker).toBe(marker);
      expect(s.text.startsWith(first)).toBe(true);
      expect(s.id).toBe(`cast-2018/task-${task}/item-${s.number}`);
    });
  });

  it('titles a sub-item by its first clause', () => {
    expect(el('task-4/item-2').title).toBe('加快建好科技工作者之家网——“科界”');
    expect(el('task-6/item-1').title).toBe('修订《中国科学技术协会章程》');
    expect(el('task-1/item-4').title).toBe('加强科研诚信建设');
  });

  it('never splits on numbers inside an item (2018全国, 2035科技, “3+1”)', () => {
    expect(el('task-5/item-2').text.startsWith('承办好2018全国双创周和“创响中国”')).toBe(true);
    expect(el('task-2/item-2').text).toBe('前瞻布局谋划,组织开展面向2035科技组织发展战略重大研究。');
    expect(el('task-6/item-3').text).toContain('“3+1”试点工作');
    expect(Math.max(...ofKind('SubItem').map((s) => s.number))).toBe(7);
  });

  it('finds task 10 sub-items without 具体包括 and task 6 sub-items after a cue with no full stop', () => {
    expect(el('task-10/item-1').text.startsWith('积极培养推送优秀人才')).toBe(true);
    expect(el('task-10').title).not.toContain('积极培养');
    expect(el('task-6/item-1').span.start).toBeGreaterThan(text.indexOf('渠道具体包括'));
  });

  it('reports each repaired marker with its line', () => {
    const repaired = plan.warnings.filter((w) => w.code === 'NUMBER_REPAIRED');
    const damaged = TABLE.filter(([, m]) => !/^\(\d+\)$/.test(m));
    expect(repaired).toHaveLength(damaged.length);
    expect(repaired.find((w) => w.message.includes('"(2"'))).toMatchObject({ line: 60 });
    expect(repaired.find((w) => w.message.includes('"6)"'))).toMatchObject({ line: 64 });
  });
});

describe('the seed plan: page chrome stays out', () => {
  it('makes no section or element of navigation, contact block, link list or footer', () => {
    const CHROME = [
      '联系我们',
      '电话',
      '传真',
      '相关链接',
      'Copyright',
      '首页 >',
      '团体会员',
      '力学',
      '发布日期',
      '抄送',
      '印发',
    ];
    const texts = [
      ...plan.sections.flatMap((s) => [s.title, s.text, s.closingText ?? '', s.span.quote]),
      ...plan.elements.flatMap((e) => [e.title, e.text, e.span.quote]),
    ];
    for (const word of CHROME) for (const t of texts) expect(t).not.toContain(word);
    const lastLine = Math.max(...plan.elements.map((e) => e.span.line));
    expect(lastLine).toBe(82);
  });
});

describe('the seed plan: metadata', () => {
  it('reads title, notice, issuer, dates, approval, addressees, copy list and preamble', () => {
    expect(plan.title).toBe('2018年科协系统深化改革重点任务');
    expect(plan.span).toMatchObject({ line: 26, quote: '2018年科协系统深化改革重点任务' });
    // Normalised value (the stray space removed); the span keeps the raw quote.
    expect(plan.noticeTitle).toBe('中国科协办公厅关于印发《2018年科协系统深化改革重点任务》的通知');
    expect(plan.metaSpans.noticeTitle!.quote).toBe(
      '中国科协办公厅关于印发《2018年科协系统 深化改革重点任务》的通知',
    );
    expect(plan.issuer).toBe('中国科协办公厅');
    expect(plan.publishedDate).toBe('2018-04-13');
    expect(plan.issuedDateRaw).toBe('201842');
    expect(plan.issuedDate).toBeNull();
    expect(plan.approvedBy).toBe('中国科协深化改革领导小组第二次会议');
    expect(plan.addressees).toEqual(['机关各部门', '各直属单位']);
    expect(plan.copyTo).toEqual([
      '各全国学会、协会、研究会',
      '各省、自治区、直辖市、副省级城市科协',
      '新疆生产建设兵团科协',
    ]);
    expect(plan.preamble.startsWith('根据党的十九大、十九届一中、二中、三中全会精神')).toBe(true);
    expect(plan.preamble.endsWith('提出2018年科协系统深化改革重点任务如下。')).toBe(true);
  });

  it('puts every metadata field where it was read', () => {
    const lines = Object.fromEntries(Object.entries(plan.metaSpans).map(([k, s]) => [k, s.line]));
    expect(lines).toEqual({
      noticeTitle: 7,
      publishedDate: 9,
      addressees: 11,
      approvedBy: 13,
      issuer: 21,
      issuedDate: 23,
      preamble: 28,
      copyTo: 86,
    });
    expect(plan.metaSpans.copyTo!.quote).toContain('副省级城\n\n市科协');
  });

  it('leaves the unreadable issue date null with a warning, and never invents it from the text', () => {
    const w = plan.warnings.find((x) => x.code === 'DATE_UNRECOVERABLE')!;
    expect(w.line).toBe(23);
    expect(w.message).toContain('"201842"');
    expect(w.message).toContain('seeds/README.md');
  });
});

describe('the seed plan: spans', () => {
  const all: [string, Span][] = [
    ['plan', plan.span],
    ...Object.entries(plan.metaSpans),
    ...plan.sections.flatMap((s): [string, Span][] => [
      [s.id, s.span],
      ...(s.textSpan ? [[`${s.id} text`, s.textSpan] as [string, Span]] : []),
      ...(s.closingSpan ? [[`${s.id} closing`, s.closingSpan] as [string, Span]] : []),
    ]),
    ...plan.elements.flatMap((e): [string, Span][] => [
      [e.id, e.span],
      [`${e.id} title`, e.titleSpan],
      [`${e.id} text`, e.textSpan!],
    ]),
    ...plan.leads.map((l): [string, Span] => [`${l.taskId} lead`, l.span]),
  ];

  it('gives every span a quote equal to the slice it names, on the right line', () => {
    const lineOf = (offset: number) => text.slice(0, offset).split('\n').length;
    for (const [what, s] of all) {
      expect(text.slice(s.start, s.end), what).toBe(s.quote);
      expect(s.line, what).toBe(lineOf(s.start));
    }
  });

  it("keeps each element's title and text inside its span, and its text equal to its text span", () => {
    for (const e of plan.elements) {
      expect(e.titleSpan.start).toBeGreaterThanOrEqual(e.span.start);
      expect(e.titleSpan.end).toBeLessThanOrEqual(e.span.end);
      expect(e.textSpan!.quote).toBe(e.text);
      expect(e.span.quote.startsWith(e.marker)).toBe(true);
    }
  });
});

describe('the seed plan with CRLF line ends', () => {
  it('reads the same outline, with spans into the CRLF text', () => {
    const crlf = text.replace(/\n/g, '\r\n');
    const p = parsePlan(crlf, { ...source, sha256: '0'.repeat(64) }, { planId: 'cast-2018' });
    expect(p.elements.map((e) => [e.id, e.title, e.span.line])).toEqual(
      plan.elements.map((e) => [e.id, e.title, e.span.line]),
    );
    expect(p.leads.map((l) => l.departmentId)).toEqual(plan.leads.map((l) => l.departmentId));
    for (const e of p.elements) expect(crlf.slice(e.span.start, e.span.end)).toBe(e.span.quote);
    expect(p.copyTo).toEqual(plan.copyTo);
  });
});
