// Small text helpers shared by the classifiers: comparison keys, words, sentences, dates.

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_ABBREVIATIONS = MONTHS.map((m) => m.slice(0, 3)).concat(['sept']);

export const MONTH_PATTERN =
  '(?:January|February|March|April|May|June|July|August|September|October|November|December|' +
  'Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?)';

export function isMonthName(word: string): boolean {
  const w = word.toLowerCase().replace(/\.$/, '');
  return MONTHS.includes(w) || MONTH_ABBREVIATIONS.includes(w);
}

/** Markdown emphasis and heading marks are layout, not words: ignore them when comparing blocks. */
export function stripMarkup(text: string): string {
  return text
    .replace(/^#{1,6}\s+/, '')
    .replace(/^(\*\*|__|\*|_)(.*)\1$/, '$2')
    .trim();
}

/** Key under which two blocks count as "the same text" despite quote style, case and spacing. */
export function compareKey(text: string): string {
  return stripMarkup(text)
    .toLowerCase()
    .replace(/[‘’‚‛′]/g, "'")
    .replace(/[“”„‟″]/g, '"')
    .replace(/[‐‑‒–—―]/g, '-')
    .replace(/\s+/g, ' ')
    .replace(/[\s.:;,]+$/, '')
    .trim();
}

/** Lower-case words with apostrophes unified, for overlap measures. */
export function wordsOf(text: string): string[] {
  return (
    text
      .toLowerCase()
      .replace(/[‘’]/g, "'")
      .match(/[\p{L}\p{N}]+(?:'[\p{L}\p{N}]+)*/gu) ?? []
  );
}

export function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/** True when the text ends like a finished sentence (closing quotes and brackets allowed after it). */
export function endsSentence(text: string): boolean {
  return /[.!?…]["'”’)\]*_]*$/.test(text.trim());
}

export function endsWithQuestionMark(text: string): boolean {
  return /\?["'”’)\]*_]*$/.test(text.trim());
}

const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'st',
  'jr',
  'sr',
  'prof',
  'gen',
  'col',
  'lt',
  'sen',
  'rep',
  'gov',
  'vs',
  'etc',
  'e.g',
  'i.e',
  'no',
  'vol',
  'u.s',
  'u.k',
  'u.n',
]);

/** Sentences, splitting after . ! ? … unless the period ends a known abbreviation or an initial. */
export function sentencesOf(text: string): string[] {
  const out: string[] = [];
  const re = /[.!?…]+["'”’)\]]*(?=\s+["“‘(\[]?[\p{Lu}\p{N}])/gu;
  let start = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const before = text.slice(start, m.index).split(/\s+/).pop() ?? '';
    const bare = before.toLowerCase().replace(/^["“‘(\[]+/, '');
    if (m[0].startsWith('.') && (ABBREVIATIONS.has(bare) || /^\p{Lu}$/u.test(bare) || /^(?:\p{L}\.)+\p{L}$/u.test(bare))) continue;
    const end = m.index + m[0].length;
    out.push(text.slice(start, end).trim());
    start = end;
  }
  const tail = text.slice(start).trim();
  if (tail) out.push(tail);
  return out;
}

/** A calendar date written in prose ("August 28, 2018", "28 August 2018", "Dec. 2016") as YYYY[-MM[-DD]]. */
export function findProseDate(text: string): string | null {
  const pad = (n: number) => String(n).padStart(2, '0');
  const monthIndex = (word: string) => {
    const w = word.toLowerCase().replace(/\.$/, '').slice(0, 3);
    return MONTHS.findIndex((m) => m.startsWith(w)) + 1;
  };
  let m = new RegExp(`\\b(${MONTH_PATTERN})\\s+(\\d{1,2}),?\\s+(\\d{4})\\b`).exec(text);
  if (m) return `${m[3]}-${pad(monthIndex(m[1]!))}-${pad(Number(m[2]))}`;
  m = new RegExp(`\\b(\\d{1,2})\\s+(${MONTH_PATTERN})\\s+(\\d{4})\\b`).exec(text);
  if (m) return `${m[3]}-${pad(monthIndex(m[2]!))}-${pad(Number(m[1]))}`;
  m = /\b(\d{4})-(\d{2})-(\d{2})\b/.exec(text);
  if (m) return `${m[1]}-${m[2]}-${m[3]}`;
  m = new RegExp(`\\b(${MONTH_PATTERN}),?\\s+(\\d{4})\\b`).exec(text);
  if (m) return `${m[2]}-${pad(monthIndex(m[1]!))}`;
  return null;
}

/** YYYY, YYYY-MM or YYYY-MM-DD naming a real period. */
export function isPartialDate(value: string): boolean {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (!m) return false;
  if (m[2] === undefined) return true;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return false;
  if (m[3] === undefined) return true;
  const day = Number(m[3]);
  return day >= 1 && day <= new Date(Date.UTC(Number(m[1]), month, 0)).getUTCDate();
}

/** Quotes the text for a note or a reason, shortened so a long paragraph stays readable. */
export function excerpt(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, ' ');
  return `"${flat.length > max ? `${flat.slice(0, max - 1)}…` : flat}"`;
}
