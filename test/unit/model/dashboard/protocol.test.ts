// What the host takes from a dashboard's webview: exactly our messages, nothing else.
import * as assert from 'node:assert/strict';
import { MAX_SAVE_BYTES, MAX_SENDER_LENGTH, parseWebviewMessage, savedBytes } from '../../../../src/model/dashboard/protocol';

const PNG = `data:image/png;base64,${Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2]).toString('base64')}`;

describe('dashboard: messages from the webview', () => {
  it('takes each of ours', () => {
    for (const type of ['ready', 'loadAll', 'cancelLoad', 'pauseSampling', 'resumeSampling', 'refreshMessages'])
      assert.deepEqual(parseWebviewMessage({ type }), { type });
    assert.deepEqual(parseWebviewMessage({ type: 'revealSender', sender: 'u 1/ü' }), { type: 'revealSender', sender: 'u 1/ü' });
    const png = parseWebviewMessage({ type: 'save', chart: 'members', format: 'png', data: PNG });
    assert.equal(png?.type, 'save');
    assert.deepEqual([...savedBytes(png as never).subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47]);
    assert.equal(savedBytes(parseWebviewMessage({ type: 'save', chart: 'senders', format: 'svg', data: '<svg></svg>' }) as never).toString(), '<svg></svg>');
  });

  it('drops anything else: another type, extra fields, wrong field types, a command id, huge payloads', () => {
    for (const message of [
      undefined,
      null,
      'ready',
      42,
      [],
      {},
      { type: 'command', command: 'imExplorer.signOut' },
      { type: 'executeCommand', id: 'workbench.action.openSettings' },
      { type: 'ready', command: 'imExplorer.signOut' },
      { type: 'loadAll', group: '/profile/p/app/a' },
      { type: 'revealSender' },
      { type: 'revealSender', sender: 7 },
      { type: 'revealSender', sender: '' },
      { type: 'revealSender', sender: 'x'.repeat(MAX_SENDER_LENGTH + 1) },
      { type: 'save', chart: 'members', format: 'png', data: 'data:text/html;base64,PGgxPg==' },
      { type: 'save', chart: 'members', format: 'svg', data: '<script>alert(1)</script>' },
      { type: 'save', chart: 'members', format: 'gif', data: PNG },
      { type: 'save', chart: '../../etc/passwd', format: 'png', data: PNG },
      { type: 'save', chart: 'members', format: 'png', data: PNG, file: '/tmp/x.png' },
      { type: 'save', chart: 'members', format: 'svg', data: `<svg>${'x'.repeat(MAX_SAVE_BYTES)}</svg>` },
      { type: { toString: () => 'ready' } },
    ]) {
      assert.equal(parseWebviewMessage(message), undefined, JSON.stringify(message)?.slice(0, 80));
    }
  });
});
