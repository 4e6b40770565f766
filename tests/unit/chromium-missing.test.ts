// `npm test` on a machine without Chromium: the browser tests stop at once with one line saying how
// to install it, not a stack trace per test.
import { spawnSync } from 'node:child_process';
import { expect, it } from 'vitest';

it('stops the browser tests with one clear line when Chromium is missing', () => {
  const run = spawnSync('npx', ['playwright', 'test', '--list'], {
    env: { ...process.env, CHROMIUM_PATH: '/nonexistent/chromium' },
    encoding: 'utf8',
    timeout: 60_000,
  });
  expect(run.status).toBe(1);
  const lines = `${run.stdout}${run.stderr}`.trim().split('\n');
  expect(lines).toEqual([
    expect.stringMatching(
      /^The browser tests need Chromium at \/nonexistent\/chromium, and it is not there\. Install it: .*apt-get install -y chromium-headless-shell/,
    ),
  ]);
});
