// What harvesters learn when the archive changes: an unpublished, deleted or re-addressed document
// becomes a deleted record (deletedRecord "persistent", kept from the revision history), a draft that
// was never published never appears, and a renamed topic moves the datestamps of the records that
// show it. Every change is made through the real write path (lib/editorial) on a copy of the seed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET } from '@/app/oai/route';
import { prisma } from '@/lib/db/client';
import {
  closeWriters,
  publishDocument,
  softDeleteDocument,
  restoreDeletedDocument,
  SYSTEM_EDITOR,
  unpublishDocument,
  updateDocumentFields,
  updateTopic,
} from '@/lib/editorial';
import { createDocumentFixture } from '@/tests/support/factories';
import { checkResponse, child, children, OAI, requireXmllint, text, type El } from '@/tests/support/oai-xml';

const INTERVIEW = 'seongmin-lee-qa-part-2-us-relations-with-north-korea';
const ESSAY = 'how-to-really-bring-change-to-north-korea';
const id = (slug: string) => `oai:localhost:${slug}`;
const admin = { ...SYSTEM_EDITOR, role: 'admin' as const };

beforeAll(() => requireXmllint());
afterAll(async () => {
  closeWriters();
  await prisma.$disconnect();
});

async function get(params: Record<string, string>) {
  const response = await GET(new Request(`http://localhost:3000/oai?${new URLSearchParams(params)}`));
  expect(response.status).toBe(200);
  return checkResponse(await response.text());
}

/** Every header of a ListIdentifiers, by identifier. */
async function headers(args: Record<string, string> = {}): Promise<Map<string, El>> {
  const response = await get({ verb: 'ListIdentifiers', metadataPrefix: 'oai_dc', ...args });
  if (response.errors.length > 0) return new Map();
  return new Map(children(response.body!, OAI, 'header').map((h) => [text(child(h, 'identifier')), h]));
}

const documentOf = (slug: string) => prisma.document.findUniqueOrThrow({ where: { slug }, select: { id: true, version: true } });
const utcNow = () => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
/** Waits for the next whole second, so that a change is dated after `utcNow()` at seconds granularity. */
const nextSecond = () => new Promise((resolve) => setTimeout(resolve, 1000 - (Date.now() % 1000) + 5));

describe('deleted records', () => {
  it('reports an unpublished document as deleted, in its sets, with no metadata, and live again once republished', async () => {
    const before = utcNow();
    await nextSecond();
    const essay = await documentOf(ESSAY);
    await unpublishDocument(SYSTEM_EDITOR, { id: essay.id, expectedVersion: essay.version });

    const header = (await headers()).get(id(ESSAY))!;
    expect(header.getAttribute('status')).toBe('deleted');
    expect(text(child(header, 'datestamp')) > before).toBe(true);
    expect(children(header, OAI, 'setSpec').map(text)).toContain('kind:essay');
    expect([...(await headers({ from: text(child(header, 'datestamp')) })).keys()]).toEqual([id(ESSAY)]);
    expect([...(await headers({ set: 'kind:essay' })).keys()]).toEqual([id(ESSAY)]);

    const record = await get({ verb: 'GetRecord', identifier: id(ESSAY), metadataPrefix: 'oai_dc' });
    const recordEl = child(record.body!, 'record')!;
    expect(child(child(recordEl, 'header')!, 'identifier')!.textContent).toBe(id(ESSAY));
    expect(child(recordEl, 'header')!.getAttribute('status')).toBe('deleted');
    expect(child(recordEl, 'metadata')).toBeUndefined();
    const list = await get({ verb: 'ListRecords', metadataPrefix: 'oai_dc', set: 'kind:essay' });
    expect(children(list.body!, OAI, 'record').map((r) => child(r, 'metadata'))).toEqual([undefined]);

    const now = await documentOf(ESSAY);
    await publishDocument(SYSTEM_EDITOR, { id: now.id, expectedVersion: now.version });
    expect((await headers()).get(id(ESSAY))!.getAttribute('status')).toBeNull();
  });

  it('reports a softly deleted document as deleted until an admin restores it', async () => {
    const interview = await documentOf(INTERVIEW);
    await softDeleteDocument(SYSTEM_EDITOR, { id: interview.id, expectedVersion: interview.version });
    expect((await headers()).get(id(INTERVIEW))!.getAttribute('status')).toBe('deleted');
    const deleted = await documentOf(INTERVIEW);
    await restoreDeletedDocument(admin, { id: deleted.id, expectedVersion: deleted.version });
    expect((await headers()).get(id(INTERVIEW))!.getAttribute('status')).toBeNull();
  });

  it('reports the old identifier of a document given a new address as deleted, and the new one as live', async () => {
    const interview = await documentOf(INTERVIEW);
    await updateDocumentFields(SYSTEM_EDITOR, { id: interview.id, expectedVersion: interview.version, slug: 'lee-on-us-relations' });
    const all = await headers();
    expect(all.get(id(INTERVIEW))!.getAttribute('status')).toBe('deleted');
    expect(all.get(id('lee-on-us-relations'))!.getAttribute('status')).toBeNull();
    expect((await get({ verb: 'ListMetadataFormats', identifier: id(INTERVIEW) })).errors).toEqual([]);
  });

  it('never shows a draft that was never published, and shows it once it is', async () => {
    const draft = await createDocumentFixture(prisma, {
      slug: 'a-draft-nobody-saw',
      status: 'draft',
      participants: [{ speaker: 'Pat Moss', role: 'author' }],
      passages: [{ speaker: 'Pat Moss', text: 'Not public yet.' }],
    });
    expect((await headers()).has(id(draft.slug))).toBe(false);
    expect((await get({ verb: 'GetRecord', identifier: id(draft.slug), metadataPrefix: 'oai_dc' })).errors.map((e) => e.code)).toEqual(['idDoesNotExist']);
    const { version } = await documentOf(draft.slug);
    await publishDocument(SYSTEM_EDITOR, { id: draft.id, expectedVersion: version });
    expect((await headers()).get(id(draft.slug))!.getAttribute('status')).toBeNull();
  });
});

describe('datestamps', () => {
  it('moves the datestamp of every record whose subjects name a renamed topic, and of no other', async () => {
    const topic = await prisma.topic.findUniqueOrThrow({ where: { slug: 'sanctions' }, select: { id: true, version: true } });
    const tagged = await headers({ set: 'topic:sanctions' });
    const untagged = [...(await headers()).entries()].filter(([identifier, h]) => !tagged.has(identifier) && h.getAttribute('status') === null);
    expect(tagged.size).toBeGreaterThan(0);
    expect(untagged.length).toBeGreaterThan(0);
    const before = utcNow();
    await nextSecond();
    await updateTopic(SYSTEM_EDITOR, { id: topic.id, expectedVersion: topic.version, name: 'Sanctions and their evasion' });

    const after = await headers();
    for (const identifier of tagged.keys()) expect(text(child(after.get(identifier)!, 'datestamp')) > before).toBe(true);
    for (const [identifier, header] of untagged) expect(text(child(after.get(identifier)!, 'datestamp'))).toBe(text(child(header, 'datestamp')));
    const [first] = tagged.keys();
    const record = await get({ verb: 'GetRecord', identifier: first, metadataPrefix: 'oai_dc' });
    expect(record.body!.getElementsByTagNameNS('http://purl.org/dc/elements/1.1/', 'subject')).toSatisfy((subjects: HTMLCollectionOf<Element>) =>
      [...subjects].some((s) => s.textContent === 'Sanctions and their evasion'),
    );
  });
});
