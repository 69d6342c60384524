/** From this many days without a follow-up the account shows as going cold (orange)… */
export const STALE_AFTER_DAYS = 14;
/** …and from this many as neglected (red). */
export const NEGLECTED_AFTER_DAYS = 30;

/** The color of "N days since the last follow-up". */
export const followUpColor = (days: number | null): 'teal' | 'orange' | 'red' => {
  if (days === null) return 'orange';
  if (days >= NEGLECTED_AFTER_DAYS) return 'red';
  if (days >= STALE_AFTER_DAYS) return 'orange';
  return 'teal';
};
