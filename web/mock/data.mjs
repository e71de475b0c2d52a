// Fixture data for developing the UI without the C++ server: three invented
// stories in our own Arabic sentences (no press text), shaped like the API in
// docs/openapi.yaml. Spans are computed here from surfaces, in both UTF-8
// bytes and UTF-16 units, exactly as the server reports them.

const enc = new TextEncoder();

/** The span of the nth occurrence of `surface` in `text`. */
export function spanOf(text, surface, nth = 0) {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(surface, at + 1);
    if (at < 0) throw new Error(`fixture: "${surface}" not in text`);
  }
  const begin = enc.encode(text.slice(0, at)).length;
  return { begin, end: begin + enc.encode(surface).length, begin16: at, end16: at + surface.length };
}

const articles = [
  {
    id: 1, outlet: 'صحيفة الوادي', published: '2019-03-12', story: 1,
    title: 'قصف بطائرات مسيّرة قرب تدمر وإصابة 12 مدنياً',
    text: 'قصفت طائرات مسيّرة مواقع قرب مدينة تدمر يوم الثلاثاء 12 مارس.\n\n' +
      'وقال المتحدث باسم الجيش العقيد سامر الحلبي إن 12 مدنياً أصيبوا بجروح. ' +
      'وأضاف أن الهجوم استهدف مستودعاً للذخيرة ولم يسفر عن قتلى.\n\n' +
      'وكانت وزارة الدفاع قد حذّرت الأسبوع الماضي من تصعيد في ريف حمص الشرقي.',
  },
  {
    id: 2, outlet: 'وكالة الشرق', published: '2019-03-13', story: 1,
    title: 'مصادر: نحو 40 قتيلاً وجريحاً في قصف تدمر',
    text: 'ذكرت مصادر محلية أن نحو 40 شخصاً قتلوا أو جرحوا في قصف استهدف أطراف تدمر.\n\n' +
      'وأكدت المصادر وجود مدنيين في الموقع وقت القصف، في حين نفت وزارة الدفاع وجود مدنيين هناك. ' +
      'وقال العقيد الحلبي إن التحقيق جارٍ.',
  },
  {
    id: 3, outlet: 'موقع المرصد اليومي', published: '2019-03-13', story: 1,
    title: 'الحلبي: التحقيق في قصف تدمر مستمر',
    text: 'قال سامر الحلبي إن 12 مدنياً أصيبوا في القصف، مضيفاً أن الفرق الطبية نقلتهم إلى مستشفى حمص.',
  },
  {
    id: 4, outlet: 'صحيفة الوادي', published: '2019-04-02', story: 2,
    title: 'جولة مفاوضات جديدة في جنيف حول الدستور',
    text: 'انطلقت في جنيف يوم الثلاثاء 2 أبريل جولة جديدة من المفاوضات حول الدستور. ' +
      'وقالت المبعوثة ليلى منصور: "نأمل أن تنتهي الجولة باتفاق على جدول زمني".',
  },
  {
    id: 5, outlet: 'وكالة الشرق', published: '2019-05-20', story: 3,
    title: 'عاجل: <b>نص</b> تجريبي يحتوي على وسوم',
    text: 'هذا تقرير تجريبي يحتوي على وسوم مثل <script>alert("x")</script> و<b>نص عريض</b> ' +
      'يجب أن تظهر كما هي حرفاً حرفاً. وذكر التقرير أن موسكو أرسلت 3 طائرات.',
  },
];

function ent(a, surface, type, id, canonical, extra = {}) {
  return { span: spanOf(a.text, surface, extra.nth ?? 0), type, text: surface, entity_id: id, canonical, ...extra };
}

const A = Object.fromEntries(articles.map((a) => [a.id, a]));
const analysis = {
  1: {
    entities: [
      ent(A[1], 'تدمر', 'LOC', 'loc:tadmur', 'تدمر', { lat: 34.56, lon: 38.28 }),
      ent(A[1], 'سامر الحلبي', 'PER', 'per:samer-halabi', 'سامر الحلبي',
        { role: 'المتحدث باسم الجيش العقيد', role_span: spanOf(A[1].text, 'المتحدث باسم الجيش العقيد') }),
      ent(A[1], 'وزارة الدفاع', 'ORG', 'org:mod', 'وزارة الدفاع'),
      ent(A[1], 'حمص', 'LOC', 'loc:homs', 'حمص', { lat: 34.73, lon: 36.72 }),
    ],
    numbers: [
      { span: spanOf(A[1].text, '12', 1), value: 12, min: 12, max: 12, approximate: false, unit: 'مدني' },
    ],
    dates: [
      { span: spanOf(A[1].text, 'يوم الثلاثاء 12 مارس'), value: '2019-03-12', precision: 'day', relative: false },
      { span: spanOf(A[1].text, 'الأسبوع الماضي'), value: '2019-03-05', precision: 'day', relative: true },
    ],
    quotes: [{
      span: spanOf(A[1].text, 'وقال المتحدث باسم الجيش العقيد سامر الحلبي إن 12 مدنياً أصيبوا بجروح.'),
      content: spanOf(A[1].text, '12 مدنياً أصيبوا بجروح', 0), cue: spanOf(A[1].text, 'وقال'),
      speaker_span: spanOf(A[1].text, 'سامر الحلبي'), speaker: 'العقيد سامر الحلبي', entity_id: 'per:samer-halabi',
      via: '', direct: false, carried_over: false,
    }],
    events: [{
      plover: 'ASSAULT', mode: 'غارة بطائرة مسيّرة', trigger: spanOf(A[1].text, 'قصفت'),
      sentence: spanOf(A[1].text, 'قصفت طائرات مسيّرة مواقع قرب مدينة تدمر يوم الثلاثاء 12 مارس.'),
      actor: 'طائرات مسيّرة', target: 'مواقع', location: 'تدمر', weapon: 'طائرات مسيّرة', date: '2019-03-12',
      casualties: [{ kind: 'injured', number: { span: spanOf(A[1].text, '12', 1), value: 12, min: 12, max: 12, approximate: false } }],
      modality: 'asserted',
    }],
    claims: [],
    removed: [{ text: 'شارك الخبر', reason: 'furniture-phrase' }],
  },
  2: {
    entities: [
      ent(A[2], 'تدمر', 'LOC', 'loc:tadmur', 'تدمر', { lat: 34.56, lon: 38.28 }),
      ent(A[2], 'وزارة الدفاع', 'ORG', 'org:mod', 'وزارة الدفاع'),
      ent(A[2], 'الحلبي', 'PER', 'per:samer-halabi', 'سامر الحلبي'),
    ],
    numbers: [{ span: spanOf(A[2].text, 'نحو 40'), value: 40, min: 40, max: 40, approximate: true }],
    dates: [],
    quotes: [],
    events: [],
    claims: [],
  },
  3: { entities: [ent(A[3], 'سامر الحلبي', 'PER', 'per:samer-halabi', 'سامر الحلبي'), ent(A[3], 'حمص', 'LOC', 'loc:homs', 'حمص', { lat: 34.73, lon: 36.72 })] },
  4: {
    entities: [
      ent(A[4], 'جنيف', 'LOC', 'loc:geneva', 'جنيف', { lat: 46.2, lon: 6.15 }),
      ent(A[4], 'ليلى منصور', 'PER', 'per:layla-mansour', 'ليلى منصور'),
    ],
    quotes: [{
      span: spanOf(A[4].text, 'وقالت المبعوثة ليلى منصور: "نأمل أن تنتهي الجولة باتفاق على جدول زمني".'),
      content: spanOf(A[4].text, 'نأمل أن تنتهي الجولة باتفاق على جدول زمني'), cue: spanOf(A[4].text, 'وقالت'),
      speaker_span: spanOf(A[4].text, 'ليلى منصور'), speaker: 'المبعوثة ليلى منصور', entity_id: 'per:layla-mansour',
      via: '', direct: true, carried_over: false,
    }],
  },
  5: { entities: [ent(A[5], 'موسكو', 'LOC', 'loc:moscow', 'موسكو', { lat: 55.75, lon: 37.62 })],
    numbers: [{ span: spanOf(A[5].text, '3'), value: 3, min: 3, max: 3, approximate: false }] },
};

const claim = (a, slot, value, surface, extra = {}) => ({
  article_id: a.id, outlet: a.outlet, slot, value, span: spanOf(a.text, surface), ...extra,
});
const c25 = claim(A[1], 'injured', '12', '12 مدنياً أصيبوا', { min: 12, max: 12, speaker: 'العقيد سامر الحلبي', modality: 'asserted' });
const c3 = claim(A[3], 'injured', '12', '12 مدنياً أصيبوا', { min: 12, max: 12, speaker: 'سامر الحلبي', modality: 'asserted' });
const c150 = claim(A[2], 'killed_or_injured', '40', 'نحو 40 شخصاً قتلوا أو جرحوا', { min: 40, max: 40, approximate: true, speaker: 'مصادر محلية', modality: 'asserted' });
const cPres = claim(A[2], 'presence:civilians', 'asserted', 'وجود مدنيين في الموقع', { speaker: 'مصادر محلية', modality: 'asserted' });
const cDeny = claim(A[2], 'presence:civilians', 'denied', 'نفت وزارة الدفاع وجود مدنيين', { speaker: 'وزارة الدفاع', modality: 'denied' });
const cNone = claim(A[1], 'killed', '0', 'ولم يسفر عن قتلى', { min: 0, max: 0, speaker: 'العقيد سامر الحلبي', modality: 'asserted' });

const comparisons = {
  1: {
    outlets: ['صحيفة الوادي', 'وكالة الشرق', 'موقع المرصد اليومي'],
    slots: [
      { slot: 'injured', cells: [{ outlet: 'صحيفة الوادي', claims: [c25] }, { outlet: 'موقع المرصد اليومي', claims: [c3] }] },
      { slot: 'killed_or_injured', cells: [{ outlet: 'وكالة الشرق', claims: [c150] }] },
      { slot: 'killed', cells: [{ outlet: 'صحيفة الوادي', claims: [cNone] }] },
      { slot: 'presence:civilians', cells: [{ outlet: 'وكالة الشرق', claims: [cPres, cDeny] }] },
    ],
    disagreements: [
      { kind: 'number', slots: ['injured', 'killed_or_injured'], reason: 'أعداد لا تتداخل نطاقاتها ومن نوع مختلف', claims: [c25, c150] },
      { kind: 'modality', slot: 'presence:civilians', reason: 'تأكيد مقابل نفي', claims: [cPres, cDeny] },
    ],
    agreements: 1,
  },
};

export const stories = [
  { id: 1, title: 'قصف بطائرات مسيّرة قرب تدمر', first_seen: '2019-03-12', last_seen: '2019-03-13', article_count: 3, outlets: ['صحيفة الوادي', 'وكالة الشرق', 'موقع المرصد اليومي'] },
  { id: 2, title: 'جولة مفاوضات جديدة في جنيف حول الدستور', first_seen: '2019-04-02', last_seen: '2019-04-02', article_count: 1, outlets: ['صحيفة الوادي'] },
  { id: 3, title: 'عاجل: <b>نص</b> تجريبي يحتوي على وسوم', first_seen: '2019-05-20', last_seen: '2019-05-20', article_count: 1, outlets: ['وكالة الشرق'] },
].sort((a, b) => b.last_seen.localeCompare(a.last_seen));

export const db = { articles, analysis, comparisons, stories };
