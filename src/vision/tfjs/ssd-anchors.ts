/** A detector anchor's centre, normalised to the detector's square input (0..1). */
export interface Anchor {
  readonly x: number;
  readonly y: number;
}

/**
 * MediaPipe's SSD anchors with fixed size and aspect ratio 1 (SsdAnchorsCalculator): two anchors
 * per cell and per layer, consecutive layers of the same stride merged into one grid.
 */
export function ssdAnchors(inputSize: number, strides: readonly number[]): Anchor[] {
  const anchors: Anchor[] = [];
  let layer = 0;
  while (layer < strides.length) {
    const stride = strides[layer] as number;
    let perCell = 0;
    while (layer < strides.length && strides[layer] === stride) {
      perCell += 2;
      layer += 1;
    }
    const cells = Math.ceil(inputSize / stride);
    for (let row = 0; row < cells; row++) {
      for (let col = 0; col < cells; col++) {
        for (let k = 0; k < perCell; k++) anchors.push({ x: (col + 0.5) / cells, y: (row + 0.5) / cells });
      }
    }
  }
  return anchors;
}
