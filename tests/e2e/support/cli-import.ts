// An interview imported by the real command line (`npm run import`, scripts/import.ts) into the
// database the browser tests' server runs on, as an editor at the server's shell would.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SCRIPT_NODE_ARGS } from '@/scripts/node-args';
import { e2eDatabaseUrl } from './e2e-database';

export interface CliInterview {
  title: string;
  date: string;
  /** The transcript's turns in order: a label, the speaker it stands for, the words. */
  turns: [label: string, speaker: string, text: string][];
  /** The speaker who asks (`--interviewer`); by default the importer decides. */
  interviewer?: string;
  /** Published at once (`--publish`); by default a draft. */
  publish?: boolean;
}

export function importWithCli(interview: CliInterview): void {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'cli-import-')), 'talk.txt');
  writeFileSync(file, `${interview.turns.map(([label, , text]) => `${label}: ${text}`).join('\n\n')}\n`);
  const speakers = [...new Map(interview.turns.map(([label, speaker]) => [label, speaker]))].flatMap(([label, speaker]) => [
    '--speaker',
    `${label}=${speaker}`,
  ]);
  execFileSync(
    process.execPath,
    [
      ...SCRIPT_NODE_ARGS,
      'scripts/import.ts',
      file,
      ...['--kind', 'interview', '--title', interview.title, '--date', interview.date],
      ...speakers,
      ...(interview.interviewer ? ['--interviewer', interview.interviewer] : []),
      ...(interview.publish ? ['--publish'] : []),
    ],
    { env: { ...process.env, DATABASE_URL: e2eDatabaseUrl() }, stdio: 'pipe' },
  );
}
