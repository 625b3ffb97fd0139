// Export's rows and writers (src/export/rows.ts, writers.ts) in plain Node: RFC 4180 CSV, the spreadsheet-formula
// guard, the BOM option, Extension as one JSON cell, and JSON arrays written page by page.
import * as assert from 'node:assert/strict';
import type { GroupMember } from '../../../src/api/types';
import { cellText, type ExportedGroup, groupRows, MEMBER_ROWS } from '../../../src/export/rows';
import { csvWriter, jsonWriter, UTF8_BOM, writerFor } from '../../../src/export/writers';

const member = (UserId: string, JoinTime = 1700000000): GroupMember => ({ UserId, JoinTime });

function written<Item>(writer: { header(): string; page(items: readonly Item[]): string; footer(): string }, pages: Item[][]): string {
  return writer.header() + pages.map((items) => writer.page(items)).join('') + writer.footer();
}

describe('export rows', () => {
  it('guards text a spreadsheet would run as a formula with a leading quote', () => {
    for (const [value, expected] of [
      ['=SUM(A1)', "'=SUM(A1)"],
      ['+1', "'+1"],
      ['-2', "'-2"],
      ['@cmd', "'@cmd"],
      ['\tx', "'\tx"],
      ['\rx', "'\rx"],
      ['a=b', 'a=b'],
      ['plain', 'plain'],
    ] as const)
      assert.equal(cellText(value), expected, JSON.stringify(value));
  });

  it('leaves numbers alone (a negative number is a number, not a formula) and writes absent values empty', () => {
    assert.equal(cellText(-5), '-5');
    assert.equal(cellText(0), '0');
    assert.equal(cellText(undefined), '');
    assert.equal(cellText(null), '');
    assert.equal(cellText(true), 'true');
  });

  it('keeps an Extension map as one JSON cell, and adds the listing user only when asked', () => {
    const group: ExportedGroup = {
      GroupId: 'G1',
      AppId: 'A1',
      CreateTime: 1,
      Status: 1,
      CreatorId: 'u1',
      Extension: { topic: 'a,b', quote: 'say "hi"' },
      ListedByUserId: 'u2',
    };
    assert.deepEqual(groupRows(false).columns, ['GroupId', 'AppId', 'CreateTime', 'Status', 'CreatorId', 'Extension']);
    assert.deepEqual(groupRows(true).columns.at(-1), 'ListedByUserId');
    const cells = groupRows(true).cells(group).map(cellText);
    assert.deepEqual(cells, ['G1', 'A1', '1', '1', 'u1', '{"topic":"a,b","quote":"say \\"hi\\""}', 'u2']);
    assert.deepEqual(JSON.parse(cells[5]), group.Extension);
    assert.equal(groupRows(false).cells(group).length, 6);
  });
});

describe('export writers', () => {
  it('writes RFC 4180 CSV: CRLF records, fields with commas, quotes or line breaks quoted, quotes doubled', () => {
    const text = written(csvWriter(MEMBER_ROWS), [
      [member('plain', 1)],
      [member('a,b', 2), member('say "hi"', 3), member('two\nlines', 4), member('cr\rhere', 5)],
    ]);
    assert.equal(text, 'UserId,JoinTime\r\nplain,1\r\n"a,b",2\r\n"say ""hi""",3\r\n"two\nlines",4\r\n"cr\rhere",5\r\n');
  });

  it('quotes leading and trailing spaces so they survive, and guards formulas inside CSV', () => {
    const text = written(csvWriter(MEMBER_ROWS), [[member(' padded '), member('=1+1'), member('-x,y')]]);
    assert.equal(text, 'UserId,JoinTime\r\n" padded ",1700000000\r\n\'=1+1,1700000000\r\n"\'-x,y",1700000000\r\n');
  });

  it('puts a BOM first only when asked, for CSV and JSON', () => {
    assert.ok(csvWriter(MEMBER_ROWS, { bom: true }).header().startsWith(UTF8_BOM));
    assert.ok(!csvWriter(MEMBER_ROWS).header().startsWith(UTF8_BOM));
    assert.ok(jsonWriter({ bom: true }).header().startsWith(UTF8_BOM));
    assert.equal(jsonWriter().header(), '[');
  });

  it('writes a JSON array page by page that parses back to the same objects, empty pages included', () => {
    const pages = [[member('a'), member('用户 "b"')], [], [member('c\nd')]];
    const text = written(jsonWriter<GroupMember>(), pages);
    assert.deepEqual(JSON.parse(text), pages.flat());
    assert.equal(text.trimEnd().split('\n').length, 5, 'one object per line: [, three objects, ]');
    assert.deepEqual(JSON.parse(written(jsonWriter<GroupMember>(), [])), []);
  });

  it('writes a header only for a CSV of nothing, and picks the writer by format', () => {
    assert.equal(written(csvWriter(MEMBER_ROWS), [[], []]), 'UserId,JoinTime\r\n');
    assert.equal(writerFor('csv', MEMBER_ROWS).header(), 'UserId,JoinTime\r\n');
    assert.equal(writerFor('json', MEMBER_ROWS).header(), '[');
  });
});
