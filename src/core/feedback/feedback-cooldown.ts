/**
 * When may a feedback message be shown or spoken again? A pure policy so that the coach does
 * not nag: the same message waits `sameMessageMs`, any message waits `anyMessageMs` after the
 * previous one, except urgent ones (safety: too fast, jerky) which only respect their own gap.
 */

export interface CooldownConfig {
  /** Least time between two deliveries of the same message, ms. */
  readonly sameMessageMs: number;
  /** Least time between two deliveries of any messages, ms (urgent messages ignore it). */
  readonly anyMessageMs: number;
}

/** Voice: a spoken sentence takes ~2 s; repeating the same advice more often than every 8 s nags. */
export const VOICE_COOLDOWN: CooldownConfig = { sameMessageMs: 8_000, anyMessageMs: 3_000 };
/** Screen: text can change faster than speech, but not flicker. */
export const VISUAL_COOLDOWN: CooldownConfig = { sameMessageMs: 3_000, anyMessageMs: 1_000 };

export interface CooldownState {
  readonly lastAnyMs: number | null;
  readonly lastByMessage: Readonly<Record<string, number>>;
}

export const INITIAL_COOLDOWN: CooldownState = { lastAnyMs: null, lastByMessage: {} };

export interface CooldownDecision {
  readonly deliver: boolean;
  readonly state: CooldownState;
}

export function decideDelivery(
  state: CooldownState,
  message: string,
  tMs: number,
  config: CooldownConfig,
  urgent = false,
): CooldownDecision {
  const lastSame = Object.hasOwn(state.lastByMessage, message) ? state.lastByMessage[message] : undefined;
  // Time never goes backwards for this policy: an out-of-order request is refused, state kept.
  if (!Number.isFinite(tMs) || (state.lastAnyMs !== null && tMs < state.lastAnyMs)) {
    return { deliver: false, state };
  }
  const sameReady = lastSame === undefined || tMs - lastSame >= config.sameMessageMs;
  const anyReady = urgent || state.lastAnyMs === null || tMs - state.lastAnyMs >= config.anyMessageMs;
  if (!sameReady || !anyReady) return { deliver: false, state };
  return {
    deliver: true,
    state: { lastAnyMs: tMs, lastByMessage: { ...state.lastByMessage, [message]: tMs } },
  };
}
