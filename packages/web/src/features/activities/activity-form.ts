import type { Activity, ActivityKind, CreateActivityInput } from '@guanxi/contract';
import dayjs from 'dayjs';
import { textOrNull } from '../../lib/form-state';

/** The log form's values: text as typed, times as the browser's date and time inputs hold them. */
export type ActivityFormValues = {
  kind: ActivityKind;
  subject: string;
  body: string;
  /** 'YYYY-MM-DDTHH:mm' in the browser's time zone. */
  occurredAt: string;
  durationMinutes: number | string;
  outcome: string;
  /** 'YYYY-MM-DD'; sent as 09:00 that day. */
  nextFollowUpDate: string;
  address: string;
  latitude: number | null;
  longitude: number | null;
};

const LOCAL_MINUTE = 'YYYY-MM-DDTHH:mm';

export const activityToValues = (activity?: Activity): ActivityFormValues => ({
  kind: activity?.kind ?? 'call',
  subject: activity?.subject ?? '',
  body: activity?.body ?? '',
  occurredAt: dayjs(activity?.occurredAt).format(LOCAL_MINUTE),
  durationMinutes: activity?.durationMinutes ?? '',
  outcome: activity?.outcome ?? '',
  nextFollowUpDate: activity?.nextFollowUpAt
    ? dayjs(activity.nextFollowUpAt).format('YYYY-MM-DD')
    : '',
  address: activity?.location?.address ?? '',
  latitude: activity?.location?.latitude ?? null,
  longitude: activity?.location?.longitude ?? null,
});

/** The API input of the form (links are added by the caller). */
export function valuesToInput(values: ActivityFormValues): Omit<CreateActivityInput, 'kind'> & {
  kind: ActivityKind;
} {
  const address = textOrNull(values.address);
  // Only a visit has a check-in location.
  const hasPlace = values.kind === 'visit' && (address !== null || values.latitude !== null);
  return {
    kind: values.kind,
    subject: values.subject.trim(),
    body: textOrNull(values.body),
    occurredAt: dayjs(values.occurredAt).toISOString(),
    durationMinutes: values.durationMinutes === '' ? null : Number(values.durationMinutes),
    outcome: textOrNull(values.outcome),
    nextFollowUpAt: values.nextFollowUpDate
      ? dayjs(`${values.nextFollowUpDate}T09:00`).toISOString()
      : null,
    location: hasPlace ? { address, latitude: values.latitude, longitude: values.longitude } : null,
  };
}
