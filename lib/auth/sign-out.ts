// Signs the request's session out: deletes it (Better Auth also expires the cookie, through
// nextCookies inside a server action) and records who left.
import 'server-only';
import { prisma } from '@/lib/db/client';
import { recordAuthEvent } from './audit';
import { clientAddress } from './client-address';
import type { Editor } from './editor';
import { getAuth } from './server';
import { checkSession } from './session-check';

export async function signOutSession(headers: Headers): Promise<Editor | null> {
  const checked = await checkSession(headers);
  // Called even without a valid session, so that a stale cookie is cleared as well.
  await getAuth().api.signOut({ headers });
  if (checked) {
    await recordAuthEvent(prisma, {
      action: 'sign-out',
      actor: { id: checked.editor.id, email: checked.editor.email, ipAddress: clientAddress(headers) },
    });
  }
  return checked?.editor ?? null;
}
