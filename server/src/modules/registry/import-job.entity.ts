import { Field, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { SafeInt } from '../../core/scalars';
import { bigintNumber, TIMESTAMP } from '../../db/columns';

/**
 * R1: one run of a registry import (members or registry events), real or dry. The row is updated
 * after every batch so the dashboard can show progress; the file is identified by its SHA-256.
 */
@ObjectType({ description: '名册导入任务 (registry import job)' })
@Entity('import_job')
@Index(['scope', 'id'])
export class ImportJob {
  @Field(() => Int)
  @PrimaryGeneratedColumn()
  id: number;

  @Field({ description: 'MEMBERS (参保人名册) or EVENTS (名册变更事件).' })
  @Column({ type: 'varchar', length: 8 })
  kind: string;

  @Field()
  @Column({ type: 'boolean' })
  dryRun: boolean;

  @Field({ description: 'RUNNING, COMPLETED or FAILED.' })
  @Column({ type: 'varchar', length: 10 })
  status: string;

  @Field()
  @Column({ type: 'varchar', length: 200 })
  fileName: string;

  @Field({ description: 'SHA-256 of the file, hex.' })
  @Column({ type: 'varchar', length: 64 })
  fileSha256: string;

  @Field({ description: 'csv or xlsx.' })
  @Column({ type: 'varchar', length: 4, default: 'csv' })
  format: string;

  @Field(() => String, { nullable: true, description: 'utf8 or gb18030 (CSV).' })
  @Column({ type: 'varchar', length: 8, nullable: true })
  encoding: string | null;

  @Field(() => String, { nullable: true, description: 'Scope of the staff member who started it (null: national).' })
  @Column({ type: 'varchar', length: 6, nullable: true })
  scope: string | null;

  @Field()
  @Column({ type: 'varchar', length: 64 })
  startedBy: string;

  @Field(() => SafeInt)
  @Column({ type: 'bigint', default: 0, transformer: bigintNumber })
  totalBytes: number;

  @Field(() => SafeInt)
  @Column({ type: 'bigint', default: 0, transformer: bigintNumber })
  bytesRead: number;

  @Field(() => Int, { description: 'Data rows read so far.' })
  @Column({ type: 'int', default: 0 })
  rowsRead: number;

  @Field(() => Int, { description: 'Members created (events: applied). In a dry run: would be.' })
  @Column({ type: 'int', default: 0 })
  inserted: number;

  @Field(() => Int)
  @Column({ type: 'int', default: 0 })
  updated: number;

  @Field(() => Int)
  @Column({ type: 'int', default: 0 })
  unchanged: number;

  @Field(() => Int, { description: 'Rows refused (each has at least one problem).' })
  @Column({ type: 'int', default: 0 })
  rejected: number;

  @Field(() => Int)
  @Column({ type: 'int', default: 0 })
  problemCount: number;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 500, nullable: true })
  failure: string | null;

  @Field()
  @CreateDateColumn(TIMESTAMP)
  startedAt: Date;

  @Field(() => Date, { nullable: true })
  @Column({ ...TIMESTAMP, nullable: true })
  finishedAt: Date | null;
}

/** One problem of one row (dry run or real run); the downloadable report. */
@ObjectType({ description: '导入问题 (one problem of one row)' })
@Entity('import_problem')
@Index(['jobId', 'id'])
export class ImportProblem {
  @Field(() => SafeInt)
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: number;

  @Field(() => Int)
  @Column({ type: 'int' })
  jobId: number;

  @Field(() => Int, { description: 'Row in the file (the header is row 1).' })
  @Column({ type: 'int', name: 'file_row' }) // not row_number: a reserved word in MySQL 8
  rowNumber: number;

  @Field({ description: 'The column at fault, by its Chinese title (身份证号, 姓名, …).' })
  @Column({ type: 'varchar', length: 20 })
  columnName: string;

  @Field()
  @Column({ type: 'varchar', length: 32 })
  code: string;

  @Field()
  @Column({ type: 'varchar', length: 200 })
  message: string;
}
