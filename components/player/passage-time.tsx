// A timed passage's place in the recording, as a button the player (recording-player.tsx) answers:
// it seeks there and plays. Server-rendered with the passage; the player listens for data-seek-ms.
import { clock } from '@/lib/media/moment';

export function PassageTime({ anchor, startMs, endMs }: { anchor: number; startMs: number; endMs: number }) {
  return (
    <button
      type="button"
      data-seek-ms={startMs}
      className="rounded border border-stone-300 px-1.5 py-0.5 font-mono text-xs tabular-nums hover:border-accent dark:border-stone-700 dark:hover:border-accent-dark"
    >
      <span aria-hidden="true">▶ </span>
      {clock(startMs)}
      <span className="sr-only">
        {' '}
        to {clock(endMs)}: play passage {anchor}
      </span>
    </button>
  );
}
