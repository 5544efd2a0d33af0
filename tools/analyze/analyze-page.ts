import { ANALYZER_GLOBAL, BACKEND_PARAM, POSE_MODEL_PARAM, type AtlasAnalyzer } from './analyzer-protocol';
import { AnalyzerSession } from './analyzer-session';
import { mediapipeMaker, tfjsMaker } from './landmarker-backends';
import { createDetectorFactory } from './observation-detector';

declare global {
  interface Window {
    [ANALYZER_GLOBAL]?: AtlasAnalyzer;
  }
}

const params = new URLSearchParams(window.location.search);
const poseModel = params.get(POSE_MODEL_PARAM) === 'lite' ? 'lite' : 'full';
const maker = params.get(BACKEND_PARAM) === 'tfjs' ? tfjsMaker() : mediapipeMaker('/wasm/', poseModel);
window[ANALYZER_GLOBAL] = new AnalyzerSession(maker.then(createDetectorFactory));
