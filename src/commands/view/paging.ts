// Paging commands: Load more, Load all (with progress and Cancel), Resume a load-all that stopped, Retry a failed page
// (or a pinned row that could not be read).
import vscode = require('vscode');
import { l10n } from 'vscode';
import { formatNumber } from '../../model/display';
import type { LoadAllOutcome, PagedList } from '../../model/pagedList';
import { pluralNoun } from '../../tree/format';
import type { Services } from '../../services';
import { isKind, type ListOwnerRow } from '../../tree/concepts';
import type { ExplorerNode } from '../../tree/node';
import { onRow, type Command } from '../registry';
import { LIST_OWNERS } from '../targets';

function listOf(owner: ExplorerNode): PagedList<unknown> {
  const list = owner.pagedChildren();
  if (!list) throw new Error(`${owner.id} has no list`);
  return list;
}

/** Runs a load-all (or its resumption) with a cancellable progress notification; what was loaded stays. */
async function withLoadProgress(services: Services, owner: ExplorerNode & ListOwnerRow, resume: boolean): Promise<LoadAllOutcome> {
  const list = listOf(owner);
  const noun = owner.childNoun;
  const outcome = await vscode.window.withProgress(
    {
      location: vscode.ProgressLocation.Notification,
      title: resume ? l10n.t('Resuming {0}', pluralNoun(noun)) : l10n.t('Loading all {0}', pluralNoun(noun)),
      cancellable: true,
    },
    async (progress, token) => {
      const controller = new AbortController();
      token.onCancellationRequested(() => controller.abort());
      let reported = 0;
      const onProgress = (loaded: number, total: number | undefined) => {
        const increment = total ? ((loaded - reported) / total) * 100 : undefined;
        reported = loaded;
        progress.report({
          message: total !== undefined ? l10n.t('{0} of {1}', formatNumber(loaded), formatNumber(total)) : formatNumber(loaded),
          increment,
        });
      };
      try {
        return await services.tree.runLoadAll(owner.id, controller, () =>
          resume ? list.resume(controller.signal, onProgress) : list.loadAll(controller.signal, onProgress),
        );
      } finally {
        services.tree.redraw(owner);
      }
    },
  );
  services.log.info(
    `Load all ${noun}s of ${owner.id}: ${outcome.status}, ${outcome.loaded} of ${outcome.total ?? '?'} in ${outcome.durationMs} ms, ${outcome.pagesFetched} pages, ${outcome.duplicatesDropped} duplicates dropped` +
      (outcome.stoppedAtPage !== undefined ? `, stopped at page ${outcome.stoppedAtPage}` : ''),
  );
  return outcome;
}

export const loadMore = onRow('loadMore', LIST_OWNERS, async (services, owner): Promise<number> => {
  const list = listOf(owner);
  const loading = list.loadMore();
  services.tree.redraw(owner); // shows "Loading…"
  try {
    await loading;
  } finally {
    services.tree.redraw(owner);
  }
  return list.items.length;
});

export const loadAll = onRow('loadAll', LIST_OWNERS, (services, owner) => withLoadProgress(services, owner, false));

export const resumeLoad = onRow('resumeLoad', LIST_OWNERS, (services, owner) => withLoadProgress(services, owner, true));

export const retry: Command = {
  id: 'retry',
  async run(services, node): Promise<void> {
    const owner = node?.listOwner() ?? services.tree.rootNode();
    if (isKind(owner, ['pinned'])) {
      owner.forgetFailedReads(); // read again when the section is shown
      services.tree.redraw(owner);
      return;
    }
    const list = owner?.pagedChildren();
    if (!owner || !list || services.session.configurationProblem) {
      await services.session.reload();
      return;
    }
    if (isKind(owner, ['root'])) {
      owner.forgetFailedLists(); // the LiveMessage app lists load again when the root is shown
      if (list.error === undefined) {
        services.tree.redraw(owner);
        return;
      }
    }
    const retrying = list.retry().catch(() => undefined); // a new failure shows as an error row again
    services.tree.redraw(owner);
    await retrying;
    services.tree.redraw(owner);
  },
};
