// Commands that change how lists are read: sort order and page size.
import { l10n } from 'vscode';
import { LIMITS } from '../../api/types';
import { pageSizeProblem } from '../../config';
import { ask } from '../../input';
import { updateSetting } from '../../settings';
import { UserInputError } from '../../errors';
import type { Command } from '../registry';

export const sortAscending: Command = { id: 'sortAscending', run: (services) => updateSetting(services.session, 'sortOrder', 'ascending') };

export const sortDescending: Command = { id: 'sortDescending', run: (services) => updateSetting(services.session, 'sortOrder', 'descending') };

export const setPageSize: Command = {
  id: 'setPageSize',
  async run(services): Promise<number> {
    const text = await ask(services.input, {
      title: l10n.t('Page size'),
      prompt: l10n.t('Items per page when listing apps, groups and members ({0}–{1}).', LIMITS.pageSize.min, LIMITS.pageSize.max),
      value: String(services.session.settings.pageSize),
      validateInput: (input) => pageSizeProblem(input),
    });
    const problem = pageSizeProblem(text);
    if (problem) throw new UserInputError(problem);
    await updateSetting(services.session, 'pageSize', Number(text));
    return Number(text);
  },
};
