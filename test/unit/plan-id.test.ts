/** Plan ids from what the document says: issuer + year + kind (src/ingest/plan-id.ts). */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parsePlan, sourceForText } from '../../src/ingest/index.ts';
import { derivePlanId, parsePlanIdRules } from '../../src/ingest/plan-id.ts';

const facts = (
  title: string,
  noticeTitle: string | null,
  issuer: string | null,
  issuedDate: string | null = null,
) => ({
  title,
  noticeTitle,
  issuer,
  issuedDate,
});

describe('a plan id derived from the document', () => {
  it('gives the seed cast-2018 whatever its file is called', () => {
    const text = readFileSync('seeds/cast-2018-reform-key-tasks.txt', 'utf8');
    expect(parsePlan(text, sourceForText(text, 'renamed.txt')).id).toBe('cast-2018');
  });

  it('names the issuer, the year and the kind', () => {
    expect(
      derivePlanId(
        facts(
          '2025年科协系统工作要点',
          '中国科协办公厅关于印发《2025年科协系统工作要点》的通知',
          '中国科协办公厅',
        ),
      ),
    ).toBe('cast-2025-points');
    expect(
      derivePlanId(
        facts(
          '2019年市科协深化改革工作要点',
          '青禾市科协关于印发《2019年市科协深化改革工作要点》的通知',
          '青禾市科协办公室',
        ),
      ),
    ).toBe('qhskx-2019-points');
    expect(derivePlanId(facts('科普行动计划', null, '中国科学技术协会', '2021-06-03'))).toBe(
      'cast-2021-action-plan',
    );
  });

  it("tells apart one issuer's documents of a year by their number when the title names no listed kind", () => {
    const opinions = (title: string, issuer: string, documentNumber: string) =>
      derivePlanId({ ...facts(title, null, issuer, '2019-01-20'), documentNumber });
    expect(
      opinions('国务院关于促进综合保税区高水平开放高质量发展的若干意见', '国务院', '国发〔2019〕3号'),
    ).toBe('gwy-2019-gf3');
    expect(
      opinions('国务院办公厅关于开展城镇小区配套幼儿园治理工作的通知', '国务院办公厅', '国办发〔2019〕3号'),
    ).toBe('gwy-2019-gbf3');
    // A listed kind keeps its word: the number plays no part.
    expect(opinions('2019年市科协深化改革工作要点', '青禾市科协', '青科协发〔2019〕2号')).toBe(
      'qhskx-2019-points',
    );
  });

  it('gives none when the document names no issuer or no year', () => {
    expect(derivePlanId(facts('重点任务', null, '中国科协'))).toBeNull();
    expect(derivePlanId(facts('2020年重点任务', null, null))).toBeNull();
  });

  it('keeps the id of an edited text of the same plan', () => {
    const text = readFileSync('test/fixtures/plans/pair/qinghe-2020-points.txt', 'utf8');
    const edited = text.replace('培育青少年科学兴趣', '培育青少年科学兴趣和创新精神');
    expect(parsePlan(edited, sourceForText(edited, 'qinghe-2020-points.txt')).id).toBe('qhskx-2020-points');
  });

  it('reports a malformed rules file by field, expected and found', () => {
    expect(() => parsePlanIdRules({ issuers: { 中国科协: 'CAST' }, officeSuffixes: [], kinds: [] })).toThrow(
      'seeds/plan-ids.json: BAD_SEED_DATA: expected issuers.中国科协 to be lower-case letters, digits and "-", found "CAST"',
    );
  });
});
