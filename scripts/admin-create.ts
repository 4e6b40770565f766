// `npm run admin:create -- --email … [--name …] [--role admin|editor]`: makes a back-office account.
// The password comes from ADMIN_PASSWORD or is typed twice at a terminal, unseen; there is no default.
import './load-env';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { env } from '@/lib/env';
import { AccountError, createAccount } from '@/lib/auth/accounts';
import { databaseTarget, migrateAt, openWriter } from '@/lib/db';
import { emailSchema, MIN_PASSWORD_LENGTH, userRoleSchema } from '@/lib/validation/users';

export const USAGE = `Usage: npm run admin:create -- --email ADDRESS [--name NAME] [--role admin|editor]
  The password is read from ADMIN_PASSWORD, or asked for twice when run at a terminal.
  --role defaults to admin: this is how the first admin gets in.`;

export class UsageError extends Error {}

export interface AdminCreateOptions {
  email: string;
  name: string;
  role: 'admin' | 'editor';
}

export function parseAdminCreateArguments(argv: string[]): AdminCreateOptions {
  let values;
  try {
    ({ values } = parseArgs({ args: argv, options: { email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' } } }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (!values.email) throw new UsageError('--email is required');
  const email = emailSchema.safeParse(values.email);
  if (!email.success) throw new UsageError(email.error.issues[0].message);
  const role = userRoleSchema.safeParse(values.role ?? 'admin');
  if (!role.success) throw new UsageError('--role must be admin or editor');
  // Without --name, the part before the @ is a name the admin can change later.
  return { email: email.data, name: values.name?.trim() || email.data.split('@')[0], role: role.data };
}

/** ADMIN_PASSWORD, else two matching entries at a terminal; anything else is refused. */
export async function readPassword(
  source: Record<string, string | undefined> = process.env,
  atTerminal: boolean = Boolean(process.stdin.isTTY && process.stdout.isTTY),
): Promise<string> {
  const fromEnv = source.ADMIN_PASSWORD;
  if (!fromEnv && !atTerminal) throw new UsageError('set ADMIN_PASSWORD, or run this at a terminal to type the password');
  const password = fromEnv ? fromEnv : await promptTwice();
  if (password.length < MIN_PASSWORD_LENGTH) throw new UsageError(`the password needs at least ${MIN_PASSWORD_LENGTH} characters`);
  return password;
}

async function promptTwice(): Promise<string> {
  const first = await promptHidden('Password: ');
  const second = await promptHidden('Password again: ');
  if (first !== second) throw new UsageError('the two passwords differ');
  return first;
}

/** Reads one line with echo off (raw mode), so the password never shows on screen or in scrollback. */
function promptHidden(question: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const stdin = process.stdin;
    let typed = '';
    process.stdout.write(question);
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding('utf8');
    const finish = (error?: Error) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      process.stdout.write('\n');
      if (error) reject(error);
      else resolve(typed);
    };
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === '\r' || char === '\n') return finish();
        if (char === '\u0003' || char === '\u0004') return finish(new UsageError('cancelled'));
        if (char === '\u007f' || char === '\b') typed = typed.slice(0, -1);
        else if (char >= ' ') typed += char;
      }
    };
    stdin.on('data', onData);
  });
}

export async function main(argv: string[]): Promise<void> {
  const options = parseAdminCreateArguments(argv);
  const password = await readPassword();
  // A fresh checkout has no database yet; the account tables come with the migrations.
  await migrateAt(env.DATABASE_URL);
  const writer = openWriter(databaseTarget(env.DATABASE_URL));
  try {
    const user = await createAccount(writer, { ...options, password });
    console.log(`Created ${user.role} ${user.email} (${user.name}). Sign in at /sign-in.`);
  } finally {
    writer.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    await main(process.argv.slice(2));
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`admin:create: ${error.message}\n\n${USAGE}`);
      process.exitCode = 2;
    } else if (error instanceof AccountError) {
      console.error(`admin:create: ${error.message} Nothing was written.`);
      process.exitCode = 1;
    } else {
      throw error;
    }
  }
}
