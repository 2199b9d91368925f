declare module 'parse-prometheus-text-format' {
  type Sample = { readonly value?: string; readonly labels?: Readonly<Record<string, string>>; readonly buckets?: Readonly<Record<string, string>> };
  export type MetricFamily = { readonly name: string; readonly help: string; readonly type: string; readonly metrics: readonly Sample[] };
  export default function parsePrometheusTextFormat(text: string): MetricFamily[];
}
