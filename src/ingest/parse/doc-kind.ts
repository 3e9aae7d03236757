/**
 * Documents a user may load by mistake: a 批复 (approval), a 答复 / 复函 (reply), a 决定, a 条例 of
 * articles (第一条 …), a holiday notice. Told by the ending of the page's title (its first lines)
 * or, for articles, by lines opening 第一条, 第二条 …; refused with a code naming the kind —
 * unless the document carries a plan after all: its title issues one (关于印发…), or a line of its
 * own is a plan's title (an attached 实施方案, 附件: …工作方案). The words are genre.json's
 * `documentKinds`.
 */
import { PlanParseError } from '../errors.ts';
import type { DocumentKindRule, Genre } from '../seed-data.ts';
import type { Para } from './lines.ts';
import { alternation, excerpt } from './text.ts';

/** How many opening lines may hold the page's title (title, then the title broken over two lines). */
const TITLE_LINES = 4;
/** Articles in a row that make a document of articles. */
const MIN_ARTICLES = 3;

interface Found {
  readonly rule: DocumentKindRule;
  readonly line: number;
  readonly evidence: string;
}

/** The title line without closing notes and draft marks: "（此件公开发布）", "（征求意见稿）". */
function bareTitle(text: string, genre: Genre): string {
  let t = text.trim();
  for (const w of [...genre.metadata.closingNotes, ...genre.metadata.draftMarks])
    t = t.replace(new RegExp(`[(（]${w}[)）]$`), '').trim();
  return t;
}

function kindOfTitle(paras: readonly Para[], genre: Genre): Found | null {
  for (const p of paras.slice(0, TITLE_LINES)) {
    const t = bareTitle(p.text, genre);
    if (t.length > 80 || /[。；;]/.test(t)) continue;
    for (const rule of genre.documentKinds.kinds) {
      const end = rule.titleEndings.find((e) => t.endsWith(e));
      if (end !== undefined)
        return { rule, line: p.line, evidence: `its title ${excerpt(t, 40)} ends with ${end}` };
    }
  }
  return null;
}

function articles(paras: readonly Para[], genre: Genre): Found | null {
  for (const rule of genre.documentKinds.kinds) {
    if (rule.articleWord === null) continue;
    const re = new RegExp(`^[ \\u3000]*第[一二三四五六七八九十百零〇]+${rule.articleWord}[ \\u3000]`);
    let run = 0;
    let first: Para | null = null;
    for (const p of paras) {
      if (re.test(p.text)) {
        run++;
        first ??= p;
        if (run >= MIN_ARTICLES)
          return {
            rule,
            line: first.line,
            evidence: `lines of articles from line ${first.line} (${excerpt(first.text, 12)})`,
          };
      }
    }
  }
  return null;
}

/** A line that is a plan's title of its own (after the opening lines), or a title that issues one. */
function carriesPlan(paras: readonly Para[], genre: Genre): boolean {
  const issues = new RegExp(alternation(genre.metadata.noticeTitleWords));
  if (paras.slice(0, TITLE_LINES).some((p) => issues.test(p.text) && !/[。；;]/.test(p.text))) return true;
  const plan = new RegExp(`(?:${alternation(genre.documentKinds.carriesPlan)})$`);
  const label = new RegExp(
    `^(?:${alternation(genre.metadata.attachmentLabels)})[0-9０-９]*[：:]?[ \\u3000]*`,
  );
  return paras.slice(TITLE_LINES).some((p) => {
    const t = bareTitle(p.text.replace(label, ''), genre);
    return t.length >= 4 && t.length <= 60 && !/[。；;，,：:]/.test(t) && plan.test(t);
  });
}

/** Refuses a document of another kind than a plan; returns when it is (or carries) a plan. */
export function refuseOtherKinds(paras: readonly Para[], genre: Genre, file: string | null): void {
  const found = kindOfTitle(paras, genre) ?? articles(paras, genre);
  if (found === null || carriesPlan(paras, genre)) return;
  throw new PlanParseError(
    found.rule.code,
    found.line,
    'a plan (意见, 方案, 工作要点, 行动计划 …) or a notice that issues or attaches one',
    `a ${found.rule.kind}: ${found.evidence}. A ${found.rule.kind} is not a plan and holds no tasks to load; if a plan goes with it, load the plan's own text`,
    file,
  );
}
