// SEARCH_THREADS: how many threads search beside the server's main thread (lib/search/thread).
import { describe, expect, it } from 'vitest';
import { readEnv } from '@/lib/env';

const envOf = (vars: Record<string, string>) => readEnv(vars as NodeJS.ProcessEnv);

describe('SEARCH_THREADS', () => {
  it('is unset by default or left empty (the count follows the cores), and takes 0 to 16', () => {
    expect(envOf({}).SEARCH_THREADS).toBeUndefined();
    expect(envOf({ SEARCH_THREADS: '' }).SEARCH_THREADS).toBeUndefined();
    expect(envOf({ SEARCH_THREADS: '0' }).SEARCH_THREADS).toBe(0);
    expect(envOf({ SEARCH_THREADS: '16' }).SEARCH_THREADS).toBe(16);
  });

  it.each([
    ['-1', /must be 0 or more/],
    ['17', /must be 16 or fewer/],
    ['1.5', /must be a whole number/],
  ])('refuses %j with a message that names the variable', (value, message) => {
    expect(() => envOf({ SEARCH_THREADS: value })).toThrow(new RegExp(`SEARCH_THREADS: ${message.source}`));
  });
});
