import { Field, ID, InterfaceType } from 'type-graphql';

/**
 * Relay's Node interface: every object with a global ID can be fetched again with `node(id)`.
 * GraphQL type names match the entity class names, so the class tells the type.
 */
@InterfaceType('Node', {
  description: 'An object with an opaque global ID that `node(id)` fetches again (Relay).',
  resolveType: (value: object) => value.constructor.name,
})
export abstract class Node {
  @Field(() => ID, { description: 'Opaque global ID; pass it to `node(id)` unchanged.' })
  id!: string;
}
