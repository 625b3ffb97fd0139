import * as assert from 'node:assert/strict';
import { messagesDocument, readableBody } from '../../../src/model/messages';

describe('messages shown readably', () => {
  it('pretty-prints JSON bodies', () => {
    assert.deepEqual(readableBody('{"text":"hi","n":1}'), { form: 'json', text: '{\n  "text": "hi",\n  "n": 1\n}' });
  });

  it('decodes base64 of UTF-8 text (and of JSON), leaves binary and plain text alone', () => {
    assert.deepEqual(readableBody(Buffer.from('你好, world').toString('base64')), { form: 'base64 text', text: '你好, world' });
    assert.deepEqual(readableBody(Buffer.from('{"a":1}').toString('base64')), { form: 'base64 text', text: '{\n  "a": 1\n}' });
    const binary = Buffer.from([0, 1, 2, 3, 250, 251, 252, 253]).toString('base64');
    assert.deepEqual(readableBody(binary), { form: 'text', text: binary });
    assert.deepEqual(readableBody('hello there'), { form: 'text', text: 'hello there' });
    assert.deepEqual(readableBody('{not json'), { form: 'text', text: '{not json' });
  });

  it('writes a document with every message, its type and sender, and keeps fences intact', () => {
    const text = messagesDocument('A', 'G', [{ MessageId: 'm1', GroupId: 'G', SenderId: 'u1', Type: 88888, Data: 'has ``` fence' }], 'newest first');
    assert.match(text, /^# Messages of group G/);
    assert.match(text, /## m1\n\n- Type: 88888\n- SenderId: u1\n- Data \(text\):/);
    assert.equal(text.split('```').length - 1, 2, 'the body cannot close the fence');
  });
});
