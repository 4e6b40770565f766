// The start of every back-office server action: who is acting (checked, never assumed) and from where.
import 'server-only';
import { headers } from 'next/headers';
import { revalidatePath } from 'next/cache';
import type { Editor } from '@/lib/auth/editor';
import { clientAddress } from '@/lib/auth/client-address';
import { requireAdmin, requireEditor } from '@/lib/auth/session';

export interface ActionContext {
  editor: Editor;
  options: { ip: string | null };
}

export async function editorContext(): Promise<ActionContext> {
  const editor = await requireEditor();
  return { editor, options: { ip: clientAddress(await headers()) } };
}

export async function adminContext(): Promise<ActionContext> {
  const editor = await requireAdmin();
  return { editor, options: { ip: clientAddress(await headers()) } };
}

/** After a save: the public pages it touched, and the back-office pages, show it at once. */
export function revalidateAfterSave(paths: string[]): void {
  for (const path of new Set(paths)) revalidatePath(path);
  revalidatePath('/admin', 'layout');
}
