// Writes the Prisma part of PostgreSQL's first migration (prisma/postgresql/migrations/
// 20261202080000_init) from the data model, as `prisma migrate dev` would: Prisma's schema engine is a
// native binary these machines cannot download, but its PostgreSQL output is regular (CreateEnum,
// CreateTable, CreateIndex, AddForeignKey; Prisma's constraint names and type mapping), and Prisma's
// own schema parser (its WebAssembly build) gives the model exactly. Used once, to write that
// migration; like every applied migration it is never regenerated (its checksum is recorded), and
// later changes are new migrations. tests/integration/db/postgres-migrations.test.ts proves the
// migrated database matches the schema.
//
//   node scripts/postgres-init-migration.mjs > /tmp/prisma-part.sql
import { get_dmmf } from '@prisma/prisma-schema-wasm';
import { POSTGRES_SCHEMA_DIR, readSchemaFiles } from './schema-files.mjs';

const { enums, models, indexes } = JSON.parse(get_dmmf(JSON.stringify({ prismaSchema: readSchemaFiles(POSTGRES_SCHEMA_DIR) }))).datamodel;

const TYPES = {
  String: 'TEXT',
  Int: 'INTEGER',
  BigInt: 'BIGINT',
  Float: 'DOUBLE PRECISION',
  Decimal: 'DECIMAL(65,30)',
  Boolean: 'BOOLEAN',
  DateTime: 'TIMESTAMP(3)',
  Json: 'JSONB',
  Bytes: 'BYTEA',
};
const ACTIONS = { Cascade: 'CASCADE', Restrict: 'RESTRICT', SetNull: 'SET NULL', NoAction: 'NO ACTION', SetDefault: 'SET DEFAULT' };

const quote = (name) => `"${name}"`;
const isAutoincrement = (field) => typeof field.default === 'object' && field.default?.name === 'autoincrement';

function defaultOf(field) {
  if (!field.hasDefaultValue || isAutoincrement(field) || field.isUpdatedAt) return '';
  const value = field.default;
  if (typeof value === 'object' && value.name === 'now') return ' DEFAULT CURRENT_TIMESTAMP';
  if (typeof value === 'object') throw new Error(`No PostgreSQL default for ${field.name}'s ${value.name}()`);
  if (typeof value === 'string') return ` DEFAULT '${value.replaceAll("'", "''")}'`;
  return ` DEFAULT ${value}`;
}

function columnOf(field) {
  if (isAutoincrement(field)) {
    if (field.type !== 'Int') throw new Error(`autoincrement() on ${field.type} ${field.name}`);
    return `    ${quote(field.name)} SERIAL NOT NULL`;
  }
  const type = field.kind === 'enum' ? quote(field.type) : TYPES[field.type];
  return `    ${quote(field.name)} ${type}${field.isRequired ? ' NOT NULL' : ''}${defaultOf(field)}`;
}

const blocks = [];
for (const e of enums) {
  blocks.push(`-- CreateEnum\nCREATE TYPE ${quote(e.name)} AS ENUM (${e.values.map((v) => `'${v.name}'`).join(', ')});`);
}
for (const model of models) {
  const columns = model.fields.filter((f) => f.kind !== 'object').map(columnOf);
  const key = model.primaryKey?.fields ?? model.fields.filter((f) => f.isId).map((f) => f.name);
  const primaryKey = `    CONSTRAINT ${quote(`${model.name}_pkey`)} PRIMARY KEY (${key.map(quote).join(',')})`;
  blocks.push(`-- CreateTable\nCREATE TABLE ${quote(model.name)} (\n${columns.join(',\n')},\n\n${primaryKey}\n);`);
}
// Prisma lists a model's indexes as the parser does (field-level @unique, then @@index and @@unique).
for (const model of models) {
  for (const index of indexes.filter((i) => i.model === model.name && (i.type === 'unique' || i.type === 'normal'))) {
    const fields = index.fields.map((f) => f.name);
    const name = `${model.name}_${fields.join('_')}_${index.type === 'unique' ? 'key' : 'idx'}`;
    const unique = index.type === 'unique' ? 'UNIQUE ' : '';
    blocks.push(`-- CreateIndex\nCREATE ${unique}INDEX ${quote(name)} ON ${quote(model.name)}(${fields.map(quote).join(', ')});`);
  }
}
for (const model of models) {
  for (const relation of model.fields.filter((f) => f.kind === 'object' && f.relationFromFields?.length > 0)) {
    const from = relation.relationFromFields;
    // Prisma's defaults: a required relation restricts deletes, an optional one sets null; updates cascade.
    const onDelete = ACTIONS[relation.relationOnDelete ?? (relation.isRequired ? 'Restrict' : 'SetNull')];
    const onUpdate = ACTIONS[relation.relationOnUpdate ?? 'Cascade'];
    blocks.push(
      `-- AddForeignKey\nALTER TABLE ${quote(model.name)} ADD CONSTRAINT ${quote(`${model.name}_${from.join('_')}_fkey`)} ` +
        `FOREIGN KEY (${from.map(quote).join(', ')}) REFERENCES ${quote(relation.type)}(${relation.relationToFields.map(quote).join(', ')}) ` +
        `ON DELETE ${onDelete} ON UPDATE ${onUpdate};`,
    );
  }
}
process.stdout.write(blocks.join('\n\n') + '\n');
