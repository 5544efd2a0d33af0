import type { DemoArms, DemoPosture } from './demo-motion-data';
import type { DemoPose } from './demo-pose';

/** One drawn part of the figure, in a 200×200 view. */
export type FigureShape =
  | { readonly kind: 'line'; readonly part: string; readonly x1: number; readonly y1: number; readonly x2: number; readonly y2: number }
  | { readonly kind: 'circle'; readonly part: string; readonly cx: number; readonly cy: number; readonly r: number };

export interface FigureFrame {
  /** Degrees the whole figure is turned (lying postures lie along the floor). */
  readonly rotateDeg: number;
  readonly floorY: number | null;
  readonly shapes: readonly FigureShape[];
}

interface Point {
  readonly x: number;
  readonly y: number;
}

const rad = (deg: number): number => (deg * Math.PI) / 180;
const NECK_BASE: Point = { x: 100, y: 112 };
const HEAD_RADIUS = 24;

/** `point` turned by `deg` (screen clockwise) about `center`. */
function turn(point: Point, center: Point, deg: number): Point {
  const c = Math.cos(rad(deg));
  const s = Math.sin(rad(deg));
  const dx = point.x - center.x;
  const dy = point.y - center.y;
  return { x: center.x + dx * c - dy * s, y: center.y + dx * s + dy * c };
}

const line = (part: string, a: Point, b: Point): FigureShape => ({ kind: 'line', part, x1: a.x, y1: a.y, x2: b.x, y2: b.y });
const circle = (part: string, c: Point, r: number): FigureShape => ({ kind: 'circle', part, cx: c.x, cy: c.y, r });

/**
 * Elbow and hand of each arm for a pose, screen-left arm first. Seen as a coach facing the
 * person (mirrored like the camera view): the subject's right arm is on the screen's right.
 */
function arms(kind: DemoArms, pose: DemoPose, shoulders: readonly [Point, Point], head: Point, forehead: Point): readonly [Point, Point][] {
  const [left, right] = shoulders;
  const mirror = (p: Point): Point => ({ x: 200 - p.x, y: p.y });
  // Presses barely move the head (a few degrees): the hands are drawn pushing, up to 6 px, so the effort shows.
  const push = Math.min(1, (Math.abs(pose.pitch) + Math.abs(pose.roll)) / 3) * 6;
  const down = (s: Point, side: 1 | -1): [Point, Point] => [{ x: s.x - side * 8, y: s.y + 32 }, { x: s.x - side * 6, y: s.y + 62 }];
  switch (kind) {
    case 'rest':
      return [down(left, 1), down(right, -1)];
    case 'palm-forehead':
      return [down(left, 1), [{ x: 150, y: 132 }, { x: forehead.x + 6, y: forehead.y + push }]];
    case 'palm-temple':
      return [down(left, 1), [{ x: 158, y: 118 }, { x: head.x + HEAD_RADIUS + 4 - push, y: head.y - 2 }]];
    case 'both-palms-forehead':
      return [[{ x: 52, y: 128 }, { x: forehead.x - 6, y: forehead.y + push }], [{ x: 148, y: 128 }, { x: forehead.x + 6, y: forehead.y + push }]];
    case 'hands-behind-head':
      return [[{ x: 42, y: 78 - push }, { x: head.x - 12, y: head.y - 6 - push }], [{ x: 158, y: 78 - push }, { x: head.x + 12, y: head.y - 6 - push }]];
    case 'arms-out':
      return [[{ x: left.x - 34, y: left.y }, { x: left.x - 66, y: left.y }], [{ x: right.x + 34, y: right.y }, { x: right.x + 66, y: right.y }]];
    case 'hands-on-neck': {
      const rub = pose.elbow * 6;
      return [[{ x: 52, y: 140 }, { x: 90, y: 104 + rub }], [{ x: 148, y: 140 }, { x: 110, y: 104 - rub }]];
    }
    case 'hands-on-shoulders':
      return [[{ x: left.x - 4, y: left.y + 34 - pose.lift * 14 }, { x: left.x + 6, y: left.y - 2 }], [{ x: right.x + 4, y: right.y + 34 - pose.lift * 14 }, { x: right.x - 6, y: right.y - 2 }]];
    case 'elbow-flex': {
      const elbowL: Point = { x: left.x - 34, y: left.y };
      const handL = turn({ x: elbowL.x - 32, y: elbowL.y }, elbowL, 90 * pose.elbow);
      return [[elbowL, handL], [mirror(elbowL), mirror(handL)]];
    }
    case 'hand-over-head':
      return [down(left, 1), [{ x: 160, y: 70 }, { x: head.x + 10, y: head.y - HEAD_RADIUS }]];
    case 'hands-on-belly':
      return [[{ x: 62, y: 150 }, { x: 92, y: 160 }], [{ x: 138, y: 150 }, { x: 108, y: 160 }]];
  }
}

/**
 * The figure for one pose: head (with eyes and nose that show turns and tilts), neck, shoulders,
 * torso, arms and hands. Mirrored like the camera view: a turn to the subject's left moves the
 * face toward the screen's left, a tilt to the left lowers the head toward the screen's left.
 */
export function figureFrame(pose: DemoPose, posture: DemoPosture, armKind: DemoArms): FigureFrame {
  const lift = pose.lift * 12;
  const narrow = pose.forward * 8;
  const shoulders: [Point, Point] = [{ x: 52 + narrow, y: 124 - lift }, { x: 148 - narrow, y: 124 - lift }];
  const neckBase: Point = { x: NECK_BASE.x, y: NECK_BASE.y - lift };
  const neckTop = turn({ x: 100, y: 100 - lift }, neckBase, -pose.roll);
  const head = turn({ x: 100, y: 76 - lift }, neckBase, -pose.roll);
  // Features move across the face with the turn and up or down with the tilt (a sphere seen from the front).
  const faceX = -Math.sin(rad(pose.yaw)) * 15;
  const faceY = -Math.sin(rad(pose.pitch)) * 14;
  const feature = (dx: number, dy: number): Point => turn({ x: 100 + dx + faceX, y: 76 - lift + dy + faceY }, neckBase, -pose.roll);
  const forehead = feature(0, -14);
  const hips: [Point, Point] = [{ x: 70, y: 196 }, { x: 130, y: 196 }];
  const shapes: FigureShape[] = [
    line('torso', shoulders[0], hips[0]),
    line('torso', shoulders[1], hips[1]),
    line('shoulders', shoulders[0], shoulders[1]),
    line('neck', neckBase, neckTop),
    circle('head', head, HEAD_RADIUS),
  ];
  shapes.push(circle('eye', feature(-8, -4), 2.6), circle('eye', feature(8, -4), 2.6), line('nose', feature(0, -1), feature(0, 7)), line('mouth', feature(-6, 13), feature(6, 13)));
  for (const [index, [elbow, hand]] of arms(armKind, pose, shoulders, head, forehead).entries()) {
    const shoulder = shoulders[index] ?? shoulders[0];
    shapes.push(line('arm', shoulder, elbow), line('arm', elbow, hand), circle('hand', hand, 6));
  }
  if (posture === 'lying-back' || posture === 'lying-front') {
    // Lying along the floor, head to the left; a rise of the upper body lifts everything above the hips.
    const pivot: Point = { x: 100, y: 196 };
    const raised = shapes.map((shape) => raise(shape, pivot, pose.torso));
    return { rotateDeg: -90, floorY: 42, shapes: raised };
  }
  return { rotateDeg: 0, floorY: posture === 'standing' ? null : 198, shapes };
}

function raise(shape: FigureShape, pivot: Point, deg: number): FigureShape {
  if (deg === 0) return shape;
  if (shape.kind === 'circle') {
    const c = turn({ x: shape.cx, y: shape.cy }, pivot, deg);
    return { ...shape, cx: c.x, cy: c.y };
  }
  const a = turn({ x: shape.x1, y: shape.y1 }, pivot, deg);
  const b = turn({ x: shape.x2, y: shape.y2 }, pivot, deg);
  return { ...shape, x1: a.x, y1: a.y, x2: b.x, y2: b.y };
}
