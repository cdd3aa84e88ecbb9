import {
  getAssociation,
  getAssociationLogo,
  getAssociationProfile,
  MAX_LOGO_BYTES,
  myAssociations,
  searchAssociations,
  updateAssociation,
  uploadAssociationLogo,
} from '@nassij/contract';
import { isConflictError, type NassijConflictError } from '../errors.js';
import { iterate, type PageItem, type PageIterator, type PageQueryInput } from '../paginate.js';
import type { Transport } from '../transport.js';
import type { BodyOf, RequestOptions, RouteResult, Versioned } from '../types.js';
import { type UploadFile, type UploadProgress, uploadFile } from '../upload.js';
import { versioned } from '../versioned.js';

/** The routes `client.associations` wraps. */
export const associationsRoutes = [
  searchAssociations,
  getAssociation,
  myAssociations,
  getAssociationProfile,
  updateAssociation,
  uploadAssociationLogo,
  getAssociationLogo,
] as const;

type AssociationProfile = RouteResult<typeof getAssociationProfile>;

/**
 * Options of {@link AssociationsArea.update}: `ifMatch` is required, the ETag of the profile (or of the
 * public record) the patch was made from.
 *
 * @example
 * ```ts
 * const options: ProfileUpdateOptions = { ifMatch: etag };
 * ```
 */
export type ProfileUpdateOptions = Omit<RequestOptions, 'ifMatch'> & { ifMatch: string };

/**
 * What {@link AssociationsArea.uploadLogo} takes besides the association id.
 *
 * @example
 * ```ts
 * const input: LogoUpload = { file: input.files[0] };
 * ```
 */
export interface LogoUpload extends RequestOptions {
  /** A PNG or JPEG of at most 512 KB (checked before a byte is sent, and again by the server). */
  file: UploadFile;
  onProgress?: ((progress: UploadProgress) => void) | undefined;
}

/**
 * `client.associations`: the public directory, one association, the signed-in account's own, and the
 * profile its representative edits (descriptions, website, contacts shown or hidden, logo).
 *
 * @example
 * ```ts
 * const page = await client.associations.search({ region: ['MA-06'], q: 'الأمل' });
 * ```
 */
export interface AssociationsArea {
  /**
   * One page of the directory, with facets `region`, `domain`, `legalForm`.
   *
   * @example
   * ```ts
   * const { items, total } = await client.associations.search({ domain: ['youth'] });
   * ```
   */
  search(
    query?: PageQueryInput<typeof searchAssociations> & { cursor?: string | undefined },
    options?: RequestOptions,
  ): Promise<RouteResult<typeof searchAssociations>>;
  /**
   * Every association matching `query`, lazily.
   *
   * @example
   * ```ts
   * for await (const association of client.associations.iterate({ region: ['MA-01'] })) count++;
   * const some = await client.associations.iterate({ region: ['MA-01'], limit: 100 }).collect({ limit: 300 });
   * ```
   */
  iterate(
    query?: PageQueryInput<typeof searchAssociations>,
    options?: RequestOptions,
  ): PageIterator<PageItem<typeof searchAssociations>>;
  /**
   * One association's public record.
   *
   * @example
   * ```ts
   * const association = await client.associations.get('asso_0001');
   * ```
   */
  get(associationId: string, options?: RequestOptions): Promise<RouteResult<typeof getAssociation>>;
  /**
   * The signed-in account's associations, each with its role there.
   *
   * @example
   * ```ts
   * const mine = await client.associations.mine();
   * ```
   */
  mine(options?: RequestOptions): Promise<RouteResult<typeof myAssociations>>;
  /**
   * The editable profile (every contact with whether it is shown) and the ETag that
   * {@link AssociationsArea.update} sends; for members of the association and platform admins.
   *
   * @example
   * ```ts
   * const { data: profile, etag } = await client.associations.profile('asso_0001');
   * ```
   */
  profile(associationId: string, options?: RequestOptions): Promise<Versioned<AssociationProfile>>;
  /**
   * Edits the profile (representative or platform admin): only the fields sent change, `null` clears one.
   * Resolves with the saved profile and its new ETag.
   *
   * @throws {@link NassijConflictError}`<AssociationProfile>` (`412`) when the profile changed since `ifMatch`.
   * @throws `NassijValidationError` (`422`) for a website that is not http or https (`not_allowed`).
   * @example
   * ```ts
   * const { data, etag: next } = await client.associations.update('asso_0001',
   *   { website: 'https://tifawin.ma', contacts: { phone: { value: '+212 528 00 00 00', shown: false } } },
   *   { ifMatch: etag });
   * ```
   */
  update(
    associationId: string,
    patch: BodyOf<typeof updateAssociation>,
    options: ProfileUpdateOptions,
  ): Promise<Versioned<AssociationProfile>>;
  /**
   * Whether an error is the `412` of {@link AssociationsArea.update}, with the current profile in `current`.
   *
   * @example
   * ```ts
   * catch (error) { if (client.associations.isConflict(error)) merge(error.current); }
   * ```
   */
  isConflict(error: unknown): error is NassijConflictError<AssociationProfile>;
  /**
   * Uploads the logo (PNG or JPEG, at most 512 KB; representative or platform admin), replacing the old one.
   * Resolves with the profile, whose `logo.url` the public record shows too.
   *
   * @example
   * ```ts
   * const profile = await client.associations.uploadLogo('asso_0001', { file: input.files[0] });
   * ```
   */
  uploadLogo(associationId: string, input: LogoUpload): Promise<AssociationProfile>;
  /**
   * The logo image (a `Blob`), public.
   *
   * @example
   * ```ts
   * const image = await client.associations.logo('asso_0001');
   * ```
   */
  logo(associationId: string, options?: RequestOptions): Promise<RouteResult<typeof getAssociationLogo>>;
}

/**
 * Builds `client.associations` over a transport.
 *
 * @example
 * ```ts
 * const associations = associationsArea(client.transport);
 * ```
 */
export function associationsArea(t: Transport): AssociationsArea {
  return {
    search: (query, options) => t.op(searchAssociations, { query: query ?? {} }, options),
    iterate: (query, options) => iterate(t, searchAssociations, query, options),
    get: (associationId, options) => t.op(getAssociation, { params: { associationId } }, options),
    mine: (options) => t.op(myAssociations, {}, options),
    profile: async (associationId, options) =>
      versioned(
        getAssociationProfile.id,
        await t.opWithEtag(getAssociationProfile, { params: { associationId } }, options),
      ),
    async update(associationId, patch, options) {
      const result = await t.opWithEtag(
        updateAssociation,
        { params: { associationId }, body: patch },
        options,
      );
      return versioned(updateAssociation.id, result);
    },
    isConflict: (error): error is NassijConflictError<AssociationProfile> =>
      isConflictError(error, updateAssociation),
    uploadLogo: (associationId, { file, onProgress, ...options }) =>
      uploadFile(t, uploadAssociationLogo, {
        ...options,
        params: { associationId },
        file,
        onProgress,
        // The type is judged by the server from the bytes: a file without a declared type may still be a PNG.
        rules: { maxBytes: MAX_LOGO_BYTES },
      }),
    logo: (associationId, options) => t.op(getAssociationLogo, { params: { associationId } }, options),
  };
}
