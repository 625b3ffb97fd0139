// Pin and Unpin: a group or member of either family under the Pinned section at the top of the view, kept per
// profile (src/model/pins.ts, in the extension's global state). Pin acts on a row (its context menu, a hover's link,
// the palette's pick among loaded rows) or on a group read by id (Find Group's result, the hover of an id the tree
// has not loaded); Unpin on a pinned row, or from the palette on a pin picked among the profile's.
import vscode = require('vscode');
import { l10n } from 'vscode';
import { UserInputError } from '../errors';
import { pick } from '../input';
import { MAX_PINS, type Pin } from '../model/pins';
import type { Services } from '../services';
import type { PinnedRow } from '../tree/concepts';
import { givenRow, targetNode, type Command, type NodeTarget } from './registry';

/** Rows a pin can be made of: groups and members outside the Pinned section. */
const PINNABLE: NodeTarget<'group' | 'member'> = { kinds: ['group', 'member'], without: ['pinned'], noun: () => l10n.t('a group or member') };

/** The rows of the Pinned section: pinned groups and members, and the rows of pins that cannot be shown. */
const PINNED_ROWS: NodeTarget<'group' | 'member' | 'notice'> = {
  kinds: ['group', 'member', 'notice'],
  having: ['pinned'],
  noun: () => l10n.t('a pinned group or member'),
};

function activeSection(services: Services): { profile: string; section: PinnedRow } {
  const root = services.tree.rootNode();
  if (!root) throw new UserInputError(l10n.t('Not signed in. Run "Interactive Messages: Sign In with AccessKey…" first.'));
  return { profile: root.profileName, section: root.pinned };
}

/** Pins a group or member in the active profile and shows it under Pinned; returns the id of its row there. */
export async function pinToProfile(services: Services, pin: Pin): Promise<string> {
  const { profile, section } = activeSection(services);
  const outcome = await services.tree.pins.add(profile, pin);
  if (outcome === 'full') throw new UserInputError(l10n.t('A profile has at most {0} pins: unpin one first.', MAX_PINS));
  if (outcome === 'pinned already') {
    void services.input.showMessage('info', l10n.t('{0} is pinned already.', pin.label));
  } else {
    services.tree.pinsChanged();
    vscode.window.setStatusBarMessage(`$(pinned) ${l10n.t('Pinned {0}', pin.label)}`, 4000);
  }
  return section.rowId(pin);
}

export const pin: Command = {
  id: 'pin',
  target: PINNABLE,
  async run(services, node, id): Promise<string> {
    const pinnedAlready = node?.inPinned ? activeSection(services).section.pinOf(node.id) : undefined;
    if (node && pinnedAlready) {
      // A link of a group read by id, followed again once the group was pinned, names the pinned row itself.
      void services.input.showMessage('info', l10n.t('{0} is pinned already.', pinnedAlready.label));
      return node.id;
    }
    if (node === undefined && id !== undefined) {
      const offered = services.tree.offeredPin(id);
      if (!offered) throw new UserInputError(l10n.t('There is nothing to pin under this link any more: hover over the id again.'));
      return pinToProfile(services, offered);
    }
    return pinToProfile(services, (await targetNode(services, node, PINNABLE)).asPin());
  },
};

/** What a pick of pins says beside a pin's label. */
function pinDescription(pin: Pin): string {
  const what = pin.userId !== undefined ? l10n.t('member of {0}', pin.groupId) : pin.label !== pin.groupId ? pin.groupId : undefined;
  return [what, pin.appId, pin.dataCenter].filter(Boolean).join(' · ');
}

export const unpin: Command = {
  id: 'unpin',
  target: PINNED_ROWS,
  async run(services, node): Promise<string> {
    const { profile, section } = activeSection(services);
    const row = givenRow(services, node, PINNED_ROWS);
    let chosen: Pin | undefined;
    if (row) {
      chosen = section.pinOf(row.id);
      if (!chosen) throw new UserInputError(l10n.t('This row is not pinned any more.'));
    } else {
      const pins = section.pins();
      if (pins.length === 0) throw new UserInputError(l10n.t('Nothing is pinned in profile "{0}".', profile));
      const items = pins.map((entry) => ({ label: entry.label, description: pinDescription(entry), pin: entry }));
      chosen = (await pick(services.input, items, { title: l10n.t('Unpin'), placeHolder: l10n.t('A pinned group or member'), matchOnDescription: true })).pin;
    }
    await services.tree.pins.remove(profile, chosen);
    services.tree.pinsChanged();
    vscode.window.setStatusBarMessage(`$(pin) ${l10n.t('Unpinned {0}', chosen.label)}`, 4000);
    return chosen.label;
  },
};
