// Activation stays cheap: importing the client evaluates no pop-core code; the first request loads it.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';

describe('pop-core is loaded on the first request', () => {
  it('importing the client loads no pop-core module; the first call does', () => {
    const client = path.resolve(__dirname, '../../../src/api/client.js');
    const script = `
      const loaded = () => Object.keys(require.cache).filter((file) => file.includes('pop-core')).length;
      const { InteractiveMessagesClient } = require(${JSON.stringify(client)});
      const before = loaded();
      const api = new InteractiveMessagesClient({ endpoint: 'http://127.0.0.1:9', accessKeyId: 'LTAIlazyprobe0000', accessKeySecret: 'lazy-probe-secret', maxAttempts: 1, timeoutMs: 2000 });
      const constructed = loaded();
      api.listMessageApp({ PageNum: 1, PageSize: 1 }).catch(() => undefined).then(() => console.log(JSON.stringify({ before, constructed, after: loaded() })));
    `;
    const figures = JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }).trim()) as {
      before: number;
      constructed: number;
      after: number;
    };
    assert.equal(figures.before, 0, 'no pop-core module after importing the client');
    assert.equal(figures.constructed, 0, 'nor after building one');
    assert.ok(figures.after > 0, 'loaded by the first request');
  });
});
