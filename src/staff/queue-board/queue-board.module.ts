import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { BullBoardModule } from '@bull-board/nestjs';
import { Module } from '@nestjs/common';
import { ApiTokensService } from '../../identity/auth/api-tokens.service';
import { AuthModule } from '../../identity/auth/auth.module';
import { SessionsService } from '../../identity/auth/sessions.service';
import { ALL_QUEUES } from '../../platform/queues/queue-catalogue';
import { adminOnly } from './admin-only.middleware';

export const QUEUE_DASHBOARD_PATH = '/admin/queues';

/** Bull Board at /admin/queues: every queue of the catalogue, for admins only (API side, no worker needed). */
@Module({
  imports: [
    BullBoardModule.forRootAsync({
      imports: [AuthModule],
      inject: [SessionsService, ApiTokensService],
      useFactory: (sessions: SessionsService, tokens: ApiTokensService) => ({
        route: QUEUE_DASHBOARD_PATH,
        adapter: ExpressAdapter,
        middleware: adminOnly(sessions, tokens),
        boardOptions: { uiConfig: { boardTitle: 'Pledgewatch queues' } },
      }),
    }),
    BullBoardModule.forFeature(...ALL_QUEUES.map((name) => ({ name, adapter: BullMQAdapter }))),
  ],
})
export class AdminModule {}
