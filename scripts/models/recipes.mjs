import { loadSources } from './sources.mjs';
import { buildImageModelMetadata } from './tflite-metadata.mjs';
import { rewriteModel } from './tflite-rewrite.mjs';
import { zipTaskBundle } from './task-bundle.mjs';

/**
 * Image normalisation the legacy graphs applied outside the models (ImageToTensor ranges):
 * detectors take [-1, 1], landmark models [0, 1]. normalized = (pixel - mean) / std.
 */
const SIGNED_UNIT_RANGE = { mean: 127.5, std: 127.5 };
const UNIT_RANGE = { mean: 0, std: 255 };

/** FaceLandmarker reads 478 landmarks (468 mesh + 2×5 iris); face_landmark.tflite has the 468. */
export const FACE_MESH_LANDMARKS = 468;
/**
 * Iris stand-ins, in MediaPipe's iris order (centre, then four contour points), taken from the
 * eyelid vertices around each eye: the real iris points sit inside the eye these outline.
 * Keeping them near the eye keeps the landmarks' bounding box, and with it VIDEO-mode tracking,
 * the same as with real iris points.
 */
export const RIGHT_IRIS_STAND_INS = [159, 33, 159, 133, 145];
export const LEFT_IRIS_STAND_INS = [386, 263, 386, 362, 374];
export const FACE_LANDMARK_GATHER = [
  ...Array.from({ length: FACE_MESH_LANDMARKS }, (_, i) => i),
  ...RIGHT_IRIS_STAND_INS,
  ...LEFT_IRIS_STAND_INS,
];

const AUTHOR = 'MediaPipe (Google), repackaged by Atlas';

/** @param {string} name @param {string} description @param {{ mean: number, std: number }} range @param {readonly string[]} outputs */
function metadata(name, description, range, outputs) {
  return buildImageModelMetadata({
    name,
    description,
    author: AUTHOR,
    input: { name: 'image', description: 'RGB input image', ...range },
    outputs: outputs.map((o) => ({ name: o, description: o.replaceAll('_', ' ') })),
  });
}

const POSE_DETECTOR_OUTPUTS = ['raw_boxes', 'scores'];
const POSE_LANDMARK_OUTPUTS = ['landmarks', 'presence', 'segmentation_mask', 'heat_map', 'world_landmarks'];

/** @param {Uint8Array} detector @param {Uint8Array} landmarks */
function poseBundle(detector, landmarks) {
  return zipTaskBundle([
    ['pose_detector.tflite', rewriteModel(detector, { metadata: metadata('Pose Detection', 'Detects human poses', SIGNED_UNIT_RANGE, POSE_DETECTOR_OUTPUTS) })],
    ['pose_landmarks_detector.tflite', rewriteModel(landmarks, { metadata: metadata('Pose Landmark', 'Detects human pose landmarks', UNIT_RANGE, POSE_LANDMARK_OUTPUTS) })],
  ]);
}

/** Bundle file name → entries it must contain. */
export const BUNDLE_ENTRIES = {
  'pose_landmarker_lite.task': ['pose_detector.tflite', 'pose_landmarks_detector.tflite'],
  'pose_landmarker_full.task': ['pose_detector.tflite', 'pose_landmarks_detector.tflite'],
  'face_landmarker.task': ['face_detector.tflite', 'face_landmarks_detector.tflite', 'geometry_pipeline_metadata_landmarks.binarypb'],
};

/**
 * Builds every bundle in memory from the installed npm packages.
 * @param {string} nodeModules path of node_modules
 */
export function buildBundles(nodeModules) {
  const s = loadSources(nodeModules);
  const faceLandmarks = rewriteModel(s.faceLandmark.bytes, {
    metadata: metadata('Face Landmark', 'Detects 468 face landmarks; 10 iris stand-ins appended', UNIT_RANGE, ['landmarks', 'face_flag']),
    landmarkGather: { sourceLandmarks: FACE_MESH_LANDMARKS, indices: FACE_LANDMARK_GATHER, outputName: 'landmarks_478' },
  });
  const bundles = {
    'pose_landmarker_lite.task': poseBundle(s.poseDetector.bytes, s.poseLandmarkLite.bytes),
    'pose_landmarker_full.task': poseBundle(s.poseDetector.bytes, s.poseLandmarkFull.bytes),
    'face_landmarker.task': zipTaskBundle([
      ['face_detector.tflite', rewriteModel(s.faceDetector.bytes, { metadata: metadata('Face Detection', 'Detects faces (short range)', SIGNED_UNIT_RANGE, ['regressors', 'classificators']) })],
      ['face_landmarks_detector.tflite', faceLandmarks],
      ['geometry_pipeline_metadata_landmarks.binarypb', s.faceGeometry.bytes],
    ]),
  };
  return { bundles, sources: s };
}
