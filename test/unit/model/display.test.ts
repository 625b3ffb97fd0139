// Numbers and times follow the display language; a tag VS Code might hand over in any case, or a malformed one, is safe.
import * as assert from 'node:assert/strict';
import { formatNumber, formatTime, setDisplayLocale } from '../../../src/model/display';

describe('display formats', () => {
  // 2026-11-20 14:03:05 in the local time zone of the machine running the test.
  const time = new Date(2026, 10, 20, 14, 3, 5);

  afterEach(() => setDisplayLocale('en'));

  it('English: 12,345 and month/day/year with a 24-hour clock', () => {
    assert.equal(setDisplayLocale('en'), 'en');
    assert.equal(formatNumber(12345), '12,345');
    assert.equal(formatTime(time), '11/20/2026, 14:03');
    assert.equal(formatTime(time, true), '11/20/2026, 14:03:05');
  });

  it("Simplified Chinese from VS Code's lower-case tag: year/month/day", () => {
    assert.equal(setDisplayLocale('zh-cn'), 'zh-CN');
    assert.equal(formatNumber(1234567), '1,234,567');
    assert.equal(formatTime(time), '2026/11/20 14:03');
  });

  it('another language groups digits its own way (German)', () => {
    setDisplayLocale('de');
    assert.equal(formatNumber(12345), '12.345');
    assert.equal(formatTime(time), '20.11.2026, 14:03');
  });

  it('a malformed tag falls back to English instead of throwing', () => {
    assert.equal(setDisplayLocale('not a language!'), 'en');
    assert.equal(formatNumber(1000), '1,000');
  });
});
