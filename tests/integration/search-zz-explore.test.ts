import { it } from 'vitest';
import { prisma } from '@/lib/db/client';
import { searchPassages } from '@/lib/search/search-passages';
import { expressionFor } from '@/lib/search/search-passages';
import { moreLikeThis } from '@/lib/search/more-like-this';
it('explore', async () => {
  const ps = await prisma.passage.findMany({ include: { document: true, speaker: true }, orderBy: [{ documentId: 'asc' }, { position: 'asc' }] });
  for (const p of ps) console.log(p.id, p.document.slug.slice(0,10), p.anchor, p.position, p.kind, p.speaker?.name, p.text.slice(0, 60));
  const req = (q: string, extra = {}) => searchPassages(prisma, { q, page: 1, pageSize: 50, ...extra });
  for (const q of ['sanctions', 'SANCTIONS', 'sánctions', 'sanction', 'sanctoins', 'smugling', 'DPRK', 'nukes', 'Kim Jong Un', 'nuclear weapons', '"human rights"', 'human rights', 'smug*', 'DVD OR crane', 'sanctions -China', "don't", 'multi-agent', '20.04', '"', '(', 'col:x', '*', '', 'North Korea', 'text:sanctions', 'seongmin']) {
    const r = await req(q);
    console.log(JSON.stringify(q), await expressionFor(prisma, q), r.total, r.didYouMean, r.message, r.hits.map(h => `${h.passageId}:${h.score}`).join(' '));
  }
  const r = await req('sanctions');
  console.log(JSON.stringify(r.facets), r.hits[0].snippet);
  console.log(JSON.stringify(await moreLikeThis(prisma, 17), null, 1));
  console.log(await prisma.$queryRawUnsafe('select * from SearchSynonym'));
});
