import { describe, expect, it } from 'vitest';
import { MEMBER_SEARCH, memberSearchFilter } from './MemberSearchInput';
import { buildListQuery } from '../providers/dataProvider';

const list = (resource: string, filter: Record<string, unknown>) => buildListQuery(resource, { filter, pagination: { page: 1, perPage: 25 } }).variables.filter;

describe('member search in list filters', () => {
  it('R3: a full ID number, 18 characters or the old 15 digits, searches by ID number; a name by its start', () => {
    expect(memberSearchFilter(' 11010519491231002x ')).toEqual({ idNumber: '11010519491231002X' });
    expect(memberSearchFilter('110105491231002')).toEqual({ idNumber: '110105491231002' });
    expect(memberSearchFilter('张')).toEqual({ name: '张' });
    expect(memberSearchFilter('欧阳 明')).toEqual({ name: '欧阳明' });
  });

  it('does not search a partial ID number or an empty box', () => {
    expect(memberSearchFilter('1101051949')).toBeNull();
    expect(memberSearchFilter('   ')).toBeNull();
    expect(memberSearchFilter('1101051949123100')).toBeNull(); // 16 digits
    // The search box's members query: nobody until there is a name or ID number to search.
    expect(list('members', { ...MEMBER_SEARCH })).toEqual({ ids: [0] });
    expect(list('members', { ...MEMBER_SEARCH, name: '张' })).toEqual({ name: '张' });
  });

  it('the chosen member filters bindings (either party), settlements (patient) and fraud cases (member subject)', () => {
    expect(list('bindings', { memberId: 81, state: 'ACTIVE' })).toEqual({ memberId: 81, state: 'ACTIVE' });
    expect(list('settlements', { memberId: '81' })).toEqual({ memberId: 81 });
    expect(list('fraudCases', { memberId: 81, state: 'UNCLOSED' })).toEqual({ states: ['OPEN', 'INVESTIGATING'], subjectType: 'MEMBER', subjectId: 81 });
  });
});
