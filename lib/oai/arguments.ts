// Reads a request's arguments (OAI-PMH 2.0, sections 3.1.1 and 3.6) into a verb and its arguments,
// or the errors that stop it: badVerb for a missing, repeated or unknown verb; badArgument for an
// argument repeated, not allowed with the verb, missing, or given with the exclusive resumptionToken.
import { oaiError, type OaiError } from './errors';

export const VERBS = ['GetRecord', 'Identify', 'ListIdentifiers', 'ListMetadataFormats', 'ListRecords', 'ListSets'] as const;
export type Verb = (typeof VERBS)[number];

export type ArgumentName = 'identifier' | 'metadataPrefix' | 'from' | 'until' | 'set' | 'resumptionToken';

/** Each verb's arguments: required, optional, and the one that must come alone. */
const GRAMMAR: Record<Verb, { required: ArgumentName[]; optional: ArgumentName[]; exclusive?: ArgumentName }> = {
  Identify: { required: [], optional: [] },
  ListMetadataFormats: { required: [], optional: ['identifier'] },
  ListSets: { required: [], optional: [], exclusive: 'resumptionToken' },
  GetRecord: { required: ['identifier', 'metadataPrefix'], optional: [] },
  ListIdentifiers: { required: ['metadataPrefix'], optional: ['from', 'until', 'set'], exclusive: 'resumptionToken' },
  ListRecords: { required: ['metadataPrefix'], optional: ['from', 'until', 'set'], exclusive: 'resumptionToken' },
};

export type OaiArguments = Partial<Record<ArgumentName, string>>;

export type ParsedRequest = { ok: true; verb: Verb; args: OaiArguments } | { ok: false; errors: OaiError[] };

/** Characters XML 1.0 can carry; a value with any other (NUL, a lone surrogate) is refused, never echoed. */
const XML_TEXT = /^[\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]*$/u;
const MAX_VALUE_LENGTH = 2_000;

export function parseArguments(params: [string, string][]): ParsedRequest {
  const verbs = params.filter(([name]) => name === 'verb').map(([, value]) => value);
  if (verbs.length === 0) return { ok: false, errors: [oaiError('badVerb', 'The verb argument is missing.')] };
  if (verbs.length > 1) return { ok: false, errors: [oaiError('badVerb', 'The verb argument is repeated.')] };
  const verb = VERBS.find((v) => v === verbs[0]);
  if (!verb) return { ok: false, errors: [oaiError('badVerb', `Not an OAI-PMH verb. The verbs are ${VERBS.join(', ')}.`)] };

  const grammar = GRAMMAR[verb];
  const allowed = new Set<string>([...grammar.required, ...grammar.optional, ...(grammar.exclusive ? [grammar.exclusive] : [])]);
  const errors: OaiError[] = [];
  const args: OaiArguments = {};
  const seen = new Set<string>();
  for (const [name, value] of params) {
    if (name === 'verb') continue;
    if (!allowed.has(name)) {
      errors.push(oaiError('badArgument', `${verb} takes no argument named "${printable(name)}".`));
      continue;
    }
    if (seen.has(name)) {
      errors.push(oaiError('badArgument', `The argument ${name} is repeated.`));
      continue;
    }
    seen.add(name);
    if (value === '' || value.length > MAX_VALUE_LENGTH || !XML_TEXT.test(value)) {
      errors.push(oaiError('badArgument', `The value of ${name} is empty, too long, or holds characters XML cannot carry.`));
      continue;
    }
    args[name as ArgumentName] = value;
  }
  if (errors.length > 0) return { ok: false, errors: dedupe(errors) };

  if (grammar.exclusive && args[grammar.exclusive] !== undefined) {
    const others = Object.keys(args).filter((name) => name !== grammar.exclusive);
    if (others.length > 0)
      return { ok: false, errors: [oaiError('badArgument', `resumptionToken is an exclusive argument: ${others.join(', ')} must not come with it.`)] };
    return { ok: true, verb, args };
  }
  const missing = grammar.required.filter((name) => args[name] === undefined);
  if (missing.length > 0) return { ok: false, errors: missing.map((name) => oaiError('badArgument', `${verb} needs the argument ${name}.`)) };
  return { ok: true, verb, args };
}

/** A name as a message may repeat it: short, and only characters XML can carry. */
function printable(name: string): string {
  const cut = name.length > 40 ? `${name.slice(0, 40)}…` : name;
  return XML_TEXT.test(cut) ? cut : '(a name with characters XML cannot carry)';
}

function dedupe(errors: OaiError[]): OaiError[] {
  const seen = new Set<string>();
  return errors.filter((e) => (seen.has(e.message) ? false : (seen.add(e.message), true)));
}
