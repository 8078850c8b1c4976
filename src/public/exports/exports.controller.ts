import { ApiFileResponse } from '../../platform/http/api-file-response';
import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { AuthenticatedUser } from '../../identity/auth/authenticated-user';
import { CurrentUser } from '../../identity/auth/decorators';
import { Public } from '../../platform/http/public-route';
import { CrossOriginRead } from '../../platform/http/cross-origin/cross-origin-read';
import { BrandFiltersDto } from '../../catalogue/brands/dto/list-brands-query.dto';
import { matchesEtag, PRIVATE_CACHE_CONTROL, PUBLIC_CACHE_CONTROL } from '../cache/cache-policy';
import { csvLine } from './csv';
import { ExportRateLimiter, TooManyExportsError } from './export-rate-limiter';
import { EXPORT_COLUMNS, ExportedBrand, ExportsService } from './exports.service';

/** Rows written to the socket at once: fewer, larger writes; still a few kilobytes. */
const ROWS_PER_WRITE = 200;

/** The campaigner list as files, streamed from Postgres; rate-limited per address. */
@ApiTags('exports')
@ApiBearerAuth()
@Public()
@CrossOriginRead()
@Controller('api/export')
export class ExportsController {
  constructor(
    private readonly exports: ExportsService,
    private readonly limiter: ExportRateLimiter,
  ) {}

  @Get('brands.csv')
  @ApiOperation({ summary: 'Every brand matching the filters of GET /api/brands, as CSV' })
  @ApiProduces('text/csv')
  @ApiFileResponse('text/csv', 'RFC 4180 CSV with a header row, UTF-8 with a byte-order mark')
  @ApiTooManyRequestsResponse({ description: 'Too many exports from this address; see Retry-After' })
  async csv(
    @Query() query: BrandFiltersDto,
    @Req() request: Request,
    @Res() response: Response,
    @CurrentUser() viewer?: AuthenticatedUser,
  ): Promise<void> {
    if (this.notModified(request, response, viewer)) return;
    await this.limit(request, response);
    this.start(response, 'text/csv; charset=utf-8', this.exports.filename(query, 'csv'), viewer);
    // The byte-order mark tells spreadsheet programs the file is UTF-8 (names in any script).
    await this.stream(
      response,
      this.exports.brandsFor(query, viewer),
      `\uFEFF${csvLine([...EXPORT_COLUMNS])}`,
      '',
      (brand) => csvLine(EXPORT_COLUMNS.map((column) => cellOf(brand[column]))),
    );
  }

  @Get('brands.json')
  @ApiOperation({ summary: 'Every brand matching the filters of GET /api/brands, as a JSON array' })
  @ApiProduces('application/json')
  @ApiOkResponse({ type: [ExportedBrand], description: 'Every matching brand, as one JSON array' })
  @ApiTooManyRequestsResponse({ description: 'Too many exports from this address; see Retry-After' })
  async json(
    @Query() query: BrandFiltersDto,
    @Req() request: Request,
    @Res() response: Response,
    @CurrentUser() viewer?: AuthenticatedUser,
  ): Promise<void> {
    if (this.notModified(request, response, viewer)) return;
    await this.limit(request, response);
    this.start(response, 'application/json; charset=utf-8', this.exports.filename(query, 'json'), viewer);
    let first = true;
    await this.stream(response, this.exports.brandsFor(query, viewer), '[', '\n]\n', (brand) => {
      const line = `${first ? '\n' : ',\n'}${JSON.stringify(brand)}`;
      first = false;
      return line;
    });
  }

  /** Sets the ETag of an anonymous export, and answers 304 (no rate-limit cost) when the client has it. */
  private notModified(request: Request, response: Response, viewer: AuthenticatedUser | undefined): boolean {
    const etag = this.exports.etag(request.originalUrl, viewer);
    if (!etag) return false;
    response.setHeader('ETag', etag);
    response.setHeader('Vary', 'Authorization, Cookie, Accept-Encoding');
    if (!matchesEtag(request.headers['if-none-match'], etag)) return false;
    response.setHeader('Cache-Control', PUBLIC_CACHE_CONTROL);
    response.status(304).end();
    return true;
  }

  private async limit(request: Request, response: Response): Promise<void> {
    try {
      await this.limiter.take(request.ip ?? request.socket.remoteAddress ?? 'unknown');
    } catch (error: unknown) {
      if (error instanceof TooManyExportsError)
        response.setHeader('Retry-After', String(error.retryAfterSeconds));
      throw error;
    }
  }

  private start(
    response: Response,
    contentType: string,
    filename: string,
    viewer: AuthenticatedUser | undefined,
  ) {
    response.status(200);
    response.setHeader('Content-Type', contentType);
    response.setHeader('Content-Disposition', `attachment; filename="${filename}"`);
    response.setHeader('Cache-Control', viewer ? PRIVATE_CACHE_CONTROL : PUBLIC_CACHE_CONTROL);
    response.setHeader('X-Content-Type-Options', 'nosniff');
  }

  /** Writes head, rows and tail, waiting for the socket to drain; stops when the client goes away. */
  private async stream(
    response: Response,
    brands: AsyncGenerator<ExportedBrand>,
    head: string,
    tail: string,
    line: (brand: ExportedBrand) => string,
  ): Promise<void> {
    let buffer = head;
    let rows = 0;
    const socketReady = writableSignal(response);
    try {
      for await (const brand of brands) {
        if (response.destroyed) return;
        buffer += line(brand);
        if (++rows % ROWS_PER_WRITE === 0) {
          if (!response.write(buffer)) await socketReady();
          buffer = '';
        }
      }
      response.end(buffer + tail);
    } catch (error: unknown) {
      // Headers are gone: all we can do is cut the download short, so it cannot pass for complete.
      response.destroy(error instanceof Error ? error : new Error(String(error)));
    }
  }
}

/**
 * Resolves when the response can take more (or has gone away). One listener per download: the compression
 * middleware hands 'drain' listeners on to its zlib stream, where a `once` per write could never remove
 * them, so they would pile up for the length of a large export.
 */
function writableSignal(response: Response): () => Promise<void> {
  let resume: (() => void) | undefined;
  const wake = () => resume?.();
  response.on('drain', wake);
  response.once('close', wake);
  return () =>
    response.destroyed
      ? Promise.resolve()
      : new Promise<void>((resolve) => {
          resume = resolve;
        });
}

function cellOf(value: ExportedBrand[keyof ExportedBrand]): string | boolean | null {
  return Array.isArray(value) ? value.join('; ') : value;
}
