import type { Language } from '../../i18n/localizer';

const VOICE_LANGUAGES: Readonly<Record<Language, string>> = { en: 'en-US', ru: 'ru-RU' };

/** Spoken instructions and feedback through the Web Speech API; silent when muted or unsupported. */
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

  /** Says `text`; `interrupt` cuts off what is being said (for instructions, not for feedback). */
  say(text: string, language: Language, interrupt = false): void {
    if (this.muted || this.synthesis === null || text.length === 0) return;
    if (interrupt) this.synthesis.cancel();
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.lang = VOICE_LANGUAGES[language];
    const voice = this.synthesis.getVoices().find((candidate) => candidate.lang.startsWith(language));
    if (voice !== undefined) utterance.voice = voice;
    utterance.rate = 0.95;
    this.synthesis.speak(utterance);
  }

  stop(): void {
    this.synthesis?.cancel();
  }
}
