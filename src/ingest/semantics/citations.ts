/**
 * Documents and meetings a plan cites, by their shapes:
 *
 * - 《title》, with a document number in brackets right after it — 《…》（国发〔2004〕20号）is one
 *   document with both — and an abbreviation declared right after it — 《…》（以下简称《方案》）makes
 *   every later 《方案》 of the plan cite the same document;
 * - a document number on its own: issuer code, year in 〔〕 (or [] ［］), serial, 号;
 * - named meetings: 党的十九大; 十九届三中全会 and the series 十九届二中、三中全会 (one meeting each, the
 *   Party prefix added); a body's session (中国科协九届四次全委会议); 全国…大会, 中央…工作会议.
 *
 * The words (lead words before a code, the abbreviation cue, meeting bodies and ends) are data:
 * seeds/documents.json. Only the plan's body counts (the notice around it names the plan itself);
 * each citation belongs to the innermost part of the outline holding it, as a mention does.
 */
import type { CitationModel, DocumentModel, Span } from '../model.ts';
import { loadCitationWords, type CitationWords } from './citation-words.ts';
import { LineIndex, Outline, type OutlineInput } from './spans.ts';

export interface CitationInput extends OutlineInput {
  readonly text: string;
  /** The plan's own title: a 《title》 of the plan itself is not a citation. */
  readonly title: string;
}

export interface Citations {
  readonly documents: readonly DocumentModel[];
  readonly citations: readonly CitationModel[];
  /** The plan's own number: a line before the body that holds only a document number. */
  readonly documentNumber: string | null;
}

const NUMERAL = '[一二三四五六七八九十]';
const NUMBER_CORE = '\\s*[〔［\\[]\\s*(\\d{4})\\s*[〕］\\]]\\s*(\\d{1,5})\\s*号';

/** How a title is compared: whitespace dropped, full-width parentheses made ASCII. */
export function normaliseTitle(title: string): string {
  return title.replace(/\s+/g, '').replace(/（/g, '(').replace(/）/g, ')');
}

export function documentId(doc: { number: string | null; title: string | null }): string {
  return `doc/${doc.number ?? doc.title}`;
}

/** The titles another plan may cite this one by: its title, its notice's title and the 《…》 inside it. */
export function planCiteTitles(plan: { title: string; noticeTitle: string | null }): string[] {
  const titles = [plan.title];
  if (plan.noticeTitle) {
    titles.push(plan.noticeTitle);
    const inner = /《([^《》]+)》/.exec(plan.noticeTitle);
    if (inner) titles.push(inner[1]!);
  }
  return [...new Set(titles.map(normaliseTitle).filter((t) => t !== ''))];
}

interface Found {
  readonly start: number;
  readonly end: number;
  readonly form: DocumentModel['form'];
  readonly title: string | null;
  readonly number: string | null;
}

export function findCitations(input: CitationInput, words: CitationWords = loadCitationWords()): Citations {
  const { text } = input;
  const outline = new Outline(input);
  const lines = new LineIndex(text);
  const from = outline.bodyStart;
  const to = outline.bodyEnd;
  const body = text.slice(from, to);
  const found: Found[] = [];
  const covered: [number, number][] = [];
  const isCovered = (s: number, e: number) => covered.some(([cs, ce]) => s < ce && cs < e);
  const numberOf = numberReader(words);

  // 《title》 (number) (以下简称《short》)
  const aliases = new Map<string, { title: string; number: string | null }>();
  const abbreviation = new RegExp(
    `^\\s*[（(]\\s*(?:${words.abbreviationWords.join('|')})《([^《》\\n]+)》\\s*[）)]`,
  );
  const numberAfter = new RegExp(`^\\s*[（(]\\s*([\\u4e00-\\u9fff]{1,10}${NUMBER_CORE})\\s*[）)]`);
  for (const m of body.matchAll(/《([^《》\n]{1,150})》/g)) {
    const start = from + m.index;
    if (isCovered(start, start + m[0].length)) continue;
    let end = start + m[0].length;
    let title = normaliseTitle(m[1]!);
    let number: string | null = null;
    const num = numberAfter.exec(text.slice(end, to));
    if (num) {
      number = numberOf(num[1]!);
      end += num[0].length;
    }
    const alias = abbreviation.exec(text.slice(end, to));
    if (alias) {
      aliases.set(normaliseTitle(alias[1]!), { title, number });
      covered.push([start, end + alias[0].length]);
    } else {
      const known = aliases.get(title);
      if (known) ({ title, number } = { title: known.title, number: number ?? known.number });
      covered.push([start, end]);
    }
    if (title === normaliseTitle(input.title)) continue;
    found.push({ start, end, form: 'document', title, number });
  }

  // A number on its own.
  for (const m of body.matchAll(new RegExp(`([\\u4e00-\\u9fff]{1,10})${NUMBER_CORE}`, 'g'))) {
    const number = numberOf(m[0]);
    const code = number.slice(0, number.indexOf('〔'));
    // The span starts at the code, after any lead word the run of characters began with.
    const start = from + m.index + m[1]!.length - code.length;
    const end = from + m.index + m[0].length;
    if (isCovered(start, end)) continue;
    covered.push([start, end]);
    found.push({ start, end, form: 'document', title: null, number });
  }

  for (const meeting of findMeetings(body, words)) {
    const start = from + meeting.start;
    const end = from + meeting.end;
    if (isCovered(start, end)) continue;
    found.push({ start, end, form: 'meeting', title: meeting.title, number: null });
  }

  // Within one plan a title cited once with its number is the same document when cited without it.
  const numberOfTitle = new Map<string, string>();
  for (const f of found) if (f.title && f.number) numberOfTitle.set(f.title, f.number);

  const documents = new Map<string, DocumentModel>();
  const citations: CitationModel[] = [];
  const seen = new Set<string>();
  for (const f of found.sort((a, b) => a.start - b.start || b.end - a.end)) {
    const elementId = outline.innermost(f.start, f.end);
    if (elementId === null) continue;
    const number = f.number ?? (f.title ? (numberOfTitle.get(f.title) ?? null) : null);
    const id = documentId({ number, title: f.title });
    const known = documents.get(id);
    documents.set(id, { id, form: f.form, title: known?.title ?? f.title, number });
    const key = `${elementId}|${id}|${f.start}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const span: Span = lines.span(f.start, f.end);
    citations.push({ elementId, documentId: id, span });
  }
  return { documents: [...documents.values()], citations, documentNumber: ownNumber(text, from, numberOf) };
}

/** Reads "根据国办发 〔2018〕 117 号" as 国办发〔2018〕117号: lead words before the code dropped. */
function numberReader(words: CitationWords): (raw: string) => string {
  const lead = new RegExp(`^.*(?:${words.numberLeadWords.join('|')})`);
  const shape = new RegExp(`([\\u4e00-\\u9fff]{1,10})${NUMBER_CORE}`);
  return (raw) => {
    const m = shape.exec(raw)!;
    const code = m[1]!.replace(lead, '') || m[1]!;
    return `${code}〔${m[2]}〕${m[3]}号`;
  };
}

/** The first line before the body that holds a document number and nothing else. */
function ownNumber(text: string, bodyStart: number, numberOf: (raw: string) => string): string | null {
  const only = new RegExp(`^\\s*[\\u4e00-\\u9fff]{1,10}${NUMBER_CORE}\\s*$`);
  for (const line of text.slice(0, bodyStart).split('\n')) if (only.test(line)) return numberOf(line);
  return null;
}

interface Meeting {
  readonly start: number;
  readonly end: number;
  readonly title: string;
}

function findMeetings(body: string, words: CitationWords): Meeting[] {
  const party = words.party;
  const meetings: Meeting[] = [];
  // 党的十九大
  for (const m of body.matchAll(new RegExp(`${party}(${NUMERAL}{1,3})大(?!会)`, 'g'))) {
    meetings.push({ start: m.index, end: m.index + m[0].length, title: m[0] });
  }
  // (党的)十九届(一中、二中、)三中全会; a provincial committee's (省委…) is not the Party's.
  const plenum = new RegExp(`(${party})?(${NUMERAL}{1,3})届((?:${NUMERAL}{1,2}中[、和及与]?)+)全会`, 'g');
  for (const m of body.matchAll(plenum)) {
    if (!m[1] && m.index > 0 && body[m.index - 1] === '委') continue;
    for (const session of m[3]!.split(/[、和及与]/).filter((s) => s !== '')) {
      meetings.push({
        start: m.index,
        end: m.index + m[0].length,
        title: `${party}${m[2]}届${session}全会`,
      });
    }
  }
  // 中国科协九届四次全委会议
  const bodies = new RegExp(
    `(?:${words.meetingBodies.join('|')})${NUMERAL}{1,3}届${NUMERAL}{1,3}次(?:${words.meetingBodyEnds.join('|')})`,
    'g',
  );
  for (const m of body.matchAll(bodies))
    meetings.push({ start: m.index, end: m.index + m[0].length, title: m[0] });
  // 全国教育大会, 中央经济工作会议
  const national = new RegExp(
    `(?:${words.nationalMeetingPrefixes.join('|')})[\\u4e00-\\u9fff]{1,10}?(?:${words.nationalMeetingEnds.join('|')})`,
    'g',
  );
  for (const m of body.matchAll(national)) {
    const overlaps = meetings.some((x) => m.index < x.end && x.start < m.index + m[0].length);
    if (!overlaps) meetings.push({ start: m.index, end: m.index + m[0].length, title: m[0] });
  }
  return meetings;
}
