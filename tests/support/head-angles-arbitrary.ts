import fc from 'fast-check';
import type { HeadAngles } from '../../src/core/head-pose/head-angles';

/** Head angles drawn up to ± these many degrees on each axis. */
export function headAnglesWithin(limits: HeadAngles): fc.Arbitrary<HeadAngles> {
  const within = (limitDeg: number) => fc.double({ min: -limitDeg, max: limitDeg, noNaN: true });
  return fc.record({ yawDeg: within(limits.yawDeg), pitchDeg: within(limits.pitchDeg), rollDeg: within(limits.rollDeg) });
}
