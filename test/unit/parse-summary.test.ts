/** The dry-run summary: counts per kind, the outline, each task with its leads, the warnings. */
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { formatSummary, parsePlan, readPlanFile } from '../../src/ingest/index.ts';

const { text, source } = readPlanFile(
  fileURLToPath(new URL('../../seeds/cast-2018-reform-key-tasks.txt', import.meta.url)),
);
const summary = formatSummary(parsePlan(text, source));

describe('formatSummary', () => {
  it('names the plan, its notice and source', () => {
    expect(summary.startsWith('Plan cast-2018: 2018年科协系统深化改革重点任务\n')).toBe(true);
    expect(summary).toContain('issuer:      中国科协办公厅');
    expect(summary).toContain('issued:      unreadable "201842"; published: 2018-04-13');
    expect(summary).toContain('https://cstam.org.cn/article/109057518522868756.html');
  });

  it('counts each kind', () => {
    expect(summary).toContain(
      '5 sections; 4 Principle, 3 Goal, 10 Task, 48 SubItem, 3 Guarantee; 8 departments, 11 leads',
    );
  });

  it('lists each task with number, title and lead department(s)', () => {
    expect(summary).toContain('  1. 强化政治引领和政治吸纳 — 调宣部 (5 sub-items, line 54)');
    expect(summary).toContain(
      '  4. 打造智慧科协,完善信息化发展机制,建设网上科技工作者之家 — 办公厅、信息中心 (4 sub-items, line 60)',
    );
  });

  it('lists the warnings with their lines', () => {
    expect(summary).toMatch(/Warnings \(\d+\):/);
    expect(summary).toContain('line 23 DATE_UNRECOVERABLE');
    expect(summary).toContain('line 64 NUMBER_REPAIRED: marker "6)" lacks its opening bracket');
  });
});
