// Decides who asks and who answers in an interview when the roles were not given.
import { nameKey } from './names';
import { endsWithQuestionMark } from './text';
import type { ImportRole } from './types';
import { largest } from '@/lib/extremes';

export interface Turn {
  speaker: string;
  text: string;
}

/**
 * Given roles win. Otherwise, if nobody is known to ask, the one speaker whose turns mostly end
 * with "?" is the interviewer; everyone else left is an interviewee. Each inference is noted.
 */
export function assignRoles(speakers: string[], given: Map<string, ImportRole>, turns: Turn[], notes: string[]): Map<string, ImportRole> {
  const roles = new Map<string, ImportRole>();
  for (const name of speakers) {
    const role = given.get(nameKey(name));
    if (role) roles.set(name, role);
  }
  const open = speakers.filter((name) => !roles.has(name));
  if (open.length === 0) return roles;

  if (![...roles.values()].includes('interviewer')) {
    const shares = open.map((name) => {
      const own = turns.filter((t) => t.speaker === name);
      const asked = own.filter((t) => endsWithQuestionMark(t.text)).length;
      return { name, asked, total: own.length, share: own.length ? asked / own.length : 0 };
    });
    const best = largest(shares.map((s) => s.share));
    const leaders = shares.filter((s) => s.share === best);
    const leader = leaders[0];
    if (best >= 0.5 && leaders.length === 1 && leader) {
      roles.set(leader.name, 'interviewer');
      notes.push(`"${leader.name}" taken as the interviewer: ${leader.asked} of ${leader.total} turns end with "?"`);
    } else {
      notes.push('no speaker asks mostly questions, so no interviewer was identified: every turn is read as an answer');
    }
  }
  for (const name of open) {
    if (roles.has(name)) continue;
    roles.set(name, 'interviewee');
    notes.push(`"${name}" taken as an interviewee`);
  }
  return roles;
}
