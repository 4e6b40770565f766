'use client';
// The reader's player: the browser's own <audio> or <video>, kept in view while the transcript
// scrolls. It lights the passage being spoken (aria-current on its article, set in the DOM so the
// transcript stays server-rendered), follows it unless the reader scrolled away, seeks when a
// passage's time button (data-seek-ms, rendered by the server) is pressed, and opens at a link's
// moment (?t=65, ?t=1:05, a clip ?t=65,80 that stops at its end). The page is cached for everyone,
// so everything per reader (the link's moment) is read here, in the browser.
import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { clock, momentLabel } from '@/lib/media/moment';
import type { RecordingView } from '@/lib/data/dto';
import { cueIndexAt, type Cue } from './cues';
import { bringIntoView, watchReaderScrolling } from './follow';
import { useLinkedMoment } from './linked-moment';

interface RecordingPlayerProps {
  recording: RecordingView;
  /** Timed passages in start order. */
  cues: Cue[];
  /** A captions track for video: the document's WebVTT export. */
  captions?: { src: string; language: string };
}

const passageElement = (anchor: number) => document.getElementById(`p${anchor}`);

export function RecordingPlayer({ recording, cues, captions }: RecordingPlayerProps) {
  const media = useRef<HTMLMediaElement | null>(null);
  const clipEnd = useRef<number | null>(null);
  const follow = useRef<ReturnType<typeof watchReaderScrolling> | null>(null);
  const [current, setCurrent] = useState(-1);
  const moment = useLinkedMoment();

  const seek = useCallback((ms: number, play: boolean) => {
    const element = media.current;
    if (!element) return;
    element.currentTime = ms / 1000;
    if (play) void element.play().catch(() => {});
  }, []);

  // The passage being spoken: lit, and followed while playing unless the reader scrolled lately.
  useEffect(() => {
    const cue = cues[current];
    if (!cue) return;
    const element = passageElement(cue.anchor);
    element?.setAttribute('aria-current', 'true');
    if (element && !media.current?.paused && follow.current?.mayFollow()) bringIntoView(element);
    return () => element?.removeAttribute('aria-current');
  }, [cues, current]);

  useEffect(() => {
    follow.current = watchReaderScrolling();
    // A passage's time button, wherever it is on the page.
    const onClick = (event: MouseEvent) => {
      const button = (event.target as Element | null)?.closest<HTMLElement>('[data-seek-ms]');
      if (!button) return;
      clipEnd.current = null;
      seek(Number(button.dataset.seekMs), true);
    };
    document.addEventListener('click', onClick);
    return () => {
      document.removeEventListener('click', onClick);
      follow.current?.stop();
    };
  }, [seek]);

  // The link's moment: the player waits there (no sound before the reader presses play), and a clip stops at its end.
  useEffect(() => {
    if (!moment) return;
    clipEnd.current = moment.endMs;
    const element = media.current;
    const go = () => seek(moment.startMs, false);
    if (element && element.readyState >= 1) go();
    else element?.addEventListener('loadedmetadata', go, { once: true });
    return () => element?.removeEventListener('loadedmetadata', go);
  }, [moment, seek]);

  const onTimeUpdate = () => {
    const element = media.current;
    if (!element) return;
    const ms = element.currentTime * 1000;
    if (clipEnd.current !== null && ms >= clipEnd.current) {
      clipEnd.current = null;
      element.pause();
    }
    setCurrent(cueIndexAt(cues, ms));
  };

  const step = (by: 1 | -1) => {
    const next = current === -1 ? 0 : Math.min(cues.length - 1, Math.max(0, current + by));
    const cue = cues[next];
    if (!cue) return;
    clipEnd.current = null;
    seek(cue.startMs, true);
    setCurrent(next);
    const element = passageElement(cue.anchor);
    if (element) bringIntoView(element);
  };

  const toggle = () => {
    const element = media.current;
    if (!element) return;
    if (element.paused) void element.play().catch(() => {});
    else element.pause();
  };

  // Single keys only while the focus is in the player (WCAG 2.1.4): never while typing elsewhere, and
  // a screen reader's browse-mode keys never reach the page.
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const action = { k: toggle, j: () => step(-1), l: () => step(1) }[event.key.toLowerCase()];
    if (!action) return;
    event.preventDefault();
    action();
  };

  const mediaProps = {
    ref: (element: HTMLMediaElement | null) => {
      media.current = element;
    },
    controls: true,
    preload: 'metadata' as const,
    onTimeUpdate,
    onSeeked: onTimeUpdate,
    className: recording.kind === 'video' ? 'max-h-56 w-full rounded bg-black' : 'w-full',
  };
  const source = <source src={recording.src} {...(recording.type ? { type: recording.type } : {})} />;
  const spoken = cues[current];

  return (
    <section
      data-player
      aria-label="Recording"
      onKeyDown={onKeyDown}
      className="sticky top-0 z-10 -mx-3 mb-6 border-b border-stone-200 bg-stone-50/95 px-3 py-3 backdrop-blur dark:border-stone-800 dark:bg-stone-950/95"
    >
      {recording.kind === 'video' ? (
        <video {...mediaProps} aria-label="Video recording">
          {source}
          {captions && <track kind="captions" src={captions.src} srcLang={captions.language} label="Captions from the transcript" default />}
        </video>
      ) : (
        <audio {...mediaProps} aria-label="Audio recording">
          {source}
        </audio>
      )}
      <div className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-2 text-sm">
        <button type="button" className="button-secondary button-small" onClick={() => step(-1)}>
          ← Previous passage
        </button>
        <button type="button" className="button-secondary button-small" onClick={() => step(1)}>
          Next passage →
        </button>
        <span className="muted" data-testid="now-playing">
          {spoken ? `Passage ${spoken.anchor} at ${clock(spoken.startMs)}` : `${cues.length} timed passages`}
          {moment && (
            <>
              {' '}
              · Linked {moment.endMs === null ? 'moment' : 'clip'}: {momentLabel(moment)}
            </>
          )}
        </span>
      </div>
      <p className="mt-1 text-xs muted">
        Keys while the player has focus: <kbd>K</kbd> play or pause, <kbd>J</kbd> previous passage, <kbd>L</kbd> next passage.
      </p>
    </section>
  );
}
