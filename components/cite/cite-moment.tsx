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
  const address = moment ? `${citationPath}?format=chicago&t=${momentParam(moment)}` : null;
  // The answer for one address: its text, or null when the API could not give it.
  const [answer, setAnswer] = useState<{ address: string; text: string | null } | null>(null);

  useEffect(() => {
    if (!address) return;
    const controller = new AbortController();
    fetch(address, { signal: controller.signal })
      .then(async (response) => setAnswer({ address, text: response.ok ? (await response.text()).trim() : null }))
      // Said, not left "preparing" forever; a page left before the answer (aborted) says nothing.
      .catch(() => controller.signal.aborted || setAnswer({ address, text: null }));
    return () => controller.abort();
  }, [address]);
  const current = answer?.address === address ? answer : null;

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
        {current === null ? 'Preparing its citation…' : (current.text ?? "Its citation could not be prepared; the passage's own citation is on this page.")}
      </p>
    </LabelledSection>
  );
}
