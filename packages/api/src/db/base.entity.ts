import { type Opt, PrimaryKey, Property } from '@mikro-orm/core';

/** Integer keys inside the database; the API exposes opaque global IDs built from them. */
export abstract class BaseEntity {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Property({ type: 'datetime', onCreate: () => new Date() })
  createdAt: Date & Opt = new Date();

  @Property({ type: 'datetime', onCreate: () => new Date(), onUpdate: () => new Date() })
  updatedAt: Date & Opt = new Date();
}

/** How a new row points at another: the entity itself, or the id of a stored row (bulk inserts). */
export type Link<T extends BaseEntity> = T | number;
