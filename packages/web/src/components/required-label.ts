/** Props for a required field's label: the asterisk comes from CSS (see app/global.css). */
export const requiredLabelProps = { className: 'gx-required' } as const;
