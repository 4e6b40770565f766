'use server';
// Signing out of the back office: the session is deleted, the cookie expired, the event audited.
// In lib, not under a route, because the back office's layout (another route group than sign-in) shows the button.
import 'server-only';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { signOutSession } from '@/lib/auth/sign-out';

export async function signOut(): Promise<void> {
  await signOutSession(await headers());
  redirect('/sign-in');
}
