/**
 * The start page at `/`: what is loaded and where to go from here (the playground, the explorer
 * when the service has one, the exports, health and the docs). Plain HTML, no script, no CDN.
 * A cut text and a plan without goals are said so beside their counts.
 */
import { type ReadExtent, planCaveats } from '../caveats.ts';

export interface LandingPlan extends ReadExtent {
  readonly id: string;
  readonly title: string;
  readonly issuer: string | null;
  readonly publishedDate: string | null;
  readonly sourceFile: string;
  readonly goals: number;
  readonly tasks: number;
  readonly subItems: number;
}

export interface LandingLinks {
  /** Path of the graph explorer, when this service has one. */
  readonly explorer?: string | undefined;
  /** Names of the pages under /docs/, e.g. api.md. */
  readonly docs: readonly string[];
}

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/** A cut text and a plan without goals, marked beside the counts they make partial. */
function caveats(plan: LandingPlan): string {
  const lines = planCaveats(plan, plan.goals);
  if (lines.length === 0) return '';
  const badge = plan.complete === false ? '<br><strong class="cut">cut text</strong>' : '';
  return `${badge}${lines.map((l) => `<br><small class="caveat">${escapeHtml(l)}</small>`).join('')}`;
}

function planRow(plan: LandingPlan): string {
  const id = encodeURIComponent(plan.id);
  const meta = [plan.issuer, plan.publishedDate].filter((v): v is string => v !== null).join(', ');
  return [
    '<tr>',
    `<td><code>${escapeHtml(plan.id)}</code></td>`,
    `<td>${escapeHtml(plan.title)}${meta ? `<br><small>${escapeHtml(meta)}</small>` : ''}</td>`,
    `<td>${plan.goals} goals, ${plan.tasks} tasks, ${plan.subItems} sub-items${caveats(plan)}</td>`,
    `<td><a href="/plans/${id}/graph.graphml">GraphML</a> · <a href="/plans/${id}/graph.json">Cytoscape JSON</a></td>`,
    '</tr>',
  ].join('');
}

/** Where a page of the plan list stands: the plans the graph holds, the filter, the next page's start. */
export interface LandingPage {
  readonly total: number;
  /** The id this page starts after ('' for the first page). */
  readonly after: string;
  /** The filter on id and title; null for every plan. */
  readonly text: string | null;
  /** When the filter asked was longer than this many characters: the characters read of it (`text` is its start). */
  readonly cutAt?: number | null;
  /** The id the next page starts after; null on the last page. */
  readonly next: string | null;
}

const link = (after: string, text: string | null) => {
  const query = new URLSearchParams();
  if (after !== '') query.set('after', after);
  if (text !== null) query.set('q', text);
  const s = query.toString();
  return escapeHtml(s === '' ? '/' : `/?${s}`);
};

/** A filter box and the links to the first and the next page, once the plans fill more than a page. */
function pager(page: LandingPage, shown: number): string {
  const filtered = page.text !== null;
  if (!filtered && page.after === '' && page.next === null) return '';
  const form =
    '<form method="get" action="/"><label>Plans whose id or title contains ' +
    `<input name="q" value="${escapeHtml(page.text ?? '')}" size="24"></label> <button>Find</button></form>`;
  const where = filtered
    ? `${shown} plan${shown === 1 ? '' : 's'} shown whose id or title contains “${escapeHtml(page.text!)}”` +
      `${page.cutAt != null ? ` (only the first ${page.cutAt} characters of the text asked are read)` : ''}, of ${page.total} loaded`
    : `${shown} of ${page.total} plans shown, by id`;
  const links = [
    page.after !== '' ? `<a href="${link('', page.text)}">first page</a>` : '',
    page.next !== null ? `<a href="${link(page.next, page.text)}">next page</a>` : '',
  ].filter((s) => s !== '');
  return `${form}<p>${where}${links.length > 0 ? ` · ${links.join(' · ')}` : ''}</p>`;
}

export function renderLanding(
  plans: readonly LandingPlan[],
  links: LandingLinks,
  page: LandingPage = { total: plans.length, after: '', text: null, next: null },
): string {
  const table =
    plans.length === 0 && page.total === 0
      ? '<p>No plan is loaded yet: <code>npm run load -- FILE</code>, or start with <code>PLAN_FILES</code> set.</p>'
      : `${pager(page, plans.length)}<table><thead><tr><th>id</th><th>plan</th><th>items</th><th>export</th></tr></thead><tbody>${plans
          .map(planRow)
          .join('')}</tbody></table>`;
  const explorer = links.explorer
    ? `<li><a href="${escapeHtml(links.explorer)}">Explorer</a> — the graph drawn, to click through</li>`
    : '';
  const docs = links.docs
    .map((name) => `<li><a href="/docs/${encodeURIComponent(name)}">${escapeHtml(name)}</a></li>`)
    .join('');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>plan-graph</title>
<style>
body { font: 16px/1.5 system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #222; }
table { border-collapse: collapse; width: 100%; } th, td { text-align: left; padding: .4rem .6rem; border-bottom: 1px solid #ddd; vertical-align: top; }
code { background: #f4f4f4; padding: 0 .2rem; } small { color: #666; }
.cut { color: #9a3412; } small.caveat { color: #9a3412; }
</style>
</head>
<body>
<h1>plan-graph</h1>
<p>Chinese policy plans as a knowledge graph in Neo4j, behind a typed GraphQL API. Every fact points back to the sentence it came from.</p>
<h2>Loaded plans</h2>
${table}
<h2>Where to go</h2>
<ul>
<li><a href="/graphql">GraphQL playground</a> — GraphiQL with the explorer and the schema docs; one tab per documented question. The API itself is <code>POST /graphql</code>.</li>
${explorer}<li><a href="/health">/health</a> — the process is up · <a href="/ready">/ready</a> — the database answers and a plan is loaded</li>
</ul>
<h2>Docs</h2>
<ul>
${docs}
</ul>
</body>
</html>
`;
}
