// Runs one of the project's scripts (scripts/<name>.ts) as the real command does: a child process of
// this Node with the scripts' loader flags, from the project's root, with `env` over this process's.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { SCRIPT_NODE_ARGS } from '@/scripts/node-args';

const ROOT = path.resolve(import.meta.dirname, '../..');

export function runScript(name: string, args: string[], env: Record<string, string>, options: { timeoutMs?: number } = {}) {
  const result = spawnSync(process.execPath, [...SCRIPT_NODE_ARGS, `scripts/${name}.ts`, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
    timeout: options.timeoutMs,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
