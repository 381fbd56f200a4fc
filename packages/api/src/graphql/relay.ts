import { DomainError, ERROR_CODES } from '@ocop/domain';
import { ArgsType, type ClassType, Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ simpleResolvers: true, description: 'Relay pagination state of a connection.' })
export class PageInfo {
  @Field(() => Boolean, { description: 'True when more items follow the last edge.' })
  hasNextPage!: boolean;

  @Field(() => Boolean, { description: 'True when items come before the first edge.' })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the first edge; pass it as `before`.' })
  startCursor?: string | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the last edge; pass it as `after`.' })
  endCursor?: string | null;
}

export interface EdgeShape<T> {
  cursor: string;
  node: T;
}

/** Builds `XConnection` and `XEdge` types in the Relay Cursor Connections shape. */
export function Connection<T extends object>(node: ClassType<T>, name: string, noun: string) {
  @ObjectType(`${name}Edge`, { simpleResolvers: true, description: `One ${noun} in a list, with its cursor.` })
  class Edge implements EdgeShape<T> {
    @Field(() => String, { description: 'Opaque cursor of this position; pass it as `after` or `before`.' })
    cursor!: string;

    @Field(() => node, { description: `The ${noun}.` })
    node!: T;
  }

  @ObjectType(`${name}Connection`, { simpleResolvers: true, description: `A page of ${noun}s (Relay connection).` })
  class ConnectionClass {
    @Field(() => [Edge], { description: 'The items with their cursors.' })
    edges!: Edge[];

    @Field(() => [node], { description: `The ${noun}s of this page, without cursors.` })
    nodes!: T[];

    @Field(() => PageInfo, { description: 'Where this page sits in the whole list.' })
    pageInfo!: PageInfo;

    @Field(() => Int, { description: `How many ${noun}s match in all, across every page.` })
    totalCount!: number;
  }
  return ConnectionClass;
}

/**
 * `first` and `after` of a list read forward only; a feature's args class extends it and adds
 * its own arguments after these two. `items` names what a page holds: "Entries", "Requests".
 */
export function ForwardPageArgs(items: string) {
  @ArgsType()
  abstract class ForwardPage {
    @Field(() => Int, { nullable: true, description: `${items} per page, at most 100 (default 20).` })
    first?: number;

    @Field(() => String, { nullable: true, description: 'Cursor to continue after (`pageInfo.endCursor`).' })
    after?: string;
  }
  return ForwardPage;
}

/** Cursors are opaque to clients: base64url of a small JSON array. */
export function encodeCursor(values: readonly (string | number | null)[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

export function decodeCursor(cursor: string, argument: string, arity: number): (string | number | null)[] {
  const fail = (): never => {
    throw DomainError.argument(
      ERROR_CODES.INVALID_CURSOR,
      `The cursor given as \`${argument}\` is not one this API issued. Pass the \`endCursor\` or \`startCursor\` of a previous page unchanged, or leave \`${argument}\` out to start from the beginning.`,
      argument,
    );
  };
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return fail();
  }
  if (
    !Array.isArray(parsed) ||
    parsed.length !== arity ||
    !parsed.every((v) => v === null || typeof v === 'string' || typeof v === 'number')
  ) {
    return fail();
  }
  return parsed as (string | number | null)[];
}
