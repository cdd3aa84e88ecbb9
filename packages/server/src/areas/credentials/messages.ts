// The words of a certificate, its PDF and its verification page, in the four languages (Arabic is the
// source; Tamazight in Tifinagh).
import type { Locale, VerificationFailure } from '@nassij/contract';

/** What a certificate and its verification page say, in one language. */
export interface CertificateTexts {
  /** The document's heading. */
  title: string;
  /** Before the participant's name. */
  awardedTo: string;
  /** Before the association's name. */
  ofAssociation: string;
  /** Before the course title. */
  forCompleting: string;
  /** The session's dates: `{from}` and `{to}`. */
  held: string;
  /** `{hours}` of training. */
  hours: string;
  competencies: string;
  /** `{level}` of the framework. */
  level: string;
  /** Before the provider's name. */
  providedBy: string;
  /** `{date}` of issue. */
  issuedOn: string;
  /** Before the verification address. */
  verifyAt: string;
  /** The criteria narrative of the credential: `{course}` and `{hours}`. */
  criteria: string;
  /** The verification page. */
  pageTitle: string;
  valid: string;
  invalid: string;
  notFound: string;
  reasons: Record<VerificationFailure, string>;
  issuer: string;
  participant: string;
  course: string;
  downloadPdf: string;
  downloadJson: string;
  /** The platform as the issuer's name. */
  platform: string;
  /** The name of the language links. */
  languages: string;
}

/**
 * The texts of certificates by language.
 *
 * @example
 * ```ts
 * CERTIFICATE_TEXTS.fr.title; // 'Attestation de formation'
 * ```
 */
export const CERTIFICATE_TEXTS: Readonly<Record<Locale, CertificateTexts>> = {
  ar: {
    title: 'شهادة إتمام تكوين',
    awardedTo: 'تشهد منصة نسيج أن',
    ofAssociation: 'عن جمعية',
    forCompleting: 'أتم(ت) التكوين',
    held: 'المنظم من {from} إلى {to}',
    hours: 'مدة التكوين: {hours} ساعة',
    competencies: 'الكفاءات المكتسبة',
    level: 'المستوى {level}',
    providedBy: 'الجهة المنظمة',
    issuedOn: 'سلمت بتاريخ {date}',
    verifyAt: 'للتحقق من هذه الشهادة',
    criteria: 'حضور جميع أيام التكوين «{course}» ({hours} ساعة) وإتمامه.',
    pageTitle: 'التحقق من شهادة',
    valid: 'هذه الشهادة صحيحة: وقعتها منصة نسيج ولم تغير منذ تسليمها.',
    invalid: 'هذه الشهادة غير صحيحة.',
    notFound: 'لا توجد شهادة بهذا المعرف.',
    reasons: {
      malformed: 'الوثيقة ليست شهادة مقروءة.',
      issuer_unknown: 'لم توقعها أي مفتاح من مفاتيح المنصة.',
      signature_invalid: 'غيرت الشهادة بعد توقيعها.',
      expired: 'انتهت صلاحية الشهادة.',
      revoked: 'ألغيت هذه الشهادة.',
    },
    issuer: 'الجهة المسلمة',
    participant: 'المستفيد(ة)',
    course: 'التكوين',
    downloadPdf: 'تحميل الشهادة (PDF)',
    downloadJson: 'الشهادة الرقمية (Open Badges 3.0)',
    platform: 'منصة نسيج',
    languages: 'اللغات',
  },
  fr: {
    title: 'Attestation de formation',
    awardedTo: 'La plateforme Nassij atteste que',
    ofAssociation: 'de l’association',
    forCompleting: 'a achevé la formation',
    held: 'tenue du {from} au {to}',
    hours: 'Durée : {hours} heures',
    competencies: 'Compétences acquises',
    level: 'niveau {level}',
    providedBy: 'Organisée par',
    issuedOn: 'Délivrée le {date}',
    verifyAt: 'Vérifier cette attestation',
    criteria: 'Présence à toutes les journées de la formation « {course} » ({hours} heures) et achèvement.',
    pageTitle: 'Vérification d’une attestation',
    valid:
      'Cette attestation est authentique : signée par la plateforme Nassij, inchangée depuis sa délivrance.',
    invalid: 'Cette attestation n’est pas valide.',
    notFound: 'Aucune attestation ne porte cet identifiant.',
    reasons: {
      malformed: 'Le document n’est pas une attestation lisible.',
      issuer_unknown: 'Aucune clé de la plateforme ne l’a signée.',
      signature_invalid: 'Elle a été modifiée après sa signature.',
      expired: 'Elle a expiré.',
      revoked: 'Elle a été révoquée.',
    },
    issuer: 'Émetteur',
    participant: 'Participant(e)',
    course: 'Formation',
    downloadPdf: 'Télécharger l’attestation (PDF)',
    downloadJson: 'Attestation numérique (Open Badges 3.0)',
    platform: 'Plateforme Nassij',
    languages: 'Langues',
  },
  zgh: {
    title: 'ⵜⴰⵙⵏⵉⵍⵜ ⵏ ⵓⵙⵍⵎⴷ',
    awardedTo: 'ⵜⴰⵙⵓⵜⵓⵜ ⵏ ⵏⴰⵙⵉⵊ ⵜⵙⵏⵉⵍ ⵎⴰⵙ',
    ofAssociation: 'ⵙⴳ ⵜⵎⵙⵙⵓⴷⴰⵙⵜ',
    forCompleting: 'ⵉⵙⵎⴷ ⴰⵙⵍⵎⴷ',
    held: 'ⵙⴳ {from} ⴰⵔ {to}',
    hours: 'ⵜⴰⵣⵣⵉⵔⵜ: {hours} ⵜⵙⵔⴰⴳⵜ',
    competencies: 'ⵜⵉⵣⵎⵔⴰ ⵉⵜⵜⵓⵎⵓⵥⵏ',
    level: 'ⴰⵙⵡⵉⵔ {level}',
    providedBy: 'ⵉⵙⵏⵓⵊⵊⵎ ⵜ',
    issuedOn: 'ⵜⵜⵓⴼⴽⴰ ⴳ {date}',
    verifyAt: 'ⵙⵏⵇⴷ ⵜⴰⵙⵏⵉⵍⵜ ⴰ',
    criteria: 'ⴰⵙⵎⵓⵏ ⴳ ⴽⵓ ⴰⵙⵙ ⵏ ⵓⵙⵍⵎⴷ «{course}» ({hours} ⵜⵙⵔⴰⴳⵜ) ⴷ ⵓⵙⵎⴷ ⵏⵏⵙ.',
    pageTitle: 'ⴰⵙⵏⵇⴷ ⵏ ⵜⵙⵏⵉⵍⵜ',
    valid: 'ⵜⴰⵙⵏⵉⵍⵜ ⴰ ⵜⵚⵃⴰ: ⵜⵙⵙⵓⵎⴰ ⵜⵜ ⵜⵙⵓⵜⵓⵜ ⵏ ⵏⴰⵙⵉⵊ, ⵓⵔ ⵜⵜⵓⵙⵏⴼⵍ.',
    invalid: 'ⵜⴰⵙⵏⵉⵍⵜ ⴰ ⵓⵔ ⵜⵚⵃⵉ.',
    notFound: 'ⵓⵍⴰ ⵜⴰⵙⵏⵉⵍⵜ ⵙ ⵓⵙⴰⵖ ⴰ.',
    reasons: {
      malformed: 'ⵜⴰⵙⵏⴰⴷ ⴰ ⵓⵔ ⵜⴳⵉ ⵜⴰⵙⵏⵉⵍⵜ ⵉⵜⵜⵓⵖⵔⴰⵏ.',
      issuer_unknown: 'ⵓⵔ ⵜⵙⵙⵓⵎⴰ ⵜⵜ ⴽⵔⴰ ⵏ ⵜⵙⴰⵔⵓⵜ ⵏ ⵜⵙⵓⵜⵓⵜ.',
      signature_invalid: 'ⵜⵜⵓⵙⵏⴼⵍ ⴷⴼⴼⵉⵔ ⵏ ⵓⵙⵙⵓⵎⴰ.',
      expired: 'ⵜⵣⵔⵉ ⵜⵉⵣⵉ ⵏⵏⵙ.',
      revoked: 'ⵜⵜⵓⴽⴽⵙ.',
    },
    issuer: 'ⴰⵎⵙⵉⵡⵍ',
    participant: 'ⴰⵎⴷⵔⴰⵡ',
    course: 'ⴰⵙⵍⵎⴷ',
    downloadPdf: 'ⴰⴳⵎ ⵜⴰⵙⵏⵉⵍⵜ (PDF)',
    downloadJson: 'ⵜⴰⵙⵏⵉⵍⵜ ⵜⴰⵏⵓⵎⵉⵜ (Open Badges 3.0)',
    platform: 'ⵜⴰⵙⵓⵜⵓⵜ ⵏ ⵏⴰⵙⵉⵊ',
    languages: 'ⵜⵓⵜⵍⴰⵢⵉⵏ',
  },
  en: {
    title: 'Certificate of training',
    awardedTo: 'The Nassij platform certifies that',
    ofAssociation: 'of the association',
    forCompleting: 'completed the training',
    held: 'held from {from} to {to}',
    hours: 'Duration: {hours} hours',
    competencies: 'Competencies acquired',
    level: 'level {level}',
    providedBy: 'Provided by',
    issuedOn: 'Issued on {date}',
    verifyAt: 'Verify this certificate',
    criteria: 'Attended every day of the training “{course}” ({hours} hours) and completed it.',
    pageTitle: 'Certificate verification',
    valid: 'This certificate is genuine: signed by the Nassij platform and unchanged since it was issued.',
    invalid: 'This certificate is not valid.',
    notFound: 'No certificate has this identifier.',
    reasons: {
      malformed: 'The document is not a readable certificate.',
      issuer_unknown: 'No key of the platform signed it.',
      signature_invalid: 'It was changed after it was signed.',
      expired: 'It has expired.',
      revoked: 'It was revoked.',
    },
    issuer: 'Issuer',
    participant: 'Participant',
    course: 'Training',
    downloadPdf: 'Download the certificate (PDF)',
    downloadJson: 'Digital credential (Open Badges 3.0)',
    platform: 'Nassij platform',
    languages: 'Languages',
  },
};

/**
 * Fills `{name}` placeholders.
 *
 * @example
 * ```ts
 * fill('Issued on {date}', { date: '14 May 2026' }); // 'Issued on 14 May 2026'
 * ```
 */
export function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}
