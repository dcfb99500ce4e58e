<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name/>
    <message>
        <location filename="../annotator/gui/model_training.py" line="99"/>
        <source>The corpus model is being trained already.</source>
        <translation>نموذج المدونة قيد التدريب بالفعل.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/model_training.py" line="122"/>
        <source>Training the corpus model: reading the coded documents…</source>
        <translation>تدريب نموذج المدونة: قراءة الوثائق المرمّزة…</translation>
    </message>
    <message>
        <location filename="../annotator/gui/model_training.py" line="149"/>
        <source>Training the corpus model: pass {done} of {total}…</source>
        <translation>تدريب نموذج المدونة: الجولة {done} من {total}…</translation>
    </message>
    <message>
        <location filename="../annotator/gui/model_training.py" line="152"/>
        <source>The corpus model is reading uncoded documents: {done} of {total}…</source>
        <translation>نموذج المدونة يقرأ الوثائق غير المرمّزة: {done} من {total}…</translation>
    </message>
    <message>
        <location filename="../annotator/gui/model_training.py" line="171"/>
        <source>The corpus model is trained on {count} documents: F1 {f1:.2f} on {held} held out (Suggest ▸ Corpus model…).</source>
        <translation>تم تدريب نموذج المدونة على {count} وثيقة: F1 ‏{f1:.2f} على {held} وثيقة محجوزة (اقتراحات ▸ نموذج المدونة…).</translation>
    </message>
    <message>
        <location filename="../annotator/gui/model_training.py" line="178"/>
        <source>The corpus model was not trained: {why} The model in use is kept.</source>
        <translation>لم يُدرَّب نموذج المدونة: {why} يُحتفظ بالنموذج المستخدم.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/model_training.py" line="180"/>
        <source>the training stopped.</source>
        <translation>توقف التدريب.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/model_training.py" line="186"/>
        <source>The corpus model could not be trained: its process did not start.</source>
        <translation>تعذّر تدريب نموذج المدونة: لم تبدأ عمليته.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/model_training.py" line="223"/>
        <location filename="../annotator/gui/model_training.py" line="233"/>
        <source>Train the corpus model</source>
        <translation>تدريب نموذج المدونة</translation>
    </message>
    <message>
        <location filename="../annotator/gui/model_training.py" line="224"/>
        <source>Train the corpus model again after how many more documents are marked done? (0: only when asked)</source>
        <translation>إعادة تدريب نموذج المدونة بعد كم وثيقة إضافية تُعلَّم منجزة؟ (0: عند الطلب فقط)</translation>
    </message>
    <message>
        <location filename="../annotator/gui/model_training.py" line="234"/>
        <source>{answer} is not a number of documents from 0 to 100000.</source>
        <translation>{answer} ليس عدد وثائق بين 0 و100000.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/model_training.py" line="243"/>
        <location filename="../annotator/gui/model_training.py" line="253"/>
        <source>Model suggestions</source>
        <translation>اقتراحات النموذج</translation>
    </message>
    <message>
        <location filename="../annotator/gui/model_training.py" line="244"/>
        <source>Show a model's suggestions only when it is at least this sure (0 to 1):</source>
        <translation>إظهار اقتراحات النموذج فقط حين يكون واثقًا بهذا القدر على الأقل (0 إلى 1):</translation>
    </message>
    <message>
        <location filename="../annotator/gui/model_training.py" line="254"/>
        <source>{answer} is not a number from 0 to 1.</source>
        <translation>{answer} ليس رقمًا بين 0 و1.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/model_training.py" line="271"/>
        <source>Corpus model</source>
        <translation>نموذج المدونة</translation>
    </message>
    <message>
        <location filename="../annotator/gui/model_training.py" line="274"/>
        <source>This corpus has no model yet. It is trained after {count} documents are marked done, or with Suggest ▸ Train the corpus model now.</source>
        <translation>لا نموذج لهذه المدونة بعد. يُدرَّب بعد تعليم {count} وثيقة منجزة، أو عبر اقتراحات ▸ تدريب نموذج المدونة الآن.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/model_training.py" line="278"/>
        <source>A span categorizer</source>
        <translation>مصنِّف مقاطع</translation>
    </message>
    <message>
        <location filename="../annotator/gui/model_training.py" line="279"/>
        <source>An entity recogniser</source>
        <translation>متعرِّف على الكيانات</translation>
    </message>
    <message>
        <location filename="../annotator/gui/model_training.py" line="280"/>
        <source>{kind} trained on {trained} coded documents, measured on {held} held out:</source>
        <translation>{kind} مدرَّب على {trained} وثيقة مرمّزة، مقيس على {held} وثيقة محجوزة:</translation>
    </message>
    <message>
        <location filename="../annotator/gui/model_training.py" line="285"/>
        <source>All labels</source>
        <translation>كل التسميات</translation>
    </message>
    <message>
        <location filename="../annotator/gui/model_training.py" line="286"/>
        <source>{label}: precision {precision:.2f}, recall {recall:.2f}, F1 {f1:.2f}</source>
        <translation>{label}: الدقة {precision:.2f}، الاستدعاء {recall:.2f}، F1 ‏{f1:.2f}</translation>
    </message>
    <message>
        <location filename="../annotator/gui/model_training.py" line="290"/>
        <source>{count} spans overlapping others were left out (an entity recogniser takes one span a word).</source>
        <translation>أُسقط {count} مقطعًا يتداخل مع غيره (المتعرِّف على الكيانات يأخذ مقطعًا واحدًا لكل كلمة).</translation>
    </message>
    <message>
        <location filename="../annotator/gui/model_training.py" line="294"/>
        <source>{count} spans across a cut of a very long document were left out.</source>
        <translation>أُسقط {count} مقطعًا يعبر موضع قطع في وثيقة طويلة جدًا.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/model_training.py" line="297"/>
        <source>{count} of the documents came labelled from imported files and were taken as coded.</source>
        <translation>{count} من الوثائق جاءت موسومة من ملفات مستوردة واعتُبرت مرمّزة.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/model_training.py" line="299"/>
        <source>Kept in {folder}</source>
        <translation>محفوظ في {folder}</translation>
    </message>
</context>
<context>
    <name>Actions</name>
    <message>
        <location filename="../annotator/session/actions.py" line="59"/>
        <source>&amp;New corpus…</source>
        <translation>مدونة &amp;جديدة…</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="60"/>
        <source>&amp;Open corpus…</source>
        <translation>&amp;فتح مدونة…</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="61"/>
        <source>&amp;Connect to team server…</source>
        <translation>الا&amp;تصال بخادم الفريق…</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="63"/>
        <source>&amp;Import files…</source>
        <translation>&amp;استيراد ملفات…</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="65"/>
        <source>Import a &amp;folder…</source>
        <translation>استيراد &amp;مجلد…</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="67"/>
        <source>&amp;Export…</source>
        <translation>&amp;تصدير…</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="68"/>
        <source>&amp;Merge coders' corpora…</source>
        <translation>&amp;دمج مدونات المرمِّزين…</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="70"/>
        <source>&amp;Quit</source>
        <translation>&amp;خروج</translation>
    </message>
    <message>
        <location filename="../annotator/gui/editing.py" line="18"/>
        <location filename="../annotator/session/actions.py" line="72"/>
        <source>&amp;Undo</source>
        <translation>&amp;تراجع</translation>
    </message>
    <message>
        <location filename="../annotator/gui/editing.py" line="20"/>
        <location filename="../annotator/session/actions.py" line="75"/>
        <source>&amp;Redo</source>
        <translation>إ&amp;عادة</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="77"/>
        <source>Remove span</source>
        <translation>حذف المقطع</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="81"/>
        <source>Add the selected text to the selected span</source>
        <translation>إضافة النص المحدد إلى المقطع المحدد</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="84"/>
        <source>Remove the fragment at the cursor</source>
        <translation>إزالة الجزء الموجود عند المؤشر</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="86"/>
        <source>Clear selection</source>
        <translation>إلغاء التحديد</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="88"/>
        <source>Find in document</source>
        <translation>البحث في المستند</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="90"/>
        <source>Find next</source>
        <translation>البحث عن التالي</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="92"/>
        <source>Find previous</source>
        <translation>البحث عن السابق</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="94"/>
        <source>Search corpus</source>
        <translation>البحث في المدونة</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="97"/>
        <source>Edit attributes of the selected span</source>
        <translation>تحرير خصائص المقطع المحدد</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="99"/>
        <source>Label schema…</source>
        <translation>مخطط الوسوم…</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="101"/>
        <source>Keyboard shortcuts…</source>
        <translation>اختصارات لوحة المفاتيح…</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="103"/>
        <source>Mark done and open next</source>
        <translation>وضع علامة «منجز» وفتح التالي</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="107"/>
        <source>Mark todo</source>
        <translation>وضع علامة «لم يبدأ»</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="109"/>
        <source>Mark in progress</source>
        <translation>وضع علامة «قيد التنفيذ»</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="111"/>
        <source>Mark done</source>
        <translation>وضع علامة «منجز»</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="113"/>
        <source>Mark skipped</source>
        <translation>وضع علامة «متخطّى»</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="115"/>
        <source>Details…</source>
        <translation>التفاصيل…</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="119"/>
        <source>Toggle: document relevant</source>
        <translation>تبديل: المستند ذو صلة</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="121"/>
        <source>Edit document labels</source>
        <translation>تحرير وسوم المستند</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="123"/>
        <source>Next document</source>
        <translation>المستند التالي</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="125"/>
        <source>Previous document</source>
        <translation>المستند السابق</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="127"/>
        <source>Next undone document</source>
        <translation>المستند التالي غير المنجز</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="129"/>
        <source>Go to the first copy</source>
        <translation>الانتقال إلى النسخة الأولى</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="132"/>
        <source>Next: what the model is least sure of first</source>
        <translation>التالي: ما النموذج أقل يقينًا به أولًا</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="135"/>
        <source>All coders' spans</source>
        <translation>مقاطع جميع المرمِّزين</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="137"/>
        <source>Dark theme</source>
        <translation>السمة الداكنة</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="139"/>
        <source>Larger text</source>
        <translation>نص أكبر</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="141"/>
        <source>Smaller text</source>
        <translation>نص أصغر</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="143"/>
        <source>Language…</source>
        <translation>اللغة…</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="144"/>
        <source>&amp;Map of places</source>
        <translation>&amp;خريطة الأماكن</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="147"/>
        <source>Link the selected span to another…</source>
        <translation>ربط المقطع المحدد بمقطع آخر…</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="149"/>
        <source>Next span</source>
        <translation>المقطع التالي</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="151"/>
        <source>Previous span</source>
        <translation>المقطع السابق</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="153"/>
        <source>Links of the selected span</source>
        <translation>روابط المقطع المحدد</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="156"/>
        <source>Change the type of the selected link…</source>
        <translation>تغيير نوع الرابط المحدد…</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="158"/>
        <source>Remove the selected link</source>
        <translation>حذف الرابط المحدد</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="161"/>
        <source>New event from selected spans…</source>
        <translation>حدث جديد من المقاطع المحددة…</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="163"/>
        <source>Edit event…</source>
        <translation>تحرير الحدث…</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="165"/>
        <source>Remove event</source>
        <translation>حذف الحدث</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="168"/>
        <source>Suggest spans for this document</source>
        <translation>اقتراح مقاطع لهذا المستند</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="170"/>
        <source>Next suggestion (Tab)</source>
        <translation>الاقتراح التالي (Tab)</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="172"/>
        <source>Previous suggestion (Shift+Tab)</source>
        <translation>الاقتراح السابق (Shift+Tab)</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="174"/>
        <source>Accept suggestion (Enter)</source>
        <translation>قبول الاقتراح (Enter)</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="176"/>
        <source>Reject suggestion (Backspace)</source>
        <translation>رفض الاقتراح (Backspace)</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="178"/>
        <source>Accept all suggestions here</source>
        <translation>قبول كل الاقتراحات في هذا المستند</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="180"/>
        <source>Reject all suggestions here</source>
        <translation>رفض كل الاقتراحات في هذا المستند</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="182"/>
        <source>spaCy model for suggestions…</source>
        <translation>نموذج spaCy للاقتراحات…</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="186"/>
        <source>Tag all occurrences in this document</source>
        <translation>وسم كل المواضع في هذا المستند</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="189"/>
        <source>Tag all occurrences in the corpus</source>
        <translation>وسم كل المواضع في المدونة</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="192"/>
        <source>Carry the first copy's spans here</source>
        <translation>نقل مقاطع النسخة الأولى إلى هنا</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="194"/>
        <source>Train the corpus model now</source>
        <translation>تدريب نموذج المدونة الآن</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="196"/>
        <source>Corpus model…</source>
        <translation>نموذج المدونة…</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="199"/>
        <source>Train the corpus model every…</source>
        <translation>تدريب نموذج المدونة كل…</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="201"/>
        <source>Least confidence of model suggestions…</source>
        <translation>أدنى ثقة لاقتراحات النموذج…</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="204"/>
        <source>Agreement report…</source>
        <translation>تقرير الاتفاق بين المرمِّزين…</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="207"/>
        <source>Team progress…</source>
        <translation>تقدّم الفريق…</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="205"/>
        <source>Adjudicate this document…</source>
        <translation>التحكيم في هذا المستند…</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="209"/>
        <source>Near-duplicate threshold…</source>
        <translation>عتبة النسخ شبه المكررة…</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="211"/>
        <source>Keyboard shortcuts</source>
        <translation>اختصارات لوحة المفاتيح</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="212"/>
        <source>Codebook</source>
        <translation>دليل الترميز</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="213"/>
        <source>About annotator</source>
        <translation>حول annotator</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="220"/>
        <source>Shift+arrows, Ctrl+Shift+arrows</source>
        <translation>Shift+الأسهم، Ctrl+Shift+الأسهم</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="221"/>
        <source>select text (snapped to whole words)</source>
        <translation>تحديد النص (بكلمات كاملة)</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="222"/>
        <source>Alt while selecting</source>
        <translation>Alt أثناء التحديد</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="223"/>
        <source>keep the selection exactly as made, without snapping</source>
        <translation>إبقاء التحديد كما هو تمامًا، دون توسيعه إلى كلمات كاملة</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="224"/>
        <source>Alt as you let go of the mouse</source>
        <translation>Alt عند إفلات زر الفأرة</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="225"/>
        <source>keep the selection exactly as dragged</source>
        <translation>إبقاء التحديد كما سُحب تمامًا</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="226"/>
        <source>Ctrl+click</source>
        <translation>Ctrl+نقرة</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="227"/>
        <source>add a span to the selection, or take it out</source>
        <translation>إضافة مقطع إلى التحديد أو إخراجه منه</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="228"/>
        <source>Tab, Shift+Tab</source>
        <translation>Tab، Shift+Tab</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="229"/>
        <source>next, previous suggestion (when there are suggestions)</source>
        <translation>الاقتراح التالي، السابق (عند وجود اقتراحات)</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="230"/>
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="231"/>
        <source>accept the selected suggestion</source>
        <translation>قبول الاقتراح المحدد</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="232"/>
        <source>Backspace</source>
        <translation>Backspace</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="233"/>
        <source>reject the selected suggestion, or remove the selected span</source>
        <translation>رفض الاقتراح المحدد، أو حذف المقطع المحدد</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="234"/>
        <source>Tab (elsewhere)</source>
        <translation>Tab (في غير ذلك)</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="235"/>
        <source>move between the list, the article and the panes</source>
        <translation>التنقل بين القائمة والمقالة واللوحات</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="236"/>
        <source>Enter, Esc (linking)</source>
        <translation>Enter، Esc (أثناء الربط)</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="237"/>
        <source>link to the span moved to; stop linking</source>
        <translation>الربط بالمقطع المنتقَل إليه؛ إيقاف الربط</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="238"/>
        <source>Delete, Enter (Links list)</source>
        <translation>Delete، Enter (قائمة الروابط)</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="239"/>
        <source>remove the link; change its type</source>
        <translation>حذف الرابط؛ تغيير نوعه</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="45"/>
        <source>&amp;File</source>
        <translation>&amp;ملف</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="46"/>
        <source>&amp;Edit</source>
        <translation>&amp;تحرير</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="47"/>
        <source>&amp;Document</source>
        <translation>م&amp;ستند</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="48"/>
        <source>&amp;View</source>
        <translation>&amp;عرض</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="49"/>
        <source>&amp;Link</source>
        <translation>&amp;روابط</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="50"/>
        <source>E&amp;vent</source>
        <translation>&amp;حدث</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="51"/>
        <source>&amp;Suggest</source>
        <translation>ا&amp;قتراحات</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="52"/>
        <source>&amp;Tools</source>
        <translation>&amp;أدوات</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="53"/>
        <source>&amp;Help</source>
        <translation>مس&amp;اعدة</translation>
    </message>
</context>
<context>
    <name>AdjudicationDialog</name>
    <message>
        <location filename="../annotator/gui/adjudication_dialog.py" line="50"/>
        <source>Adjudicate</source>
        <translation>التحكيم</translation>
    </message>
    <message>
        <location filename="../annotator/gui/adjudication_dialog.py" line="54"/>
        <source>Take a version: {keys}; B both; Delete none; A every agreed row.</source>
        <translation>اختر نسخة: {keys}؛ B كلتاهما؛ Delete لا شيء؛ A كل الصفوف المتفق عليها.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/adjudication_dialog.py" line="58"/>
        <source>where</source>
        <translation>الموضع</translation>
    </message>
    <message>
        <location filename="../annotator/gui/adjudication_dialog.py" line="58"/>
        <source>gold</source>
        <translation>المعتمد</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../annotator/gui/app.py" line="77"/>
        <location filename="../annotator/gui/app.py" line="94"/>
        <source>Cannot open corpus</source>
        <translation>تعذّر فتح المدونة</translation>
    </message>
    <message>
        <location filename="../annotator/gui/app.py" line="138"/>
        <source>{error}. That step was not done; try again when the server answers.</source>
        <translation>{error}. لم تُنفَّذ هذه الخطوة؛ أعد المحاولة حين يستجيب الخادم.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/app.py" line="142"/>
        <source>{count} edit(s) still wait for the server, which cannot be reached; the rest of your work is saved.</source>
        <translation>لا يزال {count} تعديل بانتظار الخادم الذي يتعذّر الوصول إليه؛ باقي عملك محفوظ.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/app.py" line="145"/>
        <source>Your work so far is saved.</source>
        <translation>عملك حتى الآن محفوظ.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/app.py" line="147"/>
        <source>Something went wrong</source>
        <translation>حدث خطأ ما</translation>
    </message>
    <message>
        <location filename="../annotator/gui/app.py" line="148"/>
        <source>{error}

{saved} Details are in {log}.</source>
        <translation>{error}

{saved} التفاصيل في {log}.</translation>
    </message>
    <message>
        <source>{error}

Your work so far is saved. Details are in {log}.</source>
        <translation type="vanished">{error}

عملك حتى الآن محفوظ. التفاصيل في {log}.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/app.py" line="154"/>
        <source>Copy details</source>
        <translation>نسخ التفاصيل</translation>
    </message>
</context>
<context>
    <name>AttributeForm</name>
    <message>
        <location filename="../annotator/gui/attribute_form.py" line="32"/>
        <source>uncertain</source>
        <translation>غير مؤكد</translation>
    </message>
    <message>
        <location filename="../annotator/gui/attribute_form.py" line="33"/>
        <source>The coder is not sure.</source>
        <translation>المرمِّز غير متأكد.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/attribute_form.py" line="34"/>
        <source>note</source>
        <translation>ملاحظة</translation>
    </message>
    <message>
        <location filename="../annotator/gui/attribute_form.py" line="35"/>
        <source>A free note on this span.</source>
        <translation>ملاحظة حرة على هذا المقطع.</translation>
    </message>
</context>
<context>
    <name>BackgroundRunner</name>
    <message>
        <location filename="../annotator/gui/background_runner.py" line="28"/>
        <source>Wait for the work running in the background.</source>
        <translation>انتظر حتى ينتهي العمل الجاري في الخلفية.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/background_runner.py" line="33"/>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
</context>
<context>
    <name>Codebook</name>
    <message>
        <location filename="../annotator/gui/codebook.py" line="27"/>
        <source>Label in use</source>
        <translation>الوسم مستخدَم</translation>
    </message>
    <message>
        <location filename="../annotator/gui/codebook.py" line="28"/>
        <source>{count} spans are labelled {label}. Move them to which label?</source>
        <translation>عدد المقاطع التي تحمل الوسم {label}: {count}. إلى أي وسم تُنقل؟</translation>
    </message>
    <message>
        <location filename="../annotator/gui/codebook.py" line="38"/>
        <source>Schema not changed</source>
        <translation>لم يُغيَّر المخطط</translation>
    </message>
    <message>
        <location filename="../annotator/gui/codebook.py" line="42"/>
        <source>Label schema saved.</source>
        <translation>حُفظ مخطط الوسوم.</translation>
    </message>
</context>
<context>
    <name>CodebookDialog</name>
    <message>
        <location filename="../annotator/gui/codebook_dialog.py" line="21"/>
        <location filename="../annotator/gui/codebook_dialog.py" line="77"/>
        <source>Codebook</source>
        <translation>دليل الترميز</translation>
    </message>
    <message>
        <location filename="../annotator/gui/codebook_dialog.py" line="30"/>
        <location filename="../annotator/gui/codebook_dialog.py" line="67"/>
        <source>Edit</source>
        <translation>تحرير</translation>
    </message>
    <message>
        <location filename="../annotator/gui/codebook_dialog.py" line="67"/>
        <source>Preview</source>
        <translation>معاينة</translation>
    </message>
    <message>
        <location filename="../annotator/gui/codebook_dialog.py" line="77"/>
        <source>Drop your changes to the codebook?</source>
        <translation>أتريد تجاهل تغييراتك على دليل الترميز؟</translation>
    </message>
</context>
<context>
    <name>CodingActions</name>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;تحرير</translation>
    </message>
    <message>
        <location filename="../annotator/gui/coding_actions.py" line="74"/>
        <source>Tag or relabel as</source>
        <translation>وسم أو تغيير الوسم إلى</translation>
    </message>
    <message>
        <location filename="../annotator/gui/coding_actions.py" line="109"/>
        <source>Dark theme.</source>
        <translation>السمة الداكنة.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/coding_actions.py" line="110"/>
        <source>Light theme.</source>
        <translation>السمة الفاتحة.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/coding_actions.py" line="115"/>
        <source>Text size {scale} %.</source>
        <translation>حجم النص {scale} %.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/coding_actions.py" line="124"/>
        <source>The system's language</source>
        <translation>لغة النظام</translation>
    </message>
    <message>
        <location filename="../annotator/gui/coding_actions.py" line="128"/>
        <source>Language</source>
        <translation>اللغة</translation>
    </message>
    <message>
        <location filename="../annotator/gui/coding_actions.py" line="129"/>
        <source>The language of the window (from the next start):</source>
        <translation>لغة النافذة (بدءًا من التشغيل التالي):</translation>
    </message>
    <message>
        <location filename="../annotator/gui/coding_actions.py" line="139"/>
        <source>The window will be in the system's language from the next start.</source>
        <translation>ستظهر النافذة بلغة النظام بدءًا من التشغيل التالي.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/coding_actions.py" line="143"/>
        <source>The window will be in {language} from the next start.</source>
        <translation>ستكون لغة النافذة {language} بدءًا من التشغيل التالي.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/coding_actions.py" line="164"/>
        <source>Click a span to select it first.</source>
        <translation>انقر مقطعًا لتحديده أولًا.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/coding_actions.py" line="205"/>
        <source>Select a span first (click it, or pick it in the span list).</source>
        <translation>حدّد مقطعًا أولًا (انقره، أو اختره من قائمة المقاطع).</translation>
    </message>
    <message>
        <source>&amp;Document</source>
        <translation>م&amp;ستند</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;عرض</translation>
    </message>
    <message>
        <location filename="../annotator/gui/coding_actions.py" line="178"/>
        <source>Document details (read-only)</source>
        <translation>تفاصيل المستند (للقراءة فقط)</translation>
    </message>
</context>
<context>
    <name>ConnectDialog</name>
    <message>
        <location filename="../annotator/gui/connect_dialog.py" line="37"/>
        <source>Connect to team server</source>
        <translation>الاتصال بخادم الفريق</translation>
    </message>
    <message>
        <location filename="../annotator/gui/connect_dialog.py" line="40"/>
        <source>postgresql://… or service=NAME (optional)</source>
        <translation>postgresql://… أو service=الاسم (اختياري)</translation>
    </message>
    <message>
        <location filename="../annotator/gui/connect_dialog.py" line="50"/>
        <source>empty: from ~/.pgpass</source>
        <translation>فارغة: من ‎~/.pgpass</translation>
    </message>
    <message>
        <location filename="../annotator/gui/connect_dialog.py" line="53"/>
        <source>verify the server's certificate (verify-full)</source>
        <translation>التحقق من شهادة الخادم (verify-full)</translation>
    </message>
    <message>
        <location filename="../annotator/gui/connect_dialog.py" line="54"/>
        <source>encrypt, without checking the certificate (require)</source>
        <translation>التشفير دون التحقق من الشهادة (require)</translation>
    </message>
    <message>
        <location filename="../annotator/gui/connect_dialog.py" line="55"/>
        <source>encrypt if the server can (prefer)</source>
        <translation>التشفير إن أمكن للخادم (prefer)</translation>
    </message>
    <message>
        <location filename="../annotator/gui/connect_dialog.py" line="56"/>
        <source>no encryption (disable)</source>
        <translation>دون تشفير (disable)</translation>
    </message>
    <message>
        <location filename="../annotator/gui/connect_dialog.py" line="59"/>
        <source>the team's CA certificate (empty: ~/.postgresql/root.crt)</source>
        <translation>شهادة جهة التصديق للفريق (فارغة: ‎~/.postgresql/root.crt)</translation>
    </message>
    <message>
        <location filename="../annotator/gui/connect_dialog.py" line="60"/>
        <source>Browse…</source>
        <translation>استعراض…</translation>
    </message>
    <message>
        <location filename="../annotator/gui/connect_dialog.py" line="66"/>
        <source>Address</source>
        <translation>العنوان</translation>
    </message>
    <message>
        <location filename="../annotator/gui/connect_dialog.py" line="67"/>
        <source>Server</source>
        <translation>الخادم</translation>
    </message>
    <message>
        <location filename="../annotator/gui/connect_dialog.py" line="68"/>
        <source>Port</source>
        <translation>المنفذ</translation>
    </message>
    <message>
        <location filename="../annotator/gui/connect_dialog.py" line="69"/>
        <source>Database</source>
        <translation>قاعدة البيانات</translation>
    </message>
    <message>
        <location filename="../annotator/gui/connect_dialog.py" line="70"/>
        <source>Your login</source>
        <translation>اسم دخولك</translation>
    </message>
    <message>
        <location filename="../annotator/gui/connect_dialog.py" line="71"/>
        <source>Password</source>
        <translation>كلمة المرور</translation>
    </message>
    <message>
        <location filename="../annotator/gui/connect_dialog.py" line="72"/>
        <source>Encryption</source>
        <translation>التشفير</translation>
    </message>
    <message>
        <location filename="../annotator/gui/connect_dialog.py" line="73"/>
        <source>CA certificate</source>
        <translation>شهادة جهة التصديق</translation>
    </message>
    <message>
        <location filename="../annotator/gui/connect_dialog.py" line="85"/>
        <source>Connect</source>
        <translation>اتصال</translation>
    </message>
    <message>
        <location filename="../annotator/gui/connect_dialog.py" line="99"/>
        <source>The team's CA certificate</source>
        <translation>شهادة جهة التصديق للفريق</translation>
    </message>
    <message>
        <location filename="../annotator/gui/connect_dialog.py" line="100"/>
        <source>Certificates (*.crt *.pem);;All files (*)</source>
        <translation>الشهادات (*.crt *.pem);;كل الملفات (*)</translation>
    </message>
    <message>
        <location filename="../annotator/gui/connect_dialog.py" line="150"/>
        <source>An address starts with postgresql:// or service=</source>
        <translation>يبدأ العنوان بـ postgresql://‎ أو service=‎</translation>
    </message>
    <message>
        <location filename="../annotator/gui/connect_dialog.py" line="144"/>
        <source>Name the database the team's corpus is in.</source>
        <translation>سمِّ قاعدة البيانات التي فيها مدونة الفريق.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/connect_dialog.py" line="42"/>
        <source>localhost</source>
        <translation>localhost</translation>
    </message>
</context>
<context>
    <name>CopyActions</name>
    <message>
        <location filename="../annotator/gui/copy_actions.py" line="107"/>
        <source> {count} of its spans are in passages this copy rewrote or cut, and were not carried.</source>
        <translation> {count} من مقاطعها في فقرات أعادت هذه النسخة كتابتها أو حذفتها، فلم تُنقل.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/copy_actions.py" line="111"/>
        <source>No spans of the first copy to carry here.</source>
        <translation>لا توجد مقاطع من النسخة الأولى لنقلها إلى هنا.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/copy_actions.py" line="114"/>
        <source>carry the first copy's spans</source>
        <translation>نقل مقاطع النسخة الأولى</translation>
    </message>
    <message>
        <location filename="../annotator/gui/copy_actions.py" line="116"/>
        <source>{count} spans carried from the first copy as suggestions: Tab moves, Enter accepts, Backspace rejects.</source>
        <translation>نُقل {count} مقطعًا من النسخة الأولى كاقتراحات: Tab للتنقل، Enter للقبول، Backspace للرفض.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/copy_actions.py" line="124"/>
        <source>Near-duplicate threshold</source>
        <translation>عتبة النسخ شبه المكررة</translation>
    </message>
    <message>
        <location filename="../annotator/gui/copy_actions.py" line="125"/>
        <source>Mark a document as a copy of an earlier one when they share at least this share of their five-word phrases ({low} to 1):</source>
        <translation>اعتبر المستند نسخة من مستند سابق إذا اشتركا في هذه النسبة على الأقل من عباراتهما ذات الكلمات الخمس ({low} إلى 1):</translation>
    </message>
    <message>
        <location filename="../annotator/gui/copy_actions.py" line="134"/>
        <source>The threshold is a share between {low} and 1.0, not {answer}.</source>
        <translation>العتبة نسبة بين {low} و1.0، وليست {answer}.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/copy_actions.py" line="142"/>
        <source>{marked} near-duplicates at similarity {threshold:g}.</source>
        <translation>{marked} من النسخ شبه المكررة عند تشابه {threshold:g}.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/copy_actions.py" line="148"/>
        <source>Comparing the documents…</source>
        <translation>جارٍ مقارنة المستندات…</translation>
    </message>
    <message>
        <location filename="../annotator/gui/copy_actions.py" line="153"/>
        <source>This document is not marked as a near-duplicate.</source>
        <translation>هذا المستند غير معلَّم كنسخة شبه مكررة.</translation>
    </message>
</context>
<context>
    <name>CopyBar</name>
    <message>
        <location filename="../annotator/gui/copy_actions.py" line="43"/>
        <source>Go to the first copy</source>
        <translation>الانتقال إلى النسخة الأولى</translation>
    </message>
    <message>
        <location filename="../annotator/gui/copy_actions.py" line="44"/>
        <source>Carry its spans here</source>
        <translation>نقل مقاطعها إلى هنا</translation>
    </message>
    <message>
        <location filename="../annotator/gui/copy_actions.py" line="53"/>
        <source>A near-duplicate: {similarity:.0%} alike with the first copy, “{title}”.</source>
        <translation>نسخة شبه مكررة: تشابه {similarity:.0%} مع النسخة الأولى، «{title}».</translation>
    </message>
</context>
<context>
    <name>DetailsDialog</name>
    <message>
        <location filename="../annotator/gui/details_dialog.py" line="44"/>
        <source>Document details</source>
        <translation>تفاصيل المستند</translation>
    </message>
    <message>
        <location filename="../annotator/gui/details_dialog.py" line="47"/>
        <source>YYYY-MM-DD</source>
        <translation>YYYY-MM-DD</translation>
    </message>
    <message>
        <location filename="../annotator/gui/details_dialog.py" line="32"/>
        <location filename="../annotator/gui/details_dialog.py" line="52"/>
        <source>Not relevant to this codebook</source>
        <translation>لا صلة له بدليل الترميز هذا</translation>
    </message>
    <message>
        <location filename="../annotator/gui/details_dialog.py" line="25"/>
        <source>Published: {date}</source>
        <translation>تاريخ النشر: {date}</translation>
    </message>
    <message>
        <location filename="../annotator/gui/details_dialog.py" line="27"/>
        <source>Source: {source}</source>
        <translation>المصدر: {source}</translation>
    </message>
    <message>
        <location filename="../annotator/gui/details_dialog.py" line="29"/>
        <source>URL: {url}</source>
        <translation>عنوان URL: {url}</translation>
    </message>
    <message>
        <location filename="../annotator/gui/details_dialog.py" line="34"/>
        <source>Duplicate of: {document}</source>
        <translation>نسخة مكررة من: {document}</translation>
    </message>
    <message>
        <location filename="../annotator/gui/details_dialog.py" line="37"/>
        <source>Notes:</source>
        <translation>ملاحظات:</translation>
    </message>
    <message>
        <location filename="../annotator/gui/details_dialog.py" line="55"/>
        <source>id of the document this one repeats</source>
        <translation>معرّف المستند الذي يكرره هذا المستند</translation>
    </message>
    <message>
        <location filename="../annotator/gui/details_dialog.py" line="58"/>
        <source>Published</source>
        <translation>تاريخ النشر</translation>
    </message>
    <message>
        <location filename="../annotator/gui/details_dialog.py" line="59"/>
        <source>Source</source>
        <translation>المصدر</translation>
    </message>
    <message>
        <location filename="../annotator/gui/details_dialog.py" line="60"/>
        <source>URL</source>
        <translation>عنوان URL</translation>
    </message>
    <message>
        <location filename="../annotator/gui/details_dialog.py" line="61"/>
        <source>Notes</source>
        <translation>ملاحظات</translation>
    </message>
    <message>
        <location filename="../annotator/gui/details_dialog.py" line="63"/>
        <source>Duplicate of</source>
        <translation>نسخة مكررة من</translation>
    </message>
</context>
<context>
    <name>DocLabelActions</name>
    <message>
        <location filename="../annotator/gui/doc_label_pane.py" line="239"/>
        <source>read-only: {why}</source>
        <translation>للقراءة فقط: {why}</translation>
    </message>
    <message>
        <location filename="../annotator/gui/doc_label_pane.py" line="246"/>
        <source>Not saved: {reason}</source>
        <translation>لم يُحفظ: {reason}</translation>
    </message>
    <message>
        <location filename="../annotator/gui/doc_label_pane.py" line="269"/>
        <source>The codebook has no yes/no question about documents.</source>
        <translation>لا يتضمن دليل الترميز سؤالًا بنعم/لا عن المستندات.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/doc_label_pane.py" line="274"/>
        <source>{name}: yes</source>
        <translation>{name}: نعم</translation>
    </message>
    <message>
        <location filename="../annotator/gui/doc_label_pane.py" line="275"/>
        <source>{name}: no</source>
        <translation>{name}: لا</translation>
    </message>
    <message>
        <location filename="../annotator/gui/doc_label_pane.py" line="280"/>
        <source>The codebook asks nothing about whole documents.</source>
        <translation>لا يسأل دليل الترميز شيئًا عن المستندات كاملة.</translation>
    </message>
</context>
<context>
    <name>DocLabelPane</name>
    <message>
        <location filename="../annotator/gui/doc_label_pane.py" line="184"/>
        <source>{name}: yes</source>
        <translation>{name}: نعم</translation>
    </message>
    <message>
        <location filename="../annotator/gui/doc_label_pane.py" line="185"/>
        <source>{name}: no</source>
        <translation>{name}: لا</translation>
    </message>
    <message>
        <location filename="../annotator/gui/doc_label_pane.py" line="186"/>
        <source>{name}: any</source>
        <translation>{name}: أي قيمة</translation>
    </message>
</context>
<context>
    <name>DocLabelStrip</name>
    <message>
        <location filename="../annotator/gui/doc_label_pane.py" line="96"/>
        <source>This document:</source>
        <translation>هذا المستند:</translation>
    </message>
    <message>
        <location filename="../annotator/gui/doc_label_pane.py" line="120"/>
        <source>(not set)</source>
        <translation>(غير محدد)</translation>
    </message>
</context>
<context>
    <name>DocumentList</name>
    <message>
        <location filename="../annotator/gui/document_list.py" line="288"/>
        <source>No documents found</source>
        <translation>لم يُعثر على مستندات</translation>
    </message>
    <message>
        <location filename="../annotator/gui/document_list.py" line="293"/>
        <source>{count} document found</source>
        <translation>المستندات المطابقة: {count}</translation>
    </message>
    <message>
        <location filename="../annotator/gui/document_list.py" line="295"/>
        <source>{count} documents found</source>
        <translation>المستندات المطابقة: {count}</translation>
    </message>
</context>
<context>
    <name>DocumentListModel</name>
    <message>
        <location filename="../annotator/gui/document_list.py" line="39"/>
        <source>Title</source>
        <translation>العنوان</translation>
    </message>
    <message>
        <location filename="../annotator/gui/document_list.py" line="40"/>
        <source>Date</source>
        <translation>التاريخ</translation>
    </message>
    <message>
        <location filename="../annotator/gui/document_list.py" line="41"/>
        <source>Spans</source>
        <translation>المقاطع</translation>
    </message>
    <message>
        <location filename="../annotator/gui/document_list.py" line="89"/>
        <source>(untitled)</source>
        <translation>(بلا عنوان)</translation>
    </message>
    <message>
        <location filename="../annotator/gui/document_list.py" line="91"/>
        <source>≈{similarity:.0%} {title}</source>
        <translation>≈{similarity:.0%} {title}</translation>
    </message>
    <message>
        <location filename="../annotator/gui/document_list.py" line="96"/>
        <source>{title}
{status} · {count} spans · {uid}</source>
        <translation>{title}
{status} · المقاطع: {count} · {uid}</translation>
    </message>
    <message>
        <location filename="../annotator/gui/document_list.py" line="100"/>
        <source>Near-duplicate, {similarity:.0%} alike with the first copy: {first}</source>
        <translation>نسخة شبه مكررة، تشابه {similarity:.0%} مع النسخة الأولى: {first}</translation>
    </message>
    <message>
        <location filename="../annotator/gui/document_list.py" line="128"/>
        <source>Listing failed: {error}</source>
        <translation>تعذّر عرض القائمة: {error}</translation>
    </message>
    <message>
        <location filename="../annotator/gui/document_list.py" line="155"/>
        <source>Searching…</source>
        <translation>جارٍ البحث…</translation>
    </message>
    <message>
        <location filename="../annotator/gui/document_list.py" line="179"/>
        <source>Search failed</source>
        <translation>فشل البحث</translation>
    </message>
    <message>
        <location filename="../annotator/gui/document_list.py" line="197"/>
        <source>Search stopped</source>
        <translation>توقّف البحث</translation>
    </message>
</context>
<context>
    <name>DocumentPane</name>
    <message>
        <location filename="../annotator/gui/panes.py" line="45"/>
        <source>Documents</source>
        <translation>المستندات</translation>
    </message>
    <message>
        <location filename="../annotator/gui/panes.py" line="50"/>
        <source>any status</source>
        <translation>أي حالة</translation>
    </message>
    <message>
        <location filename="../annotator/gui/panes.py" line="54"/>
        <source>any labels</source>
        <translation>أي وسوم</translation>
    </message>
    <message>
        <location filename="../annotator/gui/panes.py" line="56"/>
        <source>any coder</source>
        <translation>أي مرمِّز</translation>
    </message>
    <message>
        <location filename="../annotator/gui/panes.py" line="58"/>
        <source>any document label</source>
        <translation>أي وسم للمستند</translation>
    </message>
    <message>
        <location filename="../annotator/gui/panes.py" line="59"/>
        <source>flagged</source>
        <translation>مُعلَّمة</translation>
    </message>
    <message>
        <location filename="../annotator/gui/panes.py" line="61"/>
        <source>near-duplicates too</source>
        <translation>مع النسخ شبه المكررة</translation>
    </message>
    <message>
        <location filename="../annotator/gui/panes.py" line="62"/>
        <source>no near-duplicates</source>
        <translation>بدون النسخ شبه المكررة</translation>
    </message>
    <message>
        <location filename="../annotator/gui/panes.py" line="63"/>
        <source>near-duplicates only</source>
        <translation>النسخ شبه المكررة فقط</translation>
    </message>
    <message>
        <location filename="../annotator/gui/panes.py" line="65"/>
        <source>Near-duplicates are stories the corpus already holds (a wire report other outlets ran): each is marked with how alike it is to the first copy.</source>
        <translation>النسخ شبه المكررة أخبار موجودة في المدونة من قبل (برقية وكالة نشرتها منافذ أخرى): تُعلَّم كل منها بمدى تشابهها مع النسخة الأولى.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/panes.py" line="68"/>
        <source>from YYYY-MM-DD</source>
        <translation>من YYYY-MM-DD</translation>
    </message>
    <message>
        <location filename="../annotator/gui/panes.py" line="70"/>
        <source>to YYYY-MM-DD</source>
        <translation>إلى YYYY-MM-DD</translation>
    </message>
    <message>
        <location filename="../annotator/gui/panes.py" line="171"/>
        <source>Documents   {done} / {total} done</source>
        <translation>المستندات   منجز {done} / {total}</translation>
    </message>
    <message>
        <location filename="../annotator/gui/panes.py" line="176"/>
        <source>with {label}</source>
        <translation>تتضمن {label}</translation>
    </message>
    <message>
        <location filename="../annotator/gui/panes.py" line="176"/>
        <source>without {label}</source>
        <translation>لا تتضمن {label}</translation>
    </message>
</context>
<context>
    <name>Editing</name>
    <message>
        <location filename="../annotator/gui/editing.py" line="19"/>
        <source>&amp;Undo {step}</source>
        <translation>&amp;تراجع عن {step}</translation>
    </message>
    <message>
        <location filename="../annotator/gui/editing.py" line="21"/>
        <source>&amp;Redo {step}</source>
        <translation>إ&amp;عادة {step}</translation>
    </message>
</context>
<context>
    <name>EventActions</name>
    <message>
        <location filename="../annotator/gui/event_actions.py" line="60"/>
        <source>{count} spans</source>
        <translation>المقاطع: {count}</translation>
    </message>
    <message>
        <location filename="../annotator/gui/event_actions.py" line="66"/>
        <source> (group {group})</source>
        <translation> (المجموعة {group})</translation>
    </message>
    <message>
        <location filename="../annotator/gui/event_actions.py" line="73"/>
        <source>Events ({count})</source>
        <translation>الأحداث ({count})</translation>
    </message>
    <message>
        <location filename="../annotator/gui/event_actions.py" line="90"/>
        <source>Select spans first: Ctrl+click them in the text or the span list.</source>
        <translation>حدّد المقاطع أولًا: Ctrl+نقرة عليها في النص أو في قائمة المقاطع.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/event_actions.py" line="106"/>
        <source>from “{words}” in the text</source>
        <translation>من «{words}» في النص</translation>
    </message>
    <message>
        <location filename="../annotator/gui/event_actions.py" line="108"/>
        <source>the article's date</source>
        <translation>تاريخ المقال</translation>
    </message>
    <message>
        <location filename="../annotator/gui/event_actions.py" line="120"/>
        <source>Select an event in the Events list.</source>
        <translation>حدّد حدثًا في قائمة الأحداث.</translation>
    </message>
</context>
<context>
    <name>EventDialog</name>
    <message>
        <location filename="../annotator/gui/event_dialog.py" line="32"/>
        <source>Span</source>
        <translation>المقطع</translation>
    </message>
    <message>
        <location filename="../annotator/gui/event_dialog.py" line="32"/>
        <source>Role</source>
        <translation>الدور</translation>
    </message>
    <message>
        <location filename="../annotator/gui/event_dialog.py" line="33"/>
        <source>Same victims as (group)</source>
        <translation>الضحايا أنفسهم (المجموعة)</translation>
    </message>
    <message>
        <location filename="../annotator/gui/event_dialog.py" line="34"/>
        <source>e.g. a (optional)</source>
        <translation>مثلًا a (اختياري)</translation>
    </message>
    <message>
        <location filename="../annotator/gui/event_dialog.py" line="36"/>
        <source>the day</source>
        <translation>باليوم</translation>
    </message>
    <message>
        <location filename="../annotator/gui/event_dialog.py" line="37"/>
        <source>within a week</source>
        <translation>في حدود أسبوع</translation>
    </message>
    <message>
        <location filename="../annotator/gui/event_dialog.py" line="38"/>
        <source>within a month</source>
        <translation>في حدود شهر</translation>
    </message>
    <message>
        <location filename="../annotator/gui/event_dialog.py" line="52"/>
        <source>Event</source>
        <translation>الحدث</translation>
    </message>
    <message>
        <location filename="../annotator/gui/event_dialog.py" line="61"/>
        <source>YYYY-MM-DD</source>
        <translation>YYYY-MM-DD</translation>
    </message>
    <message>
        <location filename="../annotator/gui/event_dialog.py" line="70"/>
        <source>Events of several articles that report the same happening: a dataset counts them as one event with several sources.</source>
        <translation>أحداث من عدة مقالات تروي الواقعة نفسها: تعدّها مجموعة البيانات حدثًا واحدًا له عدة مصادر.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/event_dialog.py" line="97"/>
        <source>Type</source>
        <translation>النوع</translation>
    </message>
    <message>
        <location filename="../annotator/gui/event_dialog.py" line="98"/>
        <source>Date</source>
        <translation>التاريخ</translation>
    </message>
    <message>
        <location filename="../annotator/gui/event_dialog.py" line="105"/>
        <source>Date precision</source>
        <translation>دقة التاريخ</translation>
    </message>
    <message>
        <location filename="../annotator/gui/event_dialog.py" line="106"/>
        <source>Note</source>
        <translation>ملاحظة</translation>
    </message>
    <message>
        <location filename="../annotator/gui/event_dialog.py" line="109"/>
        <source>Same incident as</source>
        <translation>الواقعة نفسها مثل</translation>
    </message>
    <message>
        <location filename="../annotator/gui/event_dialog.py" line="111"/>
        <source>Casualty spans with the same group are reports of the same victims: they give one range instead of being added up.</source>
        <translation>مقاطع الضحايا ذات المجموعة نفسها تقارير عن الضحايا أنفسهم: تعطي نطاقًا واحدًا بدلًا من أن تُجمع.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/event_codes.py" line="118"/>
        <source>— this event only</source>
        <translation>— هذا الحدث فقط</translation>
    </message>
    <message>
        <location filename="../annotator/gui/event_codes.py" line="122"/>
        <source>no date</source>
        <translation>بلا تاريخ</translation>
    </message>
    <message>
        <location filename="../annotator/gui/event_codes.py" line="124"/>
        <source>{type} on {date}, “{title}” ({count} documents)</source>
        <translation>{type} في {date}، «{title}» ({count} مستندات)</translation>
    </message>
    <message>
        <location filename="../annotator/gui/event_codes.py" line="129"/>
        <source>incident {id}</source>
        <translation>الواقعة {id}</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../annotator/gui/export_dialog.py" line="145"/>
        <source>Labels</source>
        <translation>الوسوم</translation>
    </message>
    <message>
        <location filename="../annotator/gui/export_dialog.py" line="97"/>
        <location filename="../annotator/gui/export_dialog.py" line="153"/>
        <source>Export</source>
        <translation>تصدير</translation>
    </message>
    <message>
        <location filename="../annotator/gui/export_dialog.py" line="42"/>
        <source>(any)</source>
        <translation>(أي حالة)</translation>
    </message>
    <message>
        <location filename="../annotator/gui/export_dialog.py" line="43"/>
        <source>(all coders)</source>
        <translation>(كل المرمِّزين)</translation>
    </message>
    <message>
        <location filename="../annotator/gui/export_dialog.py" line="44"/>
        <source>strict</source>
        <translation>صارم</translation>
    </message>
    <message>
        <location filename="../annotator/gui/export_dialog.py" line="45"/>
        <source>contract</source>
        <translation>تقليص</translation>
    </message>
    <message>
        <location filename="../annotator/gui/export_dialog.py" line="46"/>
        <source>expand</source>
        <translation>توسيع</translation>
    </message>
    <message>
        <location filename="../annotator/gui/export_dialog.py" line="49"/>
        <source>annotator's native JSONL: everything</source>
        <translation>صيغة JSONL الأصلية لـ annotator: كل شيء</translation>
    </message>
    <message>
        <location filename="../annotator/gui/export_dialog.py" line="50"/>
        <source>doccano sequence labelling JSONL</source>
        <translation>JSONL لوسم التسلسلات في doccano</translation>
    </message>
    <message>
        <location filename="../annotator/gui/export_dialog.py" line="51"/>
        <source>Prodigy ner_manual JSONL with tokens</source>
        <translation>JSONL بصيغة Prodigy ner_manual مع الوحدات النصية</translation>
    </message>
    <message>
        <location filename="../annotator/gui/export_dialog.py" line="52"/>
        <source>spaCy DocBin (doc.spans and doc.ents)</source>
        <translation>spaCy DocBin (doc.spans و doc.ents)</translation>
    </message>
    <message>
        <location filename="../annotator/gui/export_dialog.py" line="53"/>
        <source>CoNLL-2003 style IOB2</source>
        <translation>IOB2 بأسلوب CoNLL-2003</translation>
    </message>
    <message>
        <location filename="../annotator/gui/export_dialog.py" line="54"/>
        <source>brat standoff folder (.txt, .ann, annotation.conf)</source>
        <translation>مجلد brat standoff (.txt، .ann، annotation.conf)</translation>
    </message>
    <message>
        <location filename="../annotator/gui/export_dialog.py" line="55"/>
        <source>one row per span, spreadsheet-safe</source>
        <translation>صف لكل مقطع، آمن لجداول البيانات</translation>
    </message>
    <message>
        <location filename="../annotator/gui/export_dialog.py" line="56"/>
        <source>one row per event: actors by role, places, casualties per outcome</source>
        <translation>صف لكل حدث: الفاعلون حسب الدور، والأماكن، والضحايا حسب النتيجة</translation>
    </message>
    <message>
        <location filename="../annotator/gui/export_dialog.py" line="58"/>
        <source>Hugging Face token classification (.parquet, or .jsonl by name)</source>
        <translation>تصنيف الوحدات النصية لـ Hugging Face (.parquet، أو .jsonl بحسب اسم الملف)</translation>
    </message>
    <message>
        <location filename="../annotator/gui/export_dialog.py" line="60"/>
        <source>Label Studio JSON tasks</source>
        <translation>مهام JSON لـ Label Studio</translation>
    </message>
    <message>
        <location filename="../annotator/gui/export_dialog.py" line="61"/>
        <source>INCEpTION UIMA CAS XMI folder (TypeSystem.xml, one .xmi a document)</source>
        <translation>مجلد INCEpTION UIMA CAS XMI (TypeSystem.xml، وملف .xmi لكل مستند)</translation>
    </message>
    <message>
        <location filename="../annotator/gui/export_dialog.py" line="63"/>
        <source>WebAnno TSV 3.3 folder for INCEpTION (one .tsv a document)</source>
        <translation>مجلد WebAnno TSV 3.3 لـ INCEpTION (ملف .tsv لكل مستند)</translation>
    </message>
    <message>
        <location filename="../annotator/gui/export_dialog.py" line="65"/>
        <source>ACLED's columns, one row per event, codes checked against ACLED's codebook</source>
        <translation>أعمدة ACLED، صف لكل حدث، والرموز مُتحقَّق منها وفق دليل ترميز ACLED</translation>
    </message>
    <message>
        <location filename="../annotator/gui/export_dialog.py" line="68"/>
        <source>UCDP GED's columns, one row per event, deaths by side</source>
        <translation>أعمدة UCDP GED، صف لكل حدث، والقتلى حسب الطرف</translation>
    </message>
    <message>
        <location filename="../annotator/gui/export_dialog.py" line="69"/>
        <source>PLOVER/POLECAT event records, one JSON object per event</source>
        <translation>سجلات أحداث PLOVER/POLECAT، كائن JSON لكل حدث</translation>
    </message>
    <message>
        <location filename="../annotator/gui/export_dialog.py" line="103"/>
        <source>{name} — {description}</source>
        <translation>{name} — {description}</translation>
    </message>
    <message>
        <location filename="../annotator/gui/export_dialog.py" line="106"/>
        <source>Browse…</source>
        <translation>استعراض…</translation>
    </message>
    <message>
        <location filename="../annotator/gui/export_dialog.py" line="127"/>
        <source>e.g. 80/10/10 (empty: one output)</source>
        <translation>مثلًا 80/10/10 (فارغ: ناتج واحد)</translation>
    </message>
    <message>
        <location filename="../annotator/gui/export_dialog.py" line="136"/>
        <source>e.g. en,fr (empty: all)</source>
        <translation>مثلًا en,fr (فارغ: الكل)</translation>
    </message>
    <message>
        <location filename="../annotator/gui/export_dialog.py" line="137"/>
        <source>Write nothing if anything would be lost</source>
        <translation>لا تكتب شيئًا إن كان سيُفقد أي شيء</translation>
    </message>
    <message>
        <location filename="../annotator/gui/export_dialog.py" line="141"/>
        <source>Format</source>
        <translation>الصيغة</translation>
    </message>
    <message>
        <location filename="../annotator/gui/export_dialog.py" line="142"/>
        <source>Output</source>
        <translation>الوجهة</translation>
    </message>
    <message>
        <location filename="../annotator/gui/export_dialog.py" line="143"/>
        <source>Status</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <location filename="../annotator/gui/export_dialog.py" line="144"/>
        <source>Coder</source>
        <translation>المرمِّز</translation>
    </message>
    <message>
        <location filename="../annotator/gui/export_dialog.py" line="146"/>
        <source>Split</source>
        <translation>التقسيم</translation>
    </message>
    <message>
        <location filename="../annotator/gui/export_dialog.py" line="147"/>
        <source>Seed</source>
        <translation>البذرة</translation>
    </message>
    <message>
        <location filename="../annotator/gui/export_dialog.py" line="148"/>
        <source>Off-token spans</source>
        <translation>مقاطع خارج حدود الوحدات</translation>
    </message>
    <message>
        <location filename="../annotator/gui/export_dialog.py" line="149"/>
        <source>Tokeniser language</source>
        <translation>لغة التقطيع</translation>
    </message>
    <message>
        <location filename="../annotator/gui/export_dialog.py" line="150"/>
        <source>Languages</source>
        <translation>اللغات</translation>
    </message>
    <message>
        <location filename="../annotator/gui/export_dialog.py" line="176"/>
        <source>Export to folder</source>
        <translation>التصدير إلى مجلد</translation>
    </message>
    <message>
        <location filename="../annotator/gui/export_dialog.py" line="179"/>
        <source>Export to</source>
        <translation>التصدير إلى</translation>
    </message>
    <message>
        <location filename="../annotator/gui/export_dialog.py" line="191"/>
        <source>choose where to write the export</source>
        <translation>اختر مكان كتابة التصدير</translation>
    </message>
    <message>
        <location filename="../annotator/gui/export_dialog.py" line="199"/>
        <source>tick at least one label</source>
        <translation>اختر وسمًا واحدًا على الأقل</translation>
    </message>
    <message>
        <location filename="../annotator/gui/export_dialog.py" line="205"/>
        <source>Languages: {value} names no language; give ISO 639-1 codes such as en,fr</source>
        <translation>اللغات: {value} لا يسمّي أي لغة؛ أدخل رموز ISO 639-1 مثل en,fr</translation>
    </message>
</context>
<context>
    <name>FileActions</name>
    <message>
        <location filename="../annotator/gui/file_actions.py" line="39"/>
        <source>Open &amp;Recent</source>
        <translation>فتح مدونة &amp;حديثة</translation>
    </message>
    <message>
        <location filename="../annotator/gui/file_actions.py" line="109"/>
        <source>Cannot open corpus</source>
        <translation>تعذّر فتح المدونة</translation>
    </message>
    <message>
        <location filename="../annotator/gui/file_actions.py" line="76"/>
        <location filename="../annotator/gui/file_actions.py" line="79"/>
        <location filename="../annotator/gui/file_actions.py" line="90"/>
        <source>New corpus</source>
        <translation>مدونة جديدة</translation>
    </message>
    <message>
        <location filename="../annotator/gui/file_actions.py" line="80"/>
        <source>{path} already exists; use Open instead.</source>
        <translation>{path} موجود من قبل؛ استخدم «فتح مدونة» بدلًا من ذلك.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/file_actions.py" line="121"/>
        <source>read-only: {why} — Import would change this corpus.</source>
        <translation>للقراءة فقط: {why} — الاستيراد سيغيّر هذه المدونة.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/file_actions.py" line="128"/>
        <source>Importing articles…</source>
        <translation>جارٍ استيراد المقالات…</translation>
    </message>
    <message>
        <location filename="../annotator/gui/file_actions.py" line="147"/>
        <source>Export not written</source>
        <translation>لم يُكتب التصدير</translation>
    </message>
    <message>
        <location filename="../annotator/gui/file_actions.py" line="155"/>
        <source>Exporting as {format}…</source>
        <translation>جارٍ التصدير بصيغة {format}…</translation>
    </message>
    <message>
        <location filename="../annotator/gui/file_actions.py" line="160"/>
        <source>read-only: {why} — Merge would change this corpus.</source>
        <translation>للقراءة فقط: {why} — الدمج سيغيّر هذه المدونة.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/file_actions.py" line="168"/>
        <source>{name}: is this corpus itself; nothing to merge</source>
        <translation>{name}: هي هذه المدونة نفسها؛ لا شيء للدمج</translation>
    </message>
    <message>
        <location filename="../annotator/gui/file_actions.py" line="181"/>
        <source>Merge finished</source>
        <translation>اكتمل الدمج</translation>
    </message>
    <message>
        <location filename="../annotator/gui/file_actions.py" line="195"/>
        <source>Import finished</source>
        <translation>اكتمل الاستيراد</translation>
    </message>
    <message>
        <location filename="../annotator/gui/file_actions.py" line="197"/>
        <source>Import: {summary}</source>
        <translation>الاستيراد: {summary}</translation>
    </message>
    <message>
        <location filename="../annotator/gui/file_actions.py" line="205"/>
        <source>Export finished</source>
        <translation>اكتمل التصدير</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <location filename="../annotator/gui/find_bar.py" line="46"/>
        <source>Find in this document</source>
        <translation>البحث في هذا المستند</translation>
    </message>
    <message>
        <location filename="../annotator/gui/find_bar.py" line="79"/>
        <source>no match</source>
        <translation>لا تطابق</translation>
    </message>
    <message>
        <location filename="../annotator/gui/find_bar.py" line="88"/>
        <source>{current} of {total}</source>
        <translation>{current} من {total}</translation>
    </message>
</context>
<context>
    <name>FragmentActions</name>
    <message>
        <location filename="../annotator/gui/fragment_actions.py" line="47"/>
        <source>Click the span first, then select the stretch to add to it and press Shift+Enter.</source>
        <translation>انقر المقطع أولًا، ثم حدّد النص المراد إضافته إليه واضغط Shift+Enter.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/fragment_actions.py" line="52"/>
        <source>Select the stretch to add to “{span}”, then press Shift+Enter.</source>
        <translation>حدّد النص المراد إضافته إلى «{span}»، ثم اضغط Shift+Enter.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/fragment_actions.py" line="57"/>
        <source>Accept the suggestion (Enter) before adding to it.</source>
        <translation>اقبل الاقتراح (Enter) قبل الإضافة إليه.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/fragment_actions.py" line="62"/>
        <source>That stretch is already part of the span.</source>
        <translation>هذا النص داخل المقطع بالفعل.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/fragment_actions.py" line="68"/>
        <source>“{span}”: {count} piece(s).</source>
        <translation>«{span}»: عدد الأجزاء {count}.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/fragment_actions.py" line="77"/>
        <source>read-only: {why} — nothing can be changed here.</source>
        <translation>للقراءة فقط: {why} — لا يمكن تغيير شيء هنا.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/fragment_actions.py" line="82"/>
        <source>Select a span of several pieces first; Delete removes a whole span.</source>
        <translation>حدّد أولًا مقطعًا من عدة أجزاء؛ Delete يحذف المقطع كله.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/fragment_actions.py" line="92"/>
        <source>Put the cursor in the piece to take away (or right-click the span).</source>
        <translation>ضع المؤشر في الجزء المراد إزالته (أو انقر المقطع بالزر الأيمن).</translation>
    </message>
    <message>
        <location filename="../annotator/gui/fragment_actions.py" line="99"/>
        <source>Not changed: {reason}.</source>
        <translation>لم يُغيَّر: {reason}.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/fragment_actions.py" line="104"/>
        <source>Took “{piece}” from the span: now “{span}”.</source>
        <translation>أُزيل «{piece}» من المقطع: صار «{span}».</translation>
    </message>
</context>
<context>
    <name>HealthWatch</name>
    <message>
        <location filename="../annotator/gui/health_watch.py" line="59"/>
        <source>This corpus is damaged</source>
        <translation>هذه المدونة تالفة</translation>
    </message>
    <message>
        <location filename="../annotator/gui/health_watch.py" line="60"/>
        <source>{path}

{problem}

Your latest edits are in the file, but parts of it cannot be read. Restore it from a backup in {backups} (File &gt; Open corpus…), or export what can be read.</source>
        <translation>{path}

{problem}

آخر تعديلاتك موجودة في الملف، لكن تتعذّر قراءة أجزاء منه. استعِده من نسخة احتياطية في {backups} (ملف &gt; فتح مدونة)، أو صدّر ما يمكن قراءته.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/health_watch.py" line="66"/>
        <source>Backed up to {path}</source>
        <translation>نُسخ احتياطيًا إلى {path}</translation>
    </message>
</context>
<context>
    <name>History</name>
    <message>
        <location filename="../annotator/session/history.py" line="66"/>
        <source>{count} edit(s) made while the server could not be reached were not saved: the first was “{step}”.</source>
        <translation>لم يُحفظ {count} تعديل أُجري أثناء تعذّر الوصول إلى الخادم: أولها «{step}».</translation>
    </message>
    <message>
        <location filename="../annotator/session/history.py" line="161"/>
        <source>Nothing was taken back: {count} edit(s) still wait for the server, which cannot be reached.</source>
        <translation>لم يُتراجع عن شيء: لا يزال {count} تعديل بانتظار الخادم الذي يتعذّر الوصول إليه.</translation>
    </message>
    <message>
        <location filename="../annotator/session/history.py" line="164"/>
        <source>Nothing was done again: {count} edit(s) still wait for the server, which cannot be reached.</source>
        <translation>لم يُعَد تنفيذ شيء: لا يزال {count} تعديل بانتظار الخادم الذي يتعذّر الوصول إليه.</translation>
    </message>
    <message>
        <location filename="../annotator/session/history.py" line="234"/>
        <source>Could not take back “{step}”: {error}. That step is dropped from the undo history.</source>
        <translation>تعذّر التراجع عن «{step}»: {error}. حُذفت هذه الخطوة من سجل التراجع.</translation>
    </message>
    <message>
        <location filename="../annotator/session/history.py" line="238"/>
        <source>Could not do again “{step}”: {error}. That step is dropped from the undo history.</source>
        <translation>تعذّرت إعادة «{step}»: {error}. حُذفت هذه الخطوة من سجل التراجع.</translation>
    </message>
    <message>
        <location filename="../annotator/session/history.py" line="256"/>
        <source>Could not take back “{step}”: {error}</source>
        <translation>تعذّر التراجع عن «{step}»: {error}</translation>
    </message>
    <message>
        <location filename="../annotator/session/history.py" line="258"/>
        <source>Could not save “{step}”: {error}</source>
        <translation>تعذّر حفظ «{step}»: {error}</translation>
    </message>
</context>
<context>
    <name>LabelActions</name>
    <message>
        <location filename="../annotator/gui/label_actions.py" line="48"/>
        <source>For example: {examples}</source>
        <translation>أمثلة: {examples}</translation>
    </message>
    <message>
        <location filename="../annotator/gui/label_actions.py" line="50"/>
        <source>Keys: {keys}</source>
        <translation>المفاتيح: {keys}</translation>
    </message>
</context>
<context>
    <name>LinkListModel</name>
    <message>
        <location filename="../annotator/gui/link_list.py" line="59"/>
        <source>this span —{label}→ “{other}”</source>
        <translation>هذا المقطع —{label}← «{other}»</translation>
    </message>
    <message>
        <location filename="../annotator/gui/link_list.py" line="60"/>
        <source>“{other}” —{label}→ this span</source>
        <translation>«{other}» —{label}← هذا المقطع</translation>
    </message>
    <message>
        <location filename="../annotator/gui/link_list.py" line="61"/>
        <source>{label} · coder {coder}</source>
        <translation>{label} · المرمِّز {coder}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../annotator/gui/main_window.py" line="79"/>
        <source>Labels</source>
        <translation>الوسوم</translation>
    </message>
    <message>
        <location filename="../annotator/gui/main_window.py" line="219"/>
        <source>{name} (read-only) — annotator</source>
        <translation>{name} (للقراءة فقط) — annotator</translation>
    </message>
    <message>
        <location filename="../annotator/gui/main_window.py" line="220"/>
        <source>{name} — annotator</source>
        <translation>{name} — annotator</translation>
    </message>
    <message>
        <location filename="../annotator/gui/main_window.py" line="300"/>
        <source>Spans ({count} · {suggested} suggested)</source>
        <translation>المقاطع ({count} · مقترحة: {suggested})</translation>
    </message>
    <message>
        <location filename="../annotator/gui/main_window.py" line="363"/>
        <source>Not saved. {message}</source>
        <translation>لم يُحفظ. {message}</translation>
    </message>
    <message>
        <location filename="../annotator/gui/main_window.py" line="371"/>
        <source>Waiting for another program that is writing to the corpus…</source>
        <translation>بانتظار برنامج آخر يكتب في المدونة…</translation>
    </message>
    <message>
        <location filename="../annotator/gui/main_window.py" line="383"/>
        <source>read-only: {why}. You can read, search and export this corpus; nothing in it can be changed here.</source>
        <translation>للقراءة فقط: {why}. يمكنك قراءة هذه المدونة والبحث فيها وتصديرها؛ ولا يمكن تغيير شيء فيها هنا.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/main_window.py" line="390"/>
        <source>The work in the background stopped.

{message}</source>
        <translation>توقّف العمل الجاري في الخلفية.

{message}</translation>
    </message>
    <message>
        <location filename="../annotator/gui/main_window.py" line="434"/>
        <source>Could not save the settings: {reason}. Work goes on.</source>
        <translation>تعذّر حفظ الإعدادات: {reason}. يستمر العمل.</translation>
    </message>
    <message>
        <source>✓ all saved</source>
        <translation>✓ حُفظ كل شيء</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;ملف</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;تحرير</translation>
    </message>
    <message>
        <source>Tag or relabel as</source>
        <translation>وسم أو تغيير الوسم إلى</translation>
    </message>
    <message>
        <source>&amp;Document</source>
        <translation>م&amp;ستند</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;عرض</translation>
    </message>
    <message>
        <source>&amp;Link</source>
        <translation>&amp;روابط</translation>
    </message>
    <message>
        <source>E&amp;vent</source>
        <translation>&amp;حدث</translation>
    </message>
    <message>
        <source>&amp;Suggest</source>
        <translation>ا&amp;قتراحات</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;أدوات</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>مس&amp;اعدة</translation>
    </message>
    <message>
        <source>✗ not saved</source>
        <translation>✗ لم يُحفظ</translation>
    </message>
    <message>
        <location filename="../annotator/gui/main_window.py" line="389"/>
        <source>Stopped</source>
        <translation>توقّف</translation>
    </message>
</context>
<context>
    <name>MapActions</name>
    <message>
        <location filename="../annotator/gui/map_actions.py" line="48"/>
        <source>Map of places</source>
        <translation>خريطة الأماكن</translation>
    </message>
    <message>
        <location filename="../annotator/gui/map_actions.py" line="149"/>
        <source>Select an event in the Events list to see its places.</source>
        <translation>اختر حدثًا في قائمة الأحداث لترى أماكنه.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/map_actions.py" line="156"/>
        <source>None of this event's places has coordinates: give its location spans a latitude and a longitude.</source>
        <translation>لا إحداثيات لأي مكان من أماكن هذا الحدث: أعطِ مقاطع المكان فيه خط عرض وخط طول.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/map_actions.py" line="189"/>
        <source>The places could not be read: {error}</source>
        <translation>تعذّرت قراءة الأماكن: {error}</translation>
    </message>
    <message>
        <location filename="../annotator/gui/map_actions.py" line="204"/>
        <source>No place in the documents listed has coordinates. The map shows the places of the documents the list shows: widen the search or the filters to see more.</source>
        <translation>لا إحداثيات لأي مكان في المستندات المعروضة. تُظهر الخريطة أماكن المستندات التي تعرضها القائمة: وسّع البحث أو المرشحات لترى المزيد.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/map_actions.py" line="208"/>
        <source>No coded place has coordinates yet. Tag a place as a location and give it a latitude and a longitude (a suggestion from the gazetteer fills them in): it appears here.</source>
        <translation>لا إحداثيات لأي مكان مرمّز بعد. وسم مكانًا كموقع وأعطه خط عرض وخط طول (يملؤهما اقتراح من المعجم الجغرافي): فيظهر هنا.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/map_actions.py" line="228"/>
        <source>The place's document could not be opened: {error}</source>
        <translation>تعذّر فتح مستند هذا المكان: {error}</translation>
    </message>
    <message>
        <location filename="../annotator/gui/map_actions.py" line="233"/>
        <source>“{place}” is no longer coded in that document.</source>
        <translation>لم يعد «{place}» مرمّزًا في ذلك المستند.</translation>
    </message>
</context>
<context>
    <name>MapPane</name>
    <message>
        <location filename="../annotator/gui/map_pane.py" line="38"/>
        <source>This event only</source>
        <translation>هذا الحدث فقط</translation>
    </message>
    <message>
        <location filename="../annotator/gui/map_pane.py" line="40"/>
        <source>Show only the places of the event selected in the Events list</source>
        <translation>إظهار أماكن الحدث المحدد في قائمة الأحداث فقط</translation>
    </message>
    <message>
        <location filename="../annotator/gui/map_pane.py" line="42"/>
        <source>Fit</source>
        <translation>ملاءمة</translation>
    </message>
    <message>
        <location filename="../annotator/gui/map_pane.py" line="43"/>
        <source>Show all the places shown (F)</source>
        <translation>إظهار كل الأماكن المعروضة (F)</translation>
    </message>
    <message>
        <location filename="../annotator/gui/map_pane.py" line="109"/>
        <source>showing {shown} of {total} places</source>
        <translation>عرض {shown} من {total} مكانًا</translation>
    </message>
    <message>
        <location filename="../annotator/gui/map_pane.py" line="112"/>
        <source>{places} places in {documents} documents</source>
        <translation>{places} مكانًا في {documents} مستندًا</translation>
    </message>
    <message>
        <location filename="../annotator/gui/map_pane.py" line="117"/>
        <source>{count} with unreadable coordinates left out</source>
        <translation>استُبعد {count} بإحداثيات غير مقروءة</translation>
    </message>
    <message>
        <location filename="../annotator/gui/map_pane.py" line="125"/>
        <source>in “{title}”</source>
        <translation>في «{title}»</translation>
    </message>
    <message>
        <location filename="../annotator/gui/map_pane.py" line="127"/>
        <source>event: {types}</source>
        <translation>الحدث: {types}</translation>
    </message>
    <message>
        <location filename="../annotator/gui/map_pane.py" line="129"/>
        <location filename="../annotator/gui/map_pane.py" line="152"/>
        <source>in no event</source>
        <translation>ليس في أي حدث</translation>
    </message>
    <message>
        <location filename="../annotator/gui/map_pane.py" line="135"/>
        <source>geo precision {precision}</source>
        <translation>الدقة الجغرافية {precision}</translation>
    </message>
    <message>
        <location filename="../annotator/gui/map_pane.py" line="140"/>
        <source>{count} places at this spot</source>
        <translation>{count} أماكن في هذه النقطة</translation>
    </message>
</context>
<context>
    <name>NoticeBar</name>
    <message>
        <location filename="../annotator/gui/notices.py" line="64"/>
        <source>Close this notice</source>
        <translation>إغلاق هذا التنبيه</translation>
    </message>
</context>
<context>
    <name>Origin</name>
    <message>
        <location filename="../annotator/session/messages.py" line="67"/>
        <source>manual</source>
        <translation>يدوي</translation>
    </message>
    <message>
        <location filename="../annotator/session/messages.py" line="68"/>
        <source>suggested</source>
        <translation>مقترح</translation>
    </message>
    <message>
        <location filename="../annotator/session/messages.py" line="69"/>
        <source>imported</source>
        <translation>مستورد</translation>
    </message>
    <message>
        <location filename="../annotator/session/messages.py" line="70"/>
        <source>accepted</source>
        <translation>مقبول</translation>
    </message>
</context>
<context>
    <name>ProgressReport</name>
    <message>
        <location filename="../annotator/gui/progress_report.py" line="17"/>
        <source>coder</source>
        <translation>المرمِّز</translation>
    </message>
    <message>
        <location filename="../annotator/gui/progress_report.py" line="17"/>
        <source>taken</source>
        <translation>مأخوذة</translation>
    </message>
    <message>
        <location filename="../annotator/gui/progress_report.py" line="18"/>
        <source>done</source>
        <translation>منجزة</translation>
    </message>
    <message>
        <location filename="../annotator/gui/progress_report.py" line="18"/>
        <source>in progress</source>
        <translation>قيد العمل</translation>
    </message>
    <message>
        <location filename="../annotator/gui/progress_report.py" line="19"/>
        <source>skipped</source>
        <translation>متروكة</translation>
    </message>
    <message>
        <location filename="../annotator/gui/progress_report.py" line="23"/>
        <source>Work queue: {taken} of {total} copies taken, {waiting} waiting.</source>
        <translation>قائمة العمل: أُخذت {taken} من {total} نسخة، وتنتظر {waiting}.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/progress_report.py" line="28"/>
        <source>No one has coded anything yet.</source>
        <translation>لم يرمّز أحد شيئًا بعد.</translation>
    </message>
</context>
<context>
    <name>Prompts</name>
    <message>
        <location filename="../annotator/gui/prompts.py" line="37"/>
        <source>annotator corpora (*.sqlite *.db *.annotator);;All files (*)</source>
        <translation>مدونات annotator (*.sqlite *.db *.annotator);;كل الملفات (*)</translation>
    </message>
    <message>
        <location filename="../annotator/gui/prompts.py" line="43"/>
        <source>Articles and annotations (*.txt *.jsonl *.ndjson *.json *.csv *.spacy *.conll *.iob *.bio *.tsv *.ann);;All files (*)</source>
        <translation>المقالات والوسوم (*.txt *.jsonl *.ndjson *.json *.csv *.spacy *.conll *.iob *.bio *.tsv *.ann);;كل الملفات (*)</translation>
    </message>
    <message>
        <location filename="../annotator/gui/prompts.py" line="54"/>
        <source>Who is coding?</source>
        <translation>من يرمِّز؟</translation>
    </message>
    <message>
        <location filename="../annotator/gui/prompts.py" line="55"/>
        <source>Your name or initials. Every span you make records it.</source>
        <translation>اسمك أو الأحرف الأولى منه. يُسجَّل في كل مقطع تنشئه.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/prompts.py" line="62"/>
        <location filename="../annotator/gui/prompts.py" line="71"/>
        <source>New corpus</source>
        <translation>مدونة جديدة</translation>
    </message>
    <message>
        <location filename="../annotator/gui/prompts.py" line="68"/>
        <source>annotator's own: actors, casualties, locations</source>
        <translation>الخاص بـ annotator: الفاعلون والضحايا والأماكن</translation>
    </message>
    <message>
        <location filename="../annotator/gui/prompts.py" line="72"/>
        <source>Which codebook should the new corpus start with? Its labels, attributes, event types and event codes can be changed later (F4).</source>
        <translation>بأي دليل ترميز يبدأ المتن الجديد؟ يمكن تغيير وسومه وسماته وأنواع أحداثه ورموزها لاحقًا (F4).</translation>
    </message>
    <message>
        <location filename="../annotator/gui/prompts.py" line="80"/>
        <source>Open corpus</source>
        <translation>فتح مدونة</translation>
    </message>
    <message>
        <location filename="../annotator/gui/prompts.py" line="93"/>
        <source>Import articles</source>
        <translation>استيراد مقالات</translation>
    </message>
    <message>
        <location filename="../annotator/gui/prompts.py" line="160"/>
        <source>Merge coders' corpora</source>
        <translation>دمج مدونات المرمِّزين</translation>
    </message>
    <message>
        <location filename="../annotator/gui/prompts.py" line="177"/>
        <source>Import a folder of articles</source>
        <translation>استيراد مجلد مقالات</translation>
    </message>
</context>
<context>
    <name>RelationActions</name>
    <message>
        <location filename="../annotator/gui/relation_actions.py" line="47"/>
        <source>Links</source>
        <translation>الروابط</translation>
    </message>
    <message>
        <location filename="../annotator/gui/relation_actions.py" line="92"/>
        <source>Link as “{name}”…</source>
        <translation>ربط بنوع «{name}»…</translation>
    </message>
    <message>
        <location filename="../annotator/gui/relation_actions.py" line="127"/>
        <source>(a span not shown)</source>
        <translation>(مقطع غير معروض)</translation>
    </message>
    <message>
        <location filename="../annotator/gui/relation_actions.py" line="135"/>
        <source>Links ({count}) · {total} in this document</source>
        <translation>الروابط ({count}) · {total} في هذا المستند</translation>
    </message>
    <message>
        <location filename="../annotator/gui/relation_actions.py" line="137"/>
        <source>Links · {total} in this document</source>
        <translation>الروابط · {total} في هذا المستند</translation>
    </message>
    <message>
        <location filename="../annotator/gui/relation_actions.py" line="159"/>
        <source>No spans in this document.</source>
        <translation>لا مقاطع في هذا المستند.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/relation_actions.py" line="177"/>
        <source>Select the span a link starts from first (click it, or Alt+Down to it).</source>
        <translation>حدّد أولًا المقطع الذي يبدأ منه الرابط (انقره، أو انتقل إليه بـ Alt+Down).</translation>
    </message>
    <message>
        <location filename="../annotator/gui/relation_actions.py" line="181"/>
        <source>Accept the suggestion (Enter) before linking it.</source>
        <translation>اقبل الاقتراح (Enter) قبل ربطه.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/relation_actions.py" line="189"/>
        <source>“{type}” link from “{span}”: click the other span, or Alt+Down/Alt+Up to it and Enter. Esc stops.</source>
        <translation>رابط «{type}» من «{span}»: انقر المقطع الآخر، أو انتقل إليه بـ Alt+Down/Alt+Up ثم Enter. Esc للإيقاف.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/relation_actions.py" line="192"/>
        <source>Link from “{span}”: click the other span, or Alt+Down/Alt+Up to it and Enter. Esc stops.</source>
        <translation>رابط من «{span}»: انقر المقطع الآخر، أو انتقل إليه بـ Alt+Down/Alt+Up ثم Enter. Esc للإيقاف.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/relation_actions.py" line="226"/>
        <source>Linking stopped: nothing was linked.</source>
        <translation>توقّف الربط: لم يُربط شيء.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/relation_actions.py" line="242"/>
        <source>The span the link started from is gone: nothing was linked.</source>
        <translation>المقطع الذي بدأ منه الرابط لم يعد موجودًا: لم يُربط شيء.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/relation_actions.py" line="246"/>
        <source>Move to another span first (Alt+Down/Alt+Up), or click it; Esc stops.</source>
        <translation>انتقل أولًا إلى مقطع آخر (Alt+Down/Alt+Up) أو انقره؛ Esc للإيقاف.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/relation_actions.py" line="260"/>
        <source>Not linked: the codebook has no relation from {head} to {tail} ({reasons}).</source>
        <translation>لم يُربط: لا يتضمن دليل الترميز رابطًا من {head} إلى {tail} ({reasons}).</translation>
    </message>
    <message>
        <location filename="../annotator/gui/relation_actions.py" line="273"/>
        <source>Nothing linked or changed.</source>
        <translation>لم يُربط أو يُغيَّر شيء.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/relation_actions.py" line="281"/>
        <source>Not linked: {reason}.</source>
        <translation>لم يُربط: {reason}.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/relation_actions.py" line="285"/>
        <source>Already linked as “{name}”.</source>
        <translation>مربوط من قبل بنوع «{name}».</translation>
    </message>
    <message>
        <location filename="../annotator/gui/relation_actions.py" line="292"/>
        <source>Linked “{head}” —{type}→ “{tail}”.</source>
        <translation>رُبط «{head}» —{type}← «{tail}».</translation>
    </message>
    <message>
        <location filename="../annotator/gui/relation_actions.py" line="301"/>
        <source>read-only: {why} — links cannot be changed in this corpus.</source>
        <translation>للقراءة فقط: {why} — لا يمكن تغيير الروابط في هذه المدونة.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/relation_actions.py" line="310"/>
        <location filename="../annotator/gui/relation_actions.py" line="324"/>
        <source>Select a link in the Links list first (Ctrl+K).</source>
        <translation>حدّد أولًا رابطًا في قائمة الروابط (Ctrl+K).</translation>
    </message>
    <message>
        <location filename="../annotator/gui/relation_actions.py" line="336"/>
        <source>Not changed: {reason}.</source>
        <translation>لم يُغيَّر: {reason}.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/relation_actions.py" line="340"/>
        <source>Change “{type}” to</source>
        <translation>تغيير «{type}» إلى</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <location filename="../annotator/gui/report_dialog.py" line="30"/>
        <source>Agreement</source>
        <translation>الاتفاق</translation>
    </message>
    <message>
        <location filename="../annotator/gui/report_dialog.py" line="37"/>
        <source>Save as HTML…</source>
        <translation>حفظ بصيغة HTML…</translation>
    </message>
    <message>
        <location filename="../annotator/gui/report_dialog.py" line="54"/>
        <source>Save report</source>
        <translation>حفظ التقرير</translation>
    </message>
    <message>
        <location filename="../annotator/gui/report_dialog.py" line="55"/>
        <source>Web page (*.html)</source>
        <translation>صفحة ويب (*.html)</translation>
    </message>
    <message>
        <location filename="../annotator/gui/report_dialog.py" line="62"/>
        <location filename="../annotator/gui/report_dialog.py" line="67"/>
        <source>Report not saved</source>
        <translation>لم يُحفظ التقرير</translation>
    </message>
    <message>
        <location filename="../annotator/gui/report_dialog.py" line="65"/>
        <source>the disk is full</source>
        <translation>القرص ممتلئ</translation>
    </message>
    <message>
        <location filename="../annotator/gui/report_dialog.py" line="68"/>
        <source>{path}: {reason}; nothing was written</source>
        <translation>{path}: {reason}؛ لم يُكتب شيء</translation>
    </message>
</context>
<context>
    <name>SchemaEditor</name>
    <message>
        <location filename="../annotator/gui/schema_editor.py" line="125"/>
        <source>Key</source>
        <translation>المفتاح</translation>
    </message>
    <message>
        <location filename="../annotator/gui/schema_editor.py" line="62"/>
        <source>Label schema</source>
        <translation>مخطط الوسوم</translation>
    </message>
    <message>
        <location filename="../annotator/gui/schema_editor.py" line="36"/>
        <source>choice</source>
        <translation>اختيار واحد</translation>
    </message>
    <message>
        <location filename="../annotator/gui/schema_editor.py" line="37"/>
        <source>choices</source>
        <translation>اختيارات متعددة</translation>
    </message>
    <message>
        <location filename="../annotator/gui/schema_editor.py" line="38"/>
        <source>integer</source>
        <translation>عدد صحيح</translation>
    </message>
    <message>
        <location filename="../annotator/gui/schema_editor.py" line="39"/>
        <source>number</source>
        <translation>عدد</translation>
    </message>
    <message>
        <location filename="../annotator/gui/schema_editor.py" line="40"/>
        <source>text</source>
        <translation>نص</translation>
    </message>
    <message>
        <location filename="../annotator/gui/schema_editor.py" line="41"/>
        <source>boolean</source>
        <translation>نعم/لا</translation>
    </message>
    <message>
        <location filename="../annotator/gui/schema_editor.py" line="79"/>
        <source>Attribute</source>
        <translation>الخاصية</translation>
    </message>
    <message>
        <location filename="../annotator/gui/schema_editor.py" line="79"/>
        <source>Type</source>
        <translation>النوع</translation>
    </message>
    <message>
        <location filename="../annotator/gui/schema_editor.py" line="79"/>
        <source>Values (comma-separated)</source>
        <translation>القيم (مفصولة بفواصل)</translation>
    </message>
    <message>
        <location filename="../annotator/gui/schema_editor.py" line="80"/>
        <source>Required</source>
        <translation>إلزامي</translation>
    </message>
    <message>
        <location filename="../annotator/gui/schema_editor.py" line="102"/>
        <source>Add</source>
        <translation>إضافة</translation>
    </message>
    <message>
        <location filename="../annotator/gui/schema_editor.py" line="102"/>
        <source>Remove</source>
        <translation>حذف</translation>
    </message>
    <message>
        <location filename="../annotator/gui/schema_editor.py" line="103"/>
        <source>Up</source>
        <translation>لأعلى</translation>
    </message>
    <message>
        <location filename="../annotator/gui/schema_editor.py" line="104"/>
        <source>Down</source>
        <translation>لأسفل</translation>
    </message>
    <message>
        <location filename="../annotator/gui/schema_editor.py" line="114"/>
        <source>Add attribute</source>
        <translation>إضافة خاصية</translation>
    </message>
    <message>
        <location filename="../annotator/gui/schema_editor.py" line="115"/>
        <source>Remove attribute</source>
        <translation>حذف خاصية</translation>
    </message>
    <message>
        <location filename="../annotator/gui/schema_editor.py" line="123"/>
        <source>Name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <location filename="../annotator/gui/schema_editor.py" line="124"/>
        <source>Colour</source>
        <translation>اللون</translation>
    </message>
    <message>
        <location filename="../annotator/gui/schema_editor.py" line="126"/>
        <source>Description</source>
        <translation>الوصف</translation>
    </message>
    <message>
        <location filename="../annotator/gui/schema_editor.py" line="138"/>
        <source>Event types</source>
        <translation>أنواع الأحداث</translation>
    </message>
    <message>
        <location filename="../annotator/gui/schema_editor.py" line="139"/>
        <source>Event roles</source>
        <translation>أدوار الأحداث</translation>
    </message>
    <message>
        <location filename="../annotator/gui/schema_editor.py" line="180"/>
        <source>Label colour</source>
        <translation>لون الوسم</translation>
    </message>
    <message>
        <location filename="../annotator/gui/schema_editor.py" line="187"/>
        <source>new label</source>
        <translation>وسم جديد</translation>
    </message>
    <message>
        <location filename="../annotator/gui/schema_editor.py" line="188"/>
        <source>new label {number}</source>
        <translation>وسم جديد {number}</translation>
    </message>
    <message>
        <location filename="../annotator/gui/schema_editor.py" line="227"/>
        <source>attribute{number}</source>
        <translation>خاصية{number}</translation>
    </message>
    <message>
        <location filename="../annotator/gui/schema_editor.py" line="309"/>
        <source>Removing {removed} also removes the relation types {types} (it links only labels being removed). Press OK again to go ahead.</source>
        <translation>حذف {removed} يحذف معه أنواع الروابط {types} (لأنها لا تربط إلا وسومًا محذوفة). اضغط «موافق» مرة أخرى للمتابعة.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/schema_editor.py" line="312"/>
        <source>Removing {removed} also removes the relation type {types} (it links only labels being removed). Press OK again to go ahead.</source>
        <translation>حذف {removed} يحذف معه نوع الرابط {types} (لأنه لا يربط إلا وسومًا محذوفة). اضغط «موافق» مرة أخرى للمتابعة.</translation>
    </message>
</context>
<context>
    <name>SearchField</name>
    <message>
        <location filename="../annotator/gui/search_box.py" line="30"/>
        <source>Search corpus (Ctrl+Shift+F)</source>
        <translation>البحث في المدونة (Ctrl+Shift+F)</translation>
    </message>
    <message>
        <location filename="../annotator/gui/search_box.py" line="32"/>
        <source>Words, "a phrase", OR, NOT, NEAR(a b), prefix*
Enter searches at once; Esc stops a search or clears it</source>
        <translation>كلمات، "عبارة"، OR، NOT، NEAR(a b)، بادئة*
Enter للبحث فورًا؛ Esc لإيقاف البحث أو مسحه</translation>
    </message>
</context>
<context>
    <name>SearchRunner</name>
    <message>
        <location filename="../annotator/gui/search_runner.py" line="77"/>
        <source>Search could not read the corpus: {error}</source>
        <translation>تعذّر على البحث قراءة المدونة: {error}</translation>
    </message>
    <message>
        <location filename="../annotator/gui/search_runner.py" line="111"/>
        <source>Search not understood ({error}). Plain words always work; use quotes in pairs, and AND, OR, NOT between words.</source>
        <translation>تعذّر فهم البحث ({error}). الكلمات العادية تنجح دائمًا؛ استخدم علامات التنصيص أزواجًا، وAND وOR وNOT بين الكلمات.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/search_runner.py" line="114"/>
        <source>Search failed: {error}</source>
        <translation>فشل البحث: {error}</translation>
    </message>
</context>
<context>
    <name>SearchStatus</name>
    <message>
        <location filename="../annotator/gui/search_box.py" line="87"/>
        <source>Stop</source>
        <translation>إيقاف</translation>
    </message>
    <message>
        <location filename="../annotator/gui/search_box.py" line="88"/>
        <source>Stop this search (Esc)</source>
        <translation>إيقاف هذا البحث (Esc)</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <location filename="../annotator/session/session.py" line="156"/>
        <source>Changes made elsewhere could not be read: {error}</source>
        <translation>تعذّرت قراءة التغييرات التي أُجريت في مكان آخر: {error}</translation>
    </message>
    <message>
        <location filename="../annotator/session/session.py" line="160"/>
        <source>Updated with changes made elsewhere.</source>
        <translation>حُدِّث بتغييرات أُجريت في مكان آخر.</translation>
    </message>
    <message>
        <location filename="../annotator/session/session.py" line="211"/>
        <source>No more documents that way.</source>
        <translation>لا مزيد من المستندات في هذا الاتجاه.</translation>
    </message>
    <message>
        <location filename="../annotator/session/session.py" line="222"/>
        <source>Your queue is empty: nothing more is queued for you.</source>
        <translation>قائمتك فارغة: لا شيء آخر ينتظرك فيها.</translation>
    </message>
    <message>
        <location filename="../annotator/session/session.py" line="237"/>
        <source>Every document is done. Well coded!</source>
        <translation>كل المستندات منجزة. أحسنت الترميز!</translation>
    </message>
    <message>
        <location filename="../annotator/session/session.py" line="297"/>
        <source>read-only: {why} — nothing can be tagged or changed in this corpus.</source>
        <translation>للقراءة فقط: {why} — لا يمكن وسم أو تغيير شيء في هذه المدونة.</translation>
    </message>
    <message>
        <location filename="../annotator/session/session.py" line="313"/>
        <source>Select some text first, then press a label key.</source>
        <translation>حدّد نصًا أولًا، ثم اضغط مفتاح وسم.</translation>
    </message>
    <message>
        <location filename="../annotator/session/session.py" line="331"/>
        <source>Already tagged.</source>
        <translation>موسوم من قبل.</translation>
    </message>
    <message>
        <location filename="../annotator/session/session.py" line="383"/>
        <source>Not done yet: {count} span(s) lack required attributes (“{text}” needs {missing}).</source>
        <translation>لم يُنجز بعد: مقاطع تنقصها خصائص إلزامية، عددها {count} («{text}» يحتاج إلى {missing}).</translation>
    </message>
    <message>
        <location filename="../annotator/session/session.py" line="413"/>
        <source>Not saved: {message}</source>
        <translation>لم يُحفظ: {message}</translation>
    </message>
    <message>
        <location filename="../annotator/session/session.py" line="422"/>
        <source>Not saved yet: the server cannot be reached. {count} edit(s) wait and are saved, in order, as soon as it answers.</source>
        <translation>لم يُحفظ بعد: يتعذّر الوصول إلى الخادم. ينتظر {count} تعديل وسيُحفظ بالترتيب حالما يستجيب.</translation>
    </message>
    <message>
        <location filename="../annotator/session/session.py" line="426"/>
        <source>The server answers again: every edit that waited is saved.</source>
        <translation>يستجيب الخادم من جديد: حُفظت كل التعديلات المنتظرة.</translation>
    </message>
</context>
<context>
    <name>ShortcutEditor</name>
    <message>
        <location filename="../annotator/gui/shortcuts.py" line="93"/>
        <source>Keyboard shortcuts</source>
        <translation>اختصارات لوحة المفاتيح</translation>
    </message>
    <message>
        <location filename="../annotator/gui/shortcuts.py" line="96"/>
        <source>Action</source>
        <translation>الإجراء</translation>
    </message>
    <message>
        <location filename="../annotator/gui/shortcuts.py" line="96"/>
        <source>Key</source>
        <translation>المفتاح</translation>
    </message>
    <message>
        <location filename="../annotator/gui/shortcuts.py" line="122"/>
        <source>{key} is given to both “{first}” and “{second}”</source>
        <translation>{key} مُسنَد إلى «{first}» و«{second}» معًا</translation>
    </message>
</context>
<context>
    <name>ShortcutSheet</name>
    <message>
        <location filename="../annotator/gui/shortcuts.py" line="77"/>
        <source>Keyboard shortcuts</source>
        <translation>اختصارات لوحة المفاتيح</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <location filename="../annotator/gui/shortcuts.py" line="44"/>
        <source>From the codebook</source>
        <translation>من دليل الترميز</translation>
    </message>
    <message>
        <location filename="../annotator/gui/shortcuts.py" line="46"/>
        <source>In the article</source>
        <translation>في المقالة</translation>
    </message>
    <message>
        <location filename="../annotator/gui/shortcuts.py" line="52"/>
        <source>Change them in {menu} &gt; {entry}.</source>
        <translation>غيّرها من {menu} &gt; {entry}.</translation>
    </message>
</context>
<context>
    <name>SpanList</name>
    <message>
        <location filename="../annotator/gui/span_list.py" line="144"/>
        <source>suggested by {source}, {percent}% sure</source>
        <translation>اقترحه {source}، بثقة {percent}٪</translation>
    </message>
    <message>
        <location filename="../annotator/gui/span_list.py" line="146"/>
        <source>suggested by {source}</source>
        <translation>اقترحه {source}</translation>
    </message>
</context>
<context>
    <name>SpanMenu</name>
    <message>
        <location filename="../annotator/gui/span_menu.py" line="33"/>
        <source>Take “{words}” out of the span</source>
        <translation>إزالة «{words}» من المقطع</translation>
    </message>
</context>
<context>
    <name>SpanPane</name>
    <message>
        <location filename="../annotator/gui/span_pane.py" line="51"/>
        <source>Spans</source>
        <translation>المقاطع</translation>
    </message>
    <message>
        <location filename="../annotator/gui/span_pane.py" line="85"/>
        <source>Events</source>
        <translation>الأحداث</translation>
    </message>
    <message>
        <location filename="../annotator/gui/span_pane.py" line="91"/>
        <source>Selected span</source>
        <translation>المقطع المحدد</translation>
    </message>
    <message>
        <location filename="../annotator/gui/span_pane.py" line="110"/>
        <source>Spans ({count})</source>
        <translation>المقاطع ({count})</translation>
    </message>
    <message>
        <location filename="../annotator/gui/span_pane.py" line="123"/>
        <source>Suggestions decided so far in this corpus, by every coder:</source>
        <translation>الاقتراحات التي حُسمت حتى الآن في هذه المدونة، من كل المرمّزين:</translation>
    </message>
    <message>
        <location filename="../annotator/gui/span_pane.py" line="124"/>
        <source>{source}: {accepted} accepted, {rejected} rejected, {pending} pending</source>
        <translation>{source}: {accepted} مقبولة، {rejected} مرفوضة، {pending} معلّقة</translation>
    </message>
    <message>
        <location filename="../annotator/gui/span_pane.py" line="136"/>
        <source>{source} {percent}% of {decided}</source>
        <translation>{source} {percent}٪ من {decided}</translation>
    </message>
    <message>
        <location filename="../annotator/gui/span_pane.py" line="143"/>
        <source>Accepted: {sources}</source>
        <translation>المقبولة: {sources}</translation>
    </message>
    <message>
        <location filename="../annotator/gui/span_pane.py" line="159"/>
        <source>Click a span, or select text and press a label key (a selection snaps to whole words; Alt as you let go of the mouse keeps it exact). Ctrl+click several spans, then Ctrl+G to make an event.</source>
        <translation>انقر مقطعًا، أو حدّد نصًا واضغط مفتاح وسم (يتوسّع التحديد إلى كلمات كاملة؛ واضغط Alt عند إفلات زر الفأرة لإبقائه كما هو). Ctrl+نقرة على عدة مقاطع، ثم Ctrl+G لإنشاء حدث.</translation>
    </message>
    <message numerus="yes">
        <location filename="../annotator/gui/span_pane.py" line="176"/>
        <source> in %n pieces</source>
        <translation>
            <numerusform> في %n جزء</numerusform>
            <numerusform> في %n جزء</numerusform>
            <numerusform> في %n جزأين</numerusform>
            <numerusform> في %n أجزاء</numerusform>
            <numerusform> في %n جزءًا</numerusform>
            <numerusform> في %n جزء</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../annotator/gui/span_pane.py" line="183"/>
        <source>characters {start}–{end}{pieces} · {coder} · {origin}{links}</source>
        <translation>الأحرف {start}–{end}{pieces} · {coder} · {origin}{links}</translation>
    </message>
    <message>
        <location filename="../annotator/gui/span_pane.py" line="275"/>
        <source> e.g. {examples}</source>
        <translation> مثلًا: {examples}</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <location filename="../annotator/session/messages.py" line="61"/>
        <source>todo</source>
        <translation>لم يبدأ</translation>
    </message>
    <message>
        <location filename="../annotator/session/messages.py" line="62"/>
        <source>in progress</source>
        <translation>قيد التنفيذ</translation>
    </message>
    <message>
        <location filename="../annotator/session/messages.py" line="63"/>
        <source>done</source>
        <translation>منجز</translation>
    </message>
    <message>
        <location filename="../annotator/session/messages.py" line="64"/>
        <source>skipped</source>
        <translation>متخطّى</translation>
    </message>
</context>
<context>
    <name>StatusLine</name>
    <message>
        <location filename="../annotator/gui/status_line.py" line="25"/>
        <location filename="../annotator/gui/status_line.py" line="68"/>
        <source>✓ all saved</source>
        <translation>✓ حُفظ كل شيء</translation>
    </message>
    <message>
        <location filename="../annotator/gui/status_line.py" line="33"/>
        <source>coder: {coder}</source>
        <translation>المرمِّز: {coder}</translation>
    </message>
    <message>
        <location filename="../annotator/gui/status_line.py" line="36"/>
        <source>done {done} / {total}</source>
        <translation>منجز {done} / {total}</translation>
    </message>
    <message>
        <location filename="../annotator/gui/status_line.py" line="44"/>
        <source>no date</source>
        <translation>بلا تاريخ</translation>
    </message>
    <message>
        <location filename="../annotator/gui/status_line.py" line="50"/>
        <source>✓ saved {time}</source>
        <translation>✓ حُفظ {time}</translation>
    </message>
    <message>
        <location filename="../annotator/gui/status_line.py" line="55"/>
        <source>✗ not saved</source>
        <translation>✗ لم يُحفظ</translation>
    </message>
    <message>
        <location filename="../annotator/gui/status_line.py" line="60"/>
        <source>✗ {count} waiting for the server</source>
        <translation>✗ {count} بانتظار الخادم</translation>
    </message>
    <message>
        <location filename="../annotator/gui/status_line.py" line="67"/>
        <source>read-only: {why}</source>
        <translation>للقراءة فقط: {why}</translation>
    </message>
    <message>
        <location filename="../annotator/gui/status_line.py" line="41"/>
        <source>This corpus is empty: File &gt; Import files…</source>
        <translation>هذه المدونة فارغة: ملف &gt; استيراد ملفات.</translation>
    </message>
</context>
<context>
    <name>Steps</name>
    <message>
        <location filename="../annotator/session/steps.py" line="43"/>
        <source>tag {text} as {label}</source>
        <translation>وسم {text} ({label})</translation>
    </message>
    <message>
        <location filename="../annotator/session/steps.py" line="46"/>
        <source>remove {label} {text}</source>
        <translation>حذف {text} ({label})</translation>
    </message>
    <message>
        <location filename="../annotator/session/steps.py" line="50"/>
        <source>relabel {text} as {label}</source>
        <translation>تغيير وسم {text} إلى {label}</translation>
    </message>
    <message>
        <location filename="../annotator/session/steps.py" line="52"/>
        <source>change {label} {text}</source>
        <translation>تغيير {text} ({label})</translation>
    </message>
    <message>
        <location filename="../annotator/session/steps.py" line="55"/>
        <source>mark {status}</source>
        <translation>وضع علامة «{status}»</translation>
    </message>
    <message>
        <location filename="../annotator/session/steps.py" line="58"/>
        <source>add {type} event</source>
        <translation>إضافة حدث {type}</translation>
    </message>
    <message>
        <location filename="../annotator/session/steps.py" line="60"/>
        <source>remove {type} event</source>
        <translation>حذف حدث {type}</translation>
    </message>
    <message>
        <location filename="../annotator/session/steps.py" line="63"/>
        <source>change {type} event</source>
        <translation>تغيير حدث {type}</translation>
    </message>
    <message>
        <location filename="../annotator/session/steps.py" line="66"/>
        <source>change document details</source>
        <translation>تغيير تفاصيل المستند</translation>
    </message>
    <message>
        <location filename="../annotator/session/steps.py" line="68"/>
        <source>reject suggestion {text}</source>
        <translation>رفض الاقتراح {text}</translation>
    </message>
    <message>
        <location filename="../annotator/session/steps.py" line="71"/>
        <source>restore suggestion {text}</source>
        <translation>استعادة الاقتراح {text}</translation>
    </message>
    <message>
        <location filename="../annotator/session/steps.py" line="74"/>
        <source>link {type}</source>
        <translation>ربط {type}</translation>
    </message>
    <message>
        <location filename="../annotator/session/steps.py" line="77"/>
        <source>remove link {type}</source>
        <translation>حذف الرابط {type}</translation>
    </message>
    <message>
        <location filename="../annotator/session/steps.py" line="80"/>
        <source>change link {type}</source>
        <translation>تغيير الرابط {type}</translation>
    </message>
    <message>
        <location filename="../annotator/session/steps.py" line="83"/>
        <source>set document {name}</source>
        <translation>تعيين {name} للمستند</translation>
    </message>
    <message>
        <location filename="../annotator/session/steps.py" line="109"/>
        <source>accept {text}</source>
        <translation>قبول {text}</translation>
    </message>
    <message>
        <location filename="../annotator/session/steps.py" line="112"/>
        <source>accept {count} suggestions</source>
        <translation>قبول الاقتراحات ({count})</translation>
    </message>
</context>
<context>
    <name>SuggestionActions</name>
    <message>
        <location filename="../annotator/gui/suggestion_actions.py" line="63"/>
        <source>suggest spans</source>
        <translation>اقتراح مقاطع</translation>
    </message>
    <message>
        <location filename="../annotator/gui/suggestion_actions.py" line="64"/>
        <source>No new suggestions for this document.</source>
        <translation>لا اقتراحات جديدة لهذا المستند.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/suggestion_actions.py" line="77"/>
        <source>spaCy model {name} is not installed; suggesting without it.</source>
        <translation>نموذج spaCy {name} غير مثبَّت؛ يجري الاقتراح من دونه.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/suggestion_actions.py" line="86"/>
        <location filename="../annotator/gui/suggestion_actions.py" line="97"/>
        <source>spaCy model</source>
        <translation>نموذج spaCy</translation>
    </message>
    <message>
        <location filename="../annotator/gui/suggestion_actions.py" line="87"/>
        <source>An installed spaCy NER model to suggest with, e.g. en_core_web_sm (empty: none). annotator never downloads models.</source>
        <translation>نموذج spaCy مثبَّت للتعرّف على الكيانات المسمّاة يُقترح به، مثلًا en_core_web_sm (فارغ: بلا نموذج). لا ينزّل annotator أي نموذج أبدًا.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/suggestion_actions.py" line="98"/>
        <source>{name} is not installed here. Install it with: python -m spacy download {name}</source>
        <translation>{name} غير مثبَّت هنا. ثبّته بالأمر: python -m spacy download {name}</translation>
    </message>
    <message>
        <location filename="../annotator/gui/suggestion_actions.py" line="111"/>
        <source>tag all {text}</source>
        <translation>وسم كل مواضع {text}</translation>
    </message>
    <message>
        <location filename="../annotator/gui/suggestion_actions.py" line="113"/>
        <source>No other {text} here.</source>
        <translation>لا مواضع أخرى للنص {text} هنا.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/suggestion_actions.py" line="128"/>
        <source>Tagging all occurrences was cancelled.</source>
        <translation>أُلغي وسم كل المواضع.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/suggestion_actions.py" line="132"/>
        <source>tag all {text} in the corpus</source>
        <translation>وسم كل مواضع {text} في المدونة</translation>
    </message>
    <message>
        <location filename="../annotator/gui/suggestion_actions.py" line="134"/>
        <source>No other {text} in the corpus.</source>
        <translation>لا مواضع أخرى للنص {text} في المدونة.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/suggestion_actions.py" line="139"/>
        <source>Finding {text} in the corpus…</source>
        <translation>جارٍ البحث عن {text} في المدونة…</translation>
    </message>
    <message>
        <location filename="../annotator/gui/suggestion_actions.py" line="145"/>
        <source>Select a tagged span first.</source>
        <translation>حدّد مقطعًا موسومًا أولًا.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/suggestion_actions.py" line="156"/>
        <source>{count} suggestions: Tab moves, Enter accepts, Backspace rejects.</source>
        <translation>الاقتراحات: {count}. Tab للتنقل، Enter للقبول، Backspace للرفض.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/suggestion_actions.py" line="184"/>
        <source>No suggestions in this document.</source>
        <translation>لا اقتراحات في هذا المستند.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/suggestion_actions.py" line="230"/>
        <source>reject {count} suggestions</source>
        <translation>رفض الاقتراحات ({count})</translation>
    </message>
</context>
<context>
    <name>ToolActions</name>
    <message>
        <location filename="../annotator/gui/tool_actions.py" line="127"/>
        <source>About annotator</source>
        <translation>حول annotator</translation>
    </message>
    <message>
        <location filename="../annotator/gui/tool_actions.py" line="47"/>
        <source>Agreement</source>
        <translation>الاتفاق</translation>
    </message>
    <message>
        <location filename="../annotator/gui/tool_actions.py" line="48"/>
        <source>Fewer than two coders have coded this corpus.</source>
        <translation>لم يرمّز هذه المدونة مرمِّزان اثنان على الأقل.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/tool_actions.py" line="60"/>
        <source>Team progress</source>
        <translation>تقدّم الفريق</translation>
    </message>
    <message>
        <location filename="../annotator/gui/tool_actions.py" line="73"/>
        <source>Adjudicate</source>
        <translation>التحكيم</translation>
    </message>
    <message>
        <location filename="../annotator/gui/tool_actions.py" line="74"/>
        <source>This document has spans from fewer than two coders.</source>
        <translation>ليس في هذا المستند مقاطع من مرمِّزَين اثنين على الأقل.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/tool_actions.py" line="84"/>
        <source>gold for {start}–{end}</source>
        <translation>اعتماد الأحرف {start}–{end}</translation>
    </message>
    <message>
        <location filename="../annotator/gui/tool_actions.py" line="100"/>
        <source>Shortcuts saved.</source>
        <translation>حُفظت الاختصارات.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/tool_actions.py" line="111"/>
        <location filename="../annotator/gui/tool_actions.py" line="119"/>
        <source>Codebook not saved</source>
        <translation>لم يُحفظ دليل الترميز</translation>
    </message>
    <message>
        <location filename="../annotator/gui/tool_actions.py" line="112"/>
        <source>read-only: {why} — the codebook kept in this corpus cannot be changed.</source>
        <translation>للقراءة فقط: {why} — لا يمكن تغيير دليل الترميز المحفوظ في هذه المدونة.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/tool_actions.py" line="122"/>
        <source>Codebook saved in the corpus.</source>
        <translation>حُفظ دليل الترميز في المدونة.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/tool_actions.py" line="128"/>
        <source>annotator {version}
MIT licence

Corpus: {path}</source>
        <translation>annotator {version}
رخصة MIT

المدونة: {path}</translation>
    </message>
</context>
<context>
    <name>TypePopup</name>
    <message>
        <location filename="../annotator/gui/type_popup.py" line="55"/>
        <source>type to narrow · Enter links · Esc cancels</source>
        <translation>اكتب للتصفية · Enter للربط · Esc للإلغاء</translation>
    </message>
    <message>
        <location filename="../annotator/gui/type_popup.py" line="56"/>
        <source>a relation type · Enter links</source>
        <translation>نوع الرابط · Enter للربط</translation>
    </message>
    <message>
        <location filename="../annotator/gui/type_popup.py" line="62"/>
        <source>{name}  (not for these spans)</source>
        <translation>{name}  (لا يصلح لهذه المقاطع)</translation>
    </message>
    <message>
        <location filename="../annotator/gui/type_popup.py" line="119"/>
        <source>Enter: a new type “{name}”</source>
        <translation>Enter: نوع جديد «{name}»</translation>
    </message>
    <message>
        <location filename="../annotator/gui/type_popup.py" line="121"/>
        <source>No type here fits what is typed.</source>
        <translation>لا نوع هنا يطابق ما كُتب.</translation>
    </message>
</context>
</TS>
