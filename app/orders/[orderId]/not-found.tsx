import Link from 'next/link';

export default function OrderNotFound() {
  return (
    <section className="card">
      <h1>Order not found</h1>
      <p>
        This browser has no order here. If you placed one, <Link href="/orders/find">find it with your email and access code</Link>.
      </p>
    </section>
  );
}
