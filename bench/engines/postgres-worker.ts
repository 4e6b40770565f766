// The child process of the project-postgresql engine. lib/search picks its full-text statements once
// per process from DATABASE_URL (lib/db/engine-statements.ts), so the project's search on PostgreSQL
// must run in a process started with DATABASE_URL=postgresql://…: this one. It answers the parent's
// queries over the IPC channel and times each search itself, around searchPassages alone, exactly as
// the bench times the SQLite engines in its own process: the message passing is not in the figures.
import { databaseTarget, openReaderAt, type Reader } from '@/lib/db';
import { searchPassages } from '@/lib/search/search-passages';
import { requestFor } from './project';
import type { WorkerReply, WorkerRequest } from './postgres-protocol';

/** The relations whose size the report gives: the full-text indexes and the table they index. */
const SIZED_RELATIONS = ['passage_fts', 'passage_words_fts', 'entity_fts', '"Passage"'];

const url = process.env.DATABASE_URL ?? '';
if (!/^postgres(ql)?:\/\//.test(url)) throw new Error(`postgres-worker needs DATABASE_URL=postgresql://…, got "${url}"`);
const reader: Reader = openReaderAt(databaseTarget(url));

async function answer(request: WorkerRequest): Promise<WorkerReply> {
  switch (request.kind) {
    case 'search': {
      const started = performance.now();
      const response = await searchPassages(reader, requestFor(request.query, request.limit, 'hybrid'));
      const elapsedMs = performance.now() - started;
      return {
        kind: 'search',
        elapsedMs,
        hits: {
          ids: response.hits.map((h) => h.passageId),
          total: response.total,
          didYouMean: response.didYouMean,
          ...(response.approximate ? { approximate: true } : {}),
          ...(response.matchedBy ? { matchedBy: response.matchedBy } : {}),
        },
      };
    }
    case 'stats': {
      const [database] = await reader.$queryRaw<{ bytes: number }[]>`SELECT pg_database_size(current_database()) AS bytes`;
      const relations: Record<string, number> = {};
      for (const name of SIZED_RELATIONS) {
        const [row] = await reader.$queryRaw<{ bytes: number }[]>`SELECT pg_total_relation_size(CAST(${name} AS regclass)) AS bytes`;
        relations[name.replace(/"/g, '')] = Number(row.bytes);
      }
      // A backend of this reader's pool: its parent in /proc is the server's postmaster.
      const [backend] = await reader.$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`;
      const [version] = await reader.$queryRaw<{ version: string }[]>`SELECT current_setting('server_version') AS version`;
      return {
        kind: 'stats',
        databaseBytes: Number(database.bytes),
        relations,
        backendPid: Number(backend.pid),
        serverVersion: version.version,
        rssBytes: process.memoryUsage().rss,
        maxRssBytes: process.resourceUsage().maxRSS * 1024,
      };
    }
  }
}

process.on('message', (message: WorkerRequest & { seq: number }) => {
  answer(message).then(
    (reply) => process.send!({ ...reply, seq: message.seq }),
    (error: unknown) => process.send!({ kind: 'error', seq: message.seq, message: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
  );
});
process.on('disconnect', () => {
  reader.close();
  process.exit(0);
});
// A first round trip opens the pool's connection before the parent times anything.
await reader.$queryRaw`SELECT 1 AS one`;
process.send!({ kind: 'ready', seq: 0 });
