/**
 * A scalar Kalman filter with a constant-velocity model (state: value and rate) driven by white
 * acceleration noise, measured with a per-sample noise. Unlike a fixed low-pass it trusts each
 * sample as much as its source deserves: a precise reading moves the estimate at once, a noisy
 * one only as far as the motion model allows. ref: Bar-Shalom, Li, Kirubarajan, "Estimation with
 * Applications to Tracking and Navigation" (2001), §6.2.2 (the continuous white-noise
 * acceleration model). Time is passed in (ms); units are the caller's (here degrees).
 */
export class ConstantVelocityKalman {
  private value = 0;
  private rate = 0;
  // Covariance [[p00, p01], [p01, p11]].
  private p00 = 0;
  private p01 = 0;
  private p11 = 0;
  private lastTMs: number | null = null;

  /**
   * `accelerationNoise`: spectral density q of the white acceleration (unit²/s³): how hard the
   * tracked value may change its rate. `initialRateStd`: the rate's uncertainty at the first sample.
   */
  constructor(private readonly accelerationNoise: number, private readonly initialRateStd: number) {}

  /**
   * Feeds one measurement with its standard deviation; returns the filtered value. With
   * `outlierSigmas` k, an innovation beyond k standard deviations of its prediction is clipped to
   * k (Huber's M-estimator of location, Ann. Math. Statist. 1964, applied to the innovation):
   * the measurement's noise is raised for this update until the innovation is k of them, so a
   * single wild reading moves the estimate no more than a k-sigma one, while a real change that
   * persists is followed over the next updates as the rate catches up.
   */
  update(measured: number, measurementStd: number, tMs: number, outlierSigmas = Infinity): number {
    let r = measurementStd * measurementStd;
    if (this.lastTMs !== null && !(tMs > this.lastTMs)) return this.value;
    if (this.lastTMs === null) {
      this.value = measured;
      this.rate = 0;
      this.p00 = r;
      this.p01 = 0;
      this.p11 = this.initialRateStd * this.initialRateStd;
      this.lastTMs = tMs;
      return this.value;
    }
    this.predict(tMs);
    const innovation = measured - this.value;
    const predictedStd = Math.sqrt(this.p00 + r);
    if (Math.abs(innovation) > outlierSigmas * predictedStd) r = (Math.abs(innovation) * predictedStd) / outlierSigmas - this.p00;
    const s = this.p00 + r;
    const k0 = this.p00 / s, k1 = this.p01 / s;
    this.value += k0 * innovation;
    this.rate += k1 * innovation;
    const p00 = (1 - k0) * this.p00, p01 = (1 - k0) * this.p01, p11 = this.p11 - k1 * this.p01;
    this.p00 = p00;
    this.p01 = p01;
    this.p11 = p11;
    return this.value;
  }

  private predict(tMs: number): void {
    const dt = (tMs - (this.lastTMs as number)) / 1000;
    const q = this.accelerationNoise;
    const dt2 = dt * dt, dt3 = dt2 * dt;
    this.value += this.rate * dt;
    // P ← F·P·Fᵀ + Q, F = [[1, dt], [0, 1]], Q = q·[[dt³/3, dt²/2], [dt²/2, dt]].
    const p00 = this.p00 + 2 * dt * this.p01 + dt2 * this.p11 + (q * dt3) / 3;
    const p01 = this.p01 + dt * this.p11 + (q * dt2) / 2;
    const p11 = this.p11 + q * dt;
    this.p00 = p00;
    this.p01 = p01;
    this.p11 = p11;
    this.lastTMs = tMs;
  }

  reset(): void {
    this.lastTMs = null;
  }
}
