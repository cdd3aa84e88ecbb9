// What the platform tells signed-in people about their own files, in the four languages (Arabic is the
// source; the Tamazight strings want a native speaker's review before release). Only wording lives here: who
// is told is recipients.ts, when is notices.ts and reminders.ts, the layout is the mail module's.
import type { Locale } from '@nassij/contract';
import type { MailContent } from '../../mail/layout.js';

/** The kinds of message this area queues (the outbox's `kind`, stable for tests and counting). */
export type NoticeKind =
  | 'application.received'
  | 'application.eligibility'
  | 'application.decision'
  | 'training.promoted'
  | 'training.reminder'
  | 'contribution.moderated'
  | 'award-report.due';

/** The facts of each kind of message, already in the recipient's language (dates formatted, texts picked). */
export interface NoticeFacts {
  'application.received': { callTitle: string; callReference: string; receiptNumber: string; at: string };
  'application.eligibility': {
    callTitle: string;
    callReference: string;
    admissible: boolean;
    reason?: string | undefined;
  };
  'application.decision': {
    callTitle: string;
    callReference: string;
    awarded: boolean;
    amount?: string | undefined;
    conditions?: string | undefined;
    reason?: string | undefined;
    appealUntil?: string | undefined;
  };
  'training.promoted': { course: string; participant: string; start: string };
  'training.reminder': { course: string; participant: string; start: string };
  'contribution.moderated': { consultation: string; published: boolean; reason?: string | undefined };
  'award-report.due': { callTitle: string; report: string; dueOn: string };
}

/** One message: its subject, its paragraphs and why the reader gets it. */
interface Said {
  subject: string;
  paragraphs: string[];
  footer: string;
}

type Wording = { greeting: (name: string) => string } & {
  [K in NoticeKind]: (facts: NoticeFacts[K]) => Said;
};

/** A labelled line (`Motif : …`) only when the value is there. */
const line = (label: string, value: string | undefined): string[] =>
  value === undefined || value.trim() === '' ? [] : [`${label}\n${value}`];

const WORDING: Record<Locale, Wording> = {
  ar: {
    greeting: (name) => `مرحبا ${name}،`,
    'application.received': (f) => ({
      subject: `وصل إيداع طلبكم ${f.receiptNumber}`,
      paragraphs: [
        `أُودع طلب جمعيتكم في طلب الدعم «${f.callTitle}» (${f.callReference}).`,
        `رقم الوصل: ${f.receiptNumber}\nتاريخ الإيداع: ${f.at} (بتوقيت الدار البيضاء)`,
        'احتفظوا بهذا الرقم: يُثبت أن الطلب أُودع في أجله.',
      ],
      footer: 'وصلتكم هذه الرسالة لأنكم أعضاء في الجمعية التي أودعت هذا الطلب على منصة نسيج.',
    }),
    'application.eligibility': (f) => ({
      subject: f.admissible
        ? `طلبكم في ${f.callReference} مقبول شكلا`
        : `طلبكم في ${f.callReference} غير مقبول شكلا`,
      paragraphs: [
        f.admissible
          ? `استوفى طلب جمعيتكم في طلب الدعم «${f.callTitle}» شروط الأهلية، وانتقل إلى مرحلة التقييم.`
          : `لم يستوفِ طلب جمعيتكم في طلب الدعم «${f.callTitle}» شروط الأهلية، ولن يُقيَّم.`,
        ...line('السبب:', f.reason),
      ],
      footer: 'وصلتكم هذه الرسالة لأنكم أعضاء في الجمعية صاحبة هذا الطلب على منصة نسيج.',
    }),
    'application.decision': (f) => ({
      subject: f.awarded
        ? `قرار بشأن طلبكم في ${f.callReference}: منح الدعم`
        : `قرار بشأن طلبكم في ${f.callReference}: رفض`,
      paragraphs: [
        f.awarded
          ? `قُرّر منح الدعم لطلب جمعيتكم في طلب الدعم «${f.callTitle}».`
          : `قُرّر رفض طلب جمعيتكم في طلب الدعم «${f.callTitle}».`,
        ...line('المبلغ:', f.amount),
        ...line('الشروط:', f.conditions),
        ...line('التعليل:', f.reason),
        ...line('يمكنكم الطعن في القرار إلى غاية:', f.appealUntil),
      ],
      footer: 'وصلتكم هذه الرسالة لأنكم أعضاء في الجمعية صاحبة هذا الطلب على منصة نسيج.',
    }),
    'training.promoted': (f) => ({
      subject: `تأكّد تسجيل ${f.participant} في «${f.course}»`,
      paragraphs: [
        `تحرّر مقعد في دورة «${f.course}»: انتقل تسجيل ${f.participant} من لائحة الانتظار إلى التسجيل المؤكَّد.`,
        `تبدأ الدورة يوم ${f.start} (بتوقيت الدار البيضاء).`,
      ],
      footer: 'وصلتكم هذه الرسالة لأن جمعيتكم سجّلت هذا المشارك في دورة تكوينية على منصة نسيج.',
    }),
    'training.reminder': (f) => ({
      subject: `تذكير: «${f.course}» تبدأ غدا`,
      paragraphs: [
        `تبدأ دورة «${f.course}» التي سُجّل فيها ${f.participant} يوم ${f.start} (بتوقيت الدار البيضاء).`,
        'إن تعذّر الحضور، ألغوا التسجيل ليستفيد من المقعد شخص في لائحة الانتظار.',
      ],
      footer: 'وصلتكم هذه الرسالة لأن جمعيتكم سجّلت هذا المشارك في دورة تكوينية على منصة نسيج.',
    }),
    'contribution.moderated': (f) => ({
      subject: f.published ? 'نُشرت مساهمتكم' : 'أُخفيت مساهمتكم',
      paragraphs: [
        f.published
          ? `نُشرت مساهمتكم في الاستشارة «${f.consultation}» بعد مراجعتها.`
          : `أُخفيت مساهمتكم في الاستشارة «${f.consultation}» بعد مراجعتها.`,
        ...line('السبب:', f.reason),
      ],
      footer: 'وصلتكم هذه الرسالة لأنكم صاحب هذه المساهمة على منصة نسيج.',
    }),
    'award-report.due': (f) => ({
      subject: `تذكير: «${f.report}» مستحق يوم ${f.dueOn}`,
      paragraphs: [
        `يحلّ أجل «${f.report}» الخاص بالدعم الممنوح لجمعيتكم في طلب الدعم «${f.callTitle}» يوم ${f.dueOn}.`,
        'أودعوه على منصة نسيج قبل هذا التاريخ.',
      ],
      footer: 'وصلتكم هذه الرسالة لأنكم أعضاء في جمعية حصلت على دعم يتطلب هذا التقرير على منصة نسيج.',
    }),
  },
  fr: {
    greeting: (name) => `Bonjour ${name},`,
    'application.received': (f) => ({
      subject: `Récépissé de votre candidature ${f.receiptNumber}`,
      paragraphs: [
        `La candidature de votre association à l’appel « ${f.callTitle} » (${f.callReference}) est déposée.`,
        `Numéro de récépissé : ${f.receiptNumber}\nDéposée le : ${f.at} (heure de Casablanca)`,
        'Gardez ce numéro : il prouve que la candidature a été déposée dans les délais.',
      ],
      footer:
        'Vous recevez ce message parce que vous êtes membre de l’association qui a déposé cette candidature sur Nassij.',
    }),
    'application.eligibility': (f) => ({
      subject: f.admissible
        ? `Votre candidature à ${f.callReference} est recevable`
        : `Votre candidature à ${f.callReference} n’est pas recevable`,
      paragraphs: [
        f.admissible
          ? `La candidature de votre association à l’appel « ${f.callTitle} » remplit les conditions d’éligibilité ; elle passe à l’évaluation.`
          : `La candidature de votre association à l’appel « ${f.callTitle} » ne remplit pas les conditions d’éligibilité ; elle ne sera pas évaluée.`,
        ...line('Motif :', f.reason),
      ],
      footer:
        'Vous recevez ce message parce que vous êtes membre de l’association qui a déposé cette candidature sur Nassij.',
    }),
    'application.decision': (f) => ({
      subject: f.awarded
        ? `Décision sur votre candidature à ${f.callReference} : subvention accordée`
        : `Décision sur votre candidature à ${f.callReference} : rejet`,
      paragraphs: [
        f.awarded
          ? `Une subvention est accordée à la candidature de votre association à l’appel « ${f.callTitle} ».`
          : `La candidature de votre association à l’appel « ${f.callTitle} » est rejetée.`,
        ...line('Montant :', f.amount),
        ...line('Conditions :', f.conditions),
        ...line('Motif :', f.reason),
        ...line('Vous pouvez former un recours jusqu’au :', f.appealUntil),
      ],
      footer:
        'Vous recevez ce message parce que vous êtes membre de l’association qui a déposé cette candidature sur Nassij.',
    }),
    'training.promoted': (f) => ({
      subject: `Inscription de ${f.participant} confirmée à « ${f.course} »`,
      paragraphs: [
        `Une place s’est libérée dans la formation « ${f.course} » : ${f.participant} passe de la liste d’attente à une inscription confirmée.`,
        `La session commence le ${f.start} (heure de Casablanca).`,
      ],
      footer:
        'Vous recevez ce message parce que votre association a inscrit cette personne à une formation sur Nassij.',
    }),
    'training.reminder': (f) => ({
      subject: `Rappel : « ${f.course} » commence demain`,
      paragraphs: [
        `La formation « ${f.course} », à laquelle ${f.participant} est inscrit·e, commence le ${f.start} (heure de Casablanca).`,
        'En cas d’empêchement, annulez l’inscription : la place ira à la première personne en liste d’attente.',
      ],
      footer:
        'Vous recevez ce message parce que votre association a inscrit cette personne à une formation sur Nassij.',
    }),
    'contribution.moderated': (f) => ({
      subject: f.published ? 'Votre contribution est publiée' : 'Votre contribution est masquée',
      paragraphs: [
        f.published
          ? `Après modération, votre contribution à la consultation « ${f.consultation} » est publiée.`
          : `Après modération, votre contribution à la consultation « ${f.consultation} » est masquée.`,
        ...line('Motif :', f.reason),
      ],
      footer: 'Vous recevez ce message parce que vous êtes l’auteur·e de cette contribution sur Nassij.',
    }),
    'award-report.due': (f) => ({
      subject: `Rappel : « ${f.report} » attendu le ${f.dueOn}`,
      paragraphs: [
        `Le document « ${f.report} » de la subvention accordée à votre association pour l’appel « ${f.callTitle} » est attendu le ${f.dueOn}.`,
        'Déposez-le sur Nassij avant cette date.',
      ],
      footer:
        'Vous recevez ce message parce que vous êtes membre d’une association subventionnée qui doit ce rapport sur Nassij.',
    }),
  },
  zgh: {
    greeting: (name) => `ⴰⵣⵓⵍ ${name},`,
    'application.received': (f) => ({
      subject: `ⴰⵡⵚⵍ ⵏ ⵜⵓⵜⵔⴰ ⵏⵏⵓⵏ ${f.receiptNumber}`,
      paragraphs: [
        `ⵜⵜⵓⵣⵏ ⵜⵓⵜⵔⴰ ⵏ ⵜⵎⵓⵙⵙⵓⵏⵜ ⵏⵏⵓⵏ ⵉ ⵓⵙⵓⵜⵔ «${f.callTitle}» (${f.callReference}).`,
        `ⵓⵟⵟⵓⵏ ⵏ ⵓⵡⵚⵍ: ${f.receiptNumber}\nⴰⵙⴰⴽⵓⴷ: ${f.at} (ⴰⴽⵓⴷ ⵏ ⵜⴰⴷⴷⴰⵔⵜ ⵜⵓⵎⵍⵉⵍⵜ)`,
        'ⵃⴹⵓ ⴰⵟⵟⵓⵏ ⴰ: ⵉⵙⵙⴽⴰⵏ ⵉⵙ ⵜⵜⵓⵣⵏ ⵜⵓⵜⵔⴰ ⴳ ⵓⴽⵓⴷ ⵏⵏⵙ.',
      ],
      footer: 'ⵜⵜⵓⵣⵏ ⵜⴱⵔⴰⵜ ⴰⴷ ⵉⵏⵏⵓⵏ ⴰⵛⴽⵓ ⵜⴳⴰⵎ ⵉⵎⴷⵓⴽⴰⵍ ⵏ ⵜⵎⵓⵙⵙⵓⵏⵜ ⵍⵍⵉ ⵢⵓⵣⵏⵏ ⵜⵓⵜⵔⴰ ⴰⴷ ⴳ ⵏⵙⵙⵉⵊ.',
    }),
    'application.eligibility': (f) => ({
      subject: f.admissible
        ? `ⵜⵓⵜⵔⴰ ⵏⵏⵓⵏ ⵉ ${f.callReference} ⵜⵜⵓⵇⴱⵍ`
        : `ⵜⵓⵜⵔⴰ ⵏⵏⵓⵏ ⵉ ${f.callReference} ⵓⵔ ⵜⵜⵓⵇⴱⵍ`,
      paragraphs: [
        f.admissible
          ? `ⵜⵓⵜⵔⴰ ⵏ ⵜⵎⵓⵙⵙⵓⵏⵜ ⵏⵏⵓⵏ ⵉ ⵓⵙⵓⵜⵔ «${f.callTitle}» ⵜⵙⵎⴷⴰ ⵜⵉⴼⴰⴷⵏ; ⵜⵣⵔⵉ ⵖⵔ ⵓⵙⴰⵜⵉ.`
          : `ⵜⵓⵜⵔⴰ ⵏ ⵜⵎⵓⵙⵙⵓⵏⵜ ⵏⵏⵓⵏ ⵉ ⵓⵙⵓⵜⵔ «${f.callTitle}» ⵓⵔ ⵜⵙⵎⴷⴰ ⵜⵉⴼⴰⴷⵏ; ⵓⵔ ⵜⵜⵓⵙⴰⵜⴰ.`,
        ...line('ⴰⵙⵔⴰⴳ:', f.reason),
      ],
      footer: 'ⵜⵜⵓⵣⵏ ⵜⴱⵔⴰⵜ ⴰⴷ ⵉⵏⵏⵓⵏ ⴰⵛⴽⵓ ⵜⴳⴰⵎ ⵉⵎⴷⵓⴽⴰⵍ ⵏ ⵜⵎⵓⵙⵙⵓⵏⵜ ⵍⵍⵉ ⵢⵓⵣⵏⵏ ⵜⵓⵜⵔⴰ ⴰⴷ ⴳ ⵏⵙⵙⵉⵊ.',
    }),
    'application.decision': (f) => ({
      subject: f.awarded
        ? `ⴰⵙⵜⴰⵢ ⵅⴼ ⵜⵓⵜⵔⴰ ⵏⵏⵓⵏ ⵉ ${f.callReference}: ⵜⵜⵓⴼⴽⴰ ⵜⵉⵡⵉⵙⵉ`
        : `ⴰⵙⵜⴰⵢ ⵅⴼ ⵜⵓⵜⵔⴰ ⵏⵏⵓⵏ ⵉ ${f.callReference}: ⵜⵜⵓⴳⴷⵍ`,
      paragraphs: [
        f.awarded
          ? `ⵜⵜⵓⴼⴽⴰ ⵜⵉⵡⵉⵙⵉ ⵉ ⵜⵓⵜⵔⴰ ⵏ ⵜⵎⵓⵙⵙⵓⵏⵜ ⵏⵏⵓⵏ ⴳ ⵓⵙⵓⵜⵔ «${f.callTitle}».`
          : `ⵜⵜⵓⴳⴷⵍ ⵜⵓⵜⵔⴰ ⵏ ⵜⵎⵓⵙⵙⵓⵏⵜ ⵏⵏⵓⵏ ⴳ ⵓⵙⵓⵜⵔ «${f.callTitle}».`,
        ...line('ⴰⵙⵎⴰⴽ:', f.amount),
        ...line('ⵜⵉⴼⴰⴷⵏ:', f.conditions),
        ...line('ⴰⵙⵔⴰⴳ:', f.reason),
        ...line('ⵜⵣⵎⵔⵎ ⴰⴷ ⵜⴰⵍⵙⵎ ⵜⵓⵜⵔⴰ ⴰⵔ:', f.appealUntil),
      ],
      footer: 'ⵜⵜⵓⵣⵏ ⵜⴱⵔⴰⵜ ⴰⴷ ⵉⵏⵏⵓⵏ ⴰⵛⴽⵓ ⵜⴳⴰⵎ ⵉⵎⴷⵓⴽⴰⵍ ⵏ ⵜⵎⵓⵙⵙⵓⵏⵜ ⵍⵍⵉ ⵢⵓⵣⵏⵏ ⵜⵓⵜⵔⴰ ⴰⴷ ⴳ ⵏⵙⵙⵉⵊ.',
    }),
    'training.promoted': (f) => ({
      subject: `ⵉⵜⵜⵓⵙⵙⵏⵜⵎ ⵓⵣⵎⵎⴻⵎ ⵏ ${f.participant} ⴳ «${f.course}»`,
      paragraphs: [
        `ⵢⵓⵍⵍⵉ ⵢⴰⵏ ⵓⴷⵖⴰⵔ ⴳ ⵓⵙⵍⵎⴷ «${f.course}»: ${f.participant} ⵉⴼⴼⵖ ⵙⴳ ⵜⵍⴳⴰⵎⵜ ⵏ ⵓⵔⵊⵊⵓ, ⵉⵜⵜⵓⵙⵙⵏⵜⵎ ⵓⵣⵎⵎⴻⵎ ⵏⵏⵙ.`,
        `ⴰⵙⵍⵎⴷ ⴰⴷ ⵉⴱⴷⵓ ⴳ ${f.start} (ⴰⴽⵓⴷ ⵏ ⵜⴰⴷⴷⴰⵔⵜ ⵜⵓⵎⵍⵉⵍⵜ).`,
      ],
      footer: 'ⵜⵜⵓⵣⵏ ⵜⴱⵔⴰⵜ ⴰⴷ ⵉⵏⵏⵓⵏ ⴰⵛⴽⵓ ⵜⵣⵎⵎⴻⵎ ⵜⵎⵓⵙⵙⵓⵏⵜ ⵏⵏⵓⵏ ⴰⵎⴷⴰⴽⴽⵯⵍ ⴰ ⴳ ⵓⵙⵍⵎⴷ ⴳ ⵏⵙⵙⵉⵊ.',
    }),
    'training.reminder': (f) => ({
      subject: `ⴰⵙⵎⵜⵜⵉ: «${f.course}» ⵉⴱⴷⴷⵓ ⴰⵣⴽⴽⴰ`,
      paragraphs: [
        `ⴰⵙⵍⵎⴷ «${f.course}» ⵍⵍⵉ ⴳ ⵉⵣⵎⵎⴻⵎ ${f.participant} ⵉⴱⴷⴷⵓ ⴳ ${f.start} (ⴰⴽⵓⴷ ⵏ ⵜⴰⴷⴷⴰⵔⵜ ⵜⵓⵎⵍⵉⵍⵜ).`,
        'ⵎⴽ ⵓⵔ ⵜⵣⵎⵉⵔⵎ ⴰⴷ ⴷ ⵜⴰⵡⵉⵎ, ⵙⵙⵔⵖ ⴰⵣⵎⵎⴻⵎ ⴰⴷ ⵢⴰⵡⵉ ⴰⴷⵖⴰⵔ ⵡⵉⵏⵏ ⵢⵓⵎⵥⵏ ⵜⵉⵣⵡⵉⵔⵉ ⴳ ⵜⵍⴳⴰⵎⵜ ⵏ ⵓⵔⵊⵊⵓ.',
      ],
      footer: 'ⵜⵜⵓⵣⵏ ⵜⴱⵔⴰⵜ ⴰⴷ ⵉⵏⵏⵓⵏ ⴰⵛⴽⵓ ⵜⵣⵎⵎⴻⵎ ⵜⵎⵓⵙⵙⵓⵏⵜ ⵏⵏⵓⵏ ⴰⵎⴷⴰⴽⴽⵯⵍ ⴰ ⴳ ⵓⵙⵍⵎⴷ ⴳ ⵏⵙⵙⵉⵊ.',
    }),
    'contribution.moderated': (f) => ({
      subject: f.published ? 'ⵜⵜⵓⵥⵕⴰ ⵜⵓⵎⵓⵔⵜ ⵏⵏⵓⵏ' : 'ⵜⵜⵓⴼⴼⵔ ⵜⵓⵎⵓⵔⵜ ⵏⵏⵓⵏ',
      paragraphs: [
        f.published
          ? `ⴷⴼⴼⵉⵔ ⵓⵙⵏⵎⴰⵍ, ⵜⵜⵓⵥⵕⴰ ⵜⵓⵎⵓⵔⵜ ⵏⵏⵓⵏ ⴳ ⵓⵎⵙⵙⵓⵎⴷ «${f.consultation}».`
          : `ⴷⴼⴼⵉⵔ ⵓⵙⵏⵎⴰⵍ, ⵜⵜⵓⴼⴼⵔ ⵜⵓⵎⵓⵔⵜ ⵏⵏⵓⵏ ⴳ ⵓⵎⵙⵙⵓⵎⴷ «${f.consultation}».`,
        ...line('ⴰⵙⵔⴰⴳ:', f.reason),
      ],
      footer: 'ⵜⵜⵓⵣⵏ ⵜⴱⵔⴰⵜ ⴰⴷ ⵉⵏⵏⵓⵏ ⴰⵛⴽⵓ ⴽⵏⵏⵉ ⴰⵢ ⵢⵓⵔⵉⵏ ⵜⵓⵎⵓⵔⵜ ⴰ ⴳ ⵏⵙⵙⵉⵊ.',
    }),
    'award-report.due': (f) => ({
      subject: `ⴰⵙⵎⵜⵜⵉ: «${f.report}» ⵉⵍⵍⴰ ⴳ ${f.dueOn}`,
      paragraphs: [
        `ⴰⴽⵓⴷ ⵏ «${f.report}» ⵏ ⵜⵉⵡⵉⵙⵉ ⵍⵍⵉ ⵢⵓⵙⵉⵏ ⵜⵎⵓⵙⵙⵓⵏⵜ ⵏⵏⵓⵏ ⴳ ⵓⵙⵓⵜⵔ «${f.callTitle}» ⵉⴳⴰ ${f.dueOn}.`,
        'ⴰⵣⵏⴰⵜ ⴳ ⵏⵙⵙⵉⵊ ⵇⴱⵍ ⴰⵙⴰⴽⵓⴷ ⴰ.',
      ],
      footer: 'ⵜⵜⵓⵣⵏ ⵜⴱⵔⴰⵜ ⴰⴷ ⵉⵏⵏⵓⵏ ⴰⵛⴽⵓ ⵜⴳⴰⵎ ⵉⵎⴷⵓⴽⴰⵍ ⵏ ⵜⵎⵓⵙⵙⵓⵏⵜ ⵍⵍⵉ ⵢⵓⵙⵉⵏ ⵜⵉⵡⵉⵙⵉ ⴳ ⵏⵙⵙⵉⵊ.',
    }),
  },
  en: {
    greeting: (name) => `Hello ${name},`,
    'application.received': (f) => ({
      subject: `Receipt of your application ${f.receiptNumber}`,
      paragraphs: [
        `Your association’s application to the call “${f.callTitle}” (${f.callReference}) is submitted.`,
        `Receipt number: ${f.receiptNumber}\nSubmitted: ${f.at} (Casablanca time)`,
        'Keep this number: it proves the application was submitted in time.',
      ],
      footer:
        'You receive this message because you are a member of the association that submitted this application on Nassij.',
    }),
    'application.eligibility': (f) => ({
      subject: f.admissible
        ? `Your application to ${f.callReference} is admissible`
        : `Your application to ${f.callReference} is not admissible`,
      paragraphs: [
        f.admissible
          ? `Your association’s application to the call “${f.callTitle}” meets the eligibility rules; it goes on to review.`
          : `Your association’s application to the call “${f.callTitle}” does not meet the eligibility rules; it will not be reviewed.`,
        ...line('Reason:', f.reason),
      ],
      footer:
        'You receive this message because you are a member of the association that submitted this application on Nassij.',
    }),
    'application.decision': (f) => ({
      subject: f.awarded
        ? `Decision on your application to ${f.callReference}: grant awarded`
        : `Decision on your application to ${f.callReference}: rejected`,
      paragraphs: [
        f.awarded
          ? `A grant is awarded to your association’s application to the call “${f.callTitle}”.`
          : `Your association’s application to the call “${f.callTitle}” is rejected.`,
        ...line('Amount:', f.amount),
        ...line('Conditions:', f.conditions),
        ...line('Reason:', f.reason),
        ...line('You may appeal until:', f.appealUntil),
      ],
      footer:
        'You receive this message because you are a member of the association that submitted this application on Nassij.',
    }),
    'training.promoted': (f) => ({
      subject: `${f.participant}’s registration to “${f.course}” is confirmed`,
      paragraphs: [
        `A seat came free in the training “${f.course}”: ${f.participant} moves from the waitlist to a confirmed registration.`,
        `The session starts on ${f.start} (Casablanca time).`,
      ],
      footer:
        'You receive this message because your association registered this person to a training on Nassij.',
    }),
    'training.reminder': (f) => ({
      subject: `Reminder: “${f.course}” starts tomorrow`,
      paragraphs: [
        `The training “${f.course}”, to which ${f.participant} is registered, starts on ${f.start} (Casablanca time).`,
        'If attending is no longer possible, cancel the registration: the seat goes to the first person on the waitlist.',
      ],
      footer:
        'You receive this message because your association registered this person to a training on Nassij.',
    }),
    'contribution.moderated': (f) => ({
      subject: f.published ? 'Your contribution is published' : 'Your contribution is hidden',
      paragraphs: [
        f.published
          ? `After moderation, your contribution to the consultation “${f.consultation}” is published.`
          : `After moderation, your contribution to the consultation “${f.consultation}” is hidden.`,
        ...line('Reason:', f.reason),
      ],
      footer: 'You receive this message because you wrote this contribution on Nassij.',
    }),
    'award-report.due': (f) => ({
      subject: `Reminder: “${f.report}” is due on ${f.dueOn}`,
      paragraphs: [
        `The “${f.report}” of the grant your association received from the call “${f.callTitle}” is due on ${f.dueOn}.`,
        'Submit it on Nassij before that date.',
      ],
      footer:
        'You receive this message because you are a member of an association whose grant asks for this report on Nassij.',
    }),
  },
};

/**
 * A message of this area in the recipient's language, ready for `composeMail`.
 *
 * @example
 * ```ts
 * const content = noticeMessage('fr', 'Amina', 'application.received', {
 *   callTitle: 'Appel', callReference: 'MA-MRP-2026-0001', receiptNumber: 'NSJ-2026-000042', at: '5 décembre 2026 à 10:15' });
 * const mail = composeMail('fr', content);
 * ```
 */
export function noticeMessage<K extends NoticeKind>(
  locale: Locale,
  name: string,
  kind: K,
  facts: NoticeFacts[K],
): MailContent {
  const words = WORDING[locale];
  const said = (words[kind] as (facts: NoticeFacts[K]) => Said)(facts);
  return {
    subject: said.subject,
    greeting: words.greeting(name),
    paragraphs: said.paragraphs,
    footer: said.footer,
  };
}
