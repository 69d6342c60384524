import { notifications } from '@mantine/notifications';
import type { TFunction } from 'i18next';
import { describeError } from './problem';

export const notifySuccess = (message: string) => notifications.show({ color: 'green', message });
/** A failure the caller has already put in words (e.g. why a 409 happened here). */
export const notifyFailure = (message: string) => notifications.show({ color: 'red', message });

/** An error as a notification: the localized meaning of its code, plus the server's detail. */
export const notifyError = (t: TFunction, error: unknown) => {
  const { title, detail } = describeError(t, error);
  notifications.show({
    color: 'red',
    ...(detail && detail !== title ? { title, message: detail } : { message: title }),
  });
};
