// Changing a room as a user: the Change submenu is not there until the user setting turns write actions on; then
// a test message sent to a LiveMessage group shows under its Messages, a muted member is in Show Muted Members, and
// a scratch group created for the purpose is deleted by typing its GroupId and recovered from the notification.
import * as assert from 'node:assert/strict';
import type { LiveMessageFixtures } from '../../src/emulator/index';
import type { Workbench } from '../harness/workbench';
import type { Step } from './context';

const LIVE_APP_NAME = 'Live Lecture Hall';
const SANDBOX = 'Sandbox: try changes here';
const SCRATCH = 'e2eScratch1';
const CHANGE = 'Change';
const BODY = '{"text":"hello from the e2e"}';

/** Find Group… in the LiveMessage app: the group is revealed and selected in the tree. */
async function findLiveGroup(wb: Workbench, groupId: string, label: string): Promise<void> {
  await wb.runCommand('Interactive Messages: Find Group…');
  await wb.pick('Find group: app', LIVE_APP_NAME);
  await wb.answerInput('Find group: GroupId', groupId);
  await wb.waitFor(
    async () =>
      (await wb
        .row(label, { level: 2 })
        .getAttribute('aria-selected')
        .catch(() => null)) === 'true',
    {
      timeout: 30_000,
      message: `${label} revealed and selected`,
    },
  );
}

export const writeStep: Step = {
  id: 'write-actions',
  title:
    'Change: off until the user setting is on; then Send Test Message… to a LiveMessage group (under its Messages), Mute Member… (in Show Muted Members), a scratch group created, deleted by typing its id and recovered',
  needs: ['sign-in'],
  async run({ wb, emulator }) {
    const { fixtures } = await emulator.control<{ fixtures: LiveMessageFixtures }>('GET', 'livemessage');
    await wb.sidebar().locator('.action-label[aria-label="Collapse All"]').first().click();
    await findLiveGroup(wb, fixtures.sandboxGroupId, SANDBOX);
    assert.ok(!(await wb.contextMenuItems(SANDBOX, { level: 2 })).includes(CHANGE), 'no Change submenu while write actions are off');

    await wb.setBooleanSetting('imExplorer.enableWriteActions', true);
    await wb.waitFor(async () => (await wb.contextMenuItems(SANDBOX, { level: 2 })).includes(CHANGE), {
      message: 'the Change submenu once write actions are on',
    });
    const calls = async (action: string) => (await emulator.stats()).byAction[action] ?? 0;

    // A test message, then the group's Messages row shows it.
    await wb.contextMenu(SANDBOX, [CHANGE, 'Send Test Message…'], { level: 2 });
    await wb.answerInput('Sender (SenderId)', 'e2e-tester');
    await wb.answerInput('Message (Body)', BODY);
    await wb.answerInput('Message type (MsgType)', '1');
    await wb.pick('Storage (NoStorage, NoCache)', 'Stored and cached');
    const asked = await wb.answerDialog(/Send a test message to group .*\?/, 'Send');
    for (const named of ['Profile: demo', `AppId: ${fixtures.appId}`, `GroupId: ${fixtures.sandboxGroupId}`, 'SenderId=e2e-tester']) {
      assert.ok(asked.includes(named), `the confirmation names ${named}: ${asked}`);
    }
    await wb.toast(/Sent message .* it is listed under Messages/).waitFor({ state: 'visible', timeout: 15_000 });
    assert.equal(await calls('SendLiveMessageGroup'), 1);
    await wb.expand(SANDBOX, { level: 2 });
    await wb.expand('Messages', { level: 3 });
    await wb.waitForRow(/hello from the e2e/, { level: 4, timeout: 15_000 });
    await wb.clearToasts();

    // A member muted, then listed by Show Muted Members.
    const member = await wb.waitFor(async () => (await wb.rows()).find((row) => row.level === 3 && row.label.startsWith('uid_')), {
      message: 'a member of the sandbox',
    });
    await wb.contextMenu(member.label, [CHANGE, 'Mute Member…'], { level: 3 });
    await wb.answerDialog(new RegExp(`Mute ${member.label} in group .*\\?`), 'Mute');
    await wb.toast(/DescribeLiveMessageGroupBand lists .* as muted/).waitFor({ state: 'visible', timeout: 15_000 });
    await wb.waitFor(async () => /muted/.test((await wb.findRow(member.label, { level: 3 }))?.description ?? ''), { message: 'the member row says muted' });
    await wb.contextMenu(SANDBOX, 'Show Muted Members', { level: 2, upFirst: true });
    await wb.pick('Muted in', member.label);
    await wb.clearToasts();

    // A scratch group: created, deleted by typing its GroupId, recovered from the notification.
    await wb.sidebar().locator('.action-label[aria-label="Collapse All"]').first().click();
    await wb.contextMenu(LIVE_APP_NAME, [CHANGE, 'Create Group…'], { level: 1, upFirst: true });
    await wb.answerInput('New group: GroupId', SCRATCH);
    await wb.answerInput('New group: GroupName (optional)', '');
    await wb.answerInput('New group: Administrators (optional)', '');
    await wb.answerInput('New group: CreatorId (optional)', '');
    await wb.answerDialog(/Create a group in app .*\?/, 'Create');
    await wb.toast(/Created group e2eScratch1/).waitFor({ state: 'visible', timeout: 15_000 });
    await wb.clearToasts();
    await findLiveGroup(wb, SCRATCH, SCRATCH);
    await wb.contextMenu(SCRATCH, [CHANGE, 'Delete Group…'], { level: 2 });
    await wb.answerInput('type the GroupId to confirm', SCRATCH);
    const offer = wb.toast(/Group e2eScratch1 is deleted\. Recover it\?/);
    await offer.waitFor({ state: 'visible', timeout: 15_000 });
    assert.equal(await calls('DeleteLiveMessageGroup'), 1);
    await wb.waitFor(async () => !(await wb.findRow(SCRATCH, { level: 2 })), { message: 'the deleted group gone from the list of groups not deleted' });
    await offer.getByRole('button', { name: 'Recover', exact: true }).click();
    await wb.answerDialog(/Recover deleted group e2eScratch1\?/, 'Recover');
    await wb.toast(/Recovered group e2eScratch1/).waitFor({ state: 'visible', timeout: 15_000 });
    assert.equal(await calls('RecoverLiveMessageDeletedGroup'), 1);
    await wb.clearToasts();
    await findLiveGroup(wb, SCRATCH, SCRATCH);

    // Leave the tree as the next steps expect it: collapsed, at the top; write actions off again.
    await wb.setBooleanSetting('imExplorer.enableWriteActions', false);
    await wb.sidebar().locator('.action-label[aria-label="Collapse All"]').first().click();
    await wb.scrollTreeToTop();
  },
};
