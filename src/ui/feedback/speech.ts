import type { Language } from '../../i18n/localizer';
import { chooseLocalVoice } from '../voice/local-voice';

const VOICE_LANGUAGES: Readonly<Record<Language, string>> = { en: 'en-US', ru: 'ru-RU' };

/**
 * Spoken instructions, counts and feedback through the Web Speech API, with a voice of this
 * device only (local-voice.ts); silent when muted, unsupported, or without a local voice for the
 * language (the coach's tones still play).
 */
export class Speaker {
  muted: boolean;

  constructor(
    private readonly synthesis: SpeechSynthesis | null = typeof speechSynthesis === 'undefined' ? null : speechSynthesis,
    muted = false,
  ) {
    this.muted = muted;
  }

  get supported(): boolean {
    return this.synthesis !== null;
  }

  /** Says `text`; `interrupt` cuts off what is being said. Returns whether it was spoken. */
  say(text: string, language: Language, interrupt = false): boolean {
    if (this.muted || this.synthesis === null || text.length === 0) return false;
    const voice = chooseLocalVoice(this.synthesis.getVoices(), language);
    if (voice === null) return false;
    if (interrupt) this.synthesis.cancel();
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.lang = VOICE_LANGUAGES[language];
    utterance.voice = voice;
    utterance.rate = 0.95;
    this.synthesis.speak(utterance);
    return true;
  }

  stop(): void {
    this.synthesis?.cancel();
  }
}
