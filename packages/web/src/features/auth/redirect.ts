/** Only same-app paths are followed after sign-in, never another site. */
export const safeRedirect = (redirect: string | undefined): string => {
  if (!redirect || !redirect.startsWith('/') || redirect.startsWith('//')) return '/accounts';
  if (redirect.startsWith('/signin') || redirect.startsWith('/signup')) return '/accounts';
  return redirect;
};
