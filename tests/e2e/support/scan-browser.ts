import { existsSync } from 'node:fs';
import path from 'node:path';
import { test } from '@playwright/test';
import { SHARED_ASSETS } from '../../support/shared-fixtures';
import type { Position } from '../../../tools/clipgen/core/lying-rig';
import type { ScanCamera } from '../../../tools/clipgen/core/scan-rig';
import { ClipBrowser, scanFilePaths } from '../../../tools/clipgen/node/clip-browser';

/** ../shared/assets/head-scan: "Infinite 3D Head Scan by Lee Perry-Smith / Infinite-Realities, CC BY 3.0, via three.js examples". */
export const SCAN_DIR = path.join(SHARED_ASSETS, 'head-scan');

/** Whether the scan and the given model file are on this machine. */
export function scanReady(model: string): boolean {
  return scanFilePaths(SCAN_DIR).every((f) => existsSync(f)) && existsSync(model);
}

/**
 * A clip browser on the scan for the enclosing describe block: started before its tests, seen from
 * `camera` in soft front light (the body upright, or lying as `position` says), closed after them.
 * Call the returned function inside a test.
 */
export function useScanBrowser(camera: ScanCamera, position: Position = 'upright'): () => ClipBrowser {
  let browser: ClipBrowser | undefined;
  test.beforeAll(async () => {
    browser = await ClipBrowser.startScan(SCAN_DIR);
    await browser.setScanView(camera, 'soft-front', position);
  });
  test.afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (browser === undefined) throw new Error('the scan browser is not started (call inside a test)');
    return browser;
  };
}
