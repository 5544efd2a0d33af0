import { describe, expect, it } from 'vitest';
import { chooseLocalVoice } from '../../../../src/ui/voice/local-voice';
import { voice } from './fake-speech-synthesis';

describe('chooseLocalVoice', () => {
  it('takes a local voice of the language, the default one first', () => {
    const voices = [voice('a', 'en-US', true), voice('b', 'en-GB', true, true), voice('c', 'ru-RU', true, true)];
    expect(chooseLocalVoice(voices, 'en')?.name).toBe('b');
    expect(chooseLocalVoice(voices, 'ru')?.name).toBe('c');
  });

  it('never a network voice, even the default or the only one', () => {
    const voices = [voice('cloud', 'en-US', false, true), voice('cloud-ru', 'ru-RU', false)];
    expect(chooseLocalVoice(voices, 'en')).toBeNull();
    expect(chooseLocalVoice(voices, 'ru')).toBeNull();
    expect(chooseLocalVoice([...voices, voice('local', 'en-AU', true)], 'en')?.name).toBe('local');
  });
});
