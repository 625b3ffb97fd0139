// Show Details of LiveMessage nodes: an app (DescribeLiveMessageApp: audit and callback settings) or a group
// (DescribeLiveMessageGroup and DescribeLiveMessageGroupBand: online count, message counts, mute state). What is
// read is kept for the row's tooltip and shown in a document.
import vscode = require('vscode');
import { l10n } from 'vscode';
import type { Services } from '../../services';
import type { LiveAppNode } from '../../tree/liveAppNode';
import type { LiveGroupDetail, LiveGroupNode } from '../../tree/liveGroupNode';

export async function liveDetails(services: Services, target: LiveAppNode | LiveGroupNode): Promise<unknown> {
  const { client } = services.session;
  const detail = await vscode.window.withProgress({ location: { viewId: 'imExplorer.apps' }, title: l10n.t('Reading details…') }, async () => {
    if (target.kind === 'liveApp') {
      return client.describeLiveMessageApp({ AppId: target.appId, DataCenter: target.dataCenter });
    }
    const [described, band] = await Promise.all([
      client.describeLiveMessageGroup(target.where),
      client.describeLiveMessageGroupBand(target.where).catch((error: unknown) => error),
    ]);
    const group = described;
    // A deleted group is described, but its band state is gone (404): the details say so instead of failing.
    if (band instanceof Error) {
      services.log.warn(`DescribeLiveMessageGroupBand ${target.group.GroupId}: ${band.message}`);
      return { ...group, band: undefined } satisfies LiveGroupDetail;
    }
    return { ...group, band: band as Awaited<ReturnType<typeof client.describeLiveMessageGroupBand>> } satisfies LiveGroupDetail;
  });
  services.tree.details.set(target.id, detail);
  services.tree.redraw(target);
  await services.jsonDocuments.open(`${target.kind}-detail-${target.ownId()}`, detail);
  return detail;
}
