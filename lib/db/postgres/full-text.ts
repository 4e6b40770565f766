// PostgreSQL's full text: tsvector columns with GIN indexes (passage_fts: text A, speaker B, title C;
// entity_fts: name A, detail B) and the word list passage_words_fts, all kept up to date by the
// triggers of migration 20261202080100_full_text. The expression handed around is tsquery text
// (fts-tsquery.ts), only ever passed as a bound value to to_tsquery. Statements are in the shared
// dialect: the reader (reader.ts) quotes the mixed-case names.
import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';
import type { FullTextIndex, FullTextStatements, Marks } from '../full-text';
import { ENTITY_DETAIL_WEIGHT, ENTITY_NAME_WEIGHT, SPEAKER_WEIGHT, TEXT_WEIGHT, TITLE_WEIGHT } from '../sqlite/full-text';
import { anyWordText, toTsqueryText } from './fts-tsquery';

/** The expression as a tsquery, folded and stemmed as the index was. */
const tsquery = (expression: string) => Prisma.sql`to_tsquery('archive_fts', ${expression})`;

/**
 * `vector` matches the expression. A query left with nothing but a NOT (every word it required folded
 * to nothing) would match nearly everything, and by a scan of the whole index: it matches nothing
 * (querytree() is 'T' exactly when the index cannot narrow the query down).
 */
const matches = (vector: Prisma.Sql, expression: string) => Prisma.sql`${vector} @@ ${tsquery(expression)} AND querytree(${tsquery(expression)}) <> 'T'`;

// ts_rank's weights, in its order {D, C, B, A}, scaled so the largest is 1 (ts_rank refuses more):
// SQLite's BM25 column weights, so the same column outranks the same other column.
const weightArray = (weights: number[]) => {
  const top = Math.max(...weights);
  return Prisma.raw(`'{${weights.map((weight) => weight / top).join(', ')}}'::float4[]`);
};
const PASSAGE_WEIGHTS = weightArray([0, TITLE_WEIGHT, SPEAKER_WEIGHT, TEXT_WEIGHT]);
const ENTITY_WEIGHTS = weightArray([0, 0, ENTITY_DETAIL_WEIGHT, ENTITY_NAME_WEIGHT]);
// Normalization 1: a score divided by 1 + log(length), so a word in a short passage counts for more,
// as BM25's length normalization has it.
const NORMALIZATION = 1;

/**
 * What ranks a match: the query without its NOTs (querytree(), read back as a tsquery), since
 * ts_rank scores `a & !b` as 0 for every passage; FTS5's bm25() likewise scores only what matched.
 */
const rankedQuery = (expression: string) => Prisma.sql`CAST(querytree(${tsquery(expression)}) AS tsquery)`;

/** Lower is better, as FTS5's bm25(): ts_rank is higher-is-better, so its negation. */
const passageRank = (expression: string) => Prisma.sql`-ts_rank(${PASSAGE_WEIGHTS}, passage_fts.document, ${rankedQuery(expression)}, ${NORMALIZATION})`;

/**
 * ts_headline's options. Values are double-quoted (a mark may hold a comma or a space), with a double
 * quote doubled. One fragment of at most `tokens` words, as FTS5's snippet() picks one; ShortWord 0
 * keeps a fragment from dropping short words at its ends.
 */
function headlineOptions(marks: Marks, tokens?: number): string {
  const quoted = (value: string) => `"${value.replaceAll('"', '""')}"`;
  const options = [`StartSel=${quoted(marks.open)}`, `StopSel=${quoted(marks.close)}`];
  if (tokens === undefined) options.push('HighlightAll=true');
  else options.push(`MaxFragments=1`, `MaxWords=${Math.max(2, tokens)}`, `MinWords=${Math.max(1, Math.floor(tokens / 2))}`, 'ShortWord=0');
  return options.join(', ');
}

/**
 * A fragment of `body` with its matches marked, with '…' where it leaves out words before or after it,
 * as FTS5's snippet() writes it: the fragment without its marks is found in the text, and what lies
 * before and after it is looked at. ts_headline drops the punctuation at a fragment's ends: where no
 * word is left out, that punctuation is put back ("said." stays "said.", as FTS5 shows it).
 */
function snippetOf(body: Prisma.Sql, expression: string, marks: Marks, tokens: number): Prisma.Sql {
  const shielded = shield(body);
  const headline = Prisma.sql`ts_headline('archive_fts', ${shielded}, ${tsquery(expression)}, ${headlineOptions(marks, tokens)})`;
  const plain = Prisma.sql`replace(replace(h.marked, ${marks.open}, ''), ${marks.close}, '')`;
  return joinPhrases(
    unshield(Prisma.sql`(SELECT CASE WHEN c.before ~ '[[:alnum:]]' THEN '…' ELSE c.before END || c.marked || CASE WHEN c.after ~ '[[:alnum:]]' THEN '…' ELSE c.after END
    FROM (SELECT b.marked, left(b.body, b.at - 1) AS before, substr(b.body, b.at + length(b.plain)) AS after FROM (SELECT h.body, h.marked, ${plain} AS plain, greatest(1, position(${plain} in h.body)) AS at
          FROM (SELECT ${shielded} AS body, ${headline} AS marked) h) b) c)`),
    marks,
    expression,
  );
}

/**
 * ts_headline's parser reads `<…>` as an HTML tag and leaves it out of the headline: a passage that
 * quotes "<script>" (or any text between angle brackets) would lose those words in its snippet. The
 * brackets are swapped for two private-use characters, which the parser takes for plain separators,
 * and swapped back afterwards: every word of the text reaches the reader.
 */
const SHIELDS = '\uE000\uE001';
const shield = (text: Prisma.Sql) => Prisma.sql`translate(${text}, '<>', ${SHIELDS})`;
const unshield = (text: Prisma.Sql) => Prisma.sql`translate(${text}, ${SHIELDS}, '<>')`;

/**
 * ts_headline marks each word of a phrase on its own ("[sheep]'[s clothing]"); FTS5 marks a phrase's
 * match as one span from its first word to its last, punctuation between them included ("[sheep's
 * clothing]"), and the reader's page scrolls to and styles that span. Words that matched on their own
 * stay apart on FTS5 ("[help] [North] [Koreans]" for a natural query), so only runs of exactly as many
 * marked words as a phrase of the query has, with nothing but spaces and punctuation between them, are
 * joined, longest phrases first. A phrase of more than five words stays marked word by word
 * (PostgreSQL's regular expressions have nine back references).
 */
function joinPhrases(text: Prisma.Sql, marks: Marks, expression: string): Prisma.Sql {
  const outside = `[^${[...new Set(marks.open + marks.close)].map(classChar).join('')}`;
  const word = `${outside}]*`;
  const between = `${outside}[:alnum:]]*`;
  const open = escapeRegExp(marks.open);
  const close = escapeRegExp(marks.close);
  return phraseLengths(expression)
    .filter((length) => length <= 5)
    .reduce((joined, length) => {
      const words = Array.from({ length }, () => `${open}(${word})${close}`);
      const pattern = words.join(`(${between})`);
      const kept = Array.from({ length: 2 * length - 1 }, (_, i) => `\\${i + 1}`).join('');
      return Prisma.sql`regexp_replace(${joined}, ${pattern}, ${`${marks.open}${kept}${marks.close}`}, 'g')`;
    }, text);
}

/** A character for a bracket expression: punctuation escaped (AREs read \ inside brackets too). */
const classChar = (char: string) => (/[\p{L}\p{N}]/u.test(char) ? char : `\\${char}`);

/** How many words each phrase of the tsquery text has (fts-tsquery.ts writes `('a' <-> 'b')`), longest first. */
export function phraseLengths(expression: string): number[] {
  const quoted = "'(?:[^'\\\\]|''|\\\\.)*'(?::\\*)?";
  const phrases = expression.match(new RegExp(`\\(${quoted}(?: <-> ${quoted})+\\)`, 'g')) ?? [];
  return [...new Set(phrases.map((phrase) => phrase.split(' <-> ').length))].sort((a, b) => b - a);
}
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// The index tables, and their columns of running text where a word may stand on its own (standaloneRows).
const TABLES: Record<FullTextIndex, { from: Prisma.Sql; id: Prisma.Sql; texts: Prisma.Sql[] }> = {
  passages: {
    from: Prisma.sql`passage_fts JOIN Passage p ON p.id = passage_fts.id JOIN Document d ON d.id = p.documentId`,
    id: Prisma.sql`passage_fts.id`,
    texts: [Prisma.sql`p.text`, Prisma.sql`d.title`],
  },
  entities: { from: Prisma.sql`entity_fts`, id: Prisma.sql`entity_fts.entry`, texts: [Prisma.sql`entity_fts.name`, Prisma.sql`entity_fts.detail`] },
};

/**
 * Marks put around every occurrence of a word to see what stands before it (standaloneRows): control
 * characters the importer never keeps in text.
 */
const OCCURRENCE = { open: '\u0002', close: '\u0003' };
/** An occurrence at the start of the text, or after anything but a hyphen (ASCII, U+2010, U+2011). */
const STANDALONE_OCCURRENCE = `(^|[^-\u2010\u2011])${OCCURRENCE.open}`;
export const postgresFullText: FullTextStatements = {
  expression: toTsqueryText,

  matchedRows(expression, withRank, sampleEvery, documentSlug) {
    const rank = withRank ? Prisma.sql`, ${passageRank(expression)} AS rank, p.position AS position` : Prisma.empty;
    // A sample is taken on the index's own id, decided as the index yields each match.
    const sampled = sampleEvery ? Prisma.sql`AND passage_fts.id % ${sampleEvery} = 0` : Prisma.empty;
    const inDocument = documentSlug ? Prisma.sql`AND d.slug = ${documentSlug}` : Prisma.empty;
    return Prisma.sql`
    SELECT p.id AS id, p.kind AS kind, p.speakerId AS speakerId, d.publishedOn AS publishedOn, d.publishedUntil AS publishedUntil ${rank}
    FROM passage_fts
    JOIN Passage p ON p.id = passage_fts.id
    JOIN Document d ON d.id = p.documentId
    WHERE ${matches(Prisma.sql`passage_fts.document`, expression)} ${sampled} ${inDocument}`;
  },

  matchedId: Prisma.sql`passage_fts.id`,

  rowsMatching(expression, index = 'passages') {
    return index === 'passages'
      ? Prisma.sql`SELECT passage_fts.id AS id FROM passage_fts WHERE ${matches(Prisma.sql`passage_fts.document`, expression)}`
      : Prisma.sql`SELECT entity_fts.entry AS id FROM entity_fts WHERE ${matches(Prisma.sql`entity_fts.document`, expression)}`;
  },

  standaloneRows(word, index = 'passages') {
    // The index finds the rows using the word; ts_headline marks every occurrence of it in any form
    // ("DVDs" for DVD, as FTS5's highlight() does on SQLite), and an occurrence stands alone at the
    // start or after anything but a hyphen ("Jong-un" is no UN). A speaker's name (in passages) is no
    // place for an initialism: not checked.
    const table = TABLES[index];
    const vector = index === 'passages' ? Prisma.sql`passage_fts.document` : Prisma.sql`entity_fts.document`;
    const expression = toTsqueryText({ groups: [[{ words: [word], quoted: false, prefix: false }]], excluded: [] })!;
    const alone = table.texts.map(
      (text) => Prisma.sql`ts_headline('archive_fts', ${shield(text)}, ${tsquery(expression)}, ${headlineOptions(OCCURRENCE)}) ~ ${STANDALONE_OCCURRENCE}`,
    );
    return Prisma.sql`SELECT ${table.id} AS id FROM ${table.from}
      WHERE ${matches(vector, expression)}
      AND (${Prisma.join(alone, ' OR ')})`;
  },

  entityRows(expression) {
    // The entity's kind is in its number (migration 20261202080100_full_text): sections are -id, the
    // others id*3+k.
    return Prisma.sql`
    SELECT CASE WHEN entry < 0 THEN 'section' WHEN entry % 3 = 0 THEN 'speaker' WHEN entry % 3 = 1 THEN 'document' ELSE 'topic' END AS kind,
           CASE WHEN entry < 0 THEN -entry ELSE entry / 3 END AS id, entry AS entry,
           -ts_rank(${ENTITY_WEIGHTS}, entity_fts.document, ${rankedQuery(expression)}, ${NORMALIZATION}) AS rank
    FROM entity_fts WHERE ${matches(Prisma.sql`entity_fts.document`, expression)}`;
  },

  entitySnippets(expression, entries, marks, tokens) {
    // As FTS5's column -1: the name's fragment when the name matches, else the detail's.
    const name = snippetOf(Prisma.sql`entity_fts.name`, expression, marks, tokens);
    const detail = snippetOf(Prisma.sql`entity_fts.detail`, expression, marks, tokens);
    return Prisma.sql`
    SELECT entry AS entry,
           CASE WHEN to_tsvector('archive_fts', archive_fts_text(entity_fts.name)) @@ ${tsquery(expression)} THEN ${name} ELSE ${detail} END AS marked
    FROM entity_fts WHERE ${matches(Prisma.sql`entity_fts.document`, expression)} AND entry IN (${Prisma.join(entries)})`;
  },

  snippets(expression, ids, marks, tokens) {
    return Prisma.sql`
      SELECT p.id AS id, ${snippetOf(Prisma.sql`p.text`, expression, marks, tokens)} AS snippet
      FROM passage_fts JOIN Passage p ON p.id = passage_fts.id
      WHERE ${matches(Prisma.sql`passage_fts.document`, expression)} AND passage_fts.id IN (${Prisma.join(ids)})`;
  },

  highlights(expression, documentSlug, marks, where) {
    return Prisma.sql`
    SELECT p.id AS id, p.anchor AS anchor, ${joinPhrases(unshield(Prisma.sql`ts_headline('archive_fts', ${shield(Prisma.sql`p.text`)}, ${tsquery(expression)}, ${headlineOptions(marks)})`), marks, expression)} AS marked
    FROM passage_fts JOIN Passage p ON p.id = passage_fts.id JOIN Document d ON d.id = p.documentId
    WHERE ${matches(Prisma.sql`passage_fts.document`, expression)} AND d.slug = ${documentSlug} AND ${where}
    ORDER BY p.position`;
  },

  similar(words, columns, where, limit) {
    const expression = anyWordText(words);
    return Prisma.sql`
    SELECT ${columns}
    FROM passage_fts JOIN Passage p ON p.id = passage_fts.id JOIN Document d ON d.id = p.documentId
    LEFT JOIN Speaker s ON s.id = p.speakerId
    WHERE ${matches(Prisma.sql`passage_fts.document`, expression)} AND ${where}
    ORDER BY ${passageRank(expression)}, d.publishedOn DESC
    LIMIT ${limit}`;
  },

  // The word list's terms are in the "C" collation: ranges compare code points, as SQLite's BINARY does.
  vocabulary: {
    terms: (words) => Prisma.sql`SELECT term, doc FROM passage_words_fts WHERE term IN (${Prisma.join(words)})`,
    range: (start, end, shortest, longest) => Prisma.sql`
      SELECT term, doc FROM passage_words_fts
      WHERE term >= ${start} AND term < ${end} AND length(term) BETWEEN ${shortest} AND ${longest}`,
    secondLetter: (letter, shortest, longest) => Prisma.sql`
      SELECT term, doc FROM passage_words_fts
      WHERE substr(term, 2, 1) = ${letter} AND length(term) BETWEEN ${shortest} AND ${longest}`,
    prefixed: (prefix, limit) => Prisma.sql`
      SELECT term FROM passage_words_fts WHERE term >= ${prefix} AND term < ${`${prefix}\uffff`}
      ORDER BY doc DESC, term LIMIT ${limit}`,
  },
};
