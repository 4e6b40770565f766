// Hostile input, property-based (fast-check), over every back-office form and the editors' JSON API,
// against the production build: whatever is sent, the answer is a refusal with a clear message or a
// success — never a 5xx or an error page — and a refused request changes nothing in the archive.
//
// Cases only ever name entries this run made (or ids that exist nowhere), so the seed documents and
// accounts the next specs rely on stay as they were. The database is read-only here, for fingerprints,
// and read through lib/db (support/e2e-database.ts), so the spec runs on either engine.
import fc from 'fast-check';
import { expect, test, type APIRequestContext, type APIResponse, type Page } from '@playwright/test';
import { EDITOR, EDITOR_ONLY, hydrated, signInAs } from './admin-fixtures';
import { baselineOf, FORMS, formCase, isStorableId, poolOf, resolveCase, type Baseline, type FormSpec } from './support/admin-forms';
import { closeE2eDatabase, queryE2e, queryOneE2e } from './support/e2e-database';
import { badId, hostileString, hugeText, wrongJson } from './support/hostile-values';
import { actionArity, actionNamed, actionsInBuild, callAction, fingerprint, type ManifestAction } from './support/server-actions';

/** Cases of each form; with the API's and the argument shapes', several hundred in all. */
const RUNS_PER_FORM = Number(process.env.FUZZ_ADMIN_RUNS ?? 16);
const API_RUNS = RUNS_PER_FORM * 8;
/** A failing run's seed (fast-check prints it) replays its cases: FUZZ_SEED=-1216341809. */
const SEED = process.env.FUZZ_SEED === undefined ? {} : { seed: Number(process.env.FUZZ_SEED) };

const tally = { cases: 0, accepted: 0, refused: 0 };
let editorPage: Page;
let adminPage: Page;
let origin: string;
let baseline: Baseline;
let actions: ManifestAction[];

const requestOf = (as: FormSpec['as']): APIRequestContext => (as === 'admin' ? adminPage : editorPage).request;

test.beforeAll(async ({ browser, baseURL }) => {
  origin = new URL(baseURL!).origin;
  editorPage = await (await browser.newContext({ baseURL })).newPage();
  adminPage = await (await browser.newContext({ baseURL })).newPage();
  await signInAs(editorPage, EDITOR_ONLY);
  await signInAs(adminPage, EDITOR);
  baseline = await baselineOf();
  actions = actionsInBuild();
});

test.afterAll(async () => {
  console.log(`fuzz-admin: ${tally.cases} cases run (${tally.accepted} accepted, ${tally.refused} refused with a message and nothing written)`);
  await editorPage?.context().close();
  await adminPage?.context().close();
  closeE2eDatabase();
});

// ---------------------------------------------------------------------------------------------
// What a response says

interface Verdict {
  accepted: boolean;
  message: string;
}

/** A string property of the flight data, as JSON wrote it (escapes kept: only its presence matters). */
const textOf = (body: string, key: string) => new RegExp(`(?<!\\\\)"${key}":"((?:[^"\\\\]|\\\\.)*)"`).exec(body)?.[1];

/** Never a 5xx, never an error; then refused (with what it said) or accepted. */
async function verdictOf(response: APIResponse, label: string): Promise<Verdict> {
  const status = response.status();
  const body = await response.text();
  expect(status, `${label}: ${body.slice(0, 500)}`).toBeLessThan(500);
  // A thrown error reaches the client as a digest in the flight data; a returned state never has one.
  // (NEXT_HTTP_ERROR_FALLBACK is a deliberate 404 or 403: the page a redirect led to for an entry that does not exist.)
  expect(body, label).not.toMatch(/(?<!\\)"digest":"(?!NEXT_HTTP_ERROR_FALLBACK;40[34]")/);
  const redirect = response.headers()['x-action-redirect'] ?? response.headers()['location'];
  if (redirect) {
    const url = new URL(redirect.split(';')[0], origin);
    expect(url.pathname, `${label}: the session held`).not.toBe('/sign-in');
    const error = url.searchParams.get('error');
    return error !== null ? { accepted: false, message: error } : { accepted: true, message: url.searchParams.get('notice') ?? '' };
  }
  // The action's own answer first: the page rendered after it may be a 404 of its own.
  if (/(?<!\\)"ok":true/.test(body)) return { accepted: true, message: textOf(body, 'message') ?? '' };
  if (status >= 400) return { accepted: false, message: textOf(body, 'message') ?? `HTTP ${status}` };
  return { accepted: false, message: textOf(body, 'message') ?? (/(?<!\\)"errors":\{"\w+":\["/.test(body) ? 'field errors' : '') };
}

/** The editors' API: 200 is a save, anything else must be a 4xx with a JSON message. */
async function jsonVerdictOf(response: APIResponse, label: string): Promise<Verdict> {
  const status = response.status();
  const body = await response.text();
  expect(status, `${label}: ${body.slice(0, 500)}`).toBeLessThan(500);
  if (status === 200) return { accepted: true, message: '' };
  // An address too long for Node's HTTP parser is refused before the app sees it: the status says why.
  if (status === 414 || status === 431) return { accepted: false, message: `HTTP ${status}` };
  // An empty id or anchor leaves a trailing slash, which Next.js answers by redirecting to the address without it.
  if (status >= 300 && status < 400) return { accepted: false, message: `HTTP ${status} to ${response.headers()['location'] ?? '?'}` };
  const parsed = JSON.parse(body) as { message?: unknown };
  return { accepted: false, message: typeof parsed.message === 'string' ? parsed.message : '' };
}

/** The property every call must have: a refusal says why and writes nothing. */
async function check(label: string, send: () => Promise<APIResponse>, options: { json?: boolean; writesNothing?: boolean } = {}): Promise<Verdict> {
  const before = await fingerprint();
  const verdict = options.json ? await jsonVerdictOf(await send(), label) : await verdictOf(await send(), label);
  tally.cases++;
  if (verdict.accepted) {
    tally.accepted++;
  } else {
    tally.refused++;
    expect(verdict.message.trim(), `${label}: a refusal says why`).not.toBe('');
    if (options.writesNothing !== false) expect(await fingerprint(), `${label}: a refused call wrote something`).toBe(before);
  }
  return verdict;
}

// ---------------------------------------------------------------------------------------------
// Entries of this run to work on, topped up when the cases have merged or deleted them

let made = 0;
const unique = () => `${Date.now().toString(36)}-${++made}`;

async function expectAccepted(action: string, fields: Record<string, string>, as: FormSpec['as'] = 'editor') {
  const response = await callAction(requestOf(as), actionNamed(action, actions), { headers: { Origin: origin }, fields });
  const verdict = await verdictOf(response, action);
  expect(verdict, `setting up with ${action}`).toMatchObject({ accepted: true });
}

const countOf = async (sql: string, ...params: unknown[]) => Number((await queryOneE2e<{ n: number }>(sql, ...params))?.n);

async function ensureFixtures(): Promise<void> {
  const speakers = await poolOf(baseline, 'speaker');
  for (let i = speakers.length; i < 3; i++) await expectAccepted('admin/entity-actions.ts#createSpeakerAction', { name: `Fuzz Speaker ${unique()}` });
  const topics = await poolOf(baseline, 'topic');
  for (let i = topics.length; i < 3; i++) await expectAccepted('admin/entity-actions.ts#createTopicAction', { name: `Fuzz Topic ${unique()}` });
  const documents = await poolOf(baseline, 'document');
  let usable: number | undefined;
  for (const id of documents)
    if (usable === undefined && (await countOf('SELECT count(*) AS n FROM Document WHERE id = ? AND deletedAt IS NULL', id)) === 1) usable = id;
  if (usable === undefined) {
    const slug = `fuzz-document-${unique()}`;
    await expectAccepted('documents/new/actions.ts#createDraft', { title: `Fuzz Document ${slug}`, slug, kind: 'interview', date: '2020' });
    usable = (await queryOneE2e<{ id: number }>('SELECT id FROM Document WHERE slug = ?', slug))!.id;
  }
  for (let n = await countOf('SELECT count(*) AS n FROM Passage WHERE documentId = ?', usable); n < 3; n++) {
    const version = await countOf('SELECT version AS n FROM Document WHERE id = ?', usable);
    await expectAccepted('documents/[id]/passages/actions.ts#createPassage', {
      documentId: String(usable),
      expectedVersion: String(version),
      afterAnchor: '',
      kind: 'paragraph',
      text: `Fuzz paragraph ${unique()}.\n\nA second paragraph.\n\nA third.`,
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Every form

/** What a successful passage save stored must be what was sent, line breaks folded and trimmed: no silent change. */
async function expectStoredAsSent(fields: Record<string, string>) {
  if (fields.text === undefined) return;
  const sent = Buffer.from(fields.text, 'utf8').toString('utf8');
  const stored = await queryOneE2e<{ text: string }>(
    'SELECT text FROM Passage WHERE documentId = ? AND anchor = ?',
    Number(fields.documentId),
    Number(fields.anchor),
  );
  expect(stored?.text).toBe(sent.replace(/\r\n?/g, '\n').trim());
}

for (const spec of FORMS) {
  test(`${spec.action}: hostile fields are refused with a message and write nothing`, async () => {
    test.setTimeout(180_000);
    const action = actionNamed(spec.action, actions);
    await fc.assert(
      fc.asyncProperty(formCase(spec), async (tokens) => {
        await ensureFixtures();
        const fields = await resolveCase(baseline, spec, tokens);
        const verdict = await check(spec.action, () => callAction(requestOf(spec.as), action, { headers: { Origin: origin }, fields }), {
          writesNothing: spec.refusalWritesNothing,
        });
        if (verdict.accepted && spec.action.endsWith('#savePassage')) await expectStoredAsSent(fields);
      }),
      { numRuns: RUNS_PER_FORM, interruptAfterTimeLimit: 150_000, ...SEED },
    );
  });
}

// ---------------------------------------------------------------------------------------------
// Arguments that are not what React's client sends: no form, the wrong types, too many

const BAD_ARGUMENTS = [null, 'text', 0, true, {}, [], { get: 'x' }, '$undefined'];

test('every back-office action called with something other than a form is refused, not crashed', async () => {
  test.setTimeout(180_000);
  await ensureFixtures();
  // The sign-in form's action too: it is public, and an editor's session does not change what it reads.
  const signIn: Pick<FormSpec, 'action' | 'as'> = { action: 'sign-in/actions.ts#signIn', as: 'editor' };
  for (const spec of [...FORMS, signIn]) {
    const action = actionNamed(spec.action, actions);
    const twoArguments = (actionArity().get(action.key) ?? 1) === 2;
    const shapes = [
      ...BAD_ARGUMENTS.map((bad) => JSON.stringify(twoArguments ? [{}, bad] : [bad])),
      JSON.stringify([]),
      JSON.stringify(twoArguments ? [null, '$K1', 'extra'] : ['$K1', '$K1']),
    ];
    for (const args of shapes) {
      await check(`${spec.action} with arguments ${args}`, () =>
        callAction(requestOf(spec.as), action, { headers: { Origin: origin }, fields: { id: '999999' }, args }),
      );
    }
  }
});

// ---------------------------------------------------------------------------------------------
// The editors' JSON API

/** Percent-encodes every byte but the unreserved ones, lone surrogates included (as U+FFFD). */
const pathSegment = (text: string) =>
  [...Buffer.from(text, 'utf8')]
    .map((b) => (/[A-Za-z0-9_.~-]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).padStart(2, '0')}`))
    .join('');

const apiField = (valid: fc.Arbitrary<unknown>) => fc.oneof({ weight: 3, arbitrary: valid }, { weight: 2, arbitrary: wrongJson });
const apiCase = fc.record({
  document: fc.oneof({ weight: 5, arbitrary: fc.nat(20) }, { weight: 1, arbitrary: badId }),
  anchor: fc.oneof({ weight: 5, arbitrary: fc.nat(20) }, { weight: 1, arbitrary: badId }),
  version: fc.oneof(
    { weight: 5, arbitrary: fc.constantFrom(0, 0, -1, 1) },
    { weight: 1, arbitrary: fc.constant('as text') },
    { weight: 1, arbitrary: wrongJson.map((v) => ({ bad: v })) },
  ),
  fields: fc.record(
    {
      text: apiField(fc.oneof(hostileString, fc.lorem({ maxCount: 20 }))),
      kind: apiField(fc.constantFrom('question', 'answer', 'paragraph')),
      speakerId: apiField(fc.constantFrom(null, '')),
      questionAnchor: apiField(fc.constantFrom(null, '')),
      message: apiField(fc.constantFrom('fuzz', '')),
      extra: wrongJson,
    },
    { requiredKeys: [] },
  ),
  shape: fc.constantFrom('object', 'object', 'object', 'object', 'array', 'scalar', 'broken'),
});

test('the JSON passage endpoint answers hostile bodies with a 4xx and a message, and writes nothing then', async () => {
  test.setTimeout(180_000);
  await fc.assert(
    fc.asyncProperty(apiCase, async (c) => {
      await ensureFixtures();
      const ids = await poolOf(baseline, 'document');
      const id = typeof c.document === 'number' ? String(ids[c.document % ids.length]) : c.document;
      const key = isStorableId(Number(id)) ? Number(id) : -1;
      const anchors = (await queryE2e<{ anchor: number }>('SELECT anchor FROM Passage WHERE documentId = ? ORDER BY position', key)).map((r) => r.anchor);
      const version = (await queryOneE2e<{ version: number }>('SELECT version FROM Document WHERE id = ?', key))?.version ?? 1;
      const anchor = typeof c.anchor === 'number' ? String(anchors[c.anchor % Math.max(1, anchors.length)] ?? 1) : c.anchor;
      const expectedVersion = typeof c.version === 'number' ? version + c.version : c.version === 'as text' ? String(version) : c.version.bad;
      const object = { expectedVersion, ...c.fields };
      const body =
        c.shape === 'object'
          ? JSON.stringify(object)
          : c.shape === 'array'
            ? JSON.stringify([object])
            : c.shape === 'scalar'
              ? JSON.stringify(c.fields.text ?? null)
              : JSON.stringify(object).slice(0, -1);
      const label = `PATCH ${id}/${anchor} ${body.slice(0, 300)}`;
      const verdict = await check(
        label,
        () =>
          // Segments are cut at 2,000 characters: past Node's 16 KB header limit the server resets the
          // connection before the body is read, and the client sees no status at all to judge.
          editorPage.request.patch(`/api/v1/admin/documents/${pathSegment(id.slice(0, 2000))}/passages/${pathSegment(anchor.slice(0, 2000))}`, {
            headers: { Origin: origin, 'Content-Type': 'application/json' },
            data: body,
            maxRedirects: 0,
          }),
        { json: true },
      );
      if (verdict.accepted && typeof c.fields.text === 'string') await expectStoredAsSent({ documentId: id, anchor, text: c.fields.text });
    }),
    { numRuns: API_RUNS, interruptAfterTimeLimit: 150_000, ...SEED },
  );
});

// ---------------------------------------------------------------------------------------------
// Bigger than a server action takes

test('a passage text past what the archive takes is refused in the form, and the editor keeps every character', async () => {
  await ensureFixtures();
  const ids = await poolOf(baseline, 'document');
  const { documentId, anchor } = (await queryOneE2e<{ documentId: number; anchor: number }>(
    `SELECT d.id AS documentId, p.anchor AS anchor FROM Document d JOIN Passage p ON p.documentId = d.id WHERE d.deletedAt IS NULL AND d.id IN (${ids.join(',')}) ORDER BY d.id, p.position LIMIT 1`,
  ))!;
  const before = await fingerprint();
  await editorPage.goto(`/admin/documents/${documentId}/passages/${anchor}`);
  await hydrated(editorPage);
  // Past Next.js's 1 MB body limit for server actions, far past the archive's 50,000 characters.
  const typed = hugeText('Every word stays. ', 1_100_000);
  const text = editorPage.getByLabel('Text', { exact: true });
  await text.fill(typed);
  await editorPage.getByRole('button', { name: 'Save passage' }).click();
  await expect(editorPage.getByRole('alert').filter({ hasText: 'a passage takes at most 50,000 characters' })).toBeVisible();
  expect((await text.inputValue()).length).toBe(typed.length);
  expect(await fingerprint()).toBe(before);
});
