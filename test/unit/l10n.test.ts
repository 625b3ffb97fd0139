// Translations: every %key% of package.json has its English text in package.nls.json, the Chinese files name only
// keys and strings that exist (and keep their {0} placeholders), and the LiveMessage views and commands have every
// string they show translated.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import ts = require('typescript');

const REPO = path.join(__dirname, '../../..');
const readJson = (file: string) => JSON.parse(fs.readFileSync(path.join(REPO, file), 'utf8')) as Record<string, unknown>;

/** The first argument of every vscode.l10n.t('…') call in a source file. */
function l10nStrings(file: string): string[] {
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node) && /\bl10n\.t$/.test(node.expression.getText(source))) {
      const [first] = node.arguments;
      assert.ok(first && ts.isStringLiteralLike(first), `${path.relative(REPO, file)}: l10n.t takes a string literal (${node.getText(source).slice(0, 80)})`);
      found.push(first.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(full) : entry.name.endsWith('.ts') ? [full] : [];
  });
}

const placeholders = (text: string) => [...text.matchAll(/\{\d+\}/g)].map((match) => match[0]).sort();

describe('translations', () => {
  const allStrings = new Set(sourceFiles(path.join(REPO, 'src')).flatMap(l10nStrings));

  it('every %key% in package.json has its English text, and the Chinese file names only those keys', () => {
    const manifest = fs.readFileSync(path.join(REPO, 'package.json'), 'utf8');
    const keys = [...manifest.matchAll(/"%([^%"]+)%"/g)].map((match) => match[1]);
    assert.ok(keys.length > 0);
    const english = readJson('package.nls.json');
    for (const key of keys) assert.equal(typeof english[key], 'string', `package.nls.json lacks ${key}`);
    const chinese = readJson('package.nls.zh-cn.json');
    for (const key of Object.keys(chinese)) assert.ok(key in english, `package.nls.zh-cn.json names an unknown key ${key}`);
  });

  it('the Chinese bundle translates only strings the code uses, keeping their placeholders', () => {
    const bundle = readJson('l10n/bundle.l10n.zh-cn.json');
    for (const [english, chinese] of Object.entries(bundle)) {
      assert.ok(allStrings.has(english), `stale translation: ${english}`);
      assert.deepEqual(placeholders(String(chinese)), placeholders(english), `placeholders of "${english}"`);
    }
  });

  it('the LiveMessage rows and commands have every string translated', () => {
    const bundle = readJson('l10n/bundle.l10n.zh-cn.json');
    const files = [
      ...sourceFiles(path.join(REPO, 'src/tree')).filter((file) => /live\w*\.ts$/.test(file) || file.endsWith('rootNode.ts')),
      ...sourceFiles(path.join(REPO, 'src/commands/live')),
    ];
    const strings = files.flatMap(l10nStrings);
    assert.ok(strings.length > 50, `${strings.length} strings found`);
    const missing = strings.filter((text) => typeof bundle[text] !== 'string');
    assert.deepEqual(missing, []);
  });
});
