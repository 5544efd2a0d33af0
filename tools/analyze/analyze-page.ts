import { ANALYZER_GLOBAL, POSE_MODEL_PARAM, type AtlasAnalyzer } from './analyzer-protocol';
import { AnalyzerSession } from './analyzer-session';
import { createDetectorFactory } from './observation-detector';

declare global {
  interface Window {
    [ANALYZER_GLOBAL]?: AtlasAnalyzer;
  }
}

const poseModel = new URLSearchParams(window.location.search).get(POSE_MODEL_PARAM) === 'lite' ? 'lite' : 'full';
window[ANALYZER_GLOBAL] = new AnalyzerSession(createDetectorFactory('/wasm/', poseModel));
