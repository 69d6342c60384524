import { Textarea, TextInput } from '@mantine/core';
import type { ChangeEvent } from 'react';
import { requiredLabelProps } from '../components/required-label';

type TextFieldProps = {
  label: string;
  value: string;
  onChange: (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => void;
  error?: string;
  disabled?: boolean;
};

/** A record's name: required, and focused when the form opens. */
export function NameInput({ label, ...field }: TextFieldProps) {
  return <TextInput label={label} labelProps={requiredLabelProps} data-autofocus {...field} />;
}

/** Free-text notes on a record; grows with its text. */
export function NotesInput({ label, ...field }: TextFieldProps) {
  return <Textarea label={label} autosize minRows={3} maxRows={10} {...field} />;
}
