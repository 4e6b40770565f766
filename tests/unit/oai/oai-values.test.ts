// The values OAI-PMH requests carry: UTCdatetime bounds at both granularities, identifiers, setSpecs,
// and resumption tokens, which must come back exactly as issued and refuse anything else.
import { describe, expect, it } from 'vitest';
import { parseBound, parseRange, utcDatetime } from '@/lib/oai/datestamps';
import { isDomainName, oaiIdentifier, slugOfIdentifier } from '@/lib/oai/identifiers';
import { decodeToken, encodeToken } from '@/lib/oai/resumption-token';
import { inSet, SET_SPEC, setsOf } from '@/lib/oai/sets';

describe('UTCdatetime', () => {
  it('reads real dates and times only, day bounds covering the whole day', () => {
    expect(parseBound('2020-02-29', 'from')).toEqual({ seconds: Date.UTC(2020, 1, 29) / 1000, granularity: 'day' });
    expect(parseBound('2020-02-29', 'until')).toEqual({ seconds: Date.UTC(2020, 1, 29) / 1000 + 86_399, granularity: 'day' });
    expect(parseBound('2018-08-28T23:59:59Z', 'from')).toEqual({ seconds: Date.UTC(2018, 7, 28, 23, 59, 59) / 1000, granularity: 'seconds' });
    for (const bad of [
      '2019-02-29',
      '2018-13-01',
      '2018-00-10',
      '2018-08-28T24:00:00Z',
      '2018-08-28T12:60:00Z',
      '2018-08-28T12:00:60Z',
      '0099-01-01',
      '2018-8-28',
      '2018-08-28T12:00Z',
      ' 2018-08-28',
      '2018-08-28T12:00:00+00:00',
    ]) {
      expect(parseBound(bad, 'from'), bad).toBeNull();
    }
  });

  it('refuses mixed granularities and a from after until, and gives seconds without milliseconds', () => {
    expect(parseRange('2018-01-01', '2018-01-01T00:00:00Z')).toMatchObject({ code: 'badArgument' });
    expect(parseRange('2018-01-02', '2018-01-01')).toMatchObject({ code: 'badArgument' });
    expect(parseRange('2018-01-01', '2018-01-01')).not.toHaveProperty('code');
    expect(utcDatetime(new Date(Date.UTC(2026, 11, 2, 7, 5, 9, 999)))).toBe('2026-12-02T07:05:09Z');
  });
});

describe('identifiers and sets', () => {
  it('reads back only its own identifiers, with a real slug', () => {
    expect(slugOfIdentifier('archive.example.org', oaiIdentifier('archive.example.org', 'a-b-1'))).toBe('a-b-1');
    for (const other of ['oai:other.example:a-b', 'oai:archive.example.org:', 'oai:archive.example.org:A-B', 'oai:archive.example.org:a/b', 'a-b']) {
      expect(slugOfIdentifier('archive.example.org', other), other).toBeNull();
    }
    expect(isDomainName('archive.example.org')).toBe(true);
    expect(isDomainName('localhost')).toBe(false);
  });

  it('puts a record in its kind and topic sets and their parents, and nowhere else', () => {
    const record = { kind: 'essay', topics: ['china', 'human-rights'] };
    expect(setsOf(record)).toEqual(['kind:essay', 'topic:china', 'topic:human-rights']);
    for (const set of ['kind', 'kind:essay', 'topic', 'topic:china']) expect(inSet(record, set), set).toBe(true);
    for (const set of ['kind:interview', 'topic:chin', 'kin', 'topic:china:x']) expect(inSet(record, set), set).toBe(false);
    expect(SET_SPEC.test('topic:human-rights')).toBe(true);
    expect(SET_SPEC.test('topic:')).toBe(false);
    expect(SET_SPEC.test('kind essay')).toBe(false);
  });
});

describe('resumption tokens', () => {
  it('gives back what it was made of, and nothing for a token cut, altered or made up', () => {
    const state = { verb: 'ListRecords' as const, metadataPrefix: 'oai_dc', set: 'kind:essay', from: '2018-01-01', after: 'how-to' };
    const token = encodeToken(state);
    expect(token).toMatch(/^[A-Za-z0-9_.-]+$/);
    expect(decodeToken(token)).toEqual(state);
    expect(decodeToken(token.slice(0, -1))).toBeNull();
    expect(decodeToken(token.slice(1))).toBeNull();
    expect(decodeToken(`${token}x`)).toBeNull();
    expect(decodeToken('')).toBeNull();
    const payload = Buffer.from(JSON.stringify({ v: 1, ...state, after: 'other' })).toString('base64url');
    expect(decodeToken(`${payload}.${token.split('.')[1]}`)).toBeNull();
  });
});
