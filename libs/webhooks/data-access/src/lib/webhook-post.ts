/** What one POST to an endpoint came to, before it is judged against the retry schedule. */
export type PostResult =
  { ok: true; statusCode: number } | { ok: false; statusCode: number | null; error: string };

const SNIPPET_BYTES = 200;

/** The start of a response body, for the log; the rest is not read. */
async function snippet(response: Response): Promise<string> {
  const reader = response.body?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (size < SNIPPET_BYTES) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.length;
    }
  } catch {
    // A body cut off mid-way still leaves the status to report.
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  const text = Buffer.concat(chunks).subarray(0, SNIPPET_BYTES).toString('utf8');
  return text.replace(/\s+/g, ' ').trim();
}

function describeFailure(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return `no response within ${timeoutMs / 1000} s`;
  }
  const cause =
    error instanceof Error ? (error.cause as { code?: string; message?: string }) : null;
  if (cause?.code)
    return `could not connect: ${cause.code}${cause.message ? ` (${cause.message})` : ''}`;
  return `request failed: ${error instanceof Error ? error.message : String(error)}`;
}

/**
 * POSTs one signed delivery. Any 2xx answer is success. Redirects are not followed (an
 * endpoint that moved must be updated, and following them would let an endpoint point the
 * worker somewhere else).
 */
export async function postWebhook(
  fetchFn: typeof fetch,
  url: string,
  headers: Record<string, string>,
  body: string,
  timeoutMs: number,
): Promise<PostResult> {
  let response: Response;
  try {
    response = await fetchFn(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Candor-Webhooks/1.0',
        ...headers,
      },
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    return { ok: false, statusCode: null, error: describeFailure(error, timeoutMs) };
  }
  const statusCode = response.status;
  if (statusCode >= 200 && statusCode < 300) {
    await response.body?.cancel().catch(() => undefined);
    return { ok: true, statusCode };
  }
  if (statusCode >= 300 && statusCode < 400) {
    await response.body?.cancel().catch(() => undefined);
    const location = response.headers.get('location');
    return {
      ok: false,
      statusCode,
      error: `HTTP ${statusCode}: redirects are not followed${location ? ` (to ${location})` : ''}`,
    };
  }
  const text = await snippet(response);
  return { ok: false, statusCode, error: `HTTP ${statusCode}${text ? `: ${text}` : ''}` };
}
