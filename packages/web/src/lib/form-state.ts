import { type ChangeEvent, useCallback, useState } from 'react';

type StringKeys<T> = { [K in keyof T]: T[K] extends string ? K : never }[keyof T];

/** Values and per-field errors of a form; editing a field clears its error. */
export function useFormState<T extends object>(initial: T | (() => T)) {
  const [values, setValues] = useState<T>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});

  const setField = useCallback(<K extends keyof T>(key: K, value: T[K]) => {
    setValues((current) => ({ ...current, [key]: value }));
    setErrors((current) => {
      if (!(key in current)) return current;
      const { [key as string]: _removed, ...rest } = current;
      return rest;
    });
  }, []);

  /** Props for a text input bound to a string field. */
  const text = <K extends StringKeys<T>>(key: K) => ({
    value: values[key] as string,
    onChange: (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
      setField(key, event.currentTarget.value as T[K]),
    error: errors[key as string],
  });

  return { values, setValues, setField, errors, setErrors, text };
}

/** Trimmed text, or null when empty: how optional text fields are sent. */
export const textOrNull = (value: string): string | null => {
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
};

/** Only the entries of `next` that differ from `previous` (shallow, arrays by JSON). */
export const changedFields = <T extends object>(previous: Partial<T>, next: T): Partial<T> => {
  const result: Partial<T> = {};
  for (const key of Object.keys(next) as (keyof T)[]) {
    if (JSON.stringify(previous[key] ?? null) !== JSON.stringify(next[key] ?? null)) {
      result[key] = next[key];
    }
  }
  return result;
};

/** A create sends only what was filled in. */
export const withoutEmpty = <T extends object>(input: T): Partial<T> =>
  Object.fromEntries(
    Object.entries(input).filter(
      ([, value]) =>
        value !== null && value !== undefined && !(Array.isArray(value) && value.length === 0),
    ),
  ) as Partial<T>;
