import { Alert, type AlertProps, Text } from '@mantine/core';
import type { ReactNode } from 'react';

type NoticeProps = Omit<AlertProps, 'title'> & { heading: ReactNode; role?: 'alert' | 'status' };

/**
 * An Alert whose heading is plain content: Mantine would otherwise name the alert by its title,
 * and a title such as "Email or password is incorrect" would then answer to the label "Email".
 */
export function Notice({ heading, children, ...props }: NoticeProps) {
  return (
    <Alert {...props}>
      <Text fw={600} size="sm" c={props.color === 'gray' ? undefined : props.color}>
        {heading}
      </Text>
      {children}
    </Alert>
  );
}
