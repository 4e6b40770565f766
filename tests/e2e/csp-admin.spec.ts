// The back office under the nonce CSP (proxy.ts): signed in, each main admin page loads, React
// hydrates, and Chromium reports no CSP violation, as event or console error. Reads only.
import { expect, test } from '@playwright/test';
import { signIn } from './admin-fixtures';
import { openUnderPolicy } from './support/csp-violations';
import { closeE2eDatabase, queryOneE2e } from './support/e2e-database';

/** A published document and one of its passages, from the server's own database. */
async function aDocumentAndPassage(): Promise<{ id: number; anchor: number; speakerId: number; topicId: number }> {
  const document = (await queryOneE2e<{ id: number }>("SELECT id FROM Document WHERE status = 'published' AND deletedAt IS NULL ORDER BY id LIMIT 1"))!;
  const passage = (await queryOneE2e<{ anchor: number }>('SELECT anchor FROM Passage WHERE documentId = ? ORDER BY anchor LIMIT 1', document.id))!;
  const speaker = (await queryOneE2e<{ id: number }>('SELECT id FROM Speaker ORDER BY id LIMIT 1'))!;
  const topic = (await queryOneE2e<{ id: number }>('SELECT id FROM Topic ORDER BY id LIMIT 1'))!;
  return { id: document.id, anchor: passage.anchor, speakerId: speaker.id, topicId: topic.id };
}

test.afterAll(() => closeE2eDatabase());

test('every main admin page runs under its CSP with no violation, signed in', async ({ page }) => {
  await signIn(page);
  const { id, anchor, speakerId, topicId } = await aDocumentAndPassage();
  const paths = [
    '/admin',
    '/admin/documents',
    '/admin/documents/new',
    `/admin/documents/${id}`,
    `/admin/documents/${id}/passages/${anchor}`,
    `/admin/documents/${id}/history`,
    '/admin/speakers',
    `/admin/speakers/${speakerId}`,
    '/admin/topics',
    `/admin/topics/${topicId}`,
    '/admin/import',
    '/admin/users',
    '/admin/audit',
  ];
  for (const path of paths) {
    const { response, violations } = await openUnderPolicy(page, path);
    expect(response?.status(), path).toBe(200);
    expect(violations, path).toEqual([]);
    // Still signed in, on the page asked for (not bounced to sign-in): the check saw the real page.
    expect(new URL(page.url()).pathname, path).toBe(path);
  }
});
