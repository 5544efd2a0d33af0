/**
 * Presentation time of a video sample, as players show it: the composition time shifted by the
 * track's edit list. Encoders with B-frames write a first edit that starts the media at a
 * composition offset (e.g. 2 frames), so the first shown frame is at 0; an empty edit delays the
 * whole track instead.
 */
export interface EditListEntry {
  /** In the movie's timescale. */
  readonly segment_duration: number;
  /** In the track's timescale; -1 marks an empty edit (a delay). */
  readonly media_time: number;
}

export interface PresentationOffset {
  /** Track ticks subtracted from every composition time. */
  readonly mediaStartTicks: number;
  /** Microseconds added after the subtraction (empty edits). */
  readonly delayUs: number;
}

export const NO_OFFSET: PresentationOffset = { mediaStartTicks: 0, delayUs: 0 };

/** Reads the common cases: leading empty edits (delay) followed by one media edit (start). */
export function presentationOffset(
  entries: readonly EditListEntry[],
  movieTimescale: number,
): PresentationOffset {
  let delayUs = 0;
  for (const entry of entries) {
    if (entry.media_time === -1) {
      delayUs += (entry.segment_duration / movieTimescale) * 1e6;
      continue;
    }
    return { mediaStartTicks: entry.media_time, delayUs };
  }
  return { mediaStartTicks: 0, delayUs };
}

/** Whole microseconds (WebCodecs timestamps are integers). */
export function presentationTimeUs(
  compositionTicks: number,
  timescale: number,
  offset: PresentationOffset,
): number {
  return Math.round(((compositionTicks - offset.mediaStartTicks) / timescale) * 1e6 + offset.delayUs);
}

/**
 * Keeps frames whose time is shown (≥ 0, i.e. not cut by the edit list) and strictly after the
 * previous kept one: VIDEO-mode landmarkers and the rep counter need strictly increasing times.
 */
export function isNextPresentedTime(timeUs: number, previousUs: number | null): boolean {
  return timeUs >= 0 && (previousUs === null || timeUs > previousUs);
}
