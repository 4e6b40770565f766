// The repository: answers one OAI-PMH request (already split into arguments) with the XML of its
// response. Only published documents are described; deleted records are kept persistently (see
// lib/data/oai.ts). Every error condition of the protocol is an <error>, never an exception.
import 'server-only';
import { oaiDocuments, oaiRecordIndex, oaiTopics, type OaiDocument, type OaiRecordHead } from '@/lib/data/oai';
import { absoluteUrl } from '@/lib/site-origin';
import { DOCUMENT_KINDS, type DocumentKind } from '@/lib/vocabulary';
import { parseArguments, type OaiArguments, type Verb } from './arguments';
import { oaiSettings, type OaiSettings } from './config';
import { GRANULARITY, parseRange, toSeconds, utcDatetime } from './datestamps';
import { writeDublinCore } from './dublin-core';
import { oaiError, type OaiError } from './errors';
import { formatOf, METADATA_FORMATS } from './formats';
import { isDomainName, oaiIdentifier, slugOfIdentifier } from './identifiers';
import { decodeToken, encodeToken, type ListQuery } from './resumption-token';
import { inSet, kindSet, SET_SPEC, setsOf, topicSet } from './sets';
import { OAI_IDENTIFIER_NS, OAI_IDENTIFIER_SCHEMA, XMLNS_NS, XSI_NS } from './namespaces';
import { errorResponse, oaiResponse, type XMLBuilder } from './xml';
import { smallest } from '@/lib/extremes';

/** The deleted-record policy: every address that stopped being public is reported, without time limit. */
export const DELETED_RECORD = 'persistent';

const KIND_NAMES: Record<DocumentKind, string> = { interview: 'Interviews', essay: 'Essays', speech: 'Speeches', testimony: 'Testimonies' };

interface Context {
  settings: OaiSettings;
  now: Date;
  verb: Verb;
  args: OaiArguments;
}

export async function answerOai(params: [string, string][], now: Date = new Date()): Promise<string> {
  const settings = oaiSettings();
  const parsed = parseArguments(params);
  if (!parsed.ok) return errorResponse(settings.baseUrl, now, null, parsed.errors);
  const context: Context = { settings, now, verb: parsed.verb, args: parsed.args };
  switch (parsed.verb) {
    case 'Identify':
      return identify(context);
    case 'ListMetadataFormats':
      return listMetadataFormats(context);
    case 'ListSets':
      return listSets(context);
    case 'GetRecord':
      return getRecord(context);
    case 'ListIdentifiers':
    case 'ListRecords':
      return listRecords(context);
  }
}

function respond(context: Context, body: (root: XMLBuilder) => void): string {
  return oaiResponse(context.settings.baseUrl, context.now, { verb: context.verb, args: context.args }, body);
}

function fail(context: Context, ...errors: OaiError[]): string {
  return errorResponse(context.settings.baseUrl, context.now, { verb: context.verb, args: context.args }, errors);
}

async function identify(context: Context): Promise<string> {
  const { settings } = context;
  const index = await oaiRecordIndex();
  const earliest = index.length > 0 ? new Date(smallest(index.map((r) => r.changedAt.getTime()))) : context.now;
  return respond(context, (root) => {
    const identify = root.ele('Identify');
    identify.ele('repositoryName').txt(settings.repositoryName);
    identify.ele('baseURL').txt(settings.baseUrl);
    identify.ele('protocolVersion').txt('2.0');
    identify.ele('adminEmail').txt(settings.adminEmail);
    identify.ele('earliestDatestamp').txt(utcDatetime(earliest));
    identify.ele('deletedRecord').txt(DELETED_RECORD);
    identify.ele('granularity').txt(GRANULARITY);
    // The oai-identifier description only where the host is a domain name, as that scheme requires.
    if (isDomainName(settings.host)) {
      const description = identify
        .ele('description')
        .ele(OAI_IDENTIFIER_NS, 'oai-identifier')
        .att(XMLNS_NS, 'xmlns:xsi', XSI_NS)
        .att(XSI_NS, 'xsi:schemaLocation', `${OAI_IDENTIFIER_NS} ${OAI_IDENTIFIER_SCHEMA}`);
      description.ele('scheme').txt('oai');
      description.ele('repositoryIdentifier').txt(settings.host);
      description.ele('delimiter').txt(':');
      description.ele('sampleIdentifier').txt(oaiIdentifier(settings.host, index.find((r) => !r.deleted)?.slug ?? 'a-document'));
    }
  });
}

async function findRecord(context: Context, identifier: string): Promise<OaiRecordHead | null> {
  const slug = slugOfIdentifier(context.settings.host, identifier);
  if (slug === null) return null;
  return (await oaiRecordIndex()).find((r) => r.slug === slug) ?? null;
}

async function listMetadataFormats(context: Context): Promise<string> {
  const { identifier } = context.args;
  if (identifier !== undefined && (await findRecord(context, identifier)) === null) {
    return fail(context, oaiError('idDoesNotExist', `No item has the identifier ${identifier}.`));
  }
  // Every item, deleted ones included, can be disseminated in every format: noMetadataFormats never arises.
  return respond(context, (root) => {
    const list = root.ele('ListMetadataFormats');
    for (const format of METADATA_FORMATS) {
      const entry = list.ele('metadataFormat');
      entry.ele('metadataPrefix').txt(format.prefix);
      entry.ele('schema').txt(format.schema);
      entry.ele('metadataNamespace').txt(format.namespace);
    }
  });
}

async function listSets(context: Context): Promise<string> {
  // The set list always comes whole, so no token of ours can name a part of it.
  if (context.args.resumptionToken !== undefined) return fail(context, oaiError('badResumptionToken', 'ListSets gives no resumption tokens.'));
  const topics = await oaiTopics();
  return respond(context, (root) => {
    const list = root.ele('ListSets');
    const add = (spec: string, name: string, description?: string | null) => {
      const set = list.ele('set');
      set.ele('setSpec').txt(spec);
      set.ele('setName').txt(name);
      if (description) {
        writeDublinCore(set.ele('setDescription'), {
          ...{ title: [], creator: [], contributor: [], subject: [], publisher: [], date: [], type: [], identifier: [], source: [], language: [] },
          description: [description],
        });
      }
    };
    add('kind', 'Documents by kind');
    for (const kind of DOCUMENT_KINDS) add(kindSet(kind), KIND_NAMES[kind]);
    add('topic', 'Documents by topic');
    for (const topic of topics) add(topicSet(topic.slug), topic.name, topic.description);
  });
}

async function getRecord(context: Context): Promise<string> {
  const { identifier, metadataPrefix } = context.args as Required<Pick<OaiArguments, 'identifier' | 'metadataPrefix'>>;
  const record = await findRecord(context, identifier);
  const format = formatOf(metadataPrefix);
  const errors = [
    ...(record ? [] : [oaiError('idDoesNotExist', `No item has the identifier ${identifier}.`)]),
    ...(format ? [] : [cannotDisseminate(metadataPrefix)]),
  ];
  if (errors.length > 0 || !record) return fail(context, ...errors);
  const documents = await oaiDocuments(record.deleted ? [] : [record.slug]);
  return respond(context, (root) => writeRecord(root.ele('GetRecord'), context, record, documents, metadataPrefix));
}

const cannotDisseminate = (prefix: string) =>
  oaiError('cannotDisseminateFormat', `The format "${prefix}" is not disseminated here; the formats are ${METADATA_FORMATS.map((f) => f.prefix).join(', ')}.`);

/** The query a list request makes, from its arguments or from its resumption token. */
function listQuery(context: Context): { query: ListQuery; after?: string } | OaiError {
  const { args } = context;
  if (args.resumptionToken !== undefined) {
    const state = decodeToken(args.resumptionToken);
    if (!state || state.verb !== context.verb) return oaiError('badResumptionToken', 'This resumption token was not issued for this request, or was altered.');
    const { after, ...query } = state;
    return { query, after };
  }
  return { query: { verb: context.verb as ListQuery['verb'], metadataPrefix: args.metadataPrefix!, set: args.set, from: args.from, until: args.until } };
}

async function listRecords(context: Context): Promise<string> {
  const asked = listQuery(context);
  if ('code' in asked) return fail(context, asked);
  const { query, after } = asked;
  const resumed = after !== undefined;
  // A token's query was checked when the token was made; failing now, it was altered.
  const asError = (error: OaiError) => (resumed ? oaiError('badResumptionToken', error.message) : error);

  const range = parseRange(query.from, query.until);
  const problems: OaiError[] = [];
  if ('code' in range) problems.push(asError(range));
  if (query.set !== undefined && !SET_SPEC.test(query.set)) problems.push(asError(oaiError('badArgument', `set is not a setSpec: "${query.set}".`)));
  if (!formatOf(query.metadataPrefix)) problems.push(asError(cannotDisseminate(query.metadataPrefix)));
  if (problems.length > 0 || 'code' in range) return fail(context, ...problems);

  const from = range.from?.seconds ?? -Infinity;
  const until = range.until?.seconds ?? Infinity;
  const matching = (await oaiRecordIndex()).filter((r) => {
    const stamp = toSeconds(r.changedAt);
    return stamp >= from && stamp <= until && (query.set === undefined || inSet(r, query.set));
  });
  const remaining = resumed ? matching.filter((r) => r.slug > after) : matching;
  if (remaining.length === 0) {
    return fail(context, oaiError('noRecordsMatch', resumed ? 'No records are left in this list.' : 'No records match these arguments.'));
  }
  const page = remaining.slice(0, context.settings.pageSize);
  const cursor = matching.length - remaining.length;
  const more = remaining.length > page.length;
  const documents = context.verb === 'ListRecords' ? await oaiDocuments(page.filter((r) => !r.deleted).map((r) => r.slug)) : new Map();

  return respond(context, (root) => {
    const list = root.ele(context.verb);
    for (const record of page) {
      if (context.verb === 'ListRecords') writeRecord(list, context, record, documents, query.metadataPrefix);
      else writeHeader(list, context, record, false);
    }
    // The last part of a list split by tokens ends with an empty token (section 3.5).
    if (more || resumed) {
      const token = list.ele('resumptionToken').att('completeListSize', String(matching.length)).att('cursor', String(cursor));
      if (more) token.txt(encodeToken({ ...query, after: page.at(-1)!.slug }));
    }
  });
}

function writeHeader(parent: XMLBuilder, context: Context, record: OaiRecordHead, gone: boolean): void {
  const deleted = record.deleted || gone;
  const header = parent.ele('header');
  if (deleted) header.att('status', 'deleted');
  header.ele('identifier').txt(oaiIdentifier(context.settings.host, record.slug));
  // A record unpublished between the index and the metadata read is dated by this response.
  header.ele('datestamp').txt(utcDatetime(gone ? context.now : record.changedAt));
  for (const spec of setsOf(record)) header.ele('setSpec').txt(spec);
}

function writeRecord(parent: XMLBuilder, context: Context, record: OaiRecordHead, documents: Map<string, OaiDocument>, prefix: string): void {
  const document = record.deleted ? undefined : documents.get(record.slug);
  const entry = parent.ele('record');
  writeHeader(entry, context, record, !record.deleted && document === undefined);
  if (document) formatOf(prefix)!.write(entry.ele('metadata'), document, absoluteUrl);
}
