import * as flatbuffers from 'flatbuffers';
import { FlatBufferReader } from './flatbuffer-reader.mjs';
import { METADATA_NAME } from './tflite-metadata.mjs';

/**
 * Rewrites a TFLite model (schema.fbs, identifier "TFL3") without decoding all of it: the source
 * file is embedded unchanged, 16-byte aligned, at the end of a new FlatBuffer, and a new root
 * Model (plus, when needed, a new SubGraph, new vectors, buffers, tensors and operators) is built
 * in front of it. FlatBuffer offsets only point forward, so the new tables can refer to every old
 * vector, table and weight buffer in place; the old root becomes unused bytes.
 */
const MODEL_FILE_IDENTIFIER = 'TFL3';
/** TFLite Buffer.data is declared force_align: 16; keeping the old file 16-aligned keeps every weight aligned. */
const DATA_ALIGNMENT = 16;

const MODEL = { version: 0, operatorCodes: 1, subgraphs: 2, description: 3, buffers: 4, metadataBuffer: 5, metadata: 6, signatureDefs: 7 };
const MODEL_FIELD_COUNT = 8;
const SUBGRAPH = { tensors: 0, inputs: 1, outputs: 2, operators: 3, name: 4, debugMetadataIndex: 5 };
const SUBGRAPH_FIELD_COUNT = 6;
const BUFFER_OFFSET_FIELD = 1;

const TENSOR_FLOAT32 = 0;
const TENSOR_INT32 = 2;
const OP_RESHAPE = 22;
const OP_GATHER = 36;
const OPTIONS_RESHAPE = 17;
const OPTIONS_GATHER = 23;
/** OperatorCode.deprecated_builtin_code is an int8: codes above 127 live only in builtin_code. */
const DEPRECATED_CODE_LIMIT = 127;

export class ModelRewriteError extends Error {
  constructor(message) {
    super(message);
    this.name = 'ModelRewriteError';
  }
}

/** @param {FlatBufferReader} r @param {number} table @param {number} knownFields @param {string} what */
function assertKnownFields(r, table, knownFields, what) {
  for (let id = knownFields; id < r.fieldCount(table); id++) {
    if (r.hasField(table, id)) throw new ModelRewriteError(`${what} has field ${id}, unknown to this rewriter`);
  }
}

/** @param {FlatBufferReader} r @param {number} opcode */
function builtinCode(r, opcode) {
  return Math.max(r.scalarI8(opcode, 0), r.scalarI32(opcode, 3));
}

/** @param {readonly number[]} values */
function int32Bytes(values) {
  const out = new Uint8Array(values.length * 4);
  const view = new DataView(out.buffer);
  values.forEach((v, i) => view.setInt32(i * 4, v, true));
  return out;
}

class ModelWriter {
  /** @param {Uint8Array} source */
  constructor(source) {
    this.b = new flatbuffers.Builder(source.length + 64 * 1024);
    this.b.prep(DATA_ALIGNMENT, source.length);
    // createByteVector writes the bytes then a 4-byte length in front: the bytes start 4 after it.
    this.sourceStart = this.b.createByteVector(source) - 4;
  }

  /** Builder offset of an object found at `pos` in the embedded source. */
  old(pos) {
    return this.sourceStart - pos;
  }

  /** @param {readonly number[]} offsets */
  offsets(offsets) {
    this.b.startVector(4, offsets.length, 4);
    for (let i = offsets.length - 1; i >= 0; i--) this.b.addOffset(offsets[i]);
    return this.b.endVector();
  }

  /** @param {readonly number[]} values */
  int32s(values) {
    this.b.startVector(4, values.length, 4);
    for (let i = values.length - 1; i >= 0; i--) this.b.addInt32(values[i]);
    return this.b.endVector();
  }

  /** A Buffer table holding `bytes`, aligned like TFLite's converter aligns weights. */
  buffer(bytes) {
    this.b.startVector(1, bytes.length, DATA_ALIGNMENT);
    for (let i = bytes.length - 1; i >= 0; i--) this.b.addInt8(bytes[i]);
    const data = this.b.endVector();
    this.b.startObject(1);
    this.b.addFieldOffset(0, data, 0);
    return this.b.endObject();
  }

  /** @param {{ shape: readonly number[], type: number, buffer: number, name: string }} t */
  tensor(t) {
    const shape = this.int32s(t.shape);
    const name = this.b.createString(t.name);
    this.b.startObject(4);
    this.b.addFieldOffset(0, shape, 0);
    this.b.addFieldInt8(1, t.type, TENSOR_FLOAT32);
    this.b.addFieldInt32(2, t.buffer, 0);
    this.b.addFieldOffset(3, name, 0);
    return this.b.endObject();
  }

  /** @param {number} code */
  operatorCode(code) {
    this.b.startObject(4);
    this.b.addFieldInt8(0, Math.min(code, DEPRECATED_CODE_LIMIT), 0);
    this.b.addFieldInt32(2, 1, 1);
    this.b.addFieldInt32(3, code, 0);
    return this.b.endObject();
  }

  /** @param {{ opcodeIndex: number, inputs: readonly number[], outputs: readonly number[], optionsType: number, options: number }} op */
  operator(op) {
    const inputs = this.int32s(op.inputs);
    const outputs = this.int32s(op.outputs);
    this.b.startObject(5);
    this.b.addFieldInt32(0, op.opcodeIndex, 0);
    this.b.addFieldOffset(1, inputs, 0);
    this.b.addFieldOffset(2, outputs, 0);
    this.b.addFieldInt8(3, op.optionsType, 0);
    this.b.addFieldOffset(4, op.options, 0);
    return this.b.endObject();
  }

  /** @param {readonly number[]} newShape */
  reshapeOptions(newShape) {
    const shape = this.int32s(newShape);
    this.b.startObject(1);
    this.b.addFieldOffset(0, shape, 0);
    return this.b.endObject();
  }

  gatherOptions(axis) {
    this.b.startObject(2);
    this.b.addFieldInt32(0, axis, 0);
    return this.b.endObject();
  }

  metadataEntry(name, bufferIndex) {
    const nameOffset = this.b.createString(name);
    this.b.startObject(2);
    this.b.addFieldOffset(0, nameOffset, 0);
    this.b.addFieldInt32(1, bufferIndex, 0);
    return this.b.endObject();
  }
}

/**
 * Appends RESHAPE [n,3] → GATHER(indices) → RESHAPE [1,1,1,3·indices] after the output that holds
 * n·3 floats, and makes the last tensor that graph output instead (same position).
 * @returns {{ subgraph: number, operatorCodes: number, extraBuffers: Uint8Array[] }}
 */
function appendLandmarkGather(r, w, model, gather, firstNewBuffer) {
  const subgraphs = r.tables(model, MODEL.subgraphs);
  if (subgraphs.length !== 1) throw new ModelRewriteError(`expected 1 subgraph, found ${subgraphs.length}`);
  const sg = /** @type {number} */ (subgraphs[0]);
  assertKnownFields(r, sg, SUBGRAPH_FIELD_COUNT, 'SubGraph');
  const tensors = r.tables(sg, SUBGRAPH.tensors);
  const outputs = r.int32s(sg, SUBGRAPH.outputs);
  const floatsIn = gather.sourceLandmarks * 3;
  const outputSlot = outputs.findIndex((t) => {
    const shape = r.int32s(/** @type {number} */ (tensors[t]), 0);
    return shape.reduce((a, d) => a * d, 1) === floatsIn;
  });
  if (outputSlot < 0) throw new ModelRewriteError(`no graph output holds ${gather.sourceLandmarks}×3 floats`);
  const sourceTensor = /** @type {number} */ (outputs[outputSlot]);
  for (const index of gather.indices) {
    if (!Number.isInteger(index) || index < 0 || index >= gather.sourceLandmarks) {
      throw new ModelRewriteError(`gather index ${index} is outside 0..${gather.sourceLandmarks - 1}`);
    }
  }
  const floatsOut = gather.indices.length * 3;

  const opcodes = r.tables(model, MODEL.operatorCodes);
  const opcodeOffsets = opcodes.map((p) => w.old(p));
  const opcodeIndex = (code) => {
    const existing = opcodes.findIndex((p) => builtinCode(r, p) === code);
    if (existing >= 0) return existing;
    opcodeOffsets.push(w.operatorCode(code));
    return opcodeOffsets.length - 1;
  };
  const reshapeCode = opcodeIndex(OP_RESHAPE);
  const gatherCode = opcodeIndex(OP_GATHER);

  const extraBuffers = [
    int32Bytes([gather.sourceLandmarks, 3]),
    int32Bytes(gather.indices),
    int32Bytes([1, 1, 1, floatsOut]),
  ];
  const base = tensors.length;
  // Tensors computed at run time use buffer 0, the empty sentinel (a buffer of their own would make them constants).
  const newTensors = [
    { shape: [2], type: TENSOR_INT32, buffer: firstNewBuffer, name: 'atlas/landmarks_shape' },
    { shape: [gather.sourceLandmarks, 3], type: TENSOR_FLOAT32, buffer: 0, name: 'atlas/landmarks_xyz' },
    { shape: [gather.indices.length], type: TENSOR_INT32, buffer: firstNewBuffer + 1, name: 'atlas/gather_indices' },
    { shape: [gather.indices.length, 3], type: TENSOR_FLOAT32, buffer: 0, name: 'atlas/gathered_xyz' },
    { shape: [4], type: TENSOR_INT32, buffer: firstNewBuffer + 2, name: 'atlas/output_shape' },
    { shape: [1, 1, 1, floatsOut], type: TENSOR_FLOAT32, buffer: 0, name: gather.outputName },
  ].map((t) => w.tensor(t));
  const [shapeIn, xyz, indices, gathered, shapeOut, output] = newTensors.map((_, i) => base + i);

  const newOperators = [
    w.operator({ opcodeIndex: reshapeCode, inputs: [sourceTensor, shapeIn], outputs: [xyz], optionsType: OPTIONS_RESHAPE, options: w.reshapeOptions([gather.sourceLandmarks, 3]) }),
    w.operator({ opcodeIndex: gatherCode, inputs: [xyz, indices], outputs: [gathered], optionsType: OPTIONS_GATHER, options: w.gatherOptions(0) }),
    w.operator({ opcodeIndex: reshapeCode, inputs: [gathered, shapeOut], outputs: [output], optionsType: OPTIONS_RESHAPE, options: w.reshapeOptions([1, 1, 1, floatsOut]) }),
  ];

  const newOutputs = outputs.slice();
  newOutputs[outputSlot] = /** @type {number} */ (output);
  const tensorVector = w.offsets([...tensors.map((p) => w.old(p)), ...newTensors]);
  const operatorVector = w.offsets([...r.tables(sg, SUBGRAPH.operators).map((p) => w.old(p)), ...newOperators]);
  const outputVector = w.int32s(newOutputs);
  const b = w.b;
  b.startObject(SUBGRAPH_FIELD_COUNT);
  b.addFieldOffset(SUBGRAPH.tensors, tensorVector, 0);
  b.addFieldOffset(SUBGRAPH.inputs, w.old(r.ref(sg, SUBGRAPH.inputs)), 0);
  b.addFieldOffset(SUBGRAPH.outputs, outputVector, 0);
  b.addFieldOffset(SUBGRAPH.operators, operatorVector, 0);
  if (r.hasField(sg, SUBGRAPH.name)) b.addFieldOffset(SUBGRAPH.name, w.old(r.ref(sg, SUBGRAPH.name)), 0);
  if (r.hasField(sg, SUBGRAPH.debugMetadataIndex)) b.addFieldInt32(SUBGRAPH.debugMetadataIndex, r.scalarI32(sg, SUBGRAPH.debugMetadataIndex), -1);
  const subgraph = w.offsets([b.endObject()]);
  return { subgraph, operatorCodes: w.offsets(opcodeOffsets), extraBuffers };
}

/**
 * @param {Uint8Array} source a .tflite file
 * @param {import('./tflite-rewrite.d.mts').RewriteOptions} options
 * @returns {Uint8Array} the rewritten .tflite file
 */
export function rewriteModel(source, options) {
  const r = new FlatBufferReader(source);
  if (source.length < 8 || r.fileIdentifier() !== MODEL_FILE_IDENTIFIER) {
    throw new ModelRewriteError(`not a TFLite model (file identifier is not "${MODEL_FILE_IDENTIFIER}")`);
  }
  const model = r.rootTable();
  assertKnownFields(r, model, MODEL_FIELD_COUNT, 'Model');
  const buffers = r.tables(model, MODEL.buffers);
  if (buffers.some((p) => r.hasField(p, BUFFER_OFFSET_FIELD))) {
    throw new ModelRewriteError('model stores weights outside the FlatBuffer (Buffer.offset), unsupported');
  }
  if (buffers.length === 0 || r.byteVector(/** @type {number} */ (buffers[0]), 0)?.length) {
    throw new ModelRewriteError('buffer 0 is not the empty sentinel buffer');
  }

  const w = new ModelWriter(source);
  const b = w.b;
  const gatherPart = options.landmarkGather
    ? appendLandmarkGather(r, w, model, options.landmarkGather, buffers.length)
    : undefined;
  const extraBuffers = [...(gatherPart?.extraBuffers ?? []), options.metadata];
  const metadataBufferIndex = buffers.length + extraBuffers.length - 1;
  const bufferVector = w.offsets([...buffers.map((p) => w.old(p)), ...extraBuffers.map((bytes) => w.buffer(bytes))]);
  const keptMetadata = r.tables(model, MODEL.metadata).filter((p) => r.string(p, 0) !== METADATA_NAME);
  const metadataVector = w.offsets([...keptMetadata.map((p) => w.old(p)), w.metadataEntry(METADATA_NAME, metadataBufferIndex)]);

  b.startObject(MODEL_FIELD_COUNT);
  b.addFieldInt32(MODEL.version, r.scalarU32(model, MODEL.version), 0);
  const oldRef = (id) => {
    if (r.hasField(model, id)) b.addFieldOffset(id, w.old(r.ref(model, id)), 0);
  };
  if (gatherPart) {
    b.addFieldOffset(MODEL.operatorCodes, gatherPart.operatorCodes, 0);
    b.addFieldOffset(MODEL.subgraphs, gatherPart.subgraph, 0);
  } else {
    oldRef(MODEL.operatorCodes);
    oldRef(MODEL.subgraphs);
  }
  oldRef(MODEL.description);
  b.addFieldOffset(MODEL.buffers, bufferVector, 0);
  oldRef(MODEL.metadataBuffer);
  b.addFieldOffset(MODEL.metadata, metadataVector, 0);
  oldRef(MODEL.signatureDefs);
  b.finish(b.endObject(), MODEL_FILE_IDENTIFIER);
  return b.asUint8Array().slice();
}
