import { lowBandMagnitudes, SpectrumWorkspace } from './fft';

/** SPARC parameters as recommended by Balasubramanian et al. 2015 (J NeuroEng Rehabil 12:112). */
const SPARC_PAD_LEVEL = 4;
const SPARC_CUTOFF_HZ = 10;
const SPARC_AMPLITUDE_THRESHOLD = 0.05;

/**
 * Spectral arc length of a speed profile sampled at `rateHz` (Balasubramanian, Melendez-Calderon
 * & Burdet 2012, IEEE TBME 59(8); the adaptive-cutoff SPARC of 2015). Always <= 0; a single
 * minimum-jerk movement scores about -1.6, the more negative the less smooth. NaN when the
 * profile is too short or never moves.
 */
export function sparc(speed: readonly number[], rateHz: number, spectrumWorkspace = new SpectrumWorkspace()): number {
  if (speed.length < 4) return Number.NaN;
  const size = 2 ** (Math.ceil(Math.log2(speed.length)) + SPARC_PAD_LEVEL);
  const df = rateHz / size;
  const lastBin = Math.min(Math.floor(SPARC_CUTOFF_HZ / df), size / 2);
  const spectrum = lowBandMagnitudes(speed, size, lastBin, spectrumWorkspace);
  // A speed profile is >= 0, so its spectrum peaks at 0 Hz: |X(k)| <= Σ|x| = X(0).
  const peak = spectrum[0] ?? 0;
  if (!(peak > 0)) return Number.NaN;
  // The band runs from the first to the last bin at or above the threshold. The first is bin 0
  // (the peak itself), so only the last is searched, from the cutoff down.
  const first = 0;
  let last = lastBin;
  while (last > first && !((spectrum[last] ?? 0) / peak >= SPARC_AMPLITUDE_THRESHOLD)) last--;
  if (last <= first) return Number.NaN;
  const span = (last - first) * df;
  const dF = df / span;
  let arc = 0;
  for (let i = first + 1; i <= last; i++) {
    const dM = ((spectrum[i] ?? 0) - (spectrum[i - 1] ?? 0)) / peak;
    arc += Math.sqrt(dF * dF + dM * dM);
  }
  return -arc;
}

/**
 * Log dimensionless jerk of a speed profile (Balasubramanian et al. 2015; Hogan & Sternad 2009):
 * -ln( T^3 / v_peak^2 · ∫ (d²v/dt²)² dt ). Closer to 0 = smoother; about -6 to -8 for one smooth
 * movement. NaN when the profile is too short or never moves.
 */
export function logDimensionlessJerk(speed: readonly number[], rateHz: number): number {
  if (speed.length < 4) return Number.NaN;
  const dt = 1 / rateHz;
  let peak = 0;
  for (const v of speed) peak = Math.max(peak, Math.abs(v));
  if (!(peak > 0)) return Number.NaN;
  let integral = 0;
  for (let i = 1; i < speed.length - 1; i++) {
    const jerk = ((speed[i + 1] ?? 0) - 2 * (speed[i] ?? 0) + (speed[i - 1] ?? 0)) / (dt * dt);
    integral += jerk * jerk * dt;
  }
  const duration = speed.length * dt;
  const dimensionless = (duration ** 3 / (peak * peak)) * integral;
  return dimensionless > 0 ? -Math.log(dimensionless) : Number.NaN;
}

/**
 * Speed peaks with a prominence of at least `prominenceFraction` of the highest speed (a
 * hysteresis "zig-zag"), so that noise ripples are not peaks. One smooth stroke = 1.
 */
export function countSpeedPeaks(speed: readonly number[], prominenceFraction = 0.15): number {
  let top = 0;
  for (const v of speed) top = Math.max(top, v);
  if (!(top > 0)) return 0;
  const delta = prominenceFraction * top;
  let peaks = 0;
  let rising = true;
  let low = speed[0] ?? 0;
  let high = low;
  for (const v of speed) {
    if (rising) {
      if (v < low) {
        low = v;
        high = v;
      }
      if (v > high) high = v;
      if (high - low >= delta && high - v >= delta) {
        peaks++;
        rising = false;
        low = v;
      }
    } else {
      if (v < low) low = v;
      if (v - low >= delta) {
        rising = true;
        high = v;
      }
    }
  }
  if (rising && high - low >= delta) peaks++;
  return peaks;
}
