import type { Message } from '../messages.js';

/**
 * Messages for the error codes a reachable platform answers with (validation, conflicts, deadlines…), in
 * Arabic. Fetched with the first failure rather than bundled: most readers never see one. The codes a reader
 * meets offline (`network_error`, `timeout`, `offline`) and `unknown` stay in the bundled shared catalog.
 */
export const ar = {
  'error.bad_request': 'تعذّر فهم الطلب.',
  'error.validation_failed': 'بعض الحقول تحتاج إلى تصحيح.',
  'error.unauthenticated': 'يرجى تسجيل الدخول للمتابعة.',
  'error.invalid_credentials': 'بيانات الدخول غير صحيحة.',
  'error.token_expired': 'انتهت صلاحية الجلسة. يرجى تسجيل الدخول من جديد.',
  'error.forbidden': 'غير مسموح لك بالقيام بهذا الإجراء.',
  'error.not_found': 'تعذّر العثور على هذه الصفحة أو هذا العنصر.',
  'error.method_not_allowed': 'هذا الإجراء غير متاح.',
  'error.conflict': 'تم تعديل هذا العنصر في الأثناء. أعد التحميل ثم حاول مجددًا.',
  'error.already_exists': 'هذا العنصر موجود مسبقًا.',
  'error.already_supported': 'سبق لك أن قدّمت دعمك.',
  'error.already_registered': 'أنت مسجَّل مسبقًا.',
  'error.invalid_state': 'هذا الإجراء غير ممكن في هذه المرحلة.',
  'error.deadline_passed': 'انقضى الأجل المحدد.',
  'error.phase_closed': 'هذه المرحلة مغلقة.',
  'error.not_eligible': 'أنت غير مؤهَّل.',
  'error.conflict_of_interest': 'لا يمكنك القيام بذلك بسبب تضارب المصالح.',
  'error.declaration_required': 'صرّح أولا بوجود أو عدم وجود تضارب في المصالح قبل الاطلاع على هذا الطلب.',
  'error.call_still_open': 'ما زال طلب المشاريع مفتوحا: لا يمكن اتخاذ القرار قبل إغلاقه.',
  'error.reviews_incomplete': 'لم يكتمل عدد التقييمات المطلوبة لهذا الطلب بعد.',
  'error.precondition_failed': 'تم تعديل هذا العنصر في الأثناء. أعد التحميل ثم حاول مجددًا.',
  'error.precondition_required': 'أعد تحميل العنصر قبل تعديله.',
  'error.payload_too_large': 'حجم ما أرسلته كبير جدًا.',
  'error.unsupported_media_type': 'هذه الصيغة غير مدعومة.',
  'error.file_type_not_allowed': 'نوع هذا الملف غير مقبول.',
  'error.file_too_large': 'حجم هذا الملف كبير جدًا.',
  'error.idempotency_key_reused': 'سبق إرسال هذا الطلب بمحتوى مختلف.',
  'error.rate_limited': 'طلبات كثيرة جدًا. انتظر قليلًا ثم حاول مجددًا.',
  'error.origin_not_allowed': 'هذا الموقع غير مأذون له باستعمال المنصة.',
  'error.internal': 'واجهت المنصة مشكلة. حاول مجددًا لاحقًا.',
  'error.unavailable': 'المنصة غير متاحة حاليًا. حاول مجددًا لاحقًا.',
  'error.document_expired': 'انتهت صلاحية إحدى الوثائق. أضِف نسخة محيّنة إلى خزانة الوثائق ثم أعد المحاولة.',
  'error.password_too_short': 'كلمة المرور قصيرة جدًا: 15 حرفًا على الأقل.',
  'error.password_too_long': 'كلمة المرور طويلة جدًا.',
  'error.password_breached': 'كلمة المرور هذه شائعة جدًا أو سبق تسريبها. اختر غيرها.',
  'error.password_context': 'لا تستعمل بريدك الإلكتروني أو اسمك أو اسم المنصة كلمةً للمرور.',
  'error.email_not_verified': 'لم يتم تأكيد بريدك الإلكتروني بعد. افتح الرابط الذي أرسلناه إليك.',
  'error.link_invalid': 'هذا الرابط غير صالح.',
  'error.link_expired': 'انتهت صلاحية هذا الرابط. اطلب رابطًا جديدًا.',
  'error.link_used': 'سبق استعمال هذا الرابط.',
  'error.receipt_already_claimed':
    'رقم وصل الإيداع هذا مطالَب به أو مؤكَّد من قبل. إن كان يخص جمعيتك فاتصل بالمنصة.',
  'error.registry_mismatch': 'لا يطابق الطلب سجل الجمعيات: تحقق من رقم الوصل واسم الجمعية.',
  'error.already_member_elsewhere': 'هذا العنوان يشغل الدور نفسه في جمعية أخرى.',
  'error.no_articles_detected':
    'لم نجد أي مادة في النص: ابدأ كل مادة بعنوانها، مثل «المادة 1» أو «المادة الأولى».',
  'error.removed_article_has_contributions':
    'لبعض المواد المحذوفة مساهمات: أبقوا هذه المواد أو أكدوا الاحتفاظ بمساهماتها.',
  'error.participant_not_member': 'المشارك ليس عضوا في هذه الجمعية.',
  'error.capacity_below_confirmed': 'لا يمكن أن تقل الطاقة الاستيعابية عن عدد التسجيلات المؤكدة.',
  'error.not_registered': 'هذا الشخص غير مسجل في هذه الدورة.',
  'error.synthesis_incomplete': 'لم تكتمل الحصيلة بعد: حددوا مآل كل توصية وتعديل وسببه.',
  'error.registration_incomplete': 'لا تُمنح الشهادة إلا بعد إتمام التكوين.',
  'error.webhook_limit_reached':
    'تم بلوغ الحد الأقصى لعدد عناوين استقبال الإشعارات الآلية. احذف عنوانًا قبل إضافة آخر.',
  'error.member_limit_reached':
    'بلغت الجمعية الحد الأقصى لعدد الأعضاء. أزل عضوا أو انتظر انتهاء دعوة قبل دعوة آخر.',
  'error.invalid_response': 'ردّت المنصة بجواب غير متوقَّع. حاول مجددًا لاحقًا.',
  'error.aborted': 'تم إلغاء العملية.',
  'error.popup_blocked': 'منع المتصفح نافذة تسجيل الدخول. اسمح بالنوافذ المنبثقة ثم أعد المحاولة.',
  'error.popup_closed': 'أُغلقت نافذة تسجيل الدخول قبل إتمامه.',
} satisfies Record<string, Message>;

/** A key of the error catalogs; the Arabic catalog is the reference every locale must match. */
export type ErrorMessageKey = keyof typeof ar;

export default ar;
