import { Check, Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

export type BlobEncoding = 'br' | 'identity';

/**
 * Archived bytes (snapshot HTML and text, screenshots, evidence captures), addressed by the SHA-256 of the
 * original content so the same page stored twice takes the space of one.
 */
@Entity({ name: 'blobs' })
@Check('CHK_blobs_encoding', `"encoding" IN ('br', 'identity')`)
@Check('CHK_blobs_sha256', `"sha256" ~ '^[0-9a-f]{64}$'`)
export class Blob {
  /** Hex SHA-256 of the uncompressed content. */
  @PrimaryColumn({ type: 'char', length: 64, primaryKeyConstraintName: 'PK_blobs' })
  sha256!: string;

  @Column({ type: 'text' })
  mediaType!: string;

  @Column({ type: 'integer' })
  sizeBytes!: number;

  /** Already-compressed media (PNG, PDF) is stored as it is. */
  @Column({ type: 'text' })
  encoding!: BlobEncoding;

  @Column({ type: 'bytea' })
  content!: Buffer;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
