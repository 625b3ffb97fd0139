// Open Dashboard: a group of either family in its own panel, as charts (src/dashboard/panel.ts).
import { l10n } from 'vscode';
import type { DashboardPanel } from '../dashboard/panel';
import { onRow } from './registry';

export const openDashboard = onRow('openDashboard', { kinds: ['group'], noun: () => l10n.t('a group') }, (services, group): DashboardPanel =>
  services.dashboards.show(group),
);
