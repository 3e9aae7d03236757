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

export function renderLanding(plans: readonly LandingPlan[], links: LandingLinks): string {
  const table =
    plans.length === 0
      ? '<p>No plan is loaded yet: <code>npm run load -- FILE</code>, or start with <code>PLAN_FILES</code> set.</p>'
      : `<table><thead><tr><th>id</th><th>plan</th><th>items</th><th>export</th></tr></thead><tbody>${plans
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
