import { describe, expect, it } from 'vitest';
import { POSITION_SETUPS, positionOf, trackingModeOf } from '../../../../src/core/protocol/positions';
import { PROTOCOL, getExercise } from '../../../../src/core/protocol/protocol';

describe('positions of the protocol', () => {
  it('reads each posture as the position whose camera set-up it needs', () => {
    expect(positionOf(getExercise('head-turns'))).toBe('upright');
    expect(positionOf(getExercise('seated-chin-press'))).toBe('upright');
    expect(positionOf(getExercise('supine-breathing'))).toBe('supine');
    expect(positionOf(getExercise('supine-neck-raise-hold'))).toBe('supine');
    expect(positionOf(getExercise('prone-ear-to-floor'))).toBe('prone');
    expect(positionOf({ posture: 'lying-side' })).toBe('side-lying');
  });

  it('lying on the back is filmed from the side; face down cannot be followed by a camera', () => {
    expect(POSITION_SETUPS.supine).toMatchObject({ view: 'side', trackable: true });
    expect(POSITION_SETUPS.prone.trackable).toBe(false);
    expect(POSITION_SETUPS.upright).toMatchObject({ view: 'front', trackable: true, guidedFallback: false });
    expect(POSITION_SETUPS.supine.guidedFallback).toBe(true);
  });

  it('guides exactly the exercises done face down; measures every other one', () => {
    const guided = PROTOCOL.exercises.filter((exercise) => trackingModeOf(exercise) === 'guided').map((exercise) => exercise.id);
    expect(guided).toEqual(['prone-ear-to-floor']);
  });

  it('keeps each exercise camera view in line with its position (lying on the back: side view)', () => {
    for (const exercise of PROTOCOL.exercises) {
      if (positionOf(exercise) === 'supine') expect(exercise.view, exercise.id).toBe('side');
    }
  });
});
