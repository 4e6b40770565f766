'use client';
// "Cite this clip": on a passage page opened with ?t= (a moment or clip of the recording), the
// citation with the clip's begin–end times. The page is cached for every reader, so the moment is
// read here from the address and the text asked of the citation API, which takes the same ?t=.
import { useEffect, useState } from 'react';
import { momentLabel, momentParam } from '@/lib/media/moment';
import { useLinkedMoment } from '@/components/player/linked-moment';
import { LabelledSection } from '@/components/labelled-section';

export function CiteMoment({ citationPath }: { citationPath: string }) {
  const moment = useLinkedMoment();
  const [text, setText] = useState('');

  useEffect(() => {
    if (!moment) return;
    const controller = new AbortController();
    fetch(`${citationPath}?format=chicago&t=${momentParam(moment)}`, { signal: controller.signal })
      .then((response) => (response.ok ? response.text() : ''))
      .then((body) => setText(body.trim()))
      .catch(() => {});
    return () => controller.abort();
  }, [citationPath, moment]);

  if (!moment) return null;
  return (
    <LabelledSection
      id="cite-moment"
      title={
        <>
          This {moment.endMs === null ? 'moment' : 'clip'}: <span className="font-mono tabular-nums">{momentLabel(moment)}</span>
        </>
      }
      className="mt-6 rounded-md border border-sky-300 p-4 dark:border-sky-700"
      headingClassName="text-lg font-semibold"
    >
      <p className="mt-2 font-serif" aria-live="polite">
        {text || 'Preparing its citation…'}
      </p>
    </LabelledSection>
  );
}
