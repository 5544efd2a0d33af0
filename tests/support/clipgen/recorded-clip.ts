import { existsSync, readFileSync } from 'node:fs';
import { describe } from 'vitest';
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

/** A generated clip whose landmarks or samples one backend recorded. */
export interface RecordedClip {
  readonly id: string;
  readonly backend: 'mediapipe' | 'tfjs';
}

/** The clips `ids` as one backend recorded them. */
export function recordedOn(backend: RecordedClip['backend'], ids: readonly string[]): RecordedClip[] {
  return ids.map((id) => ({ id, backend }));
}

/**
 * One describe block per recorded clip, named `<id> (recorded, <backend>)`, skipped when its trace
 * is not in fixtures/traces; `body` gets the clip's truth and trace file.
 */
export function describeRecordedClips(clips: readonly RecordedClip[], kind: 'poses' | 'samples', body: (clip: RecordedClip, truth: GroundTruth, trace: string) => void): void {
  for (const clip of clips) {
    const trace = recordedTracePath(clip.id, clip.backend, kind);
    describe.skipIf(!existsSync(trace))(`${clip.id} (recorded, ${clip.backend})`, () => body(clip, trajectoryTruth(clip.id), trace));
  }
}
