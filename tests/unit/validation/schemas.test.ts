// The zod schemas at the boundaries: the documents filters, URL parameters, slugs and seed metadata.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { describeIssues, noParamsSchema, parseUrlParams, searchParamsRecord, slugSchema } from '@/lib/validation/common';
import { searchParamsToUrlQuery } from 'next/dist/shared/lib/router/utils/querystring';
import { documentFiltersSchema } from '@/lib/validation/document-filters';
import { seedMetadataSchema } from '@/lib/validation/seed-metadata';
import { slugParamSchema } from '@/lib/validation/slug-param';

/** The problems of a failed parse, as the API reports them. */
function problemsOf(input: unknown) {
  const result = documentFiltersSchema.safeParse(input);
  if (result.success) throw new Error(`expected ${JSON.stringify(input)} to be refused, got ${JSON.stringify(result.data)}`);
  return describeIssues(result.error);
}

// The two messages most parameters share: a number that is not plain digits, a date that is not a real date.
const NOT_DIGITS = 'must be a whole number written with the digits 0-9 only, like 2';
const NOT_A_DATE = 'must be a real date written YYYY, YYYY-MM or YYYY-MM-DD';

describe('documentFiltersSchema', () => {
  it('defaults to the newest first, page 1 of 20', () => {
    expect(documentFiltersSchema.parse({})).toEqual({ sort: 'newest', page: 1, pageSize: 20 });
  });

  it('accepts every filter at once and reads numbers from text', () => {
    const text = { speaker: 'seongmin-lee', topic: 'human-rights', kind: 'essay', from: '2016-12', to: '2018-08-28', sort: 'title' };
    expect(documentFiltersSchema.parse({ ...text, page: '2', pageSize: '5' })).toEqual({ ...text, page: 2, pageSize: 5 });
  });

  it('trims slugs and dates', () => {
    expect(documentFiltersSchema.parse({ speaker: '  seongmin-lee ', from: ' 2016 ' })).toMatchObject({ speaker: 'seongmin-lee', from: '2016' });
  });

  it.each([{ kind: 'essay' }, { kind: 'speech' }, { kind: 'testimony' }, { sort: 'oldest' }, { pageSize: '100' }, { page: '100000' }])('accepts %j', (input) =>
    expect(documentFiltersSchema.safeParse(input).success).toBe(true),
  );

  it.each([
    ['from and to the same day', { from: '2018-08-28', to: '2018-08-28' }],
    ['a month starting before a day inside it', { from: '2016-12', to: '2016-12-15' }],
    ['a day inside the month "to" names', { from: '2016-12-20', to: '2016-12' }],
    ['a year and a month inside it', { from: '2016', to: '2016-01' }],
  ])('accepts %s: %j', (_name, input) => {
    expect(documentFiltersSchema.safeParse(input).success).toBe(true);
  });

  it.each([
    [{ kind: 'poem' }, 'kind', 'must be one of interview, essay, speech, testimony'],
    [{ sort: 'random' }, 'sort', 'must be one of newest, oldest, title'],
    [{ from: '2016-13' }, 'from', NOT_A_DATE],
    [{ to: '2019-02-29' }, 'to', NOT_A_DATE],
    [{ from: 'yesterday' }, 'from', NOT_A_DATE],
    [{ page: '0' }, 'page', 'must be 1 or more'],
    [{ page: '100001' }, 'page', 'must be at most 100000'],
    [{ page: '9'.repeat(400) }, 'page', 'must be at most 100000'],
    [{ pageSize: '0o7' }, 'pageSize', NOT_DIGITS],
    [{ pageSize: '1000' }, 'pageSize', 'must be at most 100'],
    [{ pageSize: '101' }, 'pageSize', 'must be at most 100'],
    [{ topic: 'Bad Slug' }, 'topic', 'must be lowercase letters, digits and single hyphens, like "human-rights"'],
    [{ speaker: 'seongmin--lee' }, 'speaker', 'must be lowercase letters, digits and single hyphens, like "human-rights"'],
    [{ speaker: 'x'.repeat(121) }, 'speaker', 'must be at most 120 characters'],
    [{ from: '2018', to: '2016-12' }, 'from', 'must not be after "to"'],
    [{ from: '2017-01', to: '2016' }, 'from', 'must not be after "to"'],
    // An unreadable date beside a good one is its own problem, not a crash of the range check.
    [{ from: 'yesterday', to: '2016' }, 'from', NOT_A_DATE],
    [{ from: '2016', to: '2016-02-30' }, 'to', NOT_A_DATE],
  ])('refuses %j, naming %s: %s', (input, parameter, message) => {
    expect(problemsOf(input)).toEqual([{ parameter, message }]);
  });

  // Number() reads most of these; a page number is plain digits, so each is refused, not guessed at.
  it.each(['-3', '1.5', 'abc', '0x10', '1e3', ' 1', '1 ', '+1', '1.0', '0b11', 'Infinity', '١٢'])('refuses page=%j, naming page: not plain digits', (page) => {
    expect(problemsOf({ page })).toEqual([{ parameter: 'page', message: NOT_DIGITS }]);
  });

  it('refuses an unknown parameter and names it as the parameter at fault', () => {
    expect(problemsOf({ kind: 'essay', foo: '1' })).toEqual([{ parameter: 'foo', message: 'is not a known parameter' }]);
  });

  it('reports every bad parameter, not just the first', () => {
    expect(
      problemsOf({ kind: 'poem', page: '0', from: '2016-13' })
        .map((p) => p.parameter)
        .sort(),
    ).toEqual(['from', 'kind', 'page']);
  });
});

describe('parseUrlParams', () => {
  it('refuses a parameter given twice, naming it, rather than taking the first value', () => {
    const result = parseUrlParams(documentFiltersSchema, new URLSearchParams('page=1&page=2&kind=essay'));
    expect(result.success).toBe(false);
    expect(describeIssues(result.error!)).toEqual([{ parameter: 'page', message: 'is given more than once: give it once' }]);
  });

  it("refuses repeats in Next's searchParams object too, with the other parameters' problems", () => {
    const result = parseUrlParams(documentFiltersSchema, { topic: ['china', 'china'], kind: 'poem' });
    expect(describeIssues(result.error!)).toEqual([
      { parameter: 'topic', message: 'is given more than once: give it once' },
      { parameter: 'kind', message: 'must be one of interview, essay, speech, testimony' },
    ]);
  });

  it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty'])('refuses %j as an unknown parameter, like any other name', (name) => {
    const result = parseUrlParams(noParamsSchema, new URLSearchParams(`${name}=x`));
    expect(describeIssues(result.error!)).toEqual([{ parameter: name, message: 'is not a known parameter' }]);
    expect(describeIssues(parseUrlParams(documentFiltersSchema, new URLSearchParams(`${name}=x&kind=essay`)).error!)).toEqual([
      { parameter: name, message: 'is not a known parameter' },
    ]);
  });

  // ("__proto__=x" sets that object's prototype, so it never arrives at all: pages tolerate unknown names anyway.)
  it.each(['constructor=x', 'toString=x&q=a', 'constructor=a&constructor=b', 'hasOwnProperty=1&valueOf=2'])(
    "reads Next's own searchParams object for %j, where inherited names arrive mixed with functions",
    (query) => {
      const next = searchParamsToUrlQuery(new URLSearchParams(query)) as Record<string, string | string[]>;
      const result = parseUrlParams(noParamsSchema, next);
      expect(result.success).toBe(false);
      for (const { message } of describeIssues(result.error!)) expect(message).toMatch(/is not a known parameter|is given more than once/);
    },
  );

  it('lets a blank repeat pass, as a form with an empty field sends it', () => {
    expect(parseUrlParams(documentFiltersSchema, new URLSearchParams('page=&page=2')).data).toMatchObject({ page: 2 });
  });

  it('passes single values through the schema', () => {
    expect(parseUrlParams(documentFiltersSchema, new URLSearchParams('kind=essay&page=3')).data).toEqual({
      kind: 'essay',
      sort: 'newest',
      page: 3,
      pageSize: 20,
    });
  });

  it('refuses any parameter where none is taken', () => {
    expect(describeIssues(parseUrlParams(noParamsSchema, new URLSearchParams('limit=5')).error!)).toEqual([
      { parameter: 'limit', message: 'is not a known parameter' },
    ]);
    expect(parseUrlParams(noParamsSchema, new URLSearchParams('')).success).toBe(true);
  });
});

describe('searchParamsRecord', () => {
  it('reads URLSearchParams into single values, keeping the first of a repeated key (parseUrlParams refuses repeats)', () => {
    expect(searchParamsRecord(new URLSearchParams('kind=essay&kind=interview&page=2'))).toEqual({ kind: 'essay', page: '2' });
  });

  it('counts empty and blank values as absent, as a form submitted with blank fields sends them', () => {
    expect(searchParamsRecord(new URLSearchParams('speaker=&topic=%20%20&kind=essay&from='))).toEqual({ kind: 'essay' });
  });

  it("reads Next's searchParams object, taking the first of an array and dropping undefined", () => {
    expect(searchParamsRecord({ kind: 'essay', topic: ['human-rights', 'china'], speaker: undefined, from: '' })).toEqual({
      kind: 'essay',
      topic: 'human-rights',
    });
  });

  it('keeps a value as written, spaces included, for the schema to judge', () => {
    expect(searchParamsRecord(new URLSearchParams('topic=Bad+Slug'))).toEqual({ topic: 'Bad Slug' });
  });

  it('gives the documents filters their defaults for an empty form', () => {
    expect(documentFiltersSchema.parse(searchParamsRecord(new URLSearchParams('speaker=&topic=&kind=&from=&to=&page=')))).toEqual({
      sort: 'newest',
      page: 1,
      pageSize: 20,
    });
  });
});

describe('slugSchema and slugParamSchema', () => {
  it.each(['human-rights', 'seongmin-lee', 'a', '2018', 'x'.repeat(120)])('accept %j', (slug) => {
    expect(slugSchema.parse(slug)).toBe(slug);
    expect(slugParamSchema.parse({ slug })).toEqual({ slug });
  });

  it.each(['', 'Human-Rights', 'bad slug', '-leading', 'trailing-', 'double--hyphen', 'under_score', 'ünïcode', 'x'.repeat(121)])('refuse %j', (slug) => {
    expect(slugSchema.safeParse(slug).success).toBe(false);
    expect(slugParamSchema.safeParse({ slug }).success).toBe(false);
  });

  it('names the slug parameter when it refuses one', () => {
    const result = slugParamSchema.safeParse({ slug: 'Bad Slug' });
    expect(result.success).toBe(false);
    expect(describeIssues(result.error!)).toEqual([
      { parameter: 'slug', message: 'must be lowercase letters, digits and single hyphens, like "human-rights"' },
    ]);
  });
});

describe('seedMetadataSchema', () => {
  type Metadata = z.input<typeof seedMetadataSchema>;
  const metadata: Metadata = JSON.parse(readFileSync(path.resolve('seed/metadata.json'), 'utf8'));

  it('accepts seed/metadata.json: 2 speakers, 10 topics, 2 documents with 6 and 12 tagged passages', () => {
    const parsed = seedMetadataSchema.parse(metadata);
    expect(parsed.speakers.map((s) => s.slug)).toEqual(['seongmin-lee', 'jeff-kim']);
    expect(parsed.topics).toHaveLength(10);
    expect(parsed.documents.map((d) => [d.slug, d.kind, d.date, d.datePrecision, d.passageTopics.length])).toEqual([
      ['seongmin-lee-qa-part-2-us-relations-with-north-korea', 'interview', '2018-08-28', 'day', 6],
      ['how-to-really-bring-change-to-north-korea', 'essay', '2016-12', 'month', 12],
    ]);
  });

  it.each([
    ['a passage with four topics', (m: Metadata) => m.documents[0].passageTopics[0].topics.push('china', 'sanctions')],
    ['a passage with no topic', (m: Metadata) => (m.documents[1].passageTopics[3].topics = [])],
    ['a startsWith too short to guard anything', (m: Metadata) => (m.documents[0].passageTopics[1].startsWith = 'I think')],
    ['an impossible date', (m: Metadata) => (m.documents[0].date = '2018-02-30')],
    ['an unknown kind', (m: Metadata) => ((m.documents[1] as { kind: string }).kind = 'poem')],
    ['a file that is not a .txt', (m: Metadata) => (m.documents[1].file = '../etc/passwd')],
    ['a speaker slug with capitals', (m: Metadata) => (m.speakers[0].slug = 'Seongmin-Lee')],
  ])('refuses %s', (_name, corrupt: (m: Metadata) => unknown) => {
    const copy = structuredClone(metadata);
    corrupt(copy);
    expect(seedMetadataSchema.safeParse(copy).success).toBe(false);
  });
});
