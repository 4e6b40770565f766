// Admins only: every back-office account with its role and state (sign-in locks included), and a form
// to create one.
import type { Metadata } from 'next';
import { requireAdmin } from '@/lib/auth/session';
import { listUsers } from '@/lib/auth/user-admin';
import { CreateUserForm } from './create-user-form';
import { DisableControl, LiftLockControl, RoleControl } from './user-row-controls';

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
            {locked.length === 1 ? '1 account is' : `${locked.length} accounts are`} locked for sign-in from new places after too many
            failed sign-ins: {locked.map((user) => user.email).join(', ')}. Owners can still sign in from networks they used before,
            and are told of the failed attempts when they next sign in.
          </p>
        )}
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-left text-sm">
            <caption className="sr-only">Back-office accounts, enabled first</caption>
            <thead>
              <tr className="border-b border-stone-300 dark:border-stone-700">
                <th scope="col" className="py-2 pr-4">Name</th>
                <th scope="col" className="py-2 pr-4">Email</th>
                <th scope="col" className="py-2 pr-4">Role</th>
                <th scope="col" className="py-2 pr-4">State</th>
                <th scope="col" className="py-2 pr-4">Created</th>
              </tr>
            </thead>
            <tbody>
              {users.map((user) => (
                <tr key={user.id} className="border-b border-stone-200 align-top dark:border-stone-800">
                  <th scope="row" className="py-2 pr-4 font-medium">
                    {user.name}
                    {user.id === admin.id && <span className="muted"> (you)</span>}
                  </th>
                  <td className="py-2 pr-4">{user.email}</td>
                  <td className="py-2 pr-4">
                    {/* Your own role and state stay as they are: no locking yourself out. */}
                    {user.id === admin.id ? user.role : <RoleControl userId={user.id} email={user.email} role={user.role} />}
                  </td>
                  <td className="py-2 pr-4">
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
                  </td>
                  <td className="py-2 pr-4">
                    <time dateTime={user.createdAt.toISOString()}>{dateFormat.format(user.createdAt)}</time>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section aria-labelledby="create-user-heading">
        <h2 id="create-user-heading" className="mb-4 font-serif text-2xl">
          Create a user
        </h2>
        <CreateUserForm />
      </section>
    </div>
  );
}
