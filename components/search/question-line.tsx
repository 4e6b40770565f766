// The question an answer answers, as one short muted line above the answer, linked to the question itself.
import Link from 'next/link';
import type { QuestionLine as Question } from '@/lib/search/passage-rows';
import { passagePath } from '@/lib/urls';

export function QuestionLine({ documentSlug, question, className = '' }: { documentSlug: string; question: Question; className?: string }) {
  // "Q:" is for the eye; a screen reader hears "In answer to:" instead, which says how the two relate.
  return (
    <p className={`text-sm muted ${className}`}>
      <span aria-hidden="true">Q: </span>
      <span className="sr-only">In answer to: </span>
      <Link href={passagePath(documentSlug, question.anchor)} className="text-inherit">
        {question.text}
      </Link>
    </p>
  );
}
