// Load on the running production server: three editors save passages through the JSON endpoint
// (re-reading the version from each 409 and trying again) while readers read pages, search and the
// APIs, for a bounded time. No answer may be a 5xx or mention SQLITE_BUSY, and every save the
// server acknowledged must be in the document's history afterwards. The passages are put back as
// they were at the end, so the back-office tests after this one see the archive they expect.
import { expect, test, type APIRequestContext, type Browser } from '@playwright/test';
import { EDITOR, EDITOR_ONLY, signInAs } from './admin-fixtures';
import { closeE2eDatabase, queryE2e, queryOneE2e } from './support/e2e-database';

const SLUG = 'seongmin-lee-qa-part-2-us-relations-with-north-korea';
const DURATION_MS = 20_000;
const BUSY = /SQLITE_BUSY|database is locked/i;

interface Ack {
  editor: number;
  version: number;
  anchor: number;
  text: string;
}

test.afterAll(closeE2eDatabase);

/** A passage's text in a document snapshot: text on SQLite, parsed already where the engine reads JSON. */
function savedText(snapshot: unknown, anchor: number): string | undefined {
  const parsed = (typeof snapshot === 'string' ? JSON.parse(snapshot) : snapshot) as { passages: { anchor: number; text: string }[] };
  return parsed.passages.find((p) => p.anchor === anchor)?.text;
}

async function editorSession(browser: Browser, account: typeof EDITOR) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAs(page, account);
  return { context, request: context.request, origin: new URL(page.url()).origin };
}

test('editors saving and readers reading at once: no 5xx, no SQLITE_BUSY, no acknowledged save lost', async ({ browser, playwright, baseURL }) => {
  test.setTimeout(180_000);
  const document = (await queryOneE2e<{ id: number; version: number }>('SELECT id, version FROM Document WHERE slug = ?', SLUG))!;
  const passages = await queryE2e<{ anchor: number; text: string }>('SELECT anchor, text FROM Passage WHERE documentId = ? ORDER BY position', document.id);
  const original = new Map(passages.map((p) => [p.anchor, p.text]));
  const anchors = passages.slice(0, 3).map((p) => p.anchor);

  const editors = await Promise.all([EDITOR, EDITOR, EDITOR_ONLY].map((account) => editorSession(browser, account)));
  const readers = await Promise.all(Array.from({ length: 3 }, () => playwright.request.newContext({ baseURL })));
  const acks: Ack[] = [];
  const failures: string[] = [];
  let conflicts = 0;
  let reads = 0;
  const deadline = Date.now() + DURATION_MS;

  const check = async (what: string, response: Awaited<ReturnType<APIRequestContext['get']>>) => {
    const body = await response.text();
    if (response.status() >= 500 || BUSY.test(body)) failures.push(`${what}: ${response.status()} ${body.slice(0, 200)}`);
    return body;
  };

  /** Saves the passage with the version it knows; a 409 tells the current version, and it tries again. */
  const save = async (editor: (typeof editors)[number], anchor: number, text: string, known: { version: number }) => {
    for (;;) {
      const response = await editor.request.patch(`/api/v1/admin/documents/${document.id}/passages/${anchor}`, {
        data: { expectedVersion: known.version, text },
        headers: { Origin: editor.origin },
      });
      const body = await check(`PATCH passage ${anchor}`, response);
      if (response.status() === 409) {
        conflicts++;
        known.version = (JSON.parse(body) as { currentVersion: number }).currentVersion;
        continue;
      }
      if (response.status() !== 200) {
        failures.push(`PATCH passage ${anchor}: ${response.status()} ${body.slice(0, 200)}`);
        return null;
      }
      known.version = (JSON.parse(body) as { version: number }).version;
      return known.version;
    }
  };

  const editorLoop = async (index: number) => {
    const known = { version: document.version };
    for (let n = 0; Date.now() < deadline; n++) {
      const anchor = anchors[(index + n) % anchors.length];
      const text = `${original.get(anchor)} [load test: editor ${index}, save ${n}]`;
      const version = await save(editors[index], anchor, text, known);
      if (version !== null) acks.push({ editor: index, version, anchor, text });
    }
  };

  const readerLoop = async (reader: APIRequestContext) => {
    const paths = [`/documents/${SLUG}`, '/search?q=sanctions', `/api/v1/search?q=north+korea`, `/api/v1/documents/${SLUG}`, '/documents', '/api/health'];
    for (let n = 0; Date.now() < deadline; n++) {
      const path = paths[n % paths.length];
      await check(`GET ${path}`, await reader.get(path));
      reads++;
    }
  };

  await Promise.all([...editors.map((_, i) => editorLoop(i)), ...readers.map(readerLoop)]);
  console.log(
    `concurrency: ${acks.length} saves acknowledged, ${conflicts} conflicts (409) retried, ${reads} reads, ${failures.length} failures in ${DURATION_MS / 1000} s`,
  );
  expect(failures).toEqual([]);
  expect(acks.length).toBeGreaterThan(0);
  expect(reads).toBeGreaterThan(0);

  // Every acknowledged save is in the history at its own version, with the text it saved.
  const versions = acks.map((a) => a.version);
  expect(new Set(versions).size).toBe(versions.length);
  for (const ack of acks) {
    const row = await queryOneE2e<{ snapshot: unknown }>(
      "SELECT snapshot FROM Revision WHERE entityType = 'document' AND entityId = ? AND version = ?",
      document.id,
      ack.version,
    );
    expect(row && savedText(row.snapshot, ack.anchor), `save of editor ${ack.editor} at version ${ack.version}`).toBe(ack.text);
  }

  // Put the passages back as they were, and see the search index agree afterwards.
  const known = { version: Math.max(document.version, ...versions) };
  for (const anchor of anchors) expect(await save(editors[0], anchor, original.get(anchor)!, known)).not.toBeNull();
  const texts = await queryE2e<{ anchor: number; text: string }>('SELECT anchor, text FROM Passage WHERE documentId = ?', document.id);
  for (const { anchor, text } of texts) expect(text).toBe(original.get(anchor));
  const health = await readers[0].get('/api/health');
  expect(health.status()).toBe(200);
  // The health report may be a few seconds old: what matters is that it never saw a broken index.
  expect((await health.json()).checks).toMatchObject({ database: { status: 'ok' }, migrations: { status: 'ok' }, searchIndex: { status: 'ok' } });

  await Promise.all([...editors.map((e) => e.context.close()), ...readers.map((r) => r.dispose())]);
});
