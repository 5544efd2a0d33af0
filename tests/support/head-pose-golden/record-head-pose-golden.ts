/**
 * Writes fixtures/traces/head-pose-golden.json (golden-runs.ts):
 *   npx tsx tests/support/head-pose-golden/record-head-pose-golden.ts
 * Re-record only when the estimator's behaviour is meant to change (new weights, new rules).
 */
import { writeFileSync } from 'node:fs';
import { GOLDEN_FIELDS, GOLDEN_FILE, GOLDEN_RUNS, runGolden, STORE_EVERY } from './golden-runs';

const runs = GOLDEN_RUNS.map(runGolden);
writeFileSync(GOLDEN_FILE, `${JSON.stringify({ fields: GOLDEN_FIELDS, storeEvery: STORE_EVERY, runs })}\n`);
process.stdout.write(`${GOLDEN_FILE}: ${runs.map((r) => `${r.name} ${r.frames}`).join(', ')}\n`);
