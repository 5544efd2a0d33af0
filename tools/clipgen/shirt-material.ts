import type { Color, MeshPhongMaterial } from 'three';

/**
 * Paints the bust's shirt over its skin texture: a per-vertex `shirt` weight (core/scan-shirt.ts)
 * mixes the diffuse colour toward the shirt's and takes the skin's specular sheen away, scaled by a
 * `dressed` uniform (0 leaves the bare scan exactly as it was).
 */
export function dressable(material: MeshPhongMaterial, shirt: Color): { setDressed(on: boolean): void } {
  const dressed = { value: 0 };
  material.onBeforeCompile = (shader) => {
    shader.uniforms['dressed'] = dressed;
    shader.uniforms['shirtColour'] = { value: shirt };
    shader.vertexShader = shader.vertexShader
      .replace('#include <common>', '#include <common>\nattribute float shirt;\nvarying float vShirt;')
      .replace('#include <begin_vertex>', '#include <begin_vertex>\nvShirt = shirt;');
    shader.fragmentShader = shader.fragmentShader
      .replace('#include <common>', '#include <common>\nuniform float dressed;\nuniform vec3 shirtColour;\nvarying float vShirt;')
      .replace('#include <map_fragment>', '#include <map_fragment>\ndiffuseColor.rgb = mix(diffuseColor.rgb, shirtColour, vShirt * dressed);')
      .replace('#include <specularmap_fragment>', '#include <specularmap_fragment>\nspecularStrength *= 1.0 - 0.9 * vShirt * dressed;');
  };
  return {
    setDressed(on: boolean): void {
      dressed.value = on ? 1 : 0;
    },
  };
}
