import { readFile } from 'node:fs/promises';
import path from 'node:path';

/** The viewer's own files, from the swagger-ui-dist package: nothing else can be asked for. */
const files: Readonly<Record<string, string>> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
};

export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const { file } = await params;
  const type = Object.hasOwn(files, file) ? files[file] : undefined;
  if (!type) return Response.json({ error: { code: 'not_found', message: 'Not found.' } }, { status: 404 });
  const body = await readFile(path.join(/*turbopackIgnore: true*/ process.cwd(), 'node_modules', 'swagger-ui-dist', file));
  return new Response(body, { headers: { 'content-type': type, 'cache-control': 'public, max-age=86400' } });
}
