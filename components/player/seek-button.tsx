// A moment of the recording as a button the player (recording-player.tsx) answers: it seeks there and
// plays. Server-rendered; the player listens for data-seek-ms on the whole page. `spoken` is what a
// screen reader hears after the time ("to 0:06: play passage 2").
import { clock } from '@/lib/media/moment';

export function SeekButton({ startMs, spoken, className = '' }: { startMs: number; spoken: string; className?: string }) {
  return (
    <button
      type="button"
      data-seek-ms={startMs}
      className={`rounded border border-stone-300 px-1.5 py-0.5 font-mono text-xs tabular-nums hover:border-accent dark:border-stone-700 dark:hover:border-accent-dark ${className}`}
    >
      <span aria-hidden="true">▶ </span>
      {clock(startMs)}
      <span className="sr-only">{spoken}</span>
    </button>
  );
}
