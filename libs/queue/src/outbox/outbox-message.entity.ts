import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('outbox_messages')
export class OutboxMessageEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  /** The relayed job's id; unlike `id`, never repeats after a restore or a sequence reset. */
  @Column({ name: 'message_uid', type: 'uuid', insert: false, update: false })
  messageUid!: string;

  @Column({ name: 'job_name', type: 'text' })
  jobName!: string;

  @Column({ type: 'jsonb' })
  payload!: unknown;

  /** Messages with the same key that are relayed together become one job. */
  @Column({ name: 'dedup_key', type: 'text', nullable: true })
  dedupKey!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'relayed_at', type: 'timestamptz', nullable: true })
  relayedAt!: Date | null;

  @Column({ name: 'relay_attempts', type: 'integer', default: 0 })
  relayAttempts!: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;
}
