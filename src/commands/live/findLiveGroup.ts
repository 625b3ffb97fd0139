// Find Group in a LiveMessage app: GroupId → DescribeLiveMessageGroup (in the app's data center), then reveal the
// group under its app through findNode, loading the app's group pages as needed. A group the app's GroupStatus
// choice hides (a deleted one) opens as a document instead, with a word on how to show it.
import vscode = require('vscode');
import { l10n } from 'vscode';
import type { DescribeLiveMessageGroupResult } from '../../api/types';
import { askId } from '../../input';
import type { Services } from '../../services';
import type { LiveAppNode } from '../../tree/liveAppNode';
import { segment } from '../../tree/node';
import { revealNode } from '../lookup/apps';

export interface FindLiveGroupOutcome {
  group: DescribeLiveMessageGroupResult;
  revealedAt?: string;
}

/** Pages of an app's groups read to place the group (20 a page). */
const MAX_GROUP_PAGES = 200;

export async function findLiveGroup(services: Services, app: LiveAppNode, prefilled?: string): Promise<FindLiveGroupOutcome> {
  const groupId = await askId(services.input, 'GroupId', { title: l10n.t('Find group in {0}: GroupId', app.label), value: prefilled });
  const group = await vscode.window.withProgress({ location: { viewId: 'imExplorer.apps' }, title: l10n.t('Finding group…') }, () =>
    services.session.client.describeLiveMessageGroup({ AppId: app.appId, GroupId: groupId, DataCenter: app.dataCenter }),
  );
  const hidden = (group.Delete && app.groupStatus === 1) || (!group.Delete && app.groupStatus === 2);
  if (!hidden) {
    const id = app.id + segment('group', group.GroupId);
    const node = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: l10n.t('Finding {0} in the tree', group.GroupId), cancellable: true },
      (_progress, token) => services.tree.findNode(id, { loadMore: true, maxPagesPerList: MAX_GROUP_PAGES, token }),
    );
    if (node) {
      await revealNode(services, node);
      return { group, revealedAt: id };
    }
  }
  await services.jsonDocuments.open(`group-${group.GroupId}`, { AppId: app.appId, DataCenter: app.dataCenter, ...group });
  if (hidden) {
    void services.input.showMessage(
      'info',
      l10n.t(
        'Group {0} is {1}: the GroupStatus choice of {2} hides it. Use Choose GroupStatus… on the app to list it.',
        group.GroupId,
        group.Delete ? l10n.t('deleted') : l10n.t('not deleted'),
        app.label,
      ),
    );
  }
  return { group };
}
