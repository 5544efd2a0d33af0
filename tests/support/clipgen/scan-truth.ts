import { buildGroundTruth, type GroundTruth } from '../../../tools/clipgen/core/ground-truth';
import { parseTrajectory } from '../../../tools/clipgen/core/trajectory';

/** The ground truth of a trajectory of the scanned head (`subject: 'scan'`) given by its segments, as a clip file would give it. */
export function scanTruth(exercise: string, fps: number, segments: readonly unknown[], more: Record<string, unknown> = {}): GroundTruth {
  return buildGroundTruth(parseTrajectory({ id: 't', exercise, fps, subject: 'scan', ...more, segments }));
}
