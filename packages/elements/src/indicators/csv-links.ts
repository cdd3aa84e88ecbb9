import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * `blob:` URLs of the CSV downloads of `<nassij-indicators>`, one per chart: a URL is kept while its content
 * stays the same, and revoked when it changes or the element leaves the page (blob URLs keep their data
 * alive until revoked).
 */
export class CsvLinks implements ReactiveController {
  readonly #urls = new Map<string, { csv: string; url: string }>();

  constructor(host: ReactiveControllerHost) {
    host.addController(this);
  }

  /** The URL of `csv` for the chart `id`. */
  url(id: string, csv: string): string {
    const cached = this.#urls.get(id);
    if (cached?.csv === csv) return cached.url;
    if (cached) URL.revokeObjectURL(cached.url);
    const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
    this.#urls.set(id, { csv, url });
    return url;
  }

  hostDisconnected(): void {
    for (const { url } of this.#urls.values()) URL.revokeObjectURL(url);
    this.#urls.clear();
  }
}
