import { Tabs } from '@mantine/core';
import {
  IconCopy,
  IconHierarchy2,
  IconHistory,
  IconKey,
  IconLifebuoy,
  IconMailPlus,
  IconShieldLock,
  IconTimeline,
  IconUsers,
} from '@tabler/icons-react';
import { Outlet, useLocation, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { usePermissions } from '../auth/session';

const TABS = [
  '/settings/users',
  '/settings/invitations',
  '/settings/roles',
  '/settings/departments',
  '/settings/pipelines',
  '/settings/pools',
  '/settings/duplicate-rules',
  '/settings/audit-log',
  '/settings/api-keys',
] as const;
type SettingsPath = (typeof TABS)[number];

/** Tabs only administrators see, in order. */
const ADMIN_TABS = [
  { path: '/settings/users', label: 'settings.users', Icon: IconUsers },
  { path: '/settings/invitations', label: 'settings.invitations', Icon: IconMailPlus },
  { path: '/settings/roles', label: 'roles.title', Icon: IconShieldLock },
  { path: '/settings/departments', label: 'departments.title', Icon: IconHierarchy2 },
  { path: '/settings/pipelines', label: 'pipelines.title', Icon: IconTimeline },
  { path: '/settings/pools', label: 'pools.settings.tab', Icon: IconLifebuoy },
  { path: '/settings/duplicate-rules', label: 'duplicates.rulesTab', Icon: IconCopy },
  { path: '/settings/audit-log', label: 'auditLog.title', Icon: IconHistory },
] as const;

/** Settings page header and tabs; all but API keys only for administrators. */
export function SettingsLayout() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const { manageWorkspace } = usePermissions();
  const current = TABS.find((path) => pathname.startsWith(path)) ?? '/settings/api-keys';

  return (
    <>
      <PageHeader title={t('settings.title')} subtitle={t('settings.subtitle')} />
      <Tabs
        value={current}
        onChange={(value) => value && navigate({ to: value as SettingsPath })}
        mb="md"
      >
        <Tabs.List>
          {manageWorkspace &&
            ADMIN_TABS.map(({ path, label, Icon }) => (
              <Tabs.Tab key={path} value={path} leftSection={<Icon size={16} aria-hidden />}>
                {t(label)}
              </Tabs.Tab>
            ))}
          <Tabs.Tab value="/settings/api-keys" leftSection={<IconKey size={16} aria-hidden />}>
            {t('settings.apiKeys')}
          </Tabs.Tab>
        </Tabs.List>
      </Tabs>
      <Outlet />
    </>
  );
}
