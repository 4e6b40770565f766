// Recognises a speaker label at the start of a paragraph ("JK:", "**Jeff Kim:**", "Q:") without judging who it is.
import type { ImportRole } from './types';

export interface LabelMatch {
  /** The label as written, without bold marks or colon. */
  label: string;
  /** The paragraph after the label; empty when the label stands alone on its line. */
  rest: string;
  /**
   * A name in capitals alone on its line, with no colon ("JEFF KIM", the turn on the lines below).
   * A heading can look the same, so it is a label only where the document writes its turns this way
   * (see caps-labels.ts); elsewhere it is read as text.
   */
  capsLine?: true;
}

// Words that end in a colon in ordinary prose and site chrome; they are never speakers.
// prettier-ignore
const NOT_SPEAKERS = new Set([
  'note', 'notes', "editor's note", 'editors note', 'update', 'updated', 'correction', 'clarification',
  'source', 'sources', 'photo', 'photos', 'image', 'images', 'caption', 'credit', 'credits', 'photo credit',
  'related', 'related articles', 'related article', 'related stories', 'related posts', 'related content',
  'up next', 'read more', 'read next', 'read also', 'see also', 'more', 'also', 'share', 'share this',
  'tags', 'tag', 'topics', 'topic', 'category', 'categories', 'filed under', 'posted', 'published',
  'date', 'time', 'location', 'place', 'title', 'subtitle', 'author', 'authors', 'by', 'summary', 'abstract',
  'keywords', 'warning', 'disclaimer', 'disclosure', 'ps', 'p.s', 'nb', 'n.b', 'example', 'examples',
  'listen', 'watch', 'transcript', 'advertisement', 'sponsored', 'comments', 'follow', 'follow us',
  'subscribe', 'email', 'print', 'tweet', 'http', 'https', 'www', 'faq', 'bio', 'about', 'contact',
  'menu', 'home', 'search', 'features', 'recent features', 'editor', 'translator', 'translation',
  'trigger warning', 'content warning', 'important', 'reminder', 'tip', 'hint', 'quote', 'epigraph',
  'postscript', 'addendum', 'appendix', 'conclusion', 'introduction', 'background', 'context', 'result',
  'results', 'lesson', 'moral', 'verdict', 'status', 'warning signs', 'bottom line', 'key takeaways',
]);

// A label cannot start with these: "The problem: …", "In short: …" are prose.
// prettier-ignore
const NOT_FIRST_WORDS = new Set([
  'the', 'this', 'that', 'these', 'those', 'my', 'our', 'your', 'his', 'her', 'their', 'its', 'in', 'on',
  'at', 'for', 'from', 'to', 'and', 'but', 'or', 'so', 'if', 'when', 'why', 'how', 'what', 'who', 'where',
  'step', 'part', 'chapter', 'section', 'day', 'week', 'rule', 'lesson', 'one', 'two', 'first', 'second',
  'finally', 'however', 'still', 'yes', 'no', 'well', 'now', 'then', 'here', 'there', 'it', 'we', 'they',
  'he', 'she', 'i', 'you', 'all', 'some', 'every', 'each', 'translated', 'written', 'edited',
]);
const PARTICLES = new Set(['de', 'da', 'di', 'del', 'der', 'den', 'van', 'von', 'la', 'le', 'bin', 'al', 'el', 'ibn', 'dos', 'du']);

const ROLE_LABELS: Record<string, ImportRole> = {
  Q: 'interviewer',
  QUESTION: 'interviewer',
  INTERVIEWER: 'interviewer',
  A: 'interviewee',
  ANSWER: 'interviewee',
  INTERVIEWEE: 'interviewee',
  RESPONDENT: 'interviewee',
};

/** Case- and dot-insensitive key: "j.k." and "JK" are the same label. */
export function labelKey(label: string): string {
  return label.toUpperCase().replace(/\./g, '').replace(/\s+/g, ' ').trim();
}

/** The role a generic label stands for ("Q" → interviewer), or null for a personal label. */
export function roleOfLabel(label: string): ImportRole | null {
  return ROLE_LABELS[labelKey(label)] ?? null;
}

/** A label in a script without capitals, which has no initials and names its speaker as written. */
export function isCaselessName(label: string): boolean {
  return /^[\p{Lo}\p{Lm}]+(?: [\p{Lo}\p{Lm}]+)*$/u.test(label);
}

/** "JK", "J.K.", "SL": a label that can only be someone's initials. */
export function isInitials(label: string): boolean {
  return /^(?:\p{Lu}\.?){1,4}$/u.test(label);
}

function isLabelShape(label: string): boolean {
  if (label.length === 0 || label.length > 40) return false;
  const words = label.split(' ');
  if (words.length > 4) return false;
  const first = words[0] ?? '';
  if (NOT_FIRST_WORDS.has(first.toLowerCase()) && !roleOfLabel(label)) return false;
  if (NOT_SPEAKERS.has(label.toLowerCase().replace(/[’]/g, "'").replace(/\.$/, ''))) return false;
  // Lower-case initials ("jk:") come from chat logs; they still need a hint or two uses to count.
  if (words.length === 1 && /^\p{Ll}{1,4}$/u.test(first)) return true;
  return words.every((word, i) => {
    if (/^(?:\p{Lu}\.?){1,4}$/u.test(word)) return true;
    if (/^\p{Lu}[\p{L}'’.-]*$/u.test(word) && !/\.\p{L}{2,}/u.test(word)) return true;
    // Scripts without capitals (Hangul, Han, Kana…): "이성민:" is a name label as it stands.
    if (/^[\p{Lo}\p{Lm}]+$/u.test(word)) return true;
    return i > 0 && i < words.length - 1 && PARTICLES.has(word);
  });
}

/**
 * A label at the very start of a paragraph, in the forms people paste: `JK: text`, `Jeff Kim: text`,
 * `**JK:** text`, `**JK**: text`, `__JK:__ text`, or the label alone (`JK:`) with the text below it.
 */
export function parseLabel(paragraph: string): LabelMatch | null {
  let s = paragraph;
  let bold: string | null = null;
  if (s.startsWith('**') || s.startsWith('__')) {
    bold = s.slice(0, 2);
    s = s.slice(2);
  }
  const m = /^([^:*_\n]{1,40}?)\s*(\*\*|__)?\s*:(?!\/\/)\s*(\*\*|__)?/u.exec(s);
  if (!m) return null;
  // The label's own marks close before or after the colon ("**JK**:", "**JK:**"); bold marks after
  // a label that is already closed, or never opened, start the text ("XY: **Bold** text").
  const boldText = m[3] !== undefined && (bold ? m[2] === bold : m[2] === undefined);
  if (bold ? !(m[2] === bold || (m[2] === undefined && m[3] === bold)) : m[2] !== undefined) return null;
  const label = (m[1] ?? '').trim();
  if (!isLabelShape(label)) return null;
  const end = boldText ? m[0].length - (m[3]?.length ?? 0) : m[0].length;
  return { label, rest: s.slice(end).trim() };
}

// Section numbers ("II", "IV") are capitals alone on a line too, and never anyone's label.
const ROMAN_NUMERAL = /^[IVXLCDM]+\.?$/;

/**
 * `JEFF KIM` (or `**JEFF KIM**`) alone on its line: a name in capitals, label-shaped, two letters or
 * more (a lone "A" or "I" is a word), with no colon. Whether it is a turn is decided later.
 */
export function parseCapsLine(paragraph: string): LabelMatch | null {
  const bold = /^(\*\*|__)(.+)\1$/u.exec(paragraph);
  const label = (bold ? (bold[2] ?? '') : paragraph).trim();
  if (!/^\p{Lu}[\p{Lu}\p{M}'’. -]*$/u.test(label) || (label.match(/\p{Lu}/gu) ?? []).length < 2) return null;
  if (ROMAN_NUMERAL.test(label) || !isLabelShape(label)) return null;
  return { label, rest: '', capsLine: true };
}
