// Admins only: the audit log, newest first, a page at a time: when, who, what was done to which entry, and from where.
import type { Metadata } from 'next';
import Link from 'next/link';
import { AdminTable } from '@/components/admin/admin-table';
import { requireAdmin } from '@/lib/auth/session';
import { listAuditEvents } from '@/lib/data/admin';
import { idParam } from '@/lib/validation/params';

export const metadata: Metadata = { title: 'Audit log', robots: { index: false, follow: false } };

const PAGE_SIZE = 50;
const timeFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'UTC' });

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** ?page=: a page number under a million (a longer one is no page of this log), else the first page. */
function pageOf(value: string | string[] | undefined): number {
  const page = idParam(value);
  return page !== null && page < 1_000_000 ? page : 1;
}

const pageHref = (page: number) => (page === 1 ? '/admin/audit' : `/admin/audit?page=${page}`);

/** The back-office page of the entry an event is about, where there is one. */
function entryHref(entityType: string | null, entityId: string | null): string | null {
  if (idParam(entityId) === null) return null;
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
          <AdminTable
            caption={`Audit events, newest first, page ${page} of ${pages}`}
            rowHeadings={false}
            columns={[
              { label: 'Time', className: 'whitespace-nowrap' },
              { label: 'Who' },
              { label: 'Action', className: 'whitespace-nowrap' },
              { label: 'What', className: 'whitespace-nowrap' },
              { label: 'Summary' },
              { label: 'Address', className: 'whitespace-nowrap font-mono text-xs' },
            ]}
            rows={events.map((event) => {
              const href = entryHref(event.entityType, event.entityId);
              const what = event.entityType ? `${event.entityType}${event.entityId ? ` ${event.entityId}` : ''}` : null;
              const none = (text: string) => <span className="muted">{text}</span>;
              return {
                key: event.id,
                cells: [
                  <time key="at" dateTime={event.at.toISOString()}>
                    {timeFormat.format(event.at)}
                  </time>,
                  event.actorEmail ?? event.actorId ?? none('nobody signed in'),
                  event.action,
                  what ? href ? <Link href={href}>{what}</Link> : what : none('—'),
                  event.summary ?? none('—'),
                  event.ipAddress ?? none('unknown'),
                ],
              };
            })}
          />
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
