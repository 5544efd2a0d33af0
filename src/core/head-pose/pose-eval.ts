import { wrapDeg } from '../geometry/unwrap';
import type { HeadAngles } from './head-angles';

/** One labelled image: `file,yaw_deg,pitch_deg,roll_deg` (Atlas' convention; extra columns ignored). */
export interface PoseLabel extends HeadAngles {
  readonly file: string;
}

export interface PosePrediction {
  readonly file: string;
  /** Null when the analyzer found no head in the file. */
  readonly angles: HeadAngles | null;
}

export interface FileError {
  readonly file: string;
  /** Absolute errors in degrees; null when the file was not found/analysed. */
  readonly yawDeg: number | null;
  readonly pitchDeg: number | null;
  readonly rollDeg: number | null;
}

export interface PoseEvalSummary {
  /** Labelled files. */
  readonly n: number;
  /** Labelled files with a prediction. */
  readonly found: number;
  readonly yawMae: number;
  readonly pitchMae: number;
  readonly rollMae: number;
  /** Mean of the three MAEs. */
  readonly meanMae: number;
}

function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

/** Parses the labels CSV (header row required, columns found by name). Throws on a malformed file. */
export function parseLabelsCsv(text: string): PoseLabel[] {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '');
  const header = (lines[0] ?? '').split(',').map((h) => h.trim());
  const column = (name: string): number => {
    const index = header.indexOf(name);
    if (index < 0) throw new Error(`labels.csv: missing column "${name}"`);
    return index;
  };
  const fileColumn = column('file');
  const yawColumn = column('yaw_deg');
  const pitchColumn = column('pitch_deg');
  const rollColumn = column('roll_deg');
  return lines.slice(1).map((line, k) => {
    const cells = line.split(',').map((c) => c.trim());
    const number = (index: number): number => {
      const value = Number(cells[index]);
      if (cells[index] === undefined || cells[index] === '' || !Number.isFinite(value)) {
        throw new Error(`labels.csv line ${k + 2}: "${cells[index] ?? ''}" is not a number`);
      }
      return value;
    };
    return { file: cells[fileColumn] ?? '', yawDeg: number(yawColumn), pitchDeg: number(pitchColumn), rollDeg: number(rollColumn) };
  });
}

function finiteOrNull(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/**
 * Reads the analyzer's JSONL (`{"type":"frame","file":F,"yawDeg":Y,"pitchDeg":P,"rollDeg":R,…}`);
 * other line types and non-JSON lines (npm's banner) are skipped. For a file with several frames
 * the first one counts (images have one).
 */
export function parseAnalyzerJsonl(text: string): PosePrediction[] {
  const predictions = new Map<string, PosePrediction>();
  for (const line of text.split(/\r?\n/)) {
    const trimmed = line.trim();
    if (!trimmed.startsWith('{')) continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(trimmed);
    } catch {
      continue;
    }
    if (typeof parsed !== 'object' || parsed === null) continue;
    const record = parsed as Record<string, unknown>;
    if (record['type'] !== 'frame' || typeof record['file'] !== 'string') continue;
    const file = baseName(record['file']);
    if (predictions.has(file)) continue;
    const yawDeg = finiteOrNull(record['yawDeg']);
    const pitchDeg = finiteOrNull(record['pitchDeg']);
    const rollDeg = finiteOrNull(record['rollDeg']);
    const angles = yawDeg !== null && pitchDeg !== null && rollDeg !== null ? { yawDeg, pitchDeg, rollDeg } : null;
    predictions.set(file, { file, angles });
  }
  return [...predictions.values()];
}

/** Absolute angle error in degrees, the short way round (359° vs 1° is 2°). */
export function angleErrorDeg(a: number, b: number): number {
  return Math.abs(wrapDeg(a - b));
}

/** Per-file errors and MAE per axis over the files that were found (matched by base name). */
export function evaluatePoses(labels: readonly PoseLabel[], predictions: readonly PosePrediction[]): { files: FileError[]; summary: PoseEvalSummary } {
  const byFile = new Map(predictions.map((p) => [baseName(p.file), p.angles]));
  const files = labels.map((label): FileError => {
    const angles = byFile.get(baseName(label.file)) ?? null;
    return angles
      ? {
          file: label.file,
          yawDeg: angleErrorDeg(angles.yawDeg, label.yawDeg),
          pitchDeg: angleErrorDeg(angles.pitchDeg, label.pitchDeg),
          rollDeg: angleErrorDeg(angles.rollDeg, label.rollDeg),
        }
      : { file: label.file, yawDeg: null, pitchDeg: null, rollDeg: null };
  });
  const found = files.filter((f) => f.yawDeg !== null);
  const mean = (values: number[]): number => (values.length === 0 ? Number.NaN : values.reduce((s, v) => s + v, 0) / values.length);
  const yawMae = mean(found.map((f) => f.yawDeg ?? 0));
  const pitchMae = mean(found.map((f) => f.pitchDeg ?? 0));
  const rollMae = mean(found.map((f) => f.rollDeg ?? 0));
  return { files, summary: { n: labels.length, found: found.length, yawMae, pitchMae, rollMae, meanMae: (yawMae + pitchMae + rollMae) / 3 } };
}
