// Queries at Unicode's edges, through the API route and the search the pages use: combining marks
// with no letter, scripts, emoji, NUL and direction marks. Each answers 200 or 400, never throws.
import { afterAll, describe, expect, it } from 'vitest';
import { GET } from '@/app/api/v1/search/route';
import { documentMatches, search } from '@/lib/data/search';
import { prisma } from '@/lib/db/client';

const ESSAY = 'how-to-really-bring-change-to-north-korea';
const NOTHING_TO_SEARCH = 'Type a word or a "phrase" to search for.';
const get = (rawQuery: string) => GET(new Request(`http://localhost/api/v1/search?${rawQuery}`));

afterAll(() => prisma.$disconnect());

// Words made only of combining marks: unicode61 folds them to nothing, so they are no word at all.
const MARKS_ONLY: [string, string][] = [
  ['acute accents', '\u0301\u0301\u0301'],
  ['Hebrew points', '\u05B0\u05B4\u05BC'],
  ['Devanagari vowel signs', '\u093E\u093F\u0940'],
  ['a combining enclosing circle', '\u20DD'],
  ['Thai vowel marks', '\u0E31\u0E34'],
];

describe('a query word made only of combining marks', () => {
  it.each(MARKS_ONLY)('%s: the API answers 200, saying there is nothing to search for', async (_name, marks) => {
    const response = await get(new URLSearchParams({ q: marks }).toString());
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ total: 0, hits: [], message: NOTHING_TO_SEARCH });
  });

  it.each(MARKS_ONLY)('%s: beside a real word, it is ignored and the word is searched', async (_name, marks) => {
    const body = await (await get(new URLSearchParams({ q: `sanctions ${marks}` }).toString())).json();
    expect(body.total).toBe(4);
    const alone = await (await get(new URLSearchParams({ q: `"${marks}" OR sanctions -${marks}` }).toString())).json();
    expect(alone.total).toBe(4);
  });

  it('the percent-encoded form from the issue answers 200', async () => {
    const response = await get('q=%CC%81%CC%81%CC%81');
    expect(response.status).toBe(200);
    expect((await response.json()).message).toBe(NOTHING_TO_SEARCH);
  });

  it.each(MARKS_ONLY)('%s: the reader’s in-document search finds nothing, without failing', async (_name, marks) => {
    expect(await documentMatches(ESSAY, marks)).toBeNull();
  });
});

describe('other edges of Unicode', () => {
  it.each<[string, string, number | null]>([
    ['a lone surrogate, percent-encoded', 'q=%ED%A0%80', 0],
    ['a lone high surrogate', `q=${encodeURIComponent('sanctions')}%ED%A0%80`, null],
    ['NUL inside a word', 'q=sanc%00tions', null],
    ['a right-to-left mark', `q=${encodeURIComponent('\u200Fsanctions\u200E')}`, 4],
    ['bidi overrides', `q=${encodeURIComponent('\u202Esanctions\u202C')}`, 4],
    ['emoji with modifiers', `q=${encodeURIComponent('👍🏽 👨‍👩‍👧')}`, 0],
    ['CJK', `q=${encodeURIComponent('北朝鮮 制裁')}`, 0],
    ['CJK outside the BMP', `q=${encodeURIComponent('𠀀𠀁')}`, 0],
    ['a misspelled word outside the BMP', `q=${encodeURIComponent('𠀀sanctons')}`, null],
    // "Korea" in Arabic: no word matches; the model may place it near the passages about Korea.
    ['Arabic with harakat', `q=${encodeURIComponent('كُوريا')}`, null],
    ['Hangul jamo', `q=${encodeURIComponent('가')}`, 0],
    ['Korean', `q=${encodeURIComponent('북한')}`, 0],
    ['a letter followed by 200 marks', `q=${encodeURIComponent(`a${'\u0301'.repeat(200)}`)}`, null],
    ['250 one-letter words', `q=${encodeURIComponent('a '.repeat(250))}`, null],
    ['250 words, half excluded', `q=${encodeURIComponent('korea -zq '.repeat(50))}`, null],
    ['private-use characters', `q=${encodeURIComponent('\uE000\uF8FF')}`, 0],
    ['noncharacters', `q=${encodeURIComponent('\uFFFE\uFFFF')}`, 0],
  ])('%s answers 200', async (_name, query, total) => {
    const response = await get(query);
    expect(response.status).toBe(200);
    const body = await response.json();
    if (total !== null) expect(body.total).toBe(total);
  });

  it('a query longer than 500 characters is a 400 naming q', async () => {
    const response = await get(`q=${'\u0301'.repeat(501)}`);
    expect(response.status).toBe(400);
    expect((await response.json()).problems).toEqual([{ parameter: 'q', message: expect.stringContaining('500') }]);
  });

  it('search itself never throws for a query the pages pass on', async () => {
    for (const q of [...MARKS_ONLY.map(([, m]) => m), '\u0000', '\uD800', 'a\uDC00b', '\u0301sanctions']) {
      await expect(search({ q, page: 1, pageSize: 10 })).resolves.toMatchObject({ total: expect.any(Number) });
    }
  });
});
