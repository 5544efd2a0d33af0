/** User-facing text in both UI languages. Keep the two in step: the validator rejects an empty one. */
export interface LocalizedText {
  readonly en: string;
  readonly ru: string;
}
