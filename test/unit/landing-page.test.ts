import { describe, expect, it } from 'vitest';
import { renderLanding } from '../../src/api/landing/page.ts';

const plan = {
  id: 'p-1',
  title: '<script>alert(1)</script>计划',
  issuer: null,
  publishedDate: '2019-01-02',
  sourceFile: 'p.txt',
  complete: true,
  warningsJson: '[]',
  goals: 1,
  tasks: 2,
  subItems: 3,
};

describe('the landing page', () => {
  it('escapes what the plans say', () => {
    const html = renderLanding([plan], { docs: [] });
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;计划<br><small>2019-01-02</small>');
    expect(html).not.toContain('<script>');
  });

  it('links the explorer when the service has one', () => {
    expect(renderLanding([plan], { explorer: '/explore', docs: [] })).toContain(
      '<a href="/explore">Explorer</a>',
    );
  });

  it('with no plan loaded, says how to load one', () => {
    expect(renderLanding([], { docs: ['api.md'] })).toContain('No plan is loaded yet');
  });

  it('marks a cut text with the line where it stops, and a plan without goals', () => {
    const cut = {
      ...plan,
      id: 'p-2',
      complete: false,
      goals: 0,
      warningsJson: JSON.stringify([
        {
          code: 'TRUNCATED',
          message: 'the text stops at line 25 in task 2: expected its lead, found the end of the text',
          line: 25,
        },
      ]),
    };
    const html = renderLanding([plan, cut], { docs: [] });
    expect(html.match(/class="cut"/g)).toHaveLength(1);
    expect(html).toContain(
      'p-2 is a cut text: its source stops at line 25 (in task 2) and nothing after that was read',
    );
    expect(html).toContain('p-2 has no goals (主要目标) in the text read');
    expect(html).not.toContain('p-1 is a cut text');
  });

  it('pages a long list: how many of how many, a filter box, and the links to the first and the next page', () => {
    const html = renderLanding([plan], { docs: [] }, { total: 1001, after: 'p-0', text: null, next: 'p-1' });
    expect(html).toContain(
      '1 of 1001 plans shown, by id · <a href="/">first page</a> · <a href="/?after=p-1">next page</a>',
    );
    expect(html).toContain('<input name="q" value="" size="24">');
    const found = renderLanding(
      [plan],
      { docs: [] },
      { total: 1001, after: '', text: '计划 "x"', next: null },
    );
    expect(found).toContain(
      '1 plan shown whose id or title contains “计划 &quot;x&quot;”, of 1001 loaded</p>',
    );
    expect(found).toContain('value="计划 &quot;x&quot;"');
    // Nothing found by a filter is not an empty graph.
    expect(renderLanding([], { docs: [] }, { total: 3, after: '', text: 'zz', next: null })).toContain(
      '0 plans shown whose id or title contains “zz”, of 3 loaded',
    );
  });

  it('shows no pager while every plan fits on one page', () => {
    expect(renderLanding([plan], { docs: [] })).not.toContain('<form');
  });
});
