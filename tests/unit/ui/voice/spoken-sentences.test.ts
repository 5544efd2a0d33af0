import { describe, expect, it } from 'vitest';
import { spokenSentences } from '../../../../src/ui/voice/spoken-sentences';

describe('spokenSentences', () => {
  it('ends every piece once: a title gets a full stop, an instruction keeps its own', () => {
    expect(spokenSentences(['Gentle "no" shakes', 'Gently shake your head, as if saying no.', 'Keep the movement small.'])).toBe(
      'Gentle "no" shakes. Gently shake your head, as if saying no. Keep the movement small.',
    );
  });

  it('keeps question and exclamation marks, skips empty pieces, works in Russian', () => {
    expect(spokenSentences(['Повороты головы', '  ', 'Медленно!', 'Больно?'])).toBe('Повороты головы. Медленно! Больно?');
    expect(spokenSentences([])).toBe('');
  });
});
