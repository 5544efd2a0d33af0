import { smoothstep } from './neck-bend';

/**
 * Where the dressed scan wears its shirt (the scan itself is a bare bust): below a crew neckline,
 * y < −2.3 + 0.15·x² in model units (the collar 11 cm below the chin in front, rising over the
 * neck's sides to the shoulders' top), with a soft edge of ±0.12 units.
 */
export const NECKLINE = { frontY: -2.3, rise: 0.15, edge: 0.12 } as const;

/** 1 on the shirt, 0 on the skin. */
export function shirtWeight(x: number, y: number): number {
  const line = NECKLINE.frontY + NECKLINE.rise * x * x;
  return 1 - smoothstep(line - NECKLINE.edge, line + NECKLINE.edge, y);
}
