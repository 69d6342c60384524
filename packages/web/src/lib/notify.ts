import { notifications } from '@mantine/notifications';
import type { TFunction } from 'i18next';
import { describeError } from './problem';

export const notifySuccess = (message: string) => notifications.show({ color: 'green', message });

/** An error as a notification: the localized meaning of its code, plus the server's detail. */
export const notifyError = (t: TFunction, error: unknown) => {
  const { title, detail } = describeError(t, error);
  notifications.show({
    color: 'red',
    ...(detail && detail !== title ? { title, message: detail } : { message: title }),
  });
};
