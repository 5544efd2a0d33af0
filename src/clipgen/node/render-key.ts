import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './clip-browser';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const file = path.join(dir, name);
      return statSync(file).isDirectory() ? sourceFiles(file) : file.endsWith('.ts') ? [file] : [];
    });
}

/**
 * What a generated clip depends on: the trajectory, the photo and the renderer's source. A cached
 * clip whose key matches is reused; any change regenerates it.
 */
export function renderKey(trajectoryText: string, photoPath: string): string {
  const hash = createHash('sha256');
  hash.update(trajectoryText);
  hash.update(readFileSync(photoPath));
  for (const file of sourceFiles(path.join(REPO_ROOT, 'src/clipgen'))) hash.update(readFileSync(file));
  return hash.digest('hex').slice(0, 16);
}
