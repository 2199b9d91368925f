import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON as sent; its shape is checked against the OpenAPI document
type Json = any;
export type ApiAnswer = { readonly status: number; readonly body: Json; readonly headers: Headers };
type Request = { readonly token?: string; readonly body?: unknown; readonly key?: string; readonly raw?: string; readonly from?: string };
type Recorded = { readonly method: string; readonly path: string; readonly status: number; readonly body: unknown };

/** An API client as an integrator writes it from API-CONTRACT.md: fetch, JSON, bearer tokens, idempotency keys. */
export function apiClient(base: string) {
  const recorded: Recorded[] = [];
  async function call(method: string, path: string, request: Request = {}): Promise<ApiAnswer> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (request.token) headers.authorization = `Bearer ${request.token}`;
    if (request.key) headers['idempotency-key'] = request.key;
    if (request.from) headers['x-forwarded-for'] = request.from;
    const body = request.raw ?? (request.body === undefined ? undefined : JSON.stringify(request.body));
    const response = await fetch(`${base}/api/v1${path}`, { method, headers, ...(body === undefined ? {} : { body }) });
    const text = await response.text();
    const answer = { status: response.status, body: text ? JSON.parse(text) : null, headers: response.headers };
    recorded.push({ method: method.toLowerCase(), path, status: answer.status, body: answer.body });
    return answer;
  }
  return {
    recorded,
    /** The same calls in the shape the shared test steps take (infrastructure/testing/sale.ts). */
    send: (method: string, path: string, body?: unknown, token?: string) => call(method, path, { body, token }),
    get: (path: string, request?: Request) => call('GET', path, request),
    post: (path: string, request?: Request) => call('POST', path, request),
    put: (path: string, request?: Request) => call('PUT', path, request),
    patch: (path: string, request?: Request) => call('PATCH', path, request),
    delete: (path: string, request?: Request) => call('DELETE', path, request),
  };
}

export type ApiClient = ReturnType<typeof apiClient>;

type OpenApi = { paths: Record<string, Record<string, { responses: Record<string, { content?: { 'application/json': { schema: unknown } } }> }>>; components: unknown };

/**
 * Checks every answer a test received against the OpenAPI document the app serves: the
 * operation exists, the status is documented, and the body validates against its schema.
 */
export function validateAgainst(document: OpenApi, answers: readonly Recorded[]): string[] {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema({ components: document.components }, 'openapi.json');
  const templates = Object.keys(document.paths).map((template) => ({
    template,
    pattern: new RegExp(`^${template.replace(/\{\w+\}/g, '[^/]+')}$`),
  }));
  const problems: string[] = [];
  for (const { method, path, status, body } of answers) {
    const template = templates.find(({ pattern }) => pattern.test(path.split('?')[0]!))?.template;
    const response = template ? document.paths[template]?.[method]?.responses[String(status)] : undefined;
    if (!response) {
      problems.push(`${method.toUpperCase()} ${path} ${status}: not in the document`);
      continue;
    }
    const schema = response.content?.['application/json'].schema;
    const resolved = JSON.parse(JSON.stringify(schema ?? {}).replaceAll('"#/components/', '"openapi.json#/components/'));
    if (!ajv.validate(resolved, body)) problems.push(`${method.toUpperCase()} ${path} ${status}: ${ajv.errorsText()}`);
  }
  return problems;
}
