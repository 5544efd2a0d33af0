import { describe, expect, it } from 'vitest';
import { POSITION_SETUPS, headUpSideFor, positionOf, trackingModeOf } from '../../../../src/core/protocol/positions';
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

  it('lying on the back is filmed from the side; face down from the side too, one side at a time', () => {
    expect(POSITION_SETUPS.supine).toMatchObject({ view: 'side', trackable: true, sidedCamera: false });
    expect(POSITION_SETUPS.prone).toMatchObject({ view: 'side', trackable: true, sidedCamera: true, guidedFallback: true });
    expect(POSITION_SETUPS.upright).toMatchObject({ view: 'front', trackable: true, guidedFallback: false });
    expect(POSITION_SETUPS.supine.guidedFallback).toBe(true);
  });

  it('measures every exercise (guided only as a fallback the person chooses)', () => {
    const guided = PROTOCOL.exercises.filter((exercise) => trackingModeOf(exercise) === 'guided').map((exercise) => exercise.id);
    expect(guided).toEqual([]);
  });

  it('turns the landmarkers’ frames head-up face down only, toward the camera’s side', () => {
    expect(headUpSideFor(getExercise('prone-ear-to-floor'), 'left')).toBe('left');
    expect(headUpSideFor(getExercise('prone-ear-to-floor'), 'right')).toBe('right');
    expect(headUpSideFor(getExercise('supine-neck-raise-hold'), 'right')).toBeNull();
    expect(headUpSideFor(getExercise('head-turns'), 'left')).toBeNull();
    expect(headUpSideFor(null, 'left')).toBeNull();
  });

  it('keeps each exercise camera view in line with its position (lying: side view)', () => {
    for (const exercise of PROTOCOL.exercises) {
      if (positionOf(exercise) === 'supine' || positionOf(exercise) === 'prone') expect(exercise.view, exercise.id).toBe('side');
    }
  });
});
