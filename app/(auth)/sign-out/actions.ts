'use server';
// Signing out of the back office: the session is deleted, the cookie expired, the event audited.
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { signOutSession } from '@/lib/auth/sign-out';

export async function signOut(): Promise<void> {
  await signOutSession(await headers());
  redirect('/sign-in');
}
