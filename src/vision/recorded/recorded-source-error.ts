/** Why a recorded file could not be used; the message is meant for the user (a clinician). */
export const RECORDED_SOURCE_ERROR_CODES = {
  /** Neither a still image nor a container we can demux (judged by content, not by name). */
  unsupportedFormat: 'unsupported-format',
  /** A container we read, holding a codec this browser cannot decode. */
  unsupportedCodec: 'unsupported-codec',
  /** Damaged data: the demuxer or decoder rejected it. */
  corrupt: 'corrupt',
  /** The file ends before the data its header promises (e.g. no movie header, cut download). */
  truncated: 'truncated',
  /** Readable, but with no video track or no frame. */
  empty: 'empty',
} as const;
export type RecordedSourceErrorCode =
  (typeof RECORDED_SOURCE_ERROR_CODES)[keyof typeof RECORDED_SOURCE_ERROR_CODES];

export class RecordedSourceError extends Error {
  readonly code: RecordedSourceErrorCode;

  constructor(code: RecordedSourceErrorCode, message: string) {
    super(message);
    this.name = 'RecordedSourceError';
    this.code = code;
  }
}
