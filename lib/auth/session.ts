// Who is signed in, for pages, server actions and route handlers. Every admin page and action calls
// requireEditor() or requireAdmin() itself: proxy.ts only redirects for convenience.
import 'server-only';
import { cache } from 'react';
import { headers } from 'next/headers';
import { forbidden, redirect } from 'next/navigation';
import type { Editor } from './editor';
import { checkSession } from './session-check';
import { PATH_HEADER } from './proxy-headers';

/** The signed-in editor or admin, or null; checked once per request. */
export const getEditor = cache(async (): Promise<Editor | null> => {
  const checked = await checkSession(await headers());
  return checked?.editor ?? null;
});

/** For route handlers, which have the request at hand. */
export async function editorFromRequest(request: Request): Promise<Editor | null> {
  const checked = await checkSession(request.headers);
  return checked?.editor ?? null;
}

/** The signed-in editor; anyone else goes to the sign-in page and comes back here afterwards. */
export async function requireEditor(): Promise<Editor> {
  const editor = await getEditor();
  if (!editor) redirect(`/sign-in?next=${encodeURIComponent(await currentPath())}`);
  return editor;
}

/** The signed-in admin; a signed-out visitor signs in, an editor is turned away. */
export async function requireAdmin(): Promise<Editor> {
  const editor = await requireEditor();
  if (editor.role !== 'admin') {
    // forbidden() throws unless next.config.js enables experimental.authInterrupts (Next defines this
    // variable from that flag); until then an editor lands on the back office's home with a notice.
    if (process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS) forbidden();
    redirect('/admin?denied=1');
  }
  return editor;
}

/** The path proxy.ts saw, for the way back after signing in; sign-in checks it again (safeReturnPath). */
async function currentPath(): Promise<string> {
  return (await headers()).get(PATH_HEADER) ?? '/admin';
}
