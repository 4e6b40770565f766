// The entry a merge or delete form acts on, as both forms post it and name it.
export interface EntryTarget {
  /** "speaker", "topic". */
  noun: string;
  id: number;
  name: string;
  /** The version the editor saw: a change made since makes the action refuse. */
  expectedVersion: number;
}
