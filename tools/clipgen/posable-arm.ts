import { Color, CylinderGeometry, Group, Matrix4, Mesh, MeshPhongMaterial, SphereGeometry, Vector3, type Material } from 'three';
import { alongSegment } from './arm-meshes';
import type { WorldPoint } from './core/camera-rig';
import { cross3, distance3, scale3, sub3, unit3, dot3 } from './core/point3';
import type { PosedArm } from './core/scan-arms';
import { SCAN_BODY } from './core/scan-body';

const SEGMENTS = 28;

export interface ArmMaterials {
  readonly sleeve: Material;
  readonly skin: Material;
}

/** Skin and sleeve as lit materials (the scan's scene has lights, unlike the photo head). */
export function armMaterials(sleeve: Color, skin: Color): ArmMaterials {
  return {
    sleeve: new MeshPhongMaterial({ color: sleeve, shininess: 4, specular: 0x111111 }),
    skin: new MeshPhongMaterial({ color: skin, shininess: 12, specular: 0x222222 }),
  };
}

function fixed(mesh: Mesh): Mesh {
  mesh.matrixAutoUpdate = false;
  return mesh;
}

/** Places a unit-height +y shape on from→to (stretched to the segment's length). */
function stretchAlong(mesh: Mesh, from: WorldPoint, to: WorldPoint): void {
  const { matrix, length } = alongSegment(from, to);
  mesh.matrix.copy(matrix).multiply(new Matrix4().makeScale(1, length, 1));
}

function placeAt(mesh: Mesh, at: WorldPoint): void {
  mesh.matrix.makeTranslation(at[0], at[1], at[2]);
}

/**
 * One arm of the scan's body, posed per frame (model units): a sleeve over the shoulder and upper
 * arm, a bare forearm, and an open hand (a flat ellipsoid, its flat side along the palm) or a fist.
 * The same limb shapes as the photo head's arms (arm-meshes.ts), lit by the scene.
 */
export class PosableArm {
  readonly group = new Group();
  private readonly shoulder: Mesh;
  private readonly upper: Mesh;
  private readonly elbow: Mesh;
  private readonly fore: Mesh;
  private readonly wrist: Mesh;
  private readonly palm: Mesh;
  private readonly fist: Mesh;

  constructor(materials: ArmMaterials) {
    const R = SCAN_BODY.radii;
    this.shoulder = fixed(new Mesh(new SphereGeometry(R.shoulder, SEGMENTS, 14), materials.sleeve));
    // CylinderGeometry's top (+y) is the segment's far end: the elbow, then the wrist.
    this.upper = fixed(new Mesh(new CylinderGeometry(R.elbow * 1.1, R.shoulder, 1, SEGMENTS, 1, true), materials.sleeve));
    this.elbow = fixed(new Mesh(new SphereGeometry(R.elbow, SEGMENTS, 14), materials.skin));
    this.fore = fixed(new Mesh(new CylinderGeometry(R.wrist, R.elbow, 1, SEGMENTS, 1, true), materials.skin));
    this.wrist = fixed(new Mesh(new SphereGeometry(R.wrist, SEGMENTS, 12), materials.skin));
    this.palm = fixed(new Mesh(new SphereGeometry(0.5, SEGMENTS, 14), materials.skin));
    this.fist = fixed(new Mesh(new SphereGeometry(0.5, SEGMENTS, 14), materials.skin));
    this.group.add(this.shoulder, this.upper, this.elbow, this.fore, this.wrist, this.palm, this.fist);
  }

  set visible(shown: boolean) {
    this.group.visible = shown;
  }

  pose(arm: PosedArm): void {
    placeAt(this.shoulder, arm.shoulder);
    stretchAlong(this.upper, arm.shoulder, arm.elbow);
    placeAt(this.elbow, arm.elbow);
    stretchAlong(this.fore, arm.elbow, arm.wrist);
    placeAt(this.wrist, arm.wrist);
    const R = SCAN_BODY.radii;
    const open = arm.hand === 'open';
    this.palm.visible = open;
    this.fist.visible = !open;
    const hand = open ? this.palm : this.fist;
    // The hand's axes: y along the fingers, z out of the palm, x across it.
    const y = unit3(sub3(arm.handTip, arm.wrist));
    const zRaw = sub3(arm.palmNormal, scale3(y, dot3(arm.palmNormal, y)));
    const z = Math.hypot(...zRaw) > 1e-6 ? unit3(zRaw) : unit3(cross3(y, [1, 0, 0]));
    const x = cross3(y, z);
    const length = distance3(arm.handTip, arm.wrist);
    const [width, thickness] = open ? [R.handWidth, R.handThickness] : [R.handWidth, R.handWidth * 0.85];
    const centre = scale3([arm.wrist[0] + arm.handTip[0], arm.wrist[1] + arm.handTip[1], arm.wrist[2] + arm.handTip[2]], 0.5);
    hand.matrix
      .makeBasis(new Vector3(...x), new Vector3(...y), new Vector3(...z))
      .multiply(new Matrix4().makeScale(width, length, thickness))
      .setPosition(centre[0], centre[1], centre[2]);
    for (const mesh of [this.shoulder, this.upper, this.elbow, this.fore, this.wrist, hand]) mesh.matrixWorldNeedsUpdate = true;
  }
}
