import type { FrameObservation, Landmark } from '../../core/landmarks';
import { POINT_STRIDE } from '../../core/packed-points';
import { POSE_BONES, isLeftSide } from './pose-skeleton';

/** Points below this visibility are not drawn (MediaPipe's own drawing default is 0.5). */
export const MIN_DRAWN_VISIBILITY = 0.5;

const COLOURS = {
  bone: 'rgba(255, 255, 255, 0.85)',
  subjectLeft: '#ffb000',
  subjectRight: '#00c8ff',
  face: 'rgba(120, 255, 160, 0.8)',
} as const;

function visible(point: Landmark | undefined): point is Landmark {
  return point !== undefined && (point.visibility === undefined || point.visibility >= MIN_DRAWN_VISIBILITY);
}

/**
 * Draws the pose skeletons and face points of one frame, in the frame's own (unmirrored)
 * coordinates: the canvas is mirrored by CSS together with the video, never here.
 */
export function drawObservation(ctx: CanvasRenderingContext2D, observation: FrameObservation): void {
  const { width, height } = ctx.canvas;
  ctx.clearRect(0, 0, width, height);
  const scale = Math.max(1, width / 640);
  for (const pose of observation.poses) {
    ctx.lineWidth = 2 * scale;
    ctx.strokeStyle = COLOURS.bone;
    ctx.beginPath();
    for (const [a, b] of POSE_BONES) {
      const from = pose.landmarks[a];
      const to = pose.landmarks[b];
      if (!visible(from) || !visible(to)) continue;
      ctx.moveTo(from.x * width, from.y * height);
      ctx.lineTo(to.x * width, to.y * height);
    }
    ctx.stroke();
    pose.landmarks.forEach((point, index) => {
      if (!visible(point)) return;
      ctx.fillStyle = isLeftSide(index) ? COLOURS.subjectLeft : COLOURS.subjectRight;
      ctx.beginPath();
      ctx.arc(point.x * width, point.y * height, 3 * scale, 0, 2 * Math.PI);
      ctx.fill();
    });
  }
  ctx.fillStyle = COLOURS.face;
  const dot = 1.5 * scale;
  for (const face of observation.faces) {
    const points = face.points;
    for (let i = 0; i + 2 < points.length; i += POINT_STRIDE) ctx.fillRect((points[i] as number) * width - dot / 2, (points[i + 1] as number) * height - dot / 2, dot, dot);
  }
}

export function clearOverlay(ctx: CanvasRenderingContext2D): void {
  ctx.clearRect(0, 0, ctx.canvas.width, ctx.canvas.height);
}
