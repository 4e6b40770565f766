// `npm run import` end to end on real files and a real database: what it saves, what --dry-run
// leaves alone, and that bad input stops it before anything is written.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runImporter, runImporterForSave } from '@/lib/admin/import-preview';
import { getPublishedDocument } from '@/lib/data/documents';
import { prisma as seededPrisma } from '@/lib/db/client';
import { createPrismaClient } from '@/lib/db';
import { IMPORT_MAX_BYTES } from '@/lib/validation/limits';
import { parseImportArguments, runImport, UsageError } from '@/scripts/import-command';
import { copyTemplateUrl } from '@/tests/support/per-file-database';

const databaseUrl = copyTemplateUrl('migratedTemplate');
const prisma = createPrismaClient(databaseUrl);
afterAll(() => Promise.all([prisma.$disconnect(), seededPrisma.$disconnect()]));

const dir = mkdtempSync(path.join(tmpdir(), 'archive-import-'));
function transcript(name: string, text: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
}

const INTERVIEW = `---
title: A Conversation About Markets
date: 2019-05
publisher: Example Review
speakers: { AB: Ann Bell, CD: Chol Do }
interviewer: Ann Bell
---
AB: When did the markets start?

CD: In the nineties, after the famine.

They never stopped after that.

AB: Who ran them?

CD: Mostly women.
`;

describe('npm run import', () => {
  it('saves a front-matter transcript as a draft, answers tied to questions, multi-paragraph answers whole', async () => {
    const options = parseImportArguments([transcript('markets.txt', INTERVIEW)]);
    const outcome = await runImport(options, databaseUrl);
    expect(outcome.saved?.slug).toBe('a-conversation-about-markets');
    expect(outcome.report).toContain('Passages (4)');
    expect(outcome.report).toContain('Could not place: nothing.');

    const document = await prisma.document.findUniqueOrThrow({
      where: { slug: 'a-conversation-about-markets' },
      include: {
        passages: {
          orderBy: { position: 'asc' },
          select: { kind: true, text: true, speaker: { select: { name: true } }, question: { select: { position: true } } },
        },
        participants: { select: { role: true, speaker: { select: { name: true } } } },
      },
    });
    expect(document).toMatchObject({ status: 'draft', kind: 'interview', publishedOn: '2019-05-01', datePrecision: 'month', publisher: 'Example Review' });
    expect(document.passages.map((p) => [p.kind, p.speaker?.name, p.question?.position ?? null])).toEqual([
      ['question', 'Ann Bell', null],
      ['answer', 'Chol Do', 1],
      ['question', 'Ann Bell', null],
      ['answer', 'Chol Do', 3],
    ]);
    expect(document.passages[1].text).toBe('In the nineties, after the famine.\n\nThey never stopped after that.');
    expect(document.participants.map((p) => `${p.speaker.name}:${p.role}`).sort()).toEqual(['Ann Bell:interviewer', 'Chol Do:interviewee']);
  });

  it('with --dry-run reports what it would make and writes nothing', async () => {
    const before = await prisma.document.count();
    const file = transcript('dry.txt', INTERVIEW.replace('A Conversation About Markets', 'Only A Rehearsal'));
    const outcome = await runImport(parseImportArguments([file, '--dry-run', '--publish']), databaseUrl);
    expect(outcome.saved).toBeNull();
    expect(outcome.report).toContain('Dry run: nothing was written.');
    expect(outcome.report).toContain('Only A Rehearsal');
    expect(await prisma.document.count()).toBe(before);
  });

  it('takes title, date, speakers and kind from options when the file has no front matter', async () => {
    const file = transcript('plain.txt', 'Q: Why did you leave?\n\nA: To be free.\n');
    const options = parseImportArguments([
      file,
      '--kind',
      'interview',
      '--title',
      'Why I Left',
      '--date',
      '2020-01-02',
      '--speaker',
      'Q=Jin Park',
      '--speaker',
      'A=Mi Han',
      '--interviewer',
      'Jin Park',
      '--interviewee',
      'Mi Han',
      '--publish',
    ]);
    const outcome = await runImport(options, databaseUrl);
    const saved = await prisma.document.findUniqueOrThrow({
      where: { slug: outcome.saved!.slug },
      select: { status: true, datePrecision: true, _count: { select: { passages: true } } },
    });
    expect(saved).toEqual({ status: 'published', datePrecision: 'day', _count: { passages: 2 } });
  });

  it.each([
    ['an empty file', '   \n\n', /empty/i],
    ['a binary file', '\u0000\u0001\u0002PNG\u0000\u0000', /binary/i],
    ['an interview whose label cannot be tied to a speaker', 'ZZ: Hello there?\n\nYY: Hi.\n\nZZ: Again?\n\nYY: Yes.', /ZZ|YY/],
  ])('refuses %s with a clear message and writes nothing', async (_name, text, message) => {
    const before = await prisma.document.count();
    const file = transcript(`bad-${Math.random()}.txt`, text);
    await expect(runImport(parseImportArguments([file, '--kind', 'interview', '--title', 'Bad', '--date', '2020']), databaseUrl)).rejects.toThrow(message);
    expect(await prisma.document.count()).toBe(before);
  });

  it('refuses a missing date, naming the option to give', async () => {
    const file = transcript('undated.txt', 'AB: Hello?\n\nCD: Hi.');
    await expect(
      runImport(parseImportArguments([file, '--title', 'Undated', '--speaker', 'AB=Ann Bell', '--speaker', 'CD=Chol Do']), databaseUrl),
    ).rejects.toThrow(/--date/);
  });

  it('saves through the editorial layer as the system editor: version 1 with its revision and audit entry, speakers too', async () => {
    const file = transcript('revised.txt', INTERVIEW.replace('A Conversation About Markets', 'Markets, Revised'));
    const outcome = await runImport(parseImportArguments([file]), databaseUrl);
    const id = String(outcome.saved!.id);
    const revisions = await prisma.revision.findMany({
      where: { entityType: 'document', entityId: outcome.saved!.id },
      select: { version: true, editorId: true, message: true },
    });
    expect(revisions).toEqual([{ version: 1, editorId: 'system', message: 'Imported from the command line' }]);
    expect(await prisma.auditEvent.findMany({ where: { entityType: 'document', entityId: id }, select: { action: true, actorId: true } })).toEqual([
      { action: 'create', actorId: 'system' },
    ]);
    // Ann Bell and Chol Do were made by the first import: this one names them, and finds them.
    expect(await prisma.speaker.count({ where: { name: { in: ['Ann Bell', 'Chol Do'] } } })).toBe(2);
    const bell = await prisma.speaker.findFirstOrThrow({ where: { name: 'Ann Bell' }, select: { id: true, aliases: { select: { alias: true } } } });
    expect(bell.aliases).toEqual([{ alias: 'AB' }]);
    expect(await prisma.revision.count({ where: { entityType: 'speaker', entityId: bell.id } })).toBe(1);
    // The system editor is a user that can never sign in: disabled, without a credential account.
    expect(await prisma.user.findUnique({ where: { id: 'system' }, select: { disabled: true, _count: { select: { accounts: true } } } })).toEqual({
      disabled: true,
      _count: { accounts: 0 },
    });
  });

  it('refuses a passage the back office would refuse (a control character), naming it, and writes nothing', async () => {
    const before = await prisma.document.count();
    const file = transcript('bell.txt', INTERVIEW.replace('A Conversation About Markets', 'Ringing').replace('Mostly women.', 'Mostly \u0007women.'));
    await expect(runImport(parseImportArguments([file]), databaseUrl)).rejects.toThrow(/passages.*control characters/s);
    expect(await prisma.document.count()).toBe(before);
  });

  it('refuses a second document at an address that is taken, keeping the first', async () => {
    const file = transcript('again.txt', INTERVIEW);
    await expect(runImport(parseImportArguments([file]), databaseUrl)).rejects.toThrow(/exists already/);
    expect(await prisma.document.count({ where: { slug: 'a-conversation-about-markets' } })).toBe(1);
  });

  it.each([
    [['--date', '2019-13', 'x.txt'], /--date: must be a real date/],
    [['x.txt', '--speaker', 'JK Jeff Kim'], /--speaker: must be written LABEL=Full Name/],
    [['x.txt', '--kind', 'poem'], /--kind: must be interview or essay/],
    [['x.txt', '--wat'], /Unknown option '--wat'/],
    [[], /--file: name a transcript file/],
    [['a.txt', 'b.txt'], /one file at a time/],
  ])('rejects the arguments %j as a usage error', (argv, message) => {
    expect(() => parseImportArguments(argv)).toThrow(UsageError);
    expect(() => parseImportArguments(argv)).toThrow(message);
  });
});

// Issue 7, defect 1: "XY: …" was folded into Seongmin Lee's answer and the report said nothing.
const UNKNOWN = `---
title: Markets After the Famine
date: 2018-08-28
speakers: { JK: Jeff Kim, SL: Seongmin Lee }
interviewer: Jeff Kim
---
JK: Where did you grow up?

SL: In Hyesan, near the river.

LABEL: And what about the markets?

They were everywhere after the famine.

JK: Were you afraid?

SL: Always.
`;

describe('npm run import: a label nobody mapped', () => {
  it.each([
    ['initials', 'XY', []],
    ['initials, on a dry run', 'XY', ['--dry-run']],
    ['a full name', 'Maria Lopez', []],
    ['a full name, on a dry run', 'Maria Lopez', ['--dry-run']],
  ])('stops on %s, naming the line and both ways out, and writes nothing', async (_name, label, extra) => {
    const before = await prisma.document.count();
    const file = transcript(`unknown-${label.length}-${extra.length}.txt`, UNKNOWN.replace('LABEL', label));
    const run = runImport(parseImportArguments([file, ...extra]), databaseUrl);
    await expect(run).rejects.toThrow(`line 11: "${label}:" And what about the markets?`);
    await expect(run).rejects.toThrow(`--speaker "${label}=Full Name"`);
    await expect(run).rejects.toThrow(`--text-label "${label}"`);
    expect(await prisma.document.count()).toBe(before);
  });

  it('with --speaker XY=… saves the turn as that speaker’s, follow-on paragraph included', async () => {
    const file = transcript('mapped.txt', UNKNOWN.replace('LABEL', 'XY').replace('Markets After', 'Mapped Markets After'));
    const outcome = await runImport(parseImportArguments([file, '--speaker', 'XY=Xu Yang']), databaseUrl);
    const passages = await prisma.passage.findMany({
      where: { document: { slug: outcome.saved!.slug } },
      orderBy: { position: 'asc' },
      select: { text: true, speaker: { select: { name: true } } },
    });
    expect(passages.map((p) => [p.speaker?.name, p.text])).toEqual([
      ['Jeff Kim', 'Where did you grow up?'],
      ['Seongmin Lee', 'In Hyesan, near the river.'],
      ['Xu Yang', 'And what about the markets?\n\nThey were everywhere after the famine.'],
      ['Jeff Kim', 'Were you afraid?'],
      ['Seongmin Lee', 'Always.'],
    ]);
  });

  it('with --text-label XY keeps the line as text of the answer, as the editor said', async () => {
    const file = transcript('as-text.txt', UNKNOWN.replace('LABEL', 'XY').replace('Markets After', 'Text Markets After'));
    const outcome = await runImport(parseImportArguments([file, '--text-label', 'XY', '--dry-run']), databaseUrl);
    expect(outcome.report).toContain('"XY:" read as text, not a speaker label, as asked (line 11)');
    expect(outcome.report).toContain('Could not place: nothing.');
  });
});

// Issue 7, defect 6: a javascript: source address from front matter was saved and served.
describe('source addresses', () => {
  it.each(['javascript:alert(document.cookie)', 'data:text/html,<script>alert(1)</script>'])('refuses --source %s as a usage error', (source) => {
    expect(() => parseImportArguments(['x.txt', '--source', source])).toThrow('--source: must be a full web address starting with http:// or https://');
  });

  it.each(['javascript:alert(document.cookie)', 'data:text/html,<b>x</b>'])('refuses front matter source: %s and writes nothing', async (source) => {
    const before = await prisma.document.count();
    const file = transcript(
      `source-${source.length}.txt`,
      INTERVIEW.replace('publisher: Example Review', `publisher: Example Review\nsource: "${source}"`).replace('A Conversation', 'Hostile'),
    );
    await expect(runImport(parseImportArguments([file]), databaseUrl)).rejects.toThrow(
      /invalid front matter: "source" must be a full web address starting with http:\/\/ or https:\/\//,
    );
    expect(await prisma.document.count()).toBe(before);
  });

  it('never serves a non-http(s) address already stored', async () => {
    const essay = await seededPrisma.document.findFirstOrThrow({ where: { status: 'published' }, select: { slug: true } });
    await seededPrisma.document.update({ where: { slug: essay.slug }, data: { sourceUrl: 'javascript:alert(document.cookie)' } });
    expect((await getPublishedDocument(essay.slug))?.sourceUrl).toBeNull();
    await seededPrisma.document.update({ where: { slug: essay.slug }, data: { sourceUrl: 'https://thediplomat.com/x' } });
    expect((await getPublishedDocument(essay.slug))?.sourceUrl).toBe('https://thediplomat.com/x');
  });
});

// Issue 7, defect 7: an import over 1 MB gave a 500 on the web; now a clear limit everywhere.
describe('the import size limit', () => {
  const big = 'JK: Where?\n\nSL: ' + 'We crossed the river at night. '.repeat(Math.ceil(IMPORT_MAX_BYTES / 31));

  it('the CLI refuses a file over 1 MB with a message, writing nothing', async () => {
    const before = await prisma.document.count();
    const file = transcript('big.txt', big);
    await expect(runImport(parseImportArguments([file, '--title', 'Big', '--date', '2020']), databaseUrl)).rejects.toThrow(
      /big\.txt is 1\.0 MB; the importer takes up to 1 MB of text at a time/,
    );
    expect(await prisma.document.count()).toBe(before);
  });

  it('the web importer refuses the same text with the same message', async () => {
    await expect(runImporter({ raw: big })).rejects.toThrow(/^The text is 1\.0 MB; the importer takes up to 1 MB of text at a time/);
    // Counted in bytes: a million Korean characters are three megabytes.
    await expect(runImporter({ raw: '가'.repeat(400_000) })).rejects.toThrow(/1\.1 MB/);
  });
});

describe('the web importer’s save', () => {
  const text = 'JK: Where did you grow up?\n\nSL: In Hyesan.\n\nXY: And what about the markets?\n\nSL: They grew.';
  const labels = 'JK = Jeff Kim\nSL = Seongmin Lee';

  it('is refused while a label is unknown, and allowed once it is mapped or marked as text', async () => {
    await expect(runImporterForSave({ raw: text, title: 'T', speakerLines: labels })).rejects.toThrow(
      /Not saved: a line starts with a speaker label that is not known.*line 5 \("XY:"\)/,
    );
    expect((await runImporterForSave({ raw: text, title: 'T', speakerLines: `${labels}\nXY = Xu Yang` })).passages.map((p) => p.speaker)).toContain('Xu Yang');
    expect((await runImporterForSave({ raw: text, title: 'T', speakerLines: labels, textLabelLines: 'XY' })).problems).toEqual([]);
  });
});
