/** An edge of MediaPipe's face-mesh tesselation (FaceLandmarker.FACE_LANDMARKS_TESSELATION). */
export interface MeshConnection {
  readonly start: number;
  readonly end: number;
}

/**
 * Triangles of the face mesh. tasks-vision lists the tesselation as the edges of each triangle in
 * turn ((a,b), (b,c), (c,a)), 852 triangles for 2556 edges; this checks that layout rather than
 * trusting it, and throws if a triple does not close.
 */
export function trianglesFromTesselation(connections: readonly MeshConnection[]): Uint16Array {
  if (connections.length % 3 !== 0) throw new Error(`tesselation has ${connections.length} edges, not a multiple of 3`);
  const out = new Uint16Array(connections.length);
  for (let i = 0; i < connections.length; i += 3) {
    const ab = connections[i], bc = connections[i + 1], ca = connections[i + 2];
    if (ab === undefined || bc === undefined || ca === undefined || ab.end !== bc.start || bc.end !== ca.start || ca.end !== ab.start) {
      throw new Error(`tesselation edges ${i}..${i + 2} do not form a triangle`);
    }
    out[i] = ab.start;
    out[i + 1] = bc.start;
    out[i + 2] = ca.start;
  }
  return out;
}

/**
 * Closed loops of boundary edges (edges used by one triangle only), each as vertex indices in
 * order. The face mesh has four: the face's outline, two eye openings and the mouth opening.
 */
export function boundaryLoops(triangles: Uint16Array): number[][] {
  const count = new Map<string, number>();
  const key = (a: number, b: number): string => (a < b ? `${a},${b}` : `${b},${a}`);
  const edges: [number, number][] = [];
  for (let i = 0; i + 2 < triangles.length; i += 3) {
    const t = [triangles[i] ?? 0, triangles[i + 1] ?? 0, triangles[i + 2] ?? 0] as const;
    for (const [a, b] of [[t[0], t[1]], [t[1], t[2]], [t[2], t[0]]] as const) {
      count.set(key(a, b), (count.get(key(a, b)) ?? 0) + 1);
      edges.push([a, b]);
    }
  }
  const next = new Map<number, number[]>();
  for (const [a, b] of edges) {
    if (count.get(key(a, b)) !== 1) continue;
    next.set(a, [...(next.get(a) ?? []), b]);
    next.set(b, [...(next.get(b) ?? []), a]);
  }
  const loops: number[][] = [];
  const seen = new Set<number>();
  for (const start of next.keys()) {
    if (seen.has(start)) continue;
    const loop = [start];
    seen.add(start);
    let previous = -1;
    let current = start;
    for (;;) {
      const candidates: number[] = next.get(current) ?? [];
      const step = candidates.find((v) => v !== previous && !seen.has(v));
      if (step === undefined) break;
      loop.push(step);
      seen.add(step);
      previous = current;
      current = step;
    }
    loops.push(loop);
  }
  return loops;
}

/**
 * Triangles that close every boundary loop but the longest (the face's outline): a fan around a new
 * vertex per loop, numbered from `firstNewVertex` on. Returns the triangles and each new vertex's loop.
 */
export function holeFans(triangles: Uint16Array, firstNewVertex: number): { triangles: number[]; centres: number[][] } {
  const loops = boundaryLoops(triangles).sort((a, b) => b.length - a.length).slice(1);
  const out: number[] = [];
  loops.forEach((loop, i) => {
    const centre = firstNewVertex + i;
    loop.forEach((v, j) => out.push(centre, v, loop[(j + 1) % loop.length] ?? v));
  });
  return { triangles: out, centres: loops };
}
