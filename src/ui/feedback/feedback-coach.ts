import { INITIAL_COOLDOWN, VISUAL_COOLDOWN, VOICE_COOLDOWN, decideDelivery, type CooldownConfig, type CooldownState } from '../../core/feedback/feedback-cooldown';

/** Feedback about safety (speed, jerks) may cut into the pause between two spoken messages. */
const URGENT_MESSAGES: ReadonlySet<string> = new Set(['too-fast', 'jerky']);

export type FeedbackTone = 'good' | 'warning' | 'info';

/** A feedback line on screen: always an icon and words, never colour alone. */
export interface FeedbackLine {
  readonly tone: FeedbackTone;
  readonly text: string;
}

export interface FeedbackVoice {
  say(text: string): void;
}

/**
 * Decides, message by message, what is shown and what is said, each under its own cooldown
 * (feedback-cooldown.ts), so that the coach reacts at once but does not nag.
 */
export class FeedbackCoach {
  private visual: CooldownState = INITIAL_COOLDOWN;
  private voiced: CooldownState = INITIAL_COOLDOWN;

  constructor(
    private readonly voice: FeedbackVoice,
    private readonly visualConfig: CooldownConfig = VISUAL_COOLDOWN,
    private readonly voiceConfig: CooldownConfig = VOICE_COOLDOWN,
  ) {}

  /** Returns the line to show now, or null to keep the current one; speaks it if its voice cooldown allows. */
  deliver(message: string, text: string, tone: FeedbackTone, tMs: number): FeedbackLine | null {
    const urgent = URGENT_MESSAGES.has(message);
    const shown = decideDelivery(this.visual, message, tMs, this.visualConfig, urgent);
    this.visual = shown.state;
    const spoken = decideDelivery(this.voiced, message, tMs, this.voiceConfig, urgent);
    this.voiced = spoken.state;
    if (spoken.deliver) this.voice.say(text);
    return shown.deliver ? { tone, text } : null;
  }
}
