import { type BaseClient, createBaseClient } from '@nassij/sdk';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../packages/elements/src/subscribe/define.js';
import { demoConsultation } from '../packages/elements/src/test-support/demo/consultations.js';
import { failingClient, pendingClient } from './support/clients.js';

/**
 * A client that answers `POST /v1/subscriptions` as the platform does: 202, or 422 naming `/filter/region`
 * when the region is not one of the twelve (the funder list comes back empty).
 */
function answeringClient(): BaseClient {
  return createBaseClient({
    baseUrl: 'https://platform.invalid/api',
    retry: { limit: 0 },
    fetch: async (input, init) => {
      const json = (body: unknown, status: number, type = 'application/json') =>
        new Response(JSON.stringify(body), { status, headers: { 'content-type': type } });
      const url = new URL(input instanceof Request ? input.url : String(input));
      if (url.pathname.endsWith('/v1/organisations')) return json({ items: [] }, 200);
      const request = input instanceof Request ? input : new Request(url, init);
      const body = (await request.json()) as { filter: { region?: string } };
      if (body.filter.region && !/^MA-(0[1-9]|1[0-2])$/.test(body.filter.region))
        return json(
          {
            type: 'about:blank',
            title: 'Validation failed',
            status: 422,
            code: 'validation_failed',
            errors: [
              { path: '/filter/region', in: 'body', code: 'invalid_format', message: 'Unknown region' },
            ],
          },
          422,
          'application/problem+json',
        );
      return json({ status: 'accepted' }, 202);
    },
  });
}

interface Args {
  region?: string;
  sector?: string;
  funder?: string;
  domain?: string;
  consultation?: string;
  digest?: string;
  client?: BaseClient;
}

const meta: Meta<Args> = {
  title: 'Public/nassij-subscribe',
  component: 'nassij-subscribe',
  args: { region: 'MA-09', digest: 'weekly' },
  render: (args) =>
    html`<nassij-subscribe region=${args.region ?? ''} sector=${args.sector ?? ''} domain=${args.domain ?? ''}
      funder=${args.funder ?? ''} digest=${args.digest ?? 'immediate'} consultation=${args.consultation || undefined}
      .client=${args.client ?? answeringClient()}></nassij-subscribe>`,
};
export default meta;

type Story = StoryObj<Args>;

/** Calls of Souss-Massa, weekly: submit to see "check your mailbox". */
export const Calls: Story = { name: 'Calls of a region (Arabic)', globals: { locale: 'ar' } };
export const French: Story = { globals: { locale: 'fr' } };
export const Tamazight: Story = { globals: { locale: 'zgh' } };
export const English: Story = { globals: { locale: 'en' } };
export const Dark: Story = { globals: { theme: 'dark' } };
/** A consultation page: nothing to pick but the address and the rhythm. */
export const Consultation: Story = {
  args: { region: undefined, consultation: demoConsultation('contributions_open').id },
};
/** A page that asked for a region the platform does not know: submit to see the error at the field. */
export const UnknownRegion: Story = { args: { region: 'MA-99' } };
/** The platform out of reach: the message under the button, nothing typed lost. */
export const Offline: Story = { args: { client: failingClient('network_error') } };
/** Sending: the button says so and is disabled until the platform answers. */
export const Sending: Story = { args: { client: pendingClient() } };
