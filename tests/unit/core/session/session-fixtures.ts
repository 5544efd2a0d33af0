import type { RepMetrics, SessionAction, SessionExercise, SessionState } from '../../../../src/core/session';
import { reduceSession } from '../../../../src/core/session';

/** A plan's exercise: two reps, per side when it has two directions, no hold or timer unless given. */
function sessionExercise(id: string, group: SessionExercise['group'], directions: SessionExercise['directions'], dose: Partial<SessionExercise> = {}): SessionExercise {
  return { id, group, directions, perSide: directions.length > 1, repsTarget: 2, holdMs: null, durationMs: null, ...dose };
}

export const HEAD_TURNS = sessionExercise('head-turns', 'simple-a', ['left', 'right']);
export const CHIN_TO_CHEST = sessionExercise('chin-to-chest', 'simple-a', ['down']);
export const PALM_FOREHEAD = sessionExercise('palm-forehead-press', 'simple-b', ['none'], { holdMs: 3000 });
export const MASSAGE = sessionExercise('neck-self-massage', 'simple-b', ['none'], { repsTarget: 1, durationMs: 10_000 });
export const SUPINE_BREATHING = sessionExercise('supine-breathing', 'complex-1', ['none'], { repsTarget: 7 });
export const SHOULDER_CIRCLES = sessionExercise('shoulder-circles', 'complex-2', ['clockwise', 'counterclockwise']);
export const TEST_CATALOG: readonly SessionExercise[] = [
  HEAD_TURNS,
  CHIN_TO_CHEST,
  PALM_FOREHEAD,
  MASSAGE,
  SUPINE_BREATHING,
  SHOULDER_CIRCLES,
];

export function rep(side: RepMetrics['side'], peakDeg: number, overrides: Partial<RepMetrics> = {}): RepMetrics {
  return {
    side,
    peakDeg,
    durationMs: 2000,
    peakVelDegS: 60,
    sparc: -1.6,
    ldj: -6,
    velocityPeaks: 1,
    complete: true,
    ...overrides,
  };
}

export function run(state: SessionState, actions: readonly SessionAction[]): SessionState {
  return actions.reduce(reduceSession, state);
}

export const START: SessionAction = { type: 'start', tMs: 0, atIso: '2026-11-24T08:00:00.000Z' };
export const CALIBRATED: SessionAction = {
  type: 'calibrated',
  tMs: 1000,
  neutral: { yawDeg: 1, pitchDeg: -2, rollDeg: 0 },
};
