import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { clipKind } from '../../../../scripts/clip-eval/clip-kind';
import { findExercise } from '../../../../src/core/protocol/protocol';
import { buildGroundTruth } from '../../../../tools/clipgen/core/ground-truth';
import { activeTimeIsExact, placedMs, timedPlacement } from '../../../../tools/clipgen/core/timed-truth';
import { readTrajectoryFile } from '../../../../tools/clipgen/node/write-clip';
import { scanTruth } from '../../../support/clipgen/scan-truth';

const TRAJECTORIES = path.resolve(__dirname, '../../../../fixtures/trajectories');

function truthOf(id: string): ReturnType<typeof buildGroundTruth> {
  return buildGroundTruth(readTrajectoryFile(path.join(TRAJECTORIES, `${id}.json`)).trajectory);
}

function placementOf(exercise: string): ReturnType<typeof timedPlacement> {
  const definition = findExercise(exercise);
  if (definition === undefined) throw new Error(`no exercise ${exercise}`);
  return timedPlacement(definition);
}

describe('a timed clip against its truth', () => {
  it('places the timed exercises by their arm pose; counted exercises have none', () => {
    expect(placementOf('neck-self-massage')).toBe('hands-at-neck');
    expect(placementOf('supine-breathing')).toBe('hands-on-torso');
    expect(placementOf('head-turns')).toBeNull();
    expect(placementOf('shoulder-shrug-hold')).toBeNull();
  });

  it('sums the time the frames show the placement', () => {
    const truth = scanTruth('neck-self-massage', 10, [
      { kind: 'body-move', to: {}, durationMs: 1000, arms: 'rest' },
      { kind: 'body-move', to: {}, durationMs: 2500, arms: 'hands-at-neck' },
      { kind: 'body-move', to: {}, durationMs: 1000, arms: 'rest' },
    ]);
    expect(placedMs(truth, 'hands-at-neck')).toBeCloseTo(2500, 6);
    expect(placedMs(truth, 'hands-on-torso')).toBe(0);
  });

  it('reads the kind of the timed clips from the truth: placed, moving without the placement, still', () => {
    for (const exercise of ['neck-self-massage', 'supine-breathing']) {
      const placement = placementOf(exercise);
      expect(clipKind(truthOf(exercise), placement)).toBe('exact');
      expect(clipKind(truthOf(`${exercise}-incomplete`), placement)).toBe('wrong-form');
      expect(clipKind(truthOf(`${exercise}-still`), placement)).toBe('negative');
      // Without the placement they have no rep: all negative, as before timed clips were scored.
      expect(clipKind(truthOf(exercise), null)).toBe('negative');
    }
  });

  it('judges the active time within the tolerance either way; no active time is never right', () => {
    expect(activeTimeIsExact(8000, 7100, 1000)).toBe(true);
    expect(activeTimeIsExact(8000, 8900, 1000)).toBe(true);
    expect(activeTimeIsExact(8000, 6900, 1000)).toBe(false);
    expect(activeTimeIsExact(0, 1100, 1000)).toBe(false);
    expect(activeTimeIsExact(0, 0, 1000)).toBe(true);
    expect(activeTimeIsExact(0, null, 1000)).toBe(false);
  });
});
