// Finds the closing bio paragraphs ("Jeff Kim is a …") at the end of a piece and gives each to its speaker.
import { leaveUnplaced, setBio, type Block, type Draft } from './draft';
import { bioName, nameKey } from './names';

// Words a contributor's bio uses and a sentence of testimony ("North Korea is a prison.") does not.
const BIO_CUE =
  /\b(?:writer|journalist|photographer|consultant|fellow|professor|student|director|editor|researcher|author|reporter|analyst|activist|defector|founder|co-founder|member|graduate|lawyer|scholar|correspondent|contributor|producer|manager|intern|candidate|associate|advisor|adviser|chair|coordinator|officer|lecturer|novelist|poet|filmmaker|translator|based in|lives in|works at|studies|studying)\b/i;

function looksLikeBio(afterName: string): boolean {
  const first = afterName.split(/(?<=[.!?])\s/)[0] ?? '';
  return /^\s+(?:is|was)\s+(?:a|an|the)\s/.test(afterName) && BIO_CUE.test(first);
}

/** The run of bio-shaped paragraphs at the very end (before any navigation tail), in text order. */
export function closingBioRun(blocks: Block[], isTurn: (block: Block) => boolean): Block[] {
  const run: Block[] = [];
  for (let i = blocks.length - 1; i >= 0; i--) {
    const block = blocks[i];
    if (!block) continue;
    if (block.tail || block.bodyChrome) continue;
    if (isTurn(block) || !bioName(block.text)) break;
    run.unshift(block);
  }
  return run;
}

/**
 * A bio goes to the speaker it names. In an interview, a bio of someone who is not a speaker is
 * reported rather than glued to the last answer; elsewhere a non-speaker paragraph stays content.
 * Returns the blocks it took.
 */
export function placeClosingBios(draft: Draft, run: Block[], speakers: string[]): Set<number> {
  const taken = new Set<number>();
  for (const block of run) {
    const name = bioName(block.text) ?? '';
    const speaker = speakers.find((s) => nameKey(s) === nameKey(name));
    if (speaker) {
      setBio(draft, speaker, block);
      taken.add(block.index);
    } else if (draft.kind === 'interview' && name.includes(' ') && looksLikeBio(block.text.slice(name.length))) {
      leaveUnplaced(draft, block, `closing bio of "${name}", who is not a speaker`);
      taken.add(block.index);
    }
  }
  return taken;
}
