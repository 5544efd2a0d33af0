import { BoxGeometry, CanvasTexture, Color, CylinderGeometry, Group, Matrix4, Mesh, MeshPhongMaterial, RepeatWrapping, SphereGeometry, SRGBColorSpace, type Texture } from 'three';
import { alongSegment } from './arm-meshes';
import { BODY_SIDES } from './core/arm-pose';
import type { WorldPoint } from './core/camera-rig';
import { LYING_BODY, type LyingPosition } from './core/lying-rig';
import { onSide } from './core/scan-body';

/** Trousers (dark grey-brown), socks (light grey): plain Phong colours, lit by the scene. */
const TROUSERS = 0x4a4036;
const SOCKS = 0xc8c8c4;
/** A purple exercise mat on a light wooden floor. */
const MAT = { colour: 0x7a5c8c, lengthM: 1.9, widthM: 0.62, thicknessM: 0.008 } as const;
const FLOOR_SIZE_M = 8;
const SEGMENTS = 32;

function phong(colour: number, shininess = 4): MeshPhongMaterial {
  return new MeshPhongMaterial({ color: colour, shininess, specular: 0x111111 });
}

/** A tapered tube from→to (radii r0 → r1), model units, with round ends. */
function limb(from: WorldPoint, to: WorldPoint, r0: number, r1: number, material: MeshPhongMaterial): Group {
  const { matrix, length } = alongSegment(from, to);
  const tube = new Mesh(new CylinderGeometry(r1, r0, 1, SEGMENTS, 1, true), material);
  tube.matrixAutoUpdate = false;
  tube.matrix.copy(matrix).multiply(new Matrix4().makeScale(1, length, 1));
  const group = new Group();
  for (const [at, r] of [[from, r0], [to, r1]] as const) {
    const end = new Mesh(new SphereGeometry(r, SEGMENTS, 14), material);
    end.position.set(at[0], at[1], at[2]);
    group.add(end);
  }
  group.add(tube);
  return group;
}

/** Face down the body lies on its front: a point as far above the floor as it is lying on the back. */
function proneDepth(p: WorldPoint): WorldPoint {
  return [p[0], p[1], LYING_BODY.proneFloorZ - (p[2] - LYING_BODY.floorZ)];
}

/**
 * The body below the scan's trunk lying (model units, the bust's axes before any rise): the
 * trousers' pelvis, straight legs and socked feet (core/lying-rig.ts LYING_BODY). On the back the
 * feet point up from the heels; face down the legs lie on their front, the pelvis as deep as the
 * trunk, the feet flat on their tops, soles up. Shaded shapes, no cloth or toes: enough for a
 * person's outline from the side.
 */
export function lyingLowerBody(position: LyingPosition): Group {
  const L = LYING_BODY;
  const prone = position === 'prone';
  const trousers = phong(TROUSERS);
  const socks = phong(SOCKS, 8);
  const group = new Group();
  const pelvis = new Mesh(new CylinderGeometry(1, 1, L.pelvis.topY - L.pelvis.bottomY, SEGMENTS), trousers);
  const back = L.pelvis.centreZ - L.pelvis.radiusZ;
  const radiusZ = prone ? (L.proneFloorZ - back) / 2 : L.pelvis.radiusZ;
  pelvis.scale.set(L.pelvis.radiusX, 1, radiusZ);
  pelvis.position.set(0, (L.pelvis.topY + L.pelvis.bottomY) / 2, back + radiusZ);
  group.add(pelvis);
  const joint = (p: WorldPoint, out: number): WorldPoint => onSide(prone ? proneDepth(p) : p, out);
  for (const side of BODY_SIDES) {
    const out = side === 'left' ? 1 : -1;
    const hip = joint(L.hip, out);
    const knee = joint(L.knee, out);
    const ankle = joint(L.ankle, out);
    group.add(limb(hip, knee, L.radii.hip, L.radii.knee, trousers), limb(knee, ankle, L.radii.knee, L.radii.ankle, trousers));
    const foot = new Mesh(new SphereGeometry(0.5, SEGMENTS, 14), socks);
    if (prone) {
      // Pointed away from the head along the floor (the floor is on the front's side, model +z).
      foot.scale.set(L.foot.width, L.foot.length, L.foot.thickness);
      foot.position.set(ankle[0], ankle[1] - L.foot.length * 0.35, ankle[2] + L.foot.thickness * 0.2);
    } else {
      // The foot stands up from the heel (toes toward the ceiling, model +z), a little toward the head.
      foot.scale.set(L.foot.width, L.foot.thickness, L.foot.length);
      foot.position.set(ankle[0], ankle[1] - L.foot.thickness * 0.2, ankle[2] + L.foot.length * 0.3);
    }
    group.add(foot);
  }
  return group;
}

/** Wood: light planks along the body with faint grain (a canvas texture, repeated). */
function woodTexture(): Texture {
  const canvas = new OffscreenCanvas(256, 256);
  const g = canvas.getContext('2d');
  if (g === null) throw new Error('no 2D context for the floor');
  for (let plank = 0; plank < 4; plank++) {
    const shade = 168 + ((plank * 37) % 4) * 8;
    g.fillStyle = `rgb(${shade}, ${shade - 28}, ${shade - 62})`;
    g.fillRect(0, plank * 64, 256, 64);
    g.fillStyle = 'rgba(60, 40, 20, 0.35)';
    g.fillRect(0, plank * 64, 256, 2);
    for (let line = 0; line < 6; line++) {
      g.fillStyle = 'rgba(90, 60, 30, 0.08)';
      g.fillRect(0, plank * 64 + 8 + line * 9, 256, 3);
    }
  }
  const t = new CanvasTexture(canvas);
  t.colorSpace = SRGBColorSpace;
  t.wrapS = RepeatWrapping;
  t.wrapT = RepeatWrapping;
  t.repeat.set(FLOOR_SIZE_M / 1.2, FLOOR_SIZE_M / 1.2);
  return t;
}

/** The floor (world y = 0 is the mat's top) and the mat under the body, world metres; the body lies along x. */
export function floorAndMat(): { group: Group; textures: Texture[] } {
  const wood = woodTexture();
  const group = new Group();
  const floor = new Mesh(new BoxGeometry(FLOOR_SIZE_M, 0.02, FLOOR_SIZE_M), new MeshPhongMaterial({ map: wood, shininess: 10, specular: 0x222222 }));
  floor.position.set(0, -MAT.thicknessM - 0.01, 0);
  const mat = new Mesh(new BoxGeometry(MAT.lengthM, MAT.thicknessM, MAT.widthM), new MeshPhongMaterial({ color: new Color(MAT.colour), shininess: 6, specular: 0x111111 }));
  mat.position.set(0, -MAT.thicknessM / 2, 0);
  group.add(floor, mat);
  return { group, textures: [wood] };
}
