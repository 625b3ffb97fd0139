// Proves the harness: these tests run inside a real VS Code extension host (code-server's, or a
// desktop VS Code's through runElectron.js) with this repository loaded as the extension under
// development. Nothing here stands in for `vscode`.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';

const EXTENSION_ID = 'imexplorer.interactive-messages-explorer';
const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

describe('activation (real extension host)', () => {
  it('runs in VS Code, at the expected version when the runner names one', () => {
    assert.match(vscode.version, /^1\.\d+\.\d+/);
    const [major, minor] = vscode.version.split('.').map(Number);
    assert.ok(major > 1 || minor >= 90, `VS Code ${vscode.version} is older than engines.vscode ^1.90.0`);
    const expected = process.env.IME_EXPECT_VSCODE_VERSION;
    if (expected) {
      assert.ok(vscode.version.startsWith(expected), `VS Code ${vscode.version} does not start with ${expected}`);
    }
  });

  it('inherits the environment the runner gave it', () => {
    assert.equal(process.env.IME_INTEGRATION, '1');
  });

  it('has the extension under development installed', () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not among ${vscode.extensions.all.length} extensions`);
    assert.equal(path.resolve(extension.extensionPath), REPO_ROOT);
    assert.equal(extension.packageJSON.main, './dist/extension.js');
  });

  it('activates', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension);
    await extension.activate();
    assert.equal(extension.isActive, true);
  });

  it('opened the workspace folder the runner asked for', () => {
    const expected = process.env.IME_IT_WORKSPACE;
    if (!expected) return;
    const folders = vscode.workspace.workspaceFolders ?? [];
    assert.deepEqual(
      folders.map((folder) => folder.uri.fsPath),
      [expected],
    );
  });
});
