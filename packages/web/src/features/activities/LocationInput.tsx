import { Anchor, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconCurrentLocation, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

type LocationInputProps = {
  address: string;
  latitude: number | null;
  longitude: number | null;
  onAddress: (address: string) => void;
  onCoordinates: (coordinates: { latitude: number; longitude: number } | null) => void;
  error?: string;
  disabled?: boolean;
};

type Status = 'idle' | 'locating' | 'denied' | 'failed';

export const mapUrl = (latitude: number, longitude: number) =>
  `https://www.openstreetmap.org/?mlat=${latitude}&mlon=${longitude}#map=16/${latitude}/${longitude}`;

const round = (n: number) => Math.round(n * 1e6) / 1e6;

/** A visit's check-in: the address, and the device's coordinates when it can share them. */
export function LocationInput(props: LocationInputProps) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<Status>('idle');
  const supported = typeof navigator !== 'undefined' && 'geolocation' in navigator;

  const locate = () => {
    setStatus('locating');
    navigator.geolocation.getCurrentPosition(
      (position) => {
        setStatus('idle');
        props.onCoordinates({
          latitude: round(position.coords.latitude),
          longitude: round(position.coords.longitude),
        });
      },
      (error) => setStatus(error.code === error.PERMISSION_DENIED ? 'denied' : 'failed'),
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    );
  };

  const hasCoordinates = props.latitude !== null && props.longitude !== null;
  return (
    <Stack gap={6}>
      <TextInput
        label={t('activities.checkIn')}
        placeholder={t('activities.addressPlaceholder')}
        value={props.address}
        onChange={(event) => props.onAddress(event.currentTarget.value)}
        error={props.error}
        disabled={props.disabled}
      />
      <Group gap="sm" wrap="wrap">
        {supported ? (
          <Button
            variant="light"
            size="xs"
            leftSection={<IconCurrentLocation size={16} aria-hidden />}
            onClick={locate}
            loading={status === 'locating'}
            disabled={props.disabled}
          >
            {t('activities.useMyLocation')}
          </Button>
        ) : (
          <Text size="xs" c="dimmed">
            {t('activities.locationUnsupported')}
          </Text>
        )}
        {hasCoordinates && (
          <>
            <Anchor
              size="sm"
              href={mapUrl(props.latitude as number, props.longitude as number)}
              target="_blank"
              rel="noopener noreferrer"
            >
              {t('activities.located', { latitude: props.latitude, longitude: props.longitude })}
            </Anchor>
            <Button
              variant="subtle"
              size="xs"
              color="gray"
              leftSection={<IconX size={14} aria-hidden />}
              onClick={() => props.onCoordinates(null)}
              disabled={props.disabled}
            >
              {t('activities.clearCoordinates')}
            </Button>
          </>
        )}
      </Group>
      {(status === 'denied' || status === 'failed') && (
        <Text size="xs" c="orange.8" role="status">
          {t(status === 'denied' ? 'activities.locationDenied' : 'activities.locationFailed')}
        </Text>
      )}
    </Stack>
  );
}
