import { describe, expect, it } from 'vitest';
import { toPostgres, UntranslatableSqlError } from '@/lib/db/postgres/translate';

describe('toPostgres: the shared SQL dialect as PostgreSQL reads it', () => {
  it('quotes mixed-case names and numbers the placeholders', () => {
    expect(toPostgres('SELECT id, documentId FROM Passage WHERE documentId = ? AND position > ?')).toBe(
      'SELECT id, "documentId" FROM "Passage" WHERE "documentId" = $1 AND position > $2',
    );
  });

  it('leaves keywords, functions and lower-case names alone', () => {
    expect(toPostgres('SELECT COUNT(*) AS total, coalesce(p.text, ?) FROM x')).toBe('SELECT COUNT(*) AS total, coalesce(p.text, $1) FROM x');
  });

  it('copies string literals, quoted names and comments untouched, question marks and all', () => {
    const text = `SELECT 'Who? It''s Passage' AS "rawName", x -- why? Passage\n/* Document ? */ FROM Document WHERE y = ?`;
    expect(toPostgres(text)).toBe(`SELECT 'Who? It''s Passage' AS "rawName", x -- why? Passage\n/* Document ? */ FROM "Document" WHERE y = $1`);
  });

  it('keeps $n and casts as they are when told not to number', () => {
    expect(toPostgres('SELECT p.startMs::bigint FROM Passage p WHERE p.id = $1 AND p.documentId = $2', { numberPlaceholders: false })).toBe(
      'SELECT p."startMs"::bigint FROM "Passage" p WHERE p.id = $1 AND p."documentId" = $2',
    );
  });

  it('does not quote the tail of a word or number', () => {
    expect(toPostgres('SELECT 1e5, x2Y FROM t')).toBe('SELECT 1e5, "x2Y" FROM t');
  });

  it('refuses dollar-quoted bodies and escape strings instead of rewriting inside them', () => {
    expect(() => toPostgres('SELECT $$ Passage ? $$')).toThrow(UntranslatableSqlError);
    expect(() => toPostgres('DO $body$ BEGIN PERFORM 1; END $body$')).toThrow(/dollar-quoted/);
    expect(() => toPostgres("SELECT E'it\\'s ?' FROM Passage")).toThrow(/escape string/);
    expect(() => toPostgres("SELECT e'x'")).toThrow(UntranslatableSqlError);
  });

  it('still reads a word ending in e before a string, and $n after a name', () => {
    expect(toPostgres("SELECT 1 WHERE name = 'E' AND title LIKE 'e%' AND x = $1", { numberPlaceholders: false })).toBe(
      "SELECT 1 WHERE name = 'E' AND title LIKE 'e%' AND x = $1",
    );
    expect(toPostgres("SELECT type'x'")).toBe("SELECT type'x'");
  });
});
