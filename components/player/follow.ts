// Following the spoken passage without fighting the reader: the page scrolls to it only when the
// reader has not scrolled, wheeled, swiped or moved through the page by keys for a while.

/** How long the reader's own scrolling keeps the page where they put it. */
export const HANDS_OFF_MS = 5_000;

const SCROLL_KEYS = new Set(['PageUp', 'PageDown', 'Home', 'End', 'ArrowUp', 'ArrowDown', ' ']);

/** Starts watching; returns whether the page may follow now, and a function that stops watching. */
export function watchReaderScrolling(): { mayFollow: () => boolean; stop: () => void } {
  let last = -Infinity;
  const touched = () => {
    last = performance.now();
  };
  const key = (event: KeyboardEvent) => {
    const target = event.target as HTMLElement | null;
    // Keys in a field or on the player's own controls are not scrolling.
    if (target?.closest('input, textarea, select, audio, video, [data-player]')) return;
    if (SCROLL_KEYS.has(event.key)) touched();
  };
  const options = { passive: true } as const;
  window.addEventListener('wheel', touched, options);
  window.addEventListener('touchmove', touched, options);
  window.addEventListener('keydown', key);
  return {
    mayFollow: () => performance.now() - last > HANDS_OFF_MS,
    stop: () => {
      window.removeEventListener('wheel', touched);
      window.removeEventListener('touchmove', touched);
      window.removeEventListener('keydown', key);
    },
  };
}

/** Scrolls a passage into the middle of the view, gently unless the reader asked for less motion. */
export function bringIntoView(element: Element): void {
  const reduced = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  element.scrollIntoView({ block: 'center', behavior: reduced ? 'auto' : 'smooth' });
}
