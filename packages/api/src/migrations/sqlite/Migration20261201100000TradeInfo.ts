import { Migration } from '@mikro-orm/migrations';

/**
 * Trade information per product (sqlite): pack sizes, prices, minimum order, capacity, shelf life,
 * other certifications, export markets and readiness, lead time, samples and, for tourism, the
 * tour; one JSON document per product, every field optional (see @ocop/domain trade.ts). Null
 * when nothing is recorded.
 */
export class Migration20261201100000TradeInfo extends Migration {
  override async up(): Promise<void> {
    this.addSql('alter table "product" add column "trade" json null');
  }
}
