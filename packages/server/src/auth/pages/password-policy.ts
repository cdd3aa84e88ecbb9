import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@nassij/contract';

/** The numbers the pages' password hints quote, from the contract's policy. */
export const PASSWORD_POLICY = { min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH } as const;
