// Compares a live PostgreSQL database with its schema folder (prisma/postgresql/schema/), as parsed by
// Prisma's own schema parser (readDatamodel, shared with the SQLite comparison), and lists every difference:
// enum types, tables, columns, types, nullability, defaults, primary keys, unique and plain indexes
// and foreign keys, each under the name Prisma gives it (X_pkey, X_a_b_key, X_a_idx, X_a_fkey), as
// `prisma migrate diff` would see them. Read from pg_catalog, which says exactly what
// information_schema says and also the order of key columns and an index's predicate.
import {
  type Datamodel,
  type DmmfEnum,
  type DmmfField as Field,
  type DmmfModel as Model,
  REFERENTIAL_ACTIONS,
  pairFieldsWithColumns,
  readDatamodel,
} from './prisma-datamodel';
import { isBookkeepingTable } from '@/lib/db/postgres/bookkeeping';

/** What the comparison needs of a connection: pg's Client and Pool both fit. */
export interface Queryable {
  query<R extends object = Record<string, unknown>>(text: string, values?: unknown[]): Promise<{ rows: R[] }>;
}

const TYPES: Record<string, string> = {
  String: 'text',
  Int: 'integer',
  BigInt: 'bigint',
  Float: 'double precision',
  Decimal: 'numeric(65,30)',
  Boolean: 'boolean',
  DateTime: 'timestamp(3) without time zone',
  Json: 'jsonb',
  Bytes: 'bytea',
};
// pg_constraint's confdeltype / confupdtype letters.
const ACTION_LETTERS: Record<string, string> = { c: 'CASCADE', r: 'RESTRICT', n: 'SET NULL', a: 'NO ACTION', d: 'SET DEFAULT' };

/**
 * Beyond the models the database holds Prisma's ledger, full-text search's own tables and indexes
 * ("_fts" in every name), and the app's bookkeeping tables, whose names all start "archive_"
 * (archive_rate_limits, archive_user_version, archive_auth_secret): no model describes them, on purpose.
 */
const isInfrastructure = (name: string) => isBookkeepingTable(name) || /_fts/.test(name);

const isAutoincrement = (field: Field) => typeof field.default === 'object' && field.default?.name === 'autoincrement';

/** The default as PostgreSQL prints it back (pg_get_expr) for what Prisma's migration writes. */
function expectedDefault(model: Model, field: Field): string | null {
  if (!field.hasDefaultValue || field.isUpdatedAt) return null;
  if (isAutoincrement(field)) return `nextval('"${model.name}_${field.name}_seq"'::regclass)`;
  const value = field.default;
  if (typeof value === 'object') return value.name === 'now' ? 'CURRENT_TIMESTAMP' : `${value.name}()`;
  if (typeof value === 'string') return `'${value.replaceAll("'", "''")}'::${field.kind === 'enum' ? `"${field.type}"` : 'text'}`;
  return String(value);
}

export async function postgresSchemaDifferences(db: Queryable, schemaDir: string): Promise<string[]> {
  const datamodel = readDatamodel(schemaDir);
  const problems: string[] = [...(await enumDifferences(db, datamodel.enums))];

  const { rows: tableRows } = await db.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c
     WHERE c.relnamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema()) AND c.relkind IN ('r', 'p')`,
  );
  const tables = tableRows.map((t) => t.name).filter((name) => !isInfrastructure(name));
  for (const extra of tables.filter((t) => !datamodel.models.some((m) => m.name === t))) problems.push(`table ${extra} has no model`);

  for (const model of datamodel.models) {
    if (!tables.includes(model.name)) {
      problems.push(`model ${model.name} has no table`);
      continue;
    }
    problems.push(
      ...(await columnDifferences(db, model)),
      ...(await primaryKeyDifferences(db, model)),
      ...(await indexDifferences(db, model, datamodel.indexes)),
      ...(await foreignKeyDifferences(db, model)),
    );
  }
  return problems;
}

async function enumDifferences(db: Queryable, enums: DmmfEnum[]): Promise<string[]> {
  const { rows } = await db.query<{ name: string; labels: string[] }>(
    `SELECT t.typname AS name, array_agg(e.enumlabel ORDER BY e.enumsortorder)::text[] AS labels
     FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
     WHERE t.typnamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema())
     GROUP BY t.typname`,
  );
  const problems: string[] = [];
  for (const expected of enums) {
    const actual = rows.find((r) => r.name === expected.name);
    const values = expected.values.map((v) => v.name);
    if (!actual) problems.push(`enum ${expected.name} has no type`);
    else if (actual.labels.join(',') !== values.join(',')) problems.push(`enum ${expected.name} is (${actual.labels}), schema says (${values})`);
  }
  for (const extra of rows.filter((r) => !enums.some((e) => e.name === r.name))) problems.push(`enum type ${extra.name} is not in the schema`);
  return problems;
}

async function columnDifferences(db: Queryable, model: Model): Promise<string[]> {
  const { rows: columns } = await db.query<{ name: string; type: string; typname: string; is_enum: boolean; not_null: boolean; default: string | null }>(
    `SELECT a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type, t.typname, t.typtype = 'e' AS is_enum,
            a.attnotnull AS not_null, pg_get_expr(d.adbin, d.adrelid) AS default
     FROM pg_attribute a
     JOIN pg_type t ON t.oid = a.atttypid
     LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
     WHERE a.attrelid = format('%I.%I', current_schema(), $1::text)::regclass AND a.attnum > 0 AND NOT a.attisdropped`,
    [model.name],
  );
  const { pairs, problems } = pairFieldsWithColumns(model, columns, isInfrastructure);
  for (const { field, column, where } of pairs) {
    if (field.kind === 'enum') {
      if (!column.is_enum || column.typname !== field.type) problems.push(`${where} is ${column.type}, schema says enum ${field.type}`);
    } else if (column.type !== TYPES[field.type]) {
      problems.push(`${where} is ${column.type}, schema says ${TYPES[field.type]}`);
    }
    if (column.not_null !== field.isRequired) {
      problems.push(`${where} is ${column.not_null ? 'NOT NULL' : 'nullable'}, schema says ${field.isRequired ? 'required' : 'optional'}`);
    }
    const expected = expectedDefault(model, field);
    if (column.default !== expected) problems.push(`${where} has default ${column.default ?? 'none'}, schema says ${expected ?? 'none'}`);
  }
  return problems;
}

/** A table's constraints of one kind (p, f), with their columns in key order. */
async function constraintsOf(db: Queryable, table: string, kind: 'p' | 'f') {
  const { rows } = await db.query<{
    name: string;
    columns: string[];
    target: string | null;
    target_columns: string[] | null;
    on_delete: string;
    on_update: string;
  }>(
    `SELECT con.conname AS name,
            ARRAY(SELECT a.attname FROM unnest(con.conkey) WITH ORDINALITY k(num, i)
                  JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.num ORDER BY k.i)::text[] AS columns,
            target.relname AS target,
            ARRAY(SELECT a.attname FROM unnest(con.confkey) WITH ORDINALITY k(num, i)
                  JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.num ORDER BY k.i)::text[] AS target_columns,
            con.confdeltype AS on_delete, con.confupdtype AS on_update
     FROM pg_constraint con LEFT JOIN pg_class target ON target.oid = con.confrelid
     WHERE con.conrelid = format('%I.%I', current_schema(), $1::text)::regclass AND con.contype = $2`,
    [table, kind],
  );
  return rows;
}

async function primaryKeyDifferences(db: Queryable, model: Model): Promise<string[]> {
  const expectedColumns = model.primaryKey?.fields ?? model.fields.filter((f) => f.isId).map((f) => f.name);
  const expected = `${model.name}_pkey (${expectedColumns})`;
  const [actual] = await constraintsOf(db, model.name, 'p');
  const found = actual ? `${actual.name} (${actual.columns})` : 'none';
  return found === expected ? [] : [`${model.name} primary key is ${found}, schema says ${expected}`];
}

async function indexDifferences(db: Queryable, model: Model, indexes: Datamodel['indexes']): Promise<string[]> {
  // Every index but the primary key's; an expression column (attnum 0) shows as "(expression)".
  const { rows } = await db.query<{ name: string; unique: boolean; columns: string[]; predicate: string | null; method: string }>(
    `SELECT c.relname AS name, i.indisunique AS unique, am.amname AS method, pg_get_expr(i.indpred, i.indrelid) AS predicate,
            ARRAY(SELECT COALESCE(a.attname, '(expression)') FROM unnest(i.indkey::int2[]) WITH ORDINALITY k(num, n)
                  LEFT JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.num ORDER BY k.n)::text[] AS columns
     FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am am ON am.oid = c.relam
     WHERE i.indrelid = format('%I.%I', current_schema(), $1::text)::regclass AND NOT i.indisprimary`,
    [model.name],
  );
  const describe = (index: { name: string; unique: boolean; columns: string[] }) => `${index.unique ? 'unique ' : ''}index ${index.name} on (${index.columns})`;
  const actual = rows
    .filter((row) => !isInfrastructure(row.name))
    .map((row) => describe(row) + (row.method === 'btree' ? '' : ` using ${row.method}`) + (row.predicate ? ` where ${row.predicate}` : ''));
  const expected = indexes
    .filter((i) => i.model === model.name && (i.type === 'unique' || i.type === 'normal'))
    .map((i) => {
      const columns = i.fields.map((f) => f.name);
      const unique = i.type === 'unique';
      return describe({ name: `${model.name}_${columns.join('_')}_${unique ? 'key' : 'idx'}`, unique, columns });
    });
  return [
    ...expected.filter((e) => !actual.includes(e)).map((e) => `${model.name} lacks ${e}`),
    ...actual.filter((a) => !expected.includes(a)).map((a) => `${model.name} has ${a} that the schema does not`),
  ];
}

async function foreignKeyDifferences(db: Queryable, model: Model): Promise<string[]> {
  const key = (fk: { name: string; from: string[]; table: string; to: string[]; onDelete: string; onUpdate: string }) =>
    `${fk.name} (${fk.from}) → ${fk.table}(${fk.to}) on delete ${fk.onDelete} on update ${fk.onUpdate}`;
  const actual = (await constraintsOf(db, model.name, 'f')).map((row) =>
    key({
      name: row.name,
      from: row.columns,
      table: row.target ?? '?',
      to: row.target_columns ?? [],
      onDelete: ACTION_LETTERS[row.on_delete],
      onUpdate: ACTION_LETTERS[row.on_update],
    }),
  );
  const expected = model.fields
    .filter((f) => f.kind === 'object' && f.relationFromFields && f.relationFromFields.length > 0)
    .map((f) =>
      key({
        name: `${model.name}_${f.relationFromFields!.join('_')}_fkey`,
        from: f.relationFromFields!,
        table: f.type,
        to: f.relationToFields!,
        // Prisma's defaults: a required relation restricts deletes, an optional one sets null; updates cascade.
        onDelete: REFERENTIAL_ACTIONS[f.relationOnDelete ?? (f.isRequired ? 'Restrict' : 'SetNull')],
        onUpdate: REFERENTIAL_ACTIONS[(f as Field & { relationOnUpdate?: string }).relationOnUpdate ?? 'Cascade'],
      }),
    );
  return [
    ...expected.filter((k) => !actual.includes(k)).map((k) => `${model.name} lacks foreign key ${k}`),
    ...actual.filter((k) => !expected.includes(k)).map((k) => `${model.name} has foreign key ${k} that the schema does not`),
  ];
}
