import { findExercise } from '../../src/core/protocol/protocol';
import { signalSteps } from '../../src/core/reps/exercise-signals';
import type { HeadAngles } from '../../src/core/head-pose/head-angles';
import { countIsExact, errorStats, median, neutralFrames, peakErrors, type MeasuredFrame, type PeakError } from '../../tools/clipgen/core/clip-scoring';
import type { GroundTruth } from '../../tools/clipgen/core/ground-truth';
import { relativeAngles } from '../../tools/clipgen/core/relative-angles';
import { AXES } from '../../tools/clipgen/core/trajectory';
import { unexpectedWarnings } from './clean-feedback';
import { activeTimeIsExact, placedMs, timedPlacement } from '../../tools/clipgen/core/timed-truth';
import type { AnalyzerResult } from '../../tools/clipgen/node/analyzer-run';
import { timedConfig } from '../../src/core/reps/counter-config';
import type { AnalyzeBackend } from '../analyze/analyze-args';

export interface ClipScore {
  readonly id: string;
  readonly exercise: string;
  readonly backend: AnalyzeBackend;
  readonly exact: boolean;
  readonly errors: readonly PeakError[];
  readonly meanSparc: number | null;
  /** Too-fast reps flagged as scripted (null when the clip has none and none was flagged). */
  readonly tooFastOk: boolean | null;
  /** A clean clip (clean-feedback.ts) given no warning it should not have got; null for other clips. */
  readonly cleanOk: boolean | null;
}

const f1 = (v: number | null | undefined): string => (v === null || v === undefined ? 'n/a' : v.toFixed(1));

/** Analyzer angles relative to the clip's neutral (the median pose over the lead-in hold). */
function measuredFrames(truth: GroundTruth, result: AnalyzerResult): MeasuredFrame[] {
  const raw: (HeadAngles | null)[] = result.frames.map((f) =>
    f.yawDeg === null || f.pitchDeg === null || f.rollDeg === null ? null : { yawDeg: f.yawDeg, pitchDeg: f.pitchDeg, rollDeg: f.rollDeg },
  );
  const { start, end } = neutralFrames(truth);
  const still = raw.slice(start, end + 1).filter((a): a is HeadAngles => a !== null);
  const neutral: HeadAngles = {
    yawDeg: median(still.map((a) => a.yawDeg)) ?? 0,
    pitchDeg: median(still.map((a) => a.pitchDeg)) ?? 0,
    rollDeg: median(still.map((a) => a.rollDeg)) ?? 0,
  };
  return raw.map((a) => (a === null ? null : relativeAngles(a, neutral)));
}

const seconds = (ms: number | null | undefined): string => (ms === null || ms === undefined ? 'n/a' : `${(ms / 1000).toFixed(1)} s`);

/** A timed exercise's clip: its active time against the time the frames show the placement (null for a counted exercise). */
function timedScore(truth: GroundTruth, result: AnalyzerResult): { exact: boolean; line: string } | null {
  const definition = findExercise(truth.exercise);
  const placement = definition === undefined ? null : timedPlacement(definition);
  if (definition === undefined || placement === null) return null;
  const expectedMs = placedMs(truth, placement);
  const toleranceMs = timedConfig(definition).graceMs;
  const activeMs = result.summary?.activeMs ?? null;
  const exact = activeTimeIsExact(expectedMs, activeMs, toleranceMs);
  return { exact, line: `active ${seconds(activeMs)} / ${seconds(expectedMs)} with ${placement} (±${seconds(toleranceMs)}) ${exact ? 'EXACT' : 'WRONG'}` };
}

/**
 * One clip read on one backend against its truth: exact count (total and per side) or, for a
 * timed exercise, exact active time; peak error per rep by axis, reps' speeds and smoothness,
 * too-fast reps flagged. Returns the score and the lines that describe it.
 */
export function scoreClip(truth: GroundTruth, result: AnalyzerResult, backend: AnalyzeBackend): { score: ClipScore; lines: string[] } {
  const summary = result.summary;
  const counted = summary?.reps ?? 0;
  const bySide = summary?.bySide ?? {};
  const timed = timedScore(truth, result);
  const exact = timed?.exact ?? (summary !== null && countIsExact(truth, counted, bySide));
  const definition = findExercise(truth.exercise);
  // Face down the exercise reads the face's turn toward the camera, not the head angles analyze
  // prints, and its speed means nothing (exercise-signals.ts signalSteps): neither is scored.
  const stepping = definition !== undefined && signalSteps(definition.signal);
  const errors = stepping ? [] : peakErrors(truth, measuredFrames(truth, result));
  const maxSpeed = definition?.maxSpeedPerS ?? Infinity;
  const flagged = stepping ? 0 : result.reps.filter((r) => r.peakVelDegS !== null && r.peakVelDegS > maxSpeed).length;
  const sparcs = result.reps.map((r) => r.sparc).filter((s): s is number => s !== null && Number.isFinite(s));
  const meanSparc = sparcs.length > 0 ? sparcs.reduce((s, v) => s + v, 0) / sparcs.length : null;

  const lines: string[] = [];
  const sides = Object.entries(truth.expectedCount.bySide).map(([side, n]) => `${side} ${bySide[side] ?? (side === 'none' ? counted : 0)}/${n}`);
  const found = result.frames.filter((f) => f.face).length;
  const verdict = timed === null ? `count ${counted}/${truth.expectedCount.total} ${exact ? 'EXACT' : 'WRONG'} [${sides.join(', ')}]` : timed.line;
  lines.push(`${backend}: ${verdict}${summary?.incomplete ? `, ${summary.incomplete} incomplete` : ''}; face in ${found}/${truth.frameCount} frames`);
  for (const axis of AXES) {
    const onAxis = errors.filter((e) => e.axis === axis);
    if (onAxis.length === 0) continue;
    const stats = errorStats(onAxis.map((e) => e.errorDeg));
    const perRep = onAxis.map((e) => `${f1(e.trueDeg)}→${f1(e.measuredDeg)}`).join(' ');
    lines.push(`  peak ${axis}: |err| mean ${f1(stats.meanAbsDeg)}° max ${f1(stats.maxAbsDeg)}° (n=${stats.n}; true→measured: ${perRep})`);
  }
  const repSpeeds = result.reps.map((r) => f1(r.peakVelDegS)).join(' ');
  lines.push(`  reps reported ${result.reps.length}; peak speeds ${repSpeeds || '-'} °/s (limit ${stepping ? 'not judged' : maxSpeed}); SPARC mean ${meanSparc === null ? 'n/a' : meanSparc.toFixed(2)}; feedback ${result.reps.map((r) => (r.feedback ?? []).join('+') || 'good').join(' ')}`);
  let tooFastOk: boolean | null = null;
  if (truth.expectedTooFast > 0 || flagged > 0) {
    tooFastOk = flagged === truth.expectedTooFast;
    lines.push(`  too fast: flagged ${flagged}, scripted ${truth.expectedTooFast} ${tooFastOk ? '(ok)' : '(MISMATCH)'}`);
  }
  const unexpected = unexpectedWarnings(truth, result.reps, stepping ? null : maxSpeed);
  if (unexpected !== null) lines.push(`  warnings on clean reps: ${unexpected.length === 0 ? 'none (ok)' : `${unexpected.join(', ')} (MISMATCH)`}`);
  const cleanOk = unexpected === null ? null : unexpected.length === 0;
  return { score: { id: truth.trajectoryId, exercise: truth.exercise, backend, exact, errors, meanSparc, tooFastOk, cleanOk }, lines };
}

/**
 * Smoothness on one backend: each `<name>-jerky` clip against its `<name>-smooth` twin (same
 * amplitudes and timing, only the speed profile differs) must score a lower (worse) SPARC. Other
 * clips differ in holds and pauses, which change SPARC for reasons that are not smoothness.
 */
export function smoothnessPairs(scores: readonly ClipScore[]): { jerky: ClipScore; smooth: ClipScore; ok: boolean }[] {
  return scores.flatMap((jerky) => {
    if (!jerky.id.endsWith('-jerky')) return [];
    const smooth = scores.find((s) => s.backend === jerky.backend && s.id === jerky.id.replace(/-jerky$/, '-smooth'));
    if (smooth === undefined) return [];
    return [{ jerky, smooth, ok: jerky.meanSparc !== null && smooth.meanSparc !== null && jerky.meanSparc < smooth.meanSparc }];
  });
}
