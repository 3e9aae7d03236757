import { describe, expect, it } from 'vitest';
import { statusLine } from '../../src/cli/status.ts';
import { editDistance, nearestNames } from '../../src/api/suggest.ts';

function fakeStream(isTTY: boolean) {
  const writes: string[] = [];
  const stream = { isTTY, columns: 40, write: (s: string) => writes.push(s) > 0 };
  return { stream: stream as unknown as NodeJS.WriteStream, writes };
}

describe('the status line of long steps', () => {
  it('on a terminal, rewrites itself in place and clears before a permanent line', () => {
    const { stream, writes } = fakeStream(true);
    const status = statusLine(stream);
    status.update('building: 1 s');
    status.update('building: 2 s');
    status.print('engine built in 2 s');
    expect(writes).toEqual([
      '\r\x1b[Kbuilding: 1 s',
      '\r\x1b[Kbuilding: 2 s',
      '\r\x1b[K',
      'engine built in 2 s\n',
    ]);
  });

  it('when output is not a terminal, stays quiet and writes the permanent lines only', () => {
    const { stream, writes } = fakeStream(false);
    const status = statusLine(stream);
    status.update('building: 1 s');
    status.print('engine built in 1 s');
    expect(writes).toEqual(['engine built in 1 s\n']);
  });
});

describe('did you mean', () => {
  const concepts = [
    { id: 'concept/四服务', name: '四服务', aliases: [] },
    { id: 'concept/1-9-6-1工作布局', name: '1-9-6-1工作布局', aliases: ['1-9-6-1'] },
    { id: 'concept/三性', name: '三性', aliases: ['政治性先进性群众性'] },
  ];

  it('counts a Chinese character as one edit', () => {
    expect(editDistance('四服务', '四化')).toBe(2);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it('puts names containing the asked text first, and leaves far names out', () => {
    expect(nearestNames('服务', concepts)).toEqual(['四服务']);
    expect(nearestNames('“1-9-6-1工作”', concepts)).toEqual(['1-9-6-1工作布局']);
    expect(nearestNames('完全无关的词语', concepts)).toEqual([]);
  });
});
