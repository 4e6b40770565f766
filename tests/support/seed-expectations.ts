// What the seed texts are, as the tests of the importer and of the seeded archive both expect them.

/** The seed interview's turns in reading order: three questions by Jeff Kim, each answered by Seongmin Lee. */
export const INTERVIEW_TURNS = [
  ['question', 'Jeff Kim'],
  ['answer', 'Seongmin Lee'],
  ['question', 'Jeff Kim'],
  ['answer', 'Seongmin Lee'],
  ['question', 'Jeff Kim'],
  ['answer', 'Seongmin Lee'],
] as const;

/** The seed essay as a document list shows it (the data layer's summary; the API's items add an address). */
export const ESSAY_SUMMARY = {
  slug: 'how-to-really-bring-change-to-north-korea',
  kind: 'essay',
  title: 'How to Really Bring Change to North Korea, My Home Country',
  subtitle: 'Sanctions don’t scare Kim Jong-un. The thought of his own people, educated and awakened, does.',
  publisher: 'The Diplomat',
  date: { iso: '2016-12', label: 'December 2016', precision: 'month', year: 2016 },
  participants: [{ slug: 'seongmin-lee', name: 'Seongmin Lee', role: 'author' }],
  passageCount: 12,
} as const;
