/**
 * "Bad input gets a clear error and loses nothing": every line of plan text ends up in a section,
 * an item or a closing text, or is named in a warning with its line. Each fixture below was once
 * cut short or absorbed in silence.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PlanParseError } from '../../src/ingest/errors.ts';
import { parsePlan, sourceForText } from '../../src/ingest/index.ts';
import type { PlanModel } from '../../src/ingest/model.ts';
import { checkCoverage } from '../../src/ingest/parse/coverage.ts';
import { splitParas } from '../../src/ingest/parse/lines.ts';

const fixture = (path: string): string =>
  readFileSync(fileURLToPath(new URL(`../fixtures/${path}`, import.meta.url)), 'utf8');
const parse = (text: string, file = 'input.txt'): PlanModel =>
  parsePlan(text, sourceForText(text, file), { planId: 'fx' });
const tops = (p: PlanModel) =>
  p.elements.filter((e) => e.kind !== 'SubItem').map((e) => [e.id, e.marker, e.span.line]);

const IMPRINT = '抄送:各全国学会。\n\n示例学会办公室\n\n2020年4月2日印发\n';

describe('a plan numbered past 999', () => {
  it('reads tasks 999., 1000. and 1001. as items, with nothing after them lost', () => {
    const tasks = Array.from({ length: 1001 }, (_, k) => `${k + 1}.推进改革任务。(学术部牵头)`);
    const text = `2020年示例学会重点任务\n\n一、重点任务\n\n${tasks.join('\n\n')}\n\n${IMPRINT}`;
    const plan = parse(text);
    const read = tops(plan);
    expect(read).toHaveLength(1001);
    expect(read.slice(-3)).toEqual([
      ['fx/task-999', '999.', 2001],
      ['fx/task-1000', '1000.', 2003],
      ['fx/task-1001', '1001.', 2005],
    ]);
    expect(plan.elements.at(-1)!.span.quote).toBe('1001.推进改革任务。(学术部牵头)');
    expect(plan.copyTo).toEqual(['各全国学会']);
    expect(plan.warnings).toEqual([]);
  });
});

describe('text after the last task of a section', () => {
  it('keeps unnumbered prose paragraphs as the closing text of their section', () => {
    const plan = parse(fixture('numbering/closing-prose.txt'));
    const sec = plan.sections[0]!;
    expect(sec.closingText).toBe(
      '以上2项任务,由各牵头部门会同相关部门细化分工。\n各部门每季度末报送进展情况。',
    );
    expect([sec.closingSpan!.line, sec.closingSpan!.quote.endsWith('报送进展情况。')]).toEqual([9, true]);
    expect(tops(plan)).toEqual([
      ['fx/task-1', '1.', 5],
      ['fx/task-2', '2.', 7],
      ['fx/guarantee-1', '1.', 15],
    ]);
    expect(plan.warnings).toEqual([]);
  });

  it('names each line of plan text between the end of the body and the imprint', () => {
    const plan = parse(fixture('bad/text-after-body.txt'));
    expect(tops(plan)).toEqual([
      ['fx/task-1', '1.', 5],
      ['fx/task-2', '2.', 7],
    ]);
    const why =
      'text after the plan body (which ends at line 9, neither numbered nor a sentence) belongs to no section or item';
    expect(plan.warnings).toEqual([
      {
        code: 'TEXT_AFTER_BODY',
        message: `${why}: "各单位要加强组织领导确保各项改革任务按期完成并于每季度末向深…"`,
        line: 13,
      },
      { code: 'TEXT_AFTER_BODY', message: `${why}: "请各单位认真贯彻落实。"`, line: 15 },
      { code: 'TEXT_AFTER_BODY', message: `${why}: "10000.建设科普资源平台"`, line: 17 },
    ]);
    // The short labels (附表, 任务分工) are page furniture, and the imprint is still read.
    expect(plan.copyTo).toEqual(['各全国学会']);
  });

  it('names an item whose number cannot be read ("10000.") where it is kept', () => {
    const plan = parse(fixture('bad/unread-number.txt'));
    expect(plan.sections[0]!.closingText).toBe('10000.建设科普资源平台。培育科普志愿者队伍。(科普部牵头)');
    expect(plan.warnings).toEqual([
      {
        code: 'NUMBER_UNREAD',
        message:
          'line "10000.建设科普资源平台。培育科普志愿者队伍…" opens like a numbered item ("10000.") but fits no place in the numbering after item 2; kept as text with item 2',
        line: 9,
      },
    ]);
  });
});

describe('garbage between two tasks', () => {
  it('keeps reading the tasks after a lone "1000" and a run of unreadable lines, naming every line', () => {
    const plan = parse(fixture('bad/garbage-between-tasks.txt'));
    expect(tops(plan)).toEqual([
      ['fx/task-1', '1.', 5],
      ['fx/task-2', '2.', 9],
      ['fx/task-3', '3.', 21],
    ]);
    const named = (line: number, quote: string, task: number) => [
      {
        code: 'TEXT_UNRECOGNISED',
        message: `line "${quote}" is neither numbered nor a sentence; kept with item ${task}`,
        line,
      },
      {
        code: 'UNATTACHED_TEXT',
        message: `text after the lead marker of task ${task} belongs to no item: "${quote}"`,
        line,
      },
    ];
    expect(plan.warnings).toEqual([
      ...named(7, '1000', 1),
      ...named(11, '■■■■', 2),
      ...named(13, '附表', 2),
      ...named(15, '任务分工', 2),
      ...named(17, '责任处室', 2),
      ...named(19, '完成时限', 2),
    ]);
    expect(plan.copyTo).toEqual(['各全国学会']);
  });

  it('stops with NUMBERING_GAP at a marker it cannot place ("⑩⑩.")', () => {
    const text =
      '2020年示例学会重点任务\n\n一、重点任务\n\n1.强化学术引领。(学术部牵头)\n\n⑩⑩.加强科普服务。(科普部牵头)\n';
    let error: unknown = null;
    try {
      parse(text, 'circled.txt');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PlanParseError);
    expect((error as PlanParseError).message).toBe(
      'circled.txt:7: NUMBERING_GAP: expected item 1, found "⑩"',
    );
  });
});

describe('the coverage check', () => {
  const text = fixture('numbering/closing-prose.txt');
  const paras = splitParas(text);
  const plan = parse(text);
  const body = {
    paras,
    bodyStart: paras.findIndex((p) => p.line === 3),
    bodyEnd: paras.findIndex((p) => p.line === 17),
  };
  const withoutClosing = plan.sections.map((s) => ({ ...s, closingText: '', closingSpan: null }));

  it('finds every body line of a whole parse held by a section or an item', () => {
    expect(
      checkCoverage({ ...body, sections: plan.sections, elements: plan.elements, warnings: [] }),
    ).toEqual([]);
  });

  it('names the lines that nothing holds and no warning names', () => {
    expect(
      checkCoverage({ ...body, sections: withoutClosing, elements: plan.elements, warnings: [] }),
    ).toEqual([
      {
        code: 'TEXT_UNACCOUNTED',
        message:
          'lines 9, 11 of the plan body are in no section, item or closing text, and no warning names them',
        line: 9,
      },
    ]);
    const warned = [{ code: 'UNATTACHED_TEXT', message: '…', line: 9 }];
    expect(
      checkCoverage({ ...body, sections: withoutClosing, elements: plan.elements, warnings: warned }),
    ).toEqual([
      {
        code: 'TEXT_UNACCOUNTED',
        message: 'line 11 of the plan body is in no section, item or closing text, and no warning names it',
        line: 11,
      },
    ]);
  });
});
