import type { Pool } from '@guanxi/contract';
import type { TFunction } from 'i18next';

/** A pool's reclaim rules in words: "Reclaim after 30 days without follow-up; warn 3 days before". */
export function describeRules(t: TFunction, pool: Pool): string {
  const rules: string[] = [];
  if (pool.noActivityDays) {
    rules.push(t('pools.settings.ruleNoActivity', { days: pool.noActivityDays }));
  }
  if (pool.noWonDays) rules.push(t('pools.settings.ruleNoWon', { days: pool.noWonDays }));
  if (rules.length === 0) return t('pools.settings.noRules');
  if (pool.warnDaysBefore) {
    rules.push(t('pools.settings.ruleWarn', { days: pool.warnDaysBefore }));
  }
  return rules.join(t('roles.summarySeparator'));
}

export const describeLimit = (t: TFunction, pool: Pool) =>
  pool.holdingLimit
    ? t('pools.settings.perPerson', { count: pool.holdingLimit })
    : t('pools.settings.unlimited');
