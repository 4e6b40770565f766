import { it } from 'vitest';
import { prisma } from '@/lib/db/client';
import { searchPassages } from '@/lib/search/search-passages';
import { highlightDocument } from '@/lib/search/highlight-document';
import { moreLikeThis } from '@/lib/search/more-like-this';
import { saveNewDocument } from '@/lib/editorial/save-new-document';
it('explore', async () => {
  const req = (q: string, extra = {}) => searchPassages(prisma, { q, page: 1, pageSize: 50, ...extra });
  for (const q of ['xanctions', 'dmuggling', 'muggling', 'msuggling', 'sanctoins china', 'Sanctoins', 'smuggli*', '"people korean"', 'people korean', '"korean people"', 'smuggled', 'DPRK', '"state smuggling"', 'state smuggling', 'nuclear weapons', '"nuclear arms"', 'kim jong-un', 'kim jong eun', 'denuc*', 'korea', 'north korea', 'bring']) {
    const r = await req(q);
    console.log(JSON.stringify(q), r.total, r.didYouMean, r.hits.map(h => `${h.passageId}:${h.score}`).join(' '), r.hits[0]?.snippet.slice(0, 120));
  }
  const h = await highlightDocument(prisma, 'how-to-really-bring-change-to-north-korea', 'bring');
  console.log(h?.anchors, [...h!.marked.values()].filter(v => v.includes('\u0002')).length);
  const h2 = await highlightDocument(prisma, 'how-to-really-bring-change-to-north-korea', 'smuggling');
  console.log(h2?.anchors, [...h2!.marked.entries()].map(([k, v]) => [k, v.slice(0, 80)]));
  for (const id of [12, 13, 17, 3]) console.log(id, (await moreLikeThis(prisma, id)).map(s => `${s.passageId}:${s.documentSlug.slice(0,8)}`));
  await saveNewDocument(prisma, { slug: 'north-of-korea', kind: 'essay', title: 'Across the Peninsula', date: '2019', status: 'published', speakers: [{ name: 'Pat Moss' }], participants: [{ speaker: 'Pat Moss', role: 'author' }], passages: [{ kind: 'paragraph', speaker: 'Pat Moss', text: 'In the north of Korea the winters are long.', answers: null, topicSlugs: [] }, { kind: 'paragraph', speaker: 'Pat Moss', text: 'Stray \u0002 control quillwort here <b>x</b>.', answers: null, topicSlugs: [] }] });
  for (const q of ['north korea', 'korea north', 'winters', 'quillwort']) { const r = await req(q); console.log(q, r.total, r.hits.map(h => `${h.passageId}:${h.snippet.slice(0,90)}`)); }
  await prisma.participant.deleteMany({ where: { speaker: { slug: 'pat-moss' } } });
  await prisma.speaker.delete({ where: { slug: 'pat-moss' } });
  console.log(await prisma.$queryRawUnsafe(`select rowid, speaker from passage_fts where rowid > 18`));
  console.log(await prisma.passage.findMany({ where: { id: { gt: 18 } }, select: { id: true, speakerId: true } }));
});
