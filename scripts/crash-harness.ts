// The crash test: writer processes (scripts/crash-writer.ts) save through the app's write path and
// are killed with SIGKILL at random moments, again and again; afterwards the database must pass
// SQLite's and FTS5's integrity checks and hold every save that was acknowledged before a kill.
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import path from 'node:path';
import { getDocumentForEditing, openWriter } from '@/lib/editorial';
import { getRevision } from '@/lib/editorial/revisions';
import type { DocumentSnapshot } from '@/lib/editorial/snapshots';
import { openReadOnlyDatabase } from '@/lib/db';
import { integrityCheck, searchIndexCheck } from '@/lib/ops/integrity';
import type { CrashAck } from './crash-writer';
import { SCRIPT_NODE_ARGS } from './node-args';

const ROOT = path.resolve(import.meta.dirname, '..');
const WRITER = path.join(ROOT, 'scripts/crash-writer.ts');

export interface CrashOptions {
  file: string;
  kills: number;
  /** Writer processes running at once; each kill takes one down and starts it again. */
  writers?: number;
  /** A kill comes this long (a random time in the range) after the previous one. */
  minDelayMs?: number;
  maxDelayMs?: number;
  onKill?: (kills: number, acks: number) => void;
}

export interface CrashReport {
  kills: number;
  acks: CrashAck[];
  /** What is wrong afterwards; empty when the database survived. */
  problems: string[];
}

interface Running {
  child: ChildProcess;
  ready: Promise<void>;
  isReady(): boolean;
  exited: Promise<void>;
}

export async function runCrashTest(options: CrashOptions): Promise<CrashReport> {
  const acks: CrashAck[] = [];
  const errors: string[] = [];
  let serial = 0;
  const start = (): Running => {
    const name = `w${serial++}`;
    const child = spawn(process.execPath, [...SCRIPT_NODE_ARGS, WRITER], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: `file:${options.file}`, CRASH_WRITER: name },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr!.on('data', (chunk) => (stderr += chunk));
    let isReady = false;
    let resolveReady!: () => void;
    const ready = new Promise<void>((resolve) => (resolveReady = resolve));
    const markReady = () => {
      isReady = true;
      resolveReady();
    };
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (line === 'ready') markReady();
      else if (line.startsWith('ack ')) acks.push(JSON.parse(line.slice(4)) as CrashAck);
    });
    const exited = new Promise<void>((resolve) =>
      child.on('exit', (code, signal) => {
        // Killed is the plan; anything else (an exception in the write path) is a finding.
        if (signal !== 'SIGKILL') errors.push(`writer ${name} exited by itself (code ${code}, signal ${signal}): ${stderr.trim().slice(-2000)}`);
        markReady();
        resolve();
      }),
    );
    return { child, ready, isReady: () => isReady, exited };
  };

  const minDelay = options.minDelayMs ?? 50;
  const maxDelay = options.maxDelayMs ?? 400;
  const running = Array.from({ length: options.writers ?? 1 }, start);
  let kills = 0;
  try {
    while (kills < options.kills && errors.length === 0) {
      // The victim is one that is writing already (one just restarted may still be starting), so
      // most kills land mid-save; the delay starts once it writes.
      await Promise.race(running.map((r) => r.ready));
      const writing = running.map((r, i) => (r.isReady() ? i : -1)).filter((i) => i >= 0);
      const index = writing[Math.floor(Math.random() * writing.length)];
      await new Promise((resolve) => setTimeout(resolve, minDelay + Math.random() * (maxDelay - minDelay)));
      running[index].child.kill('SIGKILL');
      await running[index].exited;
      kills++;
      options.onKill?.(kills, acks.length);
      running[index] = start();
    }
  } finally {
    for (const r of running) r.child.kill('SIGKILL');
    await Promise.all(running.map((r) => r.exited));
  }
  return { kills, acks, problems: [...errors, ...verifyAfterCrashes(options.file, acks)] };
}

/** Integrity, search index, and every acknowledged save in its revision (and the current state in step). */
export function verifyAfterCrashes(file: string, acks: CrashAck[]): string[] {
  const problems: string[] = [];
  const reader = openReadOnlyDatabase(file);
  try {
    const integrity = integrityCheck(reader, 'full');
    if (!integrity.ok) problems.push(...integrity.problems.map((p) => `integrity check: ${p}`));
    const search = searchIndexCheck(reader);
    if (!search.ok) problems.push(...search.problems.map((p) => `search index: ${p}`));
  } finally {
    reader.close();
  }

  const writer = openWriter(file);
  const options = { writer };
  try {
    for (const ack of acks) {
      const revision = getRevision('document', ack.documentId, ack.version, options);
      const snapshot = revision?.snapshot as DocumentSnapshot | undefined;
      const saved = ack.anchor === null ? snapshot?.summary : snapshot?.passages.find((p) => p.anchor === ack.anchor)?.text;
      if (!revision || revision.editorId !== ack.writer || saved !== ack.value) {
        problems.push(`acknowledged save lost: ${ack.writer} #${ack.seq}, document ${ack.documentId} version ${ack.version}`);
      }
    }
    for (const documentId of new Set(acks.map((a) => a.documentId))) {
      const versions = writer.db
        .prepare("SELECT version FROM Revision WHERE entityType = 'document' AND entityId = ? ORDER BY version")
        .pluck()
        .all(documentId) as number[];
      const current = writer.db.prepare('SELECT version FROM Document WHERE id = ?').pluck().get(documentId) as number;
      // One revision per version, 1…current, no gaps and no repeats: no save half-recorded.
      if (versions.length !== current || versions.some((v, i) => v !== i + 1)) {
        problems.push(`document ${documentId}: revisions ${versions.length} for version ${current}, not one per version`);
      }
      const latest = getRevision('document', documentId, current, options)?.snapshot as DocumentSnapshot | undefined;
      const now = getDocumentForEditing(documentId, options);
      if (JSON.stringify(latest) !== JSON.stringify(now)) problems.push(`document ${documentId}: the current entry differs from its latest revision`);
    }
  } finally {
    writer.close();
  }
  return problems;
}
