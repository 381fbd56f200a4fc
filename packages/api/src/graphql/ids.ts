import { ERROR_CODES } from '@ocop/domain';
import { GraphQLError } from 'graphql';

export const NODE_TYPES = ['Product', 'Producer', 'Region', 'Certificate'] as const;
export type NodeType = (typeof NODE_TYPES)[number];

/** Opaque Relay global ID: base64url of "Type:id". Clients must not build or parse them. */
export function toGlobalId(type: NodeType, id: number): string {
  return Buffer.from(`${type}:${id}`).toString('base64url');
}

export function fromGlobalId(globalId: string): { type: NodeType; id: number } {
  const decoded = /^[A-Za-z0-9_-]{1,64}$/.test(globalId) ? Buffer.from(globalId, 'base64url').toString('utf8') : '';
  const match = /^([A-Za-z]+):([1-9][0-9]{0,14})$/.exec(decoded);
  const type = match?.[1] as NodeType | undefined;
  if (!match || !type || !NODE_TYPES.includes(type)) {
    throw new GraphQLError(
      `"${globalId.slice(0, 80)}" is not an ID issued by this API. Use the \`id\` field of a Product, Producer, Region or Certificate unchanged.`,
      { extensions: { code: ERROR_CODES.INVALID_ID } },
    );
  }
  return { type, id: Number(match[2]) };
}
