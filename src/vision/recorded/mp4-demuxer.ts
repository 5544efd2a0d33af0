import {
  createFile,
  DataStream,
  Endianness,
  Log,
  MP4BoxBuffer,
  type ISOFile,
  type Movie,
  type MultiBufferStream,
  type Sample,
  type Track,
  type VisualSampleEntry,
} from 'mp4box';
import { presentationOffset, presentationTimeUs, type PresentationOffset } from './presentation-time';
import { RECORDED_SOURCE_ERROR_CODES, RecordedSourceError } from './recorded-source-error';

/**
 * Reads the first video track of an ISO-BMFF file (mp4, mov, m4v) from a Blob in slices, so a
 * large file is never held whole in memory, and hands out its samples as EncodedVideoChunks whose
 * timestamps are exact presentation times (µs) taken from the container, edit list applied.
 */
export interface DemuxedVideoInfo {
  readonly config: VideoDecoderConfig;
  readonly width: number;
  readonly height: number;
  /** Samples the container announces (frames before an edit-list start included). */
  readonly sampleCount: number;
  readonly durationMs: number;
}

/** Bytes read per slice: small enough to stream, large enough to keep slicing overhead low. */
const SLICE_BYTES = 2 * 1024 * 1024;
/** Samples mp4box hands out per callback. */
const SAMPLES_PER_BATCH = 32;

Log.setLogLevel(Log.error);

function decoderDescription(entry: VisualSampleEntry): Uint8Array | undefined {
  const box = entry.avcC ?? entry.hvcC ?? entry.vpcC ?? entry.av1C;
  if (!box) return undefined;
  const stream = new DataStream(undefined, 0, Endianness.BIG_ENDIAN);
  // mp4box's writers are typed for its MultiBufferStream but only use DataStream's methods.
  box.write(stream as unknown as MultiBufferStream);
  return new Uint8Array(stream.buffer, 8); // without the box header (size + type)
}

export class Mp4Demuxer {
  readonly info: DemuxedVideoInfo;
  private readonly file: ISOFile;
  private readonly blob: Blob;
  private readonly track: Track;
  private readonly offset: PresentationOffset;
  private readonly pending: Sample[] = [];
  private nextReadPosition: number;
  private demuxError: string | null = null;
  private finished = false;
  private delivered = 0;

  private constructor(blob: Blob, file: ISOFile, movie: Movie, nextReadPosition: number) {
    this.blob = blob;
    this.file = file;
    this.nextReadPosition = nextReadPosition;
    const track = movie.videoTracks[0];
    if (!track) throw new RecordedSourceError(RECORDED_SOURCE_ERROR_CODES.empty, 'The file has no video track.');
    this.track = track;
    const trak = file.getTrackById(track.id);
    this.offset = presentationOffset(trak.edts?.elst?.entries ?? [], movie.timescale);
    const entry = trak.mdia.minf.stbl.stsd.entries[0] as VisualSampleEntry | undefined;
    const description = entry ? decoderDescription(entry) : undefined;
    this.info = {
      config: {
        codec: track.codec.startsWith('vp08') ? 'vp8' : track.codec,
        codedWidth: track.video?.width ?? track.track_width,
        codedHeight: track.video?.height ?? track.track_height,
        ...(description ? { description } : {}),
      },
      width: track.video?.width ?? track.track_width,
      height: track.video?.height ?? track.track_height,
      sampleCount: track.nb_samples,
      durationMs: (track.duration / track.timescale) * 1000,
    };
    file.onSamples = (_id, _user, samples) => {
      this.pending.push(...samples);
    };
    file.onError = (module, message) => {
      this.demuxError = `${module}: ${message}`;
    };
    file.setExtractionOptions(track.id, undefined, { nbSamples: SAMPLES_PER_BATCH });
    file.start();
  }

  /** Reads slices until the movie header is parsed. */
  static async open(blob: Blob): Promise<Mp4Demuxer> {
    // keepMdatData: sample extraction needs the mdat bytes; releaseUsedSamples frees them as we go.
    const file = createFile(true);
    let movie: Movie | null = null;
    let demuxError: string | null = null;
    file.onReady = (info) => {
      movie = info;
    };
    file.onError = (module, message) => {
      demuxError = `${module}: ${message}`;
    };
    let position = 0;
    while (movie === null && demuxError === null && position < blob.size) {
      position = await Mp4Demuxer.append(file, blob, position);
    }
    if (demuxError !== null) {
      throw new RecordedSourceError(RECORDED_SOURCE_ERROR_CODES.corrupt, `The video is damaged (${demuxError}).`);
    }
    if (movie === null) {
      throw new RecordedSourceError(
        RECORDED_SOURCE_ERROR_CODES.truncated,
        'The video has no readable movie header: the file is truncated or damaged.',
      );
    }
    return new Mp4Demuxer(blob, file, movie, position);
  }

  /** Appends the slice at `position`; returns where mp4box wants to read next. */
  private static async append(file: ISOFile, blob: Blob, position: number): Promise<number> {
    const bytes = await blob.slice(position, position + SLICE_BYTES).arrayBuffer();
    const end = position + bytes.byteLength;
    const buffer = MP4BoxBuffer.fromArrayBuffer(bytes, position);
    let next: number;
    try {
      next = file.appendBuffer(buffer, end >= blob.size);
    } catch (error) {
      throw new RecordedSourceError(
        RECORDED_SOURCE_ERROR_CODES.corrupt,
        `The video is damaged (${error instanceof Error ? error.message : String(error)}).`,
      );
    }
    // mp4box says where it needs data next (e.g. a moov at the end, then back to the samples).
    return typeof next === 'number' && next !== position ? next : end;
  }

  /** The next sample in decoding order, or null at the end of the readable data. */
  async nextChunk(): Promise<EncodedVideoChunk | null> {
    while (this.pending.length === 0 && !this.finished) {
      if (this.demuxError !== null) {
        throw new RecordedSourceError(RECORDED_SOURCE_ERROR_CODES.corrupt, `The video is damaged (${this.demuxError}).`);
      }
      if (this.nextReadPosition < this.blob.size) {
        this.nextReadPosition = await Mp4Demuxer.append(this.file, this.blob, this.nextReadPosition);
      } else {
        this.file.flush();
        this.finished = true;
      }
    }
    const sample = this.pending.shift();
    if (!sample?.data) return null;
    const chunk = new EncodedVideoChunk({
      type: sample.is_sync ? 'key' : 'delta',
      timestamp: presentationTimeUs(sample.cts, sample.timescale, this.offset),
      duration: Math.round((sample.duration / sample.timescale) * 1e6),
      data: sample.data,
    });
    this.delivered += 1;
    this.file.releaseUsedSamples(this.track.id, sample.number);
    return chunk;
  }

  /** Samples announced but never delivered: > 0 means the file was cut short. */
  get missingSamples(): number {
    return Math.max(0, this.info.sampleCount - this.delivered);
  }

  close(): void {
    this.file.stop();
    this.pending.length = 0;
  }
}
