import { lazy, Suspense } from 'react';
import { Admin, CustomRoutes, Loading, reactRouterProvider, Resource } from 'react-admin';
import type { AdminResource } from './access';
import { RESOURCE_ORDER } from './access';
import { i18nProvider } from './i18n';
import { AppLayout } from './layout/AppLayout';
import { LoginPage } from './layout/LoginPage';
import { authProvider } from './providers/authProvider';
import { dataProvider } from './providers/dataProvider';
import { createQueryClient } from './providers/queryClient';
import { auditLogs } from './resources/audit';
import { bindings } from './resources/bindings';
import { fraudCases } from './resources/fraudCases';
import { institutions } from './resources/institutions';
import { members } from './resources/members';
import { policies } from './resources/policies';
import { proofs } from './resources/proofs';
import { settlements } from './resources/settlements';
import { provinces } from './resources/provinces';
import { ReviewQueue } from './resources/review/ReviewQueue';
import { accountClosures } from './resources/closures';
import { importJobs } from './resources/imports';
import { staffUsers } from './resources/staffUsers';
import { BindingReviewPage, ProofReviewPage } from './resources/review/ReviewPage';
import { preferenceStore } from './store';
import { darkTheme, lightTheme } from './theme';
import { ChangePasswordPage } from './layout/ChangePasswordPage';
import { startHomePrefetch } from './dashboard/prefetch';
import { getToken } from './providers/session';

const RESOURCE_PROPS: Record<AdminResource, typeof members> = { fraudCases, proofs, bindings, members, importJobs, accountClosures, settlements, policies, provinces, institutions, staffUsers, auditLogs };

const store = preferenceStore();
const queryClient = createQueryClient();
const { Route } = reactRouterProvider;

// The pages with charts load echarts (a large library) only when first shown.
const loadDashboard = () => import('./layout/Dashboard');
const LazyDashboard = lazy(() => loadDashboard().then((m) => ({ default: m.Dashboard })));

// Opening on the home page with a session: fetch its chunk and figures now, beside the sign-in check.
startHomePrefetch({
  hash: typeof window === 'undefined' ? '/x' : window.location.hash,
  hasSession: getToken() !== null,
  months: 6,
  loadChunk: loadDashboard,
  fetchStats: (months) => dataProvider.dashboardStats(months),
});
const LazyPolicyMap = lazy(() => import('./resources/policies/PolicyMapPage').then((m) => ({ default: m.PolicyMapPage })));
const LazyRiskProfile = lazy(() => import('./resources/fraudCases/RiskProfilePage'));

function Dashboard() {
  return (
    <Suspense fallback={<Loading />}>
      <LazyDashboard />
    </Suspense>
  );
}

function PolicyMapPage() {
  return (
    <Suspense fallback={<Loading />}>
      <LazyPolicyMap />
    </Suspense>
  );
}

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
      queryClient={queryClient}
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
      <CustomRoutes>
        <Route path="/review" element={<ReviewQueue />} />
        <Route path="/review/proofs/:id" element={<ProofReviewPage />} />
        <Route path="/review/bindings/:id" element={<BindingReviewPage />} />
        <Route path="/policy-map" element={<PolicyMapPage />} />
        <Route path="/change-password" element={<ChangePasswordPage />} />
        <Route path="/risk-profile/:memberId" element={<Suspense fallback={<Loading />}><LazyRiskProfile /></Suspense>} />
      </CustomRoutes>
    </Admin>
  );
}

export default App;
