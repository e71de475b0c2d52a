// The UI's words (issue 27): every label, message, unit and name the pages
// show, in one table per language. Arabic is the UI's language and comes
// first; the English table has the same shape (`en: Strings`: tsc refuses a
// missing entry or one with other parameters), ready for a second language.
// Codes (slot ids, event kinds, modalities) stay in data-* attributes and in
// exports; only what they are called lives here. Grammar that differs by
// language (Arabic number agreement: تقرير واحد، تقريران، 3 تقارير، 11 تقريرا)
// is a function of the table, not of the page.
//
// No other file under web/src holds a user-visible literal:
// tests/web/ui_strings.test.mjs (ctest ui_strings) reads every component with
// the TypeScript parser and fails on an Arabic literal anywhere, or a Latin
// one reaching the page (an element's text, a title, an aria-label, a
// placeholder).

import { num } from './dom';

type Names = Record<string, string>;
const names = (x: Names): Names => x;

/** Arabic words of the server's own for a report without an outlet ("تقرير N",
 *  "وسيلة غير معروفة (التقرير N)"), read back to be named in the UI's language;
 *  the report's id is group 1 or 2. */
export const SERVER_REPORT_LABEL = /^(?:تقرير (\d+)|وسيلة غير معروفة \(التقرير (\d+)\))$/;

/** Arabic agreement of a counted noun: one, two, 3-10, 11 and more. */
function counted(n: number, one: string, two: string, few: string, many: string): string {
  if (n === 1) return one;
  if (n === 2) return two;
  return n >= 3 && n <= 10 ? `${num(n)} ${few}` : `${num(n)} ${many}`;
}

/** A country's name from its ISO 3166-1 code in `lang`; the code where the browser has none. */
function countryName(lang: string, code: string): string {
  try {
    return new Intl.DisplayNames([lang], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

const ar = {
  dir: 'rtl',
  chrome: {
    brand: 'مرصد', sections: 'الأقسام', stories: 'القصص', search: 'البحث', entities: 'الكيانات',
    map: 'الخريطة', alerts: 'التنبيهات', quickSearch: 'ابحث في التقارير…', quickSearchLabel: 'بحث',
    // The language switch names the other language, in that language.
    otherLanguage: 'English', switchLanguage: 'Switch the interface to English',
  },
  months: ['يناير', 'فبراير', 'مارس', 'أبريل', 'مايو', 'يونيو', 'يوليو',
    'أغسطس', 'سبتمبر', 'أكتوبر', 'نوفمبر', 'ديسمبر'],
  loadFailed: 'تعذّر التحميل: ',
  notFound: 'الصفحة غير موجودة',
  showAll: (n: number) => `عرض الكل (${num(n)})`,
  more: 'المزيد',
  previous: 'السابق',
  next: 'التالي',
  allTypes: 'كل الأنواع',
  unknownSource: 'مصدر غير معروف',
  unknown: 'غير معروف',
  unknownOutletPrefix: 'وسيلة غير معروفة',
  unknownOutlet: (id: number | string) => `وسيلة غير معروفة (التقرير ${id})`,
  theOutletItself: 'الوسيلة نفسها',
  report: (id: number) => `تقرير ${num(id)}`,
  story: (id: number | string) => `قصة ${num(Number(id))}`,
  theStory: 'القصة',
  inStory: (id: string) => `القصة ${id}`,
  reportCount: (n: number) => `${num(n)} تقرير`,
  storyCount: (n: number) => `${num(n)} قصة`,
  reports: (n: number) => counted(n, 'تقرير واحد', 'تقريران', 'تقارير', 'تقريرا'),
  sources: (n: number) => counted(n, 'مصدر واحد', 'مصدران', 'مصادر', 'مصدرا'),
  undated: 'غير مؤرخ',
  dateTimeSep: '، ',
  listSep: '، ',
  searchItsReports: 'ابحث في تقاريره',
  entityTypes: names({ PER: 'شخص', ORG: 'منظمة', LOC: 'مكان', MISC: 'أخرى' }),
  entityTypesPlural: names({ PER: 'أشخاص', ORG: 'منظمات', LOC: 'أماكن', MISC: 'أخرى' }),
  // Event kinds (PLOVER) offered as filters on the search and map pages.
  eventTypes: names({
    '': 'كل الأحداث', ASSAULT: 'اعتداء / هجوم', FIGHT: 'قتال', COERCE: 'إكراه / اعتقال',
    PROTEST: 'احتجاج', ACCUSE: 'اتهام', THREATEN: 'تهديد', AGREE: 'اتفاق', CONSULT: 'مشاورات',
    REQUEST: 'طلب', SUPPORT: 'دعم', AID: 'مساعدة', MOBILIZE: 'حشد', SANCTION: 'عقوبات',
    RETREAT: 'انسحاب', CONCEDE: 'تنازل',
  }),
  timeline: {
    units: names({ day: 'يوم', week: 'أسبوع', month: 'شهر' }),
    none: 'لا تواريخ نشر معروفة بعد.',
    aria: (unit: string) => `عدد التقارير لكل ${unit}`,
    bar: (label: string, n: number) => `${label}: ${num(n)} تقرير`,
    caption: (unit: string) => `التقارير لكل ${unit} — انقر عموداً للبحث في تلك الفترة`,
    title: 'الخط الزمني',
  },
  claimsChart: {
    aria: (point: string) => `${point}: المواقف عبر الزمن`,
    caption: 'المواقف عبر الزمن: كل نقطة تقرير، والكبيرة أول ظهور للموقف',
    table: (n: number) => `التقارير بالترتيب الزمني (${num(n)})`,
    columns: ['الوقت', 'الوسيلة', 'المصدر', 'الموقف', 'التقرير'],
    first: 'أول ظهور',
    changedFrom: (before: string) => `غيّر المصدر روايته، كان: ${before}`,
    open: 'في النص',
  },
  // The cleaner's removal codes (Document::removed's reason, "group:kind"):
  // kinds of data/clean/furniture.tsv, the HTML tags of skipped blocks and
  // the cleaner's own (src/clean/text_clean.cc, html_extract.cc).
  removalGroups: names({ furniture: 'من هيكل الصفحة', boilerplate: 'خارج نص الخبر', metadata: 'بيانات وصفية' }),
  removalKinds: names({
    ad: 'إعلان', comment: 'دعوة إلى التعليق', contact: 'بيانات الاتصال', copyright: 'حقوق النشر',
    credit: 'نسبة الصورة أو الخبر', 'end-marker': 'علامة نهاية الخبر', modified: 'تاريخ التعديل',
    'most-read': 'الأكثر قراءة', 'most-read-list': 'قائمة الأكثر قراءة', navigation: 'روابط التنقل',
    published: 'تاريخ النشر', related: 'أخبار ذات صلة', 'related-list': 'قائمة أخبار ذات صلة',
    share: 'أزرار المشاركة', 'source-link': 'رابط المصدر', subscribe: 'دعوة إلى الاشتراك', tags: 'الوسوم',
    widget: 'عنصر من الصفحة', symbols: 'رموز بلا كلمات', template: 'سطر يتكرر في قالب الوسيلة',
    'headline-list': 'قائمة عناوين', link: 'روابط', conditional: 'تعليق شرطي في الصفحة',
    'outside-article': 'خارج المقال', nav: 'شريط التنقل', aside: 'عمود جانبي', footer: 'تذييل الصفحة',
    form: 'نموذج', menu: 'قائمة', label: 'تسمية حقل', button: 'زر', select: 'قائمة اختيار', hidden: 'عنصر مخفي',
    outlet: 'اسم الوسيلة', byline: 'سطر الكاتب والمكان', teaser: 'مقدمات أخبار أخرى',
  }),
  removal: (group: string, kind: string) => `${group}: ${kind}`,
  // The comparison's codes: points, slots, nations, event kinds, weapons, modalities.
  points: names({
    killed: 'قتلى', injured: 'جرحى', killed_or_injured: 'قتلى وجرحى', missing: 'مفقودون',
    arrested: 'معتقلون', kidnapped: 'مختطفون', occurred: 'وقوع الهجوم', weapon: 'استخدام سلاح كيميائي',
    responsibility: 'المسؤولية', presence: 'الحضور العسكري', other: 'نقطة أخرى',
  }),
  slots: names({
    killed: 'القتلى', injured: 'الجرحى', wounded: 'الجرحى', killed_or_injured: 'القتلى والجرحى',
    killed_and_injured: 'القتلى والجرحى', missing: 'المفقودون', arrested: 'المعتقلون',
    presence: 'الوجود', russian_personnel: 'عسكريون روس', cause: 'السبب', attack: 'الهجوم',
    actor: 'المنفّذ', target: 'المستهدَف', location: 'المكان', date: 'التاريخ', responsibility: 'المسؤولية',
    casualties: 'الإصابات', event: 'الحدث', weapon: 'السلاح', kidnapped: 'المختطفون',
    arrest: 'الاعتقال', protest: 'الاحتجاج', coerce: 'الإكراه', accident: 'الحادث', fight: 'القتال',
    chemical: 'كيميائي', part: 'جزء من الحصيلة', personnel: 'عسكريون', forces: 'قوات', troops: 'جنود',
    advisers: 'مستشارون', soldiers: 'جنود', mercenaries: 'مرتزقة',
  }),
  nations: names({
    russian: 'روس', american: 'أمريكيون', turkish: 'أتراك', iranian: 'إيرانيون', french: 'فرنسيون',
    british: 'بريطانيون', israeli: 'إسرائيليون', syrian: 'سوريون', saudi: 'سعوديون', emirati: 'إماراتيون',
  }),
  events: names({
    ASSAULT: 'اعتداء', FIGHT: 'قتال', PROTEST: 'احتجاج', COERCE: 'إكراه', CONSULT: 'تشاور',
    ACCUSE: 'اتهام', THREATEN: 'تهديد', ACCIDENT: 'حادث',
    'air strike': 'غارة جوية', bombing: 'تفجير', killing: 'قتل', shelling: 'قصف', 'shoot-down': 'إسقاط',
    shooting: 'إطلاق نار', stabbing: 'طعن', 'suicide attack': 'هجوم انتحاري', abduction: 'خطف',
    'armed clash': 'اشتباك مسلح', arrest: 'اعتقال', raid: 'مداهمة', meeting: 'اجتماع', talks: 'محادثات',
    demonstration: 'مظاهرة', riot: 'أعمال شغب', 'sit-in': 'اعتصام', crash: 'تصادم', drowning: 'غرق',
    electrocution: 'صعق كهربائي', fire: 'حريق', traffic: 'حادث سير',
  }),
  weapons: names({
    IED: 'عبوة ناسفة', 'ballistic missile': 'صاروخ باليستي', bomb: 'قنبلة', 'car bomb': 'سيارة مفخخة',
    drone: 'طائرة مسيرة', 'explosive belt': 'حزام ناسف', helicopter: 'مروحية', knife: 'سكين',
    landmine: 'لغم أرضي', 'machine gun': 'رشاش', missile: 'صاروخ', mortar: 'هاون', rifle: 'بندقية',
    'rocket launcher': 'قاذف صواريخ', shell: 'قذيفة',
  }),
  modalities: names({
    asserted: 'يؤكّد', denied: 'ينفي', alleged: 'يزعم', hedged: 'يرجّح', reported: 'ينقل',
  }),
  used: 'استُخدم',
  moreThan: (n: string) => `أكثر من ${n}`,
  // A position on a point, named from its codes (the server's own words for
  // it stay in the JSON's label, which the page no longer shows).
  positionModalities: names({ asserted: 'تأكيد', denied: 'نفي', alleged: 'ادعاء', hedged: 'ترجيح' }),
  between: (a: string, b: string) => `بين ${a} و${b}`,
  holdsResponsible: (who: string) => `يحمّل ${who}`,
  // responsibility:doer positions: the doer a strike's own words name (طائرات تابعة للتحالف).
  doer: (who: string) => `المنفّذ: ${who}`,
  partialControl: 'سيطرة جزئية',
  pointAbout: names({
    election_fraud: 'تزوير الانتخابات', control: 'السيطرة على المكان', cause: 'سبب الانفجار أو الحادث',
    deliberate: 'هل كان الاستهداف متعمدا', interception: 'اعتراض الصواريخ أو إصابتها أهدافها',
    legality: 'قانونية الفعل', talks: 'نتيجة المحادثات', began: 'هل بدأ التنفيذ',
    allegation: 'الاتهام ونفيه',
  }),
  // weapon:cause positions: what an explosion, crash or fire came from.
  causes: names({ accident: 'حادث عرضي', deliberate: 'عمل متعمد' }),
  // other:deliberate positions: whether an attack's killing or shooting was meant.
  intents: names({ deliberate: 'عمل متعمد', mistake: 'خطأ غير مقصود' }),
  // other:interception positions: missiles intercepted, or hitting their targets.
  interceptions: names({ intercepted: 'اعتُرضت', hit: 'أصابت أهدافها' }),
  // other:legality positions: an act or a building lawful or not.
  legalities: names({ legal: 'قانوني', illegal: 'غير قانوني' }),
  // other:talks positions: the outcome of talks.
  talksOutcomes: names({ agreed: 'التوصل إلى اتفاق', progress: 'إحراز تقدم', failed: 'فشل المحادثات' }),
  // other:began positions: the act (its word, e.g. هدم) begun.
  began: (act: string) => `بدء ${act}`,
  // other:allegation positions: the accused, when the allegation names one.
  accuses: (who: string) => `يتهم ${who}`,
  allegation: 'اتهام',
  widerToll: ' (حصيلة أوسع من الحدث)',
  otherCode: 'أخرى',
  approx: 'نحو ',
  storyPage: {
    item: 'البند',
    contested: 'خلاف',
    agreed: 'اتفاق',
    changesOverTime: 'تتغير مع الوقت',
    andMore: (n: number) => `و${num(n)} غيرها`,
    morePositions: (n: number) => `و${num(n)} مواقف أخرى`,
    otherPlaces: (n: number) => `مواضع أخرى (${num(n)})`,
    saidBy: 'على لسان: ',
    via: (who: string) => ` (عبر ${who})`,
    inText: 'في النص ←',
    firstSeen: 'أول ظهور: ',
    pointsTitle: 'نقاط الخلاف والاتفاق ',
    contestedOf: (c: number, n: number) => `الخلاف في ${num(c)} من ${num(n)}`,
    pointsHelp: 'كل نقطة مرة واحدة، ولكل موقف مصدره ووسائله وعدد تقاريره وأول ظهور له والكلمات نفسها.',
    noContest: 'لا خلاف بين المصادر في ما قارنّاه.',
    topPoints: (n: number) => ` تعرض الصفحة أهمّ ${num(n)} نقطة.`,
    allPoints: (n: number) => `عرض كل النقاط (${num(n)})`,
    duplicate: 'نسخة مكررة',
    briefHtml: 'الموجز (للطباعة والبريد)',
    briefMd: 'تنزيل الموجز (Markdown)',
    briefCopy: 'نسخ الموجز',
    briefCopied: 'نُسخ الموجز: الصقه في رسالة البريد.',
    briefCopyFailed: 'تعذّر النسخ: افتح الموجز وانسخه من هناك.',
    watch: 'راقب هذه القصة',
    watchHelp: 'تنبيه عند كل موقف جديد يناقض غيره في نقاط الخلاف (رقم جديد، نفي جديد).',
    watching: (name: string) => `تُراقَب القصة: يصلك تنبيه عند كل موقف جديد يناقض غيره (التنبيه ${name}).`,
    alreadyWatching: (name: string) => `القصة مراقبة من قبل (التنبيه ${name}).`,
    watchFailed: 'تعذّر حفظ المراقبة.',
    watchAlerts: 'التنبيهات',
    matrixTitle: 'ماذا يقول كل مصدر ',
    matrixCount: (rows: number, outlets: number) => `البنود: ${num(rows)}، الوسائل: ${num(outlets)}`,
    matrixHelp: 'الصفوف بنود الخبر والأعمدة المصادر؛ الخلافات مظللة.',
    noComparison: 'لا مقارنة بين المصادر لهذه القصة بعد.',
    searchStory: 'بحث في القصة',
    onMap: 'على الخريطة',
    reportsTitle: 'التقارير ',
    related: 'قصص ذات صلة',
    inThread: 'من الخيط نفسه',
    threadTitle: 'الخيط: قصص الموضوع نفسه ',
    threadHelp: 'موضوع ممتد (حرب، مفاوضات، حملة) يجمع قصصا متصلة، لكل حدث قصته.',
    threadAll: (n: number) => `كل قصص الخيط (${num(n)})`,
  },
  relations: names({ follow_up: 'تطور لاحق', earlier: 'سبقها', concurrent: 'في الوقت نفسه', self: 'هذه القصة' }),
  threadPage: {
    title: 'خيط ',
    help: 'قصص موضوع واحد ممتد، الأحدث أولا.',
    more: 'المزيد من قصص الخيط',
  },
  storiesPage: {
    title: 'القصص ',
    more: 'المزيد من القصص',
    none: 'لا قصص بعد: استورد تقارير بالأمر marsad ingest.',
  },
  outletPage: {
    country: (code: string) => `البلد: ${countryName('ar', code)}`,
    figuresTitle: 'أرقامه مقابل الوسائل الأخرى',
    apartIn: 'في ',
    apartOf: (held: number) => ` من ${num(held)} نقطة له فيها موقف، خالف موقفُه موقفًا نقلته وسيلة أخرى `,
    end: '.',
    noPoints: 'لا نقاط له في القصص التي يشاركها مع وسائل أخرى.',
    pointsApart: (n: number) => `نقاط الخلاف: ${num(n)}`,
    compared: (n: number, cap: number) => `قورنت أحدث ${num(n)} قصة يشاركها مع وسائل أخرى (الحد ${num(cap)})`,
    skipped: (n: number, cap: number) => `، وتُركت ${num(n)} تزيد تقاريرها على ${num(cap)}`,
    delayTitle: 'سرعة التغطية',
    usually: 'يغطي القصة عادةً ',
    delayOf: (stories: number, first: number) =>
      ` من أول تقرير عنها (الوسيط في ${num(stories)} قصة تشاركها مع وسائل أخرى)، وكان السبّاق في ${num(first)} منها.`,
    noDelay: 'لا قصص مؤرخة يشاركها مع وسائل أخرى.',
    sameHour: 'في الساعة نفسها',
    // A fraction ("بعد 2.5 ساعة") takes the singular.
    afterMinutes: (n: number) => `بعد ${counted(n, 'دقيقة', 'دقيقتين', 'دقائق', 'دقيقة')}`,
    afterHours: (n: number) => `بعد ${Number.isInteger(n) ? counted(n, 'ساعة', 'ساعتين', 'ساعات', 'ساعة') : `${num(n)} ساعة`}`,
    afterDays: (n: number) => `بعد ${Number.isInteger(n) ? counted(n, 'يوم', 'يومين', 'أيام', 'يوما') : `${num(n)} يوم`}`,
    percent: (x: number) => `${num(x)}٪`,
    citesTitle: 'أكثر من يستشهد بهم',
    quotes: (n: number) => ` · ${num(n)} اقتباس`,
    noQuotes: 'لا اقتباسات منسوبة في تقاريره.',
    quotesFrom: (q: number, r: number, cap: number) =>
      `من ${num(q)} اقتباسًا في أحدث ${num(r)} تقرير (الحد ${num(cap)}).`,
    recentTitle: 'أحدث قصصه ',
    ofItsReports: (r: number, o: number) => `${num(r)} من تقاريره، ${num(o)} وسيلة`,
  },
  articlePage: {
    role: (r: string) => `صفة: ${r}`,
    number: (v: string) => `عدد: ${v}`,
    date: (v: string) => `تاريخ: ${v}`,
    relative: 'نسبي',
    relativeNote: ' (نسبي)',
    quoteOf: (who: string) => `قول ${who}`,
    unattributed: 'غير منسوب',
    cue: 'فعل القول',
    hit: 'نتيجة البحث',
    cited: 'الموضع المشار إليه',
    via: (who: string) => ` عبر ${who}`,
    sameSpeaker: 'المتكلم نفسه',
    direct: 'مباشر',
    indirect: 'منقول',
    clickHelp: 'انقر كلمة مظللة لمعرفة ما استُخرج منها.',
    show: 'إظهار',
    layers: names({ ent: 'الكيانات', quote: 'الأقوال', num: 'الأعداد', date: 'التواريخ' }),
    entities: 'الكيانات',
    quotes: 'الأقوال',
    events: 'الأحداث',
    numbers: 'الأعداد',
    dates: 'التواريخ',
    actor: (x: string) => `المنفّذ: ${x}`,
    target: (x: string) => `الهدف: ${x}`,
    place: (x: string) => `المكان: ${x}`,
    eventDate: (x: string) => `التاريخ: ${x}`,
    removed: 'ما حُذف عند التنظيف ',
    from: (agency: string) => `عن ${agency}`,
    original: 'النسخة الأصلية',
    source: 'المصدر',
    words: (n: number) => `عدد الكلمات: ${num(n)}`,
  },
  entitiesPage: {
    title: 'الكيانات',
    namePlaceholder: 'اسم أو جزء منه',
    nameLabel: 'اسم الكيان',
    typeLabel: 'النوع',
    show: 'اعرض',
    count: (n: number) => `${num(n)} كيان`,
    mentions: (n: number) => `${num(n)} إشارة`,
    reports: 'التقارير ',
    variants: 'صيغ الاسم',
    related: 'يُذكر معه',
  },
  mapPage: {
    zoomIn: 'تكبير',
    zoomOut: 'تصغير',
    all: 'الكل',
    aria: 'خريطة الأماكن والأحداث',
    place: 'مكان',
    event: 'حدث',
    placeTitle: (name: string, m: number, e: number) => `${name}: ${num(m)} إشارة، ${num(e)} حدث`,
    places: (n: number) => `${num(n)} مكان`,
    eventsCount: (n: number) => `${num(n)} حدث`,
    allStories: 'كل القصص',
    placesTitle: 'الأماكن',
    attribution: 'حدود الدول: Natural Earth (ملكية عامة) عبر world-atlas.',
    eventType: 'نوع الحدث',
    log: 'سجل الأحداث',
    columns: ['التاريخ', 'الحدث', 'المكان', 'التقرير', 'المصدر'],
  },
  searchPage: {
    placeholder: 'كلمات، "عبارة"، بادئة*، -استبعاد',
    label: 'نص البحث',
    outlet: 'المصدر',
    allOutlets: 'كل المصادر',
    eventType: 'نوع الحدث',
    from: 'من',
    to: 'إلى',
    fromLabel: 'من ',
    toLabel: 'إلى ',
    submit: 'ابحث',
    entityChip: (id: string) => `الكيان ${id}`,
    help: 'يبحث مرصد بكل صيغ الكلمة: سوريا وسورية، الأمريكي والأميركي، سيرغي وسيرجى، والأسماء اللاتينية مثل Ryabkov.',
    range: (a: number, b: number, n: number) => `${num(a)}–${num(b)} من ${num(n)}`,
    results: (n: number) => `${num(n)} نتيجة`,
    took: (ms: number) => ` (${num(ms)} ملّي ثانية)`,
    none: 'لا نتائج.',
  },
  alertsPage: {
    title: 'التنبيهات',
    help: 'عمليات بحث محفوظة تُنبّه عن كل تقرير جديد يطابقها، وتنبيهات على كل تناقض جديد في قصة، تُضاف بالأمر marsad alert add.',
    contradictions: 'تنبيه على التناقض',
    contradictionsHelp: 'يُطلق عند كل موقف جديد في نقطة خلاف: رقم جديد، نفي جديد، طرف جديد يُحمَّل المسؤولية.',
    storyReports: (n: number) => `تقارير القصة: ${num(n)}`,
    filters: names({
      outlet: 'المصدر', from: 'من', to: 'إلى', story: 'القصة', entity: 'الكيان', event_type: 'نوع الحدث',
    }),
    matches: (n: number) => `التقارير المطابقة: ${num(n)}`,
    unreported: (n: number) => `لم يُبلَّغ عنها بعد: ${num(n)}`,
    newBadge: 'جديد',
    noMatches: 'لا تقارير مطابقة بعد',
    none: 'لا عمليات بحث محفوظة.',
  },
};

export type Strings = typeof ar;

/** The English name of a code: its own words ("killed_or_injured" → "killed or injured"). */
function codeWords(table: Names): Names {
  return Object.fromEntries(Object.keys(table).map((k) => [k, k.replace(/_/g, ' ').toLowerCase()]));
}

const plural = (n: number, one: string, many: string) => (n === 1 ? `1 ${one}` : `${num(n)} ${many}`);

const en: Strings = {
  dir: 'ltr',
  chrome: {
    brand: 'Marsad', sections: 'Sections', stories: 'Stories', search: 'Search', entities: 'Entities',
    map: 'Map', alerts: 'Alerts', quickSearch: 'Search the reports…', quickSearchLabel: 'Search',
    otherLanguage: 'العربية', switchLanguage: 'اعرض الواجهة بالعربية',
  },
  months: ['January', 'February', 'March', 'April', 'May', 'June', 'July',
    'August', 'September', 'October', 'November', 'December'],
  loadFailed: 'Could not load: ',
  notFound: 'Page not found',
  showAll: (n) => `Show all (${num(n)})`,
  more: 'More',
  previous: 'Previous',
  next: 'Next',
  allTypes: 'All types',
  unknownSource: 'Unknown source',
  unknown: 'Unknown',
  unknownOutletPrefix: 'Unknown outlet',
  unknownOutlet: (id) => `Unknown outlet (report ${id})`,
  theOutletItself: 'the outlet itself',
  report: (id) => `Report ${num(id)}`,
  story: (id) => `Story ${num(Number(id))}`,
  theStory: 'Story',
  inStory: (id) => `Story ${id}`,
  reportCount: (n) => plural(n, 'report', 'reports'),
  storyCount: (n) => plural(n, 'story', 'stories'),
  reports: (n) => plural(n, 'report', 'reports'),
  sources: (n) => plural(n, 'source', 'sources'),
  undated: 'undated',
  dateTimeSep: ', ',
  listSep: ', ',
  searchItsReports: 'Search its reports',
  entityTypes: { PER: 'person', ORG: 'organisation', LOC: 'place', MISC: 'other' },
  entityTypesPlural: { PER: 'People', ORG: 'Organisations', LOC: 'Places', MISC: 'Other' },
  eventTypes: {
    '': 'All events', ASSAULT: 'Assault / attack', FIGHT: 'Fighting', COERCE: 'Coercion / arrest',
    PROTEST: 'Protest', ACCUSE: 'Accusation', THREATEN: 'Threat', AGREE: 'Agreement', CONSULT: 'Talks',
    REQUEST: 'Request', SUPPORT: 'Support', AID: 'Aid', MOBILIZE: 'Mobilisation', SANCTION: 'Sanctions',
    RETREAT: 'Withdrawal', CONCEDE: 'Concession',
  },
  timeline: {
    units: { day: 'day', week: 'week', month: 'month' },
    none: 'No publication dates known yet.',
    aria: (unit) => `Reports per ${unit}`,
    bar: (label, n) => `${label}: ${plural(n, 'report', 'reports')}`,
    caption: (unit) => `Reports per ${unit} — click a bar to search that period`,
    title: 'Timeline',
  },
  claimsChart: {
    aria: (point) => `${point}: positions over time`,
    caption: 'Positions over time: each dot a report, the larger one a position\'s first report',
    table: (n) => `The reports in order of publication (${num(n)})`,
    columns: ['Time', 'Outlet', 'Source', 'Position', 'Report'],
    first: 'first seen',
    changedFrom: (before) => `the source changed its account, was: ${before}`,
    open: 'In the text',
  },
  removalGroups: { furniture: 'page furniture', boilerplate: 'outside the story', metadata: 'metadata' },
  removalKinds: {
    ...codeWords(ar.removalKinds), ad: 'advertisement', comment: 'comment prompt', credit: 'credit line',
    symbols: 'symbols without words', template: 'line repeated in the outlet\'s template',
    'outside-article': 'outside the article', nav: 'navigation bar', aside: 'sidebar', hidden: 'hidden element',
    outlet: 'outlet name', byline: 'byline and dateline', teaser: 'other reports\' leads',
  },
  removal: (group, kind) => `${group}: ${kind}`,
  points: { ...codeWords(ar.points), weapon: 'chemical weapon used', occurred: 'the attack took place' },
  slots: codeWords(ar.slots),
  nations: codeWords(ar.nations),
  events: codeWords(ar.events),
  weapons: { ...codeWords(ar.weapons), IED: 'IED' },
  modalities: { asserted: 'asserts', denied: 'denies', alleged: 'alleges', hedged: 'suggests', reported: 'reports' },
  used: 'used',
  moreThan: (n) => `more than ${n}`,
  positionModalities: { asserted: 'asserted', denied: 'denied', alleged: 'alleged', hedged: 'suggested' },
  between: (a, b) => `between ${a} and ${b}`,
  holdsResponsible: (who) => `holds ${who} responsible`,
  doer: (who) => `carried out by ${who}`,
  partialControl: 'partial control',
  pointAbout: {
    election_fraud: 'election fraud', control: 'control of the place', cause: 'cause of the explosion or accident',
    deliberate: 'whether the targeting was deliberate', interception: 'whether the missiles were intercepted or hit their targets',
    legality: 'whether the act is lawful', talks: 'the outcome of the talks', began: 'whether it has begun',
    allegation: 'the allegation and its denial',
  },
  causes: { accident: 'an accident', deliberate: 'a deliberate act' },
  intents: { deliberate: 'a deliberate act', mistake: 'a mistake' },
  interceptions: { intercepted: 'intercepted', hit: 'hit their targets' },
  legalities: { legal: 'lawful', illegal: 'unlawful' },
  talksOutcomes: { agreed: 'an agreement reached', progress: 'progress made', failed: 'the talks failed' },
  began: (act) => `${act} begun`,
  accuses: (who) => `accuses ${who}`,
  allegation: 'an allegation',
  widerToll: ' (a toll wider than the incident)',
  otherCode: 'other',
  approx: 'about ',
  storyPage: {
    item: 'Item',
    contested: 'Contested',
    agreed: 'Agreed',
    changesOverTime: 'Changes over time',
    andMore: (n) => `and ${num(n)} more`,
    morePositions: (n) => `and ${num(n)} more positions`,
    otherPlaces: (n) => `Other places (${num(n)})`,
    saidBy: 'Said by: ',
    via: (who) => ` (via ${who})`,
    inText: 'In the text →',
    firstSeen: 'First seen: ',
    pointsTitle: 'Contested and agreed points ',
    contestedOf: (c, n) => `${num(c)} of ${num(n)} contested`,
    pointsHelp: 'Each point once; each position with its source, outlets, report count, first report and exact words.',
    noContest: 'The sources do not disagree on what was compared.',
    topPoints: (n) => ` The page shows the main ${num(n)} points.`,
    allPoints: (n) => `Show all points (${num(n)})`,
    duplicate: 'Duplicate',
    briefHtml: 'Brief (to print or email)',
    briefMd: 'Download the brief (Markdown)',
    briefCopy: 'Copy the brief',
    briefCopied: 'Brief copied: paste it into an email.',
    briefCopyFailed: 'Could not copy: open the brief and copy it from there.',
    watch: 'Watch this story',
    watchHelp: 'An alert on every new position that contradicts another on a contested point (a new figure, a new denial).',
    watching: (name) => `Watching: you will be alerted on every new contradicting position (alert ${name}).`,
    alreadyWatching: (name) => `Already watched (alert ${name}).`,
    watchFailed: 'Could not save the watch.',
    watchAlerts: 'Alerts',
    matrixTitle: 'What each source says ',
    matrixCount: (rows, outlets) => `items: ${num(rows)}, outlets: ${num(outlets)}`,
    matrixHelp: 'Rows are the story\'s items, columns the sources; disagreements are shaded.',
    noComparison: 'No comparison between sources for this story yet.',
    searchStory: 'Search the story',
    onMap: 'On the map',
    reportsTitle: 'Reports ',
    related: 'Related stories',
    inThread: 'Same thread',
    threadTitle: 'Thread: stories of the same topic ',
    threadHelp: 'A long-running topic (a war, a negotiation, a campaign) of linked stories, one per happening.',
    threadAll: (n) => `All stories of the thread (${num(n)})`,
  },
  relations: { follow_up: 'Follow-up', earlier: 'Earlier', concurrent: 'At the same time', self: 'This story' },
  threadPage: {
    title: 'Thread ',
    help: 'The stories of one long-running topic, newest first.',
    more: 'More stories of the thread',
  },
  storiesPage: {
    title: 'Stories ',
    more: 'More stories',
    none: 'No stories yet: import reports with marsad ingest.',
  },
  outletPage: {
    country: (code) => `Country: ${countryName('en', code)}`,
    figuresTitle: 'Its figures against the other outlets\'',
    apartIn: 'On ',
    apartOf: (held) => ` of the ${num(held)} points where it holds a position, its position conflicts with one another outlet carries `,
    end: '.',
    noPoints: 'No points in the stories it shares with other outlets.',
    pointsApart: (n) => `Contested points: ${num(n)}`,
    compared: (n, cap) => `Compared: its newest ${num(n)} stories shared with other outlets (cap ${num(cap)})`,
    skipped: (n, cap) => `; ${num(n)} skipped with more than ${num(cap)} reports`,
    delayTitle: 'Reporting delay',
    usually: 'It usually reports a story ',
    delayOf: (stories, first) =>
      ` after its first report (median over ${num(stories)} shared stories); first in ${num(first)} of them.`,
    noDelay: 'No dated stories shared with other outlets.',
    sameHour: 'within the hour',
    afterMinutes: (n) => `${num(n)} minutes`,
    afterHours: (n) => `${num(n)} hours`,
    afterDays: (n) => `${num(n)} days`,
    percent: (x) => `${num(x)}%`,
    citesTitle: 'Most cited',
    quotes: (n) => ` · ${plural(n, 'quotation', 'quotations')}`,
    noQuotes: 'No attributed quotations in its reports.',
    quotesFrom: (q, r, cap) => `From ${num(q)} quotations in its newest ${num(r)} reports (cap ${num(cap)}).`,
    recentTitle: 'Its newest stories ',
    ofItsReports: (r, o) => `${num(r)} of its reports, ${num(o)} outlets`,
  },
  articlePage: {
    role: (r) => `Role: ${r}`,
    number: (v) => `Number: ${v}`,
    date: (v) => `Date: ${v}`,
    relative: 'relative',
    relativeNote: ' (relative)',
    quoteOf: (who) => `Said by ${who}`,
    unattributed: 'unattributed',
    cue: 'Speech verb',
    hit: 'Search hit',
    cited: 'The cited words',
    via: (who) => ` via ${who}`,
    sameSpeaker: 'Same speaker',
    direct: 'Direct',
    indirect: 'Reported',
    clickHelp: 'Click a highlighted word to see what was extracted from it.',
    show: 'Show',
    layers: { ent: 'Entities', quote: 'Quotations', num: 'Numbers', date: 'Dates' },
    entities: 'Entities',
    quotes: 'Quotations',
    events: 'Events',
    numbers: 'Numbers',
    dates: 'Dates',
    actor: (x) => `Actor: ${x}`,
    target: (x) => `Target: ${x}`,
    place: (x) => `Place: ${x}`,
    eventDate: (x) => `Date: ${x}`,
    removed: 'Removed when cleaning ',
    from: (agency) => `from ${agency}`,
    original: 'The original',
    source: 'Source',
    words: (n) => `${num(n)} words`,
  },
  entitiesPage: {
    title: 'Entities',
    namePlaceholder: 'A name or part of one',
    nameLabel: 'Entity name',
    typeLabel: 'Type',
    show: 'Show',
    count: (n) => plural(n, 'entity', 'entities'),
    mentions: (n) => plural(n, 'mention', 'mentions'),
    reports: 'Reports ',
    variants: 'Spellings',
    related: 'Mentioned with',
  },
  mapPage: {
    zoomIn: 'Zoom in',
    zoomOut: 'Zoom out',
    all: 'All',
    aria: 'Map of places and events',
    place: 'Place',
    event: 'Event',
    placeTitle: (name, m, e) => `${name}: ${plural(m, 'mention', 'mentions')}, ${plural(e, 'event', 'events')}`,
    places: (n) => plural(n, 'place', 'places'),
    eventsCount: (n) => plural(n, 'event', 'events'),
    allStories: 'All stories',
    placesTitle: 'Places',
    attribution: 'Borders: Natural Earth (public domain) via world-atlas.',
    eventType: 'Event type',
    log: 'Event log',
    columns: ['Date', 'Event', 'Place', 'Report', 'Source'],
  },
  searchPage: {
    placeholder: 'words, "phrase", prefix*, -exclude',
    label: 'Search text',
    outlet: 'Source',
    allOutlets: 'All sources',
    eventType: 'Event type',
    from: 'From',
    to: 'To',
    fromLabel: 'From ',
    toLabel: 'To ',
    submit: 'Search',
    entityChip: (id) => `Entity ${id}`,
    help: 'Marsad searches every form of a word: سوريا and سورية, الأمريكي and الأميركي, and Latin names such as Ryabkov.',
    range: (a, b, n) => `${num(a)}–${num(b)} of ${num(n)}`,
    results: (n) => plural(n, 'result', 'results'),
    took: (ms) => ` (${num(ms)} ms)`,
    none: 'No results.',
  },
  alertsPage: {
    title: 'Alerts',
    help: 'Saved searches that report every new matching report, and alerts on every new contradiction in a story; add them with marsad alert add.',
    contradictions: 'Alert on contradictions',
    contradictionsHelp: 'Fires on every new position on a contested point: a new figure, a new denial, a new party held responsible.',
    storyReports: (n) => `Reports of the story: ${num(n)}`,
    filters: { outlet: 'Source', from: 'From', to: 'To', story: 'Story', entity: 'Entity', event_type: 'Event type' },
    matches: (n) => `Matching reports: ${num(n)}`,
    unreported: (n) => `Not reported yet: ${num(n)}`,
    newBadge: 'New',
    noMatches: 'No matching reports yet',
    none: 'No saved searches.',
  },
};

export const tables: Readonly<Record<'ar' | 'en', Strings>> = { ar, en };

export type Language = keyof typeof tables;

/** Where the reader's choice of language is kept (localStorage). */
export const LANGUAGE_KEY = 'marsad.lang';

function storedLanguage(): Language | null {
  try {
    const v = typeof localStorage !== 'undefined' ? localStorage.getItem(LANGUAGE_KEY) : null;
    return v === 'ar' || v === 'en' ? v : null;
  } catch {
    return null;  // storage refused (private mode, sandboxed frame)
  }
}

/** The reader's saved choice, else <html lang> (the UI ships in Arabic). */
function initialLanguage(): Language {
  const saved = storedLanguage();
  if (saved) return saved;
  return typeof document !== 'undefined' && document.documentElement.lang.startsWith('en') ? 'en' : 'ar';
}

let language: Language = initialLanguage();

/** The table of the page's language. A live binding: setLanguage() swaps it for every importer. */
export let S: Strings = tables[language];

export function currentLanguage(): Language {
  return language;
}

/** Selects a table and remembers the choice; the caller re-renders. */
export function setLanguage(lang: Language): void {
  language = lang;
  S = tables[lang];
  try {
    localStorage.setItem(LANGUAGE_KEY, lang);
  } catch {
    /* not kept across reloads when storage is refused */
  }
}
