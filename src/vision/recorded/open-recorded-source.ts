import { blobByteSource, type ByteSource } from './byte-source';
import { FILE_KINDS, SNIFF_BYTES, sniffFileKind } from './file-kind';
import { ImageFileSource } from './image-file-source';
import { RECORDED_SOURCE_ERROR_CODES, RecordedSourceError } from './recorded-source-error';
import { VideoFileSource } from './video-file-source';

export type RecordedSource = ImageFileSource | VideoFileSource;

/** Larger than any still photo; an "image" this big is read no further (it would be held whole). */
export const MAX_IMAGE_BYTES = 200 * 1024 * 1024;

/**
 * Opens a recorded file (an <input>'s File or any Blob, or a ByteSource such as a URL read by
 * ranges) as a FrameSource, judging its kind from its content, not its name. Videos are read in
 * slices, never whole. Throws RecordedSourceError with a user-facing message.
 */
export async function openRecordedSource(file: Blob | ByteSource): Promise<RecordedSource> {
  const bytes = file instanceof Blob ? blobByteSource(file) : file;
  if (bytes.size === 0) {
    throw new RecordedSourceError(RECORDED_SOURCE_ERROR_CODES.empty, 'The file is empty.');
  }
  const head = new Uint8Array(await bytes.read(0, SNIFF_BYTES));
  switch (sniffFileKind(head)) {
    case FILE_KINDS.image:
      if (bytes.size > MAX_IMAGE_BYTES) {
        throw new RecordedSourceError(RECORDED_SOURCE_ERROR_CODES.unsupportedFormat, `The image is larger than ${MAX_IMAGE_BYTES / 2 ** 20} MB.`);
      }
      return ImageFileSource.open(file instanceof Blob ? file : new Blob([await bytes.read(0, bytes.size)]));
    case FILE_KINDS.mp4:
      return VideoFileSource.open(bytes);
    default:
      throw new RecordedSourceError(
        RECORDED_SOURCE_ERROR_CODES.unsupportedFormat,
        'Not a supported image (JPEG, PNG, GIF, BMP, WebP) or video (MP4/MOV) file.',
      );
  }
}
