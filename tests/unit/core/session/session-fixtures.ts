import type { RepMetrics, SessionAction, SessionExercise, SessionState } from '../../../../src/core/session';
import { reduceSession } from '../../../../src/core/session';

export const HEAD_TURNS: SessionExercise = {
  id: 'head-turns',
  group: 'simple-a',
  directions: ['left', 'right'],
  perSide: true,
  repsTarget: 2,
  holdMs: null,
  durationMs: null,
};
export const CHIN_TO_CHEST: SessionExercise = {
  id: 'chin-to-chest',
  group: 'simple-a',
  directions: ['down'],
  perSide: false,
  repsTarget: 2,
  holdMs: null,
  durationMs: null,
};
export const PALM_FOREHEAD: SessionExercise = {
  id: 'palm-forehead-press',
  group: 'simple-b',
  directions: ['none'],
  perSide: false,
  repsTarget: 2,
  holdMs: 3000,
  durationMs: null,
};
export const MASSAGE: SessionExercise = {
  id: 'neck-self-massage',
  group: 'simple-b',
  directions: ['none'],
  perSide: false,
  repsTarget: 1,
  holdMs: null,
  durationMs: 10_000,
};
export const SUPINE_BREATHING: SessionExercise = {
  id: 'supine-breathing',
  group: 'complex-1',
  directions: ['none'],
  perSide: false,
  repsTarget: 7,
  holdMs: null,
  durationMs: null,
};
export const SHOULDER_CIRCLES: SessionExercise = {
  id: 'shoulder-circles',
  group: 'complex-2',
  directions: ['clockwise', 'counterclockwise'],
  perSide: true,
  repsTarget: 2,
  holdMs: null,
  durationMs: null,
};
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
