// The command lines of the search maintenance commands: search:embed takes `--rebuild`, search:index
// `--rebuild` and `--merge`. Anything else is a mistake worth stopping for, before the database is touched.

const FLAGS = {
  'search:embed': ['--rebuild'],
  'search:index': ['--rebuild', '--merge'],
} as const;

type Command = keyof typeof FLAGS;
/** A flag without its dashes; distributed over a union of flags. */
type Bare<F> = F extends `--${infer Name}` ? Name : never;
/** A command's flags without their dashes: 'rebuild' | 'merge' for search:index. */
type Flag<C extends Command> = Bare<(typeof FLAGS)[C][number]>;

/** Which of `command`'s flags were given; any other argument prints the usage and exits with status 2. */
export function maintenanceFlags<C extends Command>(command: C): Record<Flag<C>, boolean> {
  const known: readonly string[] = FLAGS[command];
  const args = process.argv.slice(2);
  const unknown = args.filter((a) => !known.includes(a));
  if (unknown.length > 0) {
    const options = known.length === 1 ? known[0] : known.map((flag) => `[${flag}]`).join(' ');
    console.error(`${command}: unknown option ${unknown.join(' ')}\nusage: npm run ${command} [-- ${options}]`);
    process.exit(2);
  }
  return Object.fromEntries(known.map((flag) => [flag.slice(2), args.includes(flag)])) as Record<Flag<C>, boolean>;
}
