/**
 * A page of docs/ as HTML (markdown-it, CommonMark with tables), in the start page's frame. The
 * docs are this repository's own files, so their inline HTML (<details>) is kept; the page
 * headers' Content-Security-Policy still allows no script. Headings get GitHub's ids, so
 * `#departments-across-plans` links land where they do on GitHub.
 */
import MarkdownIt from 'markdown-it';
import { escapeHtml } from './page.ts';

const markdown = new MarkdownIt({ html: true, linkify: false, typographer: false });

/** GitHub's anchor of a heading: lower case, punctuation dropped (CJK kept), spaces to hyphens. */
export function slug(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

markdown.core.ruler.push('heading_ids', (state) => {
  const seen = new Map<string, number>();
  state.tokens.forEach((token, i) => {
    if (token.type !== 'heading_open') return;
    const base = slug(state.tokens[i + 1]?.children?.map((c) => c.content).join('') ?? '');
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    token.attrSet('id', n === 0 ? base : `${base}-${n}`);
  });
});

/** The whole HTML page for `name` (e.g. api.md) from its Markdown source. */
export function renderDoc(name: string, source: string): string {
  const title = /^#\s+(.+)$/m.exec(source)?.[1] ?? name;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · plan-graph</title>
<style>
body { font: 16px/1.5 system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #222; }
table { border-collapse: collapse; } th, td { text-align: left; padding: .3rem .6rem; border-bottom: 1px solid #ddd; vertical-align: top; }
code { background: #f4f4f4; padding: 0 .2rem; } pre { background: #f4f4f4; padding: .6rem; overflow-x: auto; } pre code { padding: 0; }
nav { font-size: .9rem; color: #666; } img { max-width: 100%; }
</style>
</head>
<body>
<nav><a href="/">plan-graph</a> › docs/${escapeHtml(name)} · <a href="/docs/${encodeURIComponent(name)}?raw">Markdown source</a></nav>
${markdown.render(source)}</body>
</html>`;
}
