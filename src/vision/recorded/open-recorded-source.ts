import { FILE_KINDS, SNIFF_BYTES, sniffFileKind } from './file-kind';
import { ImageFileSource } from './image-file-source';
import { RECORDED_SOURCE_ERROR_CODES, RecordedSourceError } from './recorded-source-error';
import { VideoFileSource } from './video-file-source';

export type RecordedSource = ImageFileSource | VideoFileSource;

/**
 * Opens a recorded file (an <input>'s File, or a fetched Blob) as a FrameSource, judging its
 * kind from its content, not its name. Throws RecordedSourceError with a user-facing message.
 */
export async function openRecordedSource(blob: Blob): Promise<RecordedSource> {
  if (blob.size === 0) {
    throw new RecordedSourceError(RECORDED_SOURCE_ERROR_CODES.empty, 'The file is empty.');
  }
  const head = new Uint8Array(await blob.slice(0, SNIFF_BYTES).arrayBuffer());
  switch (sniffFileKind(head)) {
    case FILE_KINDS.image:
      return ImageFileSource.open(blob);
    case FILE_KINDS.mp4:
      return VideoFileSource.open(blob);
    default:
      throw new RecordedSourceError(
        RECORDED_SOURCE_ERROR_CODES.unsupportedFormat,
        'Not a supported image (JPEG, PNG, GIF, BMP, WebP) or video (MP4/MOV) file.',
      );
  }
}
