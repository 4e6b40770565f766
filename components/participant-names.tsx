// "Jeff Kim (interviewer), Seongmin Lee (interviewee)": who took part, each linked to their page.
import Link from 'next/link';
import { Fragment } from 'react';
import type { ParticipantRef } from '@/lib/data/dto';
import { speakerPath } from '@/lib/urls';

export function ParticipantNames({ participants }: { participants: ParticipantRef[] }) {
  return (
    <>
      {participants.map((p, i) => (
        <Fragment key={`${p.slug}-${p.role}`}>
          {i > 0 && ', '}
          <Link href={speakerPath(p.slug)}>{p.name}</Link> <span className="muted">({p.role})</span>
        </Fragment>
      ))}
    </>
  );
}
