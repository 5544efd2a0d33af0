import { lowPassAlpha, type ScalarFilter } from './scalar-filter';

/** ref: G. Casiez, N. Roussel, D. Vogel, "1€ Filter", CHI 2012, https://gery.casiez.net/1euro/ */
export interface OneEuroConfig {
  /**
   * Cutoff (Hz) when still. Lower = steadier at rest but more lag on slow moves; raise it if slow
   * holds drift behind, lower it if a still head flickers. ref: Casiez 2012, §"Tuning".
   */
  readonly minCutoffHz: number;
  /**
   * Cutoff increase per unit/s of speed (for degrees: Hz per deg/s). Raise until fast moves stop
   * lagging; 0 makes it a plain low-pass. ref: Casiez 2012, eq. for f_c = f_cmin + β|Ẋ|.
   */
  readonly beta: number;
  /** Cutoff (Hz) of the speed estimate; 1 Hz as in the paper, rarely worth changing. ref: Casiez 2012. */
  readonly derivativeCutoffHz: number;
}

/**
 * Tuned for head angles in degrees at exercise speeds (30–90°/s): at rest ≈ 1 Hz (still-head
 * jitter of a few degrees is damped), at 60°/s ≈ 4 Hz (≈ 40 ms of lag on a ramp).
 */
export const DEFAULT_ONE_EURO: OneEuroConfig = { minCutoffHz: 1, beta: 0.05, derivativeCutoffHz: 1 };

/**
 * The One Euro filter: a low-pass whose cutoff rises with speed, so jitter is removed at rest
 * and lag stays small in motion. Repeated or out-of-order timestamps and non-finite values are
 * ignored (the previous output is returned).
 */
export class OneEuroFilter implements ScalarFilter {
  private readonly config: OneEuroConfig;
  private lastTMs: number | null = null;
  private lastValue = Number.NaN;
  private lastDerivative = 0;

  constructor(config: Partial<OneEuroConfig> = {}) {
    this.config = { ...DEFAULT_ONE_EURO, ...config };
  }

  apply(value: number, tMs: number): number {
    if (!Number.isFinite(value) || !Number.isFinite(tMs)) return this.lastValue;
    if (this.lastTMs === null) {
      this.lastTMs = tMs;
      this.lastValue = value;
      this.lastDerivative = 0;
      return value;
    }
    if (!(tMs > this.lastTMs)) return this.lastValue;
    const dtS = (tMs - this.lastTMs) / 1000;
    const rawDerivative = (value - this.lastValue) / dtS;
    this.lastDerivative += lowPassAlpha(this.config.derivativeCutoffHz, dtS) * (rawDerivative - this.lastDerivative);
    const cutoffHz = this.config.minCutoffHz + this.config.beta * Math.abs(this.lastDerivative);
    this.lastValue += lowPassAlpha(cutoffHz, dtS) * (value - this.lastValue);
    this.lastTMs = tMs;
    return this.lastValue;
  }

  reset(): void {
    this.lastTMs = null;
    this.lastValue = Number.NaN;
    this.lastDerivative = 0;
  }
}
