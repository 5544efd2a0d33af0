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
import type { ByteSource } from './byte-source';
import { displayRotation, type DisplayRotation } from './display-rotation';
import { presentationOffset, presentationTimeUs, type PresentationOffset } from './presentation-time';
import { RECORDED_SOURCE_ERROR_CODES, RecordedSourceError } from './recorded-source-error';

/**
 * Reads the first video track of an ISO-BMFF file (mp4, mov, m4v) in slices, so a
 * large file is never held whole in memory, and hands out its samples (for EncodedVideoChunks) whose
 * timestamps are exact presentation times (µs) taken from the container, edit list applied.
 * Pure JavaScript (no WebCodecs): runs in Node too.
 */
export interface DemuxedVideoInfo {
  readonly config: VideoDecoderConfig;
  /** Size as displayed (after `rotation`). */
  readonly width: number;
  readonly height: number;
  /** Clockwise turn the container asks players to apply to decoded frames. */
  readonly rotation: DisplayRotation;
  /** Samples the container announces (frames before an edit-list start included). */
  readonly sampleCount: number;
  readonly durationMs: number;
}

/** One video sample in decoding order, with its presentation time (what EncodedVideoChunk takes). */
export interface DemuxedSample {
  readonly key: boolean;
  /** Presentation time, whole µs, edit list applied (may be < 0 for frames cut by the edit list). */
  readonly timestampUs: number;
  readonly durationUs: number;
  readonly data: Uint8Array;
}

export interface Mp4DemuxerOptions {
  /** Bytes read per slice: small enough to stream, large enough to keep slicing overhead low. */
  readonly sliceBytes: number;
}

const DEFAULT_OPTIONS: Mp4DemuxerOptions = { sliceBytes: 2 * 1024 * 1024 };
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
  private readonly bytes: ByteSource;
  private readonly sliceBytes: number;
  private readonly track: Track;
  private readonly offset: PresentationOffset;
  private readonly trak: ReturnType<ISOFile['getTrackById']>;
  private readonly pending: Sample[] = [];
  /** The byte range appended last: a sample straddling its end is completed by the next slice. */
  private lastRead: { start: number; end: number };
  private demuxError: string | null = null;
  private finished = false;
  private delivered = 0;

  private constructor(bytes: ByteSource, file: ISOFile, movie: Movie, lastRead: { start: number; end: number }, sliceBytes: number) {
    this.bytes = bytes;
    this.sliceBytes = sliceBytes;
    this.file = file;
    this.lastRead = lastRead;
    const track = movie.videoTracks[0];
    if (!track) throw new RecordedSourceError(RECORDED_SOURCE_ERROR_CODES.empty, 'The file has no video track.');
    this.track = track;
    const trak = file.getTrackById(track.id);
    this.trak = trak;
    this.offset = presentationOffset(trak.edts?.elst?.entries ?? [], movie.timescale);
    const entry = trak.mdia.minf.stbl.stsd.entries[0] as VisualSampleEntry | undefined;
    const description = entry ? decoderDescription(entry) : undefined;
    const rotation = displayRotation(trak.tkhd?.matrix ?? track.matrix);
    const codedWidth = track.video?.width ?? track.track_width;
    const codedHeight = track.video?.height ?? track.track_height;
    const sideways = rotation === 90 || rotation === 270;
    this.info = {
      config: {
        codec: track.codec.startsWith('vp08') ? 'vp8' : track.codec,
        codedWidth,
        codedHeight,
        ...(description ? { description } : {}),
      },
      width: sideways ? codedHeight : codedWidth,
      height: sideways ? codedWidth : codedHeight,
      rotation,
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
  static async open(bytes: ByteSource, options: Partial<Mp4DemuxerOptions> = {}): Promise<Mp4Demuxer> {
    const { sliceBytes } = { ...DEFAULT_OPTIONS, ...options };
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
    let lastRead = { start: 0, end: 0 };
    while (movie === null && demuxError === null && position < bytes.size) {
      const read = await Mp4Demuxer.append(file, bytes, position, sliceBytes);
      lastRead = { start: position, end: read.end };
      position = read.next;
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
    return new Mp4Demuxer(bytes, file, movie, lastRead, sliceBytes);
  }

  /** Appends the slice at `position`; returns its end and where mp4box wants to read next. */
  private static async append(file: ISOFile, bytes: ByteSource, position: number, sliceBytes: number): Promise<{ end: number; next: number }> {
    const slice = await bytes.read(position, position + sliceBytes);
    const end = position + slice.byteLength;
    const buffer = MP4BoxBuffer.fromArrayBuffer(slice, position);
    let next: number;
    try {
      next = file.appendBuffer(buffer, end >= bytes.size);
    } catch (error) {
      throw new RecordedSourceError(
        RECORDED_SOURCE_ERROR_CODES.corrupt,
        `The video is damaged (${error instanceof Error ? error.message : String(error)}).`,
      );
    }
    // While looking for the movie header, mp4box says where it is (e.g. a moov at the end).
    return { end, next: typeof next === 'number' && next !== position ? next : end };
  }

  /**
   * Where the next slice must start: at the data of the next sample to extract (samples are read
   * in decoding order wherever they lie: moov at the end, interleaved audio), or right after the
   * last slice when that sample began inside it or is not known yet (fragmented files).
   * Null when nothing is left to read.
   */
  private nextReadPosition(): number | null {
    const sample = this.trak.samples[this.trak.nextSample];
    const { start, end } = this.lastRead;
    const position = sample && !(sample.offset >= start && sample.offset < end) ? sample.offset : end;
    return position < this.bytes.size ? position : null;
  }

  /** The next sample in decoding order, or null at the end of the readable data. */
  async nextSample(): Promise<DemuxedSample | null> {
    while (this.pending.length === 0 && !this.finished) {
      if (this.demuxError !== null) {
        throw new RecordedSourceError(RECORDED_SOURCE_ERROR_CODES.corrupt, `The video is damaged (${this.demuxError}).`);
      }
      const position = this.nextReadPosition();
      if (position !== null) {
        const read = await Mp4Demuxer.append(this.file, this.bytes, position, this.sliceBytes);
        this.lastRead = { start: position, end: read.end };
      } else {
        this.file.flush();
        this.finished = true;
      }
    }
    const sample = this.pending.shift();
    if (!sample?.data) return null;
    const demuxed: DemuxedSample = {
      key: sample.is_sync,
      timestampUs: presentationTimeUs(sample.cts, sample.timescale, this.offset),
      durationUs: Math.round((sample.duration / sample.timescale) * 1e6),
      data: sample.data,
    };
    this.delivered += 1;
    this.file.releaseUsedSamples(this.track.id, sample.number);
    return demuxed;
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
