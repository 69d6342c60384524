import { Anchor, Button, Stack, TextInput } from '@mantine/core';
import { Link, useNavigate } from '@tanstack/react-router';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PasswordField } from '../../components/PasswordField';
import { currentLanguage } from '../../i18n';
import { useFormState } from '../../lib/form-state';
import { errorCode, fieldErrorsOf } from '../../lib/problem';
import { AuthCard } from './AuthCard';
import { useSignup } from './api';

export function SignUpPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const signup = useSignup();
  const form = useFormState({ name: '', email: '', password: '', workspaceName: '' });
  const { values } = form;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const errors: Record<string, string> = {};
    const required = (key: keyof typeof values, label: string) => {
      if (!values[key].trim()) errors[key] = t('common.requiredField', { field: label });
    };
    required('name', t('auth.name'));
    required('email', t('auth.email'));
    required('workspaceName', t('auth.workspaceName'));
    if (values.password.length < 8) errors.password = t('auth.passwordTooShort');
    form.setErrors(errors);
    if (Object.keys(errors).length > 0) return;
    signup.mutate(
      {
        name: values.name.trim(),
        email: values.email.trim(),
        password: values.password,
        workspaceName: values.workspaceName.trim(),
        locale: currentLanguage(),
      },
      {
        onSuccess: () => navigate({ to: '/accounts' }),
        onError: (error) => {
          const fieldErrors = fieldErrorsOf(t, error);
          const onlyEmail = Object.keys(fieldErrors).every((path) => path === 'email');
          if (errorCode(error) === 'conflict' && onlyEmail)
            fieldErrors.email = t('auth.emailTaken');
          form.setErrors(fieldErrors);
        },
      },
    );
  };

  const code = errorCode(signup.error);
  return (
    <AuthCard
      title={t('auth.signUpTitle')}
      subtitle={t('auth.signUpSubtitle')}
      footer={
        <>
          {t('auth.haveAccount')}{' '}
          <Anchor component={Link} to="/signin">
            {t('auth.signIn')}
          </Anchor>
        </>
      }
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          {signup.isError && code !== 'validation_failed' && code !== 'conflict' && (
            <ErrorAlert error={signup.error} />
          )}
          <TextInput
            label={t('auth.name')}
            autoComplete="name"
            data-autofocus
            autoFocus
            {...form.text('name')}
          />
          <TextInput
            label={t('auth.email')}
            description={t('auth.emailHint')}
            type="email"
            autoComplete="email"
            {...form.text('email')}
          />
          <PasswordField
            label={t('auth.password')}
            description={t('auth.passwordHint')}
            autoComplete="new-password"
            {...form.text('password')}
          />
          <TextInput
            label={t('auth.workspaceName')}
            description={t('auth.workspaceNameHint')}
            autoComplete="organization"
            {...form.text('workspaceName')}
          />
          <Button type="submit" loading={signup.isPending} fullWidth mt="xs">
            {t('auth.createWorkspace')}
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}
