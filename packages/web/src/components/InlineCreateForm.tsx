import { Button, Group } from '@mantine/core';
import type { FormEvent, ReactNode } from 'react';
import { errorCode } from '../lib/problem';
import { ErrorAlert } from './ErrorAlert';

type InlineCreateFormProps = {
  onSubmit: (event: FormEvent) => void;
  /** The create request; field errors show on the fields, anything else above them. */
  mutation: { isError: boolean; error: unknown; isPending: boolean };
  submitLabel: string;
  /** The fields, in one row that wraps. */
  children: ReactNode;
};

/** A one-line create form (new API key, new invitation) with its button at the end. */
export function InlineCreateForm({
  onSubmit,
  mutation,
  submitLabel,
  children,
}: InlineCreateFormProps) {
  return (
    <form onSubmit={onSubmit} noValidate>
      {mutation.isError && errorCode(mutation.error) !== 'validation_failed' && (
        <ErrorAlert error={mutation.error} />
      )}
      <Group align="flex-start" gap="sm" mt={mutation.isError ? 'sm' : 0} wrap="wrap">
        {children}
        <Button type="submit" loading={mutation.isPending} mt={25}>
          {submitLabel}
        </Button>
      </Group>
    </form>
  );
}
