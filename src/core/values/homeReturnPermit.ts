import type { ValueMatch } from './model';

/**
 * Mainland travel permits for Hong Kong and Macau residents (回乡证): `H` (Hong Kong) or `M`
 * (Macau) + 8 digits, or + 10 digits for the older card numbers. Whole tokens only.
 */

export const HOME_RETURN_PERMIT: ValueMatch = { kind: 'identity.permit', detector: 'home-return-permit' };

const PERMIT_NUMBER = /^[HM]\d{8}(?:\d{2})?$/;

export function recognizeHomeReturnPermit(token: string): ValueMatch | undefined {
  return (token.length === 9 || token.length === 11) && PERMIT_NUMBER.test(token) ? HOME_RETURN_PERMIT : undefined;
}
