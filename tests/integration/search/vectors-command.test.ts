// `npm run search:embed`, run as a real process with the real model: it backfills a database whose
// vectors were dropped (as after an upgrade or the restore of an old backup), `--rebuild` embeds all
// passages again, and an unknown option is refused with the usage, changing nothing.
import { describe, expect, it } from 'vitest';
import { openDatabase } from '@/lib/db';
import { copyTemplate } from '@/tests/support/per-file-database';
import { runScript } from '@/tests/support/run-script';

const run = (args: string[], file: string) => runScript('search-embed', args, { DATABASE_URL: `file:${file}` });

function counts(file: string) {
  const db = openDatabase(file);
  try {
    return {
      passages: db.prepare('SELECT count(*) FROM Passage').pluck().get() as number,
      embedded: db.prepare('SELECT count(DISTINCT passageId) FROM PassageEmbedding').pluck().get() as number,
    };
  } finally {
    db.close();
  }
}

describe('npm run search:embed', () => {
  it('embeds every passage of a database whose vectors were dropped, then has nothing left to do', { timeout: 120_000 }, () => {
    const file = copyTemplate('seededTemplate');
    const db = openDatabase(file);
    db.prepare('DELETE FROM PassageEmbedding').run();
    db.close();
    expect(counts(file).embedded).toBe(0);

    const first = run([], file);
    expect(first.stderr).toMatch(/Embedding \d+\/\d+ passages/);
    expect(first.status).toBe(0);
    const { passages, embedded } = counts(file);
    expect(passages).toBeGreaterThan(10);
    expect(embedded).toBe(passages);
    expect(first.stdout).toContain(`embedded ${passages} passages`);

    const again = run([], file);
    expect(again.status).toBe(0);
    expect(again.stdout).toContain('embedded 0 passages');
  });

  it('--rebuild embeds every passage again, replacing vectors a plain run keeps', { timeout: 120_000 }, () => {
    const file = copyTemplate('seededTemplate');
    const zeros = (f: string) => {
      const db = openDatabase(f);
      try {
        return db.prepare('SELECT count(*) FROM PassageEmbedding WHERE vector = zeroblob(512)').pluck().get() as number;
      } finally {
        db.close();
      }
    };
    // Vectors that are there but wrong (as from an older model of the same name) are not pending.
    const db = openDatabase(file);
    db.prepare('UPDATE PassageEmbedding SET vector = zeroblob(512)').run();
    db.close();
    const plain = run([], file);
    expect(plain.stdout).toContain('embedded 0 passages');
    expect(zeros(file)).toBeGreaterThan(0);

    const { passages } = counts(file);
    const result = run(['--rebuild'], file);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`embedded ${passages} passages`);
    expect(counts(file).embedded).toBe(passages);
    expect(zeros(file)).toBe(0);
  });

  it('refuses an unknown option with the usage and writes nothing', () => {
    const file = copyTemplate('seededTemplate');
    const db = openDatabase(file);
    db.prepare('DELETE FROM PassageEmbedding').run();
    db.close();
    const result = run(['--rebiuld'], file);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('unknown option --rebiuld');
    expect(result.stderr).toContain('usage: npm run search:embed');
    expect(counts(file).embedded).toBe(0);
  });
});
