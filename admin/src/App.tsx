import { Admin, Resource } from 'react-admin';
import type { AdminResource } from './access';
import { RESOURCE_ORDER } from './access';
import { i18nProvider } from './i18n';
import { AppLayout } from './layout/AppLayout';
import { Dashboard } from './layout/Dashboard';
import { LoginPage } from './layout/LoginPage';
import { authProvider } from './providers/authProvider';
import { dataProvider } from './providers/dataProvider';
import { auditLogs } from './resources/audit';
import { bindings } from './resources/bindings';
import { institutions } from './resources/institutions';
import { members } from './resources/members';
import { policies } from './resources/policies';
import { proofs } from './resources/proofs';
import { provinces } from './resources/provinces';
import { preferenceStore } from './store';
import { darkTheme, lightTheme } from './theme';

const RESOURCE_PROPS: Record<AdminResource, typeof members> = { proofs, bindings, members, policies, provinces, institutions, auditLogs };

const store = preferenceStore();

/**
 * Every resource is registered; which ones a staff member sees (menu, pages, buttons) is decided
 * by `authProvider.canAccess` from their roles (see access.ts). The API enforces the same rules.
 */
export function App() {
  return (
    <Admin
      disableTelemetry
      requireAuth
      dataProvider={dataProvider}
      authProvider={authProvider}
      i18nProvider={i18nProvider}
      store={store}
      dashboard={Dashboard}
      layout={AppLayout}
      loginPage={LoginPage}
      theme={lightTheme}
      darkTheme={darkTheme}
      title="共济 · 家庭共济管理平台"
    >
      {RESOURCE_ORDER.map((name) => (
        <Resource key={name} name={name} {...RESOURCE_PROPS[name]} />
      ))}
    </Admin>
  );
}

export default App;
