import { ANALYZER_GLOBAL, type AtlasAnalyzer } from './analyzer-protocol';
import { AnalyzerSession } from './analyzer-session';
import { createDetectorFactory } from './observation-detector';

declare global {
  interface Window {
    [ANALYZER_GLOBAL]?: AtlasAnalyzer;
  }
}

window[ANALYZER_GLOBAL] = new AnalyzerSession(createDetectorFactory());
