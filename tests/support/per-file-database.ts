// Gives each test file its own copy of the seeded database before any app module reads DATABASE_URL:
// on SQLite a copy of the template file, on PostgreSQL a database cloned from the template database
// (CREATE DATABASE … TEMPLATE, PostgreSQL's own copy) on the run's throwaway server.
import { copyFileSync } from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import { adminSql, postgresUrl } from './postgres-server';
import { testEngine } from './test-engine';

type Template = 'migratedTemplate' | 'seededTemplate';

/** A copy of a template database file (SQLite only: its path). */
export function copyTemplate(which: Template): string {
  const template = inject(which);
  const file = path.join(path.dirname(template), `${which}-${randomUUID()}.db`);
  copyFileSync(template, file);
  return file;
}

/** A fresh copy of a template as a writer's target: its file on SQLite, its URL on PostgreSQL. */
export function copyTemplateTarget(which: Template): string {
  return testEngine() === 'sqlite' ? copyTemplate(which) : copyTemplateUrl(which);
}

/** A fresh copy of a template, as a DATABASE_URL on the project's engine. */
export function copyTemplateUrl(which: Template): string {
  if (testEngine() === 'sqlite') return `file:${copyTemplate(which)}`;
  const port = inject('postgresPort');
  const name = `t_${randomUUID().replaceAll('-', '')}`;
  adminSql(port, `CREATE DATABASE ${name} TEMPLATE ${inject(which)}`);
  return postgresUrl(port, name);
}

process.env.DATABASE_URL = copyTemplateUrl('seededTemplate');
