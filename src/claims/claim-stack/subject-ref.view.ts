import { ApiProperty } from '@nestjs/swagger';

/** A claim's brand or group as the API names it. */
export class SubjectRef {
  @ApiProperty() slug!: string;
  @ApiProperty() name!: string;
}
