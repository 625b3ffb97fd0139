// package.json's menus against the code: every `viewItem` pattern matches a contextValue some node sets
// (src/tree/contextValues.ts), and every command a menu names is contributed.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CONTEXT_VALUES } from '../../../src/tree/contextValues';

interface MenuEntry {
  command: string;
  when?: string;
}

const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../../package.json'), 'utf8')) as {
  contributes: { commands: { command: string }[]; menus: Record<string, MenuEntry[]> };
};
const values: string[] = Object.values(CONTEXT_VALUES);

/** The regular expressions of `viewItem =~ /…/` clauses in a when clause. */
function viewItemPatterns(when: string): RegExp[] {
  return [...when.matchAll(/viewItem\s*=~\s*\/((?:\\\/|[^/])+)\//g)].map((match) => new RegExp(match[1]));
}

describe("package.json menus and the tree's context values", () => {
  const itemMenus = manifest.contributes.menus['view/item/context'];

  it('has item menus to check', () => {
    assert.ok(itemMenus.length > 10);
    assert.ok(
      itemMenus.every((entry) => entry.when && viewItemPatterns(entry.when).length === 1),
      'each item menu names one viewItem pattern',
    );
  });

  for (const entry of manifest.contributes.menus['view/item/context']) {
    it(`${entry.command} (${entry.when}) matches a contextValue a node sets`, () => {
      for (const pattern of viewItemPatterns(entry.when ?? '')) {
        assert.ok(
          values.some((value) => pattern.test(value)),
          `${pattern} matches none of ${values.join(', ')}`,
        );
      }
    });
  }

  it('every contextValue is offered some item menu, except plain messages', () => {
    const patterns = itemMenus.flatMap((entry) => viewItemPatterns(entry.when ?? ''));
    const unused = values.filter((value) => value !== CONTEXT_VALUES.message && !patterns.some((pattern) => pattern.test(value)));
    assert.deepEqual(unused, []);
  });

  it('every command a menu names is contributed', () => {
    const contributed = new Set(manifest.contributes.commands.map((entry) => entry.command));
    const named = Object.values(manifest.contributes.menus).flatMap((entries) => entries.map((entry) => entry.command));
    assert.deepEqual(
      named.filter((command) => !contributed.has(command)),
      [],
    );
  });
});
