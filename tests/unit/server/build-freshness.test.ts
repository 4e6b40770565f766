// `npm start` rebuilds when the build is older than its sources; the data model is one of them, and
// it is a folder of files: a change to any one file of it must count, not only to the first.
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildIsStale } from '@/scripts/build-freshness';
import { SQLITE_SCHEMA_DIR } from '@/scripts/schema-files.mjs';

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

/** A tree with a build and a schema folder of two files, both written a minute before the build. */
function builtTree(): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'build-freshness-'));
  roots.push(root);
  const schema = path.join(root, SQLITE_SCHEMA_DIR);
  mkdirSync(schema, { recursive: true });
  mkdirSync(path.join(root, '.next'));
  const old = new Date(Date.now() - 60_000);
  for (const name of ['schema.prisma', 'people.prisma']) {
    writeFileSync(path.join(schema, name), '');
    utimesSync(path.join(schema, name), old, old);
  }
  writeFileSync(path.join(root, '.next', 'BUILD_ID'), 'x');
  return root;
}

describe('build freshness', () => {
  it('calls a build fresh when no source is newer', () => {
    expect(buildIsStale(builtTree())).toBe(false);
  });

  it.each(['schema.prisma', 'people.prisma'])('calls a build stale when %s of the schema folder changed after it', (name) => {
    const root = builtTree();
    const later = new Date(Date.now() + 60_000);
    utimesSync(path.join(root, SQLITE_SCHEMA_DIR, name), later, later);
    expect(buildIsStale(root)).toBe(true);
  });
});
