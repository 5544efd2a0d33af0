// @vitest-environment happy-dom
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SessionTimersController } from '../../src/ui/app/session-timers-controller';

class FakeHost implements ReactiveControllerHost {
  readonly controllers: ReactiveController[] = [];
  addController(controller: ReactiveController): void {
    this.controllers.push(controller);
  }
  removeController(): void {}
  requestUpdate(): void {}
  readonly updateComplete = Promise.resolve(true);
  connect(): void {
    for (const controller of this.controllers) controller.hostConnected?.();
  }
  disconnect(): void {
    for (const controller of this.controllers) controller.hostDisconnected?.();
  }
}

describe('SessionTimersController', () => {
  afterEach(() => vi.useRealTimers());

  it('ticks, checks the light and follows the tab only while its host is connected', () => {
    vi.useFakeTimers();
    const calls = { ticks: 0, light: 0, hidden: [] as boolean[] };
    const host = new FakeHost();
    new SessionTimersController(host, {
      onTick: () => (calls.ticks += 1),
      onLightCheck: () => (calls.light += 1),
      onVisibility: (hidden) => calls.hidden.push(hidden),
    }, { tickMs: 250, lightCheckMs: 1000 });
    vi.advanceTimersByTime(2000);
    document.dispatchEvent(new Event('visibilitychange'));
    expect(calls).toEqual({ ticks: 0, light: 0, hidden: [] });

    host.connect();
    vi.advanceTimersByTime(2000);
    document.dispatchEvent(new Event('visibilitychange'));
    expect(calls.ticks).toBe(8);
    expect(calls.light).toBe(2);
    expect(calls.hidden).toEqual([document.visibilityState === 'hidden']);

    host.disconnect();
    vi.advanceTimersByTime(2000);
    document.dispatchEvent(new Event('visibilitychange'));
    expect(calls.ticks).toBe(8);
    expect(calls.light).toBe(2);
    expect(calls.hidden).toHaveLength(1);
  });
});
