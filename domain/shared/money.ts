/** Money is integer minor units (cents) with the conference's currency; written `$1,197.00`, zero `$0.00`. */
export function formatMoney(cents: number, currency = 'USD'): string {
  return new Intl.NumberFormat('en-US', { style: 'currency', currency }).format(cents / 100);
}
