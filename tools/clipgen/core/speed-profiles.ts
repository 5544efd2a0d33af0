import { stringEnum, type EnumValue } from '../../../src/core/string-enum';

/**
 * Speed profiles: how a movement's progress s (0 → 1) follows normalised time τ (0 → 1).
 * Every profile is monotonic, starts at s(0) = 0 and ends at s(1) = 1, so a movement always reaches
 * its target exactly and the peak of a rep is exact by construction.
 */
export const SPEED_PROFILES = stringEnum(
  'minimum-jerk', // Smooth, bell-shaped velocity: ref Flash & Hogan 1985, "The coordination of arm movements".
  'jerky', // Stop-and-go: several quick sub-movements separated by pauses (velocity with several peaks).
  'linear', // Constant velocity with abrupt starts and stops.
);
export type SpeedProfile = EnumValue<typeof SPEED_PROFILES>;

export const SPEED_PROFILE_NAMES: readonly SpeedProfile[] = Object.values(SPEED_PROFILES);

/** Sub-movements of the jerky profile, and the share of each slot spent moving (the rest is a pause). */
export const JERKY_STEPS = 4;
export const JERKY_MOVING_SHARE = 0.35;

function clamp01(x: number): number {
  return x <= 0 ? 0 : x >= 1 ? 1 : x;
}

/** s(τ) = 10τ³ − 15τ⁴ + 6τ⁵: zero velocity and acceleration at both ends. */
export function minimumJerk(tau: number): number {
  const t = clamp01(tau);
  return t * t * t * (10 + t * (-15 + 6 * t));
}

export function jerky(tau: number, steps: number = JERKY_STEPS, movingShare: number = JERKY_MOVING_SHARE): number {
  const t = clamp01(tau);
  if (t === 1) return 1;
  const slot = Math.floor(t * steps);
  const within = (t * steps - slot) / movingShare;
  return (slot + minimumJerk(within)) / steps;
}

export function progress(profile: SpeedProfile, tau: number): number {
  switch (profile) {
    case SPEED_PROFILES.minimumJerk:
      return minimumJerk(tau);
    case SPEED_PROFILES.jerky:
      return jerky(tau);
    case SPEED_PROFILES.linear:
      return clamp01(tau);
  }
}
