/**
 * Inputs no plan can be made of (test/fixtures/bad/): each error names the line, what was
 * expected and what was found. And the encodings that decode fine.
 */
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { decodePlanBytes } from '../../src/ingest/decode.ts';
import { PlanParseError } from '../../src/ingest/errors.ts';
import { parsePlan, readPlanFile, sourceForText } from '../../src/ingest/index.ts';

const bad = (name: string) => fileURLToPath(new URL(`../fixtures/bad/${name}`, import.meta.url));

function failure(name: string): PlanParseError {
  try {
    const { text, source } = readPlanFile(bad(name));
    parsePlan(text, source);
  } catch (e) {
    expect(e).toBeInstanceOf(PlanParseError);
    return e as PlanParseError;
  }
  throw new Error(`${name} parsed without an error`);
}

describe('input that is not a plan text', () => {
  it('refuses an empty file', () => {
    const e = failure('empty.txt');
    expect([e.code, e.line, e.file]).toEqual(['EMPTY_INPUT', null, 'empty.txt']);
    expect(e.message).toBe('empty.txt: EMPTY_INPUT: expected a plan text, found an empty file (0 bytes)');
  });

  it('refuses a file of blank lines (NBSP, ideographic spaces)', () => {
    const e = failure('blank.txt');
    expect(e.code).toBe('EMPTY_INPUT');
    expect(e.found).toContain('only white space');
  });

  it('refuses binary data, naming the NUL byte', () => {
    const e = failure('binary.bin');
    expect([e.code, e.line]).toEqual(['BINARY_INPUT', 3]);
    expect(e.found).toBe('a NUL byte at offset 8 (binary data)');
  });

  it('refuses bytes that are neither UTF-8 nor GB18030, naming line and offset', () => {
    const e = failure('invalid-bytes.txt');
    expect([e.code, e.line, e.expected]).toEqual(['BAD_ENCODING', 5, 'UTF-8 or GB18030 text']);
    expect(e.found).toMatch(/^bytes 0xFF 0xFE 0xFD 0x0A at offset 53, invalid in UTF-8/);
  });

  it('refuses a UTF-8 text with a stray byte rather than reading it as GB18030 mojibake', () => {
    const good = new TextEncoder().encode(
      '2020年示例学会重点任务\n\n一、重点任务\n\n1.强化学术引领。发挥引领作用。',
    );
    const bytes = new Uint8Array([...good.subarray(0, 19), 0x80, ...good.subarray(19)]);
    const e = (() => {
      try {
        decodePlanBytes(bytes, 'stray.txt');
      } catch (x) {
        return x as PlanParseError;
      }
      throw new Error('decoded');
    })();
    expect([e.code, e.line]).toEqual(['BAD_ENCODING', 1]);
    expect(e.found).toMatch(/^bytes 0x80 .* at offset 19, invalid in UTF-8$/);
  });

  it('refuses a page with no numbered outline', () => {
    const e = failure('no-plan.txt');
    expect([e.code, e.line]).toEqual(['NO_PLAN', null]);
    expect(e.expected).toContain('a numbered outline');
    expect(e.found).toContain('中文 | English');
  });
});

describe('plans that stop short or skip a number', () => {
  it('stops at a numbering gap: task 3 followed by task 5', () => {
    const e = failure('numbering-gap.txt');
    expect([e.code, e.line, e.expected, e.found]).toEqual(['NUMBERING_GAP', 11, 'item 4', '"5."']);
    expect(e.message).toBe('numbering-gap.txt:11: NUMBERING_GAP: expected item 4, found "5."');
  });

  it('stops at a task cut off mid-item at the end of the text', () => {
    const e = failure('truncated-mid-item.txt');
    expect([e.code, e.line]).toEqual(['TRUNCATED', 7]);
    expect(e.expected).toBe('the end of task 2 (a full stop or a lead marker)');
    expect(e.found).toBe('the text stopping at "…布局谋划,组织开展面向2035科"');
  });

  it('stops at a goals section without items', () => {
    const e = failure('truncated-goals.txt');
    expect([e.code, e.line, e.expected]).toEqual(['TRUNCATED', 9, 'the items of "(二)主要目标" (Goal)']);
    expect(e.found).toBe('"二、重点任务" (line 11)');
  });

  it('stops at a sub-item cue with nothing after it', () => {
    const e = failure('truncated-cue.txt');
    expect([e.code, e.line, e.expected, e.found]).toEqual([
      'TRUNCATED',
      7,
      'the sub-items of task 2',
      'the end of the text',
    ]);
  });

  it('stops at a heading that ends the text', () => {
    const e = failure('truncated-heading.txt');
    expect([e.code, e.line, e.found]).toEqual(['TRUNCATED', 7, 'the end of the text']);
  });
});

describe('encodings that decode fine', () => {
  it('reads a GBK-encoded plan through GB18030 and records the encoding', () => {
    const { text, source } = readPlanFile(bad('gbk.txt'));
    expect(source.encoding).toBe('gb18030');
    const plan = parsePlan(text, source);
    expect(plan.title).toBe('2019年示例协会工作要点');
    expect(plan.elements.map((e) => e.title)).toEqual(['推进基层组织建设', '深化学会治理改革']);
    expect(plan.leads.map((l) => l.departmentId)).toEqual(['dept/组人部', 'dept/学会部']);
  });

  it('drops a UTF-8 byte-order mark so offsets index the decoded text', () => {
    const body = '2020年示例学会重点任务\n\n一、重点任务\n\n1.强化学术引领。发挥引领作用。(学术部牵头)\n';
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(body)]);
    const { text, encoding } = decodePlanBytes(bytes);
    expect([text, encoding]).toEqual([body, 'utf-8']);
    const plan = parsePlan(text, sourceForText(text, 'bom.txt'));
    const t = plan.elements[0]!;
    expect(text.slice(t.span.start, t.span.end)).toBe(t.span.quote);
    expect(t.span.line).toBe(5);
  });

  it('reads UTF-16 only when it carries its byte-order mark', () => {
    const body = '一、重点任务';
    const le = new Uint8Array([
      0xff,
      0xfe,
      ...Array.from(body).flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8]),
    ]);
    expect(decodePlanBytes(le)).toEqual({ text: body, encoding: 'utf-16le' });
  });
});
