// Timed: a refresh. Another connection re-embeds 20 passages (delete + insert, as the embedder does)
// and adds vectors to 20 new ones; the next query reloads just those from the change log. And what
// the embedder asks after every editorial write: how many passages wait for vectors.
import { openDatabase, vectorIndexOf, vectors, type ChunkVector, type NearestRow, type Reader } from '@/lib/db';
import { EMBEDDING_MODEL } from '@/lib/search/vectors/model';
import { quantize } from '@/lib/search/vectors/quantize';
import { summarise } from '../lib/stats';
import { ms } from './measure';
import { randomUnit } from './random-vectors';
import { TS } from './scale-corpus';
import { ids, indexed, statement } from './step';

type VectorIndex = NonNullable<ReturnType<typeof vectorIndexOf>>;

export async function timeRefresh(reader: Reader, file: string, n: number, rand: () => number, queries: ChunkVector[], index: VectorIndex) {
  let t0: number;
  const writer = openDatabase(file);
  const insertAgain = writer.prepare('INSERT INTO PassageEmbedding (passageId, chunk, model, bits, vector) VALUES (?, ?, ?, ?, ?)');
  writer.transaction(() => {
    const passage = writer.prepare(
      `INSERT INTO Passage (id, documentId, position, anchor, kind, speakerId, text, updatedAt) VALUES (?, 1, ?, ?, 'answer', 1, 'x', ?)`,
    );
    for (let i = 1; i <= 20; i++) {
      writer.prepare('DELETE FROM PassageEmbedding WHERE passageId = ?').run(((i * 997) % n) + 1);
      const { bits, vector } = quantize(randomUnit(rand));
      insertAgain.run(((i * 997) % n) + 1, 0, EMBEDDING_MODEL, Buffer.from(bits.buffer), Buffer.from(vector.buffer));
      passage.run(n + i, 1000 + i, 1000 + i, TS);
      insertAgain.run(n + i, 0, EMBEDDING_MODEL, Buffer.from(bits.buffer), Buffer.from(vector.buffer));
    }
  })();
  const pendingMarked: number[] = [];
  const pendingScan: number[] = [];
  for (let i = 0; i < 5; i++) {
    t0 = performance.now();
    vectors.countPending(writer, EMBEDDING_MODEL);
    pendingMarked.push(ms(t0));
    t0 = performance.now();
    writer
      .prepare(
        `SELECT count(*) FROM Passage p WHERE trim(p.text) <> '' AND NOT EXISTS (SELECT 1 FROM PassageEmbedding e WHERE e.passageId = p.id AND e.model = ?)`,
      )
      .pluck()
      .get(EMBEDDING_MODEL);
    pendingScan.push(ms(t0));
  }
  writer.close();
  t0 = performance.now();
  const afterRefresh = await indexed(reader, queries[1], false);
  const refreshQueryMs = ms(t0);
  const refreshMs = index.stats.lastRefreshMs;
  const refreshAgrees = ids(afterRefresh) === ids(await reader.$queryRaw<NearestRow[]>(statement(queries[1], false)));
  return { refreshMs, refreshQueryMs, refreshAgrees, pendingMarked: summarise(pendingMarked), pendingScan: summarise(pendingScan) };
}
