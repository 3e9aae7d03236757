/**
 * The parse of one plan file, as a task of a worker thread (pool.ts): reading, decoding and
 * parsing are CPU work that would otherwise queue behind each other on the thread that writes.
 * Input and output are plain data (structured clone); the model is sent whole for the writer.
 */
import { readOne, type FileResult, type ReadOptions } from './read.ts';
import type { PlanModel } from '../model.ts';
import { alignTexts } from '../load/align.ts';
import { words } from '../semantics/align.ts';

export interface ParseTask {
  readonly file: string;
  readonly options: ReadOptions;
}

export interface ParsedFile {
  readonly result: FileResult;
  readonly model: PlanModel | null;
  /** CPU time of the parse in the worker (ms): the benchmark's parse share. */
  readonly parseMs: number;
  /**
   * The words of each text alignment will segment (rememberWords): segmenting is CPU work that
   * would otherwise fall on the thread that writes, between two plans' transactions.
   */
  readonly words: readonly (readonly [string, readonly string[]])[];
}

export default function parseTask({ file, options }: ParseTask): ParsedFile {
  const started = performance.now();
  const { result, model } = readOne(file, options);
  const segmented = model === null ? [] : alignTexts(model).map((text) => [text, words(text)] as const);
  return { result, model, parseMs: performance.now() - started, words: segmented };
}
