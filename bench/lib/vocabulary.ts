// The word list of the synthetic archive, most frequent first: ~300 real English words (so that
// stemming, phrases and synonyms mean something) followed by ~30,000 pronounceable made-up words.
// Words are drawn by a Zipf law over this order, so a word's rank says how common it is.
import { stream, type Random } from './prng';

/** Common English words, roughly in order of frequency, then words of the archive's subjects. */
const REAL_WORDS = `
the of and to a in that is was he for it with as his on be at by i this had not are but from or have an
they which one you were her all she there would their we him been has when who will more no if out so said
what up its about into than them can only other new some could time these two may then do first any my now
such like our over man me even most made after also did many before must through back years where much your
way well down should because each just those people how too little state good very make world still own see
men work long get here between both life being under never day same another know while last might us great
old year off come since against go came right used take three
north korea korean koreans south china chinese border river government regime leader leaders leadership
family families children school education society civil economy economic market markets trade military army
soldier soldiers nuclear weapon weapons missile missiles test tests sanction sanctions sanctioned smuggle
smuggling smuggled smugglers negotiate negotiation negotiations negotiating human rights dignity freedom
liberty prison prisons camp camps escape escaped escaping refugee refugees information outside media radio
television letter letters security council united nations international policy policies summit talks
diplomacy diplomatic engagement pressure peace war history memory hunger famine food rice farm farmers
village villages city capital press free silent crossing lantern harbor amber winter spring summer autumn
mountain mountains journey dream dreams truth fear hope personality cult propaganda broadcast broadcasts
inspector inspectors crackdown crackdowns punishment punished labor labour worker workers factory factories
church religion faith mother father brother sister daughter son wife husband friend friends teacher students
university journalist journalists interview interviews question questions answer answers testimony speech
essay report reports commission inquiry abuses violations justice
defector defectors escapee escapees dprk nukes`;

export const REAL_WORD_LIST: readonly string[] = [...new Set(REAL_WORDS.split(/\s+/).filter(Boolean))];

const ONSETS = [
  'b',
  'c',
  'd',
  'f',
  'g',
  'h',
  'j',
  'k',
  'l',
  'm',
  'n',
  'p',
  'r',
  's',
  't',
  'v',
  'w',
  'z',
  'br',
  'cr',
  'dr',
  'fr',
  'gr',
  'pr',
  'tr',
  'st',
  'sk',
  'sl',
  'sp',
  'th',
  'sh',
  'ch',
];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'a', 'e', 'o', 'ai', 'ea', 'ou', 'io'];
const CODAS = ['', '', '', 'n', 'r', 'l', 'm', 'k', 't'];

/** Rare words planted into an exact number of passages (capped at the corpus size). No generated word can equal them. */
export const PLANTED_WORDS: readonly { word: string; count: number }[] = [
  { word: 'zyxquorlith', count: 1 },
  { word: 'vorpalstrand', count: 3 },
  { word: 'quillobrix', count: 10 },
  { word: 'mordavenkx', count: 30 },
  { word: 'thrumblewyck', count: 100 },
];

/**
 * Phrases planted into passages at a rate (a share of passages), written as they would appear in
 * text. Their words are in the vocabulary too, so they also occur apart, as in real prose.
 */
export const PLANTED_PHRASES: readonly { text: string; rate: number }[] = [
  { text: 'north korea', rate: 0.03 },
  { text: 'human rights', rate: 0.02 },
  { text: 'nuclear weapons', rate: 0.01 },
  { text: 'security council', rate: 0.005 },
  { text: 'united nations', rate: 0.004 },
  { text: 'Kim Jong-un', rate: 0.003 },
  { text: 'outside information', rate: 0.003 },
  { text: 'civil society', rate: 0.003 },
  { text: 'personality cult', rate: 0.002 },
  { text: 'free press', rate: 0.002 },
  { text: 'silent river crossing', rate: 0.001 },
  { text: 'state smuggling', rate: 0.0005 },
];

/** The seed archive's synonym groups, so the project's synonym expansion does real work in the benchmark. */
export const SYNONYM_GROUPS: string[][] = [
  ['north korea', 'dprk', "democratic people's republic of korea"],
  ['nuclear weapons', 'nukes', 'nuclear arms'],
  ['kim jong un', 'kim jong-un', 'kim jong eun'],
  ['defector', 'escapee'],
  ['united nations', 'u.n.'],
];

export interface Vocabulary {
  /** Every word, most frequent first. */
  words: string[];
  /** How many of the first words are real English. */
  realCount: number;
}

function syllable(rand: Random, last: boolean): string {
  const onset = ONSETS[Math.floor(rand() * ONSETS.length)];
  const vowel = VOWELS[Math.floor(rand() * VOWELS.length)];
  const coda = last || rand() < 0.3 ? CODAS[Math.floor(rand() * CODAS.length)] : '';
  return onset + vowel + coda;
}

export function buildVocabulary(seed: number, syntheticCount = 30_000): Vocabulary {
  const rand = stream(seed, 'vocabulary');
  const taken = new Set<string>([...REAL_WORD_LIST, ...PLANTED_WORDS.map((p) => p.word)]);
  const synthetic: string[] = [];
  while (synthetic.length < syntheticCount) {
    const syllables = 2 + Math.floor(rand() * 3);
    let word = '';
    for (let i = 0; i < syllables; i++) word += syllable(rand, i === syllables - 1);
    if (word.length < 4 || word.length > 12 || taken.has(word)) continue;
    taken.add(word);
    synthetic.push(word);
  }
  return { words: [...REAL_WORD_LIST, ...synthetic], realCount: REAL_WORD_LIST.length };
}

/** A made-up personal name part: two or three syllables, capitalised. */
export function namePart(rand: Random): string {
  const syllables = 2 + Math.floor(rand() * 2);
  let word = '';
  for (let i = 0; i < syllables; i++) word += syllable(rand, i === syllables - 1);
  return word[0].toUpperCase() + word.slice(1);
}
