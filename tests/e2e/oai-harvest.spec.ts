// A real OAI-PMH harvester against the running production server: Perl's HTTP::OAI (Debian's
// libhttp-oai-perl) runs Identify, ListSets, ListRecords following every resumption token, and
// GetRecord (tests/e2e/support/oai-harvest.pl). The server is `npm start`'s own path
// (scripts/start.ts) on a database of its own, with OAI_PAGE_SIZE=2 and three more documents
// imported through the real importer (`npm run import -- … --publish`), so five documents come in
// three pages. What the harvester got is checked against the read API of the same server.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { SCRIPT_NODE_ARGS } from '../../scripts/node-args';
import { startOwnServer, type OwnServer } from './support/own-server';

const ROOT = path.resolve(import.meta.dirname, '../..');
const WORK = path.join(ROOT, 'data/e2e-oai');
const PAGE_SIZE = 2;

interface HarvestedRecord {
  identifier: string;
  datestamp: string;
  status: string;
  sets: string[];
  dc: Record<string, string[]>;
}
interface Harvest {
  identify: Record<string, string | string[]>;
  sets: { spec: string; name: string }[];
  records: HarvestedRecord[];
  pages: { records: number; token: string | null; cursor: string | null; completeListSize: string | null }[];
  getRecord: HarvestedRecord;
}

const IMPORTS: { file: string; kind: string; text: string }[] = [
  {
    file: 'market-interview.txt',
    kind: 'interview',
    text: `---
title: What the Market Sold
date: 2020-03
publisher: Harvest Test Press
source: https://example.org/harvest/market-interview
speakers: { HK: Hana Kwon, MR: Min Ryu }
interviewer: Hana Kwon
interviewee: Min Ryu
---
HK: What did the market in your town sell?

MR: Rice, batteries, and films on USB sticks hidden under the rice.

HK: Who bought the films?

MR: Everyone who could hide them from the inspectors.
`,
  },
  {
    file: 'letters-essay.txt',
    kind: 'essay',
    text: `---
title: Letters That Never Arrived
date: 2019
author: Pat Moss
---
The letters were written every spring and none of them arrived.

Years later the envelopes were found in a drawer at the post office.
`,
  },
  {
    file: 'border-essay.txt',
    kind: 'essay',
    text: `---
title: The River in Winter
date: 2021-01-15
author: Pat Moss
---
In winter the river froze hard enough to walk across at night.
`,
  },
];

let server: OwnServer | null = null;
let port = 0;

function requirePerlHarvester(): void {
  const probe = spawnSync('perl', ['-MHTTP::OAI', '-MJSON::PP', '-e', '1'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    throw new Error(
      `The OAI-PMH harvester test needs perl with HTTP::OAI: install it with \`apt-get install -y libhttp-oai-perl\` (Debian). ${probe.error?.message ?? probe.stderr.trim()}`,
    );
  }
}

// SITE_URL unset: identifiers are oai:localhost:<slug> and the base URL http://localhost:<port>/oai.
const { SITE_URL: _site, ...inherited } = process.env;
const ARCHIVE_ENV = { DATABASE_URL: 'file:./data/e2e-oai/archive.db', OAI_PAGE_SIZE: String(PAGE_SIZE), SEARCH_EMBED_ON_START: 'off' };

test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({}, testInfo) => {
  testInfo.setTimeout(300_000);
  requirePerlHarvester();
  rmSync(WORK, { recursive: true, force: true });
  mkdirSync(WORK, { recursive: true });
  server = await startOwnServer({ env: { ...ARCHIVE_ENV, SITE_URL: undefined }, log: path.join(WORK, 'server.log'), readyPath: '/oai?verb=Identify' });
  port = server.port;
  for (const { file, kind, text } of IMPORTS) {
    writeFileSync(path.join(WORK, file), text);
    const run = spawnSync(process.execPath, [...SCRIPT_NODE_ARGS, 'scripts/import.ts', path.join(WORK, file), '--kind', kind, '--publish'], {
      cwd: ROOT,
      env: { ...inherited, ...ARCHIVE_ENV },
      encoding: 'utf8',
    });
    expect(run.status, `npm run import ${file}: ${run.stderr}${run.stdout}`).toBe(0);
  }
});

test.afterAll(async () => {
  await server?.stop();
});

async function api<T>(pathname: string): Promise<T> {
  const response = await fetch(`http://127.0.0.1:${port}${pathname}`);
  expect(response.status, pathname).toBe(200);
  return (await response.json()) as T;
}

interface ApiDocument {
  slug: string;
  kind: string;
  title: string;
  subtitle: string | null;
  publisher: string | null;
  sourceUrl: string | null;
  language: string;
  url: string;
  date: { iso: string };
  participants: { name: string; role: string }[];
  passages: { topics: { slug: string; name: string }[] }[];
}

test('a Perl HTTP::OAI harvester gets every published document exactly once, with its Dublin Core, across resumption tokens', async ({}, testInfo) => {
  testInfo.setTimeout(120_000);
  const run = spawnSync('perl', [path.join(ROOT, 'tests/e2e/support/oai-harvest.pl'), `http://127.0.0.1:${port}/oai`], { encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(0);
  const harvest = JSON.parse(run.stdout) as Harvest;

  // Identify, as the harvester read it.
  expect(harvest.identify).toMatchObject({
    repositoryName: 'Interview Archive',
    baseURL: `http://localhost:${port}/oai`,
    protocolVersion: '2.0',
    deletedRecord: 'persistent',
    granularity: 'YYYY-MM-DDThh:mm:ssZ',
  });
  const sets = new Map(harvest.sets.map((s) => [s.spec, s.name]));
  expect(sets.get('kind:interview')).toBe('Interviews');
  expect(sets.get('topic:human-rights')).toBe('Human rights');

  // Every published document, once: the API's list is the reference.
  const list = await api<{ items: { slug: string }[]; total: number }>('/api/v1/documents?pageSize=100');
  expect(list.total).toBe(5);
  const identifiers = harvest.records.map((r) => r.identifier);
  expect(new Set(identifiers).size).toBe(identifiers.length);
  expect([...identifiers].sort()).toEqual(list.items.map((d) => `oai:localhost:${d.slug}`).sort());

  // Three pages of at most two, each token with its cursor and the list's size. The last page ends the
  // list with an empty token, which HTTP::OAI reports as no token at all (its attributes are checked
  // in tests/integration/oai/oai-verbs.test.ts).
  expect(harvest.pages.map((p) => p.records)).toEqual([2, 2, 1]);
  expect(harvest.pages.map((p) => p.cursor)).toEqual(['0', '2', null]);
  expect(harvest.pages.map((p) => p.completeListSize)).toEqual(['5', '5', null]);
  expect(harvest.pages.at(-1)!.token).toBeNull();

  // Each record's Dublin Core against the same document read through the API.
  for (const record of harvest.records) {
    const document = await api<ApiDocument>(`/api/v1/documents/${record.identifier.split(':').at(-1)}`);
    expect(record.status).toBe('');
    expect(record.sets).toContain(`kind:${document.kind}`);
    const dc = record.dc;
    expect(dc.title).toEqual([document.subtitle ? `${document.title}: ${document.subtitle}` : document.title]);
    expect(dc.date).toEqual([document.date.iso]);
    expect(dc.creator ?? []).toEqual(document.participants.filter((p) => p.role === 'author').map((p) => p.name));
    expect(dc.contributor ?? []).toEqual(document.participants.filter((p) => p.role !== 'author').map((p) => `${p.name} (${p.role})`));
    expect(dc.identifier).toEqual([document.url, ...(document.sourceUrl ? [document.sourceUrl] : [])]);
    expect(dc.publisher ?? []).toEqual(document.publisher ? [document.publisher] : []);
    expect(dc.language).toEqual([document.language]);
    expect(dc.type).toEqual(['Text', document.kind === 'interview' ? 'Interview' : 'Essay']);
    const topics = new Map(document.passages.flatMap((p) => p.topics).map((t) => [t.slug, t.name]));
    expect([...(dc.subject ?? [])].sort()).toEqual([...topics.values()].sort());
    expect(record.sets.filter((s) => s.startsWith('topic:')).sort()).toEqual([...topics.keys()].map((slug) => `topic:${slug}`).sort());
  }

  // The seed's interview and essay, and the imported interview, as a library would catalogue them.
  const bySlug = new Map(harvest.records.map((r) => [r.identifier.split(':').at(-1)!, r.dc]));
  expect(bySlug.get('seongmin-lee-qa-part-2-us-relations-with-north-korea')!.contributor).toEqual(['Jeff Kim (interviewer)', 'Seongmin Lee (interviewee)']);
  expect(bySlug.get('how-to-really-bring-change-to-north-korea')!.date).toEqual(['2016-12']);
  expect(bySlug.get('how-to-really-bring-change-to-north-korea')!.creator).toEqual(['Seongmin Lee']);
  expect(bySlug.get('what-the-market-sold')!.contributor).toEqual(['Hana Kwon (interviewer)', 'Min Ryu (interviewee)']);
  expect(bySlug.get('what-the-market-sold')!.date).toEqual(['2020-03']);

  // GetRecord gives the same record as the list did.
  const first = harvest.records[0];
  expect(harvest.getRecord).toEqual(first);
});

test('the repository answers a form-encoded POST and sends XML that no cache keeps', async () => {
  const response = await fetch(`http://127.0.0.1:${port}/oai`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'verb=ListIdentifiers&metadataPrefix=oai_dc&set=kind%3Aessay',
  });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('text/xml; charset=utf-8');
  expect(response.headers.get('cache-control')).toBe('no-store');
  expect(response.headers.get('x-nextjs-cache')).toBeNull();
  const xml = await response.text();
  expect(xml).toContain('<request verb="ListIdentifiers" metadataPrefix="oai_dc" set="kind:essay">');
  // The seed's essay and the two imported: a page of two, then a token.
  expect(xml.match(/<header>/g)).toHaveLength(PAGE_SIZE);
  expect(xml).toMatch(/<resumptionToken completeListSize="3" cursor="0">[^<]+<\/resumptionToken>/);
  const error = await fetch(`http://127.0.0.1:${port}/oai?verb=Nonsense`);
  expect(error.status).toBe(200);
  expect(await error.text()).toContain('<error code="badVerb">');
});
