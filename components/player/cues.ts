// Which timed passage a moment of the recording falls in: pure, so the player and its tests agree.

export interface Cue {
  anchor: number;
  startMs: number;
  endMs: number;
}

/**
 * The index of the passage being spoken at `ms`: the last one started by then. In the pause after a
 * passage it stays lit until the next one begins; before the first, none (-1). Cues are in start order.
 */
export function cueIndexAt(cues: readonly Cue[], ms: number): number {
  let low = 0;
  let high = cues.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (cues[mid].startMs <= ms) {
      found = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  return found;
}
