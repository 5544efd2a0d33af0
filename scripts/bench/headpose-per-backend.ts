import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { AtlasBenchApi } from '../../tools/bench/bench-page';
import type { BenchBackend } from '../../tools/bench/bench-spec';
import type { HeadAngles } from '../../src/core/head-pose/head-angles';

const ROUTE = '/__bench/headpose/';

export interface HeadPoseEvalLine {
  readonly variant: string;
  /** eval:headpose's last line: {"n","found","yawMae","pitchMae","rollMae","meanMae"}. */
  readonly summary: string;
}

function jsonl(results: readonly { url: string; angles: HeadAngles | null }[]): string {
  return results
    .map((r) => JSON.stringify({ type: 'frame', file: path.basename(r.url), yawDeg: r.angles?.yawDeg ?? null, pitchDeg: r.angles?.pitchDeg ?? null, rollDeg: r.angles?.rollDeg ?? null }))
    .join('\n');
}

/**
 * The labelled photos of `dir` (labels.csv) through each backend's face landmarker in the bench
 * page, written as analyzer-style JSONL and scored by `npm run eval:headpose -- DIR --jsonl FILE`.
 */
export async function headPosePerBackend(page: Page, root: string, dir: string, cacheDir: string): Promise<HeadPoseEvalLine[]> {
  const files = readdirSync(dir).filter((f) => /\.(jpe?g|png)$/i.test(f));
  await page.route(`**${ROUTE}*`, (route) => {
    const name = decodeURIComponent(new URL(route.request().url()).pathname.slice(ROUTE.length));
    if (!files.includes(name)) return route.fulfill({ status: 404 });
    return route.fulfill({ status: 200, contentType: 'image/jpeg', body: readFileSync(path.join(dir, name)) });
  });
  mkdirSync(cacheDir, { recursive: true });
  const lines: HeadPoseEvalLine[] = [];
  for (const backend of ['mediapipe', 'tfjs'] as const satisfies readonly BenchBackend[]) {
    const results = await page.evaluate(
      ([urls, b]) => (Reflect.get(window, 'atlasBench') as AtlasBenchApi).headPose(urls, b),
      [files.map((f) => `${ROUTE}${encodeURIComponent(f)}`), backend] as const,
    );
    const variants = backend === 'mediapipe'
      ? [{ name: 'mediapipe (matrix)', rows: results.map((r) => ({ url: r.url, angles: r.angles })) }, { name: 'mediapipe (landmark fit)', rows: results.map((r) => ({ url: r.url, angles: r.fitAngles })) }]
      : [{ name: 'tfjs (landmark fit)', rows: results.map((r) => ({ url: r.url, angles: r.angles })) }];
    for (const variant of variants) {
      const file = path.join(cacheDir, `headpose-${variant.name.replace(/\W+/g, '-')}.jsonl`);
      writeFileSync(file, `${jsonl(variant.rows)}\n`);
      const run = spawnSync('npm', ['run', '--silent', 'eval:headpose', '--', dir, '--jsonl', file], { cwd: root, encoding: 'utf8' });
      const last = (run.stdout ?? '').trim().split('\n').pop() ?? '';
      lines.push({ variant: variant.name, summary: run.status === 0 ? last : `eval:headpose failed (${run.status}): ${run.stderr.trim().split('\n').pop() ?? ''}` });
    }
  }
  return lines;
}
