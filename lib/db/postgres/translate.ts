// The app's SQL is written once, in the dialect both engines share, the way SQLite reads it: table and
// column names unquoted in their schema case (`SELECT documentId FROM Passage`) and `?` for values.
// PostgreSQL folds unquoted names to lower case and numbers its parameters, so before a statement
// reaches it, this quotes every mixed-case name (`"documentId"`, `"Passage"`: a result row then keeps
// the same keys as on SQLite) and numbers the `?`s ($1, $2…). String literals, quoted names and
// comments pass through untouched. Names in one case (`id`, `text`, keywords, functions) need nothing.
// Two kinds of PostgreSQL string it cannot read are refused rather than guessed at: dollar-quoted
// bodies (`$$…$$`, `$tag$…$tag$`) and escape strings (`E'it\'s'`). Inside either, a `?` or a
// mixed-case word would be rewritten as if it were SQL, and `\'` would end the literal early in its
// eyes, so the statement reaching the server would not be the one written. No caller needs them
// (migrations, which hold function bodies, reach the server as they are written).
import 'server-only';

const IDENTIFIER = /[A-Za-z_][A-Za-z0-9_]*/y;
/** The opening of a dollar-quoted string: `$$` or `$tag$`. */
const DOLLAR_QUOTE = /\$(?:[A-Za-z_][A-Za-z0-9_]*)?\$/y;

export class UntranslatableSqlError extends Error {
  constructor(what: string, at: number) {
    super(`toPostgres cannot translate ${what} (at character ${at}): write the statement without it, or send it untranslated`);
    this.name = 'UntranslatableSqlError';
  }
}

/** A mixed-case name: both cases present, so PostgreSQL would fold it unless quoted. */
const isMixedCase = (word: string) => /[a-z]/.test(word) && /[A-Z]/.test(word);

export interface TranslateOptions {
  /** Number `?` placeholders ($1…). Off for text that already uses $n (Prisma's `Sql.text`). */
  numberPlaceholders?: boolean;
}

export function toPostgres(sqlText: string, { numberPlaceholders = true }: TranslateOptions = {}): string {
  let out = '';
  let parameter = 0;
  let i = 0;
  const n = sqlText.length;
  while (i < n) {
    const c = sqlText[i]!;
    // A quoted string or name: copied to its closing quote (a doubled quote is an escaped one).
    if (c === "'" || c === '"') {
      let j = i + 1;
      while (j < n) {
        if (sqlText[j] === c) {
          if (sqlText[j + 1] === c) j += 2;
          else break;
        } else j++;
      }
      out += sqlText.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (c === '-' && sqlText[i + 1] === '-') {
      const end = sqlText.indexOf('\n', i);
      const stop = end === -1 ? n : end;
      out += sqlText.slice(i, stop);
      i = stop;
      continue;
    }
    if (c === '/' && sqlText[i + 1] === '*') {
      const end = sqlText.indexOf('*/', i + 2);
      const stop = end === -1 ? n : end + 2;
      out += sqlText.slice(i, stop);
      i = stop;
      continue;
    }
    if (c === '?' && numberPlaceholders) {
      out += `$${++parameter}`;
      i++;
      continue;
    }
    DOLLAR_QUOTE.lastIndex = i;
    if (c === '$' && DOLLAR_QUOTE.test(sqlText)) throw new UntranslatableSqlError('a dollar-quoted string', i);
    // `$1` and `::type` casts pass through; a name is quoted when it is mixed-case.
    if (c === '$' && /[0-9]/.test(sqlText[i + 1] ?? '')) {
      let j = i + 1;
      while (j < n && /[0-9]/.test(sqlText[j]!)) j++;
      out += sqlText.slice(i, j);
      i = j;
      continue;
    }
    IDENTIFIER.lastIndex = i;
    const match = IDENTIFIER.exec(sqlText);
    if (match && (i === 0 || !/[A-Za-z0-9_]/.test(sqlText[i - 1]!))) {
      const word = match[0];
      if ((word === 'E' || word === 'e') && sqlText[i + 1] === "'") throw new UntranslatableSqlError("an escape string (E'…')", i);
      out += isMixedCase(word) ? `"${word}"` : word;
      i += word.length;
      continue;
    }
    out += c;
    i++;
  }
  return out;
}
