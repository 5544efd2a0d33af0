import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { withExerciseTable } from './docs/exercise-table';

/** Rewrites the README's exercise table from the code (scripts/docs/exercise-table.ts). */
const README = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../README.md');
const before = readFileSync(README, 'utf8');
const after = withExerciseTable(before);
if (after !== before) writeFileSync(README, after);
console.log(after === before ? 'README.md: exercise table already up to date' : 'README.md: exercise table rewritten');
