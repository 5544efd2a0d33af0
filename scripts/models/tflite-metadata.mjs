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

/** @param {flatbuffers.Builder} b @param {number} max @param {number} min */
function stats(b, max, min) {
  const maxVec = floatVector(b, [max]);
  const minVec = floatVector(b, [min]);
  b.startObject(2);
  b.addFieldOffset(0, maxVec, 0);
  b.addFieldOffset(1, minVec, 0);
  return b.endObject();
}

/** @param {flatbuffers.Builder} b @param {{ name: string, description: string, mean: number, std: number }} input */
function imageInput(b, input) {
  const name = b.createString(input.name);
  const description = b.createString(input.description);
  b.startObject(2);
  b.addFieldInt8(0, COLOR_SPACE_RGB, 0);
  const imageProperties = b.endObject();
  b.startObject(3);
  b.addFieldInt8(0, CONTENT_IMAGE_PROPERTIES, 0);
  b.addFieldOffset(1, imageProperties, 0);
  const content = b.endObject();
  const mean = floatVector(b, [input.mean]);
  const std = floatVector(b, [input.std]);
  b.startObject(2);
  b.addFieldOffset(0, mean, 0);
  b.addFieldOffset(1, std, 0);
  const normalization = b.endObject();
  b.startObject(2);
  b.addFieldInt8(0, PROCESS_UNIT_NORMALIZATION, 0);
  b.addFieldOffset(1, normalization, 0);
  const processUnits = offsetVector(b, [b.endObject()]);
  const range = stats(b, (255 - input.mean) / input.std, (0 - input.mean) / input.std);
  b.startObject(6);
  b.addFieldOffset(0, name, 0);
  b.addFieldOffset(1, description, 0);
  b.addFieldOffset(3, content, 0);
  b.addFieldOffset(4, processUnits, 0);
  b.addFieldOffset(5, range, 0);
  return b.endObject();
}

/** @param {flatbuffers.Builder} b @param {{ name: string, description: string }} output */
function featureOutput(b, output) {
  const name = b.createString(output.name);
  const description = b.createString(output.description);
  b.startObject(0);
  const featureProperties = b.endObject();
  b.startObject(3);
  b.addFieldInt8(0, CONTENT_FEATURE_PROPERTIES, 0);
  b.addFieldOffset(1, featureProperties, 0);
  const content = b.endObject();
  b.startObject(6);
  b.addFieldOffset(0, name, 0);
  b.addFieldOffset(1, description, 0);
  b.addFieldOffset(3, content, 0);
  return b.endObject();
}

/**
 * @param {import('./tflite-metadata.d.mts').ImageModelMetadata} spec
 * @returns {Uint8Array} a finished ModelMetadata flatbuffer
 */
export function buildImageModelMetadata(spec) {
  const b = new flatbuffers.Builder(1024);
  const inputs = offsetVector(b, [imageInput(b, spec.input)]);
  const outputs = offsetVector(b, spec.outputs.map((output) => featureOutput(b, output)));
  b.startObject(4);
  b.addFieldOffset(2, inputs, 0);
  b.addFieldOffset(3, outputs, 0);
  const subgraphs = offsetVector(b, [b.endObject()]);
  const name = b.createString(spec.name);
  const description = b.createString(spec.description);
  const version = b.createString('1');
  const author = b.createString(spec.author);
  const license = b.createString('Apache-2.0');
  const minParserVersion = b.createString(MIN_PARSER_VERSION);
  b.startObject(8);
  b.addFieldOffset(0, name, 0);
  b.addFieldOffset(1, description, 0);
  b.addFieldOffset(2, version, 0);
  b.addFieldOffset(3, subgraphs, 0);
  b.addFieldOffset(4, author, 0);
  b.addFieldOffset(5, license, 0);
  b.addFieldOffset(7, minParserVersion, 0);
  b.finish(b.endObject(), METADATA_FILE_IDENTIFIER);
  return b.asUint8Array().slice();
}
