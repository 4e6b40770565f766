// Highlighted text made safe: everything the archive stores is escaped, and the only markup is the
// <mark> pairs FTS5 put (as control-character sentinels) around matches.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeHtml, MARK_CLOSE, MARK_OPEN, markedHtml, markedRuns } from '@/lib/search/marks';

const O = MARK_OPEN;
const C = MARK_CLOSE;

/** The inverse of escapeHtml, for round trips. */
const unescapeHtml = (html: string) =>
  html.replace(/&(amp|lt|gt|quot|#39);/g, (_m, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[name]!);

/** Every tag in an HTML string, in order. */
const tagsOf = (html: string) => html.match(/<[^>]*>/g) ?? [];

/** True when the tags are only <mark> and </mark>, alternating, opened first and all closed. */
const wellFormedMarks = (html: string) => {
  const tags = tagsOf(html);
  return tags.length % 2 === 0 && tags.every((tag, i) => tag === (i % 2 === 0 ? '<mark>' : '</mark>'));
};

// Text without the sentinels, from every corner of Unicode and from HTML's special characters.
const htmlish = fc
  .array(fc.constantFrom('<', '>', '&', '"', "'", '<img src=x onerror=alert(1)>', '<mark>', '</mark>', '&amp;', '&lt;', 'text', ' ', 'é', '🙂'), {
    maxLength: 20,
  })
  .map((parts) => parts.join(''));
const plainText = fc.oneof(fc.string({ unit: 'binary', maxLength: 60 }), htmlish).map((s) => s.replaceAll(O, '').replaceAll(C, ''));

// Up to six [plain, marked] pairs of such text, the marked run never empty, as FTS5 marks matches.
const markedSegments = fc.array(
  fc.tuple(
    plainText,
    plainText.filter((s) => s.length > 0),
  ),
  { maxLength: 6 },
);
/** The stored-text form of the pairs: each marked run between the sentinels. */
const withSentinels = (pairs: [string, string][]) => pairs.map(([plain, marked]) => `${plain}${O}${marked}${C}`).join('');
// Such text with stray sentinel characters among it.
const textWithStraySentinels = fc.array(fc.oneof(plainText, fc.constantFrom(O, C)), { maxLength: 12 }).map((parts) => parts.join(''));

/** Checks that `check` passes for 500 drawn inputs, not the default 100: escaping is where a rare input would do harm. */
const checkOften = <T>(inputs: fc.Arbitrary<T>, check: (input: T) => void) => fc.assert(fc.property(inputs, check), { numRuns: 500 });

describe('escapeHtml', () => {
  it.each([
    ['&', '&amp;'],
    ['<', '&lt;'],
    ['>', '&gt;'],
    ['"', '&quot;'],
    ["'", '&#39;'],
    ['<img src=x onerror=alert(1)>', '&lt;img src=x onerror=alert(1)&gt;'],
    ['&lt;', '&amp;lt;'],
    ['Kim Jong-un’s “sword”', 'Kim Jong-un’s “sword”'],
  ])('%j → %j', (text, html) => {
    expect(escapeHtml(text)).toBe(html);
  });
});

describe('markedHtml', () => {
  it.each([
    ['talks of sanctions', 'talks of sanctions'],
    [`talks of ${O}sanctions${C}`, 'talks of <mark>sanctions</mark>'],
    [`${O}state smuggling${C} and ${O}smuggling${C}`, '<mark>state smuggling</mark> and <mark>smuggling</mark>'],
    [`<img src=x onerror=alert(1)> ${O}word${C}`, '&lt;img src=x onerror=alert(1)&gt; <mark>word</mark>'],
    [`${O}<script>${C}`, '<mark>&lt;script&gt;</mark>'],
    [`<mark>${O}x${C}</mark>`, '&lt;mark&gt;<mark>x</mark>&lt;/mark&gt;'],
    [`"quoted" & 'single'`, '&quot;quoted&quot; &amp; &#39;single&#39;'],
    ['', ''],
  ])('%j → %j', (text, html) => {
    expect(markedHtml(text)).toBe(html);
  });

  it('escapes any text without sentinels completely: no tag at all, and it reads back as the text', () => {
    checkOften(plainText, (text) => {
      const html = markedHtml(text);
      expect(html).not.toMatch(/[<>"']/);
      expect(unescapeHtml(html)).toBe(text);
    });
  });

  it('wraps exactly the marked runs of any text in <mark>, escaped inside and out', () => {
    checkOften(fc.tuple(markedSegments, plainText), ([pairs, tail]) => {
      const text = withSentinels(pairs) + tail;
      const expected = pairs.map(([plain, marked]) => `${escapeHtml(plain)}<mark>${escapeHtml(marked)}</mark>`).join('') + escapeHtml(tail);
      expect(markedHtml(text)).toBe(expected);
      expect(wellFormedMarks(markedHtml(text))).toBe(true);
    });
  });

  it('makes only well-formed <mark> pairs even when the stored text itself holds a sentinel character', () => {
    // The importer keeps sparse control characters (under 1% of a text), U+0002 and U+0003 among them.
    expect(wellFormedMarks(markedHtml(`A stray ${O} before the ${O}okapi${C}.`))).toBe(true);
    expect(wellFormedMarks(markedHtml(`A stray ${C} before the ${O}okapi${C}.`))).toBe(true);
    checkOften(textWithStraySentinels, (text) => {
      expect(wellFormedMarks(markedHtml(text))).toBe(true);
    });
  });
});

describe('markedRuns', () => {
  it.each<[string, { text: string; marked: boolean }[]]>([
    ['plain', [{ text: 'plain', marked: false }]],
    [
      `talks of ${O}sanctions${C}.`,
      [
        { text: 'talks of ', marked: false },
        { text: 'sanctions', marked: true },
        { text: '.', marked: false },
      ],
    ],
    [
      `${O}a${C}${O}b${C}`,
      [
        { text: 'a', marked: true },
        { text: 'b', marked: true },
      ],
    ],
    [
      `<img src=x> ${O}<b>${C}`,
      [
        { text: '<img src=x> ', marked: false },
        { text: '<b>', marked: true },
      ],
    ],
    [`stray ${O} open`, [{ text: 'stray  open', marked: false }]],
    [
      `stray ${C} close ${O}x${C}`,
      [
        { text: 'stray  close ', marked: false },
        { text: 'x', marked: true },
      ],
    ],
    ['', []],
  ])('%j', (text, runs) => {
    expect(markedRuns(text)).toEqual(runs);
  });

  it('gives back the marked runs of any text, and never a sentinel character', () => {
    checkOften(markedSegments, (pairs) => {
      const text = withSentinels(pairs);
      const expected = pairs.flatMap(([plain, marked]) => [...(plain ? [{ text: plain, marked: false }] : []), { text: marked, marked: true }]);
      expect(markedRuns(text)).toEqual(expected);
    });
    checkOften(textWithStraySentinels, (text) => {
      for (const run of markedRuns(text)) expect(run.text).not.toMatch(/[\u0002\u0003]/);
    });
  });
});
