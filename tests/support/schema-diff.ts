// Compares a live SQLite database with the schema folder (prisma/schema/), as parsed by Prisma's own
// schema parser (readDatamodel), and lists every difference: tables, columns, types, optionality,
// defaults, primary keys, unique constraints, indexes and foreign keys.
import type Database from 'better-sqlite3';
import { type DmmfIndex, type DmmfModel, REFERENTIAL_ACTIONS, pairFieldsWithColumns, readDatamodel } from './prisma-datamodel';

const SQLITE_TYPES: Record<string, string> = {
  String: 'TEXT',
  Int: 'INTEGER',
  BigInt: 'BIGINT',
  Float: 'REAL',
  Decimal: 'DECIMAL',
  Boolean: 'BOOLEAN',
  DateTime: 'DATETIME',
  Json: 'JSONB',
  Bytes: 'BLOB',
};

/** Tables the database may hold beyond the models: Prisma's ledger, SQLite's own, and full-text indexes. */
const isInfrastructure = (table: string) => table === '_prisma_migrations' || table.startsWith('sqlite_') || /_fts(_|$)/.test(table);

export function schemaDifferences(db: Database.Database, schemaDir: string): string[] {
  const { models, indexes } = readDatamodel(schemaDir);
  const problems: string[] = [];
  const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[])
    .map((t) => t.name)
    .filter((name) => !isInfrastructure(name));

  for (const extra of tables.filter((t) => !models.some((m) => m.name === t))) problems.push(`table ${extra} has no model`);

  for (const model of models) {
    if (!tables.includes(model.name)) {
      problems.push(`model ${model.name} has no table`);
      continue;
    }
    const columns = db.prepare(`PRAGMA table_info("${model.name}")`).all() as {
      name: string;
      type: string;
      notnull: number;
      dflt_value: string | null;
      pk: number;
    }[];
    const { pairs, problems: unpaired } = pairFieldsWithColumns(model, columns);
    problems.push(...unpaired);
    for (const { field, column, where } of pairs) {
      const expectedType = field.kind === 'enum' ? 'TEXT' : SQLITE_TYPES[field.type];
      if (column.type.toUpperCase() !== expectedType) problems.push(`${where} is ${column.type}, schema says ${expectedType}`);
      const autoIncrementId = field.isId && typeof field.default === 'object' && field.default?.name === 'autoincrement';
      if (Boolean(column.notnull) !== field.isRequired && !autoIncrementId) {
        problems.push(`${where} is ${column.notnull ? 'NOT NULL' : 'nullable'}, schema says ${field.isRequired ? 'required' : 'optional'}`);
      }
      const expectsDefault = field.hasDefaultValue && !autoIncrementId;
      if (expectsDefault !== (column.dflt_value !== null)) {
        problems.push(
          `${where} ${column.dflt_value === null ? 'has no default' : `has default ${column.dflt_value}`}, schema ${expectsDefault ? 'has one' : 'has none'}`,
        );
      }
    }

    const expectedPk = model.primaryKey?.fields ?? model.fields.filter((f) => f.isId).map((f) => f.name);
    const actualPk = columns
      .filter((c) => c.pk > 0)
      .sort((a, b) => a.pk - b.pk)
      .map((c) => c.name);
    if (expectedPk.join(',') !== actualPk.join(',')) problems.push(`${model.name} primary key is (${actualPk}), schema says (${expectedPk})`);

    problems.push(...indexDifferences(db, model, indexes), ...foreignKeyDifferences(db, model));
  }
  return problems;
}

function indexDifferences(db: Database.Database, model: DmmfModel, indexes: DmmfIndex[]): string[] {
  const actual = (db.prepare(`PRAGMA index_list("${model.name}")`).all() as { name: string; unique: number; origin: string }[])
    .filter((i) => i.origin !== 'pk')
    .map((i) => ({
      name: i.name,
      unique: Boolean(i.unique),
      columns: (db.prepare(`PRAGMA index_info("${i.name}")`).all() as { name: string }[]).map((c) => c.name).join(','),
    }));
  const expected = indexes
    .filter((i) => i.model === model.name && (i.type === 'unique' || i.type === 'normal'))
    .map((i) => ({ unique: i.type === 'unique', columns: i.fields.map((f) => f.name).join(',') }));
  const problems: string[] = [];
  for (const index of expected) {
    if (!actual.some((a) => a.unique === index.unique && a.columns === index.columns)) {
      problems.push(`${model.name} lacks ${index.unique ? 'unique ' : ''}index on (${index.columns})`);
    }
  }
  for (const index of actual) {
    if (!expected.some((e) => e.unique === index.unique && e.columns === index.columns)) {
      problems.push(`${model.name} has index ${index.name} on (${index.columns}) that the schema does not`);
    }
  }
  return problems;
}

function foreignKeyDifferences(db: Database.Database, model: DmmfModel): string[] {
  const rows = db.prepare(`PRAGMA foreign_key_list("${model.name}")`).all() as {
    id: number;
    table: string;
    from: string;
    to: string;
    on_delete: string;
  }[];
  const actual = new Map<number, { table: string; from: string[]; to: string[]; onDelete: string }>();
  for (const row of rows) {
    const fk = actual.get(row.id) ?? { table: row.table, from: [], to: [], onDelete: row.on_delete };
    fk.from.push(row.from);
    fk.to.push(row.to);
    actual.set(row.id, fk);
  }
  const expected = model.fields
    .filter((f) => f.kind === 'object' && f.relationFromFields && f.relationFromFields.length > 0)
    .map((f) => ({
      table: f.type,
      from: f.relationFromFields!,
      to: f.relationToFields!,
      onDelete: REFERENTIAL_ACTIONS[f.relationOnDelete ?? (f.isRequired ? 'Restrict' : 'SetNull')],
    }));
  const key = (fk: { table: string; from: string[]; to: string[]; onDelete: string }) => `(${fk.from}) → ${fk.table}(${fk.to}) on delete ${fk.onDelete}`;
  const actualKeys = [...actual.values()].map(key);
  const expectedKeys = expected.map(key);
  return [
    ...expectedKeys.filter((k) => !actualKeys.includes(k)).map((k) => `${model.name} lacks foreign key ${k}`),
    ...actualKeys.filter((k) => !expectedKeys.includes(k)).map((k) => `${model.name} has foreign key ${k} that the schema does not`),
  ];
}
