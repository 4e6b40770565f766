// The engines a run compares: the names --engines accepts, and each name's engine over a corpus file.
import { FlexSearchEngine } from '../engines/flexsearch';
import { Fts5FloorEngine } from '../engines/fts5-floor';
import { LikeEngine } from '../engines/like';
import { MiniSearchEngine } from '../engines/minisearch';
import { ProjectEngine, ProjectRankEngine } from '../engines/project';
import { ProjectPostgresEngine } from '../engines/project-postgresql';
import { ALL_ENGINE_NAMES, type Engine, type EngineName } from '../engines/types';

/** An engine over the corpus file; loadMs is the corpus's load time, maxId its last passage id. */
export function makeEngine(name: EngineName, file: string, loadMs: number, maxId: number, indexProgress: (done: number) => void): Engine {
  if (name === 'project-postgresql') return new ProjectPostgresEngine(file);
  return name === 'project'
    ? new ProjectEngine(file, loadMs, 'hybrid')
    : name === 'project-lexical'
      ? new ProjectEngine(file, loadMs, 'lexical')
      : name === 'project-rank'
        ? new ProjectRankEngine(file, loadMs)
        : name === 'fts5-floor'
          ? new Fts5FloorEngine(file, loadMs)
          : name === 'like'
            ? new LikeEngine(file, loadMs)
            : name === 'minisearch'
              ? new MiniSearchEngine(file, maxId, indexProgress)
              : new FlexSearchEngine(file, maxId, indexProgress);
}

export function parseEngines(list: string): EngineName[] {
  const names = list
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const name of names) {
    if (!(ALL_ENGINE_NAMES as readonly string[]).includes(name)) throw new Error(`Unknown engine "${name}"; choose from ${ALL_ENGINE_NAMES.join(', ')}.`);
  }
  return names as EngineName[];
}
