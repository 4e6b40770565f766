// The data model as Prisma's own schema parser (its WebAssembly build) reads it from a schema folder,
// and what the SQLite and PostgreSQL comparisons (schema-diff.ts, postgres-schema-diff.ts) both do
// with it: pair each model's fields with a table's columns, and name referential actions.
import { get_dmmf } from '@prisma/prisma-schema-wasm';
import { readSchemaFiles } from '@/scripts/schema-files.mjs';

export interface DmmfField {
  name: string;
  kind: 'scalar' | 'enum' | 'object';
  type: string;
  isRequired: boolean;
  isId: boolean;
  isUnique: boolean;
  isList: boolean;
  hasDefaultValue: boolean;
  isUpdatedAt: boolean;
  default?: { name?: string } | string | number | boolean;
  relationFromFields?: string[];
  relationToFields?: string[];
  relationOnDelete?: string;
}
export interface DmmfModel {
  name: string;
  fields: DmmfField[];
  primaryKey: { fields: string[] } | null;
}
export interface DmmfIndex {
  model: string;
  type: 'id' | 'unique' | 'normal' | 'fulltext';
  fields: { name: string }[];
}
export interface DmmfEnum {
  name: string;
  values: { name: string }[];
}
export interface Datamodel {
  enums: DmmfEnum[];
  models: DmmfModel[];
  indexes: DmmfIndex[];
}

/** The model of every .prisma file in the folder (relative to the repository's root), read as one schema. */
export function readDatamodel(schemaDir: string): Datamodel {
  return JSON.parse(get_dmmf(JSON.stringify({ prismaSchema: readSchemaFiles(schemaDir) }))).datamodel;
}

/** Prisma's referential actions as SQL writes them. */
export const REFERENTIAL_ACTIONS: Record<string, string> = {
  Cascade: 'CASCADE',
  Restrict: 'RESTRICT',
  SetNull: 'SET NULL',
  NoAction: 'NO ACTION',
  SetDefault: 'SET DEFAULT',
};

/**
 * Each scalar field of the model beside the table's column of its name, with where to say it is
 * ("Model.field"); a field with no column, and a column no field describes (unless `ignored`), are
 * problems.
 */
export function pairFieldsWithColumns<C extends { name: string }>(
  model: DmmfModel,
  columns: C[],
  ignored: (column: string) => boolean = () => false,
): { pairs: { field: DmmfField; column: C; where: string }[]; problems: string[] } {
  const scalars = model.fields.filter((f) => f.kind !== 'object');
  const pairs: { field: DmmfField; column: C; where: string }[] = [];
  const problems: string[] = [];
  for (const field of scalars) {
    const column = columns.find((c) => c.name === field.name);
    const where = `${model.name}.${field.name}`;
    if (column) pairs.push({ field, column, where });
    else problems.push(`${where} has no column`);
  }
  for (const column of columns.filter((c) => !scalars.some((f) => f.name === c.name) && !ignored(c.name))) {
    problems.push(`${model.name}.${column.name} is not in the schema`);
  }
  return { pairs, problems };
}
