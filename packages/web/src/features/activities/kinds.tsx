import type { ActivityKind } from '@guanxi/contract';
import type { MantineColor } from '@mantine/core';
import {
  type Icon,
  IconMail,
  IconMapPin,
  IconNote,
  IconPhone,
  IconUsersGroup,
} from '@tabler/icons-react';

/** How each kind of activity looks on a timeline and in the kind chips. */
export const KIND_LOOK: Record<ActivityKind, { icon: Icon; color: MantineColor }> = {
  call: { icon: IconPhone, color: 'blue' },
  meeting: { icon: IconUsersGroup, color: 'grape' },
  visit: { icon: IconMapPin, color: 'teal' },
  email: { icon: IconMail, color: 'indigo' },
  note: { icon: IconNote, color: 'gray' },
};
