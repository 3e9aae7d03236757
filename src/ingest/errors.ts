/**
 * The parser's contract, stated in its errors: which line, what was expected, what was found.
 * Thrown only when no plan can be made of the input; where the parser can carry on it adds a
 * ParseWarning to the model instead.
 */
export type PlanErrorCode =
  | 'EMPTY_INPUT'
  | 'BINARY_INPUT'
  | 'BAD_ENCODING'
  | 'NO_PLAN'
  | 'TRUNCATED'
  | 'NOTICE_ONLY'
  | 'TABLE_LAYOUT'
  | 'MULTIPLE_PLANS'
  | 'NUMBERING_GAP'
  | 'BAD_SEED_DATA'
  | NotAPlanCode;

/** Refusals of documents of another kind than a plan (parse/doc-kind.ts, genre.json documentKinds). */
export const NOT_A_PLAN_CODES = [
  'NOT_A_PLAN_APPROVAL',
  'NOT_A_PLAN_REPLY',
  'NOT_A_PLAN_DECISION',
  'NOT_A_PLAN_REGULATION',
  'NOT_A_PLAN_HOLIDAY_NOTICE',
] as const;
export type NotAPlanCode = (typeof NOT_A_PLAN_CODES)[number];

export class PlanParseError extends Error {
  override readonly name = 'PlanParseError';
  constructor(
    readonly code: PlanErrorCode,
    /** 1-based line in the source, null when the error is about the whole input. */
    readonly line: number | null,
    readonly expected: string,
    readonly found: string,
    readonly file: string | null = null,
  ) {
    super(
      `${file ?? 'input'}${line === null ? '' : `:${line}`}: ${code}: expected ${expected}, found ${found}`,
    );
  }
}
