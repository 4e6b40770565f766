// A document's table of contents (issue 12): titled sections, each starting at a passage. Stored by
// the passage's anchor, which survives edits of the other passages; positions are reading order.
// Each change here is a change of the document (its version, its revision, its audit entry), like a
// passage's; the rows are kept in the document's snapshot, so a restore brings them back.
import 'server-only';
import { addSectionSchema, deleteSectionSchema, moveSectionSchema, updateSectionSchema } from '@/lib/validation/sections';
import { writerOf, type WriteDb } from '@/lib/db';
import type { EditOptions } from './history';
import { NotFoundError, ValidationError } from './errors';
import type { z } from 'zod';
import type { AuditAction } from './audit';
import { passageOperation, type PassageInput } from './passage-operation';
import { passageRows, sectionRows, sql, type SectionRow } from './rows';

export type { SectionRow } from './rows';
import type { SectionSnapshot } from './snapshot-types';

export interface NewSection {
  title: string;
  synopsis?: string | null;
  keywords: string[];
  /** Anchors of a new document are 1…n in reading order, so index i starts at anchor i + 1. */
  passageIndex: number;
}

/** Writes a new document's sections in the order given (inside the caller's transaction). */
export function insertSections(db: WriteDb, documentId: number, sections: NewSection[]): void {
  const insert = sql(db, 'INSERT INTO DocumentSection (documentId, position, title, synopsis, keywords, startAnchor) VALUES (?, ?, ?, ?, ?, ?)');
  sections.forEach((section, position) => {
    insert.run(documentId, position, section.title, section.synopsis ?? null, JSON.stringify(section.keywords), section.passageIndex + 1);
  });
}

/** The document's sections with their ids, for the back office's table-of-contents editor. */
export function getSectionsForEditing(documentId: number, options?: EditOptions): SectionRow[] {
  return sectionRows(writerOf(options).db, documentId);
}

/**
 * Makes the document's sections exactly `sections`, in that order: rows with an id are updated in
 * place, those without are inserted, the others deleted. Positions are unique per document, so the
 * kept rows first move out of the way (below zero).
 */
export function writeSections(db: WriteDb, documentId: number, sections: (SectionSnapshot & { id?: number })[]): void {
  const kept = new Set(sections.flatMap((s) => (s.id === undefined ? [] : [s.id])));
  for (const row of sectionRows(db, documentId)) if (!kept.has(row.id)) sql(db, 'DELETE FROM DocumentSection WHERE id = ?').run(row.id);
  sql(db, 'UPDATE DocumentSection SET position = -1 - position WHERE documentId = ? AND position >= 0').run(documentId);
  const update = sql(db, 'UPDATE DocumentSection SET position = ?, title = ?, synopsis = ?, keywords = ?, startAnchor = ? WHERE id = ? AND documentId = ?');
  const insert = sql(db, 'INSERT INTO DocumentSection (documentId, position, title, synopsis, keywords, startAnchor) VALUES (?, ?, ?, ?, ?, ?)');
  sections.forEach((s, position) => {
    const values = [s.title, s.synopsis, JSON.stringify(s.keywords), s.startAnchor] as const;
    if (s.id === undefined) insert.run(documentId, position, ...values);
    else update.run(position, ...values, s.id, documentId);
  });
}

/** For a restore: the sections of a snapshot, written anew unless they already are the document's. */
export function replaceSections(db: WriteDb, documentId: number, sections: SectionSnapshot[]): void {
  const current = sectionRows(db, documentId).map(({ id: _id, ...section }) => section);
  if (JSON.stringify(current) === JSON.stringify(sections)) return;
  writeSections(db, documentId, sections);
}

/**
 * Before the passage at `anchor` leaves the document (deleted, merged away): its sections move to
 * `to` when given, else to the passage after it, else the one before; a document without any other
 * passage loses them. A section never points at a passage that is not there.
 */
export function moveSectionsOff(db: WriteDb, documentId: number, anchor: number, to?: number): void {
  if (!sql(db, 'SELECT 1 FROM DocumentSection WHERE documentId = ? AND startAnchor = ?').get(documentId, anchor)) return;
  let target = to;
  if (target === undefined) {
    const order = passageRows(db, documentId);
    const i = order.findIndex((p) => p.anchor === anchor);
    target = (order[i + 1] ?? order[i - 1])?.anchor;
  }
  if (target === undefined) sql(db, 'DELETE FROM DocumentSection WHERE documentId = ? AND startAnchor = ?').run(documentId, anchor);
  else sql(db, 'UPDATE DocumentSection SET startAnchor = ? WHERE documentId = ? AND startAnchor = ?').run(target, documentId, anchor);
}

function requireStartPassage(db: WriteDb, documentId: number, anchor: number): void {
  if (!sql(db, 'SELECT 1 FROM Passage WHERE documentId = ? AND anchor = ?').get(documentId, anchor)) {
    throw new ValidationError('The section starts at no passage of this document.', { startAnchor: [`this document has no passage ${anchor}`] });
  }
}

function sectionIndex(sections: EditableSections, sectionId: number): number {
  const index = sections.findIndex((s) => s.id === sectionId);
  if (index < 0) throw new NotFoundError('This document has no such section (it may have been deleted since).');
  return index;
}

/** Where a new section goes: after the sections starting at or before its passage in reading order. */
function placeFor(db: WriteDb, documentId: number, sections: EditableSections, startAnchor: number): number {
  const rank = new Map(passageRows(db, documentId).map((p, i) => [p.anchor, i]));
  const at = rank.get(startAnchor)!;
  const after = sections.findLastIndex((s) => (rank.get(s.startAnchor) ?? -1) <= at);
  return after + 1;
}

type EditableSections = (SectionSnapshot & { id?: number })[];

/**
 * A change of the table of contents, as a change of its document: the sections are read, `edit`
 * changes the list in place (and returns what `describe` names), and the list is written back.
 */
function sectionOperation<S extends z.ZodType<PassageInput>, R>(operation: {
  schema: S;
  action: AuditAction;
  edit: (sections: EditableSections, data: z.output<S>, db: WriteDb) => R;
  describe: (data: z.output<S>, result: R) => string;
}) {
  return passageOperation({
    schema: operation.schema,
    action: operation.action,
    mutate: (data, db) => {
      const sections: EditableSections = sectionRows(db, data.documentId);
      const result = operation.edit(sections, data, db);
      writeSections(db, data.documentId, sections);
      return result;
    },
    describe: operation.describe,
  });
}

/** Adds a section, placed among the others by where its passage is in reading order. */
export const addSection = sectionOperation({
  schema: addSectionSchema,
  action: 'create',
  edit: (sections, data, db) => {
    requireStartPassage(db, data.documentId, data.startAnchor);
    const section = { title: data.title, synopsis: data.synopsis ?? null, keywords: [], startAnchor: data.startAnchor };
    sections.splice(placeFor(db, data.documentId, sections, data.startAnchor), 0, section);
  },
  describe: (data) => `Added the section “${data.title}”`,
});

/** Changes a section's title, synopsis and start passage (its keywords, from an import, stay). */
export const updateSection = sectionOperation({
  schema: updateSectionSchema,
  action: 'update',
  edit: (sections, data, db) => {
    requireStartPassage(db, data.documentId, data.startAnchor);
    const index = sectionIndex(sections, data.sectionId);
    sections[index] = { ...sections[index], title: data.title, synopsis: data.synopsis ?? null, startAnchor: data.startAnchor };
  },
  describe: (data) => `Edited the section “${data.title}”`,
});

export const deleteSection = sectionOperation({
  schema: deleteSectionSchema,
  action: 'delete',
  edit: (sections, data) => sections.splice(sectionIndex(sections, data.sectionId), 1)[0].title,
  describe: (_data, title) => `Deleted the section “${title}”`,
});

/** Moves a section one place up or down the table of contents (the first cannot go up, nor the last down). */
export const moveSection = sectionOperation({
  schema: moveSectionSchema,
  action: 'reorder',
  edit: (sections, data) => {
    const index = sectionIndex(sections, data.sectionId);
    const other = data.direction === 'up' ? index - 1 : index + 1;
    if (other < 0 || other >= sections.length) {
      throw new ValidationError(`The section is already the ${data.direction === 'up' ? 'first' : 'last'}.`, { direction: ['cannot move further'] });
    }
    [sections[index], sections[other]] = [sections[other], sections[index]];
    return sections[other].title;
  },
  describe: (data, title) => `Moved the section “${title}” ${data.direction}`,
});
