import { stringEnum, type EnumValue } from '../../core/string-enum';

/** Why a recorded file could not be used; the message is meant for the user (a clinician). */
export const RECORDED_SOURCE_ERROR_CODES = stringEnum(
  'unsupported-format', // Neither a still image nor a container we can demux (judged by content, not by name).
  'unsupported-codec', // A container we read, holding a codec this browser cannot decode.
  'corrupt', // Damaged data: the demuxer or decoder rejected it.
  'truncated', // The file ends before the data its header promises (e.g. no movie header, cut download).
  'empty', // Readable, but with no video track or no frame.
);
export type RecordedSourceErrorCode = EnumValue<typeof RECORDED_SOURCE_ERROR_CODES>;

export class RecordedSourceError extends Error {
  readonly code: RecordedSourceErrorCode;

  constructor(code: RecordedSourceErrorCode, message: string) {
    super(message);
    this.name = 'RecordedSourceError';
    this.code = code;
  }
}
