import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ParsesAsUrl } from '../../kernel/urls/parses-as-url';
import { IsOptional, IsString, IsUrl, MaxLength, MinLength } from 'class-validator';

export class CreateWebhookDto {
  @ApiProperty({ example: 'Apparel desk on Mattermost', maxLength: 120 })
  @IsString()
  @MinLength(1)
  @MaxLength(120)
  name!: string;

  @ApiPropertyOptional({ example: 'apparel research', maxLength: 120 })
  @IsOptional()
  @IsString()
  @MaxLength(120)
  team?: string;

  @ApiProperty({
    description: 'Incoming-webhook URL (http or https); vetted like any fetch',
    maxLength: 2000,
  })
  @IsString()
  @MaxLength(2000)
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false })
  @ParsesAsUrl()
  url!: string;
}
