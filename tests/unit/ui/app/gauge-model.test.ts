import { describe, expect, it } from 'vitest';
import { getExercise } from '../../../../src/core/protocol/protocol';
import { gaugeModel, gaugeValue, summaryDirection } from '../../../../src/ui/app/gauge-model';

describe('gaugeModel', () => {
  it('shows head turns on a horizontal dial in both directions with the protocol’s least counting angle', () => {
    const exercise = getExercise('head-turns');
    const model = gaugeModel(exercise);
    expect(model?.axis).toBe('yaw');
    expect(model?.orientation).toBe('horizontal');
    expect(model?.direction).toBe('both');
    expect(model?.targetDeg).toBe(Math.min(...exercise.targets.map((target) => target.min)));
  });

  it('shows chin-to-chest as a one-way, downward (negative pitch) vertical gauge', () => {
    const model = gaugeModel(getExercise('chin-to-chest'));
    expect(model?.axis).toBe('pitch');
    expect(model?.orientation).toBe('vertical');
    expect(model?.direction).toBe('negative');
    const back = gaugeModel(getExercise('head-back'));
    expect(back?.direction).toBe('positive');
  });

  it('has no gauge for exercises without a head angle', () => {
    expect(gaugeModel(getExercise('neck-self-massage'))).toBeNull();
    expect(gaugeModel(getExercise('shoulder-shrug-hold'))).toBeNull();
  });

  it('reads the value from the exercise’s axis', () => {
    const model = gaugeModel(getExercise('no-shakes'));
    if (model === null) throw new Error('no-shakes has a yaw gauge');
    expect(gaugeValue(model, { yawDeg: 12, pitchDeg: -3, rollDeg: 1 })).toBe(12);
    expect(gaugeValue(model, null)).toBeNull();
  });

  it('names roll sides as tilts', () => {
    expect(summaryDirection('roll', 'left')).toBe('leftTilt');
    expect(summaryDirection('yaw', 'left')).toBe('left');
    expect(summaryDirection('yaw', 'none')).toBe('span');
    expect(summaryDirection(null, 'none')).toBeNull();
    expect(summaryDirection('yaw', 'clockwise')).toBeNull();
  });
});
