import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FlatBufferReader } from '../../../../scripts/models/flatbuffer-reader.mjs';
import { FACE_LANDMARK_GATHER, FACE_MESH_LANDMARKS } from '../../../../scripts/models/recipes.mjs';
import { loadSources } from '../../../../scripts/models/sources.mjs';
import { buildImageModelMetadata } from '../../../../scripts/models/tflite-metadata.mjs';
import { ModelRewriteError, rewriteModel } from '../../../../scripts/models/tflite-rewrite.mjs';

const NODE_MODULES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../node_modules');
const sourcesPresent = existsSync(path.join(NODE_MODULES, '@mediapipe/pose')) && existsSync(path.join(NODE_MODULES, '@mediapipe/face_mesh'));
if (!sourcesPresent) console.warn('tflite-rewrite tests skipped: @mediapipe/pose or @mediapipe/face_mesh not installed (npm ci)');

// schema.fbs field ids
const MODEL_SUBGRAPHS = 2;
const MODEL_OPERATOR_CODES = 1;
const MODEL_BUFFERS = 4;
const MODEL_METADATA = 6;
const SUBGRAPH_TENSORS = 0;
const SUBGRAPH_INPUTS = 1;
const SUBGRAPH_OUTPUTS = 2;
const SUBGRAPH_OPERATORS = 3;
const OP_RESHAPE = 22;
const OP_GATHER = 36;
/** TFLite declares Buffer.data with force_align: 16. */
const WEIGHT_ALIGNMENT = 16;

const DETECTOR_RANGE = { mean: 127.5, std: 127.5 };

function metadata(range: { mean: number; std: number }, outputs: number): Uint8Array {
  return buildImageModelMetadata({
    name: 'test',
    description: 'test model',
    author: 'test',
    input: { name: 'image', description: 'image', ...range },
    outputs: Array.from({ length: outputs }, (_, i) => ({ name: `out${i}`, description: `output ${i}` })),
  });
}

/** Byte comparison without deep-equality over megabytes. */
function sameBytes(a: Uint8Array | undefined, b: Uint8Array | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));
}

interface TensorInfo {
  readonly name: string | undefined;
  readonly shape: number[];
  readonly buffer: number;
}

function describeModel(bytes: Uint8Array) {
  const r = new FlatBufferReader(bytes);
  const model = r.rootTable();
  const subgraph = r.tables(model, MODEL_SUBGRAPHS)[0]!;
  const tensors: TensorInfo[] = r.tables(subgraph, SUBGRAPH_TENSORS).map((t) => ({ name: r.string(t, 3), shape: r.int32s(t, 0), buffer: r.scalarU32(t, 2) }));
  const buffers = r.tables(model, MODEL_BUFFERS).map((b) => ({ data: r.byteVector(b, 0), start: r.ref(b, 0) + 4 }));
  const codes = r.tables(model, MODEL_OPERATOR_CODES).map((c) => Math.max(r.scalarI8(c, 0), r.scalarI32(c, 3)));
  const operators = r.tables(subgraph, SUBGRAPH_OPERATORS).map((o) => ({ code: codes[r.scalarU32(o, 0)], inputs: r.int32s(o, 1), outputs: r.int32s(o, 2) }));
  const metadataEntries = r.tables(model, MODEL_METADATA).map((m) => ({ name: r.string(m, 0), buffer: r.scalarU32(m, 1) }));
  return {
    identifier: r.fileIdentifier(),
    tensors,
    inputs: r.int32s(subgraph, SUBGRAPH_INPUTS).map((i) => tensors[i]!),
    outputs: r.int32s(subgraph, SUBGRAPH_OUTPUTS).map((i) => tensors[i]!),
    outputIndices: r.int32s(subgraph, SUBGRAPH_OUTPUTS),
    buffers,
    operators,
    metadataEntries,
  };
}

/** Reads input normalisation back from a TFLITE_METADATA buffer (metadata_schema.fbs ids). */
function readNormalization(bytes: Uint8Array) {
  const r = new FlatBufferReader(bytes);
  const root = r.rootTable();
  const input = r.tables(r.tables(root, 3)[0]!, 2)[0]!;
  const content = r.ref(input, 3);
  const unit = r.tables(input, 4)[0]!;
  const options = r.ref(unit, 1);
  return { identifier: r.fileIdentifier(), contentType: r.scalarU8(content, 0), unitType: r.scalarU8(unit, 0), mean: r.float32s(options, 0), std: r.float32s(options, 1) };
}

describe.skipIf(!sourcesPresent)('rewriteModel', () => {
  const sources = sourcesPresent ? loadSources(NODE_MODULES) : undefined;

  it('adds image NormalizationOptions metadata and keeps every weight byte-identical and aligned', () => {
    const source = sources!.poseDetector.bytes;
    const before = describeModel(source);
    const after = describeModel(rewriteModel(source, { metadata: metadata(DETECTOR_RANGE, 2) }));
    expect(after.identifier).toBe('TFL3');
    expect(after.inputs).toEqual(before.inputs);
    expect(after.outputs).toEqual(before.outputs);
    expect(after.operators).toEqual(before.operators);
    expect(after.buffers.length).toBe(before.buffers.length + 1);
    before.buffers.forEach((b, i) => {
      const kept = after.buffers[i]!;
      expect(sameBytes(kept.data, b.data)).toBe(true);
      if (kept.data?.length) expect(kept.start % WEIGHT_ALIGNMENT).toBe(0);
    });
    for (const entry of before.metadataEntries) expect(after.metadataEntries).toContainEqual(entry);
    const entry = after.metadataEntries.find((m) => m.name === 'TFLITE_METADATA');
    expect(entry).toBeDefined();
    const norm = readNormalization(after.buffers[entry!.buffer]!.data!);
    expect(norm).toEqual({ identifier: 'M001', contentType: 2, unitType: 1, mean: [DETECTOR_RANGE.mean], std: [DETECTOR_RANGE.std] });
  });

  it('replaces, not duplicates, TFLITE_METADATA when rewriting twice', () => {
    const once = rewriteModel(sources!.poseDetector.bytes, { metadata: metadata(DETECTOR_RANGE, 2) });
    const twice = describeModel(rewriteModel(once, { metadata: metadata({ mean: 0, std: 255 }, 2) }));
    const entries = twice.metadataEntries.filter((m) => m.name === 'TFLITE_METADATA');
    expect(entries).toHaveLength(1);
    expect(readNormalization(twice.buffers[entries[0]!.buffer]!.data!).std).toEqual([255]);
  });

  it('appends RESHAPE → GATHER → RESHAPE so the face model outputs 478 landmarks', () => {
    const source = sources!.faceLandmark.bytes;
    const before = describeModel(source);
    const after = describeModel(
      rewriteModel(source, {
        metadata: metadata({ mean: 0, std: 255 }, 2),
        landmarkGather: { sourceLandmarks: FACE_MESH_LANDMARKS, indices: FACE_LANDMARK_GATHER, outputName: 'landmarks_478' },
      }),
    );
    const landmarkSlot = before.outputs.findIndex((t) => t.shape.reduce((a, d) => a * d, 1) === FACE_MESH_LANDMARKS * 3);
    expect(landmarkSlot).toBeGreaterThanOrEqual(0);
    expect(after.outputs[landmarkSlot]).toMatchObject({ name: 'landmarks_478', shape: [1, 1, 1, FACE_LANDMARK_GATHER.length * 3], buffer: 0 });
    after.outputs.forEach((t, i) => {
      if (i !== landmarkSlot) expect(t).toEqual(before.outputs[i]);
    });

    const added = after.operators.slice(before.operators.length);
    expect(added.map((o) => o.code)).toEqual([OP_RESHAPE, OP_GATHER, OP_RESHAPE]);
    // Connected: old landmark tensor → reshape → gather → reshape → graph output.
    expect(added[0]!.inputs[0]).toBe(before.outputIndices[landmarkSlot]);
    expect(added[1]!.inputs[0]).toBe(added[0]!.outputs[0]);
    expect(added[2]!.inputs[0]).toBe(added[1]!.outputs[0]);
    expect(added[2]!.outputs[0]).toBe(after.outputIndices[landmarkSlot]);
    // Computed tensors must use the empty buffer 0, else TFLite treats them as constants.
    for (const op of added) expect(after.tensors[op.outputs[0]!]!.buffer).toBe(0);
    const indicesTensor = after.tensors[added[1]!.inputs[1]!]!;
    const data = after.buffers[indicesTensor.buffer]!.data!;
    expect(Array.from(new Int32Array(data.slice().buffer))).toEqual(FACE_LANDMARK_GATHER);
  });

  it('rejects gather indices outside the model\'s landmarks', () => {
    const options = { metadata: metadata({ mean: 0, std: 255 }, 2), landmarkGather: { sourceLandmarks: FACE_MESH_LANDMARKS, indices: [0, FACE_MESH_LANDMARKS], outputName: 'x' } };
    expect(() => rewriteModel(sources!.faceLandmark.bytes, options)).toThrow(ModelRewriteError);
  });

  it('rejects bytes that are not a TFLite model', () => {
    expect(() => rewriteModel(new Uint8Array(64), { metadata: metadata(DETECTOR_RANGE, 2) })).toThrow(/not a TFLite model/);
  });
});
