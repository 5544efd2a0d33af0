#!/usr/bin/env node
/**
 * `npm run eval:headpose -- DIR [--jsonl FILE]`
 * Head-pose accuracy on a labelled image folder: reads DIR/labels.csv (file,yaw_deg,pitch_deg,
 * roll_deg in Atlas' convention), runs `npm run analyze -- --format jsonl <images>` (or reads its
 * saved output with --jsonl), prints the error per file, the MAE per axis, and as the LAST line
 * {"n","found","yawMae","pitchMae","rollMae","meanMae"}. Parsing and MAE live in
 * src/core/head-pose/pose-eval.ts (unit-tested); this script only does I/O.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';

const EXIT_USAGE = 2;
const EXIT_ANALYZER_FAILED = 1;
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function usage(message) {
  process.stderr.write(`eval-headpose: ${message}\nusage: npm run eval:headpose -- DIR [--jsonl ANALYZER_OUTPUT.jsonl]\n`);
  process.exit(EXIT_USAGE);
}

const args = process.argv.slice(2);
const jsonlFlag = args.indexOf('--jsonl');
const jsonlFile = jsonlFlag >= 0 ? args[jsonlFlag + 1] : null;
if (jsonlFlag >= 0 && !jsonlFile) usage('--jsonl needs a file');
const positional = jsonlFlag < 0 ? args : args.filter((_, k) => k !== jsonlFlag && k !== jsonlFlag + 1);
const dir = positional[0];
if (!dir || positional.length !== 1) usage('give exactly one folder');

const { parseLabelsCsv, parseAnalyzerJsonl, evaluatePoses } = await tsImport('../src/core/head-pose/pose-eval.ts', import.meta.url);

let labels;
try {
  labels = parseLabelsCsv(readFileSync(path.join(dir, 'labels.csv'), 'utf8'));
} catch (error) {
  usage(`cannot read ${path.join(dir, 'labels.csv')}: ${error instanceof Error ? error.message : String(error)}`);
}

let analyzerOutput;
if (jsonlFile) {
  analyzerOutput = readFileSync(jsonlFile, 'utf8');
} else {
  const files = labels.map((label) => path.resolve(dir, label.file));
  const run = spawnSync('npm', ['run', '--silent', 'analyze', '--', '--format', 'jsonl', ...files], {
    cwd: repoRoot,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (run.error || (run.status !== 0 && !run.stdout)) {
    process.stderr.write(`eval-headpose: the analyzer failed (${run.error?.message ?? `exit ${run.status}`})\n`);
    process.exit(EXIT_ANALYZER_FAILED);
  }
  analyzerOutput = run.stdout;
}

const { files, summary } = evaluatePoses(labels, parseAnalyzerJsonl(analyzerOutput));
const fmt = (value) => (value === null ? '   -  ' : value.toFixed(2).padStart(6));
console.log('file                      yawErr pitchErr rollErr');
for (const f of files) console.log(`${f.file.padEnd(26)}${fmt(f.yawDeg)}  ${fmt(f.pitchDeg)} ${fmt(f.rollDeg)}`);
console.log(`MAE (deg) over ${summary.found}/${summary.n}: yaw ${summary.yawMae.toFixed(2)}, pitch ${summary.pitchMae.toFixed(2)}, roll ${summary.rollMae.toFixed(2)}, mean ${summary.meanMae.toFixed(2)}`);
const round = (value) => (Number.isFinite(value) ? Math.round(value * 100) / 100 : null);
console.log(JSON.stringify({ n: summary.n, found: summary.found, yawMae: round(summary.yawMae), pitchMae: round(summary.pitchMae), rollMae: round(summary.rollMae), meanMae: round(summary.meanMae) }));
