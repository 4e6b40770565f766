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
