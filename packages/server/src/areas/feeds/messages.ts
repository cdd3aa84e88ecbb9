// What the feeds and calendars say, in the four languages (Arabic is the source). Status and phase words are
// the components' own, so a feed reads like the page it stands for. Only wording lives here.
import type { CallStatus, ConsultationPhase, LocalizedText, RegistrationStatus } from '@nassij/contract';

/** The platform's name, as the feeds' author and generator. */
export const PLATFORM_NAME: LocalizedText = { ar: 'نسيج', fr: 'Nassij', zgh: 'ⵏⵙⵙⵉⵊ', en: 'Nassij' };

/** Titles of the feeds and calendars. */
export const TITLES = {
  callsFeed: {
    ar: 'طلبات الدعم العمومي — نسيج',
    fr: 'Appels à soutien public — Nassij',
    zgh: 'ⵉⵙⵓⵜⵔⵏ ⵏ ⵓⵙⵏⴰⴷ — ⵏⵙⵙⵉⵊ',
    en: 'Calls for public support — Nassij',
  },
  consultationsFeed: {
    ar: 'الاستشارات العمومية — نسيج',
    fr: 'Consultations publiques — Nassij',
    en: 'Public consultations — Nassij',
  },
  synthesesFeed: {
    ar: 'خلاصات الاستشارات العمومية — نسيج',
    fr: 'Synthèses des consultations publiques — Nassij',
    en: 'Public consultation syntheses — Nassij',
  },
  callsCalendar: {
    ar: 'آجال طلبات الدعم — نسيج',
    fr: 'Échéances des appels — Nassij',
    en: 'Call deadlines — Nassij',
  },
  personalCalendar: {
    ar: 'دوراتي التكوينية — نسيج',
    fr: 'Mes sessions de formation — Nassij',
    en: 'My training sessions — Nassij',
  },
} satisfies Record<string, LocalizedText>;

/** Words before a date or a title in an event or an entry. */
export const LABELS = {
  deadline: { ar: 'آخر أجل', fr: 'Date limite', zgh: 'ⴰⵣⵎⵣ ⴰⵏⴳⴳⴰⵔⵓ', en: 'Deadline' },
  opens: { ar: 'افتتاح', fr: 'Ouverture', en: 'Opens' },
  reference: { ar: 'المرجع', fr: 'Référence', en: 'Reference' },
  synthesis: { ar: 'الخلاصة', fr: 'Synthèse', en: 'Synthesis' },
  closedEarly: { ar: 'أُغلق قبل أوانه', fr: 'Clôturé avant terme', en: 'Closed early' },
  participant: { ar: 'المشارك(ة)', fr: 'Participant·e', en: 'Participant' },
  online: { ar: 'عن بعد', fr: 'En ligne', en: 'Online' },
  casablancaTime: { ar: 'بتوقيت المغرب', fr: 'heure du Maroc', en: 'Moroccan time' },
} satisfies Record<string, LocalizedText>;

/** A call's status as the call list names it. */
export const CALL_STATUS: Record<CallStatus, LocalizedText> = {
  forecast: { ar: 'متوقَّع', fr: 'Prévisionnel', zgh: 'ⴰⵔ ⴷ ⵉⵜⵜⴰⵙ', en: 'Forecast' },
  open: { ar: 'مفتوح', fr: 'Ouvert', zgh: 'ⵉⵕⵥⵎ', en: 'Open' },
  closed: { ar: 'مُغلق', fr: 'Clôturé', zgh: 'ⵉⵔⴳⵍ', en: 'Closed' },
  under_review: { ar: 'قيد الدراسة', fr: 'En cours d’examen', zgh: 'ⴰⵔ ⵉⵜⵜⵓⵙⵙⵏⵇⴰⴷ', en: 'Under review' },
  awarded: { ar: 'تم الإسناد', fr: 'Attribué', zgh: 'ⵉⵜⵜⵓⴼⴽⴰ', en: 'Awarded' },
  cancelled: { ar: 'ملغى', fr: 'Annulé', zgh: 'ⵉⵜⵜⵓⵙⵔ', en: 'Cancelled' },
};

/** A consultation's phase as the consultation list names it. */
export const PHASE: Record<ConsultationPhase, LocalizedText> = {
  upcoming: { ar: 'قريبًا', fr: 'À venir', zgh: 'ⵙ ⴷⴰⵜ', en: 'Upcoming' },
  information: { ar: 'الإخبار', fr: 'Information', zgh: 'ⴰⵙⵙⵉⵏⴰ', en: 'Information' },
  contributions_open: {
    ar: 'تلقي المساهمات',
    fr: 'Contributions ouvertes',
    zgh: 'ⵜⵉⵜⵔⴰⵡⵉⵏ ⵕⵥⵎⵏⵜ',
    en: 'Contributions open',
  },
  closed: { ar: 'مغلقة', fr: 'Close', zgh: 'ⵉⵜⵜⵓⵇⵇⵏ', en: 'Closed' },
  synthesis_published: {
    ar: 'نشر الخلاصة',
    fr: 'Synthèse publiée',
    zgh: 'ⵜⴰⴳⵎⴰⵎⵜ ⵜⵜⵓⵥⵕⴳ',
    en: 'Synthesis published',
  },
};

/** A training registration's status. */
export const REGISTRATION_STATUS: Record<RegistrationStatus, LocalizedText> = {
  requested: { ar: 'مطلوب', fr: 'Demandée', en: 'Requested' },
  confirmed: { ar: 'مؤكَّد', fr: 'Confirmée', en: 'Confirmed' },
  waitlisted: { ar: 'في لائحة الانتظار', fr: 'En liste d’attente', en: 'Waitlisted' },
  cancelled: { ar: 'ملغى', fr: 'Annulée', zgh: 'ⵉⵜⵜⵓⵙⵔ', en: 'Cancelled' },
  attended: { ar: 'حضر', fr: 'Présent·e', en: 'Attended' },
  no_show: { ar: 'لم يحضر', fr: 'Absent·e', en: 'No show' },
  completed: { ar: 'أتمّ', fr: 'Terminée', en: 'Completed' },
};
