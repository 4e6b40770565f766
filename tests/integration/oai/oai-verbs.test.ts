// /oai on the seeded archive, through the route handler itself: every verb, GET and POST, every
// error condition of OAI-PMH 2.0, paging by resumption token, and the Dublin Core of both seed
// documents. Every response is parsed by xmllint and checked against the protocol's structure.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { GET, POST } from '@/app/oai/route';
import { prisma } from '@/lib/db/client';
import { checkResponse, child, children, dcValues, OAI, requireXmllint, text, type El } from '@/tests/support/oai-xml';

// Identifiers and the base URL come from SITE_URL, read when lib/env is first imported: before the imports.
vi.hoisted(() => {
  process.env.SITE_URL = 'https://archive.example.org';
});

const HOST = 'archive.example.org';
const INTERVIEW = 'seongmin-lee-qa-part-2-us-relations-with-north-korea';
const ESSAY = 'how-to-really-bring-change-to-north-korea';
const id = (slug: string) => `oai:${HOST}:${slug}`;

beforeAll(() => requireXmllint());
afterAll(async () => {
  delete process.env.OAI_PAGE_SIZE;
  await prisma.$disconnect();
});

async function answer(response: Response) {
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('text/xml; charset=utf-8');
  expect(response.headers.get('cache-control')).toBe('no-store');
  const xml = await response.text();
  return { xml, ...checkResponse(xml) };
}

/** A GET with these arguments, in this order (repeats allowed). */
const get = (params: [string, string][] | Record<string, string>) =>
  GET(new Request(`https://archive.example.org/oai?${new URLSearchParams(params)}`)).then(answer);
const post = (body: string, type = 'application/x-www-form-urlencoded', url = 'https://archive.example.org/oai') =>
  POST(new Request(url, { method: 'POST', headers: { 'content-type': type }, body })).then(answer);

const codes = (r: { errors: { code: string }[] }) => r.errors.map((e) => e.code);
const headers = (list: El) => [...list.getElementsByTagNameNS(OAI, 'header')];
const identifiers = (list: El) => headers(list).map((h) => text(child(h, 'identifier')));
const setSpecs = (header: El) => children(header, OAI, 'setSpec').map(text);

describe('Identify', () => {
  it('describes the repository: its base URL from SITE_URL, persistent deletions, seconds granularity', async () => {
    const { body, request } = await get({ verb: 'Identify' });
    expect(text(child(body!, 'repositoryName'))).toBe('Interview Archive');
    expect(text(child(body!, 'baseURL'))).toBe('https://archive.example.org/oai');
    expect(text(child(body!, 'protocolVersion'))).toBe('2.0');
    expect(text(child(body!, 'adminEmail'))).toBe('webmaster@archive.example.org');
    expect(text(child(body!, 'deletedRecord'))).toBe('persistent');
    expect(text(child(body!, 'granularity'))).toBe('YYYY-MM-DDThh:mm:ssZ');
    expect(request.getAttribute('verb')).toBe('Identify');
    expect(text(request)).toBe('https://archive.example.org/oai');
    const description = body!.getElementsByTagNameNS('http://www.openarchives.org/OAI/2.0/oai-identifier', 'oai-identifier')[0];
    expect(text(description.getElementsByTagNameNS('http://www.openarchives.org/OAI/2.0/oai-identifier', 'repositoryIdentifier')[0])).toBe(HOST);

    // earliestDatestamp is a true lower bound of every datestamp given out.
    const earliest = text(child(body!, 'earliestDatestamp'));
    const { body: list } = await get({ verb: 'ListIdentifiers', metadataPrefix: 'oai_dc' });
    for (const header of headers(list!)) expect(text(child(header, 'datestamp')) >= earliest).toBe(true);
  });

  it('answers a POST with the arguments in a form-encoded body the same way', async () => {
    const viaPost = await post('verb=Identify');
    const viaGet = await get({ verb: 'Identify' });
    const strip = (xml: string) => xml.replace(/<responseDate>[^<]*<\/responseDate>/, '');
    expect(strip(viaPost.xml)).toBe(strip(viaGet.xml));
    const record = await post(`verb=GetRecord&metadataPrefix=oai_dc&identifier=${encodeURIComponent(id(ESSAY))}`);
    expect(dcValues(record.body!).date).toEqual(['2016-12']);
  });
});

describe('ListMetadataFormats', () => {
  it('offers oai_dc with its schema and namespace, for the repository and for one item', async () => {
    for (const params of [{ verb: 'ListMetadataFormats' }, { verb: 'ListMetadataFormats', identifier: id(INTERVIEW) }] as Record<string, string>[]) {
      const { body } = await get(params);
      const formats = children(body!, OAI, 'metadataFormat');
      expect(formats.map((f) => text(child(f, 'metadataPrefix')))).toEqual(['oai_dc']);
      expect(text(child(formats[0], 'schema'))).toBe('http://www.openarchives.org/OAI/2.0/oai_dc.xsd');
      expect(text(child(formats[0], 'metadataNamespace'))).toBe('http://www.openarchives.org/OAI/2.0/oai_dc/');
    }
  });

  it('says idDoesNotExist for an identifier that is not an item here, echoing the arguments', async () => {
    for (const identifier of [id('no-such-document'), `oai:another.example:${ESSAY}`, ESSAY, `${id(ESSAY)}/`]) {
      const response = await get({ verb: 'ListMetadataFormats', identifier });
      expect(codes(response)).toEqual(['idDoesNotExist']);
      expect(response.request.getAttribute('identifier')).toBe(identifier);
    }
  });
});

describe('ListSets', () => {
  it('lists the kinds and every topic, under the parent sets kind and topic, with names', async () => {
    const { body } = await get({ verb: 'ListSets' });
    const sets = new Map(children(body!, OAI, 'set').map((s) => [text(child(s, 'setSpec')), text(child(s, 'setName'))]));
    expect(sets.get('kind')).toBe('Documents by kind');
    expect(sets.get('kind:interview')).toBe('Interviews');
    expect(sets.get('kind:essay')).toBe('Essays');
    expect(sets.get('topic')).toBe('Documents by topic');
    const topics = await prisma.topic.findMany({ select: { slug: true, name: true } });
    expect(topics.length).toBeGreaterThan(5);
    for (const topic of topics) expect(sets.get(`topic:${topic.slug}`)).toBe(topic.name);
    expect(body!.getElementsByTagNameNS('http://purl.org/dc/elements/1.1/', 'description').length).toBeGreaterThan(0);
  });

  it('issues no resumption tokens, so any token is a badResumptionToken', async () => {
    expect(codes(await get({ verb: 'ListSets', resumptionToken: 'abc' }))).toEqual(['badResumptionToken']);
  });
});

describe('GetRecord: Dublin Core of the seed documents', () => {
  it('gives the interview its interviewer and interviewee as contributors with their roles, its day, its topics', async () => {
    const { body } = await get({ verb: 'GetRecord', identifier: id(INTERVIEW), metadataPrefix: 'oai_dc' });
    const record = child(body!, 'record')!;
    const header = child(record, 'header')!;
    expect(header.getAttribute('status')).toBeNull();
    expect(text(child(header, 'identifier'))).toBe(id(INTERVIEW));
    expect(setSpecs(header)).toContain('kind:interview');
    expect(setSpecs(header)).toContain('topic:human-rights');
    const dc = dcValues(record);
    expect(dc.title).toEqual(['Seongmin Lee Q&A Part 2: Thoughts on U.S. Relations with North Korea']);
    expect(dc.creator).toBeUndefined();
    expect(dc.contributor).toEqual(['Jeff Kim (interviewer)', 'Seongmin Lee (interviewee)']);
    expect(dc.date).toEqual(['2018-08-28']);
    expect(dc.publisher).toEqual(['George W. Bush Institute']);
    expect(dc.type).toEqual(['Text', 'Interview']);
    expect(dc.language).toEqual(['en']);
    const source = 'https://www.bushcenter.org/publications/articles/2018/08/seongmin-lee-north-korea-part2.html';
    expect(dc.identifier).toEqual([`https://archive.example.org/documents/${INTERVIEW}`, source]);
    expect(dc.source).toEqual([source]);
    const topics = await prisma.topic.findMany({
      where: { passages: { some: { passage: { document: { slug: INTERVIEW } } } } },
      select: { name: true, slug: true },
    });
    expect([...dc.subject].sort()).toEqual(topics.map((t) => t.name).sort());
    expect(
      setSpecs(header)
        .filter((s) => s.startsWith('topic:'))
        .sort(),
    ).toEqual(topics.map((t) => `topic:${t.slug}`).sort());
  });

  it('gives the essay its author as creator, its month as "2016-12" (never the first of December), its subtitle', async () => {
    const { body } = await get({ verb: 'GetRecord', identifier: id(ESSAY), metadataPrefix: 'oai_dc' });
    const dc = dcValues(child(body!, 'record')!);
    expect(dc.creator).toEqual(['Seongmin Lee']);
    expect(dc.contributor).toBeUndefined();
    expect(dc.date).toEqual(['2016-12']);
    expect(dc.title).toEqual([
      'How to Really Bring Change to North Korea, My Home Country: Sanctions don’t scare Kim Jong-un. The thought of his own people, educated and awakened, does.',
    ]);
    expect(dc.type).toEqual(['Text', 'Essay']);
    expect(dc.publisher).toEqual(['The Diplomat']);
    expect(dc.identifier[0]).toBe(`https://archive.example.org/documents/${ESSAY}`);
  });

  it('refuses an unknown item, an unknown format, or both, each with its own error', async () => {
    expect(codes(await get({ verb: 'GetRecord', identifier: id('nothing-here'), metadataPrefix: 'oai_dc' }))).toEqual(['idDoesNotExist']);
    expect(codes(await get({ verb: 'GetRecord', identifier: id(ESSAY), metadataPrefix: 'marc21' }))).toEqual(['cannotDisseminateFormat']);
    expect(codes(await get({ verb: 'GetRecord', identifier: 'x', metadataPrefix: 'marc21' }))).toEqual(['idDoesNotExist', 'cannotDisseminateFormat']);
    const echoed = await get({ verb: 'GetRecord', identifier: id(ESSAY), metadataPrefix: 'marc21' });
    expect(echoed.request.getAttribute('metadataPrefix')).toBe('marc21');
  });
});

describe('ListIdentifiers and ListRecords', () => {
  const documents = () => prisma.document.findMany({ where: { status: 'published', deletedAt: null }, select: { slug: true }, orderBy: { slug: 'asc' } });

  it('gives every published document once, in one response at the default page size', async () => {
    const expected = (await documents()).map((d) => id(d.slug));
    for (const verb of ['ListIdentifiers', 'ListRecords']) {
      const { body } = await get({ verb, metadataPrefix: 'oai_dc' });
      expect(identifiers(body!)).toEqual(expected);
      expect(child(body!, 'resumptionToken')).toBeUndefined();
    }
  });

  it('pages by resumption token (OAI_PAGE_SIZE=1): cursor and completeListSize, an empty token at the end', async () => {
    process.env.OAI_PAGE_SIZE = '1';
    try {
      const expected = (await documents()).map((d) => id(d.slug));
      expect(expected.length).toBe(2);
      for (const verb of ['ListIdentifiers', 'ListRecords']) {
        const seen: string[] = [];
        let response = await get({ verb, metadataPrefix: 'oai_dc', set: 'kind' });
        for (let page = 0; ; page++) {
          expect(page).toBeLessThan(5);
          seen.push(...identifiers(response.body!));
          const token = child(response.body!, 'resumptionToken')!;
          expect(token.getAttribute('completeListSize')).toBe('2');
          expect(token.getAttribute('cursor')).toBe(String(page));
          if (text(token) === '') break;
          response = await get({ verb, resumptionToken: text(token) });
          expect(response.request.getAttribute('resumptionToken')).toBe(text(token));
        }
        expect(seen).toEqual(expected);
      }
    } finally {
      delete process.env.OAI_PAGE_SIZE;
    }
  });

  it('harvests selectively by set, parent sets included', async () => {
    const list = async (set: string) => identifiers((await get({ verb: 'ListIdentifiers', metadataPrefix: 'oai_dc', set })).body!);
    expect(await list('kind:essay')).toEqual([id(ESSAY)]);
    expect(await list('kind:interview')).toEqual([id(INTERVIEW)]);
    expect((await list('kind')).sort()).toEqual([id(ESSAY), id(INTERVIEW)].sort());
    const tagged = await prisma.document.findMany({
      where: { passages: { some: { topics: { some: { topic: { slug: 'human-rights' } } } } } },
      select: { slug: true },
      orderBy: { slug: 'asc' },
    });
    expect(tagged.length).toBeGreaterThan(0);
    expect(await list('topic:human-rights')).toEqual(tagged.map((d) => id(d.slug)));
    expect(codes(await get({ verb: 'ListIdentifiers', metadataPrefix: 'oai_dc', set: 'topic:no-such-topic' }))).toEqual(['noRecordsMatch']);
    expect(codes(await get({ verb: 'ListIdentifiers', metadataPrefix: 'oai_dc', set: 'kind: essay' }))).toEqual(['badArgument']);
  });

  it('harvests selectively by from and until, inclusive, at day or seconds granularity', async () => {
    const { body } = await get({ verb: 'ListIdentifiers', metadataPrefix: 'oai_dc' });
    const stamps = headers(body!).map((h) => text(child(h, 'datestamp')));
    const latest = [...stamps].sort().at(-1)!;
    const count = async (args: Record<string, string>) => {
      const r = await get({ verb: 'ListIdentifiers', metadataPrefix: 'oai_dc', ...args });
      return r.errors.length ? r.errors.map((e) => e.code).join() : identifiers(r.body!).length;
    };
    expect(await count({ from: latest })).toBe(stamps.filter((s) => s >= latest).length);
    expect(await count({ until: latest })).toBe(stamps.length);
    expect(await count({ from: latest, until: latest })).toBe(stamps.filter((s) => s === latest).length);
    expect(await count({ from: latest.slice(0, 10), until: latest.slice(0, 10) })).toBe(stamps.filter((s) => s.startsWith(latest.slice(0, 10))).length);
    expect(await count({ from: '2999-01-01' })).toBe('noRecordsMatch');
    expect(await count({ until: '1999-12-31T23:59:59Z' })).toBe('noRecordsMatch');
  });
});

describe('error conditions', () => {
  it.each<[string, [string, string][], string[]]>([
    ['no verb', [['metadataPrefix', 'oai_dc']], ['badVerb']],
    ['an unknown verb', [['verb', 'ListEverything']], ['badVerb']],
    ['a verb in the wrong case', [['verb', 'identify']], ['badVerb']],
    [
      'a repeated verb',
      [
        ['verb', 'Identify'],
        ['verb', 'Identify'],
      ],
      ['badVerb'],
    ],
    [
      'an argument the verb does not take',
      [
        ['verb', 'Identify'],
        ['metadataPrefix', 'oai_dc'],
      ],
      ['badArgument'],
    ],
    [
      'an unknown argument',
      [
        ['verb', 'ListSets'],
        ['foo', 'bar'],
      ],
      ['badArgument'],
    ],
    [
      'a repeated argument',
      [
        ['verb', 'ListRecords'],
        ['metadataPrefix', 'oai_dc'],
        ['metadataPrefix', 'oai_dc'],
      ],
      ['badArgument'],
    ],
    ['a missing metadataPrefix', [['verb', 'ListRecords']], ['badArgument']],
    [
      'a missing identifier',
      [
        ['verb', 'GetRecord'],
        ['metadataPrefix', 'oai_dc'],
      ],
      ['badArgument'],
    ],
    [
      'an empty value',
      [
        ['verb', 'GetRecord'],
        ['metadataPrefix', 'oai_dc'],
        ['identifier', ''],
      ],
      ['badArgument'],
    ],
    [
      'a NUL in a value',
      [
        ['verb', 'GetRecord'],
        ['metadataPrefix', 'oai_dc'],
        ['identifier', 'oai:x:\u0000'],
      ],
      ['badArgument'],
    ],
    [
      'a control character in a value',
      [
        ['verb', 'ListRecords'],
        ['metadataPrefix', 'oai\u0007dc'],
      ],
      ['badArgument'],
    ],
    [
      'resumptionToken with other arguments',
      [
        ['verb', 'ListRecords'],
        ['metadataPrefix', 'oai_dc'],
        ['resumptionToken', 'x'],
      ],
      ['badArgument'],
    ],
    [
      'an unknown format',
      [
        ['verb', 'ListRecords'],
        ['metadataPrefix', 'oai_marc'],
      ],
      ['cannotDisseminateFormat'],
    ],
    [
      'from and until of different granularities',
      [
        ['verb', 'ListRecords'],
        ['metadataPrefix', 'oai_dc'],
        ['from', '2018-01-01'],
        ['until', '2019-01-01T00:00:00Z'],
      ],
      ['badArgument'],
    ],
    [
      'from after until',
      [
        ['verb', 'ListIdentifiers'],
        ['metadataPrefix', 'oai_dc'],
        ['from', '2019-01-02'],
        ['until', '2019-01-01'],
      ],
      ['badArgument'],
    ],
    [
      'a date that does not exist',
      [
        ['verb', 'ListIdentifiers'],
        ['metadataPrefix', 'oai_dc'],
        ['from', '2018-02-30'],
      ],
      ['badArgument'],
    ],
    [
      'a finer granularity than seconds',
      [
        ['verb', 'ListIdentifiers'],
        ['metadataPrefix', 'oai_dc'],
        ['from', '2018-01-01T00:00:00.000Z'],
      ],
      ['badArgument'],
    ],
    [
      'a time without its zone',
      [
        ['verb', 'ListIdentifiers'],
        ['metadataPrefix', 'oai_dc'],
        ['until', '2018-01-01T00:00:00'],
      ],
      ['badArgument'],
    ],
    [
      'a token this repository did not issue',
      [
        ['verb', 'ListRecords'],
        ['resumptionToken', 'not-a-token'],
      ],
      ['badResumptionToken'],
    ],
  ])('%s', async (_what, params, expected) => {
    const response = await get(params);
    expect(codes(response)).toEqual(expected);
    if (expected.includes('badVerb') || expected.includes('badArgument')) expect(response.request.attributes.length).toBe(0);
    else expect(response.request.getAttribute('verb')).toBe(params.find(([n]) => n === 'verb')![1]);
  });

  it('refuses a token altered by a byte, one issued for the other verb, and one forged with a bad query', async () => {
    process.env.OAI_PAGE_SIZE = '1';
    try {
      const first = await get({ verb: 'ListIdentifiers', metadataPrefix: 'oai_dc' });
      const token = text(child(first.body!, 'resumptionToken'));
      expect(token).not.toBe('');
      const altered = token.slice(0, 5) + (token[5] === 'A' ? 'B' : 'A') + token.slice(6);
      expect(codes(await get({ verb: 'ListIdentifiers', resumptionToken: altered }))).toEqual(['badResumptionToken']);
      expect(codes(await get({ verb: 'ListRecords', resumptionToken: token }))).toEqual(['badResumptionToken']);
      const { encodeToken } = await import('@/lib/oai/resumption-token');
      const forged = encodeToken({ verb: 'ListIdentifiers', metadataPrefix: 'oai_dc', from: '2018-13-01', after: 'a' });
      expect(codes(await get({ verb: 'ListIdentifiers', resumptionToken: forged }))).toEqual(['badResumptionToken']);
    } finally {
      delete process.env.OAI_PAGE_SIZE;
    }
  });

  it('refuses a POST that is not form-encoded, or that puts its arguments in the address', async () => {
    expect(codes(await post('{"verb":"Identify"}', 'application/json'))).toEqual(['badArgument']);
    expect(codes(await post('verb=Identify', 'application/x-www-form-urlencoded', 'https://archive.example.org/oai?verb=Identify'))).toEqual(['badArgument']);
    expect(codes(await post(`verb=Identify&x=${'a'.repeat(20_000)}`))).toEqual(['badArgument']);
    expect(codes(await post('verb=Identify&verb=ListSets'))).toEqual(['badVerb']);
  });
});
