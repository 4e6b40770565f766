// Finds people's names the text itself gives (byline, title, closing bio) and the initials they go by.
import { isMonthName } from './text';

// prettier-ignore
const NOT_NAME_WORDS = new Set([
  'the', 'a', 'an', 'and', 'of', 'in', 'on', 'at', 'for', 'with', 'to', 'by', 'from', 'part', 'q&a',
  'interview', 'essay', 'article', 'thoughts', 'about', 'how', 'why', 'what', 'who', 'my', 'our', 'your',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'president', 'mr', 'mrs',
  'ms', 'dr', 'prof', 'professor', 'sir', 'i', 'we', 'you', 'he', 'she', 'they', 'it', 'this', 'that',
  // Verbs and nouns that title case capitalises next to a name: "Jeff Kim Talks to Seongmin Lee".
  'talks', 'speaks', 'says', 'discusses', 'meets', 'interviews', 'remembers', 'recalls', 'reflects',
  'explains', 'shares', 'tells', 'answers', 'asks', 'writes', 'looks', 'returns', 'visits', 'joins',
  'conversation', 'conversations', 'dialogue', 'podcast', 'episode', 'transcript', 'chat', 'chats',
  'behind', 'beyond', 'inside', 'after', 'before', 'between', 'through', 'under', 'over', 'into', 'vs',
]);
const PARTICLES = new Set(['de', 'da', 'di', 'del', 'van', 'von', 'der', 'bin', 'al', 'ibn', 'dos', 'du', 'le', 'la']);

export function nameKey(name: string): string {
  return name.toLowerCase().replace(/[‘’]/g, "'").replace(/\s+/g, ' ').trim();
}

function isNameWord(word: string): boolean {
  return /^\p{Lu}[\p{L}'’-]*\p{Ll}$/u.test(word) && !NOT_NAME_WORDS.has(word.toLowerCase()) && !isMonthName(word);
}

/** Runs of 2–4 capitalised words ("Seongmin Lee", "Kim Jong-un") that could be a person's name. */
export function nameSequences(text: string): string[] {
  const found: string[] = [];
  let run: string[] = [];
  const flush = () => {
    while (run.length > 0 && PARTICLES.has(run[run.length - 1] ?? '')) run.pop();
    if (run.length >= 2 && run.length <= 4) found.push(run.join(' '));
    run = [];
  };
  for (const token of text.split(/\s+/)) {
    const m = /^(["“‘(]*)(.*?)((?:'s|’s)?["”’),.;:!?]*)$/u.exec(token);
    const lead = m?.[1] ?? '';
    const word = m?.[2] ?? token;
    const trail = m?.[3] ?? '';
    if (lead) flush();
    if (isNameWord(word) || (run.length > 0 && PARTICLES.has(word))) run.push(word);
    else flush();
    if (trail) flush();
  }
  flush();
  return [...new Set(found)];
}

/** Names after "by" in a byline: "Jeff Kim August 28, 2018 // 4 minute read" → ["Jeff Kim"]. */
export function bylineNames(afterBy: string): string[] {
  const names: string[] = [];
  let run: string[] = [];
  const flush = () => {
    if (run.length >= 1 && run.length <= 4) names.push(run.join(' '));
    run = [];
  };
  for (const token of afterBy.split(/\s+/)) {
    const word = token.replace(/[,;]$/, '');
    if (word === 'and' || word === '&') {
      flush();
      continue;
    }
    if (!(isNameWord(word) || /^\p{Lu}\.$/u.test(word)) || isMonthName(word)) break;
    run.push(word);
    if (word !== token) flush();
  }
  flush();
  return names.filter((n) => n.includes(' '));
}

/** "Jeff Kim is a …" / "Seongmin Lee was …" / "Jane Doe has …": the name a bio paragraph starts with. */
export function bioName(paragraph: string): string | null {
  const m = /^(\p{Lu}[\p{L}'’.-]*(?:\s+(?:\p{Lu}[\p{L}'’.-]*|de|da|di|del|van|von|der|bin|al|le|la)){1,3})\s+(?:is|was|has)\s/u.exec(paragraph);
  if (!m || !m[1]) return null;
  const words = m[1].split(/\s+/);
  if (NOT_NAME_WORDS.has((words[0] ?? '').toLowerCase())) return null;
  return m[1];
}

/** Every way the name could be abbreviated: "Kim Jong-un" → KJ, KJU; "John F. Kennedy" → JFK, JK. */
export function initialsOf(name: string): Set<string> {
  const words = name.split(/\s+/).filter(Boolean);
  const variants = new Set<string>();
  const first = (w: string) => w.charAt(0).toUpperCase();
  const capitalised = words.filter((w) => /^\p{Lu}/u.test(w));
  variants.add(words.map(first).join(''));
  variants.add(capitalised.map(first).join(''));
  variants.add(
    words
      .flatMap((w) => w.split('-'))
      .filter(Boolean)
      .map(first)
      .join(''),
  );
  if (capitalised.length > 2) variants.add(first(capitalised[0] ?? '') + first(capitalised[capitalised.length - 1] ?? ''));
  variants.delete('');
  return variants;
}

/** The parts of a name a label may use alone: "Jeff" or "Kim" for "Jeff Kim". */
export function namePartsOf(name: string): string[] {
  return name.split(/\s+/).filter((w) => /^\p{Lu}/u.test(w) && w.length > 1);
}
