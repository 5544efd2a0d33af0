import type { Page } from './app-test';

/**
 * Replaces the page's speechSynthesis (and SpeechSynthesisUtterance) before the app loads with a
 * recorder that offers one local and one network voice per language: `spokenTexts` then returns
 * what the app said, and with which voice.
 */
export async function installFakeSpeech(page: Page): Promise<void> {
  await page.addInitScript(() => {
    interface Said { text: string; lang: string; voice: string }
    const spoken: Said[] = [];
    const voices = [
      { name: 'Local English', voiceURI: 'local-en', lang: 'en-US', localService: true, default: true },
      { name: 'Cloud English', voiceURI: 'cloud-en', lang: 'en-GB', localService: false, default: false },
      { name: 'Local Russian', voiceURI: 'local-ru', lang: 'ru-RU', localService: true, default: false },
      { name: 'Cloud Russian', voiceURI: 'cloud-ru', lang: 'ru-RU', localService: false, default: false },
    ];
    class RecordedUtterance {
      lang = '';
      rate = 1;
      voice: { name: string } | null = null;
      constructor(readonly text: string) {}
    }
    const synthesis = {
      getVoices: () => voices,
      speak: (utterance: RecordedUtterance) => spoken.push({ text: utterance.text, lang: utterance.lang, voice: utterance.voice?.name ?? '' }),
      cancel: () => undefined,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
    };
    Object.defineProperty(window, 'speechSynthesis', { value: synthesis, configurable: true });
    Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: RecordedUtterance, configurable: true });
    Object.defineProperty(window, '__atlasSpoken', { value: spoken });
  });
}

export async function spokenTexts(page: Page): Promise<{ text: string; lang: string; voice: string }[]> {
  return page.evaluate(() => (window as unknown as { __atlasSpoken: { text: string; lang: string; voice: string }[] }).__atlasSpoken.slice());
}
