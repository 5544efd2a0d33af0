import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildGroundTruth, type GroundTruth } from '../../../tools/clipgen/core/ground-truth';
import { parseTrajectory } from '../../../tools/clipgen/core/trajectory';

const ROOT = path.resolve(import.meta.dirname, '../../..');

/** The ground truth of `fixtures/trajectories/<id>.json`. */
export function trajectoryTruth(id: string): GroundTruth {
  return buildGroundTruth(parseTrajectory(JSON.parse(readFileSync(path.join(ROOT, 'fixtures/trajectories', `${id}.json`), 'utf8'))));
}

/** Where the landmarks or samples recorded from a generated clip are kept: `fixtures/traces/<id>[.tfjs].<kind>.jsonl`. */
export function recordedTracePath(id: string, backend: 'mediapipe' | 'tfjs', kind: 'poses' | 'samples'): string {
  return path.join(ROOT, 'fixtures/traces', `${id}${backend === 'tfjs' ? '.tfjs' : ''}.${kind}.jsonl`);
}
