<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="uk" sourcelanguage="en">
<context>
    <name>Application</name>
    <message>
        <source>Claimdesk is already running</source>
        <translation>Claimdesk уже запущено</translation>
    </message>
    <message>
        <source>Another Claimdesk window has this library open but does not answer. Close it (or wait until it finishes its work), then start Claimdesk again.</source>
        <translation>Інше вікно Claimdesk відкрило цю бібліотеку, але не відповідає. Закрийте його (або зачекайте, доки воно завершить роботу), а тоді запустіть Claimdesk знову.</translation>
    </message>
    <message>
        <source>Claimdesk cannot open its database</source>
        <translation>Claimdesk не може відкрити свою базу даних</translation>
    </message>
    <message>
        <source>Claimdesk cannot open the newsroom library</source>
        <translation>Claimdesk не може відкрити бібліотеку редакції</translation>
    </message>
    <message>
        <source>The newsroom library chosen in Preferences could not be opened, so this computer&apos;s library is open instead.</source>
        <translation>Не вдалося відкрити бібліотеку редакції, вибрану в налаштуваннях, тож натомість відкрито бібліотеку на цьому комп’ютері.</translation>
    </message>
    <message>
        <source>{reason}. Nothing was lost: what you do now is kept here. Try again when the server is back, or change the choice in Preferences &gt; Library.</source>
        <translation>{reason}. Нічого не втрачено: усе, що ви робите зараз, зберігається тут. Спробуйте ще раз, коли сервер знову працюватиме, або змініть вибір у «Налаштування &gt; Бібліотека».</translation>
    </message>
    <message>
        <source>&amp;Try again</source>
        <translation>&amp;Спробувати ще раз</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Налаштування…</translation>
    </message>
    <message>
        <source>The newsroom library could not be opened: this computer&apos;s library is open</source>
        <translation>Не вдалося відкрити бібліотеку редакції: відкрито бібліотеку на цьому комп’ютері</translation>
    </message>
    <message>
        <source>Another Claimdesk window has the newsroom library open: work there, or close it and try again. This computer&apos;s library stays open here.</source>
        <translation>Бібліотеку редакції вже відкрито в іншому вікні Claimdesk: працюйте там або закрийте його й спробуйте ще раз. Тут лишається відкритою бібліотека на цьому комп’ютері.</translation>
    </message>
    <message>
        <source>Connecting to the newsroom server…</source>
        <translation>З’єднання із сервером редакції…</translation>
    </message>
    <message>
        <source>connecting to the newsroom server</source>
        <translation>з’єднання із сервером редакції</translation>
    </message>
    <message>
        <source>The newsroom library is open</source>
        <translation>Бібліотеку редакції відкрито</translation>
    </message>
    <message>
        <source>Checking the library…</source>
        <translation>Перевіряю бібліотеку…</translation>
    </message>
    <message>
        <source>opening the library</source>
        <translation>відкриття бібліотеки</translation>
    </message>
    <message>
        <source>Claimdesk: the library is damaged</source>
        <translation>Claimdesk: бібліотеку пошкоджено</translation>
    </message>
    <message>
        <source>The damaged file is kept as it was; nothing in it was deleted.</source>
        <translation>Пошкоджений файл збережено як є; з нього нічого не видалено.</translation>
    </message>
    <message>
        <source>Restore newest backup</source>
        <translation>Відновити найновішу резервну копію</translation>
    </message>
    <message>
        <source>Start with an empty library</source>
        <translation>Почати з порожньої бібліотеки</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Вийти</translation>
    </message>
</context>
<context>
    <name>ArticleView</name>
    <message>
        <source> · added by hand</source>
        <translation> · додано вручну</translation>
    </message>
    <message>
        <source>the article itself</source>
        <translation>сама стаття</translation>
    </message>
    <message>
        <source>Source: {source}</source>
        <translation>Джерело: {source}</translation>
    </message>
    <message>
        <source>Hedges: </source>
        <translation>Обмовки: </translation>
    </message>
    <message>
        <source>1 note</source>
        <translation>1 нотатка</translation>
    </message>
    <message>
        <source>{count} notes</source>
        <translation>Нотаток: {count}</translation>
    </message>
    <message>
        <source>Open an article (File &gt; Open, Ctrl+O) or choose one in the library.</source>
        <translation>Відкрийте статтю (Файл &gt; Відкрити, Ctrl+O) або виберіть її в бібліотеці.</translation>
    </message>
</context>
<context>
    <name>BackupsDialog</name>
    <message>
        <source>Daily</source>
        <translation>Щоденна</translation>
    </message>
    <message>
        <source>Made by hand</source>
        <translation>Зроблена вручну</translation>
    </message>
    <message>
        <source>Before an upgrade</source>
        <translation>Перед оновленням</translation>
    </message>
    <message>
        <source>Before a restore</source>
        <translation>Перед відновленням</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>Зроблено</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
    <message>
        <source>Articles</source>
        <translation>Статті</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Розмір</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Резервні копії</translation>
    </message>
    <message>
        <source>Backups of {library} are kept in {folder}. A copy is made each day while Claimdesk is open; restoring keeps the current state as a backup first.</source>
        <translation>Резервні копії {library} зберігаються в {folder}. Копія створюється щодня, поки Claimdesk відкрито; перед відновленням поточний стан теж зберігається як резервна копія.</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>Створити копію зараз</translation>
    </message>
    <message>
        <source>Restore…</source>
        <translation>Відновити…</translation>
    </message>
    <message>
        <source>Restore this backup?</source>
        <translation>Відновити цю резервну копію?</translation>
    </message>
    <message>
        <source>Replace the library with the backup from {when}? The library as it is now will be kept as a backup first.</source>
        <translation>Замінити бібліотеку резервною копією від {when}? Поточну бібліотеку спершу буде збережено як резервну копію.</translation>
    </message>
    <message>
        <source>Restored the backup {name}</source>
        <translation>Відновлено резервну копію {name}</translation>
    </message>
</context>
<context>
    <name>ClaimEditor</name>
    <message>
        <source>&lt;b&gt;Dismissed:&lt;/b&gt; hidden from the list as not worth checking, and kept. &lt;a href=&apos;restore&apos; style=&apos;color:#1f5fb0&apos;&gt;Restore it&lt;/a&gt;</source>
        <translation>&lt;b&gt;Відхилене:&lt;/b&gt; приховане зі списку як таке, що не варте перевірки, і збережене. &lt;a href=&apos;restore&apos; style=&apos;color:#1f5fb0&apos;&gt;Повернути&lt;/a&gt;</translation>
    </message>
    <message>
        <source>Who asserts it (empty: the article itself)</source>
        <translation>Хто це стверджує (порожньо: сама стаття)</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Перевірка</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Нотатки</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Доказ</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Історія</translation>
    </message>
    <message>
        <source>Choose a claim in the list to review it.</source>
        <translation>Виберіть твердження у списку, щоб перевірити його.</translation>
    </message>
    <message>
        <source>your reason stays in the reason box</source>
        <translation>ваша причина залишається в полі причини</translation>
    </message>
    <message>
        <source>Restore this claim</source>
        <translation>Повернути це твердження</translation>
    </message>
    <message>
        <source>you can restore it again</source>
        <translation>ви можете повернути його ще раз</translation>
    </message>
    <message>
        <source>(no source: the article itself asserts it)</source>
        <translation>(без джерела: це стверджує сама стаття)</translation>
    </message>
    <message>
        <source>you can clear the source again</source>
        <translation>ви можете знову очистити джерело</translation>
    </message>
    <message>
        <source>you can choose your kind again</source>
        <translation>ви можете вибрати свій тип ще раз</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Джерело</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Мітки</translation>
    </message>
    <message>
        <source>&lt;b&gt;The wording changed in the new version of the article.&lt;/b&gt;</source>
        <translation>&lt;b&gt;У новій версії статті формулювання змінилося.&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Before:</source>
        <translation>Було:</translation>
    </message>
    <message>
        <source>Now:</source>
        <translation>Тепер:</translation>
    </message>
    <message>
        <source>&lt;b&gt;Orphan:&lt;/b&gt; this passage is no longer in the current version of the article. The claim is kept, with its notes, evidence and history.</source>
        <translation>&lt;b&gt;Загублене:&lt;/b&gt; цього фрагмента вже немає в поточній версії статті. Твердження збережено разом із нотатками, доказами й історією.</translation>
    </message>
    <message>
        <source>you can choose your status again</source>
        <translation>ви можете вибрати свій статус ще раз</translation>
    </message>
    <message>
        <source>your status is set after theirs, which stays in the history</source>
        <translation>ваш статус встановлюється після їхнього, який залишається в історії</translation>
    </message>
    <message>
        <source>Added by hand</source>
        <translation>Додано вручну</translation>
    </message>
    <message>
        <source>Source means:</source>
        <translation>Джерело означає:</translation>
    </message>
    <message>
        <source>&lt;b&gt;Source uncertain&lt;/b&gt; (confidence {confidence}): check who says it</source>
        <translation>&lt;b&gt;Джерело непевне&lt;/b&gt; (упевненість {confidence}): перевірте, хто це каже</translation>
    </message>
    <message>
        <source>Citing:</source>
        <translation>З посиланням на:</translation>
    </message>
    <message>
        <source>Also in this sentence:</source>
        <translation>Також у цьому реченні:</translation>
    </message>
    <message>
        <source>Cues:</source>
        <translation>Сигнали:</translation>
    </message>
    <message>
        <source>Hedges:</source>
        <translation>Обмовки:</translation>
    </message>
    <message>
        <source>Figures:</source>
        <translation>Числа:</translation>
    </message>
    <message>
        <source>Check-worthiness:</source>
        <translation>Важливість перевірки:</translation>
    </message>
</context>
<context>
    <name>ClaimFilters</name>
    <message>
        <source>Position in article</source>
        <translation>За текстом</translation>
    </message>
    <message>
        <source>Most check-worthy first</source>
        <translation>Найважливіші спершу</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
</context>
<context>
    <name>ClaimKinds</name>
    <message>
        <source>claim</source>
        <translation>твердження</translation>
    </message>
    <message>
        <source>quote</source>
        <translation>цитата</translation>
    </message>
    <message>
        <source>caveat</source>
        <translation>застереження</translation>
    </message>
</context>
<context>
    <name>ClaimKindsShort</name>
    <message>
        <source>claim</source>
        <translation>тв.</translation>
    </message>
    <message>
        <source>quote</source>
        <translation>цит.</translation>
    </message>
    <message>
        <source>caveat</source>
        <translation>заст.</translation>
    </message>
</context>
<context>
    <name>ClaimLinks</name>
    <message>
        <source>this article</source>
        <translation>ця стаття</translation>
    </message>
    <message>
        <source>Also in 1 article; first: {where}, {date}</source>
        <translation>Також в 1 статті; уперше: {where}, {date}</translation>
    </message>
    <message>
        <source>Also in {count} articles; first: {where}, {date}</source>
        <translation>Також у статтях: {count}; уперше: {where}, {date}</translation>
    </message>
    <message>
        <source>1 article</source>
        <translation>1 стаття</translation>
    </message>
    <message>
        <source>{count} articles</source>
        <translation>статей: {count}</translation>
    </message>
    <message>
        <source>1 origin: {name}</source>
        <translation>1 першоджерело: {name}</translation>
    </message>
    <message>
        <source>{count} origins: {name}</source>
        <translation>першоджерел — {count}: {name}</translation>
    </message>
    <message>
        <source> and 1 other</source>
        <translation> та ще 1</translation>
    </message>
    <message>
        <source> and {count} others</source>
        <translation> та ще {count}</translation>
    </message>
    <message>
        <source>{articles}, {origins}</source>
        <translation>{articles}, {origins}</translation>
    </message>
    <message>
        <source>figures disagree: {mine} ({mine_source}, {mine_date}) vs {theirs} ({theirs_source}, {theirs_date})</source>
        <translation>цифри розходяться: {mine} ({mine_source}, {mine_date}) проти {theirs} ({theirs_source}, {theirs_date})</translation>
    </message>
</context>
<context>
    <name>ClaimLinksView</name>
    <message>
        <source>Carry verdict to…</source>
        <translation>Перенести висновок на…</translation>
    </message>
    <message>
        <source>Give chosen linked claims this claim&apos;s status, reason and evidence</source>
        <translation>Надати вибраним пов&apos;язаним твердженням статус, підставу й докази цього твердження</translation>
    </message>
    <message>
        <source>Same claim as…</source>
        <translation>Те саме твердження, що й…</translation>
    </message>
    <message>
        <source>Link by hand to a claim of another article that says this too</source>
        <translation>Пов&apos;язати вручну з твердженням іншої статті, яка каже те саме</translation>
    </message>
    <message>
        <source>linked by hand</source>
        <translation>пов&apos;язано вручну</translation>
    </message>
    <message>
        <source>Linked by hand</source>
        <translation>Пов&apos;язано вручну</translation>
    </message>
    <message>
        <source>Marked as not the same claim</source>
        <translation>Позначено як інше твердження</translation>
    </message>
    <message>
        <source>Carry verdict</source>
        <translation>Перенести висновок</translation>
    </message>
    <message>
        <source>Give the claims you tick the status &lt;b&gt;{status}&lt;/b&gt;{reason}, and this claim&apos;s evidence. Each one&apos;s history will say where it came from.</source>
        <translation>Позначені твердження отримають статус &lt;b&gt;{status}&lt;/b&gt;{reason} і докази цього твердження. В історії кожного буде сказано, звідки їх перенесено.</translation>
    </message>
    <message>
        <source>Find the claim in another article that says the same as “{text}”, in other words perhaps. It will be linked to this one.</source>
        <translation>Знайдіть твердження в іншій статті, яке каже те саме, що «{text}», можливо, іншими словами. Його буде пов&apos;язано з цим.</translation>
    </message>
    <message>
        <source>Words of the other claim</source>
        <translation>Слова іншого твердження</translation>
    </message>
    <message>
        <source>Link as the same claim</source>
        <translation>Пов&apos;язати як те саме твердження</translation>
    </message>
    <message>
        <source>No claim of another article has these words.</source>
        <translation>Жодне твердження інших статей не містить цих слів.</translation>
    </message>
    <message>
        <source>Verdict carried to 1 claim</source>
        <translation>Висновок перенесено на 1 твердження</translation>
    </message>
    <message>
        <source>not the same</source>
        <translation>не те саме</translation>
    </message>
    <message>
        <source>Verdict carried to {count} claims</source>
        <translation>Висновок перенесено (тверджень: {count})</translation>
    </message>
    <message>
        <source>carry verdict</source>
        <translation>перенесення висновку</translation>
    </message>
    <message>
        <source>{where} ({status}, set by {who})</source>
        <translation>{where} ({status}, автор зміни: {who})</translation>
    </message>
    <message>
        <source>Left as they are, changed since the verdict was carried: {claims}</source>
        <translation>Залишено як є, бо їх змінили після перенесення висновку: {claims}</translation>
    </message>
    <message>
        <source>link claims</source>
        <translation>пов&apos;язати твердження</translation>
    </message>
    <message>
        <source>unlink claims</source>
        <translation>роз&apos;єднати твердження</translation>
    </message>
</context>
<context>
    <name>ClaimListModel</name>
    <message>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Джерело</translation>
    </message>
    <message>
        <source>Claim</source>
        <translation>Твердження</translation>
    </message>
    <message>
        <source>Hedges</source>
        <translation>Обмовки</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Нот.</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Бал</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Мітки</translation>
    </message>
    <message>
        <source>Status: its letter and colour</source>
        <translation>Статус: його літера й колір</translation>
    </message>
    <message>
        <source>Notes · evidence items</source>
        <translation>Нотатки · докази</translation>
    </message>
    <message>
        <source>Check-worthiness, 0 to 1</source>
        <translation>Важливість перевірки, від 0 до 1</translation>
    </message>
    <message>
        <source>Words that soften the claim</source>
        <translation>Слова, що пом’якшують твердження</translation>
    </message>
    <message>
        <source>Your tags on the claim (the Tags filter above shows one tag&apos;s claims)</source>
        <translation>Ваші мітки твердження (фільтр «Мітки» вгорі показує твердження з однією міткою)</translation>
    </message>
    <message>
        <source>The article itself</source>
        <translation>Сама стаття</translation>
    </message>
    <message>
        <source>Orphans: not found in the new version</source>
        <translation>Загублені: немає в новій версії</translation>
    </message>
    <message>
        <source>{group}  ·  1 claim</source>
        <translation>{group}  ·  1 твердження</translation>
    </message>
    <message>
        <source>{group}  ·  {count} claims</source>
        <translation>{group}  ·  тверджень: {count}</translation>
    </message>
    <message>
        <source>Claims a new version of the article no longer contains. Kept, with their notes.</source>
        <translation>Твердження, яких уже немає в новій версії статті. Збережені разом із нотатками.</translation>
    </message>
    <message>
        <source>manual</source>
        <translation>вручну</translation>
    </message>
    <message>
        <source>Status: {status} ({letter})</source>
        <translation>Статус: {status} ({letter})</translation>
    </message>
    <message>
        <source>Score: {score}</source>
        <translation>Бал: {score}</translation>
    </message>
    <message>
        <source>Added by hand</source>
        <translation>Додано вручну</translation>
    </message>
    <message>
        <source>Source: {source}</source>
        <translation>Джерело: {source}</translation>
    </message>
    <message>
        <source>Hedges: </source>
        <translation>Обмовки: </translation>
    </message>
    <message>
        <source>Figures: </source>
        <translation>Числа: </translation>
    </message>
    <message>
        <source>Flagged for: </source>
        <translation>Позначено через: </translation>
    </message>
    <message>
        <source>{notes} note(s), {evidence} evidence item(s)</source>
        <translation>Нотаток: {notes}, доказів: {evidence}</translation>
    </message>
    <message>
        <source>Tags: </source>
        <translation>Мітки: </translation>
    </message>
    <message>
        <source>Wording changed in the new version; it was: “{before}”</source>
        <translation>У новій версії формулювання змінилося; було: «{before}»</translation>
    </message>
    <message>
        <source>Orphan: the new version of the article no longer contains this passage</source>
        <translation>Загублене: у новій версії статті цього фрагмента вже немає</translation>
    </message>
    <message>
        <source>Dismissed: hidden from the list; Restore brings it back</source>
        <translation>Відхилене: приховане зі списку; «Повернути» повертає його</translation>
    </message>
    <message>
        <source>Only in this article</source>
        <translation>Лише в цій статті</translation>
    </message>
    <message>
        <source>Other articles in the library make these claims too: the editor lists them</source>
        <translation>Інші статті бібліотеки теж містять ці твердження: їх перелічено в редакторі</translation>
    </message>
    <message>
        <source>No other article in the library makes these claims</source>
        <translation>Жодна інша стаття бібліотеки не містить цих тверджень</translation>
    </message>
</context>
<context>
    <name>ClaimListView</name>
    <message>
        <source>&amp;Claim</source>
        <translation>&amp;Твердження</translation>
    </message>
    <message>
        <source>Choose a claim in the list first</source>
        <translation>Спершу виберіть твердження у списку</translation>
    </message>
    <message>
        <source>Set &amp;status</source>
        <translation>Встановити &amp;статус</translation>
    </message>
    <message>
        <source>Add &amp;note</source>
        <translation>Додати &amp;нотатку</translation>
    </message>
    <message>
        <source>Add &amp;evidence</source>
        <translation>Додати &amp;доказ</translation>
    </message>
    <message>
        <source>&amp;Open in the editor</source>
        <translation>&amp;Відкрити в редакторі</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>&amp;Повернути</translation>
    </message>
    <message>
        <source>&amp;Dismiss</source>
        <translation>Ві&amp;дхилити</translation>
    </message>
</context>
<context>
    <name>ClaimsPanel</name>
    <message>
        <source>Any status</source>
        <translation>Усі статуси</translation>
    </message>
    <message>
        <source>Any kind</source>
        <translation>Усі види</translation>
    </message>
    <message>
        <source>Any source</source>
        <translation>Усі джерела</translation>
    </message>
    <message>
        <source>Any tag</source>
        <translation>Усі мітки</translation>
    </message>
    <message>
        <source>Show dismissed</source>
        <translation>Показати відхилені</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Повернути</translation>
    </message>
    <message>
        <source>Bring the dismissed claim back into the list</source>
        <translation>Повернути відхилене твердження до списку</translation>
    </message>
    <message>
        <source>Order:</source>
        <translation>Порядок:</translation>
    </message>
    <message>
        <source>Right-click to choose the columns</source>
        <translation>Клацніть правою кнопкою, щоб вибрати стовпці</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>&lt;b&gt;Claims&lt;/b&gt; {shown}</source>
        <translation>&lt;b&gt;Твердження&lt;/b&gt; {shown}</translation>
    </message>
    <message>
        <source> of {listable}</source>
        <translation> з {listable}</translation>
    </message>
    <message>
        <source>{count} dismissed</source>
        <translation>відхилених: {count}</translation>
    </message>
    <message>
        <source>1 orphan</source>
        <translation>1 загублене</translation>
    </message>
    <message>
        <source>{count} orphans</source>
        <translation>загублених: {count}</translation>
    </message>
    <message>
        <source>{count} reworded</source>
        <translation>переформульованих: {count}</translation>
    </message>
    <message>
        <source>Dismissed claims are hidden unless “Show dismissed” is ticked. Orphans: claims a new version of the article no longer contains. Reworded (✎): claims whose wording it changed.</source>
        <translation>Відхилені твердження приховано, якщо не позначено «Показати відхилені». Загублені: твердження, яких уже немає в новій версії статті. Переформульовані (✎): твердження, формулювання яких вона змінила.</translation>
    </message>
    <message>
        <source>Group:</source>
        <translation>Групувати:</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Ні</translation>
    </message>
    <message>
        <source>By source</source>
        <translation>За джерелом</translation>
    </message>
    <message>
        <source>By linked claim</source>
        <translation>За пов&apos;язаними</translation>
    </message>
    <message>
        <source>By linked claim: the claims other articles in the library make too, each under where else and first; the rest under “Only in this article”</source>
        <translation>За пов&apos;язаними: твердження, які містять і інші статті бібліотеки, кожне під тим, де ще й де вперше; решта — під «Лише в цій статті»</translation>
    </message>
    <message>
        <source>finding linked claims…</source>
        <translation>пошук пов&apos;язаних тверджень…</translation>
    </message>
</context>
<context>
    <name>Commands</name>
    <message>
        <source>edit note</source>
        <translation>редагування нотатки</translation>
    </message>
    <message>
        <source>remove note</source>
        <translation>вилучення нотатки</translation>
    </message>
    <message>
        <source>edit evidence</source>
        <translation>редагування доказу</translation>
    </message>
    <message>
        <source>remove evidence</source>
        <translation>вилучення доказу</translation>
    </message>
    <message>
        <source>set status to {status}</source>
        <translation>статус «{status}»</translation>
    </message>
    <message>
        <source>Redone: {what}</source>
        <translation>Повторено: {what}</translation>
    </message>
    <message>
        <source>Undone: {what}</source>
        <translation>Скасовано: {what}</translation>
    </message>
    <message>
        <source>add note</source>
        <translation>додавання нотатки</translation>
    </message>
    <message>
        <source>add link</source>
        <translation>додавання посилання</translation>
    </message>
    <message>
        <source>add document</source>
        <translation>додавання документа</translation>
    </message>
    <message>
        <source>add person contacted</source>
        <translation>додавання контакту</translation>
    </message>
    <message>
        <source>set tags</source>
        <translation>зміну міток</translation>
    </message>
    <message>
        <source>source</source>
        <translation>джерела</translation>
    </message>
    <message>
        <source>kind</source>
        <translation>виду</translation>
    </message>
    <message>
        <source>span</source>
        <translation>меж</translation>
    </message>
    <message>
        <source>change {what}</source>
        <translation>зміну {what}</translation>
    </message>
    <message>
        <source> and </source>
        <translation> і </translation>
    </message>
    <message>
        <source>add claim</source>
        <translation>додавання твердження</translation>
    </message>
    <message>
        <source>dismiss claim</source>
        <translation>відхилення твердження</translation>
    </message>
    <message>
        <source>restore claim</source>
        <translation>повернення твердження</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Changed by someone else</source>
        <translation>Змінено кимось іншим</translation>
    </message>
    <message>
        <source>Someone else changed this after you opened it. Your change was not saved yet, and theirs was not overwritten: choose which stands.</source>
        <translation>Хтось інший змінив це після того, як ви це відкрили. Вашу зміну ще не збережено, а їхню не перезаписано: виберіть, яка залишиться.</translation>
    </message>
    <message>
        <source>Their change</source>
        <translation>Їхня зміна</translation>
    </message>
    <message>
        <source>Your change, not saved yet</source>
        <translation>Ваша зміна, ще не збережена</translation>
    </message>
    <message>
        <source>&amp;Copy mine</source>
        <translation>&amp;Копіювати моє</translation>
    </message>
    <message>
        <source>Put your text on the clipboard</source>
        <translation>Покласти ваш текст у буфер обміну</translation>
    </message>
    <message>
        <source>Theirs (saved)</source>
        <translation>Їхнє (збережено)</translation>
    </message>
    <message>
        <source>Yours (not saved yet)</source>
        <translation>Ваше (ще не збережено)</translation>
    </message>
    <message>
        <source>your text goes to the clipboard</source>
        <translation>ваш текст потрапляє до буфера обміну</translation>
    </message>
    <message>
        <source>your change is saved on top of theirs</source>
        <translation>вашу зміну буде збережено поверх їхньої</translation>
    </message>
    <message>
        <source>Keep theirs: their change stays, and {kept}.</source>
        <translation>Залишити їхнє: їхня зміна залишається, а {kept}.</translation>
    </message>
    <message>
        <source>Apply mine: {applied}.</source>
        <translation>Застосувати моє: {applied}.</translation>
    </message>
    <message>
        <source>&amp;Keep theirs</source>
        <translation>&amp;Залишити їхнє</translation>
    </message>
    <message>
        <source>&amp;Apply mine</source>
        <translation>З&amp;астосувати моє</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>Every change you made was saved when you made it: your claims, notes and evidence are safe. You can go on working; if something looks wrong, restart Claimdesk.</source>
        <translation>Кожну вашу зміну збережено в ту ж мить: ваші твердження, нотатки й докази в безпеці. Можна працювати далі; якщо щось виглядає не так, перезапустіть Claimdesk.</translation>
    </message>
    <message>
        <source>Claimdesk ran into a problem</source>
        <translation>У Claimdesk сталася проблема</translation>
    </message>
    <message>
        <source>&lt;b&gt;Something went wrong that Claimdesk did not expect.&lt;/b&gt;</source>
        <translation>&lt;b&gt;Сталося те, чого Claimdesk не очікував.&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Copy report</source>
        <translation>Копіювати звіт</translation>
    </message>
    <message>
        <source>Open log folder</source>
        <translation>Відкрити теку журналів</translation>
    </message>
</context>
<context>
    <name>DailyBackups</name>
    <message>
        <source>the daily backup</source>
        <translation>щоденна резервна копія</translation>
    </message>
    <message>
        <source>Claimdesk: no backup today</source>
        <translation>Claimdesk: сьогодні резервної копії немає</translation>
    </message>
</context>
<context>
    <name>EmptyLibrary</name>
    <message>
        <source>&lt;b&gt;No articles yet&lt;/b&gt;</source>
        <translation>&lt;b&gt;Статей поки немає&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Open an article (Ctrl+O), or drag files, a folder or a link from your browser onto this window. Claimdesk reads text, Markdown, web pages (HTML, MHTML), PDF and Word files, and finds the claims in them.</source>
        <translation>Відкрийте статтю (Ctrl+O) або перетягніть у це вікно файли, теку чи посилання з браузера. Claimdesk читає текст, Markdown, вебсторінки (HTML, MHTML), файли PDF і Word та знаходить у них твердження.</translation>
    </message>
    <message>
        <source>&amp;Open a file…</source>
        <translation>&amp;Відкрити файл…</translation>
    </message>
    <message>
        <source>Try the &amp;sample article</source>
        <translation>Спробувати &amp;зразок статті</translation>
    </message>
</context>
<context>
    <name>EvidenceForm</name>
    <message>
        <source>A link</source>
        <translation>Посилання</translation>
    </message>
    <message>
        <source>A document</source>
        <translation>Документ</translation>
    </message>
    <message>
        <source>A person contacted</source>
        <translation>Контакт з людиною</translation>
    </message>
    <message>
        <source>phone</source>
        <translation>телефон</translation>
    </message>
    <message>
        <source>email</source>
        <translation>електронна пошта</translation>
    </message>
    <message>
        <source>in person</source>
        <translation>особисто</translation>
    </message>
    <message>
        <source>message</source>
        <translation>повідомлення</translation>
    </message>
    <message>
        <source>video call</source>
        <translation>відеодзвінок</translation>
    </message>
    <message>
        <source>letter</source>
        <translation>лист</translation>
    </message>
    <message>
        <source>What the page is (optional)</source>
        <translation>Що це за сторінка (необов’язково)</translation>
    </message>
    <message>
        <source>What it shows (optional)</source>
        <translation>Що це показує (необов’язково)</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Назва</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Нотатка</translation>
    </message>
    <message>
        <source>Choose a file…</source>
        <translation>Виберіть файл…</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Вибрати…</translation>
    </message>
    <message>
        <source>A copy is kept in Claimdesk&apos;s data folder, with its SHA-256 fingerprint.</source>
        <translation>Копія зберігається в теці даних Claimdesk разом із відбитком SHA-256.</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Файл</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Хто</translation>
    </message>
    <message>
        <source>Their role, e.g. port authority spokesperson</source>
        <translation>Роль, напр. речник адміністрації порту</translation>
    </message>
    <message>
        <source>(not said)</source>
        <translation>(не вказано)</translation>
    </message>
    <message>
        <source>What they said (optional)</source>
        <translation>Що сказали (необов’язково)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Ім’я</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Роль</translation>
    </message>
    <message>
        <source>How</source>
        <translation>Як</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Коли</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Результат</translation>
    </message>
    <message>
        <source>Add evidence</source>
        <translation>Додати доказ</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Скасувати</translation>
    </message>
    <message>
        <source>Keep the item as it was (Esc)</source>
        <translation>Залишити як було (Esc)</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Додати</translation>
    </message>
    <message>
        <source>Attach a document</source>
        <translation>Додати документ</translation>
    </message>
    <message>
        <source>Give the link&apos;s address (URL).</source>
        <translation>Вкажіть адресу посилання (URL).</translation>
    </message>
    <message>
        <source>Choose a file that exists on this computer.</source>
        <translation>Виберіть файл, який є на цьому комп’ютері.</translation>
    </message>
    <message>
        <source>Give the name of the person contacted.</source>
        <translation>Вкажіть ім’я людини, з якою зв’язувалися.</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Змінити</translation>
    </message>
    <message>
        <source>Save changes</source>
        <translation>Зберегти зміни</translation>
    </message>
</context>
<context>
    <name>EvidenceList</name>
    <message>
        <source>No evidence yet. Add a link, a document or a person contacted.</source>
        <translation>Доказів поки немає. Додайте посилання, документ або контакт з людиною.</translation>
    </message>
    <message>
        <source> (edited)</source>
        <translation> (змінено)</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>невідомо</translation>
    </message>
    <message>
        <source>added by {author}, {when}</source>
        <translation>додав(ла) {author}, {when}</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Посилання</translation>
    </message>
    <message>
        <source>copy the address</source>
        <translation>копіювати адресу</translation>
    </message>
    <message>
        <source>(the link opens only when you click it)</source>
        <translation>(посилання відкривається лише після клацання)</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Документ</translation>
    </message>
    <message>
        <source>copy</source>
        <translation>копіювати</translation>
    </message>
    <message>
        <source>open the kept copy</source>
        <translation>відкрити збережену копію</translation>
    </message>
    <message>
        <source>the kept copy is missing from the data folder</source>
        <translation>збереженої копії немає в теці даних</translation>
    </message>
    <message>
        <source>Person contacted</source>
        <translation>Контакт з людиною</translation>
    </message>
    <message>
        <source>contacted</source>
        <translation>зв’язок</translation>
    </message>
    <message>
        <source>outcome</source>
        <translation>результат</translation>
    </message>
    <message>
        <source>Evidence for this claim</source>
        <translation>Докази для цього твердження</translation>
    </message>
    <message>
        <source>Kept copy changed</source>
        <translation>Збережену копію змінено</translation>
    </message>
    <message>
        <source>The kept copy of {name} no longer matches the SHA-256 recorded when it was attached: it was changed or damaged since. It was not opened; attach the document again from a copy you trust.</source>
        <translation>Збережена копія {name} більше не відповідає SHA-256, записаному під час додавання: її відтоді змінено або пошкоджено. Її не відкрито; додайте документ знову з копії, якій ви довіряєте.</translation>
    </message>
</context>
<context>
    <name>FetchDialog</name>
    <message>
        <source>&lt;b&gt;⚠ This goes online.&lt;/b&gt; Claimdesk will connect to this address and download the page, once. The site will see a request from your computer. The page is then kept in your data folder exactly as it came, with the time of capture, and read offline from then on. Nothing else in Claimdesk uses the network.</source>
        <translation>&lt;b&gt;⚠ Це вихід в інтернет.&lt;/b&gt; Claimdesk один раз під’єднається до цієї адреси й завантажить сторінку. Сайт побачить запит із вашого комп’ютера. Далі сторінка зберігається в теці даних точно такою, як надійшла, з часом збереження, і читається офлайн. Більше ніщо в Claimdesk мережею не користується.</translation>
    </message>
    <message>
        <source>Fetch a page from the web</source>
        <translation>Завантажити сторінку з інтернету</translation>
    </message>
    <message>
        <source>Go online and fetch</source>
        <translation>Вийти в інтернет і завантажити</translation>
    </message>
    <message>
        <source>Address of the page:</source>
        <translation>Адреса сторінки:</translation>
    </message>
    <message>
        <source>Fetching {url}…</source>
        <translation>Завантажую {url}…</translation>
    </message>
    <message>
        <source>fetching the page</source>
        <translation>завантаження сторінки</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Find in article</source>
        <translation>Знайти в статті</translation>
    </message>
    <message>
        <source>Previous match (Shift+Enter)</source>
        <translation>Попередній збіг (Shift+Enter)</translation>
    </message>
    <message>
        <source>Next match (Enter)</source>
        <translation>Наступний збіг (Enter)</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Закрити (Esc)</translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>Збігів немає</translation>
    </message>
    <message>
        <source>{number} of {count}</source>
        <translation>{number} з {count}</translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <source>No status change yet: this claim has never been reviewed.</source>
        <translation>Статус ще не змінювали: це твердження ніхто не перевіряв.</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>причину не вказано</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>невідомо</translation>
    </message>
    <message>
        <source>Before:</source>
        <translation>Було:</translation>
    </message>
    <message>
        <source>After:</source>
        <translation>Стало:</translation>
    </message>
    <message>
        <source>Note edited</source>
        <translation>Нотатку змінено</translation>
    </message>
    <message>
        <source>Evidence edited</source>
        <translation>Доказ змінено</translation>
    </message>
    <message>
        <source>Note removed</source>
        <translation>Нотатку вилучено</translation>
    </message>
    <message>
        <source>Evidence removed</source>
        <translation>Доказ вилучено</translation>
    </message>
    <message>
        <source>Note edit undone</source>
        <translation>Зміну нотатки скасовано</translation>
    </message>
    <message>
        <source>Evidence edit undone</source>
        <translation>Зміну доказу скасовано</translation>
    </message>
    <message>
        <source>Status history, newest first</source>
        <translation>Історія статусів, найновіше вгорі</translation>
    </message>
</context>
<context>
    <name>ImportJobs</name>
    <message>
        <source>Importing…</source>
        <translation>Імпортую…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Скасувати</translation>
    </message>
    <message>
        <source>Import articles</source>
        <translation>Імпорт статей</translation>
    </message>
    <message>
        <source>the import</source>
        <translation>імпорт</translation>
    </message>
    <message>
        <source>Importing {number} of {total}: {name}</source>
        <translation>Імпортую {number} з {total}: {name}</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Готово</translation>
    </message>
    <message>
        <source>Already in the library (not imported twice):</source>
        <translation>Уже є в бібліотеці (повторно не імпортовано):</translation>
    </message>
    <message>
        <source>article {id}</source>
        <translation>стаття {id}</translation>
    </message>
    <message>
        <source>Could not be read:</source>
        <translation>Не вдалося прочитати:</translation>
    </message>
    <message>
        <source>  … and {count} more</source>
        <translation>  … і ще {count}</translation>
    </message>
    <message>
        <source>{count} imported</source>
        <translation>імпортовано: {count}</translation>
    </message>
    <message>
        <source>{count} updated to a new version</source>
        <translation>оновлено до нової версії: {count}</translation>
    </message>
    <message>
        <source>{count} kept apart from an article with the same file name but another text</source>
        <translation>окремо від статті з такою самою назвою файлу, але іншим текстом: {count}</translation>
    </message>
    <message>
        <source>{count} already in the library (not imported twice)</source>
        <translation>уже в бібліотеці (повторно не імпортовано): {count}</translation>
    </message>
    <message>
        <source>{count} could not be read</source>
        <translation>не вдалося прочитати: {count}</translation>
    </message>
    <message>
        <source> — cancelled</source>
        <translation> — скасовано</translation>
    </message>
    <message>
        <source>Import finished</source>
        <translation>Імпорт завершено</translation>
    </message>
    <message>
        <source>The clipboard holds no text to make an article from</source>
        <translation>У буфері обміну немає тексту, з якого можна зробити статтю</translation>
    </message>
</context>
<context>
    <name>ItemBrowser</name>
    <message>
        <source>opens in your browser — goes online</source>
        <translation>відкривається в браузері — вихід в інтернет</translation>
    </message>
    <message>
        <source>Edit (F2)</source>
        <translation>Змінити (F2)</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Змінити</translation>
    </message>
    <message>
        <source>Remove (Delete); Ctrl+Z brings it back</source>
        <translation>Вилучити (Delete); Ctrl+Z повертає</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Вилучити</translation>
    </message>
</context>
<context>
    <name>ItemEditing</name>
    <message>
        <source>your wording stays in the note box, as a new note</source>
        <translation>ваше формулювання залишається в полі нотатки як нова нотатка</translation>
    </message>
    <message>
        <source>your wording replaces theirs, which stays in the history</source>
        <translation>ваше формулювання замінює їхнє, яке залишається в історії</translation>
    </message>
    <message>
        <source>Remove the note:</source>
        <translation>Вилучити нотатку:</translation>
    </message>
    <message>
        <source>the note stays as they left it</source>
        <translation>нотатка залишається такою, як її залишили</translation>
    </message>
    <message>
        <source>the note is taken off, and stays in the history</source>
        <translation>нотатку вилучено, вона залишається в історії</translation>
    </message>
    <message>
        <source>Note removed</source>
        <translation>Нотатку вилучено</translation>
    </message>
    <message>
        <source>your change replaces theirs, which stays in the history</source>
        <translation>ваша зміна замінює їхню, яка залишається в історії</translation>
    </message>
    <message>
        <source>Remove the evidence:</source>
        <translation>Вилучити доказ:</translation>
    </message>
    <message>
        <source>the evidence stays as they left it</source>
        <translation>доказ залишається таким, як його залишили</translation>
    </message>
    <message>
        <source>the evidence is taken off, and stays in the history</source>
        <translation>доказ вилучено, він залишається в історії</translation>
    </message>
    <message>
        <source>Evidence removed</source>
        <translation>Доказ вилучено</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Мова</translation>
    </message>
    <message>
        <source>&amp;System</source>
        <translation>&amp;Системна</translation>
    </message>
</context>
<context>
    <name>LibraryPane</name>
    <message>
        <source>Title</source>
        <translation>Назва</translation>
    </message>
    <message>
        <source>Outlet</source>
        <translation>Видання</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Опубліковано</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Імпортовано</translation>
    </message>
    <message>
        <source>Claims</source>
        <translation>Твердження</translation>
    </message>
    <message>
        <source>Statuses</source>
        <translation>Статуси</translation>
    </message>
    <message>
        <source>No claims</source>
        <translation>Тверджень немає</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>Бібліотека</translation>
    </message>
    <message>
        <source>Trash</source>
        <translation>Кошик</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Усі статуси</translation>
    </message>
    <message>
        <source>Filter titles</source>
        <translation>Фільтр за назвою</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Повернути</translation>
    </message>
    <message>
        <source>Empty trash</source>
        <translation>Очистити кошик</translation>
    </message>
    <message>
        <source>Move to trash</source>
        <translation>Перемістити в кошик</translation>
    </message>
    <message>
        <source>Any outlet</source>
        <translation>Усі видання</translation>
    </message>
    <message>
        <source>Any tag</source>
        <translation>Усі мітки</translation>
    </message>
    <message>
        <source>Moved “{title}” to the trash.</source>
        <translation>«{title}» переміщено в кошик.</translation>
    </message>
    <message>
        <source>Moved {count} articles to the trash.</source>
        <translation>Переміщено в кошик статей: {count}.</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>&amp;Повернути</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Відкрити</translation>
    </message>
    <message>
        <source>&amp;Properties…</source>
        <translation>&amp;Властивості…</translation>
    </message>
    <message>
        <source>Re&amp;name</source>
        <translation>&amp;Перейменувати</translation>
    </message>
    <message>
        <source>Move to &amp;trash</source>
        <translation>Перемістити в &amp;кошик</translation>
    </message>
    <message>
        <source>Show in &amp;folder</source>
        <translation>Показати в &amp;теці</translation>
    </message>
    <message>
        <source>Only a page fetched from the web keeps a copy in the data folder</source>
        <translation>Копію в теці даних має лише сторінка, завантажена з інтернету</translation>
    </message>
    <message>
        <source>Empty the trash</source>
        <translation>Очистити кошик</translation>
    </message>
    <message>
        <source>Delete 1 article for good, with every claim, note and piece of evidence on them? This cannot be undone (backups keep earlier copies).</source>
        <translation>Видалити 1 статтю назавжди, разом з усіма твердженнями, нотатками й доказами? Цього не можна скасувати (резервні копії зберігають попередні версії).</translation>
    </message>
    <message>
        <source>Delete {count} articles for good, with every claim, note and piece of evidence on them? This cannot be undone (backups keep earlier copies).</source>
        <translation>Видалити назавжди статті ({count}) разом з усіма твердженнями, нотатками й доказами? Цього не можна скасувати (резервні копії зберігають попередні версії).</translation>
    </message>
    <message>
        <source>move 1 article to the trash</source>
        <translation>переміщення 1 статті в кошик</translation>
    </message>
    <message>
        <source>move {count} articles to the trash</source>
        <translation>переміщення статей у кошик ({count})</translation>
    </message>
</context>
<context>
    <name>LibraryUi</name>
    <message>
        <source>Articles ({patterns});;All files (*)</source>
        <translation>Статті ({patterns});;Усі файли (*)</translation>
    </message>
    <message>
        <source>Import a &amp;folder…</source>
        <translation>Імпортувати &amp;теку…</translation>
    </message>
    <message>
        <source>&amp;Fetch URL… (goes online)</source>
        <translation>Завантажити за &amp;URL… (вихід в інтернет)</translation>
    </message>
    <message>
        <source>Show the &amp;trash</source>
        <translation>Показати &amp;кошик</translation>
    </message>
    <message>
        <source>Import articles</source>
        <translation>Імпорт статей</translation>
    </message>
    <message>
        <source>Import every article in a folder</source>
        <translation>Імпортувати всі статті з теки</translation>
    </message>
    <message>
        <source>Opening {name} was cancelled</source>
        <translation>Відкриття {name} скасовано</translation>
    </message>
    <message>
        <source>{name} was already in the library; opened it</source>
        <translation>{name} уже є в бібліотеці; відкрито</translation>
    </message>
    <message>
        <source>{name} is a new version of an article here: updated</source>
        <translation>{name} — нова версія наявної статті: оновлено</translation>
    </message>
    <message>
        <source>{name} has the same name as an article here but another text: added as a new article</source>
        <translation>{name} має таку саму назву, як наявна стаття, але інший текст: додано як нову статтю</translation>
    </message>
    <message>
        <source>That text was already in the library; opened it</source>
        <translation>Цей текст уже є в бібліотеці; відкрито</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;Markdown memo…</source>
        <translation>Довідка в &amp;Markdown…</translation>
    </message>
    <message>
        <source>&amp;CSV (one row per claim)…</source>
        <translation>&amp;CSV (рядок на твердження)…</translation>
    </message>
    <message>
        <source>&amp;W3C Web Annotations (JSON-LD)…</source>
        <translation>Анотації &amp;W3C Web Annotations (JSON-LD)…</translation>
    </message>
    <message>
        <source>Claim&amp;Review (JSON-LD)…</source>
        <translation>Claim&amp;Review (JSON-LD)…</translation>
    </message>
    <message>
        <source>RI&amp;S for Zotero (claims as notes)…</source>
        <translation>RI&amp;S для Zotero (твердження як нотатки)…</translation>
    </message>
    <message>
        <source>CS&amp;L-JSON for Zotero and Pandoc…</source>
        <translation>CS&amp;L-JSON для Zotero і Pandoc…</translation>
    </message>
    <message>
        <source>&amp;Hypothesis annotations (JSON)…</source>
        <translation>Анотації &amp;Hypothesis (JSON)…</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Готово</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>&amp;Нещодавні</translation>
    </message>
    <message>
        <source>Import &amp;annotations…</source>
        <translation>Імпортувати &amp;анотації…</translation>
    </message>
    <message>
        <source>Export &amp;as</source>
        <translation>&amp;Експортувати як</translation>
    </message>
    <message>
        <source>&amp;Backups…</source>
        <translation>&amp;Резервні копії…</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Правка</translation>
    </message>
    <message>
        <source>&amp;Article</source>
        <translation>&amp;Стаття</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Вигляд</translation>
    </message>
    <message>
        <source>&amp;Versions of this article…</source>
        <translation>&amp;Версії цієї статті…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Довідка</translation>
    </message>
    <message>
        <source>&amp;About Claimdesk</source>
        <translation>&amp;Про Claimdesk</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Про &amp;Qt</translation>
    </message>
    <message>
        <source>“{title}” was moved to the trash (Ctrl+Z brings it back)</source>
        <translation>«{title}» переміщено в кошик (Ctrl+Z повертає)</translation>
    </message>
    <message>
        <source>{source} · {count} claims</source>
        <translation>{source} · тверджень: {count}</translation>
    </message>
    <message>
        <source>{name} was already in the library; opened it</source>
        <translation>{name} уже є в бібліотеці; відкрито</translation>
    </message>
    <message>
        <source>Open an article</source>
        <translation>Відкрити статтю</translation>
    </message>
    <message>
        <source>  (missing)</source>
        <translation>  (відсутній)</translation>
    </message>
    <message>
        <source>{path} is no longer there</source>
        <translation>{path} більше немає</translation>
    </message>
    <message>
        <source>No files opened yet</source>
        <translation>Ще не відкрито жодного файлу</translation>
    </message>
    <message>
        <source>Remove the missing files ({count})</source>
        <translation>Прибрати відсутні файли ({count})</translation>
    </message>
    <message>
        <source>Clear the list</source>
        <translation>Очистити список</translation>
    </message>
    <message>
        <source>{path} is no longer there; it is off the recent files now.</source>
        <translation>{path} більше немає; його прибрано з нещодавніх файлів.</translation>
    </message>
    <message>
        <source>Removed 1 missing file from the recent list</source>
        <translation>Прибрано 1 відсутній файл зі списку нещодавніх</translation>
    </message>
    <message>
        <source>Removed {count} missing files from the recent list</source>
        <translation>Прибрано відсутніх файлів зі списку нещодавніх: {count}</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Експорт</translation>
    </message>
    <message>
        <source>writing the export</source>
        <translation>записую експорт</translation>
    </message>
    <message>
        <source>Written to {path}</source>
        <translation>Записано в {path}</translation>
    </message>
    <message>
        <source>Import annotations</source>
        <translation>Імпорт анотацій</translation>
    </message>
    <message>
        <source>Annotations (*.json *.jsonld);;All files (*)</source>
        <translation>Анотації (*.json *.jsonld);;Усі файли (*)</translation>
    </message>
    <message>
        <source>importing the annotations</source>
        <translation>імпортую анотації</translation>
    </message>
    <message>
        <source>writing the memo</source>
        <translation>записую довідку</translation>
    </message>
    <message>
        <source>Memo written to {path}</source>
        <translation>Довідку записано в {path}</translation>
    </message>
    <message>
        <source>New span: “{passage}”</source>
        <translation>Нові межі: «{passage}»</translation>
    </message>
    <message>
        <source>your passage stays selected in the article</source>
        <translation>ваш уривок лишається виділеним у статті</translation>
    </message>
    <message>
        <source>Dismiss this claim</source>
        <translation>Відхилити це твердження</translation>
    </message>
    <message>
        <source>you can dismiss it again</source>
        <translation>ви можете відхилити його ще раз</translation>
    </message>
    <message>
        <source>Restore this claim</source>
        <translation>Повернути це твердження</translation>
    </message>
    <message>
        <source>you can restore it again</source>
        <translation>ви можете повернути його ще раз</translation>
    </message>
    <message>
        <source>“{title}” was moved to the trash or deleted in another window</source>
        <translation>«{title}» переміщено в кошик або видалено в іншому вікні</translation>
    </message>
    <message>
        <source>Updated with changes made in another window or program</source>
        <translation>Оновлено змінами з іншого вікна чи програми</translation>
    </message>
    <message>
        <source>About Qt</source>
        <translation>Про Qt</translation>
    </message>
    <message>
        <source>About Claimdesk</source>
        <translation>Про Claimdesk</translation>
    </message>
    <message>
        <source>&lt;b&gt;Claimdesk {version}&lt;/b&gt;&lt;p&gt;Read a news article beside the claims it makes, and check them. Everything stays on this computer.&lt;/p&gt;&lt;p&gt;Database: {path}&lt;/p&gt;</source>
        <translation>&lt;b&gt;Claimdesk {version}&lt;/b&gt;&lt;p&gt;Читайте новинну статтю поруч із твердженнями, які вона містить, і перевіряйте їх. Усе залишається на цьому комп’ютері.&lt;/p&gt;&lt;p&gt;База даних: {path}&lt;/p&gt;</translation>
    </message>
    <message>
        <source>imported</source>
        <translation>імпортовано</translation>
    </message>
</context>
<context>
    <name>Memo</name>
    <message>
        <source>Claims</source>
        <translation>Твердження</translation>
    </message>
    <message>
        <source>No claim has one of the chosen statuses.</source>
        <translation>Жодне твердження не має вибраних статусів.</translation>
    </message>
    <message>
        <source>[{count} more characters, in the article]</source>
        <translation>[ще {count} символів — у статті]</translation>
    </message>
    <message>
        <source>Outlet</source>
        <translation>Видання</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Файл</translation>
    </message>
    <message>
        <source>Byline</source>
        <translation>Автор</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Опубліковано</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Імпортовано</translation>
    </message>
    <message>
        <source>Reviewed by</source>
        <translation>Перевіряв(ла)</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>невідомо</translation>
    </message>
    <message>
        <source>Memo made</source>
        <translation>Довідку складено</translation>
    </message>
    <message>
        <source>VERIFICATION MEMO</source>
        <translation>ДОВІДКА ПРО ПЕРЕВІРКУ</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Підсумок</translation>
    </message>
    <message>
        <source>No claims were found in this article.</source>
        <translation>У цій статті не знайдено тверджень.</translation>
    </message>
    <message>
        <source>1 claim</source>
        <translation>1 твердження</translation>
    </message>
    <message>
        <source>{count} claims</source>
        <translation>Тверджень: {count}</translation>
    </message>
    <message>
        <source>and {count} dismissed, listed below as such</source>
        <translation>і відхилених: {count}, їх позначено нижче</translation>
    </message>
    <message>
        <source>Listed below: {listed} of {total} claims, those marked {statuses}. Numbers are the claims&apos; places in the article.</source>
        <translation>Нижче: {listed} з {total} тверджень, зі статусами {statuses}. Номери — місця тверджень у статті.</translation>
    </message>
    <message>
        <source>At a glance</source>
        <translation>Коротко</translation>
    </message>
    <message>
        <source>“{words}”</source>
        <translation>«{words}»</translation>
    </message>
    <message>
        <source>no source named</source>
        <translation>джерело не назване</translation>
    </message>
    <message>
        <source>dismissed</source>
        <translation>відхилене</translation>
    </message>
    <message>
        <source>The article changed</source>
        <translation>Стаття змінилася</translation>
    </message>
    <message>
        <source>Version {number}: captured {when}, {words} words</source>
        <translation>Версія {number}: збережено {when}, слів: {words}</translation>
    </message>
    <message>
        <source>1 change from version {first} to version {newest} (the text this memo is about): </source>
        <translation>1 зміна від версії {first} до версії {newest} (тексту, про який ця довідка): </translation>
    </message>
    <message>
        <source>{count} changes from version {first} to version {newest} (the text this memo is about): </source>
        <translation>Змін від версії {first} до версії {newest} (тексту, про який ця довідка): {count}. </translation>
    </message>
    <message>
        <source>− taken out, + put in.</source>
        <translation>− вилучено, + додано.</translation>
    </message>
    <message>
        <source>… and {count} more (claimdesk versions lists all).</source>
        <translation>… і ще {count} (усі показує claimdesk versions).</translation>
    </message>
    <message>
        <source>The outlet&apos;s own caveats</source>
        <translation>Застереження самого видання</translation>
    </message>
    <message>
        <source>The article states no caveats of its own.</source>
        <translation>Стаття не містить власних застережень.</translation>
    </message>
    <message>
        <source>marked by hand</source>
        <translation>позначено вручну</translation>
    </message>
    <message>
        <source>no longer found in the article&apos;s text</source>
        <translation>більше не знайдено в тексті статті</translation>
    </message>
    <message>
        <source>dismissed: judged not worth checking (kept in the library)</source>
        <translation>відхилене: визнане таким, що не варте перевірки (збережене в бібліотеці)</translation>
    </message>
    <message>
        <source> — the text says “{words}”</source>
        <translation> — у тексті: «{words}»</translation>
    </message>
    <message>
        <source>, citing {source}</source>
        <translation>, з посиланням на {source}</translation>
    </message>
    <message>
        <source> — uncertain (confidence {confidence})</source>
        <translation> — непевно (упевненість {confidence})</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Джерело</translation>
    </message>
    <message>
        <source>Hedges</source>
        <translation>Обмовки</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>Числа</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Мітки</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Нотатка</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Посилання</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Документ</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Людина</translation>
    </message>
    <message>
        <source>contacted {day}</source>
        <translation>зв’язок {day}</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Доказ</translation>
    </message>
    <message>
        <source>History:</source>
        <translation>Історія:</translation>
    </message>
    <message>
        <source>Appendix: the article</source>
        <translation>Додаток: стаття</translation>
    </message>
    <message>
        <source>The claims listed above are highlighted in their status colour and numbered as in the list; where one lies inside another it is underlined.</source>
        <translation>Перелічені вище твердження виділено кольором їхнього статусу й пронумеровано як у списку; якщо одне лежить усередині іншого, його підкреслено.</translation>
    </message>
    <message>
        <source>Not found in the article&apos;s current text:</source>
        <translation>Не знайдено в поточному тексті статті:</translation>
    </message>
    <message>
        <source>Elsewhere in the library</source>
        <translation>Деінде в бібліотеці</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>Походження</translation>
    </message>
    <message>
        <source>Chain</source>
        <translation>Ланцюжок</translation>
    </message>
    <message>
        <source>{status}; linked by hand</source>
        <translation>{status}; пов&apos;язано вручну</translation>
    </message>
    <message>
        <source>Also</source>
        <translation>Також</translation>
    </message>
    <message>
        <source>and 1 more article</source>
        <translation>і ще 1 стаття</translation>
    </message>
    <message>
        <source>and {count} more articles</source>
        <translation>і ще статей: {count}</translation>
    </message>
    <message>
        <source>Claimdesk verification memo</source>
        <translation>Довідка Claimdesk про перевірку</translation>
    </message>
    <message>
        <source>Page {page} of {pages}</source>
        <translation>Сторінка {page} з {pages}</translation>
    </message>
</context>
<context>
    <name>MemoDialog</name>
    <message>
        <source>Verification memo</source>
        <translation>Довідка про перевірку</translation>
    </message>
    <message>
        <source>List the claims marked</source>
        <translation>Перелічити твердження зі статусом</translation>
    </message>
    <message>
        <source>Each claim&apos;s status history</source>
        <translation>Історію статусів кожного твердження</translation>
    </message>
    <message>
        <source>Appendix: the article with the claims highlighted</source>
        <translation>Додаток: статтю з виділеними твердженнями</translation>
    </message>
    <message>
        <source>List dismissed claims too (marked as dismissed)</source>
        <translation>Також відхилені твердження (з позначкою)</translation>
    </message>
    <message>
        <source>By verdict: False, Disputed, Unverified, Partly true, Verified</source>
        <translation>За вердиктом: Неправда, Спірне, Не підтверджено, Частково правда, Перевірено</translation>
    </message>
    <message>
        <source>As in the article</source>
        <translation>Як у статті</translation>
    </message>
    <message>
        <source>As in Preferences</source>
        <translation>Як у налаштуваннях</translation>
    </message>
    <message>
        <source>As usual here</source>
        <translation>Як заведено тут</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>Letter</translation>
    </message>
    <message>
        <source>Include</source>
        <translation>Додати</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Порядок</translation>
    </message>
    <message>
        <source>Paper</source>
        <translation>Папір</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>Експорт у PDF…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Друк…</translation>
    </message>
    <message>
        <source>Print the memo (Ctrl+P)</source>
        <translation>Надрукувати довідку (Ctrl+P)</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Попередній перегляд</translation>
    </message>
    <message>
        <source>Tick at least one status to list.</source>
        <translation>Позначте принаймні один статус.</translation>
    </message>
    <message>
        <source>Export the memo as PDF</source>
        <translation>Експорт довідки в PDF</translation>
    </message>
    <message>
        <source>Writing the memo…</source>
        <translation>Записую довідку…</translation>
    </message>
    <message>
        <source>Memo written to {path}</source>
        <translation>Довідку записано в {path}</translation>
    </message>
    <message>
        <source>the memo</source>
        <translation>довідка</translation>
    </message>
    <message>
        <source>Sent 1 page to the printer</source>
        <translation>На принтер надіслано 1 сторінку</translation>
    </message>
    <message>
        <source>Sent {count} pages to the printer</source>
        <translation>На принтер надіслано сторінок: {count}</translation>
    </message>
    <message>
        <source>Preview — {title}</source>
        <translation>Попередній перегляд — {title}</translation>
    </message>
</context>
<context>
    <name>NotesView</name>
    <message>
        <source>Ctrl+Enter adds the note</source>
        <translation>Ctrl+Enter додає нотатку</translation>
    </message>
    <message>
        <source>Notes are Markdown. A link (marked ↗) opens in your browser only when you click it; nothing is loaded by itself. F2 edits the note in hand, Delete removes it (Ctrl+Z brings it back).</source>
        <translation>Нотатки пишуться в Markdown. Посилання (позначене ↗) відкривається в браузері лише після клацання; саме нічого не завантажується. F2 змінює поточну нотатку, Delete вилучає її (Ctrl+Z повертає).</translation>
    </message>
    <message>
        <source>No notes yet. Write the first one below.</source>
        <translation>Нотаток поки немає. Напишіть першу нижче.</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>невідомо</translation>
    </message>
    <message>
        <source> · edited</source>
        <translation> · змінено</translation>
    </message>
    <message>
        <source>Notes on this claim</source>
        <translation>Нотатки до цього твердження</translation>
    </message>
    <message>
        <source>New note, in Markdown</source>
        <translation>Нова нотатка, у Markdown</translation>
    </message>
    <message>
        <source>Write a note about this claim (Markdown: **bold**, *italic*, - lists, [links](…))</source>
        <translation>Нотатка до твердження (Markdown: **жирний**, *курсив*, - списки, [посилання](…))</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Попередній перегляд</translation>
    </message>
    <message>
        <source>See the note as it will be shown; click again to go on writing</source>
        <translation>Подивитися, як виглядатиме нотатка; клацніть ще раз, щоб писати далі</translation>
    </message>
    <message>
        <source>Add note</source>
        <translation>Додати нотатку</translation>
    </message>
    <message>
        <source>Ctrl+Enter</source>
        <translation>Ctrl+Enter</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Скасувати</translation>
    </message>
    <message>
        <source>Keep the note as it was (Esc)</source>
        <translation>Залишити нотатку як була (Esc)</translation>
    </message>
    <message>
        <source>Save changes</source>
        <translation>Зберегти зміни</translation>
    </message>
    <message>
        <source>Editing · Ctrl+Enter saves · Esc cancels</source>
        <translation>Редагування · Ctrl+Enter зберігає · Esc скасовує</translation>
    </message>
    <message>
        <source>Rewording the note of {when}; the earlier wording stays in the History</source>
        <translation>Змінюєте нотатку від {when}; попередній текст лишається в історії</translation>
    </message>
</context>
<context>
    <name>NoticeBar</name>
    <message>
        <source>Hide this</source>
        <translation>Сховати</translation>
    </message>
</context>
<context>
    <name>Outcomes</name>
    <message>
        <source>reached</source>
        <translation>вдалося поговорити</translation>
    </message>
    <message>
        <source>declined to comment</source>
        <translation>відмовився від коментарів</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>без відповіді</translation>
    </message>
    <message>
        <source>left a message</source>
        <translation>залишено повідомлення</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>By verdict: False, Disputed, Unverified, Partly true, Verified</source>
        <translation>За вердиктом: Неправда, Спірне, Не підтверджено, Частково правда, Перевірено</translation>
    </message>
    <message>
        <source>As in the article</source>
        <translation>Як у статті</translation>
    </message>
    <message>
        <source>The page where your fact-checks are published: ClaimReview&apos;s url. Left empty, ClaimReview has none.</source>
        <translation>Сторінка, де публікуються ваші фактчеки: url у ClaimReview. Якщо порожньо, у ClaimReview його не буде.</translation>
    </message>
    <message>
        <source>Give a web address starting with https:// (or leave it empty).</source>
        <translation>Вкажіть вебадресу, що починається з https:// (або залиште порожнім).</translation>
    </message>
    <message>
        <source>As the system says</source>
        <translation>Як у системі</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Світла</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Темна</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>Налаштування</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Ваше ім’я</translation>
    </message>
    <message>
        <source>https://your-outlet.example/fact-checks/</source>
        <translation>https://your-outlet.example/fact-checks/</translation>
    </message>
    <message>
        <source>As usual where you live ({paper})</source>
        <translation>Як заведено у вашій країні ({paper})</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>Letter</translation>
    </message>
    <message>
        <source>Reviewer &amp;name</source>
        <translation>&amp;Ім’я перевіряльника</translation>
    </message>
    <message>
        <source>Fact-check &amp;address</source>
        <translation>&amp;Адреса фактчеків</translation>
    </message>
    <message>
        <source>&amp;Paper</source>
        <translation>&amp;Папір</translation>
    </message>
    <message>
        <source>&amp;Order</source>
        <translation>П&amp;орядок</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>&amp;Тема</translation>
    </message>
    <message>
        <source> Left empty: {account}.</source>
        <translation> Якщо порожньо: {account}.</translation>
    </message>
    <message>
        <source>Written into status history, notes, evidence, memos and ClaimReview.</source>
        <translation>Записується в історію статусів, нотатки, докази, довідки й ClaimReview.</translation>
    </message>
    <message>
        <source>You</source>
        <translation>Ви</translation>
    </message>
    <message>
        <source>Memos</source>
        <translation>Довідки</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>Вікно</translation>
    </message>
    <message>
        <source>&amp;General</source>
        <translation>&amp;Загальні</translation>
    </message>
    <message>
        <source>&amp;Library</source>
        <translation>&amp;Бібліотека</translation>
    </message>
    <message>
        <source>The password was not kept</source>
        <translation>Пароль не збережено</translation>
    </message>
    <message>
        <source>Pre&amp;ferences…</source>
        <translation>&amp;Налаштування…</translation>
    </message>
    <message>
        <source>No encryption (disable)</source>
        <translation>Без шифрування (disable)</translation>
    </message>
    <message>
        <source>Encrypted when the server offers it (prefer)</source>
        <translation>Шифрування, якщо сервер його пропонує (prefer)</translation>
    </message>
    <message>
        <source>Always encrypted (require)</source>
        <translation>Завжди шифрувати (require)</translation>
    </message>
    <message>
        <source>Encrypted, certificate checked (verify-full)</source>
        <translation>Шифрування з перевіркою сертифіката (verify-full)</translation>
    </message>
    <message>
        <source>Connected to {database} as {role} (PostgreSQL {version}): ready to use.</source>
        <translation>З’єднано з {database} як {role} (PostgreSQL {version}): можна працювати.</translation>
    </message>
    <message>
        <source>Connected as {role}, who owns {database}: the first start sets up its newsroom library.</source>
        <translation>З’єднано як {role}, власник {database}: перший запуск створить у ній бібліотеку редакції.</translation>
    </message>
    <message>
        <source>Connected as {role}, but {database} holds no Claimdesk library yet: its administrator sets it up (claimdesk newsroom prepare).</source>
        <translation>З’єднано як {role}, але в {database} ще немає бібліотеки Claimdesk: її створює адміністратор (claimdesk newsroom prepare).</translation>
    </message>
    <message>
        <source>Connected as {role}, but this role has no rights on the newsroom library: ask its administrator to add you (claimdesk newsroom add-editor {role}).</source>
        <translation>З’єднано як {role}, але ця роль не має прав на бібліотеку редакції: попросіть адміністратора додати вас (claimdesk newsroom add-editor {role}).</translation>
    </message>
    <message>
        <source>Connected as {role}: this role may read the newsroom library but not change it.</source>
        <translation>З’єднано як {role}: ця роль може читати бібліотеку редакції, але не змінювати її.</translation>
    </message>
    <message>
        <source>Connected as {role}, but the newsroom library must first be upgraded by its administrator.</source>
        <translation>З’єднано як {role}, але спершу адміністратор має оновити бібліотеку редакції.</translation>
    </message>
    <message>
        <source>Connected as {role}, but the newsroom library was written by a newer Claimdesk: install it first.</source>
        <translation>З’єднано як {role}, але бібліотеку редакції записано новішою версією Claimdesk: спершу встановіть її.</translation>
    </message>
    <message>
        <source>Newsroom server</source>
        <translation>Сервер редакції</translation>
    </message>
    <message>
        <source>The library on this &amp;computer</source>
        <translation>Бібліотека на цьому &amp;комп’ютері</translation>
    </message>
    <message>
        <source>A newsroom &amp;server (PostgreSQL)</source>
        <translation>&amp;Сервер редакції (PostgreSQL)</translation>
    </message>
    <message>
        <source>news.example.org (empty: this computer)</source>
        <translation>news.example.org (порожньо: цей комп’ютер)</translation>
    </message>
    <message>
        <source>The newsroom&apos;s CA certificate (.pem)</source>
        <translation>Сертифікат CA редакції (.pem)</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Огляд…</translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation>&amp;Перевірити з’єднання</translation>
    </message>
    <message>
        <source>Claimdesk opens the library chosen here when it next starts.</source>
        <translation>Claimdesk відкриє вибрану тут бібліотеку під час наступного запуску.</translation>
    </message>
    <message>
        <source>&amp;Port</source>
        <translation>Пор&amp;т</translation>
    </message>
    <message>
        <source>&amp;Host</source>
        <translation>&amp;Хост</translation>
    </message>
    <message>
        <source>&amp;Database</source>
        <translation>&amp;База даних</translation>
    </message>
    <message>
        <source>&amp;Role</source>
        <translation>&amp;Роль</translation>
    </message>
    <message>
        <source>Pass&amp;word</source>
        <translation>Па&amp;роль</translation>
    </message>
    <message>
        <source>&amp;Encryption</source>
        <translation>&amp;Шифрування</translation>
    </message>
    <message>
        <source>C&amp;A file</source>
        <translation>Файл C&amp;A</translation>
    </message>
    <message>
        <source>Name the newsroom database.</source>
        <translation>Вкажіть базу даних редакції.</translation>
    </message>
    <message>
        <source>A password for this role is kept in {file}: one typed here replaces it.</source>
        <translation>Пароль цієї ролі зберігається в {file}: введений тут замінить його.</translation>
    </message>
    <message>
        <source>Kept in {file}, readable by you alone; never in the settings.</source>
        <translation>Зберігається в {file}, доступному лише вам; ніколи — в налаштуваннях.</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>З’єднуюся…</translation>
    </message>
    <message>
        <source>testing the connection</source>
        <translation>перевірка з’єднання</translation>
    </message>
    <message>
        <source>Could not connect. {reason}</source>
        <translation>Не вдалося з’єднатися. {reason}</translation>
    </message>
    <message>
        <source>The newsroom&apos;s CA certificate</source>
        <translation>Сертифікат CA редакції</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>Сертифікати (*.pem *.crt *.cer);;Усі файли (*)</translation>
    </message>
    <message>
        <source>Open now: the newsroom library {name}</source>
        <translation>Зараз відкрито: бібліотеку редакції {name}</translation>
    </message>
    <message>
        <source>Open now: the library on this computer, {name}</source>
        <translation>Зараз відкрито: бібліотеку на цьому комп’ютері, {name}</translation>
    </message>
</context>
<context>
    <name>PropertiesDialog</name>
    <message>
        <source>Not set</source>
        <translation>Не вказано</translation>
    </message>
    <message>
        <source>Article properties</source>
        <translation>Властивості статті</translation>
    </message>
    <message>
        <source>https://… (where it appeared)</source>
        <translation>https://… (де її опубліковано)</translation>
    </message>
    <message>
        <source>the newspaper, site or agency</source>
        <translation>газета, сайт чи агенція</translation>
    </message>
    <message>
        <source>who wrote it</source>
        <translation>хто її написав</translation>
    </message>
    <message>
        <source>as the outlet gives it</source>
        <translation>як подає видання</translation>
    </message>
    <message>
        <source>Other…</source>
        <translation>Інша…</translation>
    </message>
    <message>
        <source>code, e.g. pl, de</source>
        <translation>код, напр. pl, de</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Назва:</translation>
    </message>
    <message>
        <source>&amp;Address (URL):</source>
        <translation>&amp;Адреса (URL):</translation>
    </message>
    <message>
        <source>&amp;Outlet:</source>
        <translation>&amp;Видання:</translation>
    </message>
    <message>
        <source>A&amp;uthor:</source>
        <translation>А&amp;втор:</translation>
    </message>
    <message>
        <source>&amp;Date published:</source>
        <translation>&amp;Дата публікації:</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Мова:</translation>
    </message>
    <message>
        <source>Not set yet: this is Claimdesk&apos;s guess from the text. OK keeps it.</source>
        <translation>Ще не вказано: це здогад Claimdesk за текстом. «OK» його зберігає.</translation>
    </message>
    <message>
        <source>the fields you changed are saved, the others keep their new values</source>
        <translation>поля, які ви змінили, зберігаються, решта зберігає свої нові значення</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Заголовок</translation>
    </message>
    <message>
        <source>Address (URL)</source>
        <translation>Адреса (URL)</translation>
    </message>
    <message>
        <source>Outlet</source>
        <translation>Видання</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Автор</translation>
    </message>
    <message>
        <source>Date published</source>
        <translation>Дата публікації</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Мова</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <source>Why is it {status}?</source>
        <translation>Чому «{status}»?</translation>
    </message>
    <message>
        <source>&lt;b&gt;{status} ({letter})&lt;/b&gt; needs a reason: what shows it?</source>
        <translation>&lt;b&gt;{status} ({letter})&lt;/b&gt; потребує обґрунтування: що це показує?</translation>
    </message>
    <message>
        <source>&lt;b&gt;{status} ({letter})&lt;/b&gt;: which part holds, and which does not? (You may leave it empty.)</source>
        <translation>&lt;b&gt;{status} ({letter})&lt;/b&gt;: яка частина правдива, а яка ні? (Можна залишити порожнім.)</translation>
    </message>
    <message>
        <source>e.g. The port&apos;s log of 3 March shows no closure</source>
        <translation>напр. Журнал порту за 3 березня не фіксує закриття</translation>
    </message>
    <message>
        <source>e.g. The figure is right; the date is a year off</source>
        <translation>напр. Число правильне; дата хибна на рік</translation>
    </message>
    <message>
        <source>Set {status}</source>
        <translation>Встановити «{status}»</translation>
    </message>
</context>
<context>
    <name>SearchBox</name>
    <message>
        <source>Article</source>
        <translation>Стаття</translation>
    </message>
    <message>
        <source>Claim</source>
        <translation>Твердження</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Нотатка</translation>
    </message>
    <message>
        <source>{kind} in {title}: </source>
        <translation>{kind} у «{title}»: </translation>
    </message>
    <message>
        <source>Search the library (Ctrl+K)</source>
        <translation>Пошук у бібліотеці (Ctrl+K)</translation>
    </message>
    <message>
        <source>No hits</source>
        <translation>Нічого не знайдено</translation>
    </message>
    <message>
        <source>1 hit</source>
        <translation>1 результат</translation>
    </message>
    <message>
        <source>{count} hits</source>
        <translation>Результатів: {count}</translation>
    </message>
</context>
<context>
    <name>ShortcutSheet</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Клавіатурні скорочення</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Клавіші</translation>
    </message>
    <message>
        <source>Does</source>
        <translation>Дія</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Де</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <source>anywhere</source>
        <translation>будь-де</translation>
    </message>
    <message>
        <source>reading the article</source>
        <translation>під час читання статті</translation>
    </message>
    <message>
        <source>in the claims list</source>
        <translation>у списку тверджень</translation>
    </message>
    <message>
        <source>writing a note</source>
        <translation>під час написання нотатки</translation>
    </message>
    <message>
        <source>set the status to {status}</source>
        <translation>встановити статус «{status}»</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;Відкрити…</translation>
    </message>
    <message>
        <source>open an article file</source>
        <translation>відкрити файл статті</translation>
    </message>
    <message>
        <source>Verification &amp;memo (PDF)…</source>
        <translation>&amp;Довідка про перевірку (PDF)…</translation>
    </message>
    <message>
        <source>the memo for an editor</source>
        <translation>довідка для редактора</translation>
    </message>
    <message>
        <source>&amp;Print preview…</source>
        <translation>Попередній &amp;перегляд друку…</translation>
    </message>
    <message>
        <source>the memo, printed</source>
        <translation>довідка на папері</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>В&amp;ийти</translation>
    </message>
    <message>
        <source>close Claimdesk (nothing is unsaved)</source>
        <translation>закрити Claimdesk (усе вже збережено)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Скасувати</translation>
    </message>
    <message>
        <source>undo the last change to a claim</source>
        <translation>скасувати останню зміну твердження</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Повторити</translation>
    </message>
    <message>
        <source>redo it (Ctrl+Y: a Windows habit)</source>
        <translation>повторити її (Ctrl+Y: звичка з Windows)</translation>
    </message>
    <message>
        <source>Show &amp;library</source>
        <translation>Показати &amp;бібліотеку</translation>
    </message>
    <message>
        <source>show or hide the library column</source>
        <translation>показати чи сховати стовпець бібліотеки</translation>
    </message>
    <message>
        <source>&amp;Import files…</source>
        <translation>&amp;Імпортувати файли…</translation>
    </message>
    <message>
        <source>add articles to the library</source>
        <translation>додати статті до бібліотеки</translation>
    </message>
    <message>
        <source>&amp;Paste as new article</source>
        <translation>Вставити як нову &amp;статтю</translation>
    </message>
    <message>
        <source>an article from the clipboard</source>
        <translation>стаття з буфера обміну</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Клавіатурні скорочення</translation>
    </message>
    <message>
        <source>this list</source>
        <translation>цей список</translation>
    </message>
    <message>
        <source>&amp;Properties…</source>
        <translation>&amp;Властивості…</translation>
    </message>
    <message>
        <source>correct the article&apos;s title, author, date...</source>
        <translation>виправити назву, автора, дату статті...</translation>
    </message>
    <message>
        <source>Next pane</source>
        <translation>Наступна панель</translation>
    </message>
    <message>
        <source>library, article, claims, editor in turn</source>
        <translation>бібліотека, стаття, твердження, редактор по черзі</translation>
    </message>
    <message>
        <source>Previous pane</source>
        <translation>Попередня панель</translation>
    </message>
    <message>
        <source>the same, backwards</source>
        <translation>те саме, у зворотному порядку</translation>
    </message>
    <message>
        <source>&amp;Search the library</source>
        <translation>По&amp;шук у бібліотеці</translation>
    </message>
    <message>
        <source>search articles, claims and notes</source>
        <translation>шукати в статтях, твердженнях і нотатках</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>&amp;Збільшити</translation>
    </message>
    <message>
        <source>larger text, beside it too</source>
        <translation>більший текст, і поруч теж</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>Зм&amp;еншити</translation>
    </message>
    <message>
        <source>smaller text, beside it too</source>
        <translation>менший текст, і поруч теж</translation>
    </message>
    <message>
        <source>&amp;Actual size</source>
        <translation>Зви&amp;чайний розмір</translation>
    </message>
    <message>
        <source>the text at its usual size</source>
        <translation>текст звичайного розміру</translation>
    </message>
    <message>
        <source>&amp;Find in article…</source>
        <translation>Зн&amp;айти в статті…</translation>
    </message>
    <message>
        <source>find words in the article</source>
        <translation>знайти слова в статті</translation>
    </message>
    <message>
        <source>&amp;Add claim from selection</source>
        <translation>&amp;Додати твердження з виділеного</translation>
    </message>
    <message>
        <source>the selected text becomes a claim</source>
        <translation>виділений текст стає твердженням</translation>
    </message>
    <message>
        <source>Set &amp;span of selected claim to selection</source>
        <translation>Змінити &amp;межі твердження за виділеним</translation>
    </message>
    <message>
        <source>the selected claim covers the selected text</source>
        <translation>вибране твердження охоплює виділений текст</translation>
    </message>
    <message>
        <source>Next claim</source>
        <translation>Наступне твердження</translation>
    </message>
    <message>
        <source>move down the list</source>
        <translation>вниз по списку</translation>
    </message>
    <message>
        <source>Previous claim</source>
        <translation>Попереднє твердження</translation>
    </message>
    <message>
        <source>move up the list</source>
        <translation>вгору по списку</translation>
    </message>
    <message>
        <source>Write a note</source>
        <translation>Написати нотатку</translation>
    </message>
    <message>
        <source>open the notes at the note box</source>
        <translation>відкрити нотатки з полем для нової</translation>
    </message>
    <message>
        <source>Add evidence</source>
        <translation>Додати доказ</translation>
    </message>
    <message>
        <source>open the evidence form</source>
        <translation>відкрити форму доказу</translation>
    </message>
    <message>
        <source>Review the claim</source>
        <translation>Перевірити твердження</translation>
    </message>
    <message>
        <source>open the claim in the editor</source>
        <translation>відкрити твердження в редакторі</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Відхилити</translation>
    </message>
    <message>
        <source>hide a claim not worth checking (kept)</source>
        <translation>сховати твердження, яке не варто перевіряти (зберігається)</translation>
    </message>
    <message>
        <source>Add the note</source>
        <translation>Додати нотатку</translation>
    </message>
    <message>
        <source>save the note being written</source>
        <translation>зберегти нотатку, яку пишете</translation>
    </message>
</context>
<context>
    <name>Sources</name>
    <message>
        <source>{name} (uncertain)</source>
        <translation>{name} (непевно)</translation>
    </message>
    <message>
        <source> — the text says “{words}”</source>
        <translation> — у тексті: «{words}»</translation>
    </message>
    <message>
        <source>, citing {source}</source>
        <translation>, з посиланням на {source}</translation>
    </message>
    <message>
        <source> — uncertain (confidence {confidence})</source>
        <translation> — непевно (упевненість {confidence})</translation>
    </message>
    <message>
        <source>pasted text</source>
        <translation>вставлений текст</translation>
    </message>
</context>
<context>
    <name>StatusPicker</name>
    <message>
        <source>{status} ({letter}), key {key} in the claims list</source>
        <translation>{status} ({letter}), клавіша {key} у списку тверджень</translation>
    </message>
    <message>
        <source>: needs a reason</source>
        <translation>: потребує обґрунтування</translation>
    </message>
    <message>
        <source>: asks why</source>
        <translation>: запитує чому</translation>
    </message>
    <message>
        <source>Reason for the status</source>
        <translation>Обґрунтування статусу</translation>
    </message>
    <message>
        <source>Set status</source>
        <translation>Встановити статус</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Скасувати</translation>
    </message>
    <message>
        <source>Why {status}:</source>
        <translation>Чому «{status}»:</translation>
    </message>
    <message>
        <source>Press Enter to set the status.</source>
        <translation>Натисніть Enter, щоб встановити статус.</translation>
    </message>
    <message>
        <source>Not set yet: &lt;b&gt;{status}&lt;/b&gt; needs a reason. Say what the verdict rests on, then press Enter.</source>
        <translation>Ще не встановлено: &lt;b&gt;{status}&lt;/b&gt; потребує обґрунтування. Напишіть, на чому ґрунтується вердикт, і натисніть Enter.</translation>
    </message>
    <message>
        <source>&lt;b&gt;{status}&lt;/b&gt;: which part holds? Write it and press Enter, or press Enter to set it without.</source>
        <translation>&lt;b&gt;{status}&lt;/b&gt;: яка частина правдива? Напишіть і натисніть Enter або просто натисніть Enter.</translation>
    </message>
    <message>
        <source>Reason for a change (required for {statuses})</source>
        <translation>Обґрунтування зміни (обов’язкове для: {statuses})</translation>
    </message>
    <message>
        <source>Why {status}?</source>
        <translation>Чому «{status}»?</translation>
    </message>
    <message>
        <source> (required)</source>
        <translation> (обов’язково)</translation>
    </message>
    <message>
        <source> (optional)</source>
        <translation> (необов’язково)</translation>
    </message>
</context>
<context>
    <name>Statuses</name>
    <message>
        <source>Unreviewed</source>
        <translation>Не розглянуто</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>У роботі</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>Перевірено</translation>
    </message>
    <message>
        <source>Partly true</source>
        <translation>Частково правда</translation>
    </message>
    <message>
        <source>Unverified</source>
        <translation>Не підтверджено</translation>
    </message>
    <message>
        <source>Disputed</source>
        <translation>Спірне</translation>
    </message>
    <message>
        <source>False</source>
        <translation>Неправда</translation>
    </message>
</context>
<context>
    <name>TagEditor</name>
    <message>
        <source>Tags, separated by commas (e.g. ferries, casualty figures)</source>
        <translation>Мітки через кому (напр. пороми, дані про жертви)</translation>
    </message>
</context>
<context>
    <name>Theme</name>
    <message>
        <source>&amp;System</source>
        <translation>&amp;Системна</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>Св&amp;ітла</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>&amp;Темна</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>&amp;Тема</translation>
    </message>
</context>
<context>
    <name>UndoBar</name>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Скасувати</translation>
    </message>
    <message>
        <source>Hide this</source>
        <translation>Сховати</translation>
    </message>
</context>
<context>
    <name>UndoNotice</name>
    <message>
        <source>{what}. &lt;a href=&apos;undo&apos;&gt;Undo&lt;/a&gt; (Ctrl+Z)</source>
        <translation>{what}. &lt;a href=&apos;undo&apos;&gt;Скасувати&lt;/a&gt; (Ctrl+Z)</translation>
    </message>
</context>
<context>
    <name>VersionsDialog</name>
    <message>
        <source>Version {number} — {when} — {words} words — {digest}</source>
        <translation>Версія {number} — {when} — слів: {words} — {digest}</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Показати</translation>
    </message>
    <message>
        <source>Versions of {title}</source>
        <translation>Версії «{title}»</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>Версії</translation>
    </message>
    <message>
        <source>Versions, newest first</source>
        <translation>Версії, найновіша вгорі</translation>
    </message>
    <message>
        <source>Older version</source>
        <translation>Старіша версія</translation>
    </message>
    <message>
        <source>Newer version</source>
        <translation>Новіша версія</translation>
    </message>
    <message>
        <source>Version {number}</source>
        <translation>Версія {number}</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Зміни</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Порівняти</translation>
    </message>
    <message>
        <source>Only one version so far. When the same file or page comes back with other text, Claimdesk keeps the earlier text here and shows what changed.</source>
        <translation>Поки що лише одна версія. Коли той самий файл чи сторінка надійде з іншим текстом, Claimdesk збереже тут попередній текст і покаже, що змінилося.</translation>
    </message>
    <message>
        <source>No change in the words from version {older} to version {newer}.</source>
        <translation>Від версії {older} до версії {newer} слова не змінилися.</translation>
    </message>
    <message>
        <source>1 change from version {older} to version {newer}: </source>
        <translation>1 зміна від версії {older} до версії {newer}: </translation>
    </message>
    <message>
        <source>{count} changes from version {older} to version {newer}: </source>
        <translation>Змін від версії {older} до версії {newer}: {count}. </translation>
    </message>
    <message>
        <source>− struck through: taken out; + underlined: put in.</source>
        <translation>− закреслене: вилучено; + підкреслене: додано.</translation>
    </message>
</context>
<context>
    <name>Workers</name>
    <message>
        <source>{what} stopped on an unexpected error ({error}). Everything saved before is safe. The details are in {log}</source>
        <translation>{what}: неочікувана помилка ({error}), роботу зупинено. Усе збережене раніше в безпеці. Подробиці — у {log}</translation>
    </message>
</context>
</TS>
