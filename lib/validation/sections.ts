// The inputs of the table-of-contents changes (lib/editorial/sections.ts). Each is a change of the
// document: its expectedVersion is the document's; a section is named by its id.
import { z } from 'zod';
import { TITLE_MAX, anchorSchema, idSchema, lineSchema, messageSchema, optionalTextSchema, versionSchema } from './editorial-fields';

const ofDocument = { documentId: idSchema, expectedVersion: versionSchema, message: messageSchema };

export const sectionFieldsSchema = z.object({
  title: lineSchema(TITLE_MAX),
  synopsis: optionalTextSchema(5000),
  /** The passage the section starts at. */
  startAnchor: anchorSchema,
});

export const addSectionSchema = sectionFieldsSchema.extend(ofDocument);

export const updateSectionSchema = sectionFieldsSchema.extend({ ...ofDocument, sectionId: idSchema });

export const deleteSectionSchema = z.object({ ...ofDocument, sectionId: idSchema });

export const moveSectionSchema = z.object({
  ...ofDocument,
  sectionId: idSchema,
  direction: z.enum(['up', 'down'], { error: 'must be up or down' }),
});
