// Natural queries of the kind issue 9 is about, cycled to --queries.
export const NATURAL = [
  'how can I help North Koreans',
  'foreign movies',
  'police raids',
  'leader worship',
  'USB sticks',
  'nuclear program',
  'propaganda',
  'black market',
  'escaping across the border',
  'what happens to families of defectors',
  'why do sanctions not work',
  'life in a labour camp',
  'food shortages in the nineties',
  'trade with China',
  'how do people get news from outside',
  'religion in North Korea',
];
