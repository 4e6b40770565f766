// /documents/<slug>/passages/<anchor>: one passage, how to cite it, and the passages most like it.
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { CiteMoment } from '@/components/cite/cite-moment';
import { CitePassage } from '@/components/cite/cite-passage';
import { PassageMoment } from '@/components/player/passage-moment';
import { JsonLd } from '@/components/json-ld';
import { ParticipantNames } from '@/components/participant-names';
import { PublicationDate } from '@/components/publication-date';
import { QuestionLine } from '@/components/search/question-line';
import { labelForIsoDate } from '@/lib/dates';
import { passageMetadata } from '@/lib/metadata/document';
import { passagePageNode } from '@/lib/structured-data/document';
import { getPublishedDocument } from '@/lib/data/documents';
import { similarPassages } from '@/lib/data/search';
import { passagePath, speakerPath } from '@/lib/urls';
import { anchorParam } from '@/lib/validation/params';
import { LabelledSection } from '@/components/labelled-section';

type Props = { params: Promise<{ slug: string; anchor: string }> };

const loadDocument = cache(getPublishedDocument);

// Rendered on the first visit, then served from the page cache until a save renews it (lib/cache).
export function generateStaticParams(): never[] {
  return [];
}

async function loadPassage(params: Props['params']) {
  const { slug, anchor } = await params;
  const number = anchorParam(anchor);
  if (number === null) return null;
  const document = await loadDocument(slug);
  const passage = document?.passages.find((p) => p.anchor === number);
  return document && passage ? { document, passage } : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const found = await loadPassage(params);
  if (!found) return { title: 'Not found' };
  return passageMetadata(found.document, found.passage);
}

export default async function PassagePage({ params }: Props) {
  const found = await loadPassage(params);
  if (!found) notFound();
  const { document, passage } = found;
  const question = passage.questionAnchor ? document.passages.find((p) => p.anchor === passage.questionAnchor) : undefined;
  const similar = await similarPassages(passage.id);
  const who = passage.speaker?.name ?? 'Unattributed';

  return (
    <article aria-labelledby="passage-title" className="mx-auto max-w-3xl">
      <JsonLd data={passagePageNode(document, passage)} />
      <p className="text-sm muted">
        <Link href={passagePath(document.slug, passage.anchor)}>
          ← <cite>{document.title}</cite>
        </Link>
      </p>
      <h1 id="passage-title" className="mt-2 font-serif text-2xl font-semibold">
        Passage {passage.anchor}: {passage.kind} by {who}
      </h1>
      <p className="mt-1 text-sm muted">
        <PublicationDate date={document.date} />
        {document.publisher && <>, {document.publisher}</>} · <ParticipantNames participants={document.participants} />
      </p>

      {question && (
        <blockquote className="mt-6 font-serif italic muted">
          <p>
            {question.speaker?.name ?? 'Question'}: {question.text}
          </p>
        </blockquote>
      )}
      <blockquote className="prose-reading mt-4 border-l-4 border-stone-300 pl-4 dark:border-stone-700">
        {passage.paragraphs.map((paragraph, i) => (
          <p key={i}>{paragraph}</p>
        ))}
      </blockquote>

      <PassageMoment document={document} passage={passage} />
      <CiteMoment citationPath={`/api/v1/documents/${document.slug}/passages/${passage.anchor}/citation`} />
      <CitePassage document={document} passage={passage} />

      <LabelledSection id="similar" title="More like this" className="mt-8" headingClassName="text-xl font-semibold">
        {similar.length === 0 ? (
          <p className="mt-2">No passage in another document is close to this one yet.</p>
        ) : (
          <ol className="mt-2 divide-y divide-stone-200 dark:divide-stone-800">
            {similar.map((s) => (
              <li key={s.passageId} className="py-3">
                {s.question && <QuestionLine documentSlug={s.documentSlug} question={s.question} className="mb-1" />}
                <p className="font-serif">{s.excerpt}</p>
                <p className="mt-1 text-sm">
                  <Link href={s.url}>
                    <cite>{s.documentTitle}</cite>, passage {s.anchor}
                  </Link>{' '}
                  · {s.speaker ? <Link href={speakerPath(s.speaker.slug)}>{s.speaker.name}</Link> : 'Unattributed'}{' '}
                  <span className="muted">· {labelForIsoDate(s.date)}</span>
                </p>
              </li>
            ))}
          </ol>
        )}
      </LabelledSection>
    </article>
  );
}
