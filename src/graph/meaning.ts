/**
 * Relationships that say something about what a plan means — who leads or joins a task, what it
 * serves or addresses, what it mentions, where a task reappears in another plan — as opposed to
 * the plan's structure (sections, sub-items, which plan a node belongs to). A path over these reads
 * as an explanation: 组人部 leads task 6, which serves goal 3; one through section headings does not.
 */
export const MEANING_TYPES: readonly string[] = [
  'LEADS',
  'PARTICIPATES',
  'SERVES',
  'ADDRESSES',
  'MENTIONS',
  'SAME_AS',
  'CONTINUES',
];
