import { ApiProperty } from '@nestjs/swagger';

/** `POST /api/screening/entity-lists/:slug/import`: what the import changed and what screening it raised. */
export class ScreenedEntityListView {
  @ApiProperty({ description: 'The list slug' }) list!: string;
  @ApiProperty() rows!: number;
  @ApiProperty() created!: number;
  @ApiProperty() updated!: number;
  @ApiProperty() unchanged!: number;
  @ApiProperty({ type: [String], description: 'New or changed entries (what was screened again)' })
  changedEntryIds!: string[];
  @ApiProperty({ type: [String] }) createdEntryIds!: string[];
  @ApiProperty() candidatesAdded!: number;
  @ApiProperty() flagsRaised!: number;
}

/** `POST /api/brands/:slug/supplier-lists`: the version stored and the candidates its changes raised. */
export class ScreenedSupplierListView {
  @ApiProperty() brand!: string;
  @ApiProperty({ format: 'uuid' }) supplierListId!: string;
  @ApiProperty({ description: 'false: this exact file was imported for the brand before; nothing changed' })
  created!: boolean;
  @ApiProperty() facilities!: number;
  @ApiProperty({ type: [String] }) changedSupplierIds!: string[];
  @ApiProperty() candidatesAdded!: number;
}

/** `POST /api/screening/candidates/:id/confirm`: the draft exposure finding the confirmation created. */
export class CandidateConfirmedView {
  @ApiProperty({ format: 'uuid' }) findingId!: string;
}
