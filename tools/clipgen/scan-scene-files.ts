/**
 * Files of the scanned head (../shared/assets/head-scan: "Infinite 3D Head Scan by Lee Perry-Smith /
 * Infinite-Realities, CC BY 3.0, via three.js examples"), served by the page's origin under one URL.
 */
export const SCAN_FILES = {
  mesh: 'LeePerrySmith.glb',
  colour: 'Map-COL.jpg',
  specular: 'Map-SPEC.jpg',
  normal: 'Infinite-Level_02_Tangent_SmoothUV.jpg',
} as const;
