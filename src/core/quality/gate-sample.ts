import type { ExerciseSample } from '../reps/exercise-sample';
import { allowsCounting, type TrackingQuality } from './quality-status';

/**
 * The sample the exercise engine should see: while the tracking quality is poor the person counts
 * as absent, so the engine pauses and aborts a rep in progress instead of counting through a
 * tracking fault (it resumes after its settle period once the quality is good again).
 */
export function gateSample(sample: ExerciseSample, quality: TrackingQuality): ExerciseSample {
  return allowsCounting(quality) || !sample.present ? sample : { ...sample, present: false };
}
