// The response envelope (OAI-PMH 2.0, section 3.2): responseDate, the request echoed, then the
// verb's element or the errors. Built with xmlbuilder2, which escapes every text and attribute.
import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces';
import type { OaiArguments, Verb } from './arguments';
import { utcDatetime } from './datestamps';
import type { OaiError } from './errors';
import { OAI_NS, OAI_SCHEMA, XSI_NS } from './namespaces';

export type { XMLBuilder };

/** What the request element repeats: nothing but the base URL after badVerb or badArgument (section 3.2). */
export type EchoedRequest = { verb: Verb; args: OaiArguments } | null;

export function oaiResponse(baseUrl: string, responseDate: Date, request: EchoedRequest, body: (root: XMLBuilder) => void): string {
  // XML 1.0 cannot carry some characters: U+FFFE and U+FFFF, which the write path accepts, and C0
  // controls or lone surrogates in data older than its rules. xmlbuilder2 would write them as they are
  // (a response no harvester can parse), so U+FFFD stands in. Arguments never get here with one.
  const document = create({ version: '1.0', encoding: 'UTF-8', invalidCharReplacement: '\uFFFD' });
  const root = document.ele(OAI_NS, 'OAI-PMH').att(XSI_NS, 'xsi:schemaLocation', `${OAI_NS} ${OAI_SCHEMA}`);
  root.ele('responseDate').txt(utcDatetime(responseDate));
  const echo = root.ele('request');
  if (request) {
    echo.att('verb', request.verb);
    for (const [name, value] of Object.entries(request.args)) if (value !== undefined) echo.att(name, value);
  }
  echo.txt(baseUrl);
  body(root);
  return document.end({ prettyPrint: false });
}

export function errorResponse(baseUrl: string, responseDate: Date, request: EchoedRequest, errors: OaiError[]): string {
  const echoed = errors.some((e) => e.code === 'badVerb' || e.code === 'badArgument') ? null : request;
  return oaiResponse(baseUrl, responseDate, echoed, (root) => {
    for (const error of errors) root.ele('error').att('code', error.code).txt(error.message);
  });
}
