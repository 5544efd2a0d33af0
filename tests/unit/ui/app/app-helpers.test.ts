import { describe, expect, it } from 'vitest';
import { getExercise } from '../../../../src/core/protocol/protocol';
import type { RomSeries } from '../../../../src/core/session';
import { routeFromHash } from '../../../../src/ui/app/app-routes';
import { cameraProblem } from '../../../../src/ui/live/camera-problem';
import { historyByExercise } from '../../../../src/ui/app/history-screen';

describe('routeFromHash', () => {
  it('reads the screen from the hash and falls back to the start', () => {
    expect(routeFromHash('#/history')).toBe('history');
    expect(routeFromHash('#camera')).toBe('camera');
    expect(routeFromHash('')).toBe('start');
    expect(routeFromHash('#/nowhere')).toBe('start');
  });
});

describe('cameraProblem', () => {
  it('maps each camera error to its own help', () => {
    expect(cameraProblem({ code: 'camera-denied', message: '' })).toBe('denied');
    expect(cameraProblem({ code: 'camera-not-found', message: '' })).toBe('notFound');
    expect(cameraProblem({ code: 'camera-in-use', message: '' })).toBe('inUse');
    expect(cameraProblem({ code: 'camera-ended', message: '' })).toBe('ended');
    expect(cameraProblem({ code: 'camera-unsupported', message: '' })).toBe('insecure');
    expect(cameraProblem({ code: 'inference', message: 'x' })).toBe('unknown');
  });
});


describe('historyByExercise', () => {
  const change = { baseline: null, latest: null, deltaDeg: null, pooledSdDeg: null, thresholdDeg: null, verdict: 'insufficient-data' as const };
  const series = (exerciseId: string, side: RomSeries['side']): RomSeries => ({ exerciseId, side, days: [], change });

  it('groups head-angle series per exercise and leaves out body-signal exercises', () => {
    const grouped = historyByExercise([series('head-turns', 'left'), series('head-turns', 'right'), series('no-shakes', 'none'), series('shoulder-shrug-hold', 'up')]);
    expect([...grouped.keys()].sort()).toEqual(['head-turns', 'no-shakes']);
    expect(grouped.get('head-turns')?.map((item) => item.side)).toEqual(['left', 'right']);
  });
});
