import type { Language } from '../../i18n/localizer';

/** The part of SpeechSynthesisVoice the choice reads (a fake in tests needs no more). */
export interface VoiceInfo {
  readonly lang: string;
  readonly localService: boolean;
  readonly default: boolean;
}

/**
 * A voice for `language` that runs on this device (`localService`), preferring the platform's
 * default; null when there is none. A network voice would send the spoken words (counts,
 * "pain") to a speech server: never chosen, even when it is the only voice for the language.
 */
export function chooseLocalVoice<V extends VoiceInfo>(voices: readonly V[], language: Language): V | null {
  const local = voices.filter((voice) => voice.localService && voice.lang.toLowerCase().startsWith(language));
  return local.find((voice) => voice.default) ?? local[0] ?? null;
}
