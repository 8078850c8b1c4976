import { Injectable } from '@nestjs/common';
import { DomainError, DomainErrorCode } from '../../platform/http/errors/domain-error';
import { spendPasswordCheckTime, verifyPassword } from '../users/password';
import { UsersService } from '../users/users.service';
import type { UserView } from '../users/user-view';
import { SessionsService, StartedSession } from './sessions.service';
import { SignInRateLimiter } from './sign-in-rate-limiter';

export interface SignedIn {
  user: UserView;
  session: StartedSession;
}

/** One message for every failure, so the answer never tells whether an account exists or is disabled. */
const SIGN_IN_FAILED = 'Email or password is incorrect';

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersService,
    private readonly sessions: SessionsService,
    private readonly rateLimiter: SignInRateLimiter,
  ) {}

  async signIn(email: string, password: string, ip: string): Promise<SignedIn> {
    await this.rateLimiter.assertAllowed(ip, email);
    const candidate = await this.users.findSignInCandidate(email);
    if (!candidate) await spendPasswordCheckTime(password);
    const passwordMatches = candidate ? await verifyPassword(candidate.passwordHash, password) : false;
    if (!candidate || !passwordMatches || candidate.disabledAt !== null) {
      await this.rateLimiter.recordFailure(ip, email);
      throw new DomainError(DomainErrorCode.Unauthenticated, SIGN_IN_FAILED);
    }
    await this.rateLimiter.recordSuccess(ip, email);
    const session = await this.sessions.start({
      id: candidate.id,
      email: candidate.email,
      role: candidate.role,
    });
    const user = await this.users.findById(candidate.id);
    if (!user) throw new DomainError(DomainErrorCode.Unauthenticated, SIGN_IN_FAILED);
    return { user, session };
  }

  async signOut(sessionId: string, userId: string): Promise<void> {
    await this.sessions.end(sessionId, userId);
  }
}
