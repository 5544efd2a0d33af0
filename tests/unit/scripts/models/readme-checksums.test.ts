import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ChecksumFile } from '../../../../scripts/models/build-command.mjs';

const MODELS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../models');

describe('models/README.md', () => {
  const readme = readFileSync(path.join(MODELS_DIR, 'README.md'), 'utf8');
  const checksums = JSON.parse(readFileSync(path.join(MODELS_DIR, 'checksums.json'), 'utf8')) as ChecksumFile;

  it('lists every bundle with its recorded size and sha256', () => {
    for (const [name, recorded] of Object.entries(checksums.bundles)) {
      expect(readme).toContain(`| \`${name}\` | ${recorded.bytes} | \`${recorded.sha256}\` |`);
    }
  });

  it('lists every source byte range with its recorded sha256', () => {
    for (const source of Object.values(checksums.sources)) {
      expect(readme).toContain(`| ${source.start}..${source.end} | \`${source.sha256}\` |`);
    }
  });
});
