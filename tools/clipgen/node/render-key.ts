import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT, scanFilePaths, type SubjectSource } from './clip-browser';

/** Sources that decide a clip's pixels and ground truth: the page, the scene and the pure core. */
const RENDER_SOURCE_DIRS = ['tools/clipgen', 'tools/clipgen/core'];
/** Core files that only score clips (changing them must not regenerate anything). */
const NOT_RENDERING = new Set(['clip-scoring.ts', 'range-scoring.ts', 'relative-angles.ts', 'sweep-svg.ts', 'renderer-check.ts', 'scan-projection.ts']);

function sourceFiles(): string[] {
  return RENDER_SOURCE_DIRS.flatMap((dir) =>
    readdirSync(path.join(REPO_ROOT, dir))
      .sort()
      .filter((name) => name.endsWith('.ts') && !NOT_RENDERING.has(name))
      .map((name) => path.join(REPO_ROOT, dir, name))
      .filter((file) => statSync(file).isFile()),
  );
}

/**
 * What a generated clip depends on: the trajectory, the photo (or the scan's mesh and textures) and
 * the renderer's source. A cached clip whose key matches is reused; a change to any of them
 * regenerates it.
 */
export function renderKey(trajectoryText: string, subject: SubjectSource): string {
  const hash = createHash('sha256');
  hash.update(trajectoryText);
  for (const file of subject.kind === 'photo' ? [subject.path] : scanFilePaths(subject.dir)) hash.update(readFileSync(file));
  for (const file of sourceFiles()) hash.update(readFileSync(file));
  return hash.digest('hex').slice(0, 16);
}
