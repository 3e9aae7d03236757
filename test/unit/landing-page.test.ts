import { describe, expect, it } from 'vitest';
import { renderLanding } from '../../src/api/landing/page.ts';

const plan = {
  id: 'p-1',
  title: '<script>alert(1)</script>计划',
  issuer: null,
  publishedDate: '2019-01-02',
  sourceFile: 'p.txt',
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
});
