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

export function cueLineText(raw: string): { text: string; voice: string | null; dash: boolean } {
  const voice = VOICE_AT_START.exec(raw.trim())?.[1];
  const text = normalizeLine(decodeReferences(raw.replace(/<[^>]*>/g, '').replace(/\{\\[^}]*\}/g, '')));
  const dash = /^-\s/.test(text);
  return { text: dash ? text.replace(/^-\s+/, '') : text, voice: voice ? normalizeLine(decodeReferences(voice)) || null : null, dash };
}
