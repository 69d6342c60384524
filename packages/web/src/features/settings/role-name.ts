import type { Role } from '@guanxi/contract';
import { useEnumLabels } from '../../i18n/enums';

/** Built-in roles get their translated name; custom roles keep the name they were given. */
export const useRoleName = () => {
  const { label } = useEnumLabels();
  return (role: Role | undefined) =>
    role ? (role.builtinKey ? label('builtinRole', role.builtinKey) : role.name) : '';
};
