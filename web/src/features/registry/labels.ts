import { useTranslation } from 'react-i18next';
import type { Band } from '../../api/models';

export function useBandLabel() {
  const { t } = useTranslation();
  return (band: Band) => t(`bands.${band}`);
}
