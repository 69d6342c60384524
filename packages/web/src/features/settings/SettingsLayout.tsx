import { Tabs } from '@mantine/core';
import { IconKey, IconMailPlus, IconUsers } from '@tabler/icons-react';
import { Outlet, useLocation, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { usePermissions } from '../auth/session';

const TABS = ['/settings/users', '/settings/invitations', '/settings/api-keys'] as const;
type SettingsPath = (typeof TABS)[number];

/** Settings page header and tabs; users and invitations only for administrators. */
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
          {manageWorkspace && (
            <>
              <Tabs.Tab value="/settings/users" leftSection={<IconUsers size={16} aria-hidden />}>
                {t('settings.users')}
              </Tabs.Tab>
              <Tabs.Tab
                value="/settings/invitations"
                leftSection={<IconMailPlus size={16} aria-hidden />}
              >
                {t('settings.invitations')}
              </Tabs.Tab>
            </>
          )}
          <Tabs.Tab value="/settings/api-keys" leftSection={<IconKey size={16} aria-hidden />}>
            {t('settings.apiKeys')}
          </Tabs.Tab>
        </Tabs.List>
      </Tabs>
      <Outlet />
    </>
  );
}
