import { Box, Center, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Brand } from '../../components/Brand';
import { LanguageSwitch } from '../../components/LanguageSwitch';

type AuthCardProps = { title: string; subtitle: string; children: ReactNode; footer?: ReactNode };

/** Centered card used by sign-in, sign-up and accept-invitation. */
export function AuthCard({ title, subtitle, children, footer }: AuthCardProps) {
  const { t } = useTranslation();
  return (
    <Box mih="100vh" bg="gray.0" py={48} px="md">
      <Center>
        <Stack w="100%" maw={420} gap="lg">
          <Group justify="space-between">
            <Brand size="lg" />
            <LanguageSwitch />
          </Group>
          <Paper withBorder shadow="sm" radius="md" p="xl" component="main">
            <Title order={1} size="h3">
              {title}
            </Title>
            <Text c="dimmed" size="sm" mt={4} mb="lg">
              {subtitle}
            </Text>
            {children}
          </Paper>
          {footer && (
            <Text size="sm" ta="center" c="dimmed">
              {footer}
            </Text>
          )}
          <Text size="xs" ta="center" c="dimmed">
            {t('app.tagline')}
          </Text>
        </Stack>
      </Center>
    </Box>
  );
}
