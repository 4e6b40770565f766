// The command line of the search maintenance commands (search:embed, search:index): nothing, or
// `--rebuild`. Anything else is a mistake worth stopping for, before the database is touched.

/** Whether `--rebuild` was given; any other argument prints the usage and exits with status 2. */
export function rebuildFlag(command: 'search:embed' | 'search:index'): boolean {
  const args = process.argv.slice(2);
  const unknown = args.filter((a) => a !== '--rebuild');
  if (unknown.length > 0) {
    console.error(`${command}: unknown option ${unknown.join(' ')}\nusage: npm run ${command} [-- --rebuild]`);
    process.exit(2);
  }
  return args.includes('--rebuild');
}
