import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseTraceLine } from '../../tools/analyze/trace-format';
import type { FrameObservation } from '../../src/core/landmarks';
import type { HeadAngles } from '../../src/core/head-pose/head-angles';
import { anglesToMatrix, rotationToAngles } from '../../src/core/geometry/euler';
import { multiplyMat3, transposeMat3 } from '../../src/core/geometry/mat3';
import { mirrorPoseHeadFeatures, poseHeadFeatures, POSE_HEAD_FEATURE_COUNT } from '../../src/core/head-pose/regression/pose-head-features';
import { headRay } from '../../src/core/head-pose/regression/pose-head-regressor';

/**
 * One rendered frame: the regression's features and its label, the head's true angles as they
 * appear orthographically (R_rayᵀ · R_true: the regressor puts the ray back, pose-head-regressor.ts).
 */
export interface TrainingExample {
  readonly clip: string;
  readonly features: Float64Array;
  readonly truth: HeadAngles;
}

/** A truth file's frame: its angles are the head's in the camera's axes (trunk turn included). */
type TruthFrame = HeadAngles;

/** The head's true angles relative to the camera for one truth frame. */
export function headInCamera(frame: TruthFrame): HeadAngles {
  return { yawDeg: frame.yawDeg, pitchDeg: frame.pitchDeg, rollDeg: frame.rollDeg };
}

/** The observations of a `npm run analyze -- --trace` file, in order. */
export function readTraceObservations(tracePath: string): FrameObservation[] {
  const observations: FrameObservation[] = [];
  for (const text of readFileSync(tracePath, 'utf8').split('\n')) {
    if (text.trim() === '') continue;
    const line = parseTraceLine(text);
    if (line?.type === 'observation') observations.push(line.observation);
  }
  return observations;
}

/**
 * Examples of one clip: `<dir>/<id>.trace.jsonl` (the analyzer's landmarks) against
 * `<dir>/<id>.truth.json` (the renderer's angles), frame by frame; with `mirror`, each frame's
 * mirror image too (features mirrored, yaw and roll negated).
 */
export function clipExamples(dir: string, id: string, mirror: boolean): TrainingExample[] {
  const truth = JSON.parse(readFileSync(path.join(dir, `${id}.truth.json`), 'utf8')) as { frames: TruthFrame[] };
  const observations = readTraceObservations(path.join(dir, `${id}.trace.jsonl`));
  if (observations.length !== truth.frames.length) {
    throw new Error(`${id}: ${observations.length} traced frames against ${truth.frames.length} in the truth`);
  }
  const examples: TrainingExample[] = [];
  observations.forEach((observation, i) => {
    const pose = observation.poses[0];
    if (observation.poses.length !== 1 || !pose) return;
    const features = new Float64Array(POSE_HEAD_FEATURE_COUNT);
    if (!poseHeadFeatures(pose.landmarks, observation.imageWidth, observation.imageHeight, features)) return;
    const ray = headRay(pose, { width: observation.imageWidth, height: observation.imageHeight });
    const angles = rotationToAngles(multiplyMat3(transposeMat3(ray), anglesToMatrix(headInCamera(truth.frames[i] as TruthFrame))));
    examples.push({ clip: id, features, truth: angles });
    if (mirror) {
      const mirrored = new Float64Array(POSE_HEAD_FEATURE_COUNT);
      mirrorPoseHeadFeatures(features, mirrored);
      examples.push({ clip: id, features: mirrored, truth: { yawDeg: -angles.yawDeg, pitchDeg: angles.pitchDeg, rollDeg: -angles.rollDeg } });
    }
  });
  return examples;
}
