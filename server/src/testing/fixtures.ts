/** Direct fixtures for tests that need state the API builds elsewhere (e.g. an ACTIVE binding). */
import type { RelationshipKind } from '@gongji/shared';
import { PersonalAccount } from '../modules/account/account.entity';
import { tryReserve } from '../modules/account/account.service';
import { Binding } from '../modules/binding/binding.entity';
import { importBinding } from '../modules/binding/binding-import';
import { issueCredential } from '../modules/credential/credential.service';
import type { Member } from '../modules/member/member.entity';
import type { TestServer } from './harness';

export interface BindingFixture {
  relationship?: RelationshipKind;
  priority?: number;
  singleLimitFen?: number | null;
  reservedFen?: number;
  kind?: 'MUTUAL_AID' | 'PROXY';
  state?: 'ACTIVE' | 'PENDING' | 'SUSPENDED';
}

/** An ACTIVE (by default) binding giver → beneficiary, inserted directly with its creation in the history. */
export function insertBinding(t: TestServer, giver: Member, beneficiary: Member, o: BindingFixture = {}): Promise<Binding> {
  return t.run(async (ctx) => {
    const b = await importBinding(ctx, giver, beneficiary, { ...o, note: 'test fixture' });
    if (o.reservedFen) {
      const account = await ctx.em.findOneByOrFail(PersonalAccount, { memberId: giver.id });
      if (!(await tryReserve(ctx, account.id, o.reservedFen))) throw new Error('fixture: not enough to reserve');
      b.reservedFen = o.reservedFen;
      await ctx.em.save(Binding, b);
    }
    return b;
  });
}

export function credentialFor(t: TestServer, m: Member, type: '01' | '03') {
  return t.run((ctx) => issueCredential(ctx.em, m, type));
}

/** Balance and reserved amount of a member's account. */
export function accountOfMember(t: TestServer, m: Member) {
  return t.run((ctx) => ctx.em.findOneByOrFail(PersonalAccount, { memberId: m.id }));
}
