import { BoxGeometry, CanvasTexture, Color, CylinderGeometry, Group, Matrix4, Mesh, MeshPhongMaterial, RepeatWrapping, SphereGeometry, SRGBColorSpace, type Texture } from 'three';
import { alongSegment } from './arm-meshes';
import { BODY_SIDES } from './core/arm-pose';
import type { WorldPoint } from './core/camera-rig';
import { LYING_BODY } from './core/lying-rig';
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

/**
 * The body below the scan's trunk, lying on its back (model units, the bust's axes before any
 * rise): the trousers' pelvis, straight legs and socked feet pointing up (core/lying-rig.ts
 * LYING_BODY). Shaded shapes, no cloth or toes: enough for a person's outline from the side.
 */
export function lyingLowerBody(): Group {
  const L = LYING_BODY;
  const trousers = phong(TROUSERS);
  const socks = phong(SOCKS, 8);
  const group = new Group();
  const pelvis = new Mesh(new CylinderGeometry(1, 1, L.pelvis.topY - L.pelvis.bottomY, SEGMENTS), trousers);
  pelvis.scale.set(L.pelvis.radiusX, 1, L.pelvis.radiusZ);
  pelvis.position.set(0, (L.pelvis.topY + L.pelvis.bottomY) / 2, L.pelvis.centreZ);
  group.add(pelvis);
  for (const side of BODY_SIDES) {
    const out = side === 'left' ? 1 : -1;
    const hip = onSide(L.hip, out);
    const knee = onSide(L.knee, out);
    const ankle = onSide(L.ankle, out);
    group.add(limb(hip, knee, L.radii.hip, L.radii.knee, trousers), limb(knee, ankle, L.radii.knee, L.radii.ankle, trousers));
    // The foot stands up from the heel (toes toward the ceiling, model +z), a little toward the head.
    const foot = new Mesh(new SphereGeometry(0.5, SEGMENTS, 14), socks);
    foot.scale.set(L.foot.width, L.foot.thickness, L.foot.length);
    foot.position.set(ankle[0], ankle[1] - L.foot.thickness * 0.2, ankle[2] + L.foot.length * 0.3);
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
