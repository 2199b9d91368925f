// The route a request path belongs to, as Next names it (`/api/v1/orders/[orderId]`), so that
// metrics count requests per route rather than per URL (one series per order id would never end).
import { readFileSync } from 'node:fs';
import path from 'node:path';

const segmentPattern = (segment) => {
  if (/^\[\[\.\.\..+\]\]$/.test(segment)) return '(?:/.*)?';
  if (/^\[\.\.\..+\]$/.test(segment)) return '/.+';
  if (/^\[.+\]$/.test(segment)) return '/[^/]+';
  return `/${segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`;
};

/** Static segments before dynamic ones: `/orders/find` wins over `/orders/[orderId]`. */
const specificity = (route) => route.split('/').map((segment) => (segment.startsWith('[') ? 0 : 1)).join('');

export function routeLabeller(distDir = '.next') {
  let routes = [];
  try {
    const manifest = JSON.parse(readFileSync(path.join(distDir, 'app-path-routes-manifest.json'), 'utf8'));
    routes = [...new Set(Object.values(manifest))]
      .sort((a, b) => specificity(b).localeCompare(specificity(a)))
      .map((route) => ({ route, pattern: new RegExp(`^${route === '/' ? '/' : route.split('/').slice(1).map(segmentPattern).join('')}$`) }));
  } catch {
    // No manifest (a development server): every request is labelled by its first segment only.
  }
  return (pathname) => {
    const found = routes.find(({ pattern }) => pattern.test(pathname));
    if (found) return found.route;
    return pathname.startsWith('/_next/') ? '/_next' : 'other';
  };
}
