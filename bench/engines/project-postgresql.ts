// The project's own search on PostgreSQL ("project-postgresql"): a throwaway server
// (tests/support/postgres-server.ts: fsync and synchronous commit off, which flatters the load, not
// the reads), the corpus copied into it from the same SQLite file the other engines read
// (copySqliteToPostgres, archive:migrate's copy: migrations, every table, then the full-text indexes
// built once over every passage, all in one transaction), then searchPassages in hybrid mode, as "project" calls it, in a
// child process whose DATABASE_URL is that database (lib/search picks its full-text statements once a
// process from DATABASE_URL). The child times each search itself (postgres-worker.ts).
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { copySqliteToPostgres } from '@/lib/db';
import { SCRIPT_NODE_ARGS } from '@/scripts/node-args';
import { startPostgres, type PostgresServer } from '@/tests/support/postgres-server';
import { serverMemory } from '../lib/process-memory';
import type { StatsReply, WorkerMessage, WorkerReply, WorkerRequest } from './postgres-protocol';
import type { BuildStats, Engine, EngineHits, EngineQuery, OutOfProcessMemory } from './types';

const WORKER = path.join(import.meta.dirname, 'postgres-worker.ts');
const DATABASE = 'bench';

export class ProjectPostgresEngine implements Engine {
  readonly name = 'project-postgresql';
  private server: PostgresServer | null = null;
  private child: ChildProcess | null = null;
  private seq = 0;
  private readonly pending = new Map<number, { resolve: (reply: WorkerReply) => void; reject: (error: Error) => void }>();

  constructor(private readonly sqliteFile: string) {}

  async build(): Promise<BuildStats> {
    try {
      return await this.startAndCopy();
    } catch (error) {
      await this.close(); // no server left behind a failed build
      throw error;
    }
  }

  private async startAndCopy(): Promise<BuildStats> {
    this.server = await startPostgres();
    this.server.admin(`CREATE DATABASE ${DATABASE}`);
    const url = this.server.url(DATABASE);
    const started = performance.now();
    await copySqliteToPostgres(this.sqliteFile, url);
    const buildMs = performance.now() - started;
    await this.startChild(url);
    const stats = await this.stats();
    return {
      buildMs,
      indexBytes: stats.databaseBytes,
      indexBytesKind: 'server',
      relationBytes: stats.relations,
      notes: [
        `PostgreSQL ${stats.serverVersion}, a throwaway server with fsync, synchronous_commit and full_page_writes off (flatters the load, not the reads)`,
        'build = the copy from the SQLite corpus file (copySqliteToPostgres: migrations, rows, full-text indexes built once after the rows, one transaction)',
        'searched in a child process with DATABASE_URL on that database, each search timed inside the child',
      ],
    };
  }

  async search(query: EngineQuery, limit: number): Promise<EngineHits> {
    const reply = await this.ask({ kind: 'search', query, limit });
    if (reply.kind !== 'search') throw new Error(`${this.name}: unexpected reply ${reply.kind}`);
    return { ...reply.hits, elapsedMs: reply.elapsedMs };
  }

  async memory(): Promise<OutOfProcessMemory> {
    const stats = await this.stats();
    const server = serverMemory(stats.backendPid);
    return { childRssBytes: stats.rssBytes, childMaxRssBytes: stats.maxRssBytes, ...(server ? { server } : {}) };
  }

  async close() {
    const child = this.child;
    this.child = null;
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.disconnect();
      await exited;
    }
    this.server?.stop();
    this.server = null;
  }

  private async stats(): Promise<StatsReply> {
    const reply = await this.ask({ kind: 'stats' });
    if (reply.kind !== 'stats') throw new Error(`${this.name}: unexpected reply ${reply.kind}`);
    return reply;
  }

  private startChild(url: string): Promise<void> {
    return new Promise((resolve, reject) => {
      const child = fork(WORKER, [], {
        execArgv: SCRIPT_NODE_ARGS,
        env: { ...process.env, DATABASE_URL: url },
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      });
      this.child = child;
      child.on('message', (message: WorkerMessage) => {
        if (message.kind === 'ready') return resolve();
        const waiter = this.pending.get(message.seq);
        if (!waiter) return;
        this.pending.delete(message.seq);
        if (message.kind === 'error') waiter.reject(new Error(`${this.name} worker: ${message.message}`));
        else waiter.resolve(message);
      });
      child.once('exit', (code) => {
        const error = new Error(`${this.name} worker exited (${code})`);
        reject(error);
        for (const waiter of this.pending.values()) waiter.reject(error);
        this.pending.clear();
      });
    });
  }

  private ask(request: WorkerRequest): Promise<WorkerReply> {
    const child = this.child;
    if (!child) return Promise.reject(new Error(`${this.name}: search before build`));
    const seq = ++this.seq;
    return new Promise((resolve, reject) => {
      this.pending.set(seq, { resolve, reject });
      child.send({ ...request, seq });
    });
  }
}
