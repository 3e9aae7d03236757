/**
 * The lines between the end of the plan body and the imprint. The walk (outline.ts) ends the body
 * at a line it cannot place when no item of the expected sequence follows; what stands after it,
 * up to the imprint (抄送, 印发, signature and date) or the page footer, is either page chrome
 * (navigation, short labels: skipped) or plan text the ladder lost. Plan text is never dropped
 * silently: each such line is named in a TEXT_AFTER_BODY warning.
 */
import type { ParseWarning } from '../model.ts';
import type { Genre } from '../seed-data.ts';
import { isImprint, isPageFooter } from './chrome.ts';
import type { Para } from './lines.ts';
import { numberedOpening } from './markers.ts';
import type { OutlineStop } from './outline.ts';
import { excerpt, normaliseInline } from './text.ts';

/** A sentence or clause ends inside it. */
const SENTENCE_PUNCT = /[。；;！？]/;
const CJK_CHAR = /[\u3400-\u9fff\uf900-\ufaff]/g;
/** More Chinese characters than a menu entry, a label or a signature holds. */
const PROSE_LENGTH = 40;

/** Shapes of plan text: a sentence, a numbered opening of any kind, or a long run of Chinese. */
function looksLikePlanText(text: string, p: Para): boolean {
  if (SENTENCE_PUNCT.test(p.text) || numberedOpening(text, p.start) !== null) return true;
  return (normaliseInline(p.text).match(CJK_CHAR)?.length ?? 0) > PROSE_LENGTH;
}

export interface AfterBody {
  /** Index of the first line of the imprint or footer (paras.length when there is none). */
  readonly imprintIndex: number;
  readonly warnings: readonly ParseWarning[];
}

export function scanAfterBody(
  text: string,
  paras: readonly Para[],
  endIndex: number,
  stop: OutlineStop,
  genre: Genre,
): AfterBody {
  const warnings: ParseWarning[] = [];
  let k = endIndex;
  for (; k < paras.length; k++) {
    const p = paras[k]!;
    if (isImprint(paras, k, genre) || isPageFooter(p)) break;
    if (!looksLikePlanText(text, p)) continue;
    const why = stop === 'back-matter' ? 'read as back matter' : 'neither numbered nor a sentence';
    warnings.push({
      code: 'TEXT_AFTER_BODY',
      message: `text after the plan body (which ends at line ${paras[endIndex]!.line}, ${why}) belongs to no section or item: ${excerpt(p.text, 30)}`,
      line: p.line,
    });
  }
  return { imprintIndex: k, warnings };
}
