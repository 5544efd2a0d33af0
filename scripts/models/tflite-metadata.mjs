import * as flatbuffers from 'flatbuffers';

/**
 * Writer for the parts of TFLite's ModelMetadata (metadata_schema.fbs, file identifier "M001")
 * that MediaPipe Tasks reads for an image model: the input's ImageProperties (RGB) and its
 * NormalizationOptions (mean/std), plus named FeatureProperties outputs.
 */
export const METADATA_FILE_IDENTIFIER = 'M001';
export const METADATA_NAME = 'TFLITE_METADATA';
/** The oldest metadata parser version that understands every field written here. */
const MIN_PARSER_VERSION = '1.0.0';

const CONTENT_FEATURE_PROPERTIES = 1;
const CONTENT_IMAGE_PROPERTIES = 2;
const COLOR_SPACE_RGB = 1;
const PROCESS_UNIT_NORMALIZATION = 1;

/**
 * @param {flatbuffers.Builder} b
 * @param {readonly number[]} values
 */
function floatVector(b, values) {
  b.startVector(4, values.length, 4);
  for (let i = values.length - 1; i >= 0; i--) b.addFloat32(values[i]);
  return b.endVector();
}

/** @param {flatbuffers.Builder} b @param {readonly number[]} offsets */
function offsetVector(b, offsets) {
  b.startVector(4, offsets.length, 4);
  for (let i = offsets.length - 1; i >= 0; i--) b.addOffset(offsets[i]);
  return b.endVector();
}

/**
 * A table of offset fields, written in the order given.
 * @param {flatbuffers.Builder} b @param {number} slots @param {readonly [number, number][]} fields [field index, offset]
 */
function offsetTable(b, slots, fields) {
  b.startObject(slots);
  for (const [field, offset] of fields) b.addFieldOffset(field, offset, 0);
  return b.endObject();
}

/**
 * A table holding a union (Content, ProcessUnit): its type tag in field 0, its value in field 1.
 * @param {flatbuffers.Builder} b @param {number} slots @param {number} type @param {number} value
 */
function unionTable(b, slots, type, value) {
  b.startObject(slots);
  b.addFieldInt8(0, type, 0);
  b.addFieldOffset(1, value, 0);
  return b.endObject();
}

/** @param {flatbuffers.Builder} b @param {number} max @param {number} min */
function stats(b, max, min) {
  const maxVec = floatVector(b, [max]);
  const minVec = floatVector(b, [min]);
  return offsetTable(b, 2, [[0, maxVec], [1, minVec]]);
}

/** @param {flatbuffers.Builder} b @param {{ name: string, description: string, mean: number, std: number }} input */
function imageInput(b, input) {
  const name = b.createString(input.name);
  const description = b.createString(input.description);
  b.startObject(2);
  b.addFieldInt8(0, COLOR_SPACE_RGB, 0);
  const imageProperties = b.endObject();
  const content = unionTable(b, 3, CONTENT_IMAGE_PROPERTIES, imageProperties);
  const mean = floatVector(b, [input.mean]);
  const std = floatVector(b, [input.std]);
  const normalization = offsetTable(b, 2, [[0, mean], [1, std]]);
  const processUnits = offsetVector(b, [unionTable(b, 2, PROCESS_UNIT_NORMALIZATION, normalization)]);
  const range = stats(b, (255 - input.mean) / input.std, (0 - input.mean) / input.std);
  return offsetTable(b, 6, [[0, name], [1, description], [3, content], [4, processUnits], [5, range]]);
}

/** @param {flatbuffers.Builder} b @param {{ name: string, description: string }} output */
function featureOutput(b, output) {
  const name = b.createString(output.name);
  const description = b.createString(output.description);
  const content = unionTable(b, 3, CONTENT_FEATURE_PROPERTIES, offsetTable(b, 0, []));
  return offsetTable(b, 6, [[0, name], [1, description], [3, content]]);
}

/**
 * @param {import('./tflite-metadata.d.mts').ImageModelMetadata} spec
 * @returns {Uint8Array} a finished ModelMetadata flatbuffer
 */
export function buildImageModelMetadata(spec) {
  const b = new flatbuffers.Builder(1024);
  const inputs = offsetVector(b, [imageInput(b, spec.input)]);
  const outputs = offsetVector(b, spec.outputs.map((output) => featureOutput(b, output)));
  const subgraphs = offsetVector(b, [offsetTable(b, 4, [[2, inputs], [3, outputs]])]);
  const name = b.createString(spec.name);
  const description = b.createString(spec.description);
  const version = b.createString('1');
  const author = b.createString(spec.author);
  const license = b.createString('Apache-2.0');
  const minParserVersion = b.createString(MIN_PARSER_VERSION);
  const metadata = offsetTable(b, 8, [[0, name], [1, description], [2, version], [3, subgraphs], [4, author], [5, license], [7, minParserVersion]]);
  b.finish(metadata, METADATA_FILE_IDENTIFIER);
  return b.asUint8Array().slice();
}
