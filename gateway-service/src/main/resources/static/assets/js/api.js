// Calls to the gateway's JSON API: {"success":true,"data":...} / {"success":false,"error":"..."}.

export class ApiError extends Error {
  constructor(status, message, retryAfterSeconds) {
    super(message);
    this.status = status;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /** True when the request may never have reached the server: retrying it (with the same clientMessageId) is safe. */
  get isNetworkError() {
    return this.status === 0;
  }
}

/**
 * @param {string} path
 * @param {{method?: string, body?: any, headers?: Record<string,string>}} options
 * @returns {Promise<any>} the envelope's data
 */
export async function api(path, { method = 'GET', body, headers = {} } = {}) {
  const init = { method, headers: { Accept: 'application/json', ...headers } };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(path, init);
  } catch (networkFailure) {
    throw new ApiError(0, 'The server cannot be reached. Check your connection and try again.');
  }
  let envelope = null;
  try {
    envelope = await response.json();
  } catch (notJson) {
    envelope = null;
  }
  if (!response.ok || !envelope || envelope.success !== true) {
    const retryAfter = Number.parseInt(response.headers.get('Retry-After') ?? '', 10);
    const message = envelope && typeof envelope.error === 'string'
      ? envelope.error
      : `The server answered ${response.status}. Please try again.`;
    throw new ApiError(response.status, message, Number.isNaN(retryAfter) ? null : retryAfter);
  }
  return envelope.data;
}

/** A client-generated id for a send: the same id on a retry never stores the message twice. */
export function newClientMessageId() {
  if (window.crypto && typeof window.crypto.randomUUID === 'function') {
    return window.crypto.randomUUID();
  }
  const bytes = window.crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Sends once, and again with the same clientMessageId after a network error (the first may have arrived). */
export async function sendWithRetry(send, attempts = 3) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await send();
    } catch (error) {
      if (!(error instanceof ApiError) || !error.isNetworkError || attempt >= attempts) {
        throw error;
      }
      await new Promise((resolve) => setTimeout(resolve, 500 * attempt));
    }
  }
}
