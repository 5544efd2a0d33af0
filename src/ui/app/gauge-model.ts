import type { HeadAngles } from '../../core/head-pose/head-angles';
import type { Direction, ExerciseDefinition } from '../../core/protocol/exercise-definition';
import type { GaugeDirection } from '../gauge/angle-gauge';
import type { GaugeOrientation } from '../gauge/gauge-geometry';
import type { SummaryDirection } from '../summary/summary-view';

/** How an exercise's tracked head angle is shown on the gauge; null for exercises without a head angle. */
export interface GaugeModel {
  readonly axis: 'yaw' | 'pitch' | 'roll';
  readonly orientation: GaugeOrientation;
  readonly direction: GaugeDirection;
  /** The least excursion that counts, degrees (the protocol's target `min`). */
  readonly targetDeg: number;
  readonly rangeDeg: number;
  /** Summary/translation keys of the positive and negative ends. */
  readonly positiveEnd: SummaryDirection;
  readonly negativeEnd: SummaryDirection;
}

/** Which sign of the axis each protocol direction is (convention: head-angles.ts). */
const POSITIVE_DIRECTIONS: readonly Direction[] = ['left', 'up'];
const NEGATIVE_DIRECTIONS: readonly Direction[] = ['right', 'down'];

export function gaugeModel(exercise: ExerciseDefinition): GaugeModel | null {
  const axis = exercise.signal;
  if (axis !== 'yaw' && axis !== 'pitch' && axis !== 'roll') return null;
  const directions = exercise.targets.map((target) => target.direction);
  const positive = directions.some((d) => POSITIVE_DIRECTIONS.includes(d) || d === 'none');
  const negative = directions.some((d) => NEGATIVE_DIRECTIONS.includes(d) || d === 'none');
  const direction: GaugeDirection = positive && negative ? 'both' : negative ? 'negative' : 'positive';
  const targetDeg = exercise.targets.length === 0 ? 30 : Math.min(...exercise.targets.map((target) => target.min));
  const rangeDeg = axis === 'yaw' ? 90 : 60;
  const ends: Record<GaugeModel['axis'], readonly [SummaryDirection, SummaryDirection]> = {
    yaw: ['left', 'right'],
    pitch: ['up', 'down'],
    roll: ['leftTilt', 'rightTilt'],
  };
  return {
    axis,
    orientation: axis === 'pitch' ? 'vertical' : 'horizontal',
    direction,
    targetDeg,
    rangeDeg,
    positiveEnd: ends[axis][0],
    negativeEnd: ends[axis][1],
  };
}

const ANGLE_OF_AXIS: Readonly<Record<GaugeModel['axis'], keyof HeadAngles>> = { yaw: 'yawDeg', pitch: 'pitchDeg', roll: 'rollDeg' };

export function gaugeValue(model: GaugeModel, angles: HeadAngles | null): number | null {
  return angles === null ? null : angles[ANGLE_OF_AXIS[model.axis]];
}

/** The summary's name of a rep side on this exercise's axis (`left` on roll is a left tilt). */
export function summaryDirection(axis: GaugeModel['axis'] | null, side: Direction): SummaryDirection | null {
  if (side === 'left') return axis === 'roll' ? 'leftTilt' : 'left';
  if (side === 'right') return axis === 'roll' ? 'rightTilt' : 'right';
  if (side === 'up' || side === 'down') return side;
  // Oscillations (nods, shakes) are counted as one total: their range is peak to peak.
  if (side === 'none' && axis !== null) return 'span';
  return null;
}
