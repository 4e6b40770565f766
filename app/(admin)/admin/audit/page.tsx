// Admins only: the audit log, newest first, a page at a time: when, who, what was done to which entry, and from where.
import type { Metadata } from 'next';
import Link from 'next/link';
import { requireAdmin } from '@/lib/auth/session';
import { listAuditEvents } from '@/lib/data/admin';

export const metadata: Metadata = { title: 'Audit log', robots: { index: false, follow: false } };

const PAGE_SIZE = 50;
const timeFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'UTC' });

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

function pageOf(value: string | string[] | undefined): number {
  const text = Array.isArray(value) ? value[0] : value;
  return text && /^\d{1,6}$/.test(text) && Number(text) > 0 ? Number(text) : 1;
}

const pageHref = (page: number) => (page === 1 ? '/admin/audit' : `/admin/audit?page=${page}`);

/** The back-office page of the entry an event is about, where there is one. */
function entryHref(entityType: string | null, entityId: string | null): string | null {
  if (!entityId || !/^\d+$/.test(entityId)) return null;
  if (entityType === 'speaker') return `/admin/speakers/${entityId}`;
  if (entityType === 'topic') return `/admin/topics/${entityId}`;
  return null;
}

export default async function AuditPage({ searchParams }: Props) {
  await requireAdmin();
  const page = pageOf((await searchParams).page);
  const { events, total, pageSize } = await listAuditEvents({ page, pageSize: PAGE_SIZE });
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const firstShown = (page - 1) * pageSize + 1;

  return (
    <section aria-labelledby="audit-heading">
      <h1 id="audit-heading" className="mb-4 font-serif text-3xl">
        Audit log
      </h1>
      {events.length === 0 ? (
        <p>
          {total === 0 ? (
            'Nothing has been recorded yet.'
          ) : (
            <>
              There is no page {page}: the log has {pages} {pages === 1 ? 'page' : 'pages'}. <Link href={pageHref(1)}>Go to the newest events</Link>.
            </>
          )}
        </p>
      ) : (
        <>
          <p className="mb-4 text-sm muted">
            Events {firstShown}–{firstShown + events.length - 1} of {total}, newest first. Times are in UTC.
          </p>
          <div className="overflow-x-auto">
            <table className="w-full border-collapse text-left text-sm">
              <caption className="sr-only">
                Audit events, newest first, page {page} of {pages}
              </caption>
              <thead>
                <tr className="border-b border-stone-300 dark:border-stone-700">
                  <th scope="col" className="py-2 pr-4">Time</th>
                  <th scope="col" className="py-2 pr-4">Who</th>
                  <th scope="col" className="py-2 pr-4">Action</th>
                  <th scope="col" className="py-2 pr-4">What</th>
                  <th scope="col" className="py-2 pr-4">Summary</th>
                  <th scope="col" className="py-2 pr-4">Address</th>
                </tr>
              </thead>
              <tbody>
                {events.map((event) => {
                  const href = entryHref(event.entityType, event.entityId);
                  const what = event.entityType ? `${event.entityType}${event.entityId ? ` ${event.entityId}` : ''}` : null;
                  return (
                    <tr key={event.id} className="border-b border-stone-200 align-top dark:border-stone-800">
                      <td className="whitespace-nowrap py-2 pr-4">
                        <time dateTime={event.at.toISOString()}>{timeFormat.format(event.at)}</time>
                      </td>
                      <td className="py-2 pr-4">{event.actorEmail ?? event.actorId ?? <span className="muted">nobody signed in</span>}</td>
                      <td className="whitespace-nowrap py-2 pr-4">{event.action}</td>
                      <td className="whitespace-nowrap py-2 pr-4">{what ? href ? <Link href={href}>{what}</Link> : what : <span className="muted">—</span>}</td>
                      <td className="py-2 pr-4">{event.summary ?? <span className="muted">—</span>}</td>
                      <td className="whitespace-nowrap py-2 pr-4 font-mono text-xs">{event.ipAddress ?? <span className="muted">unknown</span>}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </>
      )}
      {pages > 1 && (
        <nav aria-label="Audit log pages" className="mt-6">
          <ul className="flex flex-wrap items-center gap-x-4 gap-y-2">
            {page > 1 && (
              <li>
                <Link href={pageHref(1)}>Newest</Link>
              </li>
            )}
            {page > 1 && (
              <li>
                <Link href={pageHref(Math.min(page - 1, pages))} rel="prev">
                  Newer
                </Link>
              </li>
            )}
            {page <= pages && (
              <li aria-current="page" className="muted">
                Page {page} of {pages}
              </li>
            )}
            {page < pages && (
              <li>
                <Link href={pageHref(page + 1)} rel="next">
                  Older
                </Link>
              </li>
            )}
            {page < pages && (
              <li>
                <Link href={pageHref(pages)}>Oldest</Link>
              </li>
            )}
          </ul>
        </nav>
      )}
    </section>
  );
}
