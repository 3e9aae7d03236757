/**
 * "Did you mean": the known names nearest to one that matched nothing. Nearness is Levenshtein
 * distance on code points, with a name that contains the asked text (or is contained in it)
 * counted as nearest: 1-9-6-1 → 1-9-6-1工作布局, 服务 → 四服务.
 */

/** Edit distance between two strings, by code point (a Chinese character is one step). */
export function editDistance(a: string, b: string): number {
  const s = [...a];
  const t = [...b];
  let previous = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const current = [i];
    for (let j = 1; j <= t.length; j++) {
      current[j] = Math.min(
        previous[j]! + 1,
        current[j - 1]! + 1,
        previous[j - 1]! + (s[i - 1] === t[j - 1] ? 0 : 1),
      );
    }
    previous = current;
  }
  return previous[t.length]!;
}

export interface Named {
  readonly id: string;
  readonly name: string;
  readonly aliases: readonly string[];
}

/** Quotes, brackets and spaces people type around a name (“1-9-6-1”, "3+1") say nothing. */
export function normalName(text: string): string {
  return text.replace(/[\s"'“”‘’「」『』《》]/gu, '');
}

/**
 * The canonical names of the `max` entries nearest to `asked`, nearest first; entries farther
 * than half the asked length (at least 1) are left out.
 */
export function nearestNames(asked: string, entries: readonly Named[], max = 3): string[] {
  const wanted = normalName(asked).toLowerCase();
  if (wanted === '') return [];
  const limit = Math.max(1, Math.ceil([...wanted].length / 2));
  return entries
    .map((entry) => {
      const distances = [entry.name, ...entry.aliases].map((n) => {
        const name = normalName(n).toLowerCase();
        return name.includes(wanted) || wanted.includes(name) ? 0.5 : editDistance(wanted, name);
      });
      return { name: entry.name, distance: Math.min(...distances) };
    })
    .filter((c) => c.distance <= limit)
    .sort((a, b) => a.distance - b.distance || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .slice(0, max)
    .map((c) => c.name);
}
