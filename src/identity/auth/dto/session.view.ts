import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { UserView } from '../../users/user-view';

/** `POST /api/auth/login`: who signed in, and the CSRF token their cookie-authenticated writes must carry. */
export class SignInView {
  @ApiProperty({ type: UserView }) user!: UserView;
  @ApiProperty({
    description:
      'Send back as the x-csrf-token header (or _csrf form field) on every write made with the cookie',
  })
  csrfToken!: string;
  @ApiProperty() expiresAt!: string;
}

/** `GET /api/auth/me`: the caller, and the CSRF token when they came with the session cookie. */
export class CurrentUserView {
  @ApiProperty({ type: UserView }) user!: UserView;
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    description: 'Null when signed in with a bearer token',
  })
  csrfToken!: string | null;
}
