/**
 * The home dashboard is a list of panels, each shown to some roles. Other screens add theirs here
 * (e.g. the fraud analysts' "open cases by rule") without touching the dashboard itself.
 */
import type { StaffRole } from '@gongji/shared';
import type { ComponentType } from 'react';
import type { DashboardStats } from '../providers/dataProvider';

export interface DashboardPanelProps {
  stats: DashboardStats;
  scope: string | null;
}

export interface DashboardPanel {
  id: string;
  /** Roles that see the panel. */
  roles: StaffRole[];
  /** Grid width on large screens, out of 12. */
  width: 4 | 6 | 8 | 12;
  /** Lower comes first. */
  order: number;
  component: ComponentType<DashboardPanelProps>;
}

const panels: DashboardPanel[] = [];

export function registerDashboardPanel(panel: DashboardPanel): void {
  const i = panels.findIndex((p) => p.id === panel.id);
  if (i >= 0) panels[i] = panel;
  else panels.push(panel);
}

/** The panels a viewer with these roles sees, in order. */
export function panelsFor(roles: readonly string[]): DashboardPanel[] {
  return panels.filter((p) => p.roles.some((r) => roles.includes(r))).sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
}
