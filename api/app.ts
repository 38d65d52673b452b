/**
 * `createApp(deps)`: the whole Hono application, built from injected dependencies so the same
 * app runs on Node, on Cloudflare Workers and in tests.
 */
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { requestId } from 'hono/request-id';
import { CLIENT_IP_HEADER } from './auth.ts';
import type { AppDeps, AppEnv, AppLimits } from './deps.ts';
import { createLimits } from './lib/limits.ts';
import { AppError, errorEnvelope, RETRY_AFTER_CODES, type ErrorCode } from './lib/errors.ts';
import { storageError } from './lib/storage-errors.ts';
import { jsonDepthLimit } from './middleware/json-depth.ts';
import { originCheck } from './middleware/origin-check.ts';
import { securityHeaders } from './middleware/security-headers.ts';
import { sessionMiddleware } from './middleware/session.ts';
import { sessionCacheFor } from './middleware/session-cache.ts';
import { adminRoutes } from './routes/admin.ts';
import { attemptRoutes } from './routes/attempts.ts';
import { scenarioRoutes } from './routes/scenarios.ts';
import { contentRoutes } from './routes/content.ts';
import { evalRoutes } from './routes/evals.ts';
import { healthRoutes } from './routes/health.ts';
import { meRoutes, sessionRoutes } from './routes/me.ts';
import { coachRoutes } from './routes/coach.ts';
import { portfolioRoutes } from './routes/portfolio.ts';
import { reviewRoutes } from './routes/review.ts';
import { iqaRoutes } from './routes/iqa.ts';
import { recordRoutes } from './routes/records.ts';

/** Largest JSON body the API accepts (a full transcript import fits well within it). */
export const MAX_BODY_BYTES = 512 * 1024;

/** The typed API routes; `AppType` gives web/ and tests a typed client. */
function apiRoutes() {
  return new Hono<AppEnv>()
    .route('/health', healthRoutes)
    .route('/me', meRoutes)
    .route('/session', sessionRoutes)
    .route('/admin', adminRoutes)
    .route('/scenarios', scenarioRoutes)
    .route('/attempts', attemptRoutes)
    .route('/content', contentRoutes)
    .route('/evals', evalRoutes)
    .route('/review/iqa', iqaRoutes)
    .route('/review', reviewRoutes)
    .route('/records', recordRoutes)
    .route('/portfolio', portfolioRoutes)
    .route('/coach', coachRoutes);
}

/** Maps anything thrown in a handler to the one error envelope. */
function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  const storage = storageError(err);
  if (storage) return storage;
  if (err instanceof HTTPException) {
    if (err.status === 413)
      return new AppError('PAYLOAD_TOO_LARGE', 'The request body is too large.');
    if (err.status === 400) return new AppError('BAD_REQUEST', 'The request could not be read.');
  }
  return new AppError('INTERNAL', 'Something went wrong on our side.');
}

/** Re-renders a better-auth error response in the app's error envelope. */
async function authErrorResponse(c: Context<AppEnv>, res: Response): Promise<Response> {
  let message = 'Sign-in failed.';
  try {
    const body: unknown = await res.json();
    if (body && typeof body === 'object' && 'message' in body && typeof body.message === 'string')
      message = body.message;
  } catch {
    // not JSON: keep the generic message
  }
  const code: ErrorCode =
    res.status === 401
      ? 'UNAUTHENTICATED'
      : res.status === 403
        ? 'FORBIDDEN'
        : res.status === 404
          ? 'NOT_FOUND'
          : res.status === 429
            ? 'RATE_LIMITED'
            : res.status < 500
              ? 'BAD_REQUEST'
              : 'INTERNAL';
  if (code === 'RATE_LIMITED') message = 'Too many sign-in attempts. Wait a minute and try again.';
  const err = new AppError(code, message);
  const headers: Record<string, string> = {};
  const retryAfter = res.headers.get('x-retry-after') ?? res.headers.get('retry-after');
  if (code === 'RATE_LIMITED') headers['Retry-After'] = retryAfter ?? '60';
  for (const cookie of res.headers.getSetCookie()) c.header('Set-Cookie', cookie, { append: true });
  return c.json(errorEnvelope(err, c.var.requestId), err.status, headers);
}

/** Builds the application. */
export function createApp(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const now = () => deps.clock.now().getTime();
  const limits: AppLimits = createLimits(deps.config.rateLimits, now);

  app.use(requestId());
  app.use(async (c, next) => {
    c.set('deps', deps);
    c.set('actor', null);
    c.set('limits', limits);
    await next();
  });
  app.use(securityHeaders(deps.config.env === 'production'));
  app.use(async (c, next) => {
    const started = performance.now();
    await next();
    deps.logger.info('request', {
      requestId: c.var.requestId,
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Math.round(performance.now() - started),
    });
  });

  app.use('/api/*', bodyLimit({ maxSize: MAX_BODY_BYTES }));
  app.on(['GET', 'POST'], '/api/auth/*', async (c) => {
    // better-auth keys its rate limit on this header; overwrite anything the client sent.
    const headers = new Headers(c.req.raw.headers);
    headers.delete(CLIENT_IP_HEADER);
    const ip = deps.clientIp?.(c);
    if (ip) headers.set(CLIENT_IP_HEADER, ip);
    const res = await deps.auth.handler(new Request(c.req.raw, { headers }));
    // Sign-out (or any other auth call) must not leave this cookie's session cached.
    sessionCacheFor(deps).forgetCookie(c.req.header('cookie'));
    if (res.status < 400) return res;
    return authErrorResponse(c, res);
  });
  app.use('/api/*', originCheck, jsonDepthLimit, sessionMiddleware);

  const routes = app.route('/api', apiRoutes());

  app.all('/api/*', () => {
    throw new AppError('NOT_FOUND', 'No such API route.');
  });
  if (deps.serveWeb) app.get('*', deps.serveWeb);

  app.notFound((c) =>
    c.json(errorEnvelope(new AppError('NOT_FOUND', 'Not found.'), c.var.requestId), 404),
  );
  app.onError((err, c) => {
    const appErr = toAppError(err);
    if (appErr.code === 'STORAGE_BUSY' || appErr.code === 'STORAGE_UNAVAILABLE') {
      deps.logger.warn('storage unavailable', {
        requestId: c.var.requestId,
        code: appErr.code,
        error: err instanceof Error ? err.message : String(err),
      });
    } else if (appErr.status >= 500) {
      deps.logger.error('unhandled error', {
        requestId: c.var.requestId,
        error: err instanceof Error ? `${err.name}: ${err.message}` : String(err),
        stack: err instanceof Error ? err.stack : undefined,
      });
    }
    const retryAfter = RETRY_AFTER_CODES.has(appErr.code) ? appErr.details?.retryAfter : undefined;
    if (typeof retryAfter === 'number') c.header('Retry-After', String(retryAfter));
    return c.json(errorEnvelope(appErr, c.var.requestId), appErr.status);
  });

  return routes;
}

/** The app's type, for typed clients (`hc<AppType>`). */
export type AppType = ReturnType<typeof createApp>;
