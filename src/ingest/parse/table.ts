/**
 * A task table pasted as text: a header row of column names (序号 重点工作 责任单位 完成时限)
 * and rows opening with a bare number. Its rows are not an outline; rather than read them wrongly
 * the parser names the layout (TABLE_LAYOUT) and where the table starts.
 */
import type { Genre } from '../seed-data.ts';
import type { Para } from './lines.ts';

/** The header row of a task table followed by a row numbered 1, or null. */
export function findTable(paras: readonly Para[], genre: Genre): Para | null {
  for (let k = 0; k + 1 < paras.length; k++) {
    const p = paras[k]!;
    if (p.text.length > 80 || /[。；;]/.test(p.text)) continue;
    const words = genre.tableHeaderWords.filter((w) => p.text.includes(w));
    if (words.length < 2) continue;
    const rows = paras.slice(k + 1, k + 4);
    if (rows.some((r) => /^1(?:[ \t\u00a0\u3000|｜]|$)/.test(r.text))) return p;
  }
  return null;
}
