import {
  BufferAttribute,
  BufferGeometry,
  Color,
  CylinderGeometry,
  DoubleSide,
  Group,
  LinearSRGBColorSpace,
  Matrix4,
  Mesh,
  MeshBasicMaterial,
  PerspectiveCamera,
  Scene,
  SphereGeometry,
  WebGLRenderer,
  type Texture,
} from 'three';
import { anglesToMatrix } from '../../src/core/geometry/euler';
import { mat3At } from '../../src/core/geometry/mat3';
import type { HeadAngles } from '../../src/core/head-pose/head-angles';
import type { Landmark } from '../../src/core/landmarks';
import { ArmRig, type PhotoShoulders } from './arm-rig';
import { handInFrontOfFace, isPhotoArmPose, type ArmPose } from './core/arm-pose';
import { cameraRig, photoUv, project, type CameraRig, type WorldPoint } from './core/camera-rig';
import { depthScaleToCanonical } from './core/depth-scale';
import { headShape, type HeadShape } from './core/head-shape';
import { BACKGROUND_DEPTH, backgroundMesh, photoCanvas, sampleColour, texture } from './photo-layers';
import { RenderedScene } from './rendered-scene';

export type { PhotoShoulders } from './arm-rig';

/**
 * A laptop webcam's vertical field of view. It matters to the face landmarker's angles: the same
 * ±20° yaw read ±14–17° at 30° and ±17–18° at 63° (measured, docs/clipgen.md).
 */
export const CAMERA_VERTICAL_FOV_DEG = 50;
/** Brightness of the neck's sides relative to its front. */
const NECK_SIDE_SHADE = 0.55;
/** Half-size (photo pixels) of the square whose mean gives the neck's colour. */
const NECK_SAMPLE_HALF = 6;
/** The neck is in the jaw's shadow: darker than the cheek it takes its colour from. */
const NECK_SKIN_SHADE = 0.8;

export interface HeadSceneInput {
  readonly photo: ImageBitmap;
  /** The photo's 478 face landmarks (normalised, as the face landmarker gives them). */
  readonly landmarks: readonly Landmark[];
  /** Face-mesh triangles (indices into landmarks). */
  readonly triangles: Uint16Array;
  readonly width: number;
  readonly height: number;
  /** The photo's shoulders as the pose landmarker finds them (normalised); null: no arms can be posed. */
  readonly shoulders: PhotoShoulders | null;
}

function faceMesh(shape: HeadShape, map: Texture): Mesh {
  const geometry = new BufferGeometry();
  geometry.setAttribute('position', new BufferAttribute(shape.facePositions, 3));
  geometry.setAttribute('uv', new BufferAttribute(shape.faceUvs, 2));
  geometry.setIndex(new BufferAttribute(shape.faceTriangles, 1));
  return new Mesh(geometry, new MeshBasicMaterial({ map, side: DoubleSide }));
}

/** Below this cosine to the camera a skull point is painted with hair (the photo sees it only edge-on). */
const SKULL_BACK_NORMAL_Z = 0.3;

/**
 * Where the skull samples the photo. The front faces the camera: it projects the photo along the
 * camera rays (hair, outline), except inside the face's oval, which the face mesh shows and where a
 * projection would paint a second face on the skull's sides when the head turns: plain skin there.
 * The back, which the photo never saw, gets a band of hair.
 */
function skullUv(rig: CameraRig, shape: HeadShape, world: WorldPoint, local: WorldPoint): readonly [number, number] {
  if (local[2] < SKULL_BACK_NORMAL_Z) {
    const { py, halfWidthPx } = shape.hairBand;
    return photoUv(rig, shape.inpaint.cx + local[0] * halfWidthPx, py);
  }
  const { px, py } = project(rig, world);
  const o = shape.faceOval;
  if (((px - o.cx) / o.rx) ** 2 + ((py - o.cy) / o.ry) ** 2 < 1) return photoUv(rig, shape.skinSample.px, shape.skinSample.py);
  return photoUv(rig, px, py);
}

/** An ellipsoid behind the face mesh that carries hair and the head's outline. */
function skullMesh(rig: CameraRig, shape: HeadShape, map: Texture): Mesh {
  const geometry = new SphereGeometry(1, 64, 48);
  const position = geometry.getAttribute('position');
  const uv = geometry.getAttribute('uv');
  const [cx, cy, cz] = shape.skullCentre;
  const [rx, ry, rz] = shape.skullRadii;
  for (let i = 0; i < position.count; i++) {
    const local: WorldPoint = [position.getX(i), position.getY(i), position.getZ(i)];
    const world: WorldPoint = [cx + local[0] * rx, cy + local[1] * ry, cz + local[2] * rz];
    position.setXYZ(i, ...world);
    uv.setXY(i, ...skullUv(rig, shape, world, local));
  }
  geometry.computeBoundingSphere();
  return new Mesh(geometry, new MeshBasicMaterial({ map }));
}

/** A skin-coloured, softly shaded neck column that fills the gap beside the jaw when the head turns. */
function neckMesh(shape: HeadShape, colour: Color): Mesh {
  const { radius, topY, bottomY } = shape.neck;
  const geometry = new CylinderGeometry(radius, radius, topY - bottomY, 32, 1, true);
  // Shading by hand (no lights): darker toward the sides, as the photo's own lighting would be.
  const normals = geometry.getAttribute('normal');
  const colours = new Float32Array(normals.count * 3);
  for (let i = 0; i < normals.count; i++) {
    const shade = NECK_SIDE_SHADE + (1 - NECK_SIDE_SHADE) * Math.max(0, normals.getZ(i));
    colours.set([colour.r * shade, colour.g * shade, colour.b * shade], i * 3);
  }
  geometry.setAttribute('color', new BufferAttribute(colours, 3));
  const mesh = new Mesh(geometry, new MeshBasicMaterial({ vertexColors: true }));
  mesh.position.set(shape.skullCentre[0], (topY + bottomY) / 2, shape.skullCentre[2]);
  return mesh;
}

/** The photo's person with a rotatable head, rendered by three.js into `canvas`. */
export class HeadScene extends RenderedScene {
  readonly rig: CameraRig;
  readonly shape: HeadShape;
  protected readonly renderer: WebGLRenderer;
  /** Background, neck, skull and arms; then, over them after a depth clear, the face; then a hand on it. */
  private readonly scene = new Scene();
  private readonly faceScene = new Scene();
  private readonly frontScene = new Scene();
  private readonly camera: PerspectiveCamera;
  private readonly head = new Group();
  private readonly face = new Group();
  protected readonly textures: Texture[] = [];
  /** Null when the photo's shoulders were not found (then only `rest` can be rendered). */
  private readonly arms: ArmRig | null = null;
  /** The background of `rest`: the photo's own arms stay. */
  private readonly restBackground: Mesh;

  constructor(canvas: HTMLCanvasElement, input: HeadSceneInput) {
    super();
    this.rig = cameraRig(input.photo.width, input.photo.height, input.width / input.height, CAMERA_VERTICAL_FOV_DEG);
    this.shape = headShape(this.rig, input.landmarks, input.triangles, depthScaleToCanonical(input.landmarks, input.photo.width, input.photo.height));
    this.renderer = new WebGLRenderer({ canvas, antialias: true, preserveDrawingBuffer: true });
    this.renderer.setPixelRatio(1);
    this.renderer.setSize(input.width, input.height, false);
    this.renderer.outputColorSpace = LinearSRGBColorSpace;
    this.renderer.autoClear = false;
    const rig = this.rig;
    this.camera = new PerspectiveCamera(rig.verticalFovDeg, input.width / input.height, rig.distance / 10, rig.distance + BACKGROUND_DEPTH * 2);
    this.camera.position.set(rig.centreX, -rig.centreY, rig.distance);
    this.camera.lookAt(rig.centreX, -rig.centreY, 0);

    const photo = photoCanvas(input.photo, null);
    const photoMap = texture(photo);
    const backgroundMap = texture(photoCanvas(input.photo, this.shape));
    this.textures.push(photoMap, backgroundMap);
    this.restBackground = backgroundMesh(rig, backgroundMap);
    this.scene.add(this.restBackground);
    // The head's parts are placed relative to the pivot; the group turns about it.
    const [px, py, pz] = this.shape.pivot;
    const skull = skullMesh(rig, this.shape, photoMap);
    skull.position.set(-px, -py, -pz);
    this.head.position.set(px, py, pz);
    this.head.add(skull);
    this.scene.add(this.head);
    const faceSurface = faceMesh(this.shape, photoMap);
    faceSurface.position.set(-px, -py, -pz);
    this.face.position.set(px, py, pz);
    this.face.add(faceSurface);
    this.faceScene.add(this.face);
    // The neck stays with the body; only the head turns. Its colour: the photo just below the chin.
    const shape = this.shape;
    const neckColour = sampleColour(photo, shape.skinSample.px, shape.skinSample.py, NECK_SAMPLE_HALF).multiplyScalar(NECK_SKIN_SHADE);
    this.scene.add(neckMesh(shape, neckColour));
    if (input.shoulders !== null) {
      const skin = neckColour.clone().multiplyScalar(1 / NECK_SKIN_SHADE);
      this.arms = new ArmRig({ rig, shape, photo: input.photo, photoPixels: photo, shoulders: input.shoulders, skin, behindFace: this.scene, inFrontOfFace: this.frontScene });
      this.textures.push(...this.arms.textures);
    }
  }

  /**
   * Renders the head at `angles` (project convention, relative to the photo's own pose) with the
   * arms in `arms` (`rest`: the photo's own arms).
   */
  render(angles: HeadAngles, arms: ArmPose = 'rest'): void {
    if (!isPhotoArmPose(arms)) throw new Error(`arm pose ${arms}: only the scan's body renders it`);
    if (arms !== 'rest' && this.arms === null) throw new Error(`arm pose ${arms}: the photo's shoulders were not found`);
    const armsShown = this.arms?.show(arms) ?? false;
    this.restBackground.visible = !armsShown;
    const r = anglesToMatrix(angles);
    const m = new Matrix4().set(
      mat3At(r, 0, 0), mat3At(r, 0, 1), mat3At(r, 0, 2), 0,
      mat3At(r, 1, 0), mat3At(r, 1, 1), mat3At(r, 1, 2), 0,
      mat3At(r, 2, 0), mat3At(r, 2, 1), mat3At(r, 2, 2), 0,
      0, 0, 0, 1,
    );
    this.head.quaternion.setFromRotationMatrix(m);
    this.face.quaternion.setFromRotationMatrix(m);
    this.renderer.clear();
    this.renderer.render(this.scene, this.camera);
    // The face is drawn over the skull (only its own surfaces hide each other): the skull may bulge
    // past the face's sides, a real head's cheeks and temples do join the skull.
    this.renderer.clearDepth();
    this.renderer.render(this.faceScene, this.camera);
    if (armsShown && handInFrontOfFace(arms)) {
      this.renderer.clearDepth();
      this.renderer.render(this.frontScene, this.camera);
    }
  }
}
