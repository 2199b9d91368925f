/** Access codes: 6 characters from an alphabet without look-alikes (no I, L, O or 0). */
export const accessCodeAlphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ123456789';
export const accessCodeLength = 6;
export const accessCodePattern = new RegExp(`^[${accessCodeAlphabet}]{${accessCodeLength}}$`);

/** A new code from a source of random integers in [0, max): the caller brings the randomness. */
export function accessCodeFrom(randomBelow: (max: number) => number): string {
  return Array.from({ length: accessCodeLength }, () => accessCodeAlphabet[randomBelow(accessCodeAlphabet.length)]).join('');
}
