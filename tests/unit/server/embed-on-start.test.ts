// SEARCH_EMBED_ON_START: whether `npm start` embeds passages without vectors in the background.
import { describe, expect, it } from 'vitest';
import { readEnv } from '@/lib/env';

const envOf = (vars: Record<string, string>) => readEnv(vars as NodeJS.ProcessEnv);

describe('SEARCH_EMBED_ON_START', () => {
  it('is on unless turned off', () => {
    expect(envOf({}).SEARCH_EMBED_ON_START).toBe('on');
    expect(envOf({ SEARCH_EMBED_ON_START: 'off' }).SEARCH_EMBED_ON_START).toBe('off');
  });

  it.each(['no', 'OFF', 'false', ''])('refuses %j with a message that names the variable', (value) => {
    expect(() => envOf({ SEARCH_EMBED_ON_START: value })).toThrow(/SEARCH_EMBED_ON_START: SEARCH_EMBED_ON_START must be "on" or "off"/);
  });
});
