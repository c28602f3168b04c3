import FactCheckIcon from '@mui/icons-material/FactCheck';
import PublicIcon from '@mui/icons-material/Public';
import { Box, Chip } from '@mui/material';
import type { ReactNode } from 'react';
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

export function AppLayout({ children }: { children: ReactNode }) {
  return (
    <Layout menu={AppMenu} appBar={AppAppBar}>
      {children}
    </Layout>
  );
}
