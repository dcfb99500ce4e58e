<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name>Actions</name>
    <message>
        <location filename="../annotator/session/actions.py" line="51"/>
        <source>&amp;New corpus…</source>
        <translation>مدونة &amp;جديدة…</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="52"/>
        <source>&amp;Open corpus…</source>
        <translation>&amp;فتح مدونة…</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="53"/>
        <source>&amp;Import files…</source>
        <translation>&amp;استيراد ملفات…</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="54"/>
        <source>Import a &amp;folder…</source>
        <translation>استيراد &amp;مجلد…</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="56"/>
        <source>&amp;Export…</source>
        <translation>&amp;تصدير…</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="57"/>
        <source>&amp;Merge coders' corpora…</source>
        <translation>&amp;دمج مدونات المرمِّزين…</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="58"/>
        <source>&amp;Quit</source>
        <translation>&amp;خروج</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="60"/>
        <source>&amp;Undo</source>
        <translation>&amp;تراجع</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="62"/>
        <source>&amp;Redo</source>
        <translation>إ&amp;عادة</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="63"/>
        <source>Remove span</source>
        <translation>حذف المقطع</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="66"/>
        <source>Add the selected text to the selected span</source>
        <translation>إضافة النص المحدد إلى المقطع المحدد</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="68"/>
        <source>Remove the fragment at the cursor</source>
        <translation>إزالة الجزء الموجود عند المؤشر</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="70"/>
        <source>Clear selection</source>
        <translation>إلغاء التحديد</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="71"/>
        <source>Find in document</source>
        <translation>البحث في المستند</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="72"/>
        <source>Find next</source>
        <translation>البحث عن التالي</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="73"/>
        <source>Find previous</source>
        <translation>البحث عن السابق</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="74"/>
        <source>Search corpus</source>
        <translation>البحث في المدونة</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="75"/>
        <source>Edit attributes of the selected span</source>
        <translation>تحرير سمات المقطع المحدد</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="77"/>
        <source>Label schema…</source>
        <translation>مخطط الوسوم…</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="78"/>
        <source>Keyboard shortcuts…</source>
        <translation>اختصارات لوحة المفاتيح…</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="80"/>
        <source>Mark done and open next</source>
        <translation>وضع علامة «منجز» وفتح التالي</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="84"/>
        <source>Details…</source>
        <translation>التفاصيل…</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="87"/>
        <source>Toggle: document relevant</source>
        <translation>تبديل: المستند ذو صلة</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="89"/>
        <source>Edit document labels</source>
        <translation>تحرير وسوم المستند</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="91"/>
        <source>Next document</source>
        <translation>المستند التالي</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="92"/>
        <source>Previous document</source>
        <translation>المستند السابق</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="93"/>
        <source>Next undone document</source>
        <translation>المستند التالي غير المنجز</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="95"/>
        <source>All coders' spans</source>
        <translation>مقاطع جميع المرمِّزين</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="97"/>
        <source>Dark theme</source>
        <translation>السمة الداكنة</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="98"/>
        <source>Larger text</source>
        <translation>نص أكبر</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="99"/>
        <source>Smaller text</source>
        <translation>نص أصغر</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="101"/>
        <source>Link the selected span to another…</source>
        <translation>ربط المقطع المحدد بمقطع آخر…</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="103"/>
        <source>Next span</source>
        <translation>المقطع التالي</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="104"/>
        <source>Previous span</source>
        <translation>المقطع السابق</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="105"/>
        <source>Links of the selected span</source>
        <translation>روابط المقطع المحدد</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="106"/>
        <source>Change the type of the selected link…</source>
        <translation>تغيير نوع الرابط المحدد…</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="108"/>
        <source>Remove the selected link</source>
        <translation>حذف الرابط المحدد</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="110"/>
        <source>New event from selected spans…</source>
        <translation>حدث جديد من المقاطع المحددة…</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="112"/>
        <source>Edit event…</source>
        <translation>تحرير الحدث…</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="114"/>
        <source>Remove event</source>
        <translation>حذف الحدث</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="117"/>
        <source>Suggest spans for this document</source>
        <translation>اقتراح مقاطع لهذا المستند</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="119"/>
        <source>Next suggestion (Tab)</source>
        <translation>الاقتراح التالي (Tab)</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="120"/>
        <source>Previous suggestion (Shift+Tab)</source>
        <translation>الاقتراح السابق (Shift+Tab)</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="122"/>
        <source>Accept suggestion (Enter)</source>
        <translation>قبول الاقتراح (Enter)</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="124"/>
        <source>Reject suggestion (Backspace)</source>
        <translation>رفض الاقتراح (Backspace)</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="126"/>
        <source>Accept all suggestions here</source>
        <translation>قبول كل الاقتراحات في هذا المستند</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="128"/>
        <source>Reject all suggestions here</source>
        <translation>رفض كل الاقتراحات في هذا المستند</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="130"/>
        <source>spaCy model for suggestions…</source>
        <translation>نموذج spaCy للاقتراحات…</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="132"/>
        <source>Tag all occurrences in this document</source>
        <translation>وسم كل المواضع في هذا المستند</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="134"/>
        <source>Tag all occurrences in the corpus</source>
        <translation>وسم كل المواضع في المدونة</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="137"/>
        <source>Agreement report…</source>
        <translation>تقرير الاتفاق بين المرمِّزين…</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="138"/>
        <source>Adjudicate this document…</source>
        <translation>التحكيم في هذا المستند…</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="140"/>
        <source>Keyboard shortcuts</source>
        <translation>اختصارات لوحة المفاتيح</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="141"/>
        <source>Codebook</source>
        <translation>دليل الترميز</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="142"/>
        <source>About annotator</source>
        <translation>حول annotator</translation>
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
</context>
<context>
    <name>AdjudicationDialog</name>
    <message>
        <location filename="../annotator/gui/adjudication_dialog.py" line="49"/>
        <source>Adjudicate</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../annotator/gui/adjudication_dialog.py" line="56"/>
        <source>where</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../annotator/gui/adjudication_dialog.py" line="56"/>
        <source>gold</source>
        <translation type="unfinished"/>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../annotator/gui/app.py" line="75"/>
        <source>Cannot open corpus</source>
        <translation>تعذّر فتح المدونة</translation>
    </message>
    <message>
        <location filename="../annotator/gui/app.py" line="115"/>
        <source>Something went wrong</source>
        <translation>حدث خطأ ما</translation>
    </message>
    <message>
        <location filename="../annotator/gui/app.py" line="120"/>
        <source>Copy details</source>
        <translation>نسخ التفاصيل</translation>
    </message>
</context>
<context>
    <name>BackgroundRunner</name>
    <message>
        <location filename="../annotator/gui/background_runner.py" line="31"/>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
</context>
<context>
    <name>Codebook</name>
    <message>
        <location filename="../annotator/gui/codebook.py" line="24"/>
        <source>Label in use</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../annotator/gui/codebook.py" line="33"/>
        <source>Schema not changed</source>
        <translation type="unfinished"/>
    </message>
</context>
<context>
    <name>CodebookDialog</name>
    <message>
        <location filename="../annotator/gui/codebook_dialog.py" line="76"/>
        <source>Codebook</source>
        <translation>دليل الترميز</translation>
    </message>
    <message>
        <location filename="../annotator/gui/codebook_dialog.py" line="30"/>
        <source>Edit</source>
        <translation type="unfinished"/>
    </message>
</context>
<context>
    <name>CodingActions</name>
    <message>
        <location filename="../annotator/gui/coding_actions.py" line="45"/>
        <source>&amp;Edit</source>
        <translation>&amp;تحرير</translation>
    </message>
    <message>
        <location filename="../annotator/gui/coding_actions.py" line="63"/>
        <source>Tag or relabel as</source>
        <translation>وسم أو تغيير الوسم إلى</translation>
    </message>
    <message>
        <location filename="../annotator/gui/coding_actions.py" line="66"/>
        <source>&amp;Document</source>
        <translation>م&amp;ستند</translation>
    </message>
    <message>
        <location filename="../annotator/gui/coding_actions.py" line="78"/>
        <source>&amp;View</source>
        <translation>&amp;عرض</translation>
    </message>
    <message>
        <location filename="../annotator/gui/coding_actions.py" line="111"/>
        <source>Document details (read-only)</source>
        <translation type="unfinished"/>
    </message>
</context>
<context>
    <name>DetailsDialog</name>
    <message>
        <location filename="../annotator/gui/details_dialog.py" line="38"/>
        <source>Document details</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../annotator/gui/details_dialog.py" line="41"/>
        <source>YYYY-MM-DD</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../annotator/gui/details_dialog.py" line="46"/>
        <source>Not relevant to this codebook</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../annotator/gui/details_dialog.py" line="49"/>
        <source>id of the document this one repeats</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../annotator/gui/details_dialog.py" line="52"/>
        <source>Published</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../annotator/gui/details_dialog.py" line="53"/>
        <source>Source</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../annotator/gui/details_dialog.py" line="54"/>
        <source>URL</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../annotator/gui/details_dialog.py" line="55"/>
        <source>Notes</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../annotator/gui/details_dialog.py" line="57"/>
        <source>Duplicate of</source>
        <translation type="unfinished"/>
    </message>
</context>
<context>
    <name>DocLabelStrip</name>
    <message>
        <location filename="../annotator/gui/doc_label_pane.py" line="60"/>
        <source>This document:</source>
        <translation>هذا المستند:</translation>
    </message>
    <message>
        <location filename="../annotator/gui/doc_label_pane.py" line="84"/>
        <source>(not set)</source>
        <translation type="unfinished"/>
    </message>
</context>
<context>
    <name>DocumentPane</name>
    <message>
        <location filename="../annotator/gui/panes.py" line="53"/>
        <source>flagged</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../annotator/gui/panes.py" line="55"/>
        <source>from YYYY-MM-DD</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../annotator/gui/panes.py" line="57"/>
        <source>to YYYY-MM-DD</source>
        <translation type="unfinished"/>
    </message>
</context>
<context>
    <name>EventDialog</name>
    <message>
        <location filename="../annotator/gui/event_dialog.py" line="36"/>
        <source>Event</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../annotator/gui/event_dialog.py" line="45"/>
        <source>YYYY-MM-DD</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../annotator/gui/event_dialog.py" line="75"/>
        <source>Type</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../annotator/gui/event_dialog.py" line="76"/>
        <source>Date</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../annotator/gui/event_dialog.py" line="77"/>
        <source>Date precision</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../annotator/gui/event_dialog.py" line="78"/>
        <source>Note</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../annotator/gui/event_dialog.py" line="80"/>
        <source>Casualty spans with the same group are reports of the same victims: they give one range instead of being added up.</source>
        <translation type="unfinished"/>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../annotator/gui/export_dialog.py" line="106"/>
        <source>Labels</source>
        <translation>الوسوم</translation>
    </message>
    <message>
        <location filename="../annotator/gui/export_dialog.py" line="66"/>
        <source>Export</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../annotator/gui/export_dialog.py" line="74"/>
        <source>Browse…</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../annotator/gui/export_dialog.py" line="91"/>
        <source>e.g. 80/10/10 (empty: one output)</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../annotator/gui/export_dialog.py" line="98"/>
        <source>Write nothing if anything would be lost</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../annotator/gui/export_dialog.py" line="102"/>
        <source>Format</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../annotator/gui/export_dialog.py" line="103"/>
        <source>Output</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../annotator/gui/export_dialog.py" line="104"/>
        <source>Status</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../annotator/gui/export_dialog.py" line="105"/>
        <source>Coder</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../annotator/gui/export_dialog.py" line="107"/>
        <source>Split</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../annotator/gui/export_dialog.py" line="108"/>
        <source>Seed</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../annotator/gui/export_dialog.py" line="109"/>
        <source>Off-token spans</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../annotator/gui/export_dialog.py" line="110"/>
        <source>Tokeniser language</source>
        <translation type="unfinished"/>
    </message>
</context>
<context>
    <name>FileActions</name>
    <message>
        <location filename="../annotator/gui/file_actions.py" line="31"/>
        <source>Open &amp;Recent</source>
        <translation>فتح مدونة &amp;حديثة</translation>
    </message>
    <message>
        <location filename="../annotator/gui/file_actions.py" line="82"/>
        <source>Cannot open corpus</source>
        <translation>تعذّر فتح المدونة</translation>
    </message>
    <message>
        <location filename="../annotator/gui/file_actions.py" line="66"/>
        <source>New corpus</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../annotator/gui/file_actions.py" line="112"/>
        <source>Export not written</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../annotator/gui/file_actions.py" line="139"/>
        <source>Merge finished</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../annotator/gui/file_actions.py" line="151"/>
        <source>Import finished</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../annotator/gui/file_actions.py" line="158"/>
        <source>Export finished</source>
        <translation type="unfinished"/>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <location filename="../annotator/gui/find_bar.py" line="46"/>
        <source>Find in this document</source>
        <translation>البحث في هذا المستند</translation>
    </message>
</context>
<context>
    <name>HealthWatch</name>
    <message>
        <location filename="../annotator/gui/health_watch.py" line="57"/>
        <source>This corpus is damaged</source>
        <translation type="unfinished"/>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../annotator/gui/main_window.py" line="66"/>
        <source>Labels</source>
        <translation>الوسوم</translation>
    </message>
    <message>
        <source>✓ all saved</source>
        <translation>✓ تم حفظ كل شيء</translation>
    </message>
    <message>
        <location filename="../annotator/gui/main_window.py" line="130"/>
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
        <location filename="../annotator/gui/main_window.py" line="133"/>
        <source>&amp;Link</source>
        <translation>&amp;روابط</translation>
    </message>
    <message>
        <location filename="../annotator/gui/main_window.py" line="134"/>
        <source>E&amp;vent</source>
        <translation>&amp;حدث</translation>
    </message>
    <message>
        <location filename="../annotator/gui/main_window.py" line="135"/>
        <source>&amp;Suggest</source>
        <translation>ا&amp;قتراحات</translation>
    </message>
    <message>
        <location filename="../annotator/gui/main_window.py" line="136"/>
        <source>&amp;Tools</source>
        <translation>&amp;أدوات</translation>
    </message>
    <message>
        <location filename="../annotator/gui/main_window.py" line="136"/>
        <source>&amp;Help</source>
        <translation>مس&amp;اعدة</translation>
    </message>
    <message>
        <source>✗ not saved</source>
        <translation>✗ لم يُحفظ</translation>
    </message>
    <message>
        <location filename="../annotator/gui/main_window.py" line="320"/>
        <source>Stopped</source>
        <translation type="unfinished"/>
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
    <name>Prompts</name>
    <message>
        <location filename="../annotator/gui/prompts.py" line="41"/>
        <source>Who is coding?</source>
        <translation>من يرمِّز؟</translation>
    </message>
    <message>
        <location filename="../annotator/gui/prompts.py" line="41"/>
        <source>Your name or initials. Every span you make records it.</source>
        <translation type="unfinished"/>
    </message>
</context>
<context>
    <name>RelationActions</name>
    <message>
        <location filename="../annotator/gui/relation_actions.py" line="47"/>
        <source>Links</source>
        <translation>الروابط</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <location filename="../annotator/gui/report_dialog.py" line="30"/>
        <source>Agreement</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../annotator/gui/report_dialog.py" line="36"/>
        <source>Save as HTML…</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../annotator/gui/report_dialog.py" line="61"/>
        <source>Report not saved</source>
        <translation type="unfinished"/>
    </message>
</context>
<context>
    <name>SchemaEditor</name>
    <message>
        <location filename="../annotator/gui/schema_editor.py" line="114"/>
        <source>Key</source>
        <translation>المفتاح</translation>
    </message>
    <message>
        <location filename="../annotator/gui/schema_editor.py" line="53"/>
        <source>Label schema</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../annotator/gui/schema_editor.py" line="69"/>
        <source>Attribute</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../annotator/gui/schema_editor.py" line="69"/>
        <source>Type</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../annotator/gui/schema_editor.py" line="69"/>
        <source>Values (comma-separated)</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../annotator/gui/schema_editor.py" line="69"/>
        <source>Required</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../annotator/gui/schema_editor.py" line="112"/>
        <source>Name</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../annotator/gui/schema_editor.py" line="113"/>
        <source>Colour</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../annotator/gui/schema_editor.py" line="115"/>
        <source>Description</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../annotator/gui/schema_editor.py" line="127"/>
        <source>Event types</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../annotator/gui/schema_editor.py" line="128"/>
        <source>Event roles</source>
        <translation type="unfinished"/>
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
        <translation type="unfinished"/>
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
    <name>ShortcutEditor</name>
    <message>
        <location filename="../annotator/gui/shortcuts.py" line="75"/>
        <source>Keyboard shortcuts</source>
        <translation>اختصارات لوحة المفاتيح</translation>
    </message>
    <message>
        <location filename="../annotator/gui/shortcuts.py" line="78"/>
        <source>Action</source>
        <translation>الإجراء</translation>
    </message>
    <message>
        <location filename="../annotator/gui/shortcuts.py" line="78"/>
        <source>Key</source>
        <translation>المفتاح</translation>
    </message>
</context>
<context>
    <name>ShortcutSheet</name>
    <message>
        <location filename="../annotator/gui/shortcuts.py" line="59"/>
        <source>Keyboard shortcuts</source>
        <translation>اختصارات لوحة المفاتيح</translation>
    </message>
</context>
<context>
    <name>SpanPane</name>
    <message>
        <location filename="../annotator/gui/span_pane.py" line="100"/>
        <source>&lt;span style='color:#6e7781'&gt;Click a span, or select text and press a label key (a selection snaps to whole words; Alt as you let go of the mouse keeps it exact). Ctrl+click several spans, then Ctrl+G to make an event.&lt;/span&gt;</source>
        <translation type="unfinished"/>
    </message>
</context>
<context>
    <name>StatusLine</name>
    <message>
        <location filename="../annotator/gui/status_line.py" line="23"/>
        <source>✓ all saved</source>
        <translation>✓ تم حفظ كل شيء</translation>
    </message>
    <message>
        <location filename="../annotator/gui/status_line.py" line="48"/>
        <source>✗ not saved</source>
        <translation>✗ لم يُحفظ</translation>
    </message>
    <message>
        <location filename="../annotator/gui/status_line.py" line="37"/>
        <source>This corpus is empty: File &gt; Import articles.</source>
        <translation type="unfinished"/>
    </message>
</context>
<context>
    <name>SuggestionActions</name>
    <message>
        <location filename="../annotator/gui/suggestion_actions.py" line="73"/>
        <source>spaCy model</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../annotator/gui/suggestion_actions.py" line="73"/>
        <source>An installed spaCy NER model to suggest with, e.g. en_core_web_sm (empty: none). annotator never downloads models.</source>
        <translation type="unfinished"/>
    </message>
</context>
<context>
    <name>ToolActions</name>
    <message>
        <location filename="../annotator/gui/tool_actions.py" line="99"/>
        <source>About annotator</source>
        <translation>حول annotator</translation>
    </message>
    <message>
        <location filename="../annotator/gui/tool_actions.py" line="42"/>
        <source>Agreement</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../annotator/gui/tool_actions.py" line="42"/>
        <source>Fewer than two coders have coded this corpus.</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../annotator/gui/tool_actions.py" line="57"/>
        <source>Adjudicate</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../annotator/gui/tool_actions.py" line="57"/>
        <source>This document has spans from fewer than two coders.</source>
        <translation type="unfinished"/>
    </message>
    <message>
        <location filename="../annotator/gui/tool_actions.py" line="88"/>
        <source>Codebook not saved</source>
        <translation type="unfinished"/>
    </message>
</context>
</TS>
