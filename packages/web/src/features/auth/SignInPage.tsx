import { Anchor, Button, Stack, TextInput } from '@mantine/core';
import { getRouteApi, Link, useNavigate } from '@tanstack/react-router';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PasswordField } from '../../components/PasswordField';
import { useFormState } from '../../lib/form-state';
import { errorCode, fieldErrorsOf } from '../../lib/problem';
import { AuthCard } from './AuthCard';
import { useLogin } from './api';
import { safeRedirect } from './redirect';

const route = getRouteApi('/signin');

export function SignInPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { redirect } = route.useSearch();
  const login = useLogin();
  const form = useFormState({ email: '', password: '' });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const errors: Record<string, string> = {};
    if (!form.values.email.trim())
      errors.email = t('common.requiredField', { field: t('auth.email') });
    if (!form.values.password)
      errors.password = t('common.requiredField', { field: t('auth.password') });
    form.setErrors(errors);
    if (Object.keys(errors).length > 0) return;
    login.mutate(
      { email: form.values.email.trim(), password: form.values.password },
      {
        onSuccess: () => navigate({ href: safeRedirect(redirect) }),
        onError: (error) => {
          if (errorCode(error) === 'validation_failed') form.setErrors(fieldErrorsOf(t, error));
        },
      },
    );
  };

  const code = errorCode(login.error);
  return (
    <AuthCard
      title={t('auth.signInTitle')}
      subtitle={t('auth.signInSubtitle')}
      footer={
        <>
          {t('auth.noAccount')}{' '}
          <Anchor component={Link} to="/signup">
            {t('auth.signUp')}
          </Anchor>
        </>
      }
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          {login.isError &&
            (code === 'unauthenticated' ? (
              <ErrorAlert error={login.error} message={t('auth.invalidCredentials')} />
            ) : (
              code !== 'validation_failed' && <ErrorAlert error={login.error} />
            ))}
          <TextInput
            label={t('auth.email')}
            type="email"
            autoComplete="username"
            data-autofocus
            autoFocus
            {...form.text('email')}
          />
          <PasswordField
            label={t('auth.password')}
            autoComplete="current-password"
            {...form.text('password')}
          />
          <Button type="submit" loading={login.isPending} fullWidth mt="xs">
            {t('auth.signIn')}
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}
