import { Avatar, Group, Menu, Text, UnstyledButton } from '@mantine/core';
import { IconCheck, IconChevronDown, IconKey, IconLanguage, IconLogout } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useLogout, useSession } from '../features/auth';
import { changeLanguage, currentLanguage, LANGUAGES } from '../i18n';
import { notifySuccess } from '../lib/notify';

/** 陈静 → 陈, Emily Carter → EC; bracketed notes like "(Admin)" are ignored. */
const initials = (name: string) => {
  const clean = name.replace(/[(（].*?[)）]/g, '').trim() || name;
  if (/[\u3400-\u9fff]/.test(clean)) return clean.slice(0, 1);
  const parts = clean.split(/\s+/).filter(Boolean);
  return parts
    .slice(0, 2)
    .map((part) => part.slice(0, 1).toUpperCase())
    .join('');
};

/** Name, language switch (中文 / English) and sign out. */
export function UserMenu() {
  const { t } = useTranslation();
  const me = useSession();
  const logout = useLogout();
  const navigate = useNavigate();
  const active = currentLanguage();

  const signOut = () =>
    logout.mutate(undefined, {
      onSettled: () => {
        notifySuccess(t('auth.signedOut'));
        void navigate({ to: '/signin', replace: true });
      },
    });

  return (
    <Menu position="bottom-end" width={220} withinPortal>
      <Menu.Target>
        <UnstyledButton aria-label={t('userMenu.open')}>
          <Group gap={8} wrap="nowrap">
            <Avatar size={30} radius="xl" color="blue">
              {initials(me.user.name)}
            </Avatar>
            <Text size="sm" fw={500} visibleFrom="sm">
              {me.user.name}
            </Text>
            <IconChevronDown size={14} aria-hidden />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <Text size="sm" fw={600} c="dark">
            {me.user.name}
          </Text>
          <Text size="xs" c="dimmed">
            {me.user.email}
          </Text>
        </Menu.Label>
        <Menu.Divider />
        <Menu.Label>
          <Group gap={6}>
            <IconLanguage size={14} aria-hidden />
            {t('userMenu.language')}
          </Group>
        </Menu.Label>
        {LANGUAGES.map((lng) => (
          <Menu.Item
            key={lng}
            lang={lng}
            onClick={() => void changeLanguage(lng)}
            rightSection={lng === active ? <IconCheck size={14} aria-hidden /> : null}
            aria-current={lng === active ? 'true' : undefined}
          >
            {t(`language.${lng}`)}
          </Menu.Item>
        ))}
        <Menu.Divider />
        <Menu.Item
          leftSection={<IconKey size={14} aria-hidden />}
          onClick={() => void navigate({ to: '/settings/api-keys' })}
        >
          {t('userMenu.apiKeys')}
        </Menu.Item>
        <Menu.Item color="red" leftSection={<IconLogout size={14} aria-hidden />} onClick={signOut}>
          {t('userMenu.signOut')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
