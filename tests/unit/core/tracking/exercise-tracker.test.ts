import { syntheticBodyReader } from '../../../../tools/synthetic/synthetic-body-reader';
import { describe, expect, it } from 'vitest';
import type { FrameObservation } from '../../../../src/core/landmarks';
import { FrameProcessor } from '../../../../src/core/pipeline/frame-to-sample';
import { getExercise } from '../../../../src/core/protocol/protocol';
import { runEngine, createEngineForExercise } from '../../../../src/core/reps/run-engine';
import { summarizeEvents } from '../../../../src/core/reps/summarize-events';
import { CALIBRATION_PHASES } from '../../../../src/core/tracking/calibration-progress';
import { ExerciseTracker } from '../../../../src/core/tracking/exercise-tracker';
import type { ExerciseEvent } from '../../../../src/core/reps/exercise-events';
import { syntheticBody, syntheticFace, syntheticFrame } from '../head-pose/synthetic-subject';

/** The synthetic subjects' bodies read by a rigid fit (the learned regression is tested on real and rendered landmarks). */
const SYNTHETIC = { body: syntheticBodyReader };

const FRAME_MS = 1000 / 30;

/** 1 s still, then `turns` head turns (±50° yaw, 3 s each), one person, at 30 frames/s. */
function headTurns(turns: number, people = 1): FrameObservation[] {
  const frames: FrameObservation[] = [];
  const total = 30 + turns * 90;
  for (let k = 0; k < total; k++) {
    const yawDeg = k < 30 ? 0 : 50 * Math.sin((2 * Math.PI * (k - 30)) / 90);
    const pose = { head: { yawDeg, pitchDeg: 0, rollDeg: 0 } };
    const faces = Array.from({ length: people }, () => syntheticFace(pose));
    const bodies = Array.from({ length: people }, () => syntheticBody(pose));
    frames.push(syntheticFrame(k * FRAME_MS, faces, bodies));
  }
  return frames;
}

function trackAll(tracker: ExerciseTracker, frames: readonly FrameObservation[]): ExerciseEvent[] {
  const events: ExerciseEvent[] = [];
  for (const frame of frames) events.push(...tracker.step(frame).events);
  events.push(...tracker.finish().events);
  return events;
}

describe('ExerciseTracker', () => {
  it('counts what the processor and the engine count on clean frames (the quality gate lets them through)', () => {
    const frames = headTurns(6);
    const tracker = new ExerciseTracker({ neutral: 'auto', headPose: SYNTHETIC });
    tracker.startExercise(getExercise('head-turns'));
    const tracked = summarizeEvents(trackAll(tracker, frames));
    const processor = new FrameProcessor({ neutral: 'auto', headPose: SYNTHETIC });
    const direct = summarizeEvents(runEngine(createEngineForExercise('head-turns'), frames.map((f) => processor.process(f).sample)).events);
    expect(direct.reps).toBeGreaterThanOrEqual(10);
    expect(tracked.reps).toBe(direct.reps);
    expect(tracked.bySide).toEqual(direct.bySide);
  });

  it('counts nothing while two people are in view (the gate the analyzer used to skip)', () => {
    const tracker = new ExerciseTracker({ neutral: 'auto', headPose: SYNTHETIC });
    tracker.startExercise(getExercise('head-turns'));
    const steps = headTurns(4, 2).map((frame) => tracker.step(frame));
    expect(steps.some((s) => s.qualityProblem !== null)).toBe(true);
    expect(steps.at(-1)?.people).toBe('many');
    expect(summarizeEvents([...steps.flatMap((s) => s.events), ...tracker.finish().events]).reps).toBe(0);
  });

  it('takes the neutral from a still hold, reports it as a calibrated action and applies it', () => {
    const tracker = new ExerciseTracker({ neutral: null, calibrationHoldMs: 1000, headPose: SYNTHETIC });
    tracker.holdStillForNeutral();
    const still = Array.from({ length: 60 }, (_, k) => syntheticFrame(k * FRAME_MS, [syntheticFace({ head: { yawDeg: 12, pitchDeg: 0, rollDeg: 0 } })], [syntheticBody({ head: { yawDeg: 12, pitchDeg: 0, rollDeg: 0 } })]));
    const steps = still.map((frame) => tracker.step(frame));
    const done = steps.findIndex((s) => s.calibration?.phase === CALIBRATION_PHASES.done);
    expect(done).toBeGreaterThan(0);
    expect(steps[done - 1]?.calibration?.progress).toBeLessThan(1);
    expect(steps[done]?.actions.map((a) => a.type)).toEqual(['calibrated']);
    expect(tracker.neutral?.yawDeg).toBeCloseTo(12, 0);
    expect(steps.at(-1)?.calibration).toBeNull();
    expect(Math.abs(steps.at(-1)?.sample.angles?.yawDeg ?? 99)).toBeLessThan(1);
  });

  it('takes the automatic neutral after its wait of present frames', () => {
    const tracker = new ExerciseTracker({ neutral: null, autoNeutralWaitMs: 1500, headPose: SYNTHETIC });
    tracker.takeNeutralAutomatically();
    const steps = headTurns(1).map((frame) => tracker.step(frame));
    const done = steps.find((s) => s.calibration?.phase === CALIBRATION_PHASES.done);
    expect(done?.tMs).toBeGreaterThanOrEqual(1500);
    expect(done?.tMs).toBeLessThan(1500 + 2 * FRAME_MS);
    expect(done?.actions[0]?.type).toBe('calibrated');
  });

  it('lets nothing reach the engine while paused', () => {
    const tracker = new ExerciseTracker({ neutral: { yawDeg: 0, pitchDeg: 0, rollDeg: 0 } });
    tracker.startExercise(getExercise('head-turns'));
    tracker.setPaused(true);
    const paused = trackAll(tracker, headTurns(4));
    expect(summarizeEvents(paused).reps).toBe(0);
  });
});
