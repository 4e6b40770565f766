// `npm run import` end to end on real files and a real database: what it saves, what --dry-run
// leaves alone, and that bad input stops it before anything is written.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createPrismaClient } from '@/lib/db/create-client';
import { parseImportArguments, runImport, UsageError } from '@/scripts/import-command';
import { copyTemplate } from '../support/per-file-database';

const databaseUrl = `file:${copyTemplate('migratedTemplate')}`;
const prisma = createPrismaClient(databaseUrl);
afterAll(() => prisma.$disconnect());

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
      select: {
        status: true,
        kind: true,
        publishedOn: true,
        datePrecision: true,
        publisher: true,
        passages: { orderBy: { position: 'asc' }, select: { kind: true, text: true, speaker: { select: { name: true } }, question: { select: { position: true } } } },
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
      file, '--kind', 'interview', '--title', 'Why I Left', '--date', '2020-01-02',
      '--speaker', 'Q=Jin Park', '--speaker', 'A=Mi Han', '--interviewer', 'Jin Park', '--interviewee', 'Mi Han', '--publish',
    ]);
    const outcome = await runImport(options, databaseUrl);
    const saved = await prisma.document.findUniqueOrThrow({ where: { slug: outcome.saved!.slug }, select: { status: true, datePrecision: true, _count: { select: { passages: true } } } });
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
    await expect(runImport(parseImportArguments([file, '--title', 'Undated', '--speaker', 'AB=Ann Bell', '--speaker', 'CD=Chol Do']), databaseUrl)).rejects.toThrow(/--date/);
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
