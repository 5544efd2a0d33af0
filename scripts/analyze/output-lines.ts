import type { RepEvent } from '../../src/core/reps/exercise-events';
import type { EventSummary } from '../../src/core/reps/summarize-events';
import type { AnalyzeBackend, OutputFormat } from './analyze-args';

/**
 * The one declaration of `npm run analyze`'s output lines (jsonl, one object per line; csv, the
 * same fields as columns): written by the analyzer, read by the clip evaluator and the tests.
 */

/** One image or video frame: the fused head angles (convention: src/core/head-pose/head-angles.ts). */
export interface FrameLine {
  readonly type: 'frame';
  readonly file: string;
  /** Presentation time in the video, ms (0 for an image). */
  readonly tMs: number;
  readonly face: boolean;
  readonly pose: boolean;
  readonly yawDeg: number | null;
  readonly pitchDeg: number | null;
  readonly rollDeg: number | null;
  /**
   * jsonl only, and only when a face was found: MediaPipe's facial transformation matrix of the
   * first face as angles (same convention, relative to the camera, no fusion, no tracking), so the
   * fused angles can be compared with the plain matrix frame by frame.
   */
  readonly faceMatrixAngles?: { readonly yawDeg: number | null; readonly pitchDeg: number | null; readonly rollDeg: number | null };
}

export interface RepLine {
  readonly type: 'rep';
  readonly file: string;
  readonly side: string | null;
  readonly peakDeg: number | null;
  readonly durationMs: number | null;
  readonly peakVelDegS: number | null;
  readonly sparc: number | null;
  readonly complete: boolean;
  /** What the coach said about this rep, as the live session says it (too-fast, jerky, …; "good" left out). */
  readonly feedback: readonly string[];
}

export interface SummaryLine {
  readonly type: 'summary';
  readonly file: string;
  readonly exercise: string;
  readonly reps: number;
  readonly bySide: Readonly<Record<string, number>>;
  readonly incomplete: number;
  /** The landmarkers that read the file (for a replay: those that recorded the trace). */
  readonly backend: AnalyzeBackend;
  /** A timed exercise: how long its timer ran (placement right), ms; null for counted exercises. */
  readonly activeMs: number | null;
}

export type OutputLine = FrameLine | RepLine | SummaryLine;
export type OutputLineType = OutputLine['type'];


/** Printed precision: µs for times, thousandths of a degree for angles (far below model noise). */
const DECIMALS = 3;

export function roundOutput(value: number | null): number | null {
  if (value === null || !Number.isFinite(value)) return null;
  const scale = 10 ** DECIMALS;
  const rounded = Math.round(value * scale) / scale;
  return rounded === 0 ? 0 : rounded; // no "-0"
}

export const FRAME_COLUMNS = ['type', 'file', 'tMs', 'face', 'pose', 'yawDeg', 'pitchDeg', 'rollDeg'] as const;
const REP_COLUMNS = ['side', 'peakDeg', 'durationMs', 'peakVelDegS', 'sparc', 'complete', 'feedback'] as const;
const SUMMARY_COLUMNS = ['exercise', 'reps', 'bySide', 'incomplete', 'backend', 'activeMs'] as const;
/** With --exercise, csv rows of every type share one header (cells that do not apply are empty). */
export const ALL_COLUMNS = [...FRAME_COLUMNS, ...REP_COLUMNS, ...SUMMARY_COLUMNS] as const;

export function csvColumns(withExercise: boolean): readonly string[] {
  return withExercise ? ALL_COLUMNS : FRAME_COLUMNS;
}

function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function formatLine(line: OutputLine, format: OutputFormat, columns: readonly string[]): string {
  if (format === 'jsonl') return JSON.stringify(line);
  const record = line as unknown as Readonly<Record<string, unknown>>;
  return columns.map((column) => csvCell(record[column])).join(',');
}

export function csvHeader(columns: readonly string[]): string {
  return columns.join(',');
}

/** A counted (or abandoned) rep as the analyzer prints it, with the coach's feedback on it. */
export function repLine(file: string, rep: RepEvent, feedback: readonly string[] = []): RepLine {
  return {
    type: 'rep',
    file,
    side: rep.side,
    peakDeg: roundOutput(rep.peakDeg),
    durationMs: roundOutput(rep.durationMs),
    peakVelDegS: roundOutput(rep.peakVelDegS),
    sparc: roundOutput(rep.sparc),
    complete: rep.complete,
    feedback,
  };
}

/** `timed`: the exercise is a dose of time (its active time is printed; a counted one prints null). */
export function summaryLine(file: string, exercise: string, summary: EventSummary, backend: AnalyzeBackend, timed: boolean): SummaryLine {
  const activeMs = timed ? roundOutput(summary.activeMs) : null;
  return { type: 'summary', file, exercise, reps: summary.reps, bySide: summary.bySide, incomplete: summary.incomplete, backend, activeMs };
}

const LINE_TYPES: ReadonlySet<string> = new Set<OutputLineType>(['frame', 'rep', 'summary']);

function isOutputLine(value: unknown): value is OutputLine {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as { readonly type?: unknown; readonly file?: unknown };
  return typeof record.type === 'string' && LINE_TYPES.has(record.type) && typeof record.file === 'string';
}

/** The analyzer's jsonl output back as lines (blank lines and anything else are skipped). */
export function parseOutputLines(jsonl: string): OutputLine[] {
  return jsonl.split('\n').flatMap((text) => {
    if (text.trim() === '') return [];
    try {
      const value: unknown = JSON.parse(text);
      return isOutputLine(value) ? [value] : [];
    } catch {
      return [];
    }
  });
}

export function linesOfType<T extends OutputLineType>(lines: readonly OutputLine[], type: T): Extract<OutputLine, { type: T }>[] {
  return lines.filter((line): line is Extract<OutputLine, { type: T }> => line.type === type);
}
