import type { Pipeline, PipelineStage } from '@guanxi/contract';
import { useTranslation } from 'react-i18next';

/** Money and durations in the person's language (Intl), amounts kept as decimal strings. */
export function useOpportunityFormat() {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'en';
  const money = (amount: string | null | undefined, currency: string) => {
    if (amount === null || amount === undefined) return '';
    try {
      return new Intl.NumberFormat(language, { style: 'currency', currency }).format(
        Number(amount),
      );
    } catch {
      return `${amount} ${currency}`;
    }
  };
  const unit = (value: number, which: 'hour' | 'day') =>
    new Intl.NumberFormat(language, {
      style: 'unit',
      unit: which,
      unitDisplay: 'long',
      maximumFractionDigits: which === 'day' ? 1 : 0,
    }).format(value);
  const duration = (seconds: number) => {
    if (seconds < 3600) return t('opportunities.stageHistory.lessThanHour');
    if (seconds < 86_400) return unit(Math.floor(seconds / 3600), 'hour');
    return unit(seconds / 86_400, 'day');
  };
  /** Whole days since an ISO time, e.g. for "3 days in this stage". */
  const daysSince = (iso: string) =>
    unit(Math.max(0, Math.floor((Date.now() - Date.parse(iso)) / 86_400_000)), 'day');
  return { money, duration, daysSince, language };
}

/** Every stage of every pipeline by id, with its pipeline. */
export const stageIndex = (pipelines: Pipeline[] | undefined) => {
  const stages = new Map<string, PipelineStage & { pipeline: Pipeline }>();
  for (const pipeline of pipelines ?? []) {
    for (const stage of pipeline.stages) stages.set(stage.id, { ...stage, pipeline });
  }
  return stages;
};

/** A stage's color: open ones blue, won green, lost gray. */
export const stageColor = (kind: PipelineStage['kind'] | undefined) =>
  kind === 'won' ? 'teal' : kind === 'lost' ? 'gray' : 'blue';

/** Currencies offered in pickers; the workspace's and the record's come first. */
export const COMMON_CURRENCIES = [
  'CNY',
  'USD',
  'EUR',
  'HKD',
  'JPY',
  'GBP',
  'SGD',
  'AUD',
  'CAD',
  'KRW',
  'TWD',
  'CHF',
] as const;
