import { AmbientLight, Color, DirectionalLight, HemisphereLight, type Light } from 'three';
import type { ScanLighting } from './core/trajectory';

/**
 * The scan's lighting setups (world metres, the face toward +z, the camera in front). Light
 * directions are from the light toward the origin. Each also tints the wall behind (unlit).
 */
export interface LightingSetup {
  readonly lights: () => Light[];
  /** Multiplies the wall's colour (the wall is unlit: a plain gradient). */
  readonly wallTint: Color;
}

function directional(colour: number, intensity: number, x: number, y: number, z: number): DirectionalLight {
  const light = new DirectionalLight(colour, intensity);
  light.position.set(x, y, z);
  return light;
}

export const LIGHTING_SETUPS: Readonly<Record<ScanLighting, LightingSetup>> = {
  /** Soft frontal: sky/ground fill and a broad key just above the camera. */
  'soft-front': {
    lights: () => [new HemisphereLight(0xffffff, 0x806a5a, 1.6), directional(0xffffff, 1.6, 0.2, 0.6, 1.5)],
    wallTint: new Color(1, 1, 1),
  },
  /** A window on the subject's right (image left): strong side key, weak fill. */
  'side-key': {
    lights: () => [new AmbientLight(0xffffff, 0.35), directional(0xfff4e8, 3.2, -1.5, 0.4, 0.4), directional(0xdde8ff, 0.4, 1, 0.2, 1)],
    wallTint: new Color(0.85, 0.85, 0.88),
  },
  /** A dim warm room: one lamp above and to the left of the camera, low warm ambient. */
  'dim-warm': {
    lights: () => [new AmbientLight(0xffd8a8, 0.35), directional(0xffb468, 1.3, 0.8, 1.0, 1.2)],
    wallTint: new Color(0.5, 0.4, 0.3),
  },
};
