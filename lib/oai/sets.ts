// Sets (OAI-PMH 2.0, section 2.7.2): one per kind of document (kind:interview) and one per topic
// (topic:<slug>), under the parent sets "kind" and "topic". The colon is the protocol's hierarchy:
// a request for a parent set harvests the records of all its subsets.
import type { OaiRecordHead } from '@/lib/data/oai';

/** The setSpec syntax of the protocol's schema. */
export const SET_SPEC = /^[A-Za-z0-9\-_.!~*'()]+(:[A-Za-z0-9\-_.!~*'()]+)*$/;

export const kindSet = (kind: string) => `kind:${kind}`;
export const topicSet = (slug: string) => `topic:${slug}`;

/** The sets a record is a member of, most specific only (a parent's membership follows). */
export function setsOf(record: Pick<OaiRecordHead, 'kind' | 'topics'>): string[] {
  return [...(record.kind ? [kindSet(record.kind)] : []), ...record.topics.map(topicSet)];
}

/** Whether a record belongs to the set asked for, directly or through a subset. */
export function inSet(record: Pick<OaiRecordHead, 'kind' | 'topics'>, set: string): boolean {
  return setsOf(record).some((spec) => spec === set || spec.startsWith(`${set}:`));
}
