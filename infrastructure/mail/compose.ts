/** A mail as the outbox keeps it: a plain-text body and an HTML one saying the same. */
export type Mail = {
  readonly id: string;
  readonly orderId: string;
  readonly recipient: string;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
};

/**
 * Where the app is reached from outside, for links in mails: `PUBLIC_URL`, else the address it
 * listens on (`HOST`, `PORT`), with a wildcard host read as localhost.
 */
export function publicUrl(env: NodeJS.ProcessEnv = process.env): string {
  const configured = env.PUBLIC_URL?.trim();
  if (configured) return configured.replace(/\/+$/, '');
  const host = env.HOST?.trim() && env.HOST.trim() !== '0.0.0.0' ? env.HOST.trim() : 'localhost';
  return `http://${host}:${env.PORT?.trim() || '3000'}`;
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

type Paragraph = string | { readonly link: string; readonly label: string };

/** One list of paragraphs, written twice: as text and as HTML (every value escaped). */
function mail(head: Omit<Mail, 'text' | 'html'>, paragraphs: readonly Paragraph[]): Mail {
  const text = paragraphs.map((p) => (typeof p === 'string' ? p : `${p.label}: ${p.link}`)).join('\n\n');
  const html = paragraphs
    .map((p) => (typeof p === 'string' ? `<p>${escapeHtml(p)}</p>` : `<p><a href="${escapeHtml(p.link)}">${escapeHtml(p.label)}</a></p>`))
    .join('\n');
  return { ...head, text: `${text}\n`, html: `<!doctype html>\n<html><body>\n${html}\n</body></html>\n` };
}

const orderLink = (orderId: string) => ({ link: `${publicUrl()}/orders/${orderId}`, label: 'Your order' });

export const orderConfirmedMail = (id: string, order: { orderId: string; email: string; accessCode: string }) =>
  mail({ id, orderId: order.orderId, recipient: order.email, subject: 'Your registration is confirmed' }, [
    'Thank you for registering.',
    `Your access code is ${order.accessCode}. With it and this e-mail address you can find your order again at any time.`,
    orderLink(order.orderId),
  ]);

export const seatAssignedMail = (id: string, seat: { orderId: string; attendee: { firstName: string; email: string } }) =>
  mail({ id, orderId: seat.orderId, recipient: seat.attendee.email, subject: 'A seat has been assigned to you' }, [
    `Hello ${seat.attendee.firstName},`,
    'a conference seat is now assigned to you. The person who registered you can change or hand it on.',
  ]);

export const reservationExpiredMail = (id: string, order: { orderId: string; email: string }) =>
  mail({ id, orderId: order.orderId, recipient: order.email, subject: 'Your reservation has expired' }, [
    'Your reservation expired before it was paid, and the seats were released.',
    'You are welcome to register again while seats are available.',
    orderLink(order.orderId),
  ]);

/** `link` opens the order by itself: the offer's key is in it. */
export const seatsOfferedMail = (id: string, offer: { orderId: string; email: string; firstName: string; conferenceName: string; link: string }) =>
  mail({ id, orderId: offer.orderId, recipient: offer.email, subject: `Seats are available for ${offer.conferenceName}` }, [
    `Hello ${offer.firstName},`,
    `seats you asked for on the waiting list of ${offer.conferenceName} have freed up, and they are now reserved for you.`,
    'Pay for them before the reservation expires, or they go to the next person in line.',
    { link: offer.link, label: 'Your order' },
  ]);
