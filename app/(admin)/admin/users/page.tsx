// Admins only: every back-office account with its role and state (sign-in locks included), and a form
// to create one.
import type { Metadata } from 'next';
import { AdminTable } from '@/components/admin/admin-table';
import { requireAdmin } from '@/lib/auth/session';
import { listUsers } from '@/lib/auth/user-admin';
import { CreateUserForm } from './create-user-form';
import { DisableControl, LiftLockControl, RoleControl } from './user-row-controls';
import { LabelledSection } from '@/components/labelled-section';

export const metadata: Metadata = { title: 'Users', robots: { index: false, follow: false } };

const dateFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' });

export default async function UsersPage() {
  const admin = await requireAdmin();
  const users = await listUsers();
  const locked = users.filter((user) => user.signInLock);

  return (
    <div className="space-y-10">
      <section aria-labelledby="users-heading">
        <h1 id="users-heading" className="mb-4 font-serif text-3xl">
          Users
        </h1>
        {locked.length > 0 && (
          <p className="mb-4 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100">
            {locked.length === 1 ? '1 account is' : `${locked.length} accounts are`} locked for sign-in from new places after too many failed sign-ins:{' '}
            {locked.map((user) => user.email).join(', ')}. Owners can still sign in from networks they used before, and are told of the failed attempts when
            they next sign in.
          </p>
        )}
        <AdminTable
          caption="Back-office accounts, enabled first"
          columns={['Name', 'Email', 'Role', 'State', 'Created'].map((label) => ({ label }))}
          rows={users.map((user) => ({
            key: user.id,
            cells: [
              <>
                {user.name}
                {user.id === admin.id && <span className="muted"> (you)</span>}
              </>,
              user.email,
              // Your own role and state stay as they are: no locking yourself out.
              user.id === admin.id ? user.role : <RoleControl userId={user.id} email={user.email} role={user.role} />,
              <>
                <span className={user.disabled ? 'font-medium text-red-800 dark:text-red-300' : ''}>{user.disabled ? 'Disabled' : 'Enabled'}</span>
                {user.id !== admin.id && <DisableControl userId={user.id} email={user.email} disabled={user.disabled} />}
                <LiftLockControl
                  userId={user.id}
                  email={user.email}
                  lock={
                    user.signInLock && {
                      since: <time dateTime={user.signInLock.lockedAt.toISOString()}>{dateFormat.format(user.signInLock.lockedAt)}</time>,
                      failures: user.signInLock.failures,
                    }
                  }
                />
              </>,
              <time key="created" dateTime={user.createdAt.toISOString()}>
                {dateFormat.format(user.createdAt)}
              </time>,
            ],
          }))}
        />
      </section>
      <LabelledSection id="create-user-heading" title="Create a user" headingClassName="mb-4 font-serif text-2xl">
        <CreateUserForm />
      </LabelledSection>
    </div>
  );
}
