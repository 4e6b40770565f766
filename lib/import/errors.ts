// The one error the importer throws on input it cannot read, so callers can tell bad input from bugs.

export class ImportError extends Error {
  readonly line?: number | undefined;

  constructor(message: string, line?: number) {
    super(message);
    this.name = 'ImportError';
    this.line = line;
  }
}
