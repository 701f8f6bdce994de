import { shippedDataPath } from '@app/common';

/** The ESCO release shipped with the platform (`data/esco`). */
export function shippedEscoFolder(): string {
  return shippedDataPath('esco');
}
