import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsEnum, IsOptional } from 'class-validator';
import { Role } from '../../auth/role.enum';

export class UpdateUserDto {
  @ApiPropertyOptional({ enum: Role })
  @IsOptional()
  @IsEnum(Role, { message: `role must be one of: ${Object.values(Role).join(', ')}` })
  role?: Role;

  @ApiPropertyOptional({ description: 'true disables sign-in, sessions and tokens of the user at once' })
  @IsOptional()
  @IsBoolean()
  disabled?: boolean;
}
