import { Badge, type BadgeVariant } from '@mantine/core';
import { type EnumKind, useEnumLabels } from '../i18n/enums';

type EnumBadgeProps = {
  kind: EnumKind;
  value: string | null | undefined;
  /** Colour per value; others are gray. */
  colors: Partial<Record<string, string>>;
  variant: BadgeVariant;
};

/** An enum value (tier, status, buying role, …) as a coloured badge in the person's language. */
export function EnumBadge({ kind, value, colors, variant }: EnumBadgeProps) {
  const { label } = useEnumLabels();
  if (!value) return null;
  return (
    <Badge color={colors[value] ?? 'gray'} variant={variant} tt="none">
      {label(kind, value)}
    </Badge>
  );
}
