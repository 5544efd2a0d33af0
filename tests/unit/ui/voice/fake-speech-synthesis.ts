import type { VoiceInfo } from '../../../../src/ui/voice/local-voice';

export interface FakeVoice extends VoiceInfo {
  readonly name: string;
  readonly voiceURI: string;
}

/** What was said: the text, its language, and the voice chosen for it. */
export interface RecordedUtterance {
  readonly text: string;
  readonly lang: string;
  readonly voice: FakeVoice | null;
}

/** A stand-in for the browser's SpeechSynthesisUtterance (Node has none). */
export class FakeUtterance {
  lang = '';
  rate = 1;
  voice: FakeVoice | null = null;
  constructor(readonly text: string) {}
}

/** A speechSynthesis that records every utterance (and every cancel) instead of speaking. */
export class FakeSpeechSynthesis {
  readonly spoken: RecordedUtterance[] = [];
  cancels = 0;

  constructor(private readonly voices: readonly FakeVoice[]) {}

  getVoices(): readonly FakeVoice[] {
    return this.voices;
  }

  speak(utterance: FakeUtterance): void {
    this.spoken.push({ text: utterance.text, lang: utterance.lang, voice: utterance.voice });
  }

  cancel(): void {
    this.cancels += 1;
  }
}

export const voice = (name: string, lang: string, localService: boolean, isDefault = false): FakeVoice => ({ name, voiceURI: name, lang, localService, default: isDefault });
