import Link from 'next/link';

export default function PaymentNotFound() {
  return (
    <section className="card">
      <h1>Payment not found</h1>
      <p>
        There is no payment for this browser here. <Link href="/orders/find">Find your order</Link>.
      </p>
    </section>
  );
}
