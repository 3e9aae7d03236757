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
});
