import { BufferAttribute, Color, CylinderGeometry, Group, Matrix4, Mesh, MeshBasicMaterial, Quaternion, SphereGeometry, Vector3, type BufferGeometry } from 'three';
import { BODY_SIDES, shoulderWidth, type ArmJoints, type BodyFrame } from './core/arm-pose';
import type { WorldPoint } from './core/camera-rig';

/** Limb radii in shoulder widths: a jacket sleeve over the upper arm and forearm, then the hand. */
export const LIMB_RADII = {
  shoulder: 0.17,
  elbow: 0.13,
  wrist: 0.09,
  /** The hand: a flattened ellipsoid this thick and wide (shoulder widths; an adult hand ≈ 0.22 W wide). */
  handThickness: 0.07,
  handWidth: 0.2,
} as const;

/** Shading by hand (no lights): a soft ambient share plus a light from the front, above and the image's left. */
const AMBIENT = 0.35;
const LIGHT = new Vector3(-0.3, 0.5, 1).normalize();
const RADIAL_SEGMENTS = 24;

export interface ArmColours {
  readonly sleeve: Color;
  readonly skin: Color;
}

/** Lambert vertex colours from world normals. */
function shadeByNormal(geometry: BufferGeometry, colour: Color): void {
  const normals = geometry.getAttribute('normal');
  const colours = new Float32Array(normals.count * 3);
  const n = new Vector3();
  for (let i = 0; i < normals.count; i++) {
    n.set(normals.getX(i), normals.getY(i), normals.getZ(i));
    const shade = AMBIENT + (1 - AMBIENT) * Math.max(0, n.dot(LIGHT));
    colours.set([colour.r * shade, colour.g * shade, colour.b * shade], i * 3);
  }
  geometry.setAttribute('color', new BufferAttribute(colours, 3));
}

function vector(p: WorldPoint): Vector3 {
  return new Vector3(p[0], p[1], p[2]);
}

/** The transform that takes a unit-height shape along +y centred at the origin onto from→to. */
export function alongSegment(from: WorldPoint, to: WorldPoint): { matrix: Matrix4; length: number } {
  const a = vector(from);
  const direction = vector(to).sub(a);
  const length = direction.length();
  const rotation = new Quaternion().setFromUnitVectors(new Vector3(0, 1, 0), direction.clone().normalize());
  const centre = a.add(direction.multiplyScalar(0.5));
  return { matrix: new Matrix4().compose(centre, rotation, new Vector3(1, 1, 1)), length };
}

function shadedMesh(geometry: BufferGeometry, colour: Color): Mesh {
  shadeByNormal(geometry, colour);
  geometry.computeBoundingSphere();
  return new Mesh(geometry, new MeshBasicMaterial({ vertexColors: true }));
}

/** A tapered tube from `from` (radius r0) to `to` (radius r1), world geometry. */
function limb(from: WorldPoint, to: WorldPoint, r0: number, r1: number, colour: Color): Mesh {
  const { matrix, length } = alongSegment(from, to);
  // CylinderGeometry's top (+y) is radiusTop: the `to` end.
  const geometry = new CylinderGeometry(r1, r0, length, RADIAL_SEGMENTS, 1, true).applyMatrix4(matrix);
  return shadedMesh(geometry, colour);
}

function joint(at: WorldPoint, radius: number, colour: Color): Mesh {
  const geometry = new SphereGeometry(radius, RADIAL_SEGMENTS, 12).translate(at[0], at[1], at[2]);
  return shadedMesh(geometry, colour);
}

/** The hand from the wrist to its tip: an ellipsoid, flat across the palm. */
function hand(from: WorldPoint, to: WorldPoint, width: number, thickness: number, colour: Color): Mesh {
  const { matrix, length } = alongSegment(from, to);
  const geometry = new SphereGeometry(0.5, RADIAL_SEGMENTS, 12).scale(width, length, thickness).applyMatrix4(matrix);
  return shadedMesh(geometry, colour);
}

/** Both arms of one pose as shaded geometry in world units (the body does not move: no pivot). */
export function armsGroup(body: BodyFrame, joints: (side: (typeof BODY_SIDES)[number]) => ArmJoints | null, colours: ArmColours): Group {
  const group = new Group();
  const w = shoulderWidth(body);
  const R = LIMB_RADII;
  for (const side of BODY_SIDES) {
    const arm = joints(side);
    if (arm === null) continue;
    group.add(
      joint(arm.shoulder, R.shoulder * w, colours.sleeve),
      limb(arm.shoulder, arm.elbow, R.shoulder * w, R.elbow * w, colours.sleeve),
      joint(arm.elbow, R.elbow * w, colours.sleeve),
      limb(arm.elbow, arm.wrist, R.elbow * w, R.wrist * w, colours.sleeve),
      hand(arm.wrist, arm.handTip, R.handWidth * w, R.handThickness * w, colours.skin),
    );
  }
  return group;
}
