import { Field, ID, InterfaceType } from 'type-graphql';

/**
 * Relay's Node interface: every object with a global ID can be fetched again with `node(id)`.
 * GraphQL type names match the entity class names, so the class tells the type of an entity;
 * the plain views of the public read path (modules/<feature>/<feature>.reader.ts) carry `__typename`
 * instead.
 */
@InterfaceType('Node', {
  description: 'An object with an opaque global ID that `node(id)` fetches again (Relay).',
  resolveType: (value: { __typename?: string }) => value.__typename ?? value.constructor.name,
})
export abstract class Node {
  @Field(() => ID, { description: 'Opaque global ID; pass it to `node(id)` unchanged.' })
  id!: string;
}
