/**
 * `npm run eval:clips -- [--only ID,ID] [--clips DIR] [--photo PHOTO.jpg] [--reuse-analysis] [--sweep]`
 * Generates (or reuses, when trajectory, photo and renderer are unchanged) a clip per trajectory in
 * fixtures/trajectories, runs each through `npm run analyze -- --exercise ID --format jsonl` and
 * prints per exercise: exact count or not, peak-angle error per rep by axis, smoothness (SPARC) of
 * the jerky trajectory against the smooth one, too-fast reps flagged. The last line is one JSON
 * object. `--sweep` instead measures single frames over a range of angles (how far the rendered
 * face still reads as a face). See docs/clipgen.md.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { median, countIsExact, errorStats, neutralFrames, peakErrors, type MeasuredFrame, type PeakError } from '../tools/clipgen/core/clip-scoring';
import type { GroundTruth } from '../tools/clipgen/core/ground-truth';
import { relativeAngles } from '../tools/clipgen/core/relative-angles';
import { AXES, type Trajectory } from '../tools/clipgen/core/trajectory';
import { keptAnalysis, mp4For, runAnalyzer, type AnalyzerResult } from '../tools/clipgen/node/analyzer-run';
import { ClipBrowser, DEFAULT_PHOTO, REPO_ROOT } from '../tools/clipgen/node/clip-browser';
import { renderKey } from '../tools/clipgen/node/render-key';
import { cachedClip, clipPaths, readTrajectoryFile, writeClip, type ClipRecord } from '../tools/clipgen/node/write-clip';
import { findExercise } from '../src/core/protocol/protocol';
import type { HeadAngles } from '../src/core/head-pose/head-angles';

const TRAJECTORY_DIR = path.join(REPO_ROOT, 'fixtures/trajectories');
const DEFAULT_CLIPS_DIR = path.join(REPO_ROOT, 'fixtures/generated/clips');
const ANALYZE_ATTEMPTS = 2;

interface Args {
  readonly only: readonly string[] | null;
  readonly clipsDir: string;
  readonly photo: string;
  readonly sweep: boolean;
  /** Use the analyzer output kept from an earlier run (newer than the clip) instead of re-running. */
  readonly reuseAnalysis: boolean;
}

function parseArgs(argv: readonly string[]): Args {
  let only: string[] | null = null;
  let clipsDir = DEFAULT_CLIPS_DIR;
  let photo = process.env.CLIPGEN_PHOTO ?? DEFAULT_PHOTO;
  let sweep = false;
  let reuseAnalysis = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--only') only = (argv[++i] ?? '').split(',').filter(Boolean);
    else if (arg === '--clips') clipsDir = path.resolve(argv[++i] ?? clipsDir);
    else if (arg === '--photo') photo = argv[++i] ?? photo;
    else if (arg === '--sweep') sweep = true;
    else if (arg === '--reuse-analysis') reuseAnalysis = true;
    else throw new Error(`unknown argument ${arg}`);
  }
  return { only, clipsDir, photo, sweep, reuseAnalysis };
}

const f1 = (v: number | null | undefined): string => (v === null || v === undefined ? 'n/a' : v.toFixed(1));

function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

/** Generates the clips that are missing or stale; returns every clip's record. */
async function ensureClips(jobs: readonly { trajectory: Trajectory; text: string }[], args: Args): Promise<Map<string, ClipRecord>> {
  const records = new Map<string, ClipRecord>();
  let browser: ClipBrowser | null = null;
  try {
    for (const job of jobs) {
      const cached = cachedClip(args.clipsDir, job.trajectory.id, renderKey(job.text, { kind: 'photo', path: args.photo }));
      if (cached !== null) {
        records.set(job.trajectory.id, cached);
        continue;
      }
      browser ??= await ClipBrowser.start(args.photo);
      const started = Date.now();
      records.set(job.trajectory.id, await writeClip(browser, job.trajectory, job.text, { kind: 'photo', path: args.photo }, args.clipsDir));
      process.stderr.write(`eval:clips: generated ${job.trajectory.id} in ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
    }
  } finally {
    await browser?.close();
  }
  return records;
}

/** Analyzer angles relative to the clip's neutral (the median pose over the lead-in hold). */
function measuredFrames(truth: GroundTruth, result: AnalyzerResult): MeasuredFrame[] {
  const raw: (HeadAngles | null)[] = result.frames.map((f) =>
    f.yawDeg === null || f.pitchDeg === null || f.rollDeg === null ? null : { yawDeg: f.yawDeg, pitchDeg: f.pitchDeg, rollDeg: f.rollDeg },
  );
  const { start, end } = neutralFrames(truth);
  const still = raw.slice(start, end + 1).filter((a): a is HeadAngles => a !== null);
  const neutral: HeadAngles = {
    yawDeg: median(still.map((a) => a.yawDeg)) ?? 0,
    pitchDeg: median(still.map((a) => a.pitchDeg)) ?? 0,
    rollDeg: median(still.map((a) => a.rollDeg)) ?? 0,
  };
  return raw.map((a) => (a === null ? null : relativeAngles(a, neutral)));
}

interface ClipScore {
  readonly id: string;
  readonly exercise: string;
  readonly exact: boolean;
  readonly errors: readonly PeakError[];
  readonly meanSparc: number | null;
}

function scoreClip(truth: ClipRecord, result: AnalyzerResult): ClipScore {
  const summary = result.summary;
  const counted = summary?.reps ?? 0;
  const bySide = summary?.bySide ?? {};
  const exact = summary !== null && countIsExact(truth, counted, bySide);
  const errors = peakErrors(truth, measuredFrames(truth, result));
  const maxSpeed = findExercise(truth.exercise)?.maxSpeedPerS ?? Infinity;
  const flagged = result.reps.filter((r) => r.peakVelDegS !== null && r.peakVelDegS > maxSpeed).length;
  const sparcs = result.reps.map((r) => r.sparc).filter((s): s is number => s !== null && Number.isFinite(s));
  const meanSparc = sparcs.length > 0 ? sparcs.reduce((s, v) => s + v, 0) / sparcs.length : null;

  const sides = Object.entries(truth.expectedCount.bySide).map(([side, n]) => `${side} ${bySide[side] ?? (side === 'none' ? counted : 0)}/${n}`);
  const found = result.frames.filter((f) => f.face).length;
  say(`  ${truth.trajectoryId}: count ${counted}/${truth.expectedCount.total} ${exact ? 'EXACT' : 'WRONG'} [${sides.join(', ')}]` +
    `${summary?.incomplete ? `, ${summary.incomplete} incomplete` : ''}; face in ${found}/${truth.frameCount} frames`);
  for (const axis of AXES) {
    const onAxis = errors.filter((e) => e.axis === axis);
    if (onAxis.length === 0) continue;
    const stats = errorStats(onAxis.map((e) => e.errorDeg));
    const perRep = onAxis.map((e) => `${f1(e.trueDeg)}→${f1(e.measuredDeg)}`).join(' ');
    say(`    peak ${axis}: |err| mean ${f1(stats.meanAbsDeg)}° max ${f1(stats.maxAbsDeg)}° (n=${stats.n}; true→measured: ${perRep})`);
  }
  const repSpeeds = result.reps.map((r) => f1(r.peakVelDegS)).join(' ');
  say(`    reps reported ${result.reps.length}; peak speeds ${repSpeeds || '-'} °/s (limit ${maxSpeed}); SPARC mean ${meanSparc === null ? 'n/a' : meanSparc.toFixed(2)}`);
  if (truth.expectedTooFast > 0 || flagged > 0) {
    say(`    too fast: flagged ${flagged}, scripted ${truth.expectedTooFast} ${flagged === truth.expectedTooFast ? '(ok)' : '(MISMATCH)'}`);
  }
  return { id: truth.trajectoryId, exercise: truth.exercise, exact, errors, meanSparc };
}

/** Runs (or reuses) the analyzer on one exercise's clips; one retry (the page can time out under load). */
async function analyzeGroup(exercise: string, mp4s: readonly string[], reuse: boolean): Promise<Map<string, AnalyzerResult> | null> {
  if (reuse) {
    const kept = mp4s.map((m) => [path.resolve(m), keptAnalysis(m)] as const);
    if (kept.every(([, r]) => r !== null)) return new Map(kept.map(([m, r]) => [m, r as AnalyzerResult]));
  }
  for (let attempt = 1; attempt <= ANALYZE_ATTEMPTS; attempt++) {
    const started = Date.now();
    try {
      const results = await runAnalyzer(exercise, mp4s);
      process.stderr.write(`eval:clips: analyzed ${exercise} (${mp4s.length} clip(s)) in ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
      return results;
    } catch (error) {
      say(`  analyze failed (attempt ${attempt}/${ANALYZE_ATTEMPTS}): ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return null;
}

async function evaluate(args: Args): Promise<void> {
  const files = readdirSync(TRAJECTORY_DIR).filter((f) => f.endsWith('.json')).sort();
  const jobs = files.map((f) => readTrajectoryFile(path.join(TRAJECTORY_DIR, f))).filter((j) => args.only === null || args.only.includes(j.trajectory.id));
  if (jobs.length === 0) throw new Error('no trajectory selected');
  const records = await ensureClips(jobs, args);
  const byExercise = new Map<string, ClipRecord[]>();
  for (const record of records.values()) byExercise.set(record.exercise, [...(byExercise.get(record.exercise) ?? []), record]);

  const scores: ClipScore[] = [];
  for (const [exercise, clips] of byExercise) {
    say(`${exercise}:`);
    const mp4s = await Promise.all(clips.map((c) => mp4For(clipPaths(args.clipsDir, c.trajectoryId).y4m)));
    const results = await analyzeGroup(exercise, mp4s, args.reuseAnalysis);
    clips.forEach((clip, i) => {
      const result = results?.get(path.resolve(mp4s[i] ?? ''));
      if (result) {
        scores.push(scoreClip(clip, result));
      } else {
        say(`  ${clip.trajectoryId}: NOT ANALYZED (count counted as wrong)`);
        scores.push({ id: clip.trajectoryId, exercise, exact: false, errors: [], meanSparc: null });
      }
    });
  }

  // Smoothness: each `<name>-jerky` clip against its `<name>-smooth` twin (same amplitudes and
  // timing, only the speed profile differs) must score a lower (worse) SPARC. Other clips differ in
  // holds and pauses, which change SPARC for reasons that are not smoothness.
  const pairs: boolean[] = [];
  for (const jerky of scores.filter((s) => s.id.endsWith('-jerky'))) {
    const smooth = scores.find((s) => s.id === jerky.id.replace(/-jerky$/, '-smooth'));
    if (smooth === undefined) continue;
    const ok = jerky.meanSparc !== null && smooth.meanSparc !== null && jerky.meanSparc < smooth.meanSparc;
    pairs.push(ok);
    say(`smoothness: ${jerky.id} SPARC ${jerky.meanSparc?.toFixed(2) ?? 'n/a'} vs ${smooth.id} ${smooth.meanSparc?.toFixed(2) ?? 'n/a'}: ${ok ? 'jerky scores worse (ok)' : 'NOT worse'}`);
  }
  const all = errorStats(scores.flatMap((s) => s.errors.map((e) => e.errorDeg)));
  const round = (v: number | null): number | null => (v === null ? null : Math.round(v * 100) / 100);
  say(
    JSON.stringify({
      clips: scores.length,
      exactCounts: scores.filter((s) => s.exact).length,
      peakErrMeanDeg: round(all.meanAbsDeg),
      peakErrMaxDeg: round(all.maxAbsDeg),
      smoothOrderOk: pairs.length > 0 && pairs.every(Boolean),
    }),
  );
}

/** Single frames over a range of angles, fresh landmarkers each: where the face stops reading true. */
async function sweep(args: Args): Promise<void> {
  const browser = await ClipBrowser.start(args.photo);
  try {
    const zero: HeadAngles = { yawDeg: 0, pitchDeg: 0, rollDeg: 0 };
    const neutral = (await browser.measure(zero, { fresh: true })).faceAngles;
    if (neutral === null) throw new Error('no face at neutral');
    const grid: Record<'yawDeg' | 'pitchDeg' | 'rollDeg', number[]> = {
      yawDeg: [-80, -70, -60, -50, -40, -30, -20, -10, 10, 20, 30, 40, 50, 60, 70, 80],
      pitchDeg: [-50, -40, -30, -20, -10, 10, 20, 30, 40, 50],
      rollDeg: [-40, -30, -20, -10, 10, 20, 30, 40],
    };
    say('axis applied → read (yaw pitch roll, relative to neutral), face found, pose found');
    for (const [key, values] of Object.entries(grid) as ['yawDeg' | 'pitchDeg' | 'rollDeg', number[]][]) {
      for (const v of values) {
        const m = await browser.measure({ ...zero, [key]: v }, { fresh: true, withPose: true });
        const r = m.faceAngles ? relativeAngles(m.faceAngles, neutral) : null;
        say(`${key} ${v} → ${r ? `${f1(r.yawDeg)} ${f1(r.pitchDeg)} ${f1(r.rollDeg)} (err ${f1(r[key] - v)})` : 'no face'} face=${m.faceFound} pose=${m.poseFound}`);
      }
    }
  } finally {
    await browser.close();
  }
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (!existsSync(args.photo)) {
    process.stderr.write(`eval:clips: photo not found: ${args.photo} (needs ../shared/fixtures, or --photo); nothing evaluated\n`);
    process.exit(1);
  }
  await (args.sweep ? sweep(args) : evaluate(args));
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`eval:clips: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
