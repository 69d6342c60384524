import { Button, Stack, TextInput } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PasswordField } from '../../components/PasswordField';
import { useFormState } from '../../lib/form-state';
import { errorCode, fieldErrorsOf } from '../../lib/problem';
import { AuthCard } from './AuthCard';
import { useAcceptInvitation } from './api';

/** Public page behind an invitation link: choose name and password, join, go to accounts. */
export function AcceptInvitationPage({ token }: { token: string | undefined }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const accept = useAcceptInvitation();
  const form = useFormState({ name: '', password: '' });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!token) return;
    const errors: Record<string, string> = {};
    if (!form.values.name.trim())
      errors.name = t('common.requiredField', { field: t('auth.name') });
    if (form.values.password.length < 8) errors.password = t('auth.passwordTooShort');
    form.setErrors(errors);
    if (Object.keys(errors).length > 0) return;
    accept.mutate(
      { token, name: form.values.name.trim(), password: form.values.password },
      {
        onSuccess: () => navigate({ to: '/accounts' }),
        onError: (error) => form.setErrors(fieldErrorsOf(t, error)),
      },
    );
  };

  const code = errorCode(accept.error);
  const invalid =
    code === 'not_found' ||
    code === 'conflict' ||
    (code === 'validation_failed' && 'token' in form.errors);
  return (
    <AuthCard title={t('auth.acceptTitle')} subtitle={t('auth.acceptSubtitle')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          {!token && <ErrorAlert error={null} message={t('auth.missingToken')} />}
          {accept.isError &&
            (invalid ? (
              <ErrorAlert error={accept.error} message={t('auth.invitationInvalid')} />
            ) : (
              code !== 'validation_failed' && <ErrorAlert error={accept.error} />
            ))}
          <TextInput
            label={t('auth.name')}
            autoComplete="name"
            data-autofocus
            autoFocus
            {...form.text('name')}
          />
          <PasswordField
            label={t('auth.password')}
            description={t('auth.passwordHint')}
            autoComplete="new-password"
            {...form.text('password')}
          />
          <Button type="submit" loading={accept.isPending} disabled={!token} fullWidth mt="xs">
            {t('auth.acceptInvitation')}
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}
