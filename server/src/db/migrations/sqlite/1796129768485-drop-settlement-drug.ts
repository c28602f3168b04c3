import type { MigrationInterface, QueryRunner } from 'typeorm';

// Written by hand: TypeORM's generator does not drop tables that no entity describes. `settlement_drug`
// is no longer written (fraud detection reads `settlement.drug_codes`).
export class DropSettlementDrug1796129768485 implements MigrationInterface {
  name = 'DropSettlementDrug1796129768485';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX IF EXISTS "IDX_532b2c3e30813ff5b8c348d8a4"');
    await queryRunner.query('DROP INDEX IF EXISTS "IDX_83731041188c9c588745eb8bf1"');
    await queryRunner.query('DROP TABLE "settlement_drug"');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE TABLE "settlement_drug" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "settlement_id" bigint NOT NULL, "member_id" integer NOT NULL, "drug_code" varchar(40) NOT NULL, "treated_at" datetime(6) NOT NULL)');
    await queryRunner.query('CREATE INDEX "IDX_83731041188c9c588745eb8bf1" ON "settlement_drug" ("settlement_id") ');
    await queryRunner.query('CREATE INDEX "IDX_532b2c3e30813ff5b8c348d8a4" ON "settlement_drug" ("member_id", "drug_code", "treated_at") ');
  }
}
