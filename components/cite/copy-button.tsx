'use client';
// Copies one citation's text. A real <button>, so Enter and Space work; the result is said in a live
// region. It appears only once the page is interactive: without JavaScript the text is there to select.
import { useState } from 'react';
import { useHydrated } from './hydrated';

export function CopyButton({ targetId, label }: { targetId: string; label: string }) {
  const hydrated = useHydrated();
  const [status, setStatus] = useState('');

  async function copy() {
    const target = document.getElementById(targetId);
    const text = target?.textContent ?? '';
    // Emptied first, so copying the same citation twice is announced twice.
    setStatus('');
    try {
      await navigator.clipboard.writeText(text);
      setStatus('Copied');
    } catch {
      // No clipboard (permission refused, an insecure origin): select the text for the reader to copy.
      if (target) window.getSelection()?.selectAllChildren(target);
      setStatus('Selected: press Ctrl+C or ⌘C to copy');
    }
  }

  return (
    <span className="flex items-center gap-3">
      <button type="button" onClick={copy} hidden={!hydrated} className="button-secondary button-small text-sm">
        Copy<span className="sr-only"> the {label} citation</span>
      </button>
      <span role="status" aria-live="polite" className="text-sm muted">
        {status}
      </span>
    </span>
  );
}
