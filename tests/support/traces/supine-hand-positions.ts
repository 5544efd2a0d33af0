/**
 * Where the wrists lie on recorded supine samples, in torso lengths (supineHandsPlaced's frame):
 * along the shoulder (0) → hip (1) line and across it, for the upper and the lower wrist, as
 * min–max over the frames with a side body:
 *   npx tsx tests/support/traces/supine-hand-positions.ts fixtures/traces/supine-breathing*.samples.jsonl
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ARM, SIDES } from '../../../src/core/reps/body-geometry';
import { sideBody } from '../../../src/core/reps/body-signals';
import { parseSampleTrace } from './sample-trace';

interface Wrist {
  readonly along: number;
  readonly across: number;
}

const range = (values: readonly number[]): string => `${Math.min(...values).toFixed(2)}–${Math.max(...values).toFixed(2)}`;

for (const file of process.argv.slice(2)) {
  const { samples } = parseSampleTrace(readFileSync(file, 'utf8'));
  const upper: Wrist[] = [];
  const lower: Wrist[] = [];
  for (const sample of samples) {
    const aspect = sample.imageAspect ?? 4 / 3;
    const body = sample.pose === null ? null : sideBody(sample.pose, aspect);
    if (sample.pose === null || body === null) continue;
    const ax = body.hip.x - body.shoulder.x;
    const ay = body.hip.y - body.shoulder.y;
    const torso2 = ax * ax + ay * ay;
    const wrists = SIDES.flatMap((side): Wrist[] => {
      const w = sample.pose?.[ARM[side].wrist];
      if (w === undefined) return [];
      const wx = w.x * aspect - body.shoulder.x;
      const wy = w.y - body.shoulder.y;
      return [{ along: (wx * ax + wy * ay) / torso2, across: Math.abs(wx * ay - wy * ax) / torso2 }];
    }).sort((a, b) => a.along - b.along);
    const [a, b] = wrists;
    if (a === undefined || b === undefined) continue;
    upper.push(a);
    lower.push(b);
  }
  const line = (name: string, w: readonly Wrist[]): string => `${name} along ${range(w.map((x) => x.along))} across ${range(w.map((x) => x.across))}`;
  process.stdout.write(`${path.basename(file)} (${upper.length} frames): ${line('upper wrist', upper)}; ${line('lower wrist', lower)}\n`);
}
