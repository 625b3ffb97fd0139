import * as assert from 'node:assert/strict';
import { Pager, type ListSource } from '../../../src/api/pager';
import { parseFilter, type TreeFilter } from '../../../src/model/filter';
import { ListStore } from '../../../src/model/listStore';
import { SEARCH_TEXT } from '../../../src/model/filter';
import { countMatchesAtOrBelow, filterSummary, isFilteredList, keepsRow } from '../../../src/tree/filtering';

const source: ListSource<unknown> = { fetchPage: () => Promise.reject(new Error('not used')), keyOf: String, callsPerSecond: 100, latencyMs: () => undefined };
const filterOf = (text: string) => parseFilter(text) as TreeFilter;

const AS = {
  app: { level: 'app' as const, text: SEARCH_TEXT.app as (item: unknown) => string },
  group: { level: 'group' as const, text: SEARCH_TEXT.group as (item: unknown) => string },
  member: { level: 'member' as const, text: SEARCH_TEXT.member as (item: unknown) => string },
};

function store(): ListStore {
  const lists = new ListStore();
  lists.get('/profile/p', () => new Pager(source), AS.app).items = [
    { AppId: 'app1', AppName: 'Shop' },
    { AppId: 'app2', AppName: 'School' },
  ];
  lists.get('/profile/p/app/app1/user/u1', () => new Pager(source), AS.group).items = [
    { GroupId: 'room-1', CreatorId: 'u1' },
    { GroupId: 'room-2', CreatorId: 'teacher' },
  ];
  lists.get('/profile/p/app/app1/user/u1/group/room-1', () => new Pager(source), AS.member).items = [{ UserId: 'alice' }, { UserId: 'bob' }];
  return lists;
}

describe('filtering the loaded lists', () => {
  it('knows what a list holds from how it was stored, not from its owner id', () => {
    const lists = store();
    // A LiveMessage app lists its groups directly; its apps are listed per data center; a Messages row is no level.
    lists.get('/profile/p/dc/cn-shanghai/app/a', () => new Pager(source), AS.group).items = [{ GroupId: 'room-9', CreatorId: 'bob' }];
    lists.get('/profile/p/dc/cn-shanghai', () => new Pager(source), AS.app).items = [{ AppId: 'live1', AppName: 'Live' }];
    lists.get('/profile/p/dc/cn-shanghai/app/a/group/g/messages/list', () => new Pager(source)).items = [{ UserId: 'bob' }];
    assert.ok(isFilteredList(lists, '/profile/p'));
    assert.ok(isFilteredList(lists, '/profile/p/dc/cn-shanghai/app/a'));
    assert.ok(!isFilteredList(lists, '/profile/p/dc/cn-shanghai/app/a/group/g/messages/list'), 'a Messages row is no level');
    assert.ok(!isFilteredList(lists, '/profile/p/app/app9'), 'a list never stored');
    assert.deepEqual(filterSummary(lists, filterOf('group:room')), { matching: 3, loaded: 3 });
    assert.deepEqual(filterSummary(lists, filterOf('app:live')), { matching: 1, loaded: 3 });
    assert.deepEqual(filterSummary(lists, filterOf('member:bob')), { matching: 1, loaded: 2 }, 'the messages list is not counted');
  });

  it('keeps a row that matches, or that has a loaded match below it when filtering everywhere', () => {
    const lists = store();
    const bob = filterOf('bob');
    assert.ok(keepsRow(lists, bob, 'member', 'bob', '/profile/p/app/app1/user/u1/group/room-1/member/bob'));
    assert.ok(!keepsRow(lists, bob, 'member', 'alice', '/profile/p/app/app1/user/u1/group/room-1/member/alice'));
    assert.ok(keepsRow(lists, bob, 'group', 'room-1\nu1', '/profile/p/app/app1/user/u1/group/room-1'), 'bob is a loaded member of room-1');
    assert.ok(!keepsRow(lists, bob, 'group', 'room-2\nteacher', '/profile/p/app/app1/user/u1/group/room-2'));
    assert.ok(keepsRow(lists, bob, 'app', 'app1\nShop', '/profile/p/app/app1'));
    assert.ok(!keepsRow(lists, bob, 'app', 'app2\nSchool', '/profile/p/app/app2'));
  });

  it('a level filter leaves the other levels alone and does not look below', () => {
    const lists = store();
    const members = filterOf('member:bob');
    assert.ok(keepsRow(lists, members, 'group', 'room-2\nteacher', '/profile/p/app/app1/user/u1/group/room-2'));
    const groups = filterOf('group:teacher');
    assert.ok(keepsRow(lists, groups, 'member', 'alice', 'x'));
    assert.ok(!keepsRow(lists, groups, 'group', 'room-1\nu1', '/profile/p/app/app1/user/u1/group/room-1'));
  });

  it('counts the loaded rows at the filtered levels and those that match', () => {
    const lists = store();
    assert.deepEqual(filterSummary(lists, filterOf('room')), { matching: 2, loaded: 6 });
    assert.deepEqual(filterSummary(lists, filterOf('member:o')), { matching: 1, loaded: 2 });
    assert.equal(countMatchesAtOrBelow(lists, filterOf('o'), '/profile/p/app/app1/user/u1'), 3);
  });
});
