// One line of cue text as words: WebVTT's voice tag read for its speaker, every other tag (<i>, <c.x>,
// <00:01.000>, SRT's <font>) and SSA override codes ({\an8}) removed, character references decoded.
import { normalizeLine } from '../normalize';

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', lrm: '', rlm: '' };

function decodeReferences(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[ref.toLowerCase()] ?? whole;
  });
}

/** `<v Jeff Kim>`, `<v.loud Jeff Kim>`: the voice a cue line starts with (after an optional dash). */
const VOICE_AT_START = /^(?:-\s*)?(?:<(?!v[\s.])[^>]*>)*<v(?:\.[^\s>]*)?[ \t]+([^>]+)>/i;

/** Where a voice tag opens: a line with two voices is two speakers' words. */
const VOICE_OPENING = /<v(?:\.[^\s>]*)?[ \t]+[^>]+>/gi;

/**
 * The tags captions use for formatting, removed: WebVTT's (i, b, u, c, v, lang, ruby, rt, and inline
 * timestamps like <00:01.000>) and SRT's <font>. Anything else in angle brackets ("<laughs>",
 * "a < b or c > d") is what the transcript says, and stays.
 */
const FORMATTING_TAG = /<\/?(?:i|b|u|c|v|lang|ruby|rt|font)(?:[.\s][^>]*)?>|<(?:\d{1,2}:)?\d{2}:\d{2}\.\d{3}>/gi;

export interface CueLineText {
  text: string;
  voice: string | null;
  dash: boolean;
}

function oneVoice(raw: string): CueLineText {
  const voice = VOICE_AT_START.exec(raw.trim())?.[1];
  const text = normalizeLine(decodeReferences(raw.replace(FORMATTING_TAG, '').replace(/\{\\[^}]*\}/g, '')));
  const dash = /^-\s/.test(text);
  return { text: dash ? text.replace(/^-\s+/, '') : text, voice: voice ? normalizeLine(decodeReferences(voice)) || null : null, dash };
}

/**
 * A cue line's words, one piece per voice: `<v Ann>Hi</v> <v Bob>Hello</v>` is Ann's "Hi" and Bob's
 * "Hello", never both Ann's.
 */
export function cueLineTexts(raw: string): CueLineText[] {
  const openings = [...raw.matchAll(VOICE_OPENING)]
    .map((m) => m.index!)
    .filter((at) => at > 0 && /[\p{L}\p{N}]/u.test(raw.slice(0, at).replace(FORMATTING_TAG, '')));
  const cuts = [0, ...openings, raw.length];
  return cuts.slice(0, -1).map((start, i) => oneVoice(raw.slice(start, cuts[i + 1])));
}
