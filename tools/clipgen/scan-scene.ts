import {
  BufferAttribute,
  CanvasTexture,
  Color,
  CylinderGeometry,
  Group,
  Matrix4,
  Mesh,
  MeshBasicMaterial,
  MeshPhongMaterial,
  PerspectiveCamera,
  PlaneGeometry,
  Scene,
  SRGBColorSpace,
  TextureLoader,
  WebGLRenderer,
  type BufferGeometry,
  type Light,
  type Texture,
} from 'three';
import { GLTFLoader } from 'three/examples/jsm/loaders/GLTFLoader.js';
import { anglesToMatrix } from '../../src/core/geometry/euler';
import type { HeadAngles } from '../../src/core/head-pose/head-angles';
import { bendNeck, neckWeight } from './core/neck-bend';
import { BODY_SIDES } from './core/arm-pose';
import { scanArm, type BodyMotion } from './core/scan-arms';
import { shirtWeight } from './core/scan-shirt';
import { girdleWeight, moveGirdle } from './core/shoulder-girdle';
import { armMaterials, PosableArm } from './posable-arm';
import { dressable } from './shirt-material';
import { SCAN_METRES_PER_UNIT, SCAN_NECK, SCAN_SPINE_Z, SCAN_VERTICAL_FOV_DEG, scanCameraPose, type ScanCamera } from './core/scan-rig';
import { LYING_BODY, floorCameraPose, isLying, lyingRotation, lyingToWorld, riseAboutHips, type LyingPosition, type Position } from './core/lying-rig';
import { UNITS_PER_CM } from './core/scan-body';
import { floorAndMat, lyingLowerBody } from './lying-body';
import type { ScanLighting } from './core/trajectory';
import { LIGHTING_SETUPS } from './scan-lighting';
import { SCAN_FILES } from './scan-scene-files';
import { RenderedScene } from './rendered-scene';


/** The wall behind the subject, metres behind the spine; lying, behind the body's far side. */
const WALL_BEHIND_M = 0.7;
const LYING_WALL = { z: -1.6, y: 2.4 } as const;
/**
 * The scan stops at the upper chest: a plain shirt-coloured trunk continues it downward, so that a
 * camera at 2 m sees a person, not a floating bust (model units: elliptic, around the spine).
 */
/** The forearms' and hands' skin: the scan's own skin tone (its colour map on the cheeks, lit). */
const ARM_SKIN = 0xc9927a;
const SHIRT = { radiusX: 4.05, radiusZ: 1.7, centreZ: -0.75, topY: -3.1, bottomY: -22, colour: 0x2d4a5e } as const;

/** A wall: a vertical gradient (light above, darker below) with a soft horizontal falloff. */
function wallTexture(): Texture {
  const canvas = new OffscreenCanvas(256, 256);
  const g = canvas.getContext('2d');
  if (g === null) throw new Error('no 2D context for the wall');
  const vertical = g.createLinearGradient(0, 0, 0, 256);
  vertical.addColorStop(0, '#d9d4cb');
  vertical.addColorStop(0.6, '#b9b2a6');
  vertical.addColorStop(1, '#8e877c');
  g.fillStyle = vertical;
  g.fillRect(0, 0, 256, 256);
  const sides = g.createRadialGradient(128, 100, 20, 128, 100, 200);
  sides.addColorStop(0, 'rgba(255,255,255,0.08)');
  sides.addColorStop(1, 'rgba(0,0,0,0.25)');
  g.fillStyle = sides;
  g.fillRect(0, 0, 256, 256);
  const t = new CanvasTexture(canvas);
  t.colorSpace = SRGBColorSpace;
  return t;
}

export interface ScanAssets {
  /** URL of the folder holding SCAN_FILES (ends with '/'). */
  readonly baseUrl: string;
}

/** The scanned bust, lit and textured, with a bendable neck and a turnable trunk. */
export class ScanScene extends RenderedScene {
  protected readonly renderer: WebGLRenderer;
  private readonly scene = new Scene();
  private readonly camera: PerspectiveCamera;
  /** Turns about the spine (trunk yaw); holds the bust and the shirt. */
  private readonly trunk = new Group();
  /** Lays the trunk down (lying); the identity upright. */
  private readonly posture = new Group();
  /** The bust, its shirt and arms (model units): turned about the hips when a lying torso rises. */
  private readonly model = new Group();
  private readonly shirtTrunk: Mesh;
  /** The legs and pelvis, one per lying position (hidden upright). */
  private readonly lowerBodies: Readonly<Record<LyingPosition, Group>>;
  private readonly floor: Group;
  private readonly wall: Mesh;
  private position: Position = 'upright';
  private readonly geometry: BufferGeometry;
  private readonly restPositions: Float32Array;
  private readonly restNormals: Float32Array;
  private readonly weights: Float32Array;
  private readonly girdleWeights: Float32Array;
  /** The rest positions with the shoulders moved by the girdle (scratch, per frame). */
  private readonly girdled: Float32Array;
  private readonly shirt: { setDressed(on: boolean): void };
  private readonly arms: readonly PosableArm[];
  protected readonly textures: Texture[];
  private readonly wallMaterial: MeshBasicMaterial;
  private lights: Light[] = [];
  readonly vertexCount: number;

  private constructor(canvas: HTMLCanvasElement, width: number, height: number, geometry: BufferGeometry, textures: { colour: Texture; specular: Texture; normal: Texture }) {
    super();
    this.renderer = new WebGLRenderer({ canvas, antialias: true, preserveDrawingBuffer: true });
    this.renderer.setPixelRatio(1);
    this.renderer.setSize(width, height, false);
    this.camera = new PerspectiveCamera(SCAN_VERTICAL_FOV_DEG, width / height, 0.05, 20);
    this.geometry = geometry;
    this.restPositions = Float32Array.from(geometry.getAttribute('position').array);
    this.restNormals = Float32Array.from(geometry.getAttribute('normal').array);
    this.vertexCount = this.restPositions.length / 3;
    this.weights = new Float32Array(this.restPositions.length / 3).map((_, i) => neckWeight(this.restPositions[3 * i + 1] ?? 0, SCAN_NECK));
    this.textures = [textures.colour, textures.specular, textures.normal];
    this.girdleWeights = new Float32Array(this.vertexCount).map((_, i) => girdleWeight(this.restPositions[3 * i] ?? 0, this.restPositions[3 * i + 1] ?? 0));
    this.girdled = new Float32Array(this.restPositions.length);
    geometry.setAttribute('shirt', new BufferAttribute(new Float32Array(this.vertexCount).map((_, i) => shirtWeight(this.restPositions[3 * i] ?? 0, this.restPositions[3 * i + 1] ?? 0)), 1));
    const skin = new MeshPhongMaterial({ map: textures.colour, specularMap: textures.specular, normalMap: textures.normal, shininess: 22, specular: 0x444444 });
    this.shirt = dressable(skin, new Color(SHIRT.colour));
    const bust = new Mesh(geometry, skin);
    const shirtGeometry = new CylinderGeometry(1, 1.08, SHIRT.topY - SHIRT.bottomY, 48, 1, false);
    const shirt = new Mesh(shirtGeometry, new MeshPhongMaterial({ color: SHIRT.colour, shininess: 4, specular: 0x111111 }));
    this.shirtTrunk = shirt;
    this.shapeTrunk(0);
    // Model units → metres; the trunk group's origin is on the spine's axis so it turns about it.
    const model = this.model;
    model.add(bust, shirt);
    const materials = armMaterials(new Color(SHIRT.colour), new Color(ARM_SKIN));
    this.arms = BODY_SIDES.map(() => new PosableArm(materials));
    for (const arm of this.arms) {
      arm.visible = false;
      model.add(arm.group);
    }
    this.riseTorso(0);
    this.lowerBodies = { supine: lyingLowerBody('supine'), prone: lyingLowerBody('prone') };
    const scaled = new Group();
    scaled.scale.setScalar(SCAN_METRES_PER_UNIT);
    scaled.add(model);
    for (const lower of Object.values(this.lowerBodies)) {
      lower.position.set(0, 0, -SCAN_SPINE_Z);
      lower.visible = false;
      scaled.add(lower);
    }
    this.trunk.position.set(0, 0, SCAN_SPINE_Z * SCAN_METRES_PER_UNIT);
    this.trunk.add(scaled);
    this.posture.add(this.trunk);
    this.scene.add(this.posture);
    const floor = floorAndMat();
    this.floor = floor.group;
    this.floor.visible = false;
    this.textures.push(...floor.textures);
    this.scene.add(this.floor);
    const wallMap = wallTexture();
    this.textures.push(wallMap);
    this.wallMaterial = new MeshBasicMaterial({ map: wallMap });
    this.wall = new Mesh(new PlaneGeometry(8, 6), this.wallMaterial);
    this.scene.add(this.wall);
    this.setView({ distanceM: 1, heightM: 0, offsetM: 0 }, 'soft-front');
  }

  /**
   * The shirt's trunk: upright a long cylinder down out of the frame; lying, it ends at the hips and
   * its front rises by the breath (the back stays on the floor); face down its front reaches the
   * floor under the face (LYING_BODY.proneFloorZ).
   */
  private shapeTrunk(breathCm: number): void {
    const shirt = this.shirtTrunk;
    if (this.position === 'upright') {
      shirt.scale.set(SHIRT.radiusX, 1, SHIRT.radiusZ);
      shirt.position.set(0, (SHIRT.topY + SHIRT.bottomY) / 2, SHIRT.centreZ);
      return;
    }
    const rise = this.position === 'prone' ? LYING_BODY.proneFloorZ - (SHIRT.centreZ + SHIRT.radiusZ) : breathCm * UNITS_PER_CM;
    shirt.scale.set(SHIRT.radiusX, (SHIRT.topY - LYING_BODY.trunkBottomY) / (SHIRT.topY - SHIRT.bottomY), SHIRT.radiusZ + rise / 2);
    shirt.position.set(0, (SHIRT.topY + LYING_BODY.trunkBottomY) / 2, SHIRT.centreZ + rise / 2);
  }

  /** The upper body turned about the hip axis by riseDeg (0: where it always was). */
  private riseTorso(riseDeg: number): void {
    if (riseDeg === 0) {
      this.model.rotation.set(0, 0, 0);
      this.model.position.set(0, 0, -SCAN_SPINE_Z);
      return;
    }
    // p ↦ Rx·p + (h − Rx·h): a turn about the hip axis h; then the model's own offset.
    const shift = riseAboutHips([0, 0, 0], riseDeg);
    this.model.rotation.set((riseDeg * Math.PI) / 180, 0, 0);
    this.model.position.set(shift[0], shift[1], shift[2] - SCAN_SPINE_Z);
  }

  static async load(canvas: HTMLCanvasElement, width: number, height: number, assets: ScanAssets): Promise<ScanScene> {
    const gltf = await new GLTFLoader().loadAsync(`${assets.baseUrl}${SCAN_FILES.mesh}`);
    let geometry: BufferGeometry | null = null;
    gltf.scene.traverse((object) => {
      if (geometry === null && object instanceof Mesh) geometry = object.geometry as BufferGeometry;
    });
    if (geometry === null) throw new Error(`${SCAN_FILES.mesh}: no mesh`);
    // The scan's UVs follow OpenGL's convention: TextureLoader's default flipY = true maps them right
    // (../shared/assets/head-scan/README.md).
    const loader = new TextureLoader();
    const [colour, specular, normal] = await Promise.all(
      [SCAN_FILES.colour, SCAN_FILES.specular, SCAN_FILES.normal].map((file) => loader.loadAsync(`${assets.baseUrl}${file}`)),
    );
    if (colour === undefined || specular === undefined || normal === undefined) throw new Error('scan textures missing');
    colour.colorSpace = SRGBColorSpace;
    return new ScanScene(canvas, width, height, geometry, { colour, specular, normal });
  }

  /** Camera placement, lighting and the body's position for the frames that follow. */
  setView(camera: ScanCamera, lighting: ScanLighting, position: Position = 'upright'): void {
    this.position = position;
    const lying = isLying(position);
    this.lowerBodies.supine.visible = position === 'supine';
    this.lowerBodies.prone.visible = position === 'prone';
    this.floor.visible = lying;
    if (lying) {
      const R = lyingRotation(position, camera);
      this.posture.quaternion.setFromRotationMatrix(new Matrix4().set(R[0], R[1], R[2], 0, R[3], R[4], R[5], 0, R[6], R[7], R[8], 0, 0, 0, 0, 1));
      this.posture.position.set(...lyingToWorld([0, 0, 0], position, camera));
      this.wall.position.set(0, LYING_WALL.y, LYING_WALL.z);
    } else {
      this.posture.quaternion.identity();
      this.posture.position.set(0, 0, 0);
      this.wall.position.set(0, -0.5, SCAN_SPINE_Z * SCAN_METRES_PER_UNIT - WALL_BEHIND_M);
    }
    this.shapeTrunk(0);
    this.riseTorso(0);
    const pose = isLying(position) ? floorCameraPose(camera, position) : scanCameraPose(camera);
    this.camera.position.set(...pose.position);
    this.camera.rotation.set((pose.pitchDeg * Math.PI) / 180, 0, 0);
    this.camera.updateMatrixWorld();
    for (const light of this.lights) this.scene.remove(light);
    const setup = LIGHTING_SETUPS[lighting];
    this.lights = setup.lights();
    this.scene.add(...this.lights);
    this.wallMaterial.color.copy(setup.wallTint);
  }

  /**
   * Renders the head at `neck` (relative to the trunk, project convention) with the trunk turned by
   * trunkYawDeg; with a `body`, dressed, with arms and the shoulders where it says (null: the bare
   * bust as it always was).
   */
  render(neck: HeadAngles, trunkYawDeg: number, body: BodyMotion | null = null): void {
    const positions = this.geometry.getAttribute('position');
    const normals = this.geometry.getAttribute('normal');
    if (!(positions instanceof BufferAttribute) || !(normals instanceof BufferAttribute)) throw new Error('scan geometry is interleaved');
    const neckMatrix = anglesToMatrix(neck);
    let rest: Float32Array = this.restPositions;
    if (body !== null && (body.elevationCm !== 0 || body.protractionCm !== 0)) {
      moveGirdle(this.restPositions, this.girdleWeights, body, this.girdled);
      rest = this.girdled;
    }
    bendNeck(rest, this.restNormals, this.weights, neckMatrix, SCAN_NECK, positions.array as Float32Array, normals.array as Float32Array);
    this.shirt.setDressed(body !== null);
    if (this.position === 'supine') {
      this.shapeTrunk(body?.breathCm ?? 0);
      this.riseTorso(body?.torsoRiseDeg ?? 0);
    }
    BODY_SIDES.forEach((side, i) => {
      const arm = this.arms[i];
      if (arm === undefined) return;
      arm.visible = body !== null;
      if (body !== null) arm.pose(scanArm(body, side, neckMatrix));
    });
    positions.needsUpdate = true;
    normals.needsUpdate = true;
    this.geometry.computeBoundingSphere();
    this.trunk.rotation.set(0, (trunkYawDeg * Math.PI) / 180, 0);
    this.renderer.render(this.scene, this.camera);
  }
}
