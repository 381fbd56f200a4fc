import { Migration } from '@mikro-orm/migrations';

/**
 * Buyers' quote requests (postgresql): who asked which producer about which product, how to
 * answer, their consent (Decree 13/2023/NĐ-CP), the address they came from (hashed, for the
 * per-address limit) and whether the mail reached the producer.
 */
export class Migration20261201110000QuoteRequests extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "quote_request" ("id" serial primary key, "created_at" timestamptz not null, "updated_at" timestamptz not null, "reference" varchar(20) not null, "product_id" int null, "producer_id" int not null, "buyer_name" varchar(120) not null, "company" varchar(160) null, "country" varchar(2) null, "email" varchar(254) null, "phone" varchar(30) null, "quantity" varchar(200) null, "message" text not null, "lang" varchar(2) not null, "consent_at" timestamptz not null, "client_key" varchar(64) not null, "status" text check ("status" in ('PENDING', 'SENT', 'FAILED', 'NOT_CONFIGURED')) not null, "attempts" int not null default 0, "delivered_at" timestamptz null, "delivery_error" varchar(500) null)`,
    );
    this.addSql('alter table "quote_request" add constraint "quote_request_reference_unique" unique ("reference")');
    this.addSql(
      'alter table "quote_request" add constraint "quote_request_product_id_foreign" foreign key ("product_id") references "product" ("id") on update cascade on delete restrict',
    );
    this.addSql(
      'alter table "quote_request" add constraint "quote_request_producer_id_foreign" foreign key ("producer_id") references "producer" ("id") on update cascade on delete restrict',
    );
    this.addSql(
      'create index "quote_request_client_key_created_at_index" on "quote_request" ("client_key", "created_at")',
    );
    this.addSql('create index "quote_request_status_index" on "quote_request" ("status")');
  }
}
