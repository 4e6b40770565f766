// A document's card image for link previews (OpenGraph, Twitter): its title, kind, original date at
// its precision, publisher and participants, drawn by next/og with the font it ships (Geist), so
// nothing is fetched from the network. Glyphs that font lacks (Korean, emoji) are left out of the
// picture, never fetched: the card is a preview, the page has the text.
import 'server-only';
import { ImageResponse } from 'next/og';
import type { DocumentDetail } from '@/lib/data/dto';
import { SITE_NAME } from './site';

export const CARD_SIZE = { width: 1200, height: 630 };

/** The text as the bundled Latin font can draw it: other scripts would make next/og fetch fonts from Google. */
const drawable = (text: string) =>
  text
    .replace(/[^\u0020-\u024F\u2010-\u2027\u2030-\u205E]/gu, '')
    .replace(/\s+/g, ' ')
    .trim();

export function documentCard(document: DocumentDetail): ImageResponse {
  const people = document.participants.map((p) => `${p.name} (${p.role})`).join(' · ');
  const facts = [document.kind.charAt(0).toUpperCase() + document.kind.slice(1), document.date.label, document.publisher].filter(Boolean).join(' · ');
  return new ImageResponse(
    <div
      style={{
        width: '100%',
        height: '100%',
        display: 'flex',
        flexDirection: 'column',
        justifyContent: 'space-between',
        padding: 72,
        background: '#fafaf9',
        color: '#1c1917',
      }}
    >
      <div style={{ display: 'flex', fontSize: 30, color: '#57534e' }}>{drawable(SITE_NAME)}</div>
      <div style={{ display: 'flex', flexDirection: 'column' }}>
        <div style={{ display: 'flex', fontSize: document.title.length > 80 ? 52 : 64, lineHeight: 1.15 }}>{drawable(document.title)}</div>
        <div style={{ display: 'flex', marginTop: 28, fontSize: 30, color: '#44403c' }}>{drawable(facts)}</div>
      </div>
      <div style={{ display: 'flex', fontSize: 28, color: '#57534e', borderTop: '4px solid #1c1917', paddingTop: 24 }}>{drawable(people)}</div>
    </div>,
    { ...CARD_SIZE, headers: { 'Cache-Control': 'public, max-age=3600' } },
  );
}
