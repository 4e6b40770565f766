// A NUL in what a reader asks for (a hostile address, `?q=a%00b`) finds nothing or what the rest of the
// words find, on either engine: never an error. PostgreSQL's text cannot hold U+0000, and a statement
// given one fails; lib/db/postgres/lookup-values.ts reads it as U+FFFD in every lookup.
import { describe, expect, it } from 'vitest';
import { getPublishedDocument } from '@/lib/data/documents';
import { search, documentMatches } from '@/lib/data/search';
import { getSpeaker } from '@/lib/data/speakers';

const ESSAY = 'how-to-really-bring-change-to-north-korea';

describe('a NUL in a lookup', () => {
  it('finds no document, speaker or entry, and throws nothing', async () => {
    await expect(getPublishedDocument(`${ESSAY}\u0000`)).resolves.toBeNull();
    await expect(getPublishedDocument('\u0000')).resolves.toBeNull();
    await expect(getSpeaker('seongmin-lee\u0000')).resolves.toBeNull();
  });

  it('searches the other words of the query, in the archive and in one document', async () => {
    const plain = await search({ q: 'smuggling', page: 1, pageSize: 10 });
    expect(plain.total).toBeGreaterThan(0);
    const withNul = await search({ q: 'smuggling \u0000', page: 1, pageSize: 10 });
    expect(withNul.hits.map((h) => h.passageId)).toEqual(plain.hits.map((h) => h.passageId));
    await expect(search({ q: 'a\u0000b', page: 1, pageSize: 10 })).resolves.toBeDefined();
    await expect(search({ q: 'smuggling', speaker: 'seongmin-lee\u0000', page: 1, pageSize: 10 })).resolves.toMatchObject({ total: 0 });
    await expect(documentMatches(ESSAY, 'smuggling\u0000')).resolves.toBeDefined();
  });
});
