// Filter the view by text (per level with "group:" etc., or everywhere); clear it; search further into lists
// that have more pages, at the rate limit, until new matches appear.
import vscode = require('vscode');
import { l10n } from 'vscode';
import { UserInputError } from '../../errors';
import { ask } from '../../input';
import { formatNumber } from '../../model/display';
import { FILTER_LEVELS, parseFilter } from '../../model/filter';
import { countMatchesAtOrBelow, isFilteredList } from '../../tree/filtering';
import { targetNode, type Command, type NodeTarget } from '../registry';
import { LIST_OWNERS } from '../targets';

/** The lists the filter reads that can have more pages (a Messages row's messages are filtered, not counted). */
const FILTERED_LISTS: NodeTarget<'root' | 'app' | 'user' | 'group'> = {
  ...LIST_OWNERS,
  kinds: ['root', 'app', 'user', 'group'],
  noun: () => l10n.t('a filtered list with more pages'),
};

export interface SearchFurtherOutcome {
  /** Items the list holds now. */
  loaded: number;
  /** Whether something new that matches was found (false: the list ended, or the search was cancelled). */
  found: boolean;
  cancelled: boolean;
}

export const filter: Command = {
  id: 'filter',
  async run(services): Promise<string> {
    const current = services.tree.filter;
    const text = await ask(services.input, {
      title: l10n.t('Filter the Interactive Messages view'),
      prompt: l10n.t(
        'Text to look for in ids, names and creators of the loaded rows. Start with {0} to filter one level.',
        FILTER_LEVELS.map((level) => `${level}:`).join(', '),
      ),
      value: current?.text,
      validateInput: (value) => {
        const parsed = parseFilter(value);
        return 'problem' in parsed ? parsed.problem : undefined;
      },
    });
    const parsed = parseFilter(text);
    if ('problem' in parsed) throw new UserInputError(parsed.problem);
    services.tree.setFilter(parsed);
    return parsed.text;
  },
};

export const clearFilter: Command = {
  id: 'clearFilter',
  run(services): void {
    services.tree.setFilter(undefined);
  },
};

export const searchFurther: Command = {
  id: 'searchFurther',
  target: FILTERED_LISTS,
  async run(services, node): Promise<SearchFurtherOutcome> {
    const activeFilter = services.tree.filter;
    if (!activeFilter) throw new UserInputError(l10n.t('Set a filter first: Search Further looks for more of what it matches.'));
    const owner = await targetNode(services, node, FILTERED_LISTS);
    const list = owner.pagedChildren();
    if (!list || !isFilteredList(services.tree.lists, owner.id)) throw new UserInputError(l10n.t('This row has no list to search.'));
    const matching = () => countMatchesAtOrBelow(services.tree.lists, activeFilter, owner.id);
    return vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: l10n.t('Searching for "{0}"', activeFilter.text), cancellable: true },
      async (progress, token) => {
        const controller = new AbortController();
        token.onCancellationRequested(() => controller.abort());
        const before = matching();
        let found = false;
        try {
          while (list.hasMore && list.error === undefined && !controller.signal.aborted) {
            await list.loadMore(controller.signal);
            const loaded = formatNumber(list.items.length);
            progress.report({
              message: list.total !== undefined ? l10n.t('{0} of {1} loaded', loaded, formatNumber(list.total)) : l10n.t('{0} loaded', loaded),
            });
            if (matching() > before) {
              found = true;
              break;
            }
          }
        } catch (error) {
          if (!controller.signal.aborted) throw error;
        } finally {
          services.tree.redraw(owner);
        }
        if (!found && !controller.signal.aborted) {
          void services.input.showMessage('info', l10n.t('No more matches for "{0}": all {1} are loaded.', activeFilter.text, formatNumber(list.items.length)));
        }
        return { loaded: list.items.length, found, cancelled: controller.signal.aborted };
      },
    );
  },
};
