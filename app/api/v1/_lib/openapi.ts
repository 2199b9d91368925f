import 'server-only';
import { z } from 'zod';
import {
  accessCodeCheckSchema, attendeeSchema, conferenceDetailsChangeSchema, newConferenceSchema, newOrderSchema, promoCodeSchema, registrantSchema,
  seatsSchema, seatTypeSchema, waitingListSchema,
} from '@/infrastructure/services/schemas';
import * as dto from './dto';

type Auth = 'none' | 'order' | 'organizer';
type Operation = {
  readonly method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  readonly path: string;
  readonly summary: string;
  readonly auth: Auth;
  readonly body?: z.ZodType;
  /** The success status and what it answers. */
  readonly answer: readonly [number, z.ZodType];
};

const op = (method: Operation['method'], path: string, summary: string, auth: Auth, answer: Operation['answer'], body?: z.ZodType): Operation =>
  ({ method, path, summary, auth, answer, ...(body ? { body } : {}) });

/** Every route of API-CONTRACT.md, with the schemas that validate its requests and describe its answers. */
const operations: readonly Operation[] = [
  op('get', '/conferences', 'Published conferences', 'none', [200, dto.conferenceList]),
  op('post', '/conferences', 'Create a conference (answers its organizer token)', 'none', [201, dto.conferenceCreated], newConferenceSchema),
  op('get', '/conferences/{slug}', 'A published conference with what is left of each seat type', 'none', [200, dto.publicConference]),
  op('post', '/conferences/{slug}/orders', 'Place an order, with a promo code if any (answers its order token)', 'none', [201, dto.orderCreated], newOrderSchema),
  op('post', '/conferences/{slug}/waiting-list', 'Join the waiting list for sold-out seats (answers an order token for the entry and the order an offer places)', 'none', [201, dto.waitingListJoined], waitingListSchema),
  op('get', '/waiting-list/{entryId}', 'Where a waiting-list entry stands: its place in line, or the order offered to it', 'order', [200, dto.waitingListEntry]),
  op('post', '/orders/lookup', 'A token for the order an e-mail and access code open', 'none', [200, dto.orderTokenBody], accessCodeCheckSchema),
  op('get', '/orders/{orderId}', 'The order', 'order', [200, dto.order]),
  op('put', '/orders/{orderId}/seats', 'Change the seats of the order', 'order', [202, dto.written], seatsSchema),
  op('put', '/orders/{orderId}/registrant', 'The registrant of the order', 'order', [202, dto.written], registrantSchema),
  op('post', '/orders/{orderId}/checkout', 'Start the payment (or confirm a free order)', 'order', [202, dto.checkoutStarted]),
  op('post', '/payments/{paymentId}/accept', 'The simulated processor accepts the payment', 'order', [202, dto.written]),
  op('post', '/payments/{paymentId}/reject', 'The simulated processor rejects the payment', 'order', [202, dto.written]),
  op('get', '/orders/{orderId}/attendees', 'The seats of a confirmed order and their attendees', 'order', [200, dto.attendees]),
  op('put', '/orders/{orderId}/attendees/{position}', 'Assign an attendee to a seat', 'order', [202, dto.written], attendeeSchema),
  op('delete', '/orders/{orderId}/attendees/{position}', 'Unassign a seat', 'order', [202, dto.written]),
  op('post', '/organizer/tokens', 'An organizer token for the conference an e-mail and access code open', 'none', [200, dto.organizerTokenBody], accessCodeCheckSchema),
  op('get', '/organizer/conferences/{slug}', 'The conference, as its organizer sees it', 'organizer', [200, dto.organizerConference]),
  op('patch', '/organizer/conferences/{slug}', 'Change some details', 'organizer', [202, dto.written], conferenceDetailsChangeSchema),
  op('post', '/organizer/conferences/{slug}/publish', 'Open registration', 'organizer', [202, dto.written]),
  op('post', '/organizer/conferences/{slug}/unpublish', 'Close registration', 'organizer', [202, dto.written]),
  op('post', '/organizer/conferences/{slug}/seat-types', 'Add a seat type (price in cents)', 'organizer', [201, dto.seatTypeCreated], seatTypeSchema),
  op('put', '/organizer/conferences/{slug}/seat-types/{seatTypeId}', 'Change a seat type', 'organizer', [202, dto.written], seatTypeSchema),
  op('delete', '/organizer/conferences/{slug}/seat-types/{seatTypeId}', 'Remove a seat type (until first published)', 'organizer', [202, dto.written]),
  op('get', '/organizer/conferences/{slug}/orders', 'The conference\'s orders', 'organizer', [200, dto.organizerOrders]),
  op('post', '/organizer/conferences/{slug}/promo-codes', 'Add a promo code (a percent, or an amount in cents)', 'organizer', [201, dto.promoCodeCreated], promoCodeSchema),
  op('get', '/organizer/conferences/{slug}/promo-codes', 'The promo codes and how many orders hold each', 'organizer', [200, dto.promoCodes]),
  op('get', '/organizer/conferences/{slug}/waiting-list', 'The waiting list in the order people joined, with each entry\'s status', 'organizer', [200, dto.waitingList]),
  op('get', '/organizer/conferences/{slug}/allocation', 'Quota, reserved, sold and available per seat type', 'organizer', [200, dto.allocation]),
];

const schemaOf = (schema: z.ZodType, io: 'input' | 'output') => {
  const { $schema: _dialect, ...json } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<string, unknown>;
  return json;
};

const json = (schema: unknown) => ({ content: { 'application/json': { schema } } });
const errorResponse = (description: string) => ({ description, ...json({ $ref: '#/components/schemas/Error' }) });

function operationOf({ method, path, summary, auth, body, answer: [status, answer] }: Operation) {
  const parameters = [...path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({ name, in: 'path', required: true, schema: { type: 'string' } }));
  const writes = method !== 'get';
  return {
    summary,
    ...(auth === 'none' ? { security: [] } : { security: [{ [`${auth}Token`]: [] }] }),
    parameters: [
      ...parameters,
      ...(writes ? [{ name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string', minLength: 1, maxLength: 200 } }] : []),
    ],
    ...(body ? { requestBody: { required: true, ...json(schemaOf(body, 'input')) } } : {}),
    responses: {
      [status]: { description: 'Done', ...json(schemaOf(answer, 'output')) },
      ...(writes || body ? { 400: errorResponse('validation_failed or invalid_json') } : {}),
      ...(auth === 'none' ? {} : { 401: errorResponse('unauthorized: no token') }),
      404: errorResponse('not_found: unknown, or not yours'),
      ...(writes ? { 409: errorResponse('a rule of the domain, its code in snake_case'), 422: errorResponse('idempotency_key_reused') } : {}),
      429: errorResponse('too_many_requests'),
      503: errorResponse('unavailable'),
    },
  };
}

/** The OpenAPI 3.1 document of the JSON API, generated from the schemas the routes use. */
export function openApiDocument() {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const operation of operations) (paths[operation.path] ??= {})[operation.method] = operationOf(operation);
  return {
    openapi: '3.1.0',
    info: { title: 'Seatwise JSON API', version: '1.0.0', description: 'Conference seat booking: commands answer the version they produced; reads carry the version they reflect.' },
    servers: [{ url: '/api/v1' }],
    paths,
    components: {
      schemas: { Error: schemaOf(dto.errorBody, 'output') },
      securitySchemes: {
        orderToken: { type: 'http', scheme: 'bearer', description: 'An order token: one order.' },
        organizerToken: { type: 'http', scheme: 'bearer', description: 'An organizer token: one conference.' },
      },
    },
  };
}
