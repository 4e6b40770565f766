'use server';
// Admin user management: create a user, change a role, disable or enable, lift a sign-in lock. Each action checks for an
// admin itself, since a server action is a public endpoint whatever page shows it.
import { revalidatePath } from 'next/cache';
import { headers } from 'next/headers';
import { z } from 'zod';
import { formOf } from '@/lib/admin/action-state';
import { AccountError } from '@/lib/auth/accounts';
import { clientAddress } from '@/lib/auth/client-address';
import { requireAdmin } from '@/lib/auth/session';
import { changeRole, createUser, liftSignInLock, setDisabled, type AdminActor } from '@/lib/auth/user-admin';
import { changeRoleSchema, liftSignInLockSchema, newAccountSchema, setDisabledSchema } from '@/lib/validation/users';

export interface UserFormState {
  errors?: Partial<Record<'email' | 'name' | 'role' | 'password', string[]>>;
  message?: string;
  ok?: boolean;
  /** What was typed, so a refused form keeps it (never the password). */
  values?: { email?: string; name?: string; role?: string };
}

export interface RowFormState {
  message?: string;
  ok?: boolean;
}

async function actingAdmin(): Promise<AdminActor> {
  const admin = await requireAdmin();
  return { ...admin, ipAddress: clientAddress(await headers()) };
}

const text = (value: FormDataEntryValue | null) => (typeof value === 'string' ? value.slice(0, 300) : '');

export async function createUserAction(_previous: UserFormState, sent: FormData): Promise<UserFormState> {
  const admin = await actingAdmin();
  // An action is a public endpoint: whatever was sent instead of a form reads as an empty one.
  const formData = formOf(sent);
  const values = { email: text(formData.get('email')), name: text(formData.get('name')), role: text(formData.get('role')) };
  // What was sent is checked, not the shortened echo: a cut-down name or address is never saved as if typed.
  const parsed = newAccountSchema.safeParse({
    email: formData.get('email'),
    name: formData.get('name'),
    role: formData.get('role'),
    password: formData.get('password'),
  });
  if (!parsed.success) return { errors: z.flattenError(parsed.error).fieldErrors, values };
  try {
    const user = await createUser(admin, parsed.data);
    revalidatePath('/admin/users');
    return { ok: true, message: `Created ${user.role} ${user.email}. Give them their password by a safe channel.` };
  } catch (error) {
    if (!(error instanceof AccountError)) throw error;
    return error.field ? { errors: { [error.field]: [error.message] }, values } : { message: error.message, values };
  }
}

export async function changeRoleAction(_previous: RowFormState, sent: FormData): Promise<RowFormState> {
  const admin = await actingAdmin();
  // An action is a public endpoint: whatever was sent instead of a form reads as an empty one.
  const formData = formOf(sent);
  const parsed = changeRoleSchema.safeParse({ userId: formData.get('userId'), role: formData.get('role') });
  if (!parsed.success) return { message: parsed.error.issues[0].message };
  return run(() => changeRole(admin, parsed.data), 'Role saved.');
}

export async function setDisabledAction(_previous: RowFormState, sent: FormData): Promise<RowFormState> {
  const admin = await actingAdmin();
  // An action is a public endpoint: whatever was sent instead of a form reads as an empty one.
  const formData = formOf(sent);
  const parsed = setDisabledSchema.safeParse({ userId: formData.get('userId'), disabled: formData.get('disabled') });
  if (!parsed.success) return { message: parsed.error.issues[0].message };
  return run(() => setDisabled(admin, parsed.data), parsed.data.disabled ? 'Disabled and signed out.' : 'Enabled.');
}

export async function liftSignInLockAction(_previous: RowFormState, sent: FormData): Promise<RowFormState> {
  const admin = await actingAdmin();
  // An action is a public endpoint: whatever was sent instead of a form reads as an empty one.
  const formData = formOf(sent);
  const parsed = liftSignInLockSchema.safeParse({ userId: formData.get('userId') });
  if (!parsed.success) return { message: parsed.error.issues[0].message };
  return run(() => liftSignInLock(admin, parsed.data), 'Unlocked: they can sign in from anywhere again.');
}

async function run(change: () => Promise<void>, done: string): Promise<RowFormState> {
  try {
    await change();
  } catch (error) {
    if (error instanceof AccountError) return { message: error.message };
    throw error;
  }
  revalidatePath('/admin/users');
  return { ok: true, message: done };
}
