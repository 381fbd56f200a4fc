import { DomainError, ERROR_CODES } from '@ocop/domain';

/** Types the `node` query fetches by ID (Relay's Node interface). */
export const NODE_TYPES = ['Product', 'Producer', 'Region', 'Certificate'] as const;
export type NodeType = (typeof NODE_TYPES)[number];

/** Every record type whose IDs clients receive and send back: the Node types and a few more. */
export type IdType =
  | NodeType
  | 'Evaluation'
  | 'AuditEntry'
  | 'ApiToken'
  | 'Webhook'
  | 'WebhookDelivery'
  | 'QuoteRequest';

/**
 * The one ID codec of the API. An ID is opaque to clients, in the shape of a Relay global ID:
 * base64url of "Type:id". Clients must not build or parse them.
 */
export function encodeId(type: IdType, id: number): string {
  return Buffer.from(`${type}:${id}`).toString('base64url');
}

/** The type and database id inside an ID, or undefined when it is not one this API issued. */
export function decodeId(value: string): { type: string; id: number } | undefined {
  const decoded = /^[A-Za-z0-9_-]{1,64}$/.test(value) ? Buffer.from(value, 'base64url').toString('utf8') : '';
  const match = /^([A-Za-z]+):([1-9][0-9]{0,14})$/.exec(decoded);
  return match?.[1] && match[2] ? { type: match[1], id: Number(match[2]) } : undefined;
}

/** The Node type and database id inside the ID given to the `node` query; INVALID_ID otherwise. */
export function fromGlobalId(globalId: string): { type: NodeType; id: number } {
  const decoded = decodeId(globalId);
  const type = decoded?.type as NodeType | undefined;
  if (!decoded || !type || !NODE_TYPES.includes(type)) {
    throw new DomainError(
      ERROR_CODES.INVALID_ID,
      `"${globalId.slice(0, 80)}" is not an ID issued by this API. Use the \`id\` field of a Product, Producer, Region or Certificate unchanged.`,
      [],
      {},
    );
  }
  return { type, id: decoded.id };
}
