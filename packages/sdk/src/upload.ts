import type { AnyRoute } from '@nassij/contract';
import type * as z from 'zod/mini';
import { NassijValidationError } from './errors.js';
import type { BodySpec, Sender, Transport } from './transport.js';
import type { RequestOptions, RouteResult } from './types.js';

/**
 * A file to send: a `Blob`/`File`, or raw bytes with a name and media type (Node scripts).
 *
 * @example
 * ```ts
 * const file: UploadFile = { name: 'statuts.pdf', type: 'application/pdf', data: await readFile('statuts.pdf') };
 * ```
 */
export type UploadFile = Blob | { name: string; type: string; data: Uint8Array };

/**
 * Bytes sent so far out of the whole multipart body.
 *
 * @example
 * ```ts
 * const onProgress = ({ loaded, total }: UploadProgress) => { bar.value = loaded / total; };
 * ```
 */
export interface UploadProgress {
  loaded: number;
  total: number;
}

/**
 * What the client checks before sending a byte; the server checks again.
 *
 * @example
 * ```ts
 * const rules: UploadRules = { maxBytes: 10 * 1024 * 1024, mediaTypes: ['application/pdf', 'image/*'] };
 * ```
 */
export interface UploadRules {
  maxBytes?: number | undefined;
  /** Allowed media types; `image/*` allows every image type. */
  mediaTypes?: readonly string[] | undefined;
}

/**
 * Everything `client.upload` takes.
 *
 * @example
 * ```ts
 * await client.upload(uploadAttachment, { params: { applicationId }, file, fields: { documentId } });
 * ```
 */
export type UploadInput<R extends AnyRoute> = RequestOptions &
  ([NonNullable<R['params']>] extends [never]
    ? { params?: undefined }
    : { params: z.input<NonNullable<R['params']>> }) & {
    file: UploadFile;
    /** The route's other multipart fields; non-string values are sent as JSON. */
    fields?:
      | (NonNullable<R['body']> extends z.core.$ZodType ? z.input<NonNullable<R['body']>> : never)
      | undefined;
    onProgress?: ((progress: UploadProgress) => void) | undefined;
    rules?: UploadRules | undefined;
  };

function describe(file: UploadFile): { blob: Blob; name: string; type: string; size: number } {
  if (file instanceof Blob) {
    const name = (file as { name?: unknown }).name;
    return { blob: file, name: typeof name === 'string' ? name : 'file', type: file.type, size: file.size };
  }
  const blob = new Blob([file.data as Uint8Array<ArrayBuffer>], { type: file.type });
  return { blob, name: file.name, type: file.type, size: file.data.byteLength };
}

function typeAllowed(type: string, allowed: readonly string[]): boolean {
  const bare = type.split(';')[0]?.trim().toLowerCase() ?? '';
  return allowed.some((pattern) => {
    const wanted = pattern.toLowerCase();
    return wanted.endsWith('/*') ? bare.startsWith(wanted.slice(0, -1)) : bare === wanted;
  });
}

/**
 * Refuses a file that breaks `rules` before any byte leaves, with the codes the server would use.
 *
 * @example
 * ```ts
 * checkFile(file, { maxBytes: 10_000_000, mediaTypes: ['application/pdf'] }); // throws NassijValidationError
 * ```
 */
export function checkFile(file: UploadFile, rules: UploadRules | undefined): void {
  if (!rules) return;
  const { size, type } = describe(file);
  if (rules.maxBytes !== undefined && size > rules.maxBytes) {
    throw new NassijValidationError(`The file is larger than ${rules.maxBytes} bytes`, {
      code: 'file_too_large',
      fieldErrors: [
        {
          path: '/file',
          in: 'body',
          code: 'too_big',
          message: `The file is larger than ${rules.maxBytes} bytes`,
          params: { maximum: rules.maxBytes, size },
        },
      ],
    });
  }
  if (rules.mediaTypes !== undefined && !typeAllowed(type, rules.mediaTypes)) {
    throw new NassijValidationError(`Files of type "${type}" are not accepted`, {
      code: 'file_type_not_allowed',
      fieldErrors: [
        {
          path: '/file',
          in: 'body',
          code: 'not_allowed',
          message: `Files of type "${type}" are not accepted`,
          params: { allowed: [...rules.mediaTypes], type },
        },
      ],
    });
  }
}

function formOf(file: UploadFile, fields: Record<string, unknown> | undefined): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields ?? {})) {
    if (value === undefined) continue;
    form.append(name, typeof value === 'string' ? value : JSON.stringify(value));
  }
  const { blob, name } = describe(file);
  form.append('file', blob, name);
  return form;
}

/** Feeds `bytes` in chunks, reporting each chunk as fetch pulls it (Node, where fetch reports nothing). */
function countingStream(
  bytes: Uint8Array,
  onProgress: (progress: UploadProgress) => void,
): ReadableStream<Uint8Array> {
  const total = bytes.byteLength;
  const chunk = 64 * 1024;
  let offset = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (offset >= total) {
        onProgress({ loaded: total, total });
        controller.close();
        return;
      }
      const end = Math.min(offset + chunk, total);
      controller.enqueue(bytes.slice(offset, end));
      offset = end;
      if (offset < total) onProgress({ loaded: offset, total });
    },
  });
}

function parseHeaders(raw: string): Headers {
  const headers = new Headers();
  for (const line of raw.trim().split(/[\r\n]+/)) {
    const at = line.indexOf(':');
    if (at > 0) headers.append(line.slice(0, at).trim(), line.slice(at + 1).trim());
  }
  return headers;
}

/**
 * Sends through XMLHttpRequest, the one browser API that reports upload progress over HTTP/1.1
 * (streamed fetch bodies need HTTP/2 in Chromium). It is ky's `fetch` for the call (see `Sender`), so
 * ky retries it, runs the hooks around it and aborts it like any call: no retry loop of its own.
 */
function xhrSender(onProgress: (progress: UploadProgress) => void): Sender {
  return ({ url, method, headers, body, signal }) =>
    new Promise<Response>((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open(method, url);
      headers.forEach((value, name) => {
        xhr.setRequestHeader(name, value);
      });
      xhr.upload.onprogress = (event) => {
        if (event.lengthComputable) onProgress({ loaded: event.loaded, total: event.total });
      };
      xhr.upload.onload = (event) => onProgress({ loaded: event.total, total: event.total });
      const onAbort = () => xhr.abort();
      signal.addEventListener('abort', onAbort, { once: true });
      xhr.onload = () => {
        signal.removeEventListener('abort', onAbort);
        const empty = xhr.status === 204 || xhr.status === 205 || xhr.status === 304;
        resolve(
          new Response(empty ? null : xhr.responseText, {
            status: xhr.status,
            statusText: xhr.statusText,
            headers: parseHeaders(xhr.getAllResponseHeaders()),
          }),
        );
      };
      xhr.onerror = () => {
        signal.removeEventListener('abort', onAbort);
        reject(new TypeError('Network request failed'));
      };
      xhr.onabort = () => reject(signal.reason ?? new DOMException('Aborted', 'AbortError'));
      xhr.send(body as XMLHttpRequestBodyInit);
    });
}

/**
 * Uploads one file as `multipart/form-data` (a `file` part plus `fields`) to a multipart route. The file
 * is checked against `rules` first; then it goes out like any write, with one `Idempotency-Key` across
 * retries and the same typed errors. `onProgress` ends with `loaded === total`.
 *
 * @example
 * ```ts
 * const attachment = await uploadFile(t, uploadAttachment, {
 *   params: { applicationId }, file: input.files[0], fields: { documentType: 'statutes' },
 *   rules: { maxBytes: 10_000_000, mediaTypes: ['application/pdf'] }, onProgress: ({ loaded, total }) => bar(loaded / total),
 * });
 * ```
 */
export async function uploadFile<R extends AnyRoute>(
  t: Transport,
  route: R,
  input: UploadInput<R>,
): Promise<RouteResult<R>> {
  checkFile(input.file, input.rules);
  const { file, fields, onProgress, rules: _rules, ...rest } = input;
  const form = formOf(file, fields as Record<string, unknown> | undefined);
  const request = { ...rest, body: undefined } as never;
  if (!onProgress) return t.send(route, request, { make: () => form });
  if (typeof XMLHttpRequest === 'function' && !t.config.fetch) {
    return t.send(route, request, { make: () => form }, xhrSender(onProgress));
  }
  // Encode once to know the total and the boundary, then stream the bytes in chunks that report progress
  // (ky's own `onUploadProgress` estimates a form's size, so its last event may fall short of the total).
  const encoded = new Response(form);
  const contentType = encoded.headers.get('content-type') ?? undefined;
  const bytes = new Uint8Array(await encoded.arrayBuffer());
  const spec: BodySpec = { make: () => countingStream(bytes, onProgress), contentType };
  return t.send(route, request, spec);
}
