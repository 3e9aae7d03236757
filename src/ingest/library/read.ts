/**
 * One plan file read and parsed into plain data: what a parse worker (parse-task.ts) sends back to
 * the thread that writes, and what `--dry-run` prints. A refused or unreadable file is a result with
 * its code and reason, never a throw: one bad file of a library is a line of the report.
 */
import { PlanParseError } from '../errors.ts';
import { parsePlan, readPlanFile } from '../index.ts';
import type { PlanModel } from '../model.ts';
import { refusal, verdict as modelVerdict } from '../summary.ts';

/** What became of one file. */
export type FileVerdict = 'complete' | 'partial' | 'refused' | 'unreadable';

/** What the load did with a read plan: absent on a dry run and for a file that was not read. */
export type LoadOutcome = 'loaded' | 'unchanged' | 'failed';

export interface FileResult {
  readonly file: string;
  readonly verdict: FileVerdict;
  /** The plan id, null when no plan was read. */
  readonly planId: string | null;
  /** The sha256 of the file's bytes, null when it could not be read. */
  readonly sha256?: string | null;
  readonly tasks: number;
  readonly leads: number;
  readonly participants: number;
  readonly warnings: number;
  /** Why a file was refused (its code first), where a partial text stops; null for a complete plan. */
  readonly detail: string | null;
  /** The parse error's code for a refused file (TRUNCATED, NO_PLAN, …). */
  readonly code: string | null;
  /** An earlier file that gives the same plan id, if any: loading this one is refused (PLAN_ID_CLASH). */
  sameIdAs?: string | null;
  load?: LoadOutcome;
  loadDetail?: string;
}

export interface ReadOptions {
  readonly partial?: boolean;
}

/** Reads and parses one file: its result line, and the model when a plan was read. */
export function readOne(
  file: string,
  options: ReadOptions = {},
): { result: FileResult; model: PlanModel | null } {
  const none = { planId: null, tasks: 0, leads: 0, participants: 0, warnings: 0 };
  let model: PlanModel;
  let sha256: string | null = null;
  try {
    const { text, source } = readPlanFile(file);
    sha256 = source.sha256;
    model = parsePlan(text, source, options.partial ? { partial: true } : {});
  } catch (error) {
    if (error instanceof PlanParseError) {
      const detail = refusal(error).replace(/^refused: /, '');
      return { result: { file, verdict: 'refused', ...none, sha256, code: error.code, detail }, model: null };
    }
    const message = error instanceof Error ? error.message : String(error);
    return {
      result: { file, verdict: 'unreadable', ...none, sha256, code: null, detail: message },
      model: null,
    };
  }
  const partial = !model.complete;
  const result: FileResult = {
    file,
    verdict: partial ? 'partial' : 'complete',
    planId: model.id,
    sha256,
    tasks: model.elements.filter((e) => e.kind === 'Task').length,
    leads: model.leads.length,
    participants: model.participations.length,
    warnings: model.warnings.length,
    code: null,
    detail: partial ? modelVerdict(model).replace(/^partial: /, '') : null,
  };
  return { result, model };
}
