import { describe, expect, it } from 'vitest';
import { AppError, errorEnvelope, errorStatus } from '#api/lib/errors.ts';

describe('AppError', () => {
  it('maps every code to an HTTP status', () => {
    for (const [code, status] of Object.entries(errorStatus)) {
      expect(new AppError(code as keyof typeof errorStatus, 'x').status).toBe(status);
    }
  });

  it('renders client errors with their message and safe details', () => {
    const err = new AppError('VALIDATION_FAILED', 'Invalid json at email', { issues: [] });
    expect(errorEnvelope(err, 'req-1')).toEqual({
      error: {
        code: 'VALIDATION_FAILED',
        message: 'Invalid json at email',
        requestId: 'req-1',
        details: { issues: [] },
      },
    });
  });

  it('never leaks internal messages or details in a 500', () => {
    const err = new AppError('INTERNAL', 'SQLITE_CORRUPT at /var/data', { stack: 'secret' });
    expect(errorEnvelope(err, 'req-2')).toEqual({
      error: { code: 'INTERNAL', message: 'Something went wrong on our side.', requestId: 'req-2' },
    });
  });
});
