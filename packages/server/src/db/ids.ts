import { uuidv7 } from 'uuidv7';

/** Time-ordered ids keep inserts at the right edge of the primary-key index. */
export const newId = (): string => uuidv7();
