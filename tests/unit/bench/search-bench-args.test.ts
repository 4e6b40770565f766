// The command line of `npm run bench:search`: its defaults, whole numbers with `_` as a thousands
// mark, and a mistyped number or engine refused with the flag named and the usage shown.
import { describe, expect, it } from 'vitest';
import { ENGINE_NAMES } from '@/bench/engines/types';
import { parseArgs } from '@/bench/search-bench';

describe('bench:search command line', () => {
  it('defaults to 10,000 passages, 5 runs, seed 42 and every engine', () => {
    expect(parseArgs([])).toMatchObject({ n: 10_000, runs: 5, seed: 42, engines: [...ENGINE_NAMES], rebuild: false, likeMaxN: 200_000, memoryMaxN: 300_000 });
  });

  it('reads whole numbers, with _ as a thousands mark', () => {
    expect(parseArgs(['--passages', '100_000', '--runs', '3', '--seed', '0'])).toMatchObject({ n: 100_000, runs: 3, seed: 0 });
  });

  it.each([
    [['--passages', '0'], /^--passages needs a whole number ≥ 1, not "0"\.$/],
    [['--seed', '1.5'], /^--seed needs a whole number ≥ 0, not "1\.5"\./],
    [['--runs', 'many'], /^--runs needs a whole number ≥ 1, not "many"\./],
    [['--engines', 'project,nope'], /^Unknown engine "nope"; choose from project,/],
    [['--pasages', '10'], /Unknown option '--pasages'[\s\S]*Usage: npm run bench:search/],
  ])('refuses %j, naming the flag', (argv, message) => {
    expect(() => parseArgs(argv)).toThrow(message);
  });
});
