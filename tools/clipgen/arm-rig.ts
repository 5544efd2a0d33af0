import { Color, Group, Mesh, Scene, type Texture } from 'three';
import { armsGroup } from './arm-meshes';
import { hangingArmBands } from './core/arm-inpaint';
import { PHOTO_ARM_POSES, armJoints, isPhotoArmPose, handInFrontOfFace, raisedSides, type ArmPose, type BodyFrame, type BodySide, type PhotoArmPose } from './core/arm-pose';
import { backProject, type CameraRig, type WorldPoint } from './core/camera-rig';
import { FACE_POINT, type HeadShape } from './core/head-shape';
import { backgroundMesh, photoCanvas, sampleColour, texture } from './photo-layers';

/** Normalised photo coordinates of the subject's own left (image right) and right shoulder. */
export interface PhotoShoulders {
  readonly left: { readonly x: number; readonly y: number };
  readonly right: { readonly x: number; readonly y: number };
}

/** Sleeve colour: the photo's clothes this far (shoulder widths) below each shoulder point. */
const SLEEVE_SAMPLE_BELOW = 0.12;

/** The body's frame in world units: the photo's shoulders at the skull's depth (the neck's). */
function bodyFrame(rig: CameraRig, shape: HeadShape, shoulders: PhotoShoulders): BodyFrame {
  const z = shape.skullCentre[2];
  const at = (p: { x: number; y: number }): WorldPoint => backProject(rig, p.x * rig.photoWidth, p.y * rig.photoHeight, z);
  const i = FACE_POINT.foreheadMiddle * 3;
  const forehead: WorldPoint = [shape.facePositions[i] ?? 0, shape.facePositions[i + 1] ?? 0, shape.facePositions[i + 2] ?? 0];
  return { leftShoulder: at(shoulders.left), rightShoulder: at(shoulders.right), skullCentre: shape.skullCentre, skullRadii: shape.skullRadii, forehead };
}

function sleeveColour(photo: OffscreenCanvas, rig: CameraRig, shoulders: PhotoShoulders): Color {
  const widthPx = Math.hypot((shoulders.left.x - shoulders.right.x) * rig.photoWidth, (shoulders.left.y - shoulders.right.y) * rig.photoHeight);
  const half = Math.max(2, Math.round(0.03 * widthPx));
  const [a, b] = [shoulders.left, shoulders.right].map((p) => sampleColour(photo, p.x * rig.photoWidth, p.y * rig.photoHeight + SLEEVE_SAMPLE_BELOW * widthPx, half));
  return a === undefined || b === undefined ? new Color(0.2, 0.2, 0.25) : a.clone().lerp(b, 0.5);
}

export interface ArmRigInput {
  readonly rig: CameraRig;
  readonly shape: HeadShape;
  readonly photo: ImageBitmap;
  /** The unpainted photo (colours are sampled from it). */
  readonly photoPixels: OffscreenCanvas;
  readonly shoulders: PhotoShoulders;
  readonly skin: Color;
  /** Where arms behind the face go (drawn before it), and where a hand on the face goes (after it). */
  readonly behindFace: Scene;
  readonly inFrontOfFace: Scene;
}

/**
 * Every arm pose but `rest`, built once: its arms' geometry and a background without the photo's
 * own arms where they are raised (one per set of raised arms). All hidden until `show`.
 */
export class ArmRig {
  private readonly poses = new Map<PhotoArmPose, { readonly limbs: Group; readonly background: Mesh }>();
  readonly textures: Texture[] = [];

  constructor(input: ArmRigInput) {
    const { rig, shape } = input;
    const body = bodyFrame(rig, shape, input.shoulders);
    const colours = { sleeve: sleeveColour(input.photoPixels, rig, input.shoulders), skin: input.skin };
    const px = (p: { x: number; y: number }) => ({ x: p.x * rig.photoWidth, y: p.y * rig.photoHeight });
    const left = px(input.shoulders.left), right = px(input.shoulders.right);
    const backgrounds = new Map<string, Mesh>();
    const backgroundWithout = (sides: readonly BodySide[]): Mesh => {
      const key = sides.join('+');
      const known = backgrounds.get(key);
      if (known !== undefined) return known;
      const bands = sides.flatMap((side) => (side === 'left' ? hangingArmBands(left, right, rig.photoHeight) : hangingArmBands(right, left, rig.photoHeight)));
      const map = texture(photoCanvas(input.photo, shape, bands));
      this.textures.push(map);
      const mesh = backgroundMesh(rig, map);
      mesh.visible = false;
      input.behindFace.add(mesh);
      backgrounds.set(key, mesh);
      return mesh;
    };
    for (const pose of PHOTO_ARM_POSES) {
      if (pose === 'rest') continue;
      const limbs = armsGroup(body, (side) => armJoints(pose, body, side), colours);
      limbs.visible = false;
      this.poses.set(pose, { limbs, background: backgroundWithout(raisedSides(pose)) });
      (handInFrontOfFace(pose) ? input.inFrontOfFace : input.behindFace).add(limbs);
    }
  }

  /** Shows `pose` (hides the others); false for `rest`, whose background is the caller's. */
  show(pose: ArmPose): boolean {
    for (const { limbs, background } of this.poses.values()) {
      limbs.visible = false;
      background.visible = false;
    }
    const shown = isPhotoArmPose(pose) ? this.poses.get(pose) : undefined;
    if (shown === undefined) return false;
    shown.limbs.visible = true;
    shown.background.visible = true;
    return true;
  }
}
