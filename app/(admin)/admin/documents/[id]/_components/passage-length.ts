// Refuses an over-long passage text in the browser, before it is sent: past the server action body
// limit the request would fail as a whole, and the editor would lose the page and what they typed.
import { useState, type FormEvent } from 'react';
import { PASSAGE_TEXT_MAX } from '@/lib/validation/limits';

/** What to tell the editor when the text is longer than a passage takes, else null. */
export function passageTextProblem(text: FormDataEntryValue | null): string | null {
  if (typeof text !== 'string') return null;
  const length = text.replace(/\r\n?/g, '\n').trim().length;
  if (length <= PASSAGE_TEXT_MAX) return null;
  return (
    `The text is ${length.toLocaleString('en')} characters long; a passage takes at most ${PASSAGE_TEXT_MAX.toLocaleString('en')} characters. ` +
    'Nothing was sent, and your text is still in the box: split it into several passages.'
  );
}

/** A form's onSubmit that stops an over-long text, and the message to show while it stands. */
export function usePassageLengthGuard(): [string | undefined, (event: FormEvent<HTMLFormElement>) => void] {
  const [problem, setProblem] = useState<string>();
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const found = passageTextProblem(new FormData(event.currentTarget).get('text'));
    setProblem(found ?? undefined);
    // Prevented, React does not run the form's action: nothing is sent, and the form is not reset.
    if (found) event.preventDefault();
  };
  return [problem, onSubmit];
}
