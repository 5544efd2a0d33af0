/** Sentence ends the protocol's texts already carry (Latin and Cyrillic alike). */
const SENTENCE_END = /[.!?…:;]$/;

/**
 * Pieces of text read aloud as one utterance: each ends as a sentence (a full stop is added only
 * where the piece has no end of its own, so "…saying no." is not read as "…saying no..").
 */
export function spokenSentences(pieces: readonly string[]): string {
  return pieces
    .map((piece) => piece.trim())
    .filter((piece) => piece.length > 0)
    .map((piece) => (SENTENCE_END.test(piece) ? piece : `${piece}.`))
    .join(' ');
}
