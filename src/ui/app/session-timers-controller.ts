import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface SessionTimerCallbacks {
  /** Every `tickMs`: the session's clock advances (rest countdown, exercise time). */
  readonly onTick: (nowMs: number) => void;
  /** Every `lightCheckMs`: the light on the face is judged again during setup. */
  readonly onLightCheck: () => void;
  /** The tab was hidden or shown again. */
  readonly onVisibility: (hidden: boolean, nowMs: number) => void;
}

export interface SessionTimerPeriods {
  readonly tickMs: number;
  readonly lightCheckMs: number;
}

export const DEFAULT_SESSION_TIMER_PERIODS: SessionTimerPeriods = { tickMs: 250, lightCheckMs: 1_000 };

/**
 * The session screen's timers and document listener, started and stopped with its host element.
 * The times it passes are `performance.now()`, the same clock as the camera frames' `tMs`.
 */
export class SessionTimersController implements ReactiveController {
  private tickTimer: ReturnType<typeof setInterval> | null = null;
  private lightTimer: ReturnType<typeof setInterval> | null = null;
  private readonly onVisibilityChange = (): void => this.callbacks.onVisibility(document.visibilityState === 'hidden', performance.now());

  constructor(
    host: ReactiveControllerHost,
    private readonly callbacks: SessionTimerCallbacks,
    private readonly periods: SessionTimerPeriods = DEFAULT_SESSION_TIMER_PERIODS,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    document.addEventListener('visibilitychange', this.onVisibilityChange);
    this.tickTimer = setInterval(() => this.callbacks.onTick(performance.now()), this.periods.tickMs);
    this.lightTimer = setInterval(() => this.callbacks.onLightCheck(), this.periods.lightCheckMs);
  }

  hostDisconnected(): void {
    document.removeEventListener('visibilitychange', this.onVisibilityChange);
    if (this.tickTimer !== null) clearInterval(this.tickTimer);
    if (this.lightTimer !== null) clearInterval(this.lightTimer);
    this.tickTimer = null;
    this.lightTimer = null;
  }
}
