import { defineMessages, type Message } from '../i18n/messages.js';

// The Tamazight (zgh) strings are drafts by engineers, to be reviewed by an IRCAM-trained translator.

/** Arabic messages of `<nassij-training-finder>`: bundled with the component, and the reference every locale must match. */
const ar = {
  'tf.title': 'دورات تقوية القدرات',
  'tf.tabs': 'الأقسام',
  'tf.tab.search': 'الدورات التكوينية',
  'tf.tab.mine': 'تسجيلاتي',
  'tf.search.label': 'البحث في الدورات',
  'tf.filters': 'عوامل التصفية',
  'tf.facet.competency': 'الكفاءة',
  'tf.facet.anyCompetency': 'كل الكفاءات',
  'tf.facet.level': 'المستوى',
  'tf.level.1': 'المستوى 1 — التمهيد',
  'tf.level.2': 'المستوى 2 — التعزيز',
  'tf.level.3': 'المستوى 3 — التمكن',
  'tf.levelShort': 'المستوى {level}',
  'tf.facet.modality': 'صيغة التكوين',
  'tf.modality.on_site': 'حضوري',
  'tf.modality.online': 'عن بعد',
  'tf.modality.blended': 'مختلط',
  'tf.facet.region': 'الجهة',
  'tf.facet.anyRegion': 'كل الجهات',
  'tf.facet.language': 'اللغة',
  'tf.lang.ar': 'العربية',
  'tf.lang.fr': 'الفرنسية',
  'tf.lang.zgh': 'الأمازيغية',
  'tf.lang.en': 'الإنجليزية',
  'tf.facet.dates': 'التواريخ',
  'tf.facet.from': 'من',
  'tf.facet.to': 'إلى',
  'tf.facet.other': 'التوفر',
  'tf.facet.free': 'مجاني',
  'tf.facet.seats': 'بمقاعد متاحة فقط',
  'tf.cost.free': 'مجاني',
  'tf.cost.paid': 'التكلفة: {amount}',
  'tf.duration': 'المدة: {hours} ساعة',
  'tf.provider': 'تنظيم: {name}',
  'tf.nextSessions': 'الدورات المقبلة',
  'tf.noSessions': 'لم تُبرمج أي دورة بعد.',
  'tf.when': 'من {start} إلى {end}',
  'tf.online': 'عن بعد',
  'tf.onlineOn': 'عن بعد ({platform})',
  'tf.sessionLang': 'باللغة {language}',
  'tf.state.open': 'التسجيل مفتوح',
  'tf.state.closed': 'التسجيل مغلق',
  'tf.state.suspended': 'التسجيل معلق',
  'tf.state.waitlist': 'مكتملة: لائحة الانتظار',
  'tf.register': 'تسجيل',
  'tf.joinWaitlist': 'التسجيل في لائحة الانتظار',
  'tf.registerFor': 'في {course}، {date}',
  'tf.addToCalendar': 'إضافة إلى تقويمي',
  'tf.sessionOf': '{course}، {date}',
  'tf.signInHint': 'أعضاء الجمعيات: سجلوا الدخول لتسجيل المشاركين.',
  'tf.noMatch': 'لا توجد دورة تطابق هذه المعايير.',
  'tf.dialog.title': 'تسجيل مشارك',
  'tf.dialog.association': 'الجمعية',
  'tf.dialog.noAssociation': 'حسابك ليس عضوًا في أي جمعية.',
  'tf.dialog.name': 'الاسم الكامل للمشارك',
  'tf.dialog.role': 'الصفة داخل الجمعية (اختياري)',
  'tf.dialog.notice':
    'القانون 09-08: يُستعمل الاسم والصفة فقط لتنظيم هذا التكوين وإصدار شهادته، ولا يطلع عليهما إلا جمعيتكم والمنظمون.',
  'tf.dialog.consent': 'يوافق المشارك على هذا الاستعمال لاسمه.',
  'tf.dialog.submit': 'تأكيد التسجيل',
  'tf.dialog.sending': 'جارٍ الإرسال…',
  'tf.result.confirmed': 'تم تأكيد تسجيل {name}.',
  'tf.result.waitlisted': 'الدورة مكتملة: {name} في لائحة الانتظار، الرتبة {position}.',
  'tf.result.requested': 'تم طلب تسجيل {name} وهو في انتظار التأكيد.',
  'tf.mine.empty': 'لا توجد تسجيلات بعد.',
  'tf.mine.participant': 'المشارك(ة): {name}',
  'tf.mine.position': 'الرتبة {position} في لائحة الانتظار',
  'tf.mine.session': 'الدورة {id}',
  'tf.mine.cancel': 'إلغاء التسجيل',
  'tf.cal.title': 'الاشتراك في تقويم دوراتي',
  'tf.cal.private':
    'هذا العنوان خاص بك: كل من يتوفر عليه يرى دوراتك التكوينية. أضفه إلى تطبيق التقويم كاشتراك ولا تشاركه مع أحد. طلب عنوان جديد يوقف العنوان السابق.',
  'tf.cal.issue': 'الحصول على عنوان تقويمي',
  'tf.cal.reissue': 'طلب عنوان جديد',
  'tf.cal.url': 'العنوان الخاص لتقويمي',
  'tf.cal.copy': 'نسخ العنوان',
  'tf.cal.copied': 'تم نسخ العنوان.',
  'tf.cal.open': 'الفتح في تطبيق التقويم',
  'tf.cancel.title': 'إلغاء هذا التسجيل؟',
  'tf.cancel.text': 'سيُمنح مقعد {name} للشخص الموالي في لائحة الانتظار.',
  'tf.cancel.confirm': 'نعم، ألغِ التسجيل',
  'tf.cancel.keep': 'الإبقاء عليه',
  'tf.cancel.done': 'تم إلغاء تسجيل {name}.',
  'tf.status.requested': 'مطلوب',
  'tf.status.confirmed': 'مؤكد',
  'tf.status.waitlisted': 'في لائحة الانتظار',
  'tf.status.cancelled': 'ملغى',
  'tf.status.attended': 'حضر',
  'tf.status.no_show': 'لم يحضر',
  'tf.status.completed': 'أتم التكوين',
  'tf.place': '{city}، {region}',
  'tf.languages': 'اللغات: {list}',
  'tf.error.association': 'اختاروا الجمعية.',
  'tf.error.name': 'أدخلوا الاسم الكامل للمشارك.',
  'tf.error.consent': 'موافقة المشارك ضرورية: ضعوا علامة في هذه الخانة.',
  'error.invalid_state': 'التسجيل مغلق في هذه الدورة.',
  'error.already_registered': 'هذا المشارك مسجل من قبل في هذه الدورة.',
  'error.forbidden': 'لا يمكن لحسابك تسجيل مشاركين باسم هذه الجمعية.',
} satisfies Record<string, Message>;

/** A message key of `<nassij-training-finder>`. */
export type TrainingFinderKey = keyof typeof ar;

/**
 * Catalogs of `<nassij-training-finder>`: Arabic in the bundle, French, Tamazight and English as small
 * chunks fetched the first time a reader needs them.
 *
 * @example
 * ```ts
 * await catalogProblems(trainingFinderMessages); // []
 * ```
 */
export const trainingFinderMessages = defineMessages(ar, {
  fr: () => import('./training-finder.messages.fr.js'),
  zgh: () => import('./training-finder.messages.zgh.js'),
  en: () => import('./training-finder.messages.en.js'),
});
