// The body of a search thread (search-threads.ts starts it): its own read-only connection to the
// archive, and searchPassages run on it for each request the server's main thread posts, one after
// another. The answer goes back as a plain object (structured clone), or as the search API's JSON text
// when the API asked; a search that fails sends its error's message, as the main thread would have
// seen it thrown.
import 'server-only';
import { parentPort, workerData } from 'node:worker_threads';
import { searchAnswerJson } from '@/lib/data/search-answer';
import { openReader } from '@/lib/db';
import { readEnglishDictionary } from '@/lib/search/dictionary';
import { startReadingFacetColumns } from '@/lib/search/facet-columns';
import { searchPassages } from '@/lib/search/search-passages';
import type { SearchRequest } from '@/lib/search/types';
import type { FromThread, ToThread } from './messages';

const { file } = workerData as { file: string };
const port = parentPort!;
// Its connection does nothing but search: each search reads one moment of the archive (lib/db/sqlite/one-read.ts).
const db = openReader(file, { oneRead: true });
// Read while the thread waits for its first search (1,000,000 passages: about a second in all).
void startReadingFacetColumns(db);
// Before the thread says it is ready: until then the main thread searches itself.
readEnglishDictionary();

port.on('message', async ({ id, request, form }: ToThread) => {
  let answer: FromThread;
  try {
    const response = await searchPassages(db, request as SearchRequest);
    answer = form === 'json' ? { id, json: searchAnswerJson(response) } : { id, response };
  } catch (error) {
    answer = { id, error: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(answer);
});
port.postMessage({ ready: true } satisfies FromThread);
