import { Migration } from '@mikro-orm/migrations';

/**
 * Buyers' quote requests (sqlite): who asked which producer about which product, how to answer,
 * their consent (Decree 13/2023/NĐ-CP), the address they came from (hashed, for the per-address
 * limit) and whether the mail reached the producer.
 */
export class Migration20261201110000QuoteRequests extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "quote_request" ("id" integer not null primary key autoincrement, "created_at" datetime not null, "updated_at" datetime not null, "reference" text not null, "product_id" integer null, "producer_id" integer not null, "buyer_name" text not null, "company" text null, "country" text null, "email" text null, "phone" text null, "quantity" text null, "message" text not null, "lang" text not null, "consent_at" datetime not null, "client_key" text not null, "status" text check ("status" in ('PENDING', 'SENT', 'FAILED', 'NOT_CONFIGURED')) not null, "attempts" integer not null default 0, "delivered_at" datetime null, "delivery_error" text null, constraint "quote_request_product_id_foreign" foreign key("product_id") references "product"("id") on delete restrict on update cascade, constraint "quote_request_producer_id_foreign" foreign key("producer_id") references "producer"("id") on delete restrict on update cascade)`,
    );
    this.addSql('create unique index "quote_request_reference_unique" on "quote_request" ("reference")');
    this.addSql(
      'create index "quote_request_client_key_created_at_index" on "quote_request" ("client_key", "created_at")',
    );
    this.addSql('create index "quote_request_status_index" on "quote_request" ("status")');
  }
}
