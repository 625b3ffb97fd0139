// The translations against the source: the strings are extracted from src/ with @vscode/l10n-dev (the same
// extractor `npm run l10n` runs), never listed by hand. A string added to the code without its Chinese entry, a
// stale entry, a lost placeholder or a package.json %key% without its text fails here.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { getL10nJson, type l10nJsonFormat } from '@vscode/l10n-dev';
import { REPO } from '../harness/paths';

const readJson = (file: string) => JSON.parse(fs.readFileSync(path.join(REPO, file), 'utf8')) as Record<string, unknown>;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(file) : file.endsWith('.ts') ? [file] : [];
  });
}

const messageOf = (value: l10nJsonFormat[string]) => (typeof value === 'string' ? value : value.message);
const placeholders = (text: string) => [...new Set(text.match(/\{\d+\}/g) ?? [])].sort();

describe('translations', function () {
  this.timeout(60_000);
  let extracted: l10nJsonFormat;
  const files = sourceFiles(path.join(REPO, 'src'));

  before(async () => {
    extracted = await getL10nJson(files.map((file) => ({ contents: fs.readFileSync(file, 'utf8'), extension: '.ts' })));
  });

  it('finds the strings of the source (the extractor sees this code base)', () => {
    // Anchors in different layers: a tree row, an API error sentence (@vscode/l10n), a command prompt.
    for (const key of ['Load more…', 'The request was cancelled.', 'Profile name']) assert.ok(key in extracted, `"${key}" was not extracted`);
  });

  it('every l10n.t call passes its message as a literal (the extractor skips anything else, silently)', () => {
    const offenders = files.flatMap((file) =>
      [...fs.readFileSync(file, 'utf8').matchAll(/\bl10n\.t\(\s*([^\s])/g)]
        .filter((match) => !/['"`]/.test(match[1]))
        .map((match) => `${path.relative(REPO, file)}: l10n.t(${match[1]}…`),
    );
    assert.deepEqual(offenders, []);
  });

  it('l10n/bundle.l10n.json is current (run `npm run l10n` after changing strings)', () => {
    assert.deepEqual(Object.keys(readJson('l10n/bundle.l10n.json')).sort(), Object.keys(extracted).sort());
  });

  it('l10n/bundle.l10n.zh-cn.json translates every string of the source, and nothing else', () => {
    const zh = readJson('l10n/bundle.l10n.zh-cn.json');
    const missing = Object.keys(extracted).filter((key) => !(key in zh));
    const stale = Object.keys(zh).filter((key) => !(key in extracted));
    assert.deepEqual({ missing, stale }, { missing: [], stale: [] });
  });

  it('each Chinese string keeps the placeholders of its English one and is neither empty nor the English left as is', () => {
    const zh = readJson('l10n/bundle.l10n.zh-cn.json');
    const wrong = Object.keys(extracted)
      .filter((key) => typeof zh[key] === 'string')
      .filter((key) => {
        const text = zh[key] as string;
        const english = messageOf(extracted[key]);
        return text.trim() === '' || text === english || placeholders(english).join() !== placeholders(text).join();
      });
    assert.deepEqual(wrong, []);
  });

  it('package.nls.zh-cn.json has exactly the keys of package.nls.json, each translated', () => {
    const en = readJson('package.nls.json');
    const zh = readJson('package.nls.zh-cn.json');
    assert.deepEqual(Object.keys(zh).sort(), Object.keys(en).sort());
    const untranslated = Object.keys(en).filter(
      (key) => typeof zh[key] !== 'string' || zh[key] === '' || (zh[key] === en[key] && /[a-z]{3}/.test(String(en[key]))),
    );
    assert.deepEqual(untranslated, []);
  });

  it("every %key% in package.json exists in package.nls.json, and the manifest's visible texts are all %keys%", () => {
    const text = fs.readFileSync(path.join(REPO, 'package.json'), 'utf8');
    const nls = readJson('package.nls.json');
    const keys = [...text.matchAll(/"%([^%"]+)%"/g)].map((match) => match[1]);
    assert.ok(keys.length > 40, `only ${keys.length} %keys% found`);
    assert.deepEqual(
      keys.filter((key) => !(key in nls)),
      [],
    );
    const manifest = JSON.parse(text) as {
      displayName: string;
      description: string;
      contributes: Record<string, unknown> & {
        commands: { title: string; category?: string }[];
        configuration: { title: string; properties: Record<string, Record<string, unknown>> };
        viewsWelcome: { contents: string }[];
        views: Record<string, { name: string; contextualTitle?: string }[]>;
        viewsContainers: { activitybar: { title: string }[] };
      };
    };
    const c = manifest.contributes;
    const visible: string[] = [
      manifest.displayName,
      manifest.description,
      ...c.commands.flatMap((command) => [command.title, command.category ?? '%%']),
      c.configuration.title,
      ...Object.values(c.configuration.properties).flatMap((property) =>
        ['description', 'markdownDescription', 'patternErrorMessage', 'enumDescriptions'].flatMap((field) => property[field] ?? []),
      ),
      ...c.viewsWelcome.map((welcome) => welcome.contents),
      ...Object.values(c.views).flatMap((views) => views.flatMap((view) => [view.name, view.contextualTitle ?? '%%'])),
      ...c.viewsContainers.activitybar.map((container) => container.title),
    ].flat() as string[];
    assert.deepEqual(
      visible.filter((value) => !/^%[^%]*%$/.test(value)),
      [],
    );
  });
});
