// The TEI and OHMS exports of both seed documents against the structures their specifications
// require, checked with xmllint: TEI P5 (a TEI root holding teiHeader then text; fileDesc with
// titleStmt, publicationStmt and sourceDesc in that order; particDesc persons; one <u> per turn with
// @who pointing at a person in speech, <p> in an essay; xml:id values that are NCNames), and OHMS
// (ohms.xsd 5.4: ROOT/record with an xs:int id and an xs:date dt, the record's elements in the
// schema's order, version, date and title present).
import { afterAll, describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db/client';
import { PARTICIPANT_ROLES } from '@/lib/vocabulary';
import { apiDocument, exportBody, OHMS, TEI } from '@/tests/support/exports';
import { el, XmlFile } from '@/tests/support/xml-file';

const INTERVIEW = 'seongmin-lee-qa-part-2-us-relations-with-north-korea';
const ESSAY = 'how-to-really-bring-change-to-north-korea';

/** ohms.xsd 5.4: the record's elements, in the order its xs:sequence requires; "+" may repeat. */
const OHMS_SEQUENCE = [
  'version', 'date', 'date_nonpreferred_format', 'cms_record_id', 'title', 'accession', 'duration', 'collection_id', 'collection_name',
  'series_id', 'series_name', 'repository', 'funding', 'repository_url', 'subject+', 'keyword+', 'interviewee+', 'interviewer+', 'format+',
  'file_name', 'sync', 'sync_alt', 'transcript_alt_lang', 'translate', 'media_id', 'media_url', 'mediafile', 'kembed', 'language',
  'user_notes', 'index', 'type', 'description', 'rel', 'transcript', 'transcript_alt', 'rights', 'fmt', 'usage', 'userestrict',
  'xmllocation', 'xmlfilename', 'collection_link', 'series_link',
]; // prettier-ignore

const NCNAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

afterAll(() => prisma.$disconnect());

describe.each([
  [INTERVIEW, 'u', 'who'],
  [ESSAY, 'p', 'resp'],
])('TEI of %s', (slug, unit, pointer) => {
  it(`has the header TEI P5 requires, a person per speaker with roles, and one <${unit}> per passage pointing at its speaker`, async () => {
    const api = await apiDocument(slug);
    const xml = new XmlFile(await exportBody(slug, 'tei'));
    const root = `/${el(TEI, 'TEI')}`;
    expect(xml.count(root)).toBe(1);
    expect(xml.childNames(root)).toEqual(['teiHeader', 'text']);
    const fileDesc = `${root}/${el(TEI, 'teiHeader')}/${el(TEI, 'fileDesc')}`;
    expect(xml.childNames(`${root}/${el(TEI, 'teiHeader')}`)).toEqual(['fileDesc', 'profileDesc']);
    expect(xml.childNames(fileDesc)).toEqual(['titleStmt', 'publicationStmt', 'sourceDesc']);
    expect(xml.string(`${fileDesc}/${el(TEI, 'titleStmt')}/${el(TEI, 'title')}[1]`)).toBe(api.title);
    expect(xml.string(`${fileDesc}/${el(TEI, 'sourceDesc')}/${el(TEI, 'bibl')}/${el(TEI, 'title')}`)).toBe(api.title);
    // The date keeps its precision: the essay's is a month.
    expect(xml.string(`${fileDesc}/${el(TEI, 'sourceDesc')}/${el(TEI, 'bibl')}/${el(TEI, 'date')}/@when`)).toBe(api.date.iso);

    const persons = `${root}/${el(TEI, 'teiHeader')}/${el(TEI, 'profileDesc')}/${el(TEI, 'particDesc')}/${el(TEI, 'listPerson')}/${el(TEI, 'person')}`;
    const personIds = xml.attributes(persons, 'xml:id');
    expect(personIds).toHaveLength(new Set(api.passages.map((p) => p.speaker!.slug)).size);
    for (const participant of api.participants) {
      const person = `${persons}[${el(TEI, 'persName')}='${participant.name}']`;
      expect(xml.count(person)).toBe(1);
      const roles = xml.string(`${person}/@role`).split(' ');
      expect(roles).toContain(participant.role);
      for (const role of roles) expect(PARTICIPANT_ROLES).toContain(role);
    }

    const div = `${root}/${el(TEI, 'text')}/${el(TEI, 'body')}/${el(TEI, 'div')}`;
    expect(xml.string(`${div}/@type`)).toBe(api.kind);
    expect(xml.count(`${div}/${el(TEI, unit)}`)).toBe(api.passages.length);
    expect(xml.count(`${div}/${el(TEI, unit === 'u' ? 'p' : 'u')}`)).toBe(0);
    const pointers = xml.attributes(`${div}/${el(TEI, unit)}`, pointer);
    expect(pointers).toHaveLength(api.passages.length);
    for (const target of pointers) expect(personIds).toContain(target.replace(/^#/, ''));

    const ids = xml.attributes('//*', 'xml:id');
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(NCNAME);
  });
});

describe.each([INTERVIEW, ESSAY])('OHMS XML of %s', (slug) => {
  it("follows ohms.xsd 5.4's record: id and dt, its elements in the schema's order, the date at its precision", async () => {
    const api = await apiDocument(slug);
    const xml = new XmlFile(await exportBody(slug, 'ohms'));
    const record = `/${el(OHMS, 'ROOT')}/${el(OHMS, 'record')}`;
    expect(xml.count(`/${el(OHMS, 'ROOT')}/*`)).toBe(1);
    expect(xml.count(record)).toBe(1);
    expect(xml.string(`${record}/@id`)).toMatch(/^[1-9]\d{0,8}$/);
    expect(xml.string(`${record}/@dt`)).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    const names = xml.childNames(record);
    let position = 0;
    for (const [i, name] of names.entries()) {
      const index = OHMS_SEQUENCE.findIndex((entry, j) => j >= position && entry.replace('+', '') === name);
      expect(index, `${name} (child ${i + 1}) is a record element, in the schema's order`).toBeGreaterThanOrEqual(position);
      const repeats = OHMS_SEQUENCE[index].endsWith('+');
      position = repeats ? index : index + 1;
    }
    for (const required of ['version', 'date', 'title']) expect(names).toContain(required);
    expect(xml.string(`${record}/${el(OHMS, 'version')}`)).toMatch(/^\d+(\.\d+)?$/);
    expect(xml.string(`${record}/${el(OHMS, 'date')}/@value`)).toBe(api.date.iso);
    expect(xml.string(`${record}/${el(OHMS, 'date')}/@format`)).toBe({ 4: 'yyyy', 7: 'yyyy-mm', 10: 'yyyy-mm-dd' }[api.date.iso.length]);
    const named = (role: string) => api.participants.filter((p) => p.role === role).map((p) => p.name);
    for (const role of ['interviewee', 'interviewer']) {
      expect(Array.from({ length: xml.count(`${record}/${el(OHMS, role)}`) }, (_, i) => xml.string(`${record}/${el(OHMS, role)}[${i + 1}]`))).toEqual(
        named(role),
      );
    }
  });
});
