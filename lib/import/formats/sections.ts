// A format's table of contents, for the passages the editor kept: each section points at a kept
// passage. A section whose passage was left out moves to the next kept one, or goes when none follows.
import type { ImportedSection } from '../types';

export interface KeptSection {
  title: string;
  synopsis: string | null;
  keywords: string[];
  /** Index into the kept passages. */
  passageIndex: number;
}

/** `kept` lists the indexes (into the importer's passages) that are saved, in order. */
export function sectionsForKept(sections: readonly ImportedSection[], kept: readonly number[]): { sections: KeptSection[]; dropped: string[] } {
  const out: KeptSection[] = [];
  const dropped: string[] = [];
  for (const section of sections) {
    const at = kept.findIndex((index) => index >= section.passage);
    if (at < 0) {
      dropped.push(`section "${section.title}" was left out: no kept passage is at or after its start (passage ${section.passage + 1})`);
      continue;
    }
    out.push({ title: section.title, synopsis: section.synopsis, keywords: section.keywords, passageIndex: at });
  }
  return { sections: out, dropped };
}
