import type { QueryClient } from '@tanstack/react-query';
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  Outlet,
  type RouteComponent,
  redirect,
} from '@tanstack/react-router';
import { accountPages } from '../features/accounts';
import { AcceptInvitationPage, meQueryOptions, SignInPage, SignUpPage } from '../features/auth';
import { contactPages } from '../features/contacts';
import { DuplicateRulesEditor } from '../features/duplicates';
import { leadPages } from '../features/leads';
import { opportunityPages, PipelineSettings } from '../features/opportunities';
import { PoolList, PoolSettings, validatePoolSearch } from '../features/pools';
import {
  ApiKeyList,
  AuditLog,
  DepartmentList,
  InvitationList,
  RoleList,
  SettingsLayout,
  UserList,
} from '../features/settings';
import { MyTasksPage } from '../features/tasks';
import { searchString } from '../lib/list-query';
import { AppLayout } from './AppLayout';
import { NotFound } from './NotFound';
import { createRecordRoutes } from './record-routes';

type RouterContext = { queryClient: QueryClient };

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Outlet,
  notFoundComponent: NotFound,
});

/** Pages for people without a session; a signed-in person goes straight to the app. */
const publicOnly = async ({ context }: { context: RouterContext }) => {
  const me = await context.queryClient.ensureQueryData(meQueryOptions);
  if (me) throw redirect({ to: '/accounts' });
};

const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/signin',
  validateSearch: (search: Record<string, unknown>): { redirect?: string } => ({
    redirect: searchString(search, 'redirect'),
  }),
  beforeLoad: publicOnly,
  component: SignInPage,
});

const signUpRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/signup',
  beforeLoad: publicOnly,
  component: SignUpPage,
});

const inviteRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/invite/$token',
  component: function InviteByPath() {
    const { token } = inviteRoute.useParams();
    return <AcceptInvitationPage token={token} />;
  },
});

const acceptInviteRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/accept-invite',
  validateSearch: (search: Record<string, unknown>): { token?: string } => ({
    token: searchString(search, 'token'),
  }),
  component: function InviteByQuery() {
    const { token } = acceptInviteRoute.useSearch();
    return <AcceptInvitationPage token={token} />;
  },
});

const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: '_app',
  beforeLoad: async ({ context, location }) => {
    const me = await context.queryClient.ensureQueryData(meQueryOptions);
    if (!me) throw redirect({ to: '/signin', search: { redirect: location.href } });
  },
  component: AppLayout,
});

const indexRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/',
  beforeLoad: () => {
    throw redirect({ to: '/accounts' });
  },
});

const poolsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/pools',
  validateSearch: validatePoolSearch,
  component: function PoolsRoute() {
    return <PoolList search={poolsRoute.useSearch()} />;
  },
});

const myTasksRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/tasks',
  component: MyTasksPage,
});

const settingsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/settings',
  component: SettingsLayout,
});

const canManage = (context: RouterContext) =>
  context.queryClient.getQueryData(meQueryOptions.queryKey)?.role.permissions.manageWorkspace ===
  true;

const settingsIndexRoute = createRoute({
  getParentRoute: () => settingsRoute,
  path: '/',
  beforeLoad: ({ context }) => {
    throw redirect({ to: canManage(context) ? '/settings/users' : '/settings/api-keys' });
  },
});

const adminOnly = ({ context }: { context: RouterContext }) => {
  if (!canManage(context)) throw redirect({ to: '/settings/api-keys' });
};

/** A settings tab; an administrators-only one sends anyone else to their API keys. */
const settingsPage = <const P extends `/${string}`>(
  path: P,
  component: RouteComponent,
  access: 'everyone' | 'admins',
) =>
  createRoute({
    getParentRoute: () => settingsRoute,
    path,
    beforeLoad: access === 'admins' ? adminOnly : undefined,
    component,
  });

const routeTree = rootRoute.addChildren([
  signInRoute,
  signUpRoute,
  inviteRoute,
  acceptInviteRoute,
  appRoute.addChildren([
    indexRoute,
    ...createRecordRoutes(appRoute, leadPages),
    ...createRecordRoutes(appRoute, accountPages),
    ...createRecordRoutes(appRoute, contactPages),
    ...createRecordRoutes(appRoute, opportunityPages),
    poolsRoute,
    myTasksRoute,
    settingsRoute.addChildren([
      settingsIndexRoute,
      settingsPage('/users', UserList, 'admins'),
      settingsPage('/invitations', InvitationList, 'admins'),
      settingsPage('/roles', RoleList, 'admins'),
      settingsPage('/departments', DepartmentList, 'admins'),
      settingsPage('/pipelines', PipelineSettings, 'admins'),
      settingsPage('/pools', PoolSettings, 'admins'),
      settingsPage('/duplicate-rules', DuplicateRulesEditor, 'admins'),
      settingsPage('/audit-log', AuditLog, 'admins'),
      settingsPage('/api-keys', ApiKeyList, 'everyone'),
    ]),
  ]),
]);

export const createAppRouter = (queryClient: QueryClient) =>
  createRouter({
    routeTree,
    context: { queryClient },
    defaultPreload: 'intent',
    defaultPreloadStaleTime: 0,
    scrollRestoration: true,
  });

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
