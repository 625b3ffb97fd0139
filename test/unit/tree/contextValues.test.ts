// package.json's menus against the code: every `viewItem` pattern matches a context value some row carries
// (ROW_CONTEXTS in src/tree/contextValues.ts), and every command a menu names is contributed. That each menu
// shows its command only on rows the command takes is checked in the host (test/integration/registry.test.ts).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { contextValue, ROW_CONTEXTS, tokensOf } from '../../../src/tree/contextValues';

/** A command, or a submenu of commands. */
interface MenuEntry {
  command?: string;
  submenu?: string;
  when?: string;
}

const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../../package.json'), 'utf8')) as {
  contributes: { commands: { command: string }[]; menus: Record<string, MenuEntry[]>; submenus: { id: string }[] };
};
const submenus = new Set(manifest.contributes.submenus.map((submenu) => submenu.id));
const values: readonly string[] = ROW_CONTEXTS;

/** The regular expressions of `viewItem =~ /…/` clauses in a when clause. */
function viewItemPatterns(when: string): RegExp[] {
  return [...when.matchAll(/viewItem\s*=~\s*\/((?:\\\/|[^/])+)\//g)].map((match) => new RegExp(match[1]));
}

describe("package.json menus and the tree's context values", () => {
  // A row's context menu, and the submenus it opens.
  const itemMenus = [
    ...manifest.contributes.menus['view/item/context'],
    ...Object.entries(manifest.contributes.menus).flatMap(([menu, entries]) => (submenus.has(menu) ? entries : [])),
  ];

  it('has item menus to check', () => {
    assert.ok(itemMenus.length > 10);
    assert.ok(
      itemMenus.every((entry) => entry.when && viewItemPatterns(entry.when).length === 1),
      'each item menu names one viewItem pattern',
    );
  });

  for (const entry of itemMenus) {
    it(`${entry.command ?? entry.submenu} (${entry.when}) matches a contextValue a node sets`, () => {
      for (const pattern of viewItemPatterns(entry.when ?? '')) {
        assert.ok(
          values.some((value) => pattern.test(value)),
          `${pattern} matches none of ${values.join(', ')}`,
        );
      }
    });
  }

  it('every context value is offered some item menu, except plain notices', () => {
    const patterns = itemMenus.flatMap((entry) => viewItemPatterns(entry.when ?? ''));
    const unused = values.filter((value) => value !== 'notice' && !patterns.some((pattern) => pattern.test(value)));
    assert.deepEqual(unused, []);
  });

  it('one menu entry per command and place, not one per family', () => {
    const places = itemMenus.map((entry) => `${entry.command} ${(entry as { group?: string }).group?.startsWith('inline') ? 'inline' : 'menu'}`);
    const repeated = places.filter((place, index) => places.indexOf(place) !== index);
    // Refresh has its own inline action on a "changed" notice besides the one on rows.
    assert.deepEqual(repeated, ['imExplorer.refresh inline']);
  });

  it('context values are tokens: kind, family, facts; and read back the same', () => {
    assert.equal(contextValue('group', 'live', ['deleted']), 'group;live;deleted');
    assert.equal(contextValue('notice', undefined, ['error']), 'notice;error');
    assert.equal(contextValue('range', undefined, []), undefined);
    assert.deepEqual(tokensOf('group', 'group;live;deleted'), { kind: 'group', family: 'live', modifiers: ['deleted'] });
    assert.deepEqual(tokensOf('notice', 'notice;stopped'), { kind: 'notice', family: undefined, modifiers: ['stopped'] });
    assert.deepEqual(tokensOf('root', undefined), { kind: 'root', family: undefined, modifiers: [] });
    for (const value of values) {
      const tokens = tokensOf(value.split(';')[0], value);
      assert.equal(contextValue(tokens.kind, tokens.family, tokens.modifiers as never), value);
    }
  });

  it('every command a menu names is contributed, and every submenu it opens', () => {
    const contributed = new Set(manifest.contributes.commands.map((entry) => entry.command));
    const entries = Object.values(manifest.contributes.menus).flat();
    assert.deepEqual(
      entries.filter((entry) => (entry.submenu !== undefined ? !submenus.has(entry.submenu) : !contributed.has(entry.command ?? ''))),
      [],
    );
    for (const submenu of submenus) assert.ok(manifest.contributes.menus[submenu]?.length, `submenu ${submenu} has entries`);
  });
});
