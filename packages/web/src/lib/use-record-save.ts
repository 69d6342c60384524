import type { DuplicateMatch } from '@guanxi/contract';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError, newIdempotencyKey } from './api-client';
import { duplicatesOf, fieldErrorsOf } from './problem';

type Versioned = { id: string; version: number };

type RecordSaveOptions<T extends Versioned> = {
  /** The record being edited; undefined when creating. */
  record: T | undefined;
  detailKey: (id: string) => readonly unknown[];
  fetchLatest: (id: string) => Promise<T>;
  setErrors: (errors: Record<string, string>) => void;
  /** Called with the latest version so the form can take in changes to fields not edited. */
  onReloaded: (latest: T) => void;
};

/**
 * The save cycle shared by record forms: one idempotency key per create attempt, the loaded
 * version for If-Match on edits, 412 turned into a "reload latest" state that keeps the edits,
 * and validation problems mapped onto fields.
 */
export function useRecordSave<T extends Versioned>(options: RecordSaveOptions<T>) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);
  const [baseVersion, setBaseVersion] = useState(options.record?.version ?? 0);
  const [stale, setStale] = useState(false);
  const [reloading, setReloading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  /** Counts failed saves, so the same error shown again is revealed again. */
  const [errorCount, setErrorCount] = useState(0);
  /** Records the duplicate check found on the last save; the person decides what to do. */
  const [duplicates, setDuplicates] = useState<DuplicateMatch[]>([]);

  const run = async (save: () => Promise<T>): Promise<T | null> => {
    setError(null);
    setDuplicates([]);
    try {
      const saved = await save();
      setIdempotencyKey(newIdempotencyKey());
      return saved;
    } catch (caught) {
      const matches = duplicatesOf(caught);
      if (isApiError(caught) && caught.code === 'precondition_failed') {
        setStale(true);
      } else if (matches) {
        setDuplicates(matches);
      } else {
        options.setErrors(fieldErrorsOf(t, caught));
        setError(caught);
        setErrorCount((n) => n + 1);
      }
      return null;
    }
  };

  const reloadLatest = async () => {
    const { record } = options;
    if (!record) return;
    setReloading(true);
    try {
      const latest = await options.fetchLatest(record.id);
      queryClient.setQueryData(options.detailKey(record.id), latest);
      setBaseVersion(latest.version);
      options.onReloaded(latest);
      setStale(false);
      notifications.show({ color: 'blue', message: t('concurrency.reloaded') });
    } catch (caught) {
      setError(caught);
    } finally {
      setReloading(false);
    }
  };

  return {
    idempotencyKey,
    baseVersion,
    stale,
    reloading,
    error,
    errorCount,
    duplicates,
    dismissDuplicates: () => setDuplicates([]),
    run,
    reloadLatest,
  };
}
