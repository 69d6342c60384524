import { AppShell, Burger, Group, NavLink, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import {
  IconBuildingSkyscraper,
  IconChecklist,
  IconLifebuoy,
  IconSettings,
  IconTargetArrow,
  IconUserSearch,
  IconUsers,
} from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link, Outlet, useLocation, useNavigate } from '@tanstack/react-router';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Brand } from '../components/Brand';
import { meQueryOptions, SessionProvider } from '../features/auth';
import { NotificationBell } from '../features/notifications';
import { QuickSearch } from './QuickSearch';
import { UserMenu } from './UserMenu';

const NAV = [
  { to: '/leads', key: 'nav.leads', icon: IconUserSearch },
  { to: '/accounts', key: 'nav.accounts', icon: IconBuildingSkyscraper },
  { to: '/contacts', key: 'nav.contacts', icon: IconUsers },
  { to: '/opportunities', key: 'opportunities.title', icon: IconTargetArrow },
  { to: '/pools', key: 'pools.nav', icon: IconLifebuoy },
  { to: '/tasks', key: 'tasks.nav', icon: IconChecklist },
  { to: '/settings', key: 'nav.settings', icon: IconSettings },
] as const;

/** The signed-in shell: header (workspace, quick search, user menu) and the left navigation. */
export function AppLayout() {
  const { t } = useTranslation();
  const { data: me } = useQuery(meQueryOptions);
  const location = useLocation();
  const [opened, { toggle, close }] = useDisclosure();

  if (!me) return <RedirectToSignIn />;

  return (
    <SessionProvider me={me}>
      <AppShell
        header={{ height: 60 }}
        navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !opened } }}
        padding="lg"
      >
        <AppShell.Header>
          <Group h="100%" px="md" justify="space-between" wrap="nowrap">
            <Group gap="sm" wrap="nowrap">
              <Burger
                opened={opened}
                onClick={toggle}
                hiddenFrom="sm"
                size="sm"
                aria-label={t('nav.toggle')}
              />
              <Brand compact />
              <Text
                c="dimmed"
                size="sm"
                visibleFrom="md"
                truncate
                maw={220}
                data-testid="workspace-name"
              >
                {me.workspace.name}
              </Text>
            </Group>
            <Group gap="md" wrap="nowrap">
              <QuickSearch />
              <NotificationBell />
              <UserMenu />
            </Group>
          </Group>
        </AppShell.Header>
        <AppShell.Navbar p="sm" component="nav" aria-label={t('nav.main')}>
          <Text size="xs" c="dimmed" fw={600} px="sm" py={6} hiddenFrom="md" truncate>
            {me.workspace.name}
          </Text>
          {NAV.map((item) => {
            const active = location.pathname.startsWith(item.to);
            return (
              <NavLink
                key={item.to}
                component={Link}
                to={item.to}
                label={t(item.key)}
                leftSection={<item.icon size={18} aria-hidden />}
                active={active}
                aria-current={active ? 'page' : undefined}
                onClick={close}
                variant="light"
                style={{ borderRadius: 'var(--mantine-radius-md)' }}
              />
            );
          })}
        </AppShell.Navbar>
        <AppShell.Main bg="gray.0">
          <Outlet />
        </AppShell.Main>
      </AppShell>
    </SessionProvider>
  );
}

/**
 * The session ended (sign-out or a 401 somewhere): go to sign-in once, remembering where the
 * person was. Navigating on every render would feed the new location back into itself.
 */
function RedirectToSignIn() {
  const navigate = useNavigate();
  useEffect(() => {
    const { pathname, search, hash } = window.location;
    void navigate({
      to: '/signin',
      search: { redirect: `${pathname}${search}${hash}` },
      replace: true,
    });
  }, [navigate]);
  return null;
}
