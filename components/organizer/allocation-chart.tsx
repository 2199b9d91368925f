'use client';

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { AllocationRowDto } from './types';
import styles from './organizer.module.css';

const series = [
  { key: 'sold', label: 'Sold', color: '#067647' },
  { key: 'reserved', label: 'Reserved', color: '#f79009' },
  { key: 'available', label: 'Available', color: '#a5b4fc' },
] as const;

/** The allocation table as stacked bars; the table stays the accessible source of the numbers. */
export function AllocationChart({ rows }: { readonly rows: readonly AllocationRowDto[] }) {
  const data = rows.map((row) => ({ ...row, available: Math.max(0, row.available) }));
  return (
    <figure className={styles.chart} aria-label="Seats per seat type: sold, reserved and available">
      <figcaption aria-hidden="true">Seats per seat type</figcaption>
      <div className={styles.chartBox}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="name" tickLine={false} />
            <YAxis allowDecimals={false} tickLine={false} />
            <Tooltip />
            <Legend formatter={(value: string) => <span style={{ color: 'var(--text)' }}>{value}</span>} />
            {series.map(({ key, label, color }) => (
              <Bar key={key} dataKey={key} name={label} stackId="seats" fill={color} isAnimationActive={false} />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
