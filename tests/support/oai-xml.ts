// Reading and checking OAI-PMH responses in tests. Well-formedness by Debian's xmllint (a real XML
// parser, not ours); structure by checks written from the OAI-PMH 2.0 specification and its schemas
// (OAI-PMH.xsd, oai_dc.xsd), since the schemas themselves cannot be downloaded on these machines.
import { execFileSync, spawnSync } from 'node:child_process';
import { create } from 'xmlbuilder2';

export const OAI = 'http://www.openarchives.org/OAI/2.0/';
export const OAI_DC = 'http://www.openarchives.org/OAI/2.0/oai_dc/';
export const DC = 'http://purl.org/dc/elements/1.1/';

/** Stops the run with the line that fixes it when xmllint is missing. */
export function requireXmllint(): void {
  const probe = spawnSync('xmllint', ['--version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    throw new Error('xmllint is missing: install it with `apt-get install -y libxml2-utils` (Debian), then run the tests again.');
  }
}

/** xmllint's verdict on a document: throws with its complaint when the XML is not well-formed. */
export function xmllint(xml: string): void {
  execFileSync('xmllint', ['--noout', '--nonet', '-'], { input: xml, stdio: ['pipe', 'pipe', 'pipe'] });
}

export type El = Element;

export function parse(xml: string): El {
  return create(xml).root().node as unknown as El;
}

export const children = (el: El, ns?: string, name?: string): El[] =>
  [...el.childNodes].filter(
    (n): n is El => n.nodeType === 1 && (ns === undefined || (n as El).namespaceURI === ns) && (name === undefined || (n as El).localName === name),
  );
export const child = (el: El, name: string, ns = OAI): El | undefined => children(el, ns, name)[0];
export const text = (el: El | undefined) => el?.textContent ?? '';
export const all = (el: El, name: string, ns = OAI): El[] => [...el.getElementsByTagNameNS(ns, name)];

const UTC_SECONDS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
const SET_SPEC = /^[A-Za-z0-9\-_.!~*'()]+(:[A-Za-z0-9\-_.!~*'()]+)*$/;
const ERROR_CODES = [
  'cannotDisseminateFormat',
  'idDoesNotExist',
  'badArgument',
  'badVerb',
  'noMetadataFormats',
  'noRecordsMatch',
  'badResumptionToken',
  'noSetHierarchy',
];
const ARGUMENTS = ['verb', 'identifier', 'metadataPrefix', 'from', 'until', 'set', 'resumptionToken'];
const DC_ELEMENTS = [
  'title',
  'creator',
  'subject',
  'description',
  'publisher',
  'contributor',
  'date',
  'type',
  'format',
  'identifier',
  'source',
  'language',
  'relation',
  'coverage',
  'rights',
];

function fail(message: string): never {
  throw new Error(`Not a valid OAI-PMH response: ${message}`);
}

function names(el: El): string[] {
  return children(el).map((c) => `${c.namespaceURI === OAI ? '' : `{${c.namespaceURI}}`}${c.localName}`);
}

/** The element order one of the schema's sequences allows: each name with how many times it may come. */
function sequence(el: El, spec: [string, number, number][]): void {
  const got = names(el);
  let i = 0;
  for (const [name, min, max] of spec) {
    let count = 0;
    while (got[i] === name && count < max) {
      i++;
      count++;
    }
    if (count < min) fail(`<${el.localName}> needs ${min} <${name}> at position ${i}, has ${got.join(', ')}`);
  }
  if (i !== got.length) fail(`<${el.localName}> has unexpected <${got[i]}> (children: ${got.join(', ')})`);
}

function checkOaiDc(dc: El): void {
  if (dc.namespaceURI !== OAI_DC || dc.localName !== 'dc') fail('metadata is not oai_dc:dc');
  for (const c of children(dc)) {
    if (c.namespaceURI !== DC || !DC_ELEMENTS.includes(c.localName)) fail(`oai_dc:dc holds {${c.namespaceURI}}${c.localName}`);
    if (children(c).length > 0) fail(`dc:${c.localName} holds elements`);
  }
}

function checkHeader(header: El): void {
  sequence(header, [
    ['identifier', 1, 1],
    ['datestamp', 1, 1],
    ['setSpec', 0, Infinity],
  ]);
  const status = header.getAttribute('status');
  if (status !== null && status !== 'deleted') fail(`header status "${status}"`);
  if (!UTC_SECONDS.test(text(child(header, 'datestamp')))) fail(`datestamp "${text(child(header, 'datestamp'))}" is not at seconds granularity`);
  for (const spec of children(header, OAI, 'setSpec')) if (!SET_SPEC.test(text(spec))) fail(`setSpec "${text(spec)}"`);
}

function checkRecord(record: El): void {
  const deleted = child(record, 'header')?.getAttribute('status') === 'deleted';
  sequence(record, [
    ['header', 1, 1],
    ['metadata', deleted ? 0 : 1, deleted ? 0 : 1],
    ['about', 0, Infinity],
  ]);
  checkHeader(child(record, 'header')!);
  const metadata = child(record, 'metadata');
  if (metadata) {
    if (children(metadata).length !== 1) fail('metadata must hold one element');
    checkOaiDc(children(metadata)[0]);
  }
}

function checkToken(list: El): void {
  const token = child(list, 'resumptionToken');
  if (!token) return;
  for (const attribute of ['completeListSize', 'cursor']) {
    const value = token.getAttribute(attribute);
    if (value !== null && !/^\d+$/.test(value)) fail(`resumptionToken ${attribute}="${value}"`);
  }
}

/** A list verb's answer, as the schema defines both: one or more items, each checked, then at most one resumption token. */
function checkList(item: string, checkItem: (el: El) => void) {
  return (el: El) => {
    sequence(el, [
      [item, 1, Infinity],
      ['resumptionToken', 0, 1],
    ]);
    children(el, OAI, item).forEach(checkItem);
    checkToken(el);
  };
}

const VERB_CHECKS: Record<string, (el: El) => void> = {
  Identify(el) {
    sequence(el, [
      ['repositoryName', 1, 1],
      ['baseURL', 1, 1],
      ['protocolVersion', 1, 1],
      ['adminEmail', 1, Infinity],
      ['earliestDatestamp', 1, 1],
      ['deletedRecord', 1, 1],
      ['granularity', 1, 1],
      ['compression', 0, Infinity],
      ['description', 0, Infinity],
    ]);
    if (text(child(el, 'protocolVersion')) !== '2.0') fail('protocolVersion is not 2.0');
    if (!['no', 'transient', 'persistent'].includes(text(child(el, 'deletedRecord')))) fail('deletedRecord');
    if (!['YYYY-MM-DD', 'YYYY-MM-DDThh:mm:ssZ'].includes(text(child(el, 'granularity')))) fail('granularity');
    if (!/^\S+@(\S+\.)*\S+$/.test(text(child(el, 'adminEmail')))) fail('adminEmail');
    if (!UTC_SECONDS.test(text(child(el, 'earliestDatestamp')))) fail('earliestDatestamp granularity');
    for (const d of children(el, OAI, 'description')) if (children(d).length !== 1) fail('description must hold one element');
  },
  ListMetadataFormats(el) {
    sequence(el, [['metadataFormat', 1, Infinity]]);
    for (const f of children(el)) {
      sequence(f, [
        ['metadataPrefix', 1, 1],
        ['schema', 1, 1],
        ['metadataNamespace', 1, 1],
      ]);
      if (!/^[A-Za-z0-9\-_.!~*'()]+$/.test(text(child(f, 'metadataPrefix')))) fail('metadataPrefix syntax');
    }
  },
  ListSets(el) {
    sequence(el, [
      ['set', 1, Infinity],
      ['resumptionToken', 0, 1],
    ]);
    for (const set of children(el, OAI, 'set')) {
      sequence(set, [
        ['setSpec', 1, 1],
        ['setName', 1, 1],
        ['setDescription', 0, Infinity],
      ]);
      if (!SET_SPEC.test(text(child(set, 'setSpec')))) fail(`setSpec "${text(child(set, 'setSpec'))}"`);
      for (const d of children(set, OAI, 'setDescription')) checkOaiDc(children(d)[0]);
    }
  },
  GetRecord(el) {
    sequence(el, [['record', 1, 1]]);
    checkRecord(child(el, 'record')!);
  },
  ListIdentifiers: checkList('header', checkHeader),
  ListRecords: checkList('record', checkRecord),
};

export interface CheckedResponse {
  root: El;
  request: El;
  /** The verb's element, absent when the response is errors. */
  body?: El;
  errors: { code: string; message: string }[];
}

/** Parses a response with xmllint and our parser, checks it against the protocol, and returns its parts. */
export function checkResponse(xml: string): CheckedResponse {
  xmllint(xml);
  const root = parse(xml);
  if (root.namespaceURI !== OAI || root.localName !== 'OAI-PMH') fail('the root is not {OAI}OAI-PMH');
  if (!(root.getAttributeNS('http://www.w3.org/2001/XMLSchema-instance', 'schemaLocation') ?? '').includes('http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd'))
    fail('schemaLocation');
  const got = names(root);
  if (got[0] !== 'responseDate' || got[1] !== 'request') fail(`starts with ${got.slice(0, 2).join(', ')}`);
  if (!UTC_SECONDS.test(text(child(root, 'responseDate')))) fail('responseDate');
  const request = child(root, 'request')!;
  for (const attribute of [...request.attributes]) if (!ARGUMENTS.includes(attribute.name)) fail(`request attribute ${attribute.name}`);
  const rest = got.slice(2);
  if (rest.length > 0 && rest.every((n) => n === 'error')) {
    const errors = children(root, OAI, 'error').map((e) => ({ code: e.getAttribute('code') ?? '', message: text(e) }));
    for (const e of errors) if (!ERROR_CODES.includes(e.code)) fail(`error code "${e.code}"`);
    if (errors.some((e) => e.code === 'badVerb' || e.code === 'badArgument') && request.attributes.length > 0) {
      fail('after badVerb or badArgument the request element must carry no attributes');
    }
    return { root, request, errors };
  }
  if (rest.length !== 1 || !VERB_CHECKS[rest[0]]) fail(`the body is ${rest.join(', ')}`);
  if (request.getAttribute('verb') !== rest[0]) fail('the request element does not name the verb answered');
  const body = child(root, rest[0])!;
  VERB_CHECKS[rest[0]](body);
  return { root, request, body, errors: [] };
}

/** The values of each dc element of a record's oai_dc metadata. */
export function dcValues(record: El): Record<string, string[]> {
  const values: Record<string, string[]> = {};
  for (const el of all(record, 'dc', OAI_DC).flatMap((dc) => children(dc, DC))) (values[el.localName] ??= []).push(text(el));
  return values;
}
