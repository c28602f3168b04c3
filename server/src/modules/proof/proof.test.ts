import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProofRelationship1796187342642 as MysqlProofRelationship } from '../../db/migrations/mysql/1796187342642-proof-relationship';
import { ProofRelationship1796187342642 as SqliteProofRelationship } from '../../db/migrations/sqlite/1796187342642-proof-relationship';
import { insertBinding } from '../../testing/fixtures';
import { startTestServer, type TestServer } from '../../testing/harness';
import { RelationshipProof } from './proof.entity';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t?.close();
});

const tiny = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex').toString('base64');
const UPLOAD = `mutation($input: UploadProofInput!) { uploadProof(input: $input) { __typename ... on RelationshipProof { id } } }`;
const LIST = `query($f: ProofFilter, $after: String) { proofs(filter: $f, perPage: 1, sortField: "createdAt", sortOrder: ASC, after: $after) { total nextCursor items { id bindingId } } }`;

/** One proof per binding, uploaded by the given party; the new proofs' ids by name. */
type Uploader = Parameters<TestServer['memberToken']>[0];
async function uploadEach<K extends string>(uploads: Record<K, [{ id: number }, Uploader]>): Promise<Record<K, number>> {
  const ids = {} as Record<K, number>;
  for (const [name, [binding, member]] of Object.entries(uploads) as Array<[K, [{ id: number }, Uploader]]>) {
    const input = { bindingId: binding.id, docType: 'HOUSEHOLD_REGISTER', fileName: `${name}.png`, mimeType: 'image/png', contentBase64: tiny };
    ids[name] = (await t.ok(UPLOAD, { input }, await t.memberToken(member))).uploadProof.id;
  }
  return ids;
}

describe('the proof review queue at scale (issue 10)', () => {
  it('A1: a proof carries its binding’s party regions, and the queue is scoped on them (either party, province or pooling region)', async () => {
    const sz = await t.member({ insuredRegion: '440300', birthDate: '1960-01-01' });
    const bj = await t.member({ insuredRegion: '110000', birthDate: '1990-01-01' });
    const bj2 = await t.member({ insuredRegion: '110000', birthDate: '1962-01-01' });
    const bj3 = await t.member({ insuredRegion: '110000', birthDate: '1992-01-01' });
    const gz = await t.member({ insuredRegion: '440100', birthDate: '1961-01-01' });
    const gz2 = await t.member({ insuredRegion: '440100', birthDate: '1991-01-01' });
    const cross = await insertBinding(t, sz, bj, { relationship: 'CHILD' });
    const beijing = await insertBinding(t, bj2, bj3, { relationship: 'CHILD' });
    const guangzhou = await insertBinding(t, gz, gz2, { relationship: 'CHILD' });
    const ids = await uploadEach({ cross: [cross, sz], beijing: [beijing, bj2], guangzhou: [guangzhou, gz] });
    const row = await t.run((ctx) => ctx.em.findOneByOrFail(RelationshipProof, { id: ids.cross }));
    expect(row).toMatchObject({ giverRegion: '440300', giverProvince: '44', beneficiaryRegion: '110000', beneficiaryProvince: '11' });

    // Every page of the pending queue, one row a page by keyset, as each staff member sees it.
    const mine = new Set(Object.values(ids));
    const queue = async (user: string, f: Record<string, unknown> = {}) => {
      const seen: number[] = [];
      let after: string | null = null;
      do {
        const page: any = (await t.ok(LIST, { f: { reviewState: 'PENDING', ...f }, after }, await t.staffToken(user))).proofs;
        seen.push(...page.items.map((p: { id: number }) => p.id));
        after = page.nextCursor;
      } while (after);
      return seen.filter((id) => mine.has(id));
    };
    expect(await queue('caseworker_44')).toEqual([ids.cross, ids.guangzhou]);
    expect(await queue('caseworker_440300')).toEqual([ids.cross]);
    expect(await queue('caseworker_11')).toEqual([ids.cross, ids.beijing]);
    expect(await queue('caseworker')).toEqual([ids.cross, ids.beijing, ids.guangzhou]);
    expect(await queue('caseworker', { region: '440100' })).toEqual([ids.guangzhou]);
    expect(await queue('caseworker_44', { region: '11' })).toEqual([ids.cross]);
    expect(await queue('caseworker_440300', { region: '440100' })).toEqual([]);
  });

  it('the queue by relationship reads the relationship copied onto each proof; the migration back-fills it from the binding', async () => {
    const [a, b, c, d] = await Promise.all(['1970-01-01', '1971-01-01', '1945-01-01', '1998-01-01'].map((birthDate) => t.member({ insuredRegion: '330100', birthDate })));
    const spouses = await insertBinding(t, a, b, { relationship: 'SPOUSE' });
    const parent = await insertBinding(t, a, c, { relationship: 'PARENT' });
    const child = await insertBinding(t, b, d, { relationship: 'CHILD' });
    const ids = await uploadEach({ spouses: [spouses, a], parent: [parent, a], child: [child, b] });
    const mine = Object.values(ids);
    const stored = async () =>
      Object.fromEntries((await t.run((ctx) => ctx.em.findBy(RelationshipProof, mine.map((id) => ({ id }))))).map((p) => [p.id, p.relationship]));
    const expected = { [ids.spouses]: 'SPOUSE', [ids.parent]: 'PARENT', [ids.child]: 'CHILD' };
    expect(await stored()).toEqual(expected);

    // Every page of the pending queue of one relationship, by keyset, against the bindings' relationships.
    const queue = async (relationship: string) => {
      const seen: number[] = [];
      let after: string | null = null;
      do {
        const page: any = (await t.ok(LIST, { f: { reviewState: 'PENDING', relationship, region: '330100' }, after }, await t.staffToken('caseworker'))).proofs;
        seen.push(...page.items.map((p: { id: number }) => p.id));
        after = page.nextCursor;
      } while (after);
      return seen;
    };
    expect(await queue('SPOUSE')).toEqual([ids.spouses]);
    expect(await queue('PARENT')).toEqual([ids.parent]);
    expect(await queue('CHILD')).toEqual([ids.child]);

    // The migration as shipped: undone (the column gone), then run again on these rows.
    const migration = t.db.isSqlite ? new SqliteProofRelationship() : new MysqlProofRelationship();
    const qr = t.db.dataSource.createQueryRunner();
    try {
      await migration.down(qr);
      const columns = (await qr.getTable('relationship_proof'))!.columns.map((col) => col.name);
      expect(columns).not.toContain('relationship');
      await migration.up(qr);
    } finally {
      await qr.release();
    }
    expect(await stored()).toEqual(expected);
    expect(await queue('SPOUSE')).toEqual([ids.spouses]);
  });
});
