/**
 * Eleven real pages of the genre (test/fixtures/corpus, sources in its README). For each, what a
 * reader sees in the text, written down from the text itself: where it stops, how many tasks and
 * principles it holds up to there, who leads them, and the plan's title. Most pages were captured
 * cut off after about 2,000 bytes: the default load refuses them (TRUNCATED, naming the line), a
 * --partial load keeps what was read and says where it stops.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePlan, PlanParseError, readPlanFile } from '../../src/ingest/index.ts';
import type { PlanModel } from '../../src/ingest/model.ts';
import { refusal, verdict } from '../../src/ingest/summary.ts';

const path = (name: string) => new URL(`../fixtures/corpus/${name}`, import.meta.url).pathname;

function parse(name: string, partial: boolean): PlanModel {
  const { text, source } = readPlanFile(path(name));
  return parsePlan(text, source, { partial });
}

function refused(name: string, partial = false): PlanParseError {
  try {
    parse(name, partial);
  } catch (e) {
    if (e instanceof PlanParseError) return e;
    throw e;
  }
  throw new Error(`${name} was not refused`);
}

interface Expected {
  readonly file: string;
  /** Line where the text stops and what was being read there. */
  readonly cut: { readonly line: number; readonly within: string };
  readonly title: string | null;
  readonly tasks: number;
  readonly principles: number;
  /** task number → lead units, as written. */
  readonly leads: Readonly<Record<number, readonly string[]>>;
  readonly issuer: string | null;
}

// Read off the texts by hand (line numbers as an editor shows them).
const CUT: readonly Expected[] = [
  {
    file: 'beijing-2016-zwgk-work-points.txt',
    cut: { line: 12, within: 'task 1' },
    title: '北京市2016年政务公开工作要点',
    tasks: 1,
    principles: 0,
    leads: {},
    issuer: '北京市人民政府办公厅',
  },
  {
    file: 'cast-2018-guihua-gangyao-toc-yueyang.txt',
    cut: { line: 2, within: 'task 23' },
    title: '面向建设世界科技强国的中国科协规划纲要',
    tasks: 23,
    principles: 0,
    leads: {},
    issuer: '中国科协',
  },
  {
    file: 'cast-2021-14th-fyp-reform-plan.txt',
    cut: { line: 12, within: 'section "一、背景形势"' },
    title: '“十四五”时期推进科协系统深化改革重点任务工作方案',
    tasks: 0,
    principles: 0,
    leads: {},
    issuer: '中国科协',
  },
  {
    file: 'cast-2023-work-points.txt',
    cut: { line: 13, within: 'task 3' },
    title: '中国科协2023年工作要点',
    tasks: 3,
    principles: 0,
    leads: {},
    issuer: null,
  },
  {
    file: 'cast-2025-work-points.txt',
    cut: { line: 25, within: 'task 2' },
    title: '中国科协2025年工作要点',
    tasks: 2,
    principles: 0,
    leads: { 1: ['宣传文化部'] },
    issuer: '中国科协办公厅',
  },
  {
    file: 'fujian-kexie-2020-work-points.txt',
    cut: { line: 21, within: 'task 1' },
    title: '福建省科协2020年工作要点',
    tasks: 1,
    principles: 0,
    leads: {},
    issuer: '福建省科学技术协会',
  },
  {
    file: 'heilongjiang-2019-reform-points.txt',
    cut: { line: 5, within: 'task 3' },
    title: null,
    tasks: 3,
    principles: 0,
    leads: {},
    issuer: null,
  },
  {
    file: 'jingan-2018-action-plan.txt',
    cut: { line: 10, within: 'principle 1' },
    title: '静安区全力打响“上海服务”品牌加快建设“国际静安”三年行动计划',
    tasks: 0,
    principles: 1,
    leads: {},
    issuer: '中共静安区委办公室静安区人民政府办公室',
  },
  {
    file: 'quanmin-kexue-suzhi-2018-work-points.txt',
    cut: { line: 12, within: 'task 1' },
    title: '2018年全民科学素质行动工作要点',
    tasks: 1,
    principles: 0,
    leads: {},
    issuer: '全民科学素质纲要实施工作办公室',
  },
  {
    file: 'shenzhen-kexie-reform-plan-draft.txt',
    cut: { line: 15, within: 'principle 3' },
    title: '深圳市科协系统深化改革实施方案',
    tasks: 0,
    principles: 3,
    leads: {},
    issuer: null,
  },
];

describe('real pages of the genre, cut off mid-document', () => {
  for (const x of CUT) {
    describe(x.file, () => {
      it(`is refused by default: TRUNCATED at line ${x.cut.line}`, () => {
        const e = refused(x.file);
        expect([e.code, e.line]).toEqual(['TRUNCATED', x.cut.line]);
        expect(refusal(e)).toMatch(
          new RegExp(`^refused: TRUNCATED at line ${x.cut.line}: expected .*--partial`),
        );
      });

      it(`loads with --partial: ${x.tasks} tasks, ${x.principles} principles, stops in ${x.cut.within}`, () => {
        const plan = parse(x.file, true);
        expect(plan.complete).toBe(false);
        expect(verdict(plan)).toBe(`partial: stops at line ${x.cut.line} in ${x.cut.within}`);
        expect(plan.elements.filter((e) => e.kind === 'Task')).toHaveLength(x.tasks);
        expect(plan.elements.filter((e) => e.kind === 'Principle')).toHaveLength(x.principles);
        const leads: Record<number, string[]> = {};
        for (const l of plan.leads) {
          const task = plan.elements.find((e) => e.id === l.taskId)!;
          (leads[task.number] ??= []).push(l.span.quote);
        }
        expect(leads).toEqual(x.leads);
        // Exactly one thing is marked as cut, and it is what the verdict names.
        const cut = [...plan.elements, ...plan.sections].filter((n) => n.truncated === true);
        expect(cut).toHaveLength(1);
        expect(plan.warnings.filter((w) => w.code === 'TRUNCATED').map((w) => w.line)).toEqual([x.cut.line]);
      });

      it(`reads the title ${x.title ?? '(none)'} and the issuer`, () => {
        const plan = parse(x.file, true);
        if (x.title === null) {
          expect(plan.warnings.map((w) => w.code)).toContain('TITLE_MISSING');
          expect(plan.id).toMatch(/^plan-[0-9a-f]{10}$/);
        } else {
          expect(plan.title).toBe(x.title);
          expect(plan.warnings.map((w) => w.code)).not.toContain('TITLE_MISSING');
          // The title's span quotes the source (or, with no title line, the notice's 《…》).
          expect(plan.span.quote.replace(/\s/g, '')).toContain(x.title.slice(0, 6));
        }
        expect(plan.issuer).toBe(x.issuer);
      });
    });
  }

  it('keeps every span of a partial load a quote of the source at its offsets', () => {
    for (const x of CUT) {
      const text = readFileSync(path(x.file), 'utf8');
      const plan = parse(x.file, true);
      for (const e of plan.elements) expect(text.slice(e.span.start, e.span.end)).toBe(e.span.quote);
      for (const s of plan.sections) expect(text.slice(s.span.start, s.span.end)).toBe(s.span.quote);
      for (const l of plan.leads) expect(text.slice(l.span.start, l.span.end)).toBe(l.span.quote);
    }
  });
});

describe('what each page is beyond its counts', () => {
  it('a notice whose plan body is missing is refused as NOTICE_ONLY, not taken for the plan', () => {
    for (const partial of [false, true]) {
      const e = refused('hangzhou-2020-responsibility-notice.txt', partial);
      expect([e.code, e.line]).toEqual(['NOTICE_ONLY', 3]);
      expect(e.expected).toContain('the plan body after the issuing notice');
      expect(e.expected).toContain('(lines 3–16)');
      expect(e.found).toContain('the plan it issues is missing');
    }
  });

  it('keeps the issuing notice apart: its title, number and date, and the plan after its signature', () => {
    const plan = parse('cast-2021-14th-fyp-reform-plan.txt', true);
    expect(plan.noticeTitle).toBe(
      '中国科协关于印发《“十四五”时期推进科协系统深化改革重点任务工作方案》的通知',
    );
    expect(plan.metaSpans['documentNumber']!.quote).toBe('科协发智字〔2021〕41号');
    expect(plan.issuedDate).toBe('2021-10-14');
    expect(plan.sections.map((s) => `${s.marker}${s.title}`)).toEqual(['一、背景形势']);
    expect(plan.preamble.startsWith('为深入贯彻落实习近平总书记关于群团工作的重要指示精神')).toBe(true);
  });

  it('reads a title nested in 《〈〉》 and a notice title behind a document number', () => {
    const plan = parse('beijing-2016-zwgk-work-points.txt', true);
    expect(plan.noticeTitle).toBe('北京市人民政府办公厅关于印发〈北京市2016年政务公开工作要点〉的通知');
    expect(plan.metaSpans['documentNumber']!.quote).toBe('京政办发〔2016〕26号');
    expect(plan.addressees).toEqual(['各区人民政府', '市政府各委、办、局', '各市属机构']);
    const task = plan.elements.find((e) => e.kind === 'Task')!;
    expect(task.title).toBe('进一步推进权力清单和责任清单公开');
  });

  it('joins a title broken over two lines and keeps the period line out of it', () => {
    const plan = parse('jingan-2018-action-plan.txt', true);
    expect(plan.span.line).toBe(2);
    expect(plan.metaSpans['period']!.quote).toBe('(2018—2020年)');
    expect(plan.sections.map((s) => `${s.marker}${s.title}`)).toEqual([
      '一、总体要求',
      '(一)指导思想',
      '(二)基本原则',
    ]);
  });

  it('keeps a draft mark out of the title and reads "——" bullets as principles', () => {
    const plan = parse('shenzhen-kexie-reform-plan-draft.txt', true);
    expect(plan.metaSpans['draftMark']!.quote).toBe('(征求意见稿)');
    expect(plan.elements.filter((e) => e.kind === 'Principle').map((e) => [e.marker, e.title])).toEqual([
      ['——', '强化政治引领'],
      ['——', '密切联系群众'],
      ['——', '突出问题导向'],
    ]);
  });

  it('reads a whole outline written on one line, one item at a time', () => {
    const plan = parse('cast-2018-guihua-gangyao-toc-yueyang.txt', true);
    expect(plan.warnings.find((w) => w.code === 'OUTLINE_ON_ONE_LINE')!.line).toBe(2);
    const tasks = plan.elements.filter((e) => e.kind === 'Task');
    expect([tasks[0]!.title, tasks[22]!.title]).toEqual(['全面宣传贯彻党的路线方针', '开展“一带一路”科技']);
    expect(plan.sections.filter((s) => s.level === 1).map((s) => s.title)).toEqual([
      '开启新时代科协事业发展新征程',
      '指导思想和发展目标',
      '重大任务',
    ]);
  });

  it('reads tasks under topic headings with no genre word, and says it guessed', () => {
    const plan = parse('heilongjiang-2019-reform-points.txt', true);
    expect(plan.warnings.find((w) => w.code === 'KIND_GUESSED')!.line).toBe(2);
    const titled = parse('cast-2023-work-points.txt', true);
    expect(titled.warnings.map((w) => w.code)).not.toContain('KIND_GUESSED');
    expect(titled.publishedDate).toBe('2023-03-29');
  });

  it('takes the issuer from the line above "(…代章)", and finds an untitled notice by its body', () => {
    const plan = parse('quanmin-kexue-suzhi-2018-work-points.txt', true);
    expect([plan.issuer, plan.issuedDate, plan.noticeTitle]).toEqual([
      '全民科学素质纲要实施工作办公室',
      '2018-03-19',
      null,
    ]);
    expect(plan.sections.map((s) => s.level)).toEqual([1, 2]);
  });
});
