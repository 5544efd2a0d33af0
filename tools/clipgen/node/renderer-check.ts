import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { ClipgenMeasurement } from '../clipgen-api';
import { relativeAngles } from '../core/relative-angles';
import type { ScanCamera } from '../core/scan-rig';
import type { HeadAngles } from '../../../src/core/head-pose/head-angles';
import { POSE } from '../../../src/core/pose-indices';
import { ClipBrowser, REPO_ROOT } from './clip-browser';

/** Real faces with ground-truth angles in the project's convention (read in place, never copied). */
export const AFLW_DIR = path.resolve(REPO_ROOT, '../shared/fixtures/headpose/aflw2000');
/** Closer than the clips' 1 m: the AFLW2000 photos are face crops, the face fills much of them. */
const CHECK_CAMERA: ScanCamera = { distanceM: 0.6, heightM: 0, offsetM: 0 };
const VISIBILITY_YAWS = [30, 45, 60, 75, 90];
const LANDMARKS = [
  ['nose', POSE.nose],
  ['L eye', POSE.leftEye],
  ['R eye', POSE.rightEye],
  ['L ear', POSE.leftEar],
  ['R ear', POSE.rightEar],
] as const;

interface Label {
  readonly file: string;
  readonly angles: HeadAngles;
}

function readLabels(): Label[] {
  const lines = readFileSync(path.join(AFLW_DIR, 'labels.csv'), 'utf8').trim().split('\n');
  const header = (lines[0] ?? '').split(',');
  const col = (name: string): number => header.indexOf(name);
  return lines.slice(1).map((line) => {
    const cells = line.split(',');
    const n = (name: string): number => Number(cells[col(name)]);
    return { file: cells[col('file')] ?? '', angles: { yawDeg: n('yaw_deg'), pitchDeg: n('pitch_deg'), rollDeg: n('roll_deg') } };
  });
}

const f1 = (v: number | undefined): string => (v === undefined ? '–' : v.toFixed(1));
const triple = (a: HeadAngles | null): string => (a === null ? 'no face' : `${f1(a.yawDeg)} / ${f1(a.pitchDeg)} / ${f1(a.rollDeg)}`);

function visibility(m: ClipgenMeasurement): string {
  if (m.poseLandmarks === null) return 'no person';
  return LANDMARKS.map(([, index]) => (m.poseLandmarks?.[index]?.visibility ?? 0).toFixed(2)).join(' | ');
}

/**
 * The scan rendered at each AFLW2000 label's angles against the real photo, both read by the face
 * landmarker's matrix (fresh landmarkers, single images); then what the pose landmarker (full)
 * reports for nose, eyes and ears on the scan turned 30–90° each way. Prints markdown tables.
 */
export async function runRendererCheck(say: (line: string) => void): Promise<void> {
  if (!existsSync(path.join(AFLW_DIR, 'labels.csv'))) throw new Error(`${AFLW_DIR}/labels.csv not found (needs ../shared/fixtures); nothing checked`);
  const browser = await ClipBrowser.startScan();
  try {
    await browser.setScanView(CHECK_CAMERA, 'soft-front');
    const zero: HeadAngles = { yawDeg: 0, pitchDeg: 0, rollDeg: 0 };
    const neutral = (await browser.measure(zero, { fresh: true })).faceAngles;
    say(`scan at truth 0 (its own axes, level camera ${CHECK_CAMERA.distanceM} m) reads yaw/pitch/roll ${triple(neutral)}`);
    say('');
    say('| photo | truth yaw / pitch / roll | real photo reads | render reads (raw) | render − its neutral |');
    say('|---|---|---|---|---|');
    const rows: unknown[] = [];
    for (const label of readLabels()) {
      const photo = (await browser.measureImage(path.join(AFLW_DIR, label.file))).faceAngles;
      const render = (await browser.measure(label.angles, { fresh: true })).faceAngles;
      const relative = render !== null && neutral !== null ? relativeAngles(render, neutral) : null;
      say(`| ${label.file} | ${triple(label.angles)} | ${triple(photo)} | ${triple(render)} | ${triple(relative)} |`);
      rows.push({ file: label.file, truth: label.angles, photo, render, renderRelative: relative });
    }
    say('');
    say(`| scan yaw | ${LANDMARKS.map(([name]) => name).join(' | ')} | face found |`);
    say(`|---|${LANDMARKS.map(() => '---').join('|')}|---|`);
    const visibilityRows: unknown[] = [];
    for (const yaw of VISIBILITY_YAWS.flatMap((y) => [y, -y])) {
      const m = await browser.measure({ ...zero, yawDeg: yaw }, { fresh: true, withPose: true, frames: 2 });
      say(`| ${yaw} | ${visibility(m)} | ${m.faceFound ? 'yes' : 'no'} |`);
      visibilityRows.push({ yawDeg: yaw, visibility: Object.fromEntries(LANDMARKS.map(([name, index]) => [name, m.poseLandmarks?.[index]?.visibility ?? null])), faceFound: m.faceFound });
    }
    say(JSON.stringify({ scanNeutralReads: neutral, faces: rows, poseVisibility: visibilityRows }));
  } finally {
    await browser.close();
  }
}
