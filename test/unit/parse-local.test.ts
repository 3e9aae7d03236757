/**
 * A second plan of the genre (test/fixtures/plans/local-2019-tasks.txt): a local 工作要点 with all
 * four rungs 一、/(一)/1./(1), "牵头单位:" lines, tasks numbered on across sub-headings, and a
 * department (组人部) shared with the seed plan.
 */
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { parsePlan, readPlanFile } from '../../src/ingest/index.ts';

const FILE = fileURLToPath(new URL('../fixtures/plans/local-2019-tasks.txt', import.meta.url));
const { text, source } = readPlanFile(FILE);
const plan = parsePlan(text, source);

describe('a local 工作要点 beside the seed', () => {
  it('takes its id from the seeds manifest', () => {
    expect(plan.id).toBe('local-2019');
    expect(plan.source.url).toBeNull();
  });

  it('reads its notice', () => {
    expect(plan).toMatchObject({
      title: '2019年市科协深化改革工作要点',
      noticeTitle: '青禾市科协关于印发《2019年市科协深化改革工作要点》的通知',
      issuer: '青禾市科协办公室',
      issuedDate: '2019-03-08',
      issuedDateRaw: '2019年3月8日',
      publishedDate: '2019-03-12',
      approvedBy: '市科协八届五次常委会议',
      addressees: ['机关各部门', '各直属单位', '各区县科协'],
      copyTo: ['市委组织部', '市委宣传部'],
    });
    expect(plan.preamble).toBe(
      '2019年是市科协深化改革的攻坚之年。为推动改革任务落地见效,现提出如下工作要点。',
    );
  });

  it('builds sections on two rungs and tasks numbered on from (一) to (二)', () => {
    expect(plan.sections.map((s) => [s.id, s.title, s.itemKind])).toEqual([
      ['local-2019/sec-1', '总体要求', null],
      ['local-2019/sec-2', '重点任务', 'Task'],
      ['local-2019/sec-2/sec-1', '扩大有效覆盖', 'Task'],
      ['local-2019/sec-2/sec-2', '建设网上科协', 'Task'],
      ['local-2019/sec-3', '保障措施', 'Guarantee'],
    ]);
    expect(plan.elements.filter((e) => e.kind === 'Task').map((e) => [e.id, e.sectionId])).toEqual([
      ['local-2019/task-1', 'local-2019/sec-2/sec-1'],
      ['local-2019/task-2', 'local-2019/sec-2/sec-1'],
      ['local-2019/task-3', 'local-2019/sec-2/sec-2'],
    ]);
  });

  it("takes the (1) lines under task 1 as its sub-items, the lead line after them as the task's", () => {
    const subs = plan.elements.filter((e) => e.parentId === 'local-2019/task-1');
    expect(subs.map((s) => [s.marker, s.text, s.span.line])).toEqual([
      ['(1)', '在全市规模以上企业推动建立企业科协', 28],
      ['(2)', '在高校、科研院所建立和完善科协组织', 29],
      ['(3)', '探索在园区、楼宇建立科技工作者联络站。', 30],
    ]);
    const leads = plan.leads.map((l) => [l.taskId, l.departmentId, l.span.line]);
    expect(leads).toEqual([
      ['local-2019/task-1', 'dept/青禾市科协/组人部', 31],
      ['local-2019/task-2', 'dept/青禾市科协/学会部', 35],
      ['local-2019/task-2', 'dept/青禾市科协/科普部', 35],
      ['local-2019/task-3', 'dept/青禾市科协/信息中心', 40],
    ]);
    for (const e of plan.elements) expect(e.text).not.toMatch(/单位[:：]|完成时限/);
  });

  it('reads (一)(二) under 保障措施 as guarantees', () => {
    expect(plan.elements.filter((e) => e.kind === 'Guarantee').map((e) => [e.id, e.marker, e.title])).toEqual(
      [
        ['local-2019/guarantee-1', '(一)', '加强组织领导'],
        ['local-2019/guarantee-2', '(二)', '强化督查考核'],
      ],
    );
  });

  it('mentions “四服务” in its text; its 组人部 is the city association’s, not the seed’s', () => {
    expect(plan.sections[0]!.text).toContain('“四服务”');
    expect(plan.elements.find((e) => e.id === 'local-2019/task-3')!.text).toContain('“四服务”');
    // Issued by 青禾市科协办公室: its units belong to 青禾市科协, not to 中国科协 (the seed's dept/组人部).
    expect(plan.departmentScope).toBe('青禾市科协');
    expect(plan.departments.find((d) => d.name === '组人部')).toMatchObject({
      id: 'dept/青禾市科协/组人部',
      scope: '青禾市科协',
    });
    expect(plan.departments.find((d) => d.id === 'dept/组人部')).toBeUndefined();
  });

  it('stops before the imprint and the footer, with nothing to warn about', () => {
    for (const e of plan.elements) expect(e.span.quote).not.toMatch(/抄送|联系我们|网站地图/);
    expect(plan.warnings).toEqual([]);
    for (const s of [
      ...plan.elements.flatMap((e) => [e.span, e.titleSpan]),
      ...Object.values(plan.metaSpans),
    ]) {
      expect(text.slice(s.start, s.end)).toBe(s.quote);
    }
  });
});
