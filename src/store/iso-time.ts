/** The wall-clock ISO time of a session-clock `tMs`, given the session's start on both clocks. */
export function isoAtSessionTime(startedAtIso: string, startedAtTMs: number, tMs: number): string {
  const epochMs = Date.parse(startedAtIso) + (tMs - startedAtTMs);
  return Number.isFinite(epochMs) ? new Date(epochMs).toISOString() : startedAtIso;
}
