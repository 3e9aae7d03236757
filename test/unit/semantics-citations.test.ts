import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { parsePlan, readPlanFile } from '../../src/ingest/index.ts';
import type { PlanModel } from '../../src/ingest/model.ts';
import { findCitations, normaliseTitle, planCiteTitles } from '../../src/ingest/semantics/citations.ts';
import { parseCitationWords } from '../../src/ingest/semantics/citation-words.ts';

const SEED = fileURLToPath(new URL('../../seeds/cast-2018-reform-key-tasks.txt', import.meta.url));
const FULL = fileURLToPath(new URL('../fixtures/corpus-full', import.meta.url));

function parse(path: string, planId?: string): { text: string; plan: PlanModel } {
  const { text, source } = readPlanFile(path);
  return { text, plan: parsePlan(text, source, planId ? { planId } : {}) };
}

/** "element-id → document-id «quote»" for each citation, the plan id cut from element ids. */
function cited(plan: PlanModel): string[] {
  const short = (id: string) => id.slice(`${plan.id}/`.length) || 'plan';
  return (plan.citations ?? []).map((c) => `${short(c.elementId)} → ${c.documentId} «${c.span.quote}»`);
}

describe('documents and meetings the seed cites', () => {
  const { text, plan } = parse(SEED);

  it('reads its parent 《科协系统深化改革实施方案》, the Party congress and plenums, the CAST session and the charter', () => {
    expect(cited(plan)).toEqual([
      'plan → doc/党的十九大 «党的十九大»',
      'plan → doc/党的十九届一中全会 «十九届一中、二中、三中全会»',
      'plan → doc/党的十九届二中全会 «十九届一中、二中、三中全会»',
      'plan → doc/党的十九届三中全会 «十九届一中、二中、三中全会»',
      'plan → doc/科协系统深化改革实施方案 «《科协系统深化改革实施方案》»',
      'plan → doc/中国科协九届四次全委会议 «中国科协九届四次全委会议»',
      'sec-1 → doc/党的十九大 «党的十九大»',
      'sec-1 → doc/党的十九届三中全会 «十九届三中全会»',
      'sec-1 → doc/中国科协九届四次全委会议 «中国科协九届四次全委会议»',
      'goal-1 → doc/党的十九届三中全会 «党的十九届三中全会»',
      'task-6/item-1 → doc/中国科学技术协会章程 «《中国科学技术协会章程》»',
      'task-6/item-2 → doc/章程 «《章程》»',
    ]);
  });

  it('anchors every citation at its exact text and line', () => {
    for (const c of plan.citations!) {
      expect(text.slice(c.span.start, c.span.end)).toBe(c.span.quote);
      expect(c.span.line).toBe(text.slice(0, c.span.start).split('\n').length);
    }
    expect(plan.citations![4]!.span.line).toBe(28);
  });

  it('lists each document once, meetings apart from documents, and leaves the notice naming the plan itself out', () => {
    expect(plan.documents!.map((d) => [d.id, d.form, d.title, d.number])).toEqual([
      ['doc/党的十九大', 'meeting', '党的十九大', null],
      ['doc/党的十九届一中全会', 'meeting', '党的十九届一中全会', null],
      ['doc/党的十九届二中全会', 'meeting', '党的十九届二中全会', null],
      ['doc/党的十九届三中全会', 'meeting', '党的十九届三中全会', null],
      ['doc/科协系统深化改革实施方案', 'document', '科协系统深化改革实施方案', null],
      ['doc/中国科协九届四次全委会议', 'meeting', '中国科协九届四次全委会议', null],
      ['doc/中国科学技术协会章程', 'document', '中国科学技术协会章程', null],
      ['doc/章程', 'document', '章程', null],
    ]);
    expect(plan.documents!.some((d) => d.title?.includes('重点任务'))).toBe(false);
    expect(plan.documentNumber).toBeNull();
  });

  it('is cited by its title and by the 《…》 of its notice', () => {
    expect(planCiteTitles(plan)).toEqual([
      '2018年科协系统深化改革重点任务',
      '中国科协办公厅关于印发《2018年科协系统深化改革重点任务》的通知',
    ]);
  });
});

describe('documents the State Council plans cite (corpus-full)', () => {
  it('reads 《title》（number） as one document named by its number', () => {
    const { plan } = parse(`${FULL}/gov-2019-financing-guarantee-opinions.txt`);
    const doc = plan.documents!.find((d) => d.number === '国发〔2015〕43号');
    expect(doc).toEqual({
      id: 'doc/国发〔2015〕43号',
      form: 'document',
      title: '国务院关于促进融资担保行业加快发展的意见',
      number: '国发〔2015〕43号',
    });
    const citation = plan.citations!.find((c) => c.documentId === doc!.id)!;
    expect(citation.span.quote).toBe('《国务院关于促进融资担保行业加快发展的意见》（国发〔2015〕43号）');
    expect(cited(plan)).toContain('plan → doc/全国金融工作会议 «全国金融工作会议»');
    expect(plan.documentNumber).toBe('国办发〔2019〕6号');
  });

  it('reads the same 《法治政府建设实施纲要（2015—2020年）》 in two plans, parentheses normalised', () => {
    const a = parse(`${FULL}/gov-2018-law-enforcement-disclosure-opinions.txt`, 'gwy-2018-enforcement').plan;
    const b = parse(`${FULL}/gov-2018-normative-docs-review-opinions.txt`, 'gwy-2018-review').plan;
    const id = 'doc/法治政府建设实施纲要(2015—2020年)';
    expect(a.documents!.map((d) => d.id)).toContain(id);
    expect(b.documents!.map((d) => d.id)).toContain(id);
    expect(a.documentNumber).toBe('国办发〔2018〕118号');
    expect(b.documentNumber).toBe('国办发〔2018〕115号');
  });

  it('makes a declared abbreviation (以下简称《总体规划》) cite the full title', () => {
    // The 批复 itself is refused as a plan (NOT_A_PLAN_APPROVAL): its own sentences are read here
    // under a plan's title word, which changes nothing but the kind.
    const { text, source } = readPlanFile(`${FULL}/neg-gov-2018-xiongan-approval.txt`);
    const asPlan = text.replace(/的批复/g, '的实施意见');
    const plan = parsePlan(asPlan, source);
    const short = plan.citations!.filter((c) => c.span.quote === '《总体规划》');
    expect(short.length).toBe(4);
    expect(new Set(short.map((c) => c.documentId))).toEqual(
      new Set(['doc/河北雄安新区总体规划(2018—2035年)']),
    );
    expect(plan.documents!.map((d) => d.id)).not.toContain('doc/总体规划');
  });

  it('reads a plenum series with its congress: 党的十九大和十九届二中、三中全会', () => {
    const { plan } = parse(`${FULL}/gov-2019-kindergarten-remediation-notice.txt`);
    expect(cited(plan).filter((c) => c.startsWith('sec-1 '))).toEqual([
      'sec-1 → doc/党的十九大 «党的十九大»',
      'sec-1 → doc/党的十九届二中全会 «十九届二中、三中全会»',
      'sec-1 → doc/党的十九届三中全会 «十九届二中、三中全会»',
      'sec-1 → doc/全国教育大会 «全国教育大会»',
    ]);
  });
});

describe('shapes on single sentences', () => {
  const words = parseCitationWords({
    numberLeadWords: ['根据', '按照'],
    abbreviationWords: ['以下简称'],
    party: '党的',
    meetingBodies: ['中国科协'],
    meetingBodyEnds: ['全委会议'],
    nationalMeetingPrefixes: ['全国'],
    nationalMeetingEnds: ['大会'],
  });
  const on = (sentence: string) => {
    const text = `标题\n一、任务\n1.${sentence}\n`;
    const start = text.indexOf('1.');
    const span = { start, end: text.length - 1, line: 3, quote: text.slice(start, text.length - 1) };
    return findCitations(
      {
        planId: 'p',
        text,
        title: '标题',
        preambleSpan: null,
        sections: [],
        elements: [
          {
            id: 'p/task-1',
            kind: 'Task',
            number: 1,
            marker: '1.',
            title: sentence,
            text: sentence,
            sectionId: 'p/sec-1',
            parentId: null,
            order: 0,
            span,
            titleSpan: span,
          },
        ],
      },
      words,
    );
  };

  it('cuts the lead word off a number standing alone and drops spaces inside it', () => {
    const found = on('根据国办发 〔2018〕 117 号文件要求,认真落实。');
    expect(found.documents.map((d) => d.id)).toEqual(['doc/国办发〔2018〕117号']);
    expect(found.citations[0]!.span.quote).toBe('国办发 〔2018〕 117 号');
  });

  it('keeps a provincial committee’s plenum out of the Party’s', () => {
    expect(on('贯彻省委十届九次全会和省委十一届三中全会精神。').documents).toEqual([]);
  });

  it('normalises spaces and full-width parentheses in titles', () => {
    expect(normaliseTitle('中共中央 国务院关于（试行）')).toBe('中共中央国务院关于(试行)');
  });

  it('refuses a words file without the meeting ends, naming the key', () => {
    expect(() => parseCitationWords({ ...words, nationalMeetingEnds: [] })).toThrow(
      /nationalMeetingEnds to be a non-empty array of strings/,
    );
  });
});
