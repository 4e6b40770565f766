// A namesake of the seed's Seongmin Lee, made to be merged into him: "S. M. Lee", and an interview with
// both of them where the namesake holds two roles, so that the merge must keep one participant per role.
// The editorial tests on SQLite and on PostgreSQL merge it.
import type { Editor } from '@/lib/auth/editor';
import { createDocument, createSpeaker, type EditOptions } from '@/lib/editorial';

/** The seed's Seongmin Lee. */
export const LEE = 2;

/** Creates the namesake and "A Second Interview" (its first passage the namesake's, then Lee's lines). */
export async function createLeeNamesakeInterview(editor: Editor, options: EditOptions, leeSays: string[] = []) {
  const namesake = await createSpeaker(editor, { name: 'S. M. Lee', aliases: ['Lee', 'SL'] }, options);
  const interview = await createDocument(
    editor,
    {
      slug: 'a-second-interview',
      kind: 'interview',
      title: 'A Second Interview',
      date: '2020',
      participants: [
        { speakerId: namesake.id, role: 'interviewee' },
        { speakerId: LEE, role: 'interviewee' },
        { speakerId: namesake.id, role: 'translator' },
      ],
      passages: [
        { kind: 'paragraph', speakerId: namesake.id, text: 'Words of the second Lee.' },
        ...leeSays.map((text) => ({ kind: 'paragraph', speakerId: LEE, text })),
      ],
    },
    options,
  );
  return { namesake, interview };
}
