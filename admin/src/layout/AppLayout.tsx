import FactCheckIcon from '@mui/icons-material/FactCheck';
import PublicIcon from '@mui/icons-material/Public';
import { Box, Chip } from '@mui/material';
import { useEffect, type ReactNode } from 'react';
import { AppBar, Layout, Menu, TitlePortal, useLocale, usePermissions, useTranslate } from 'react-admin';
import { canSeePage, PAGE_PATHS, RESOURCE_ORDER, type AccessSubject } from '../access';
import { formatScope } from '../format';

/** Dashboard first, then the resources the viewer's roles may list (each item asks canAccess). */
export function AppMenu() {
  const { permissions } = usePermissions<AccessSubject | undefined>();
  const translate = useTranslate();
  return (
    <Menu>
      <Menu.DashboardItem />
      {canSeePage(permissions, 'review') && <Menu.Item to={PAGE_PATHS.review} primaryText={translate('gongji.review.menu')} leftIcon={<FactCheckIcon />} />}
      {canSeePage(permissions, 'policyMap') && <Menu.Item to={PAGE_PATHS.policyMap} primaryText={translate('gongji.policy_map.menu')} leftIcon={<PublicIcon />} />}
      {RESOURCE_ORDER.map((name) => (
        <Menu.ResourceItem key={name} name={name} />
      ))}
    </Menu>
  );
}

/** The viewer's scope, always visible: staff should know whose data they are looking at. */
function ScopeChip() {
  const { permissions } = usePermissions<{ scope: string | null } | undefined>();
  const locale = useLocale();
  if (!permissions) return null;
  return <Chip size="small" variant="outlined" label={formatScope(permissions.scope, locale)} sx={{ color: 'inherit', borderColor: 'currentColor', mr: 1 }} />;
}

export function AppAppBar() {
  return (
    <AppBar>
      <TitlePortal />
      <Box sx={{ display: { xs: 'none', sm: 'block' } }}>
        <ScopeChip />
      </Box>
    </AppBar>
  );
}

const CLICKABLE_ROW = 'tr.RaDataTable-clickableRow';

/**
 * Rows that open a record are reachable by keyboard: Tab focuses them (tabindex=0), Enter or Space
 * opens the record, as a click does.
 */
function useKeyboardRows() {
  useEffect(() => {
    const mark = () => document.querySelectorAll<HTMLTableRowElement>(`${CLICKABLE_ROW}:not([tabindex])`).forEach((tr) => tr.setAttribute('tabindex', '0'));
    const observer = new MutationObserver(mark);
    observer.observe(document.body, { childList: true, subtree: true });
    mark();
    const onKey = (e: KeyboardEvent) => {
      const row = e.target instanceof HTMLElement ? e.target : null;
      if (!row?.matches(CLICKABLE_ROW) || (e.key !== 'Enter' && e.key !== ' ')) return;
      e.preventDefault();
      row.click();
    };
    document.addEventListener('keydown', onKey);
    return () => {
      observer.disconnect();
      document.removeEventListener('keydown', onKey);
    };
  }, []);
}

export function AppLayout({ children }: { children: ReactNode }) {
  useKeyboardRows();
  return (
    <Layout menu={AppMenu} appBar={AppAppBar}>
      {children}
    </Layout>
  );
}
