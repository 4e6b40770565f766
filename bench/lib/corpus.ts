// A deterministic synthetic archive: N passages in documents of 5–60 passages, interviews
// (question and answer alternating between an interviewer and an interviewee), essays and speeches
// (paragraphs by one author), ~200 speakers, 20 topics, dates 1990–2026 at day, month or year
// precision, 90% of documents published. Words follow a Zipf law over buildVocabulary's order; a few
// rare words and phrases are planted at known frequencies so that hit counts can be checked.
import { parsePartialDate, type DatePrecision } from '@/lib/dates';
import { intBetween, logNormal, pick, sampleDistinct, stream, ZipfSampler, type Random } from './prng';
import { buildVocabulary, namePart, PLANTED_PHRASES, PLANTED_WORDS, type Vocabulary } from './vocabulary';

export const SPEAKER_COUNT = 200;
export const INTERVIEWER_COUNT = 30;
// prettier-ignore
export const TOPICS: readonly { slug: string; name: string }[] = [
  'Sanctions', 'Human rights', 'Denuclearization', 'Smuggling and markets', 'China', 'Outside information',
  'Personality cult', 'Engagement and diplomacy', 'Refugees', 'Food and famine', 'Military', 'Economy',
  'Education', 'Family separation', 'Religion', 'Labour camps', 'Women', 'Technology', 'Reunification', 'Culture',
].map((name) => ({ slug: name.toLowerCase().replace(/[^a-z]+/g, '-'), name }));

export const MIN_WORDS = 20;
export const MAX_WORDS = 400;

export interface CorpusSpeaker {
  id: number;
  slug: string;
  name: string;
}

export interface CorpusPassage {
  id: number;
  position: number;
  kind: 'question' | 'answer' | 'paragraph';
  speakerId: number;
  text: string;
  questionId: number | null;
  topicIds: number[];
}

export interface CorpusDocument {
  id: number;
  slug: string;
  kind: 'interview' | 'essay' | 'speech';
  title: string;
  status: 'published' | 'draft';
  date: string;
  publishedOn: string;
  publishedUntil: string;
  datePrecision: DatePrecision;
  participants: { speakerId: number; role: 'interviewer' | 'interviewee' | 'author' }[];
  passages: CorpusPassage[];
}

export interface CorpusPlan {
  n: number;
  seed: number;
  vocabulary: Vocabulary;
  speakers: CorpusSpeaker[];
  topics: { id: number; slug: string; name: string }[];
}

export interface CorpusStats {
  documents: number;
  publishedDocuments: number;
  passages: number;
  publishedPassages: number;
  words: number;
  meanWords: number;
  kinds: Record<string, number>;
  /** Passages holding each planted word or phrase: in all documents, and in published ones. */
  planted: Record<string, { all: number; published: number }>;
}

export function planCorpus(n: number, seed: number): CorpusPlan {
  const vocabulary = buildVocabulary(seed);
  const rand = stream(seed, 'speakers');
  const names = new Set<string>();
  const speakers: CorpusSpeaker[] = [];
  while (speakers.length < SPEAKER_COUNT) {
    const name = `${namePart(rand)} ${namePart(rand)}`;
    if (names.has(name)) continue;
    names.add(name);
    const id = speakers.length + 1;
    speakers.push({ id, name, slug: `${name.toLowerCase().replace(/[^a-z]+/g, '-')}` });
  }
  return { n, seed, vocabulary, speakers, topics: TOPICS.map((t, i) => ({ id: i + 1, ...t })) };
}

const capitalise = (word: string) => word[0].toUpperCase() + word.slice(1);

/** Generates the documents one at a time, in id order; `stats` is complete once the iteration ends. */
export function* generateCorpus(plan: CorpusPlan, stats: CorpusStats = emptyStats()): Generator<CorpusDocument> {
  const { n, seed, vocabulary } = plan;
  const words = vocabulary.words;
  const zipf = new ZipfSampler(words.length, 1.0);
  const titleZipf = new ZipfSampler(vocabulary.realCount - 100, 0.7);
  const rand = stream(seed, 'corpus');
  const plantRand = stream(seed, 'planted');
  const topicZipf = new ZipfSampler(plan.topics.length, 0.8);

  // Planted rare words: exact passage indexes chosen up front.
  const plantedAt = new Map<number, string[]>();
  for (const { word, count } of PLANTED_WORDS) {
    for (const index of sampleDistinct(plantRand, n, count)) plantedAt.set(index, [...(plantedAt.get(index) ?? []), word]);
  }
  const interviewers = plan.speakers.slice(0, INTERVIEWER_COUNT);
  const others = plan.speakers.slice(INTERVIEWER_COUNT);

  let passageIndex = 0;
  let documentId = 0;
  while (passageIndex < n) {
    documentId += 1;
    const roll = rand();
    const kind: CorpusDocument['kind'] = roll < 0.55 ? 'interview' : roll < 0.9 ? 'essay' : 'speech';
    const size = Math.min(intBetween(rand, 5, 60), n - passageIndex);
    const status: CorpusDocument['status'] = rand() < 0.9 ? 'published' : 'draft';
    const { date, precision } = randomDate(rand);
    const period = parsePartialDate(date)!;
    const title = makeTitle(rand, words, titleZipf, vocabulary.realCount);
    // A document keeps to 2–4 topics (some topics much bigger than others); its passages take 1–3 of them.
    const docTopics: number[] = [];
    for (let count = intBetween(rand, 2, 4); docTopics.length < count;) {
      let t = topicZipf.sample(rand) + 1;
      while (docTopics.includes(t)) t = (t % plan.topics.length) + 1;
      docTopics.push(t);
    }
    const participants: CorpusDocument['participants'] =
      kind === 'interview'
        ? [
            { speakerId: pick(rand, interviewers).id, role: 'interviewer' },
            { speakerId: pick(rand, others).id, role: 'interviewee' },
          ]
        : [{ speakerId: pick(rand, others).id, role: 'author' }];

    const passages: CorpusPassage[] = [];
    let lastQuestion: number | null = null;
    for (let position = 1; position <= size; position++) {
      const id = passageIndex + 1;
      let passageKind: CorpusPassage['kind'];
      let speakerId: number;
      let mean: number;
      if (kind === 'interview') {
        const isQuestion = position % 2 === 1;
        passageKind = isQuestion ? 'question' : 'answer';
        speakerId = participants[isQuestion ? 0 : 1].speakerId;
        mean = isQuestion ? 40 : 165;
      } else {
        passageKind = 'paragraph';
        speakerId = participants[0].speakerId;
        mean = 120;
      }
      const length = Math.max(MIN_WORDS, Math.min(MAX_WORDS, Math.round(logNormal(rand, mean, 0.6))));
      const tokens: string[] = [];
      for (let i = 0; i < length; i++) tokens.push(words[zipf.sample(rand)]);
      const planted: string[] = [];
      for (const word of plantedAt.get(passageIndex) ?? []) {
        tokens.splice(Math.floor(rand() * tokens.length), 0, word);
        planted.push(word);
      }
      for (const phrase of PLANTED_PHRASES) {
        if (plantRand() < phrase.rate) {
          tokens.splice(Math.floor(rand() * tokens.length), 0, ...phrase.text.split(' '));
          planted.push(phrase.text);
        }
      }
      const text = toProse(rand, tokens, passageKind === 'question');
      const topicCount = Math.min(docTopics.length, intBetween(rand, 1, 3));
      const topicIds = sampleDistinct(rand, docTopics.length, topicCount).map((i) => docTopics[i]);
      passages.push({
        id,
        position,
        kind: passageKind,
        speakerId,
        text,
        questionId: passageKind === 'answer' ? lastQuestion : null,
        topicIds,
      });
      if (passageKind === 'question') lastQuestion = id;

      stats.passages += 1;
      stats.words += tokens.length;
      stats.kinds[passageKind] = (stats.kinds[passageKind] ?? 0) + 1;
      if (status === 'published') stats.publishedPassages += 1;
      for (const p of new Set(planted)) {
        const entry = (stats.planted[p] ??= { all: 0, published: 0 });
        entry.all += 1;
        if (status === 'published') entry.published += 1;
      }
      passageIndex += 1;
    }
    stats.documents += 1;
    if (status === 'published') stats.publishedDocuments += 1;
    stats.meanWords = stats.words / stats.passages;
    const dashedTitle = title.toLowerCase().replace(/[^a-z0-9]+/g, '-');
    yield {
      id: documentId,
      slug: `${dashedTitle.replace(/^-|-$/g, '')}-${documentId}`,
      kind,
      title,
      status,
      date,
      publishedOn: period.start,
      publishedUntil: period.end,
      datePrecision: precision,
      participants,
      passages,
    };
  }
}

export function emptyStats(): CorpusStats {
  return { documents: 0, publishedDocuments: 0, passages: 0, publishedPassages: 0, words: 0, meanWords: 0, kinds: {}, planted: {} };
}

function randomDate(rand: Random): { date: string; precision: DatePrecision } {
  const year = intBetween(rand, 1990, 2026);
  const month = intBetween(rand, 1, 12);
  const day = intBetween(rand, 1, 28);
  const roll = rand();
  const pad = (x: number) => String(x).padStart(2, '0');
  if (roll < 0.6) return { date: `${year}-${pad(month)}-${pad(day)}`, precision: 'day' };
  if (roll < 0.9) return { date: `${year}-${pad(month)}`, precision: 'month' };
  return { date: String(year), precision: 'year' };
}

function makeTitle(rand: Random, words: string[], zipf: ZipfSampler, realCount: number): string {
  const count = intBetween(rand, 3, 8);
  const parts: string[] = [];
  for (let i = 0; i < count; i++) {
    // Mostly the subject words (real ranks 100..), now and then a made-up word, as in names of places.
    const word = rand() < 0.75 ? words[100 + zipf.sample(rand)] : words[realCount + Math.floor(rand() * 5000)];
    parts.push(i === 0 || word.length > 3 ? capitalise(word) : word);
  }
  return parts.join(' ');
}

/** Sentences of 6–24 words: capitalised, commas now and then, a full stop (a question mark in questions). */
function toProse(rand: Random, tokens: string[], question: boolean): string {
  const out: string[] = [];
  let i = 0;
  while (i < tokens.length) {
    const length = Math.min(tokens.length - i, intBetween(rand, 6, 24));
    const sentence = tokens.slice(i, i + length);
    i += length;
    const last = i >= tokens.length;
    sentence[0] = capitalise(sentence[0]);
    for (let k = 0; k < sentence.length - 1; k++) if (rand() < 0.07) sentence[k] += ',';
    sentence[sentence.length - 1] += question && last ? '?' : '.';
    out.push(sentence.join(' '));
  }
  return out.join(' ');
}
