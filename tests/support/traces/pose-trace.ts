import type { FrameObservation, Landmark, PoseObservation } from '../../../src/core/landmarks';

/**
 * A recorded clip's body landmarks as the landmarker gave them (before any estimate): one JSON
 * line per frame, numbers only (no pixels, no face mesh):
 *   {"t":ms,"b":[[x,y,z,visibility]×33]|null,"w":[[x,y,z,visibility]×33]|null}
 * (`w`: MediaPipe's world landmarks, metres), after a first line
 * {"clip":name,"width":w,"height":h,"frames":n,"backend":…,"source":…}.
 * Replayed as FrameObservations without faces, for what the core reads from the body alone.
 */
export interface PoseTraceHeader {
  readonly clip: string;
  readonly width: number;
  readonly height: number;
  readonly frames: number;
  readonly backend: string;
  readonly source: string;
}

type Row = readonly number[];

interface PoseLine {
  readonly t: number;
  readonly b: readonly Row[] | null;
  readonly w: readonly Row[] | null;
}

/** 1e-4 of the image (0.06 px at 640 px), 0.1 mm in world landmarks: below landmark noise. */
const DECIMALS = 4;

function round(value: number): number {
  const scale = 10 ** DECIMALS;
  return Math.round(value * scale) / scale;
}

const toRows = (landmarks: readonly Landmark[]): Row[] => landmarks.map((l) => [round(l.x), round(l.y), round(l.z), round(l.visibility ?? 1)]);

/** [x, y, z, visibility] rows back to landmarks (the format of this file and of scan-trace.ts). */
export function rowsToLandmarks(rows: readonly Row[]): Landmark[] {
  return rows.map(([x = 0, y = 0, z = 0, visibility = 0]) => ({ x, y, z, visibility }));
}

export function encodePoseFrame(observation: FrameObservation): string {
  const pose = observation.poses[0];
  const line: PoseLine = {
    t: Math.round(observation.tMs * 1000) / 1000,
    b: pose === undefined ? null : toRows(pose.landmarks),
    w: pose?.worldLandmarks ? toRows(pose.worldLandmarks) : null,
  };
  return JSON.stringify(line);
}

export function parsePoseTrace(text: string): { header: PoseTraceHeader; frames: FrameObservation[] } {
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  const header = JSON.parse(lines[0] ?? '{}') as PoseTraceHeader;
  const frames = lines.slice(1).map((text): FrameObservation => {
    const line = JSON.parse(text) as PoseLine;
    const poses: PoseObservation[] = line.b === null ? [] : [{ landmarks: rowsToLandmarks(line.b), worldLandmarks: line.w === null ? null : rowsToLandmarks(line.w) }];
    return { tMs: line.t, imageWidth: header.width, imageHeight: header.height, faces: [], poses };
  });
  return { header, frames };
}
