import { existsSync } from 'node:fs';
import type { Subject, Trajectory } from '../../tools/clipgen/core/trajectory';
import { ClipBrowser, DEFAULT_PHOTO, DEFAULT_SCAN_DIR, scanFilePaths, type SubjectSource } from '../../tools/clipgen/node/clip-browser';
import { renderKey } from '../../tools/clipgen/node/render-key';
import { cachedClip, writeClip, type ClipRecord } from '../../tools/clipgen/node/write-clip';

/** A trajectory as read from its file (the text decides the clip's render key). */
export interface TrajectoryJob {
  readonly trajectory: Trajectory;
  readonly text: string;
}

/** What each subject is rendered from: the photo (`--photo`, CLIPGEN_PHOTO) and the scan (CLIPGEN_SCAN_DIR), read in place. */
export function subjectSources(photo: string = process.env.CLIPGEN_PHOTO ?? DEFAULT_PHOTO): Readonly<Record<Subject, SubjectSource>> {
  return { photo: { kind: 'photo', path: photo }, scan: { kind: 'scan', dir: DEFAULT_SCAN_DIR } };
}

/** The first file a subject needs that is not there (../shared absent), or null. */
export function missingSourceFile(source: SubjectSource): string | null {
  const files = source.kind === 'photo' ? [source.path] : scanFilePaths(source.dir);
  return files.find((file) => !existsSync(file)) ?? null;
}

/**
 * Renders the clips that are missing or stale (each with its own subject, one browser per subject)
 * into `clipsDir`; returns every job's record in order. `label` prefixes the progress lines.
 */
export async function ensureClips(
  jobs: readonly TrajectoryJob[],
  clipsDir: string,
  sources: Readonly<Record<Subject, SubjectSource>>,
  label: string,
): Promise<ClipRecord[]> {
  const records: ClipRecord[] = [];
  const browsers = new Map<Subject, ClipBrowser>();
  try {
    for (const job of jobs) {
      const source = sources[job.trajectory.subject];
      const cached = cachedClip(clipsDir, job.trajectory.id, renderKey(job.text, source));
      if (cached !== null) {
        records.push(cached);
        continue;
      }
      const browser = browsers.get(job.trajectory.subject) ?? (await ClipBrowser.startWith(source));
      browsers.set(job.trajectory.subject, browser);
      const started = Date.now();
      const record = await writeClip(browser, job.trajectory, job.text, source, clipsDir);
      process.stderr.write(`${label}: rendered ${job.trajectory.id} (${record.frameCount} frames) in ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
      records.push(record);
    }
  } finally {
    for (const browser of browsers.values()) await browser.close();
  }
  return records;
}
