/**
 * A readable account of a parsed plan for `npm run load -- --dry-run`: what was found (counts per
 * kind, the outline, each task with its lead units) and what the parser had to repair or could
 * not recover (warnings with their lines).
 */
import type { ElementKind, PlanModel } from './model.ts';

const KINDS: readonly ElementKind[] = ['Principle', 'Goal', 'Task', 'SubItem', 'Guarantee'];

export function formatSummary(model: PlanModel): string {
  const out: string[] = [];
  const count = (k: ElementKind) => model.elements.filter((e) => e.kind === k).length;
  const src = model.source;

  out.push(`Plan ${model.id}: ${model.title}`);
  if (model.noticeTitle) out.push(`  notice:      ${model.noticeTitle}`);
  if (model.issuer) out.push(`  issuer:      ${model.issuer}`);
  const issued =
    model.issuedDate ?? (model.issuedDateRaw ? `unreadable "${model.issuedDateRaw}"` : 'not stated');
  out.push(`  issued:      ${issued}; published: ${model.publishedDate ?? 'not stated'}`);
  if (model.approvedBy) out.push(`  approved by: ${model.approvedBy}`);
  for (const [key, name] of [
    ['documentNumber', 'doc number'],
    ['period', 'period'],
    ['draftMark', 'draft mark'],
  ] as const) {
    const span = model.metaSpans[key];
    if (span) out.push(`  ${name.padEnd(12)} ${span.quote}`);
  }
  if (model.addressees.length > 0) out.push(`  addressees:  ${model.addressees.join(' / ')}`);
  if (model.copyTo.length > 0) out.push(`  copy to:     ${model.copyTo.join(' / ')}`);
  out.push(
    `  source:      ${src.file} (${src.bytes} bytes, ${src.encoding}, sha256 ${src.sha256.slice(0, 12)}…)${src.url ? ` ${src.url}` : ''}`,
  );
  out.push('');

  // Schedule steps are named only when the plan has some, so that plans without a schedule read as before.
  const perKind = [...KINDS, ...(count('Step') > 0 ? (['Step'] as const) : [])]
    .map((k) => `${count(k)} ${k}`)
    .join(', ');
  out.push(
    `Counts: ${model.sections.length} sections; ${perKind}; ${model.departments.length} departments, ${model.leads.length} leads`,
  );
  out.push(
    `        ${model.concepts.length} concepts, ${model.mentions.length} mentions, ${model.problems.length} problems, ` +
      `${model.serves.length} SERVES, ${model.addresses.length} ADDRESSES`,
  );
  for (const a of model.appendices) {
    out.push(
      `  appendix:    ${a.label} ${a.title} (${a.kind}, lines ${a.span.line}–${a.span.line + a.span.quote.split(/\r\n|\n|\r/).length - 1})`,
    );
  }
  out.push('');

  out.push('Outline:');
  for (const s of model.sections) {
    const items = model.elements.filter((e) => e.sectionId === s.id && e.kind !== 'SubItem').length;
    const kind = s.itemKind ? ` — ${items} ${s.itemKind}` : '';
    const heading = s.marker === '' ? '(items under no heading)' : `${s.marker}${s.title}`;
    out.push(`${'  '.repeat(s.level)}${heading}${kind}${s.truncated ? ' [cut]' : ''}  (line ${s.span.line})`);
  }
  out.push('');

  const tasks = model.elements.filter((e) => e.kind === 'Task');
  const parts = (taskId: string): string => {
    const ps = model.participations.filter((p) => p.taskId === taskId);
    return ps.length === 0 ? '' : `; with ${ps.map((p) => `${p.span.quote} (${p.role})`).join('、')}`;
  };
  if (tasks.length > 0) {
    out.push('Tasks:');
    for (const t of tasks) {
      const leads = model.leads.filter((l) => l.taskId === t.id).map((l) => l.span.quote);
      const subs = model.elements.filter((e) => e.parentId === t.id).length;
      out.push(
        `  ${t.number}. ${t.title} — ${leads.length > 0 ? leads.join('、') : 'no lead'}${parts(t.id)} (${subs} sub-items, line ${t.span.line})${t.truncated ? ' [cut]' : ''}`,
      );
    }
    out.push('');
  }

  if (model.departments.length > 0) {
    out.push('Departments:');
    for (const d of model.departments) out.push(`  ${d.name}${d.fullName ? ` = ${d.fullName}` : ''}`);
    out.push('');
  }

  out.push(`Warnings (${model.warnings.length}):`);
  for (const w of model.warnings)
    out.push(`  ${w.line === null ? '-' : `line ${w.line}`} ${w.code}: ${w.message}`);
  out.push('');
  out.push(`Verdict: ${verdict(model)}`);
  return out.join('\n') + '\n';
}

/**
 * One line a user can act on: "complete", or "partial: stops at line 25 in task 2" for a cut text
 * loaded with --partial. (A refused text never becomes a model: see `refusal`.)
 */
export function verdict(model: PlanModel): string {
  if (model.complete) return 'complete';
  const cut = model.warnings.find((w) => w.code === 'TRUNCATED');
  const within = /in (.+?): expected/.exec(cut?.message ?? '')?.[1] ?? 'the text';
  return `partial: stops at line ${cut?.line ?? '?'} in ${within}`;
}

/** The verdict for a text the parser refused: "refused: TRUNCATED at line 25: expected …, found …". */
export function refusal(error: {
  code: string;
  line: number | null;
  expected: string;
  found: string;
}): string {
  const at = error.line === null ? '' : ` at line ${error.line}`;
  const hint = error.code === 'TRUNCATED' ? ' (--partial loads what was read)' : '';
  return `refused: ${error.code}${at}: expected ${error.expected}, found ${error.found}${hint}`;
}
