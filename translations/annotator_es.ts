<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name/>
    <message>
        <location filename="../annotator/gui/model_training.py" line="99"/>
        <source>The corpus model is being trained already.</source>
        <translation>El modelo del corpus ya se está entrenando.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/model_training.py" line="122"/>
        <source>Training the corpus model: reading the coded documents…</source>
        <translation>Entrenando el modelo del corpus: leyendo los documentos codificados…</translation>
    </message>
    <message>
        <location filename="../annotator/gui/model_training.py" line="149"/>
        <source>Training the corpus model: pass {done} of {total}…</source>
        <translation>Entrenando el modelo del corpus: pasada {done} de {total}…</translation>
    </message>
    <message>
        <location filename="../annotator/gui/model_training.py" line="152"/>
        <source>The corpus model is reading uncoded documents: {done} of {total}…</source>
        <translation>El modelo del corpus está leyendo documentos sin codificar: {done} de {total}…</translation>
    </message>
    <message>
        <location filename="../annotator/gui/model_training.py" line="171"/>
        <source>The corpus model is trained on {count} documents: F1 {f1:.2f} on {held} held out (Suggest ▸ Corpus model…).</source>
        <translation>El modelo del corpus está entrenado con {count} documentos: F1 {f1:.2f} en {held} reservados (Sugerencias ▸ Modelo del corpus…).</translation>
    </message>
    <message>
        <location filename="../annotator/gui/model_training.py" line="178"/>
        <source>The corpus model was not trained: {why} The model in use is kept.</source>
        <translation>El modelo del corpus no se entrenó: {why} Se conserva el modelo en uso.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/model_training.py" line="180"/>
        <source>the training stopped.</source>
        <translation>el entrenamiento se detuvo.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/model_training.py" line="186"/>
        <source>The corpus model could not be trained: its process did not start.</source>
        <translation>No se pudo entrenar el modelo del corpus: su proceso no se inició.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/model_training.py" line="223"/>
        <location filename="../annotator/gui/model_training.py" line="233"/>
        <source>Train the corpus model</source>
        <translation>Entrenar el modelo del corpus</translation>
    </message>
    <message>
        <location filename="../annotator/gui/model_training.py" line="224"/>
        <source>Train the corpus model again after how many more documents are marked done? (0: only when asked)</source>
        <translation>¿Volver a entrenar el modelo del corpus tras cuántos documentos más marcados como terminados? (0: solo cuando se pida)</translation>
    </message>
    <message>
        <location filename="../annotator/gui/model_training.py" line="234"/>
        <source>{answer} is not a number of documents from 0 to 100000.</source>
        <translation>{answer} no es un número de documentos entre 0 y 100000.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/model_training.py" line="243"/>
        <location filename="../annotator/gui/model_training.py" line="253"/>
        <source>Model suggestions</source>
        <translation>Sugerencias del modelo</translation>
    </message>
    <message>
        <location filename="../annotator/gui/model_training.py" line="244"/>
        <source>Show a model's suggestions only when it is at least this sure (0 to 1):</source>
        <translation>Mostrar las sugerencias de un modelo solo cuando esté al menos así de seguro (0 a 1):</translation>
    </message>
    <message>
        <location filename="../annotator/gui/model_training.py" line="254"/>
        <source>{answer} is not a number from 0 to 1.</source>
        <translation>{answer} no es un número entre 0 y 1.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/model_training.py" line="271"/>
        <source>Corpus model</source>
        <translation>Modelo del corpus</translation>
    </message>
    <message>
        <location filename="../annotator/gui/model_training.py" line="274"/>
        <source>This corpus has no model yet. It is trained after {count} documents are marked done, or with Suggest ▸ Train the corpus model now.</source>
        <translation>Este corpus aún no tiene modelo. Se entrena cuando {count} documentos están marcados como terminados, o con Sugerencias ▸ Entrenar el modelo del corpus ahora.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/model_training.py" line="278"/>
        <source>A span categorizer</source>
        <translation>Un categorizador de tramos</translation>
    </message>
    <message>
        <location filename="../annotator/gui/model_training.py" line="279"/>
        <source>An entity recogniser</source>
        <translation>Un reconocedor de entidades</translation>
    </message>
    <message>
        <location filename="../annotator/gui/model_training.py" line="280"/>
        <source>{kind} trained on {trained} coded documents, measured on {held} held out:</source>
        <translation>{kind} entrenado con {trained} documentos codificados, medido en {held} reservados:</translation>
    </message>
    <message>
        <location filename="../annotator/gui/model_training.py" line="285"/>
        <source>All labels</source>
        <translation>Todas las etiquetas</translation>
    </message>
    <message>
        <location filename="../annotator/gui/model_training.py" line="286"/>
        <source>{label}: precision {precision:.2f}, recall {recall:.2f}, F1 {f1:.2f}</source>
        <translation>{label}: precisión {precision:.2f}, exhaustividad {recall:.2f}, F1 {f1:.2f}</translation>
    </message>
    <message>
        <location filename="../annotator/gui/model_training.py" line="290"/>
        <source>{count} spans overlapping others were left out (an entity recogniser takes one span a word).</source>
        <translation>Se dejaron fuera {count} tramos que se solapan con otros (un reconocedor de entidades toma un tramo por palabra).</translation>
    </message>
    <message>
        <location filename="../annotator/gui/model_training.py" line="294"/>
        <source>{count} spans across a cut of a very long document were left out.</source>
        <translation>Se dejaron fuera {count} tramos que cruzan un corte de un documento muy largo.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/model_training.py" line="297"/>
        <source>{count} of the documents came labelled from imported files and were taken as coded.</source>
        <translation>{count} de los documentos llegaron etiquetados de archivos importados y se tomaron como codificados.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/model_training.py" line="299"/>
        <source>Kept in {folder}</source>
        <translation>Guardado en {folder}</translation>
    </message>
</context>
<context>
    <name>Actions</name>
    <message>
        <location filename="../annotator/session/actions.py" line="59"/>
        <source>&amp;New corpus…</source>
        <translation>&amp;Nuevo corpus…</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="60"/>
        <source>&amp;Open corpus…</source>
        <translation>&amp;Abrir corpus…</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="61"/>
        <source>&amp;Connect to team server…</source>
        <translation>&amp;Conectar al servidor del equipo…</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="63"/>
        <source>&amp;Import files…</source>
        <translation>&amp;Importar archivos…</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="65"/>
        <source>Import a &amp;folder…</source>
        <translation>Importar una &amp;carpeta…</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="67"/>
        <source>&amp;Export…</source>
        <translation>E&amp;xportar…</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="68"/>
        <source>&amp;Merge coders' corpora…</source>
        <translation>Co&amp;mbinar corpus de codificadores…</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="70"/>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <location filename="../annotator/gui/editing.py" line="18"/>
        <location filename="../annotator/session/actions.py" line="72"/>
        <source>&amp;Undo</source>
        <translation>&amp;Deshacer</translation>
    </message>
    <message>
        <location filename="../annotator/gui/editing.py" line="20"/>
        <location filename="../annotator/session/actions.py" line="75"/>
        <source>&amp;Redo</source>
        <translation>&amp;Rehacer</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="77"/>
        <source>Remove span</source>
        <translation>Eliminar segmento</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="81"/>
        <source>Add the selected text to the selected span</source>
        <translation>Añadir la selección al segmento seleccionado</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="84"/>
        <source>Remove the fragment at the cursor</source>
        <translation>Eliminar el fragmento bajo el cursor</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="86"/>
        <source>Clear selection</source>
        <translation>Anular selección</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="88"/>
        <source>Find in document</source>
        <translation>Buscar en el documento</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="90"/>
        <source>Find next</source>
        <translation>Buscar siguiente</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="92"/>
        <source>Find previous</source>
        <translation>Buscar anterior</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="94"/>
        <source>Search corpus</source>
        <translation>Buscar en el corpus</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="97"/>
        <source>Edit attributes of the selected span</source>
        <translation>Editar los atributos del segmento seleccionado</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="99"/>
        <source>Label schema…</source>
        <translation>Esquema de etiquetas…</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="101"/>
        <source>Keyboard shortcuts…</source>
        <translation>Atajos de teclado…</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="103"/>
        <source>Mark done and open next</source>
        <translation>Marcar como terminado y abrir el siguiente</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="107"/>
        <source>Mark todo</source>
        <translation>Marcar como pendiente</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="109"/>
        <source>Mark in progress</source>
        <translation>Marcar como en curso</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="111"/>
        <source>Mark done</source>
        <translation>Marcar como terminado</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="113"/>
        <source>Mark skipped</source>
        <translation>Marcar como omitido</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="115"/>
        <source>Details…</source>
        <translation>Detalles…</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="119"/>
        <source>Toggle: document relevant</source>
        <translation>Alternar: documento pertinente</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="121"/>
        <source>Edit document labels</source>
        <translation>Editar las etiquetas del documento</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="123"/>
        <source>Next document</source>
        <translation>Documento siguiente</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="125"/>
        <source>Previous document</source>
        <translation>Documento anterior</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="127"/>
        <source>Next undone document</source>
        <translation>Siguiente documento sin terminar</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="129"/>
        <source>Go to the first copy</source>
        <translation>Ir al primer ejemplar</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="132"/>
        <source>Next: what the model is least sure of first</source>
        <translation>Siguiente: primero aquello de lo que el modelo está menos seguro</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="135"/>
        <source>All coders' spans</source>
        <translation>Segmentos de todos los codificadores</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="137"/>
        <source>Dark theme</source>
        <translation>Tema oscuro</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="139"/>
        <source>Larger text</source>
        <translation>Texto más grande</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="141"/>
        <source>Smaller text</source>
        <translation>Texto más pequeño</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="143"/>
        <source>Language…</source>
        <translation>Idioma…</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="144"/>
        <source>&amp;Map of places</source>
        <translation>&amp;Mapa de lugares</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="147"/>
        <source>Link the selected span to another…</source>
        <translation>Vincular el segmento seleccionado con otro…</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="149"/>
        <source>Next span</source>
        <translation>Segmento siguiente</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="151"/>
        <source>Previous span</source>
        <translation>Segmento anterior</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="153"/>
        <source>Links of the selected span</source>
        <translation>Vínculos del segmento seleccionado</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="156"/>
        <source>Change the type of the selected link…</source>
        <translation>Cambiar el tipo del vínculo seleccionado…</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="158"/>
        <source>Remove the selected link</source>
        <translation>Eliminar el vínculo seleccionado</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="161"/>
        <source>New event from selected spans…</source>
        <translation>Nuevo evento con los segmentos seleccionados…</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="163"/>
        <source>Edit event…</source>
        <translation>Editar evento…</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="165"/>
        <source>Remove event</source>
        <translation>Eliminar evento</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="168"/>
        <source>Suggest spans for this document</source>
        <translation>Sugerir segmentos para este documento</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="170"/>
        <source>Next suggestion (Tab)</source>
        <translation>Sugerencia siguiente (Tab)</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="172"/>
        <source>Previous suggestion (Shift+Tab)</source>
        <translation>Sugerencia anterior (Shift+Tab)</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="174"/>
        <source>Accept suggestion (Enter)</source>
        <translation>Aceptar sugerencia (Enter)</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="176"/>
        <source>Reject suggestion (Backspace)</source>
        <translation>Rechazar sugerencia (Backspace)</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="178"/>
        <source>Accept all suggestions here</source>
        <translation>Aceptar todas las sugerencias del documento</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="180"/>
        <source>Reject all suggestions here</source>
        <translation>Rechazar todas las sugerencias del documento</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="182"/>
        <source>spaCy model for suggestions…</source>
        <translation>Modelo de spaCy para las sugerencias…</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="186"/>
        <source>Tag all occurrences in this document</source>
        <translation>Etiquetar todas las apariciones en este documento</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="189"/>
        <source>Tag all occurrences in the corpus</source>
        <translation>Etiquetar todas las apariciones en el corpus</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="192"/>
        <source>Carry the first copy's spans here</source>
        <translation>Traer aquí los fragmentos del primer ejemplar</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="194"/>
        <source>Train the corpus model now</source>
        <translation>Entrenar el modelo del corpus ahora</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="196"/>
        <source>Corpus model…</source>
        <translation>Modelo del corpus…</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="199"/>
        <source>Train the corpus model every…</source>
        <translation>Entrenar el modelo del corpus cada…</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="201"/>
        <source>Least confidence of model suggestions…</source>
        <translation>Confianza mínima de las sugerencias del modelo…</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="204"/>
        <source>Agreement report…</source>
        <translation>Informe de concordancia…</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="207"/>
        <source>Team progress…</source>
        <translation>Avance del equipo…</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="205"/>
        <source>Adjudicate this document…</source>
        <translation>Arbitrar este documento…</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="209"/>
        <source>Near-duplicate threshold…</source>
        <translation>Umbral de casi duplicados…</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="211"/>
        <source>Keyboard shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="212"/>
        <source>Codebook</source>
        <translation>Libro de códigos</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="213"/>
        <source>About annotator</source>
        <translation>Acerca de annotator</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="220"/>
        <source>Shift+arrows, Ctrl+Shift+arrows</source>
        <translation>Shift+flechas, Ctrl+Shift+flechas</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="221"/>
        <source>select text (snapped to whole words)</source>
        <translation>seleccionar texto (ajustado a palabras completas)</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="222"/>
        <source>Alt while selecting</source>
        <translation>Alt al seleccionar</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="223"/>
        <source>keep the selection exactly as made, without snapping</source>
        <translation>mantener la selección tal cual, sin ajustarla</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="224"/>
        <source>Alt as you let go of the mouse</source>
        <translation>Alt al terminar de arrastrar</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="225"/>
        <source>keep the selection exactly as dragged</source>
        <translation>mantener la selección tal como se arrastró</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="226"/>
        <source>Ctrl+click</source>
        <translation>Ctrl+clic</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="227"/>
        <source>add a span to the selection, or take it out</source>
        <translation>añadir un segmento a la selección o quitarlo</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="228"/>
        <source>Tab, Shift+Tab</source>
        <translation>Tab, Shift+Tab</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="229"/>
        <source>next, previous suggestion (when there are suggestions)</source>
        <translation>sugerencia siguiente, anterior (cuando hay sugerencias)</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="230"/>
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="231"/>
        <source>accept the selected suggestion</source>
        <translation>aceptar la sugerencia seleccionada</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="232"/>
        <source>Backspace</source>
        <translation>Backspace</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="233"/>
        <source>reject the selected suggestion, or remove the selected span</source>
        <translation>rechazar la sugerencia seleccionada o eliminar el segmento seleccionado</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="234"/>
        <source>Tab (elsewhere)</source>
        <translation>Tab (en otros casos)</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="235"/>
        <source>move between the list, the article and the panes</source>
        <translation>moverse entre la lista, el artículo y los paneles</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="236"/>
        <source>Enter, Esc (linking)</source>
        <translation>Enter, Esc (al vincular)</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="237"/>
        <source>link to the span moved to; stop linking</source>
        <translation>vincular con el segmento al que se llegó; dejar de vincular</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="238"/>
        <source>Delete, Enter (Links list)</source>
        <translation>Delete, Enter (lista Vínculos)</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="239"/>
        <source>remove the link; change its type</source>
        <translation>eliminar el vínculo; cambiar su tipo</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="45"/>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="46"/>
        <source>&amp;Edit</source>
        <translation>&amp;Editar</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="47"/>
        <source>&amp;Document</source>
        <translation>&amp;Documento</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="48"/>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="49"/>
        <source>&amp;Link</source>
        <translation>Víncu&amp;los</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="50"/>
        <source>E&amp;vent</source>
        <translation>Eve&amp;ntos</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="51"/>
        <source>&amp;Suggest</source>
        <translation>&amp;Sugerencias</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="52"/>
        <source>&amp;Tools</source>
        <translation>&amp;Herramientas</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="53"/>
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
</context>
<context>
    <name>AdjudicationDialog</name>
    <message>
        <location filename="../annotator/gui/adjudication_dialog.py" line="50"/>
        <source>Adjudicate</source>
        <translation>Arbitrar</translation>
    </message>
    <message>
        <location filename="../annotator/gui/adjudication_dialog.py" line="54"/>
        <source>Take a version: {keys}; B both; Delete none; A every agreed row.</source>
        <translation>Elija una versión: {keys}; B ambas; Delete ninguna; A todas las filas coincidentes.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/adjudication_dialog.py" line="58"/>
        <source>where</source>
        <translation>posición</translation>
    </message>
    <message>
        <location filename="../annotator/gui/adjudication_dialog.py" line="58"/>
        <source>gold</source>
        <translation>referencia</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../annotator/gui/app.py" line="77"/>
        <location filename="../annotator/gui/app.py" line="94"/>
        <source>Cannot open corpus</source>
        <translation>No se puede abrir el corpus</translation>
    </message>
    <message>
        <location filename="../annotator/gui/app.py" line="138"/>
        <source>{error}. That step was not done; try again when the server answers.</source>
        <translation>{error}. Ese paso no se hizo; inténtelo de nuevo cuando el servidor responda.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/app.py" line="142"/>
        <source>{count} edit(s) still wait for the server, which cannot be reached; the rest of your work is saved.</source>
        <translation>{count} cambio(s) esperan todavía al servidor, que no responde; el resto de su trabajo está guardado.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/app.py" line="145"/>
        <source>Your work so far is saved.</source>
        <translation>Su trabajo hasta ahora está guardado.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/app.py" line="147"/>
        <source>Something went wrong</source>
        <translation>Algo salió mal</translation>
    </message>
    <message>
        <location filename="../annotator/gui/app.py" line="148"/>
        <source>{error}

{saved} Details are in {log}.</source>
        <translation>{error}

{saved} Los detalles están en {log}.</translation>
    </message>
    <message>
        <source>{error}

Your work so far is saved. Details are in {log}.</source>
        <translation type="vanished">{error}

Su trabajo hasta ahora está guardado. Los detalles están en {log}.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/app.py" line="154"/>
        <source>Copy details</source>
        <translation>Copiar detalles</translation>
    </message>
</context>
<context>
    <name>AttributeForm</name>
    <message>
        <location filename="../annotator/gui/attribute_form.py" line="32"/>
        <source>uncertain</source>
        <translation>dudoso</translation>
    </message>
    <message>
        <location filename="../annotator/gui/attribute_form.py" line="33"/>
        <source>The coder is not sure.</source>
        <translation>El codificador no está seguro.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/attribute_form.py" line="34"/>
        <source>note</source>
        <translation>nota</translation>
    </message>
    <message>
        <location filename="../annotator/gui/attribute_form.py" line="35"/>
        <source>A free note on this span.</source>
        <translation>Una nota libre sobre este segmento.</translation>
    </message>
</context>
<context>
    <name>BackgroundRunner</name>
    <message>
        <location filename="../annotator/gui/background_runner.py" line="28"/>
        <source>Wait for the work running in the background.</source>
        <translation>Espere a que termine el trabajo en segundo plano.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/background_runner.py" line="33"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
</context>
<context>
    <name>Codebook</name>
    <message>
        <location filename="../annotator/gui/codebook.py" line="27"/>
        <source>Label in use</source>
        <translation>Etiqueta en uso</translation>
    </message>
    <message>
        <location filename="../annotator/gui/codebook.py" line="28"/>
        <source>{count} spans are labelled {label}. Move them to which label?</source>
        <translation>{count} segmentos tienen la etiqueta {label}. ¿A qué etiqueta quiere moverlos?</translation>
    </message>
    <message>
        <location filename="../annotator/gui/codebook.py" line="38"/>
        <source>Schema not changed</source>
        <translation>No se cambió el esquema</translation>
    </message>
    <message>
        <location filename="../annotator/gui/codebook.py" line="42"/>
        <source>Label schema saved.</source>
        <translation>Esquema de etiquetas guardado.</translation>
    </message>
</context>
<context>
    <name>CodebookDialog</name>
    <message>
        <location filename="../annotator/gui/codebook_dialog.py" line="21"/>
        <location filename="../annotator/gui/codebook_dialog.py" line="77"/>
        <source>Codebook</source>
        <translation>Libro de códigos</translation>
    </message>
    <message>
        <location filename="../annotator/gui/codebook_dialog.py" line="30"/>
        <location filename="../annotator/gui/codebook_dialog.py" line="67"/>
        <source>Edit</source>
        <translation>Editar</translation>
    </message>
    <message>
        <location filename="../annotator/gui/codebook_dialog.py" line="67"/>
        <source>Preview</source>
        <translation>Vista previa</translation>
    </message>
    <message>
        <location filename="../annotator/gui/codebook_dialog.py" line="77"/>
        <source>Drop your changes to the codebook?</source>
        <translation>¿Descartar los cambios en el libro de códigos?</translation>
    </message>
</context>
<context>
    <name>CodingActions</name>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Editar</translation>
    </message>
    <message>
        <location filename="../annotator/gui/coding_actions.py" line="74"/>
        <source>Tag or relabel as</source>
        <translation>Etiquetar o reetiquetar como</translation>
    </message>
    <message>
        <location filename="../annotator/gui/coding_actions.py" line="109"/>
        <source>Dark theme.</source>
        <translation>Tema oscuro.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/coding_actions.py" line="110"/>
        <source>Light theme.</source>
        <translation>Tema claro.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/coding_actions.py" line="115"/>
        <source>Text size {scale} %.</source>
        <translation>Tamaño del texto: {scale} %.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/coding_actions.py" line="124"/>
        <source>The system's language</source>
        <translation>El idioma del sistema</translation>
    </message>
    <message>
        <location filename="../annotator/gui/coding_actions.py" line="128"/>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <location filename="../annotator/gui/coding_actions.py" line="129"/>
        <source>The language of the window (from the next start):</source>
        <translation>El idioma de la ventana (a partir del próximo inicio):</translation>
    </message>
    <message>
        <location filename="../annotator/gui/coding_actions.py" line="139"/>
        <source>The window will be in the system's language from the next start.</source>
        <translation>La ventana estará en el idioma del sistema a partir del próximo inicio.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/coding_actions.py" line="143"/>
        <source>The window will be in {language} from the next start.</source>
        <translation>La ventana estará en {language} a partir del próximo inicio.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/coding_actions.py" line="164"/>
        <source>Click a span to select it first.</source>
        <translation>Primero haga clic en un segmento para seleccionarlo.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/coding_actions.py" line="205"/>
        <source>Select a span first (click it, or pick it in the span list).</source>
        <translation>Primero seleccione un segmento (haga clic en él o elíjalo en la lista de segmentos).</translation>
    </message>
    <message>
        <source>&amp;Document</source>
        <translation>&amp;Documento</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <location filename="../annotator/gui/coding_actions.py" line="178"/>
        <source>Document details (read-only)</source>
        <translation>Detalles del documento (solo lectura)</translation>
    </message>
</context>
<context>
    <name>ConnectDialog</name>
    <message>
        <location filename="../annotator/gui/connect_dialog.py" line="37"/>
        <source>Connect to team server</source>
        <translation>Conectar al servidor del equipo</translation>
    </message>
    <message>
        <location filename="../annotator/gui/connect_dialog.py" line="40"/>
        <source>postgresql://… or service=NAME (optional)</source>
        <translation>postgresql://… o service=NOMBRE (opcional)</translation>
    </message>
    <message>
        <location filename="../annotator/gui/connect_dialog.py" line="50"/>
        <source>empty: from ~/.pgpass</source>
        <translation>vacía: se toma de ~/.pgpass</translation>
    </message>
    <message>
        <location filename="../annotator/gui/connect_dialog.py" line="53"/>
        <source>verify the server's certificate (verify-full)</source>
        <translation>verificar el certificado del servidor (verify-full)</translation>
    </message>
    <message>
        <location filename="../annotator/gui/connect_dialog.py" line="54"/>
        <source>encrypt, without checking the certificate (require)</source>
        <translation>cifrar, sin verificar el certificado (require)</translation>
    </message>
    <message>
        <location filename="../annotator/gui/connect_dialog.py" line="55"/>
        <source>encrypt if the server can (prefer)</source>
        <translation>cifrar si el servidor puede (prefer)</translation>
    </message>
    <message>
        <location filename="../annotator/gui/connect_dialog.py" line="56"/>
        <source>no encryption (disable)</source>
        <translation>sin cifrado (disable)</translation>
    </message>
    <message>
        <location filename="../annotator/gui/connect_dialog.py" line="59"/>
        <source>the team's CA certificate (empty: ~/.postgresql/root.crt)</source>
        <translation>el certificado de la autoridad del equipo (vacío: ~/.postgresql/root.crt)</translation>
    </message>
    <message>
        <location filename="../annotator/gui/connect_dialog.py" line="60"/>
        <source>Browse…</source>
        <translation>Examinar…</translation>
    </message>
    <message>
        <location filename="../annotator/gui/connect_dialog.py" line="66"/>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <location filename="../annotator/gui/connect_dialog.py" line="67"/>
        <source>Server</source>
        <translation>Servidor</translation>
    </message>
    <message>
        <location filename="../annotator/gui/connect_dialog.py" line="68"/>
        <source>Port</source>
        <translation>Puerto</translation>
    </message>
    <message>
        <location filename="../annotator/gui/connect_dialog.py" line="69"/>
        <source>Database</source>
        <translation>Base de datos</translation>
    </message>
    <message>
        <location filename="../annotator/gui/connect_dialog.py" line="70"/>
        <source>Your login</source>
        <translation>Su usuario</translation>
    </message>
    <message>
        <location filename="../annotator/gui/connect_dialog.py" line="71"/>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <location filename="../annotator/gui/connect_dialog.py" line="72"/>
        <source>Encryption</source>
        <translation>Cifrado</translation>
    </message>
    <message>
        <location filename="../annotator/gui/connect_dialog.py" line="73"/>
        <source>CA certificate</source>
        <translation>Certificado de autoridad</translation>
    </message>
    <message>
        <location filename="../annotator/gui/connect_dialog.py" line="85"/>
        <source>Connect</source>
        <translation>Conectar</translation>
    </message>
    <message>
        <location filename="../annotator/gui/connect_dialog.py" line="99"/>
        <source>The team's CA certificate</source>
        <translation>El certificado de autoridad del equipo</translation>
    </message>
    <message>
        <location filename="../annotator/gui/connect_dialog.py" line="100"/>
        <source>Certificates (*.crt *.pem);;All files (*)</source>
        <translation>Certificados (*.crt *.pem);;Todos los archivos (*)</translation>
    </message>
    <message>
        <location filename="../annotator/gui/connect_dialog.py" line="150"/>
        <source>An address starts with postgresql:// or service=</source>
        <translation>Una dirección empieza por postgresql:// o service=</translation>
    </message>
    <message>
        <location filename="../annotator/gui/connect_dialog.py" line="144"/>
        <source>Name the database the team's corpus is in.</source>
        <translation>Indique la base de datos que contiene el corpus del equipo.</translation>
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
        <translation> {count} de sus fragmentos están en pasajes que este ejemplar reescribió o recortó, y no se trajeron.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/copy_actions.py" line="111"/>
        <source>No spans of the first copy to carry here.</source>
        <translation>No hay fragmentos del primer ejemplar que traer aquí.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/copy_actions.py" line="114"/>
        <source>carry the first copy's spans</source>
        <translation>traer los fragmentos del primer ejemplar</translation>
    </message>
    <message>
        <location filename="../annotator/gui/copy_actions.py" line="116"/>
        <source>{count} spans carried from the first copy as suggestions: Tab moves, Enter accepts, Backspace rejects.</source>
        <translation>{count} fragmentos traídos del primer ejemplar como sugerencias: Tab avanza, Intro acepta, Retroceso rechaza.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/copy_actions.py" line="124"/>
        <source>Near-duplicate threshold</source>
        <translation>Umbral de casi duplicados</translation>
    </message>
    <message>
        <location filename="../annotator/gui/copy_actions.py" line="125"/>
        <source>Mark a document as a copy of an earlier one when they share at least this share of their five-word phrases ({low} to 1):</source>
        <translation>Marcar un documento como copia de uno anterior cuando comparten al menos esta proporción de sus secuencias de cinco palabras ({low} a 1):</translation>
    </message>
    <message>
        <location filename="../annotator/gui/copy_actions.py" line="134"/>
        <source>The threshold is a share between {low} and 1.0, not {answer}.</source>
        <translation>El umbral es una proporción entre {low} y 1.0, no {answer}.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/copy_actions.py" line="142"/>
        <source>{marked} near-duplicates at similarity {threshold:g}.</source>
        <translation>{marked} casi duplicados con similitud {threshold:g}.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/copy_actions.py" line="148"/>
        <source>Comparing the documents…</source>
        <translation>Comparando los documentos…</translation>
    </message>
    <message>
        <location filename="../annotator/gui/copy_actions.py" line="153"/>
        <source>This document is not marked as a near-duplicate.</source>
        <translation>Este documento no está marcado como casi duplicado.</translation>
    </message>
</context>
<context>
    <name>CopyBar</name>
    <message>
        <location filename="../annotator/gui/copy_actions.py" line="43"/>
        <source>Go to the first copy</source>
        <translation>Ir al primer ejemplar</translation>
    </message>
    <message>
        <location filename="../annotator/gui/copy_actions.py" line="44"/>
        <source>Carry its spans here</source>
        <translation>Traer sus fragmentos aquí</translation>
    </message>
    <message>
        <location filename="../annotator/gui/copy_actions.py" line="53"/>
        <source>A near-duplicate: {similarity:.0%} alike with the first copy, “{title}”.</source>
        <translation>Un casi duplicado: igual en un {similarity:.0%} al primer ejemplar, «{title}».</translation>
    </message>
</context>
<context>
    <name>DetailsDialog</name>
    <message>
        <location filename="../annotator/gui/details_dialog.py" line="44"/>
        <source>Document details</source>
        <translation>Detalles del documento</translation>
    </message>
    <message>
        <location filename="../annotator/gui/details_dialog.py" line="47"/>
        <source>YYYY-MM-DD</source>
        <translation>AAAA-MM-DD</translation>
    </message>
    <message>
        <location filename="../annotator/gui/details_dialog.py" line="32"/>
        <location filename="../annotator/gui/details_dialog.py" line="52"/>
        <source>Not relevant to this codebook</source>
        <translation>No pertinente para este libro de códigos</translation>
    </message>
    <message>
        <location filename="../annotator/gui/details_dialog.py" line="25"/>
        <source>Published: {date}</source>
        <translation>Publicado: {date}</translation>
    </message>
    <message>
        <location filename="../annotator/gui/details_dialog.py" line="27"/>
        <source>Source: {source}</source>
        <translation>Fuente: {source}</translation>
    </message>
    <message>
        <location filename="../annotator/gui/details_dialog.py" line="29"/>
        <source>URL: {url}</source>
        <translation>URL: {url}</translation>
    </message>
    <message>
        <location filename="../annotator/gui/details_dialog.py" line="34"/>
        <source>Duplicate of: {document}</source>
        <translation>Duplicado de: {document}</translation>
    </message>
    <message>
        <location filename="../annotator/gui/details_dialog.py" line="37"/>
        <source>Notes:</source>
        <translation>Notas:</translation>
    </message>
    <message>
        <location filename="../annotator/gui/details_dialog.py" line="55"/>
        <source>id of the document this one repeats</source>
        <translation>id del documento que este repite</translation>
    </message>
    <message>
        <location filename="../annotator/gui/details_dialog.py" line="58"/>
        <source>Published</source>
        <translation>Publicado</translation>
    </message>
    <message>
        <location filename="../annotator/gui/details_dialog.py" line="59"/>
        <source>Source</source>
        <translation>Fuente</translation>
    </message>
    <message>
        <location filename="../annotator/gui/details_dialog.py" line="60"/>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <location filename="../annotator/gui/details_dialog.py" line="61"/>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <location filename="../annotator/gui/details_dialog.py" line="63"/>
        <source>Duplicate of</source>
        <translation>Duplicado de</translation>
    </message>
</context>
<context>
    <name>DocLabelActions</name>
    <message>
        <location filename="../annotator/gui/doc_label_pane.py" line="239"/>
        <source>read-only: {why}</source>
        <translation>solo lectura: {why}</translation>
    </message>
    <message>
        <location filename="../annotator/gui/doc_label_pane.py" line="246"/>
        <source>Not saved: {reason}</source>
        <translation>No se guardó: {reason}</translation>
    </message>
    <message>
        <location filename="../annotator/gui/doc_label_pane.py" line="269"/>
        <source>The codebook has no yes/no question about documents.</source>
        <translation>El libro de códigos no tiene ninguna pregunta de sí/no sobre los documentos.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/doc_label_pane.py" line="274"/>
        <source>{name}: yes</source>
        <translation>{name}: sí</translation>
    </message>
    <message>
        <location filename="../annotator/gui/doc_label_pane.py" line="275"/>
        <source>{name}: no</source>
        <translation>{name}: no</translation>
    </message>
    <message>
        <location filename="../annotator/gui/doc_label_pane.py" line="280"/>
        <source>The codebook asks nothing about whole documents.</source>
        <translation>El libro de códigos no pregunta nada sobre documentos completos.</translation>
    </message>
</context>
<context>
    <name>DocLabelPane</name>
    <message>
        <location filename="../annotator/gui/doc_label_pane.py" line="184"/>
        <source>{name}: yes</source>
        <translation>{name}: sí</translation>
    </message>
    <message>
        <location filename="../annotator/gui/doc_label_pane.py" line="185"/>
        <source>{name}: no</source>
        <translation>{name}: no</translation>
    </message>
    <message>
        <location filename="../annotator/gui/doc_label_pane.py" line="186"/>
        <source>{name}: any</source>
        <translation>{name}: cualquiera</translation>
    </message>
</context>
<context>
    <name>DocLabelStrip</name>
    <message>
        <location filename="../annotator/gui/doc_label_pane.py" line="96"/>
        <source>This document:</source>
        <translation>Documento:</translation>
    </message>
    <message>
        <location filename="../annotator/gui/doc_label_pane.py" line="120"/>
        <source>(not set)</source>
        <translation>(sin valor)</translation>
    </message>
</context>
<context>
    <name>DocumentList</name>
    <message>
        <location filename="../annotator/gui/document_list.py" line="288"/>
        <source>No documents found</source>
        <translation>No se encontraron documentos</translation>
    </message>
    <message>
        <location filename="../annotator/gui/document_list.py" line="293"/>
        <source>{count} document found</source>
        <translation>{count} documento encontrado</translation>
    </message>
    <message>
        <location filename="../annotator/gui/document_list.py" line="295"/>
        <source>{count} documents found</source>
        <translation>{count} documentos encontrados</translation>
    </message>
</context>
<context>
    <name>DocumentListModel</name>
    <message>
        <location filename="../annotator/gui/document_list.py" line="39"/>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <location filename="../annotator/gui/document_list.py" line="40"/>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <location filename="../annotator/gui/document_list.py" line="41"/>
        <source>Spans</source>
        <translation>Segm.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/document_list.py" line="89"/>
        <source>(untitled)</source>
        <translation>(sin título)</translation>
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
{status} · {count} segmentos · {uid}</translation>
    </message>
    <message>
        <location filename="../annotator/gui/document_list.py" line="100"/>
        <source>Near-duplicate, {similarity:.0%} alike with the first copy: {first}</source>
        <translation>Casi duplicado, igual en un {similarity:.0%} al primer ejemplar: {first}</translation>
    </message>
    <message>
        <location filename="../annotator/gui/document_list.py" line="128"/>
        <source>Listing failed: {error}</source>
        <translation>No se pudo mostrar la lista: {error}</translation>
    </message>
    <message>
        <location filename="../annotator/gui/document_list.py" line="155"/>
        <source>Searching…</source>
        <translation>Buscando…</translation>
    </message>
    <message>
        <location filename="../annotator/gui/document_list.py" line="179"/>
        <source>Search failed</source>
        <translation>La búsqueda falló</translation>
    </message>
    <message>
        <location filename="../annotator/gui/document_list.py" line="197"/>
        <source>Search stopped</source>
        <translation>Búsqueda detenida</translation>
    </message>
</context>
<context>
    <name>DocumentPane</name>
    <message>
        <location filename="../annotator/gui/panes.py" line="45"/>
        <source>Documents</source>
        <translation>Documentos</translation>
    </message>
    <message>
        <location filename="../annotator/gui/panes.py" line="50"/>
        <source>any status</source>
        <translation>cualquier estado</translation>
    </message>
    <message>
        <location filename="../annotator/gui/panes.py" line="54"/>
        <source>any labels</source>
        <translation>cualquier etiqueta</translation>
    </message>
    <message>
        <location filename="../annotator/gui/panes.py" line="56"/>
        <source>any coder</source>
        <translation>cualquier codificador</translation>
    </message>
    <message>
        <location filename="../annotator/gui/panes.py" line="58"/>
        <source>any document label</source>
        <translation>cualquier etiqueta de documento</translation>
    </message>
    <message>
        <location filename="../annotator/gui/panes.py" line="59"/>
        <source>flagged</source>
        <translation>señalados</translation>
    </message>
    <message>
        <location filename="../annotator/gui/panes.py" line="61"/>
        <source>near-duplicates too</source>
        <translation>casi duplicados incluidos</translation>
    </message>
    <message>
        <location filename="../annotator/gui/panes.py" line="62"/>
        <source>no near-duplicates</source>
        <translation>sin casi duplicados</translation>
    </message>
    <message>
        <location filename="../annotator/gui/panes.py" line="63"/>
        <source>near-duplicates only</source>
        <translation>solo casi duplicados</translation>
    </message>
    <message>
        <location filename="../annotator/gui/panes.py" line="65"/>
        <source>Near-duplicates are stories the corpus already holds (a wire report other outlets ran): each is marked with how alike it is to the first copy.</source>
        <translation>Los casi duplicados son noticias que el corpus ya contiene (un despacho de agencia que otros medios publicaron): cada uno lleva marcado cuánto se parece al primer ejemplar.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/panes.py" line="68"/>
        <source>from YYYY-MM-DD</source>
        <translation>de AAAA-MM-DD</translation>
    </message>
    <message>
        <location filename="../annotator/gui/panes.py" line="70"/>
        <source>to YYYY-MM-DD</source>
        <translation>a AAAA-MM-DD</translation>
    </message>
    <message>
        <location filename="../annotator/gui/panes.py" line="171"/>
        <source>Documents   {done} / {total} done</source>
        <translation>Documentos   {done} / {total} terminados</translation>
    </message>
    <message>
        <location filename="../annotator/gui/panes.py" line="176"/>
        <source>with {label}</source>
        <translation>con {label}</translation>
    </message>
    <message>
        <location filename="../annotator/gui/panes.py" line="176"/>
        <source>without {label}</source>
        <translation>sin {label}</translation>
    </message>
</context>
<context>
    <name>Editing</name>
    <message>
        <location filename="../annotator/gui/editing.py" line="19"/>
        <source>&amp;Undo {step}</source>
        <translation>&amp;Deshacer: {step}</translation>
    </message>
    <message>
        <location filename="../annotator/gui/editing.py" line="21"/>
        <source>&amp;Redo {step}</source>
        <translation>&amp;Rehacer: {step}</translation>
    </message>
</context>
<context>
    <name>EventActions</name>
    <message>
        <location filename="../annotator/gui/event_actions.py" line="60"/>
        <source>{count} spans</source>
        <translation>{count} segmentos</translation>
    </message>
    <message>
        <location filename="../annotator/gui/event_actions.py" line="66"/>
        <source> (group {group})</source>
        <translation> (grupo {group})</translation>
    </message>
    <message>
        <location filename="../annotator/gui/event_actions.py" line="73"/>
        <source>Events ({count})</source>
        <translation>Eventos ({count})</translation>
    </message>
    <message>
        <location filename="../annotator/gui/event_actions.py" line="90"/>
        <source>Select spans first: Ctrl+click them in the text or the span list.</source>
        <translation>Primero seleccione segmentos: Ctrl+clic en el texto o en la lista de segmentos.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/event_actions.py" line="106"/>
        <source>from “{words}” in the text</source>
        <translation>según «{words}» en el texto</translation>
    </message>
    <message>
        <location filename="../annotator/gui/event_actions.py" line="108"/>
        <source>the article's date</source>
        <translation>la fecha del artículo</translation>
    </message>
    <message>
        <location filename="../annotator/gui/event_actions.py" line="120"/>
        <source>Select an event in the Events list.</source>
        <translation>Seleccione un evento en la lista Eventos.</translation>
    </message>
</context>
<context>
    <name>EventDialog</name>
    <message>
        <location filename="../annotator/gui/event_dialog.py" line="32"/>
        <source>Span</source>
        <translation>Segmento</translation>
    </message>
    <message>
        <location filename="../annotator/gui/event_dialog.py" line="32"/>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <location filename="../annotator/gui/event_dialog.py" line="33"/>
        <source>Same victims as (group)</source>
        <translation>Mismas víctimas que (grupo)</translation>
    </message>
    <message>
        <location filename="../annotator/gui/event_dialog.py" line="34"/>
        <source>e.g. a (optional)</source>
        <translation>p. ej., a (opcional)</translation>
    </message>
    <message>
        <location filename="../annotator/gui/event_dialog.py" line="36"/>
        <source>the day</source>
        <translation>el día</translation>
    </message>
    <message>
        <location filename="../annotator/gui/event_dialog.py" line="37"/>
        <source>within a week</source>
        <translation>en la misma semana</translation>
    </message>
    <message>
        <location filename="../annotator/gui/event_dialog.py" line="38"/>
        <source>within a month</source>
        <translation>en el mismo mes</translation>
    </message>
    <message>
        <location filename="../annotator/gui/event_dialog.py" line="52"/>
        <source>Event</source>
        <translation>Evento</translation>
    </message>
    <message>
        <location filename="../annotator/gui/event_dialog.py" line="61"/>
        <source>YYYY-MM-DD</source>
        <translation>AAAA-MM-DD</translation>
    </message>
    <message>
        <location filename="../annotator/gui/event_dialog.py" line="70"/>
        <source>Events of several articles that report the same happening: a dataset counts them as one event with several sources.</source>
        <translation>Eventos de varios artículos que informan del mismo hecho: un conjunto de datos los cuenta como un solo evento con varias fuentes.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/event_dialog.py" line="97"/>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <location filename="../annotator/gui/event_dialog.py" line="98"/>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <location filename="../annotator/gui/event_dialog.py" line="105"/>
        <source>Date precision</source>
        <translation>Precisión de la fecha</translation>
    </message>
    <message>
        <location filename="../annotator/gui/event_dialog.py" line="106"/>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <location filename="../annotator/gui/event_dialog.py" line="109"/>
        <source>Same incident as</source>
        <translation>Mismo incidente que</translation>
    </message>
    <message>
        <location filename="../annotator/gui/event_dialog.py" line="111"/>
        <source>Casualty spans with the same group are reports of the same victims: they give one range instead of being added up.</source>
        <translation>Los segmentos de víctimas del mismo grupo se refieren a las mismas víctimas: dan un único intervalo en lugar de sumarse.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/event_codes.py" line="118"/>
        <source>— this event only</source>
        <translation>— solo este evento</translation>
    </message>
    <message>
        <location filename="../annotator/gui/event_codes.py" line="122"/>
        <source>no date</source>
        <translation>sin fecha</translation>
    </message>
    <message>
        <location filename="../annotator/gui/event_codes.py" line="124"/>
        <source>{type} on {date}, “{title}” ({count} documents)</source>
        <translation>{type} el {date}, «{title}» ({count} documentos)</translation>
    </message>
    <message>
        <location filename="../annotator/gui/event_codes.py" line="129"/>
        <source>incident {id}</source>
        <translation>incidente {id}</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../annotator/gui/export_dialog.py" line="145"/>
        <source>Labels</source>
        <translation>Etiquetas</translation>
    </message>
    <message>
        <location filename="../annotator/gui/export_dialog.py" line="97"/>
        <location filename="../annotator/gui/export_dialog.py" line="153"/>
        <source>Export</source>
        <translation>Exportar</translation>
    </message>
    <message>
        <location filename="../annotator/gui/export_dialog.py" line="42"/>
        <source>(any)</source>
        <translation>(cualquiera)</translation>
    </message>
    <message>
        <location filename="../annotator/gui/export_dialog.py" line="43"/>
        <source>(all coders)</source>
        <translation>(todos los codificadores)</translation>
    </message>
    <message>
        <location filename="../annotator/gui/export_dialog.py" line="44"/>
        <source>strict</source>
        <translation>estricto</translation>
    </message>
    <message>
        <location filename="../annotator/gui/export_dialog.py" line="45"/>
        <source>contract</source>
        <translation>reducir</translation>
    </message>
    <message>
        <location filename="../annotator/gui/export_dialog.py" line="46"/>
        <source>expand</source>
        <translation>ampliar</translation>
    </message>
    <message>
        <location filename="../annotator/gui/export_dialog.py" line="49"/>
        <source>annotator's native JSONL: everything</source>
        <translation>JSONL propio de annotator: todo</translation>
    </message>
    <message>
        <location filename="../annotator/gui/export_dialog.py" line="50"/>
        <source>doccano sequence labelling JSONL</source>
        <translation>JSONL de doccano para etiquetado de secuencias</translation>
    </message>
    <message>
        <location filename="../annotator/gui/export_dialog.py" line="51"/>
        <source>Prodigy ner_manual JSONL with tokens</source>
        <translation>JSONL ner_manual de Prodigy con tokens</translation>
    </message>
    <message>
        <location filename="../annotator/gui/export_dialog.py" line="52"/>
        <source>spaCy DocBin (doc.spans and doc.ents)</source>
        <translation>DocBin de spaCy (doc.spans y doc.ents)</translation>
    </message>
    <message>
        <location filename="../annotator/gui/export_dialog.py" line="53"/>
        <source>CoNLL-2003 style IOB2</source>
        <translation>IOB2 al estilo CoNLL-2003</translation>
    </message>
    <message>
        <location filename="../annotator/gui/export_dialog.py" line="54"/>
        <source>brat standoff folder (.txt, .ann, annotation.conf)</source>
        <translation>carpeta brat standoff (.txt, .ann, annotation.conf)</translation>
    </message>
    <message>
        <location filename="../annotator/gui/export_dialog.py" line="55"/>
        <source>one row per span, spreadsheet-safe</source>
        <translation>una fila por segmento, apta para hojas de cálculo</translation>
    </message>
    <message>
        <location filename="../annotator/gui/export_dialog.py" line="56"/>
        <source>one row per event: actors by role, places, casualties per outcome</source>
        <translation>una fila por evento: actores por rol, lugares, víctimas por resultado</translation>
    </message>
    <message>
        <location filename="../annotator/gui/export_dialog.py" line="58"/>
        <source>Hugging Face token classification (.parquet, or .jsonl by name)</source>
        <translation>clasificación de tokens de Hugging Face (.parquet, o .jsonl según el nombre)</translation>
    </message>
    <message>
        <location filename="../annotator/gui/export_dialog.py" line="60"/>
        <source>Label Studio JSON tasks</source>
        <translation>tareas JSON de Label Studio</translation>
    </message>
    <message>
        <location filename="../annotator/gui/export_dialog.py" line="61"/>
        <source>INCEpTION UIMA CAS XMI folder (TypeSystem.xml, one .xmi a document)</source>
        <translation>carpeta UIMA CAS XMI de INCEpTION (TypeSystem.xml, un .xmi por documento)</translation>
    </message>
    <message>
        <location filename="../annotator/gui/export_dialog.py" line="63"/>
        <source>WebAnno TSV 3.3 folder for INCEpTION (one .tsv a document)</source>
        <translation>carpeta WebAnno TSV 3.3 para INCEpTION (un .tsv por documento)</translation>
    </message>
    <message>
        <location filename="../annotator/gui/export_dialog.py" line="65"/>
        <source>ACLED's columns, one row per event, codes checked against ACLED's codebook</source>
        <translation>columnas de ACLED, una fila por evento, códigos comprobados con el libro de códigos de ACLED</translation>
    </message>
    <message>
        <location filename="../annotator/gui/export_dialog.py" line="68"/>
        <source>UCDP GED's columns, one row per event, deaths by side</source>
        <translation>columnas de UCDP GED, una fila por evento, muertes por bando</translation>
    </message>
    <message>
        <location filename="../annotator/gui/export_dialog.py" line="69"/>
        <source>PLOVER/POLECAT event records, one JSON object per event</source>
        <translation>registros de eventos PLOVER/POLECAT, un objeto JSON por evento</translation>
    </message>
    <message>
        <location filename="../annotator/gui/export_dialog.py" line="103"/>
        <source>{name} — {description}</source>
        <translation>{name} — {description}</translation>
    </message>
    <message>
        <location filename="../annotator/gui/export_dialog.py" line="106"/>
        <source>Browse…</source>
        <translation>Examinar…</translation>
    </message>
    <message>
        <location filename="../annotator/gui/export_dialog.py" line="127"/>
        <source>e.g. 80/10/10 (empty: one output)</source>
        <translation>p. ej., 80/10/10 (vacío: una sola salida)</translation>
    </message>
    <message>
        <location filename="../annotator/gui/export_dialog.py" line="136"/>
        <source>e.g. en,fr (empty: all)</source>
        <translation>p. ej. en,fr (vacío: todos)</translation>
    </message>
    <message>
        <location filename="../annotator/gui/export_dialog.py" line="137"/>
        <source>Write nothing if anything would be lost</source>
        <translation>No escribir nada si se fuera a perder algo</translation>
    </message>
    <message>
        <location filename="../annotator/gui/export_dialog.py" line="141"/>
        <source>Format</source>
        <translation>Formato</translation>
    </message>
    <message>
        <location filename="../annotator/gui/export_dialog.py" line="142"/>
        <source>Output</source>
        <translation>Salida</translation>
    </message>
    <message>
        <location filename="../annotator/gui/export_dialog.py" line="143"/>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location filename="../annotator/gui/export_dialog.py" line="144"/>
        <source>Coder</source>
        <translation>Codificador</translation>
    </message>
    <message>
        <location filename="../annotator/gui/export_dialog.py" line="146"/>
        <source>Split</source>
        <translation>Partición</translation>
    </message>
    <message>
        <location filename="../annotator/gui/export_dialog.py" line="147"/>
        <source>Seed</source>
        <translation>Semilla</translation>
    </message>
    <message>
        <location filename="../annotator/gui/export_dialog.py" line="148"/>
        <source>Off-token spans</source>
        <translation>Segmentos que cortan tokens</translation>
    </message>
    <message>
        <location filename="../annotator/gui/export_dialog.py" line="149"/>
        <source>Tokeniser language</source>
        <translation>Idioma del tokenizador</translation>
    </message>
    <message>
        <location filename="../annotator/gui/export_dialog.py" line="150"/>
        <source>Languages</source>
        <translation>Idiomas</translation>
    </message>
    <message>
        <location filename="../annotator/gui/export_dialog.py" line="176"/>
        <source>Export to folder</source>
        <translation>Exportar a una carpeta</translation>
    </message>
    <message>
        <location filename="../annotator/gui/export_dialog.py" line="179"/>
        <source>Export to</source>
        <translation>Exportar a</translation>
    </message>
    <message>
        <location filename="../annotator/gui/export_dialog.py" line="191"/>
        <source>choose where to write the export</source>
        <translation>elija dónde escribir la exportación</translation>
    </message>
    <message>
        <location filename="../annotator/gui/export_dialog.py" line="199"/>
        <source>tick at least one label</source>
        <translation>marque al menos una etiqueta</translation>
    </message>
    <message>
        <location filename="../annotator/gui/export_dialog.py" line="205"/>
        <source>Languages: {value} names no language; give ISO 639-1 codes such as en,fr</source>
        <translation>Idiomas: {value} no nombra ningún idioma; indique códigos ISO 639-1 como en,fr</translation>
    </message>
</context>
<context>
    <name>FileActions</name>
    <message>
        <location filename="../annotator/gui/file_actions.py" line="39"/>
        <source>Open &amp;Recent</source>
        <translation>Abrir corpus &amp;reciente</translation>
    </message>
    <message>
        <location filename="../annotator/gui/file_actions.py" line="109"/>
        <source>Cannot open corpus</source>
        <translation>No se puede abrir el corpus</translation>
    </message>
    <message>
        <location filename="../annotator/gui/file_actions.py" line="76"/>
        <location filename="../annotator/gui/file_actions.py" line="79"/>
        <location filename="../annotator/gui/file_actions.py" line="90"/>
        <source>New corpus</source>
        <translation>Nuevo corpus</translation>
    </message>
    <message>
        <location filename="../annotator/gui/file_actions.py" line="80"/>
        <source>{path} already exists; use Open instead.</source>
        <translation>{path} ya existe; ábralo con Abrir corpus.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/file_actions.py" line="121"/>
        <source>read-only: {why} — Import would change this corpus.</source>
        <translation>solo lectura: {why} — importar modificaría este corpus.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/file_actions.py" line="128"/>
        <source>Importing articles…</source>
        <translation>Importando artículos…</translation>
    </message>
    <message>
        <location filename="../annotator/gui/file_actions.py" line="147"/>
        <source>Export not written</source>
        <translation>No se escribió la exportación</translation>
    </message>
    <message>
        <location filename="../annotator/gui/file_actions.py" line="155"/>
        <source>Exporting as {format}…</source>
        <translation>Exportando en formato {format}…</translation>
    </message>
    <message>
        <location filename="../annotator/gui/file_actions.py" line="160"/>
        <source>read-only: {why} — Merge would change this corpus.</source>
        <translation>solo lectura: {why} — combinar modificaría este corpus.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/file_actions.py" line="168"/>
        <source>{name}: is this corpus itself; nothing to merge</source>
        <translation>{name}: es este mismo corpus; no hay nada que combinar</translation>
    </message>
    <message>
        <location filename="../annotator/gui/file_actions.py" line="181"/>
        <source>Merge finished</source>
        <translation>Combinación terminada</translation>
    </message>
    <message>
        <location filename="../annotator/gui/file_actions.py" line="195"/>
        <source>Import finished</source>
        <translation>Importación terminada</translation>
    </message>
    <message>
        <location filename="../annotator/gui/file_actions.py" line="197"/>
        <source>Import: {summary}</source>
        <translation>Importación: {summary}</translation>
    </message>
    <message>
        <location filename="../annotator/gui/file_actions.py" line="205"/>
        <source>Export finished</source>
        <translation>Exportación terminada</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <location filename="../annotator/gui/find_bar.py" line="46"/>
        <source>Find in this document</source>
        <translation>Buscar en este documento</translation>
    </message>
    <message>
        <location filename="../annotator/gui/find_bar.py" line="79"/>
        <source>no match</source>
        <translation>sin coincidencias</translation>
    </message>
    <message>
        <location filename="../annotator/gui/find_bar.py" line="88"/>
        <source>{current} of {total}</source>
        <translation>{current} de {total}</translation>
    </message>
</context>
<context>
    <name>FragmentActions</name>
    <message>
        <location filename="../annotator/gui/fragment_actions.py" line="47"/>
        <source>Click the span first, then select the stretch to add to it and press Shift+Enter.</source>
        <translation>Primero haga clic en el segmento; luego seleccione el texto que quiere añadirle y pulse Shift+Enter.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/fragment_actions.py" line="52"/>
        <source>Select the stretch to add to “{span}”, then press Shift+Enter.</source>
        <translation>Seleccione el texto que quiere añadir a “{span}” y pulse Shift+Enter.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/fragment_actions.py" line="57"/>
        <source>Accept the suggestion (Enter) before adding to it.</source>
        <translation>Acepte la sugerencia (Enter) antes de añadirle texto.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/fragment_actions.py" line="62"/>
        <source>That stretch is already part of the span.</source>
        <translation>Ese texto ya forma parte del segmento.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/fragment_actions.py" line="68"/>
        <source>“{span}”: {count} piece(s).</source>
        <translation>“{span}”: {count} fragmento(s).</translation>
    </message>
    <message>
        <location filename="../annotator/gui/fragment_actions.py" line="77"/>
        <source>read-only: {why} — nothing can be changed here.</source>
        <translation>solo lectura: {why} — aquí no se puede cambiar nada.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/fragment_actions.py" line="82"/>
        <source>Select a span of several pieces first; Delete removes a whole span.</source>
        <translation>Primero seleccione un segmento de varios fragmentos; Delete elimina el segmento entero.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/fragment_actions.py" line="92"/>
        <source>Put the cursor in the piece to take away (or right-click the span).</source>
        <translation>Ponga el cursor en el fragmento que quiere quitar (o haga clic derecho en el segmento).</translation>
    </message>
    <message>
        <location filename="../annotator/gui/fragment_actions.py" line="99"/>
        <source>Not changed: {reason}.</source>
        <translation>No se cambió: {reason}.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/fragment_actions.py" line="104"/>
        <source>Took “{piece}” from the span: now “{span}”.</source>
        <translation>Se quitó “{piece}” del segmento: ahora es “{span}”.</translation>
    </message>
</context>
<context>
    <name>HealthWatch</name>
    <message>
        <location filename="../annotator/gui/health_watch.py" line="59"/>
        <source>This corpus is damaged</source>
        <translation>Este corpus está dañado</translation>
    </message>
    <message>
        <location filename="../annotator/gui/health_watch.py" line="60"/>
        <source>{path}

{problem}

Your latest edits are in the file, but parts of it cannot be read. Restore it from a backup in {backups} (File &gt; Open corpus…), or export what can be read.</source>
        <translation>{path}

{problem}

Sus últimos cambios están en el archivo, pero hay partes que no se pueden leer. Restáurelo desde una copia de seguridad en {backups} (Archivo &gt; Abrir corpus) o exporte lo que se pueda leer.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/health_watch.py" line="66"/>
        <source>Backed up to {path}</source>
        <translation>Copia de seguridad guardada en {path}</translation>
    </message>
</context>
<context>
    <name>History</name>
    <message>
        <location filename="../annotator/session/history.py" line="66"/>
        <source>{count} edit(s) made while the server could not be reached were not saved: the first was “{step}”.</source>
        <translation>{count} cambio(s) hechos mientras el servidor no respondía no se guardaron: el primero fue «{step}».</translation>
    </message>
    <message>
        <location filename="../annotator/session/history.py" line="161"/>
        <source>Nothing was taken back: {count} edit(s) still wait for the server, which cannot be reached.</source>
        <translation>No se deshizo nada: {count} cambio(s) esperan todavía al servidor, que no responde.</translation>
    </message>
    <message>
        <location filename="../annotator/session/history.py" line="164"/>
        <source>Nothing was done again: {count} edit(s) still wait for the server, which cannot be reached.</source>
        <translation>No se rehízo nada: {count} cambio(s) esperan todavía al servidor, que no responde.</translation>
    </message>
    <message>
        <location filename="../annotator/session/history.py" line="234"/>
        <source>Could not take back “{step}”: {error}. That step is dropped from the undo history.</source>
        <translation>No se pudo deshacer “{step}”: {error}. Ese paso se quita del historial de deshacer.</translation>
    </message>
    <message>
        <location filename="../annotator/session/history.py" line="238"/>
        <source>Could not do again “{step}”: {error}. That step is dropped from the undo history.</source>
        <translation>No se pudo rehacer “{step}”: {error}. Ese paso se quita del historial de deshacer.</translation>
    </message>
    <message>
        <location filename="../annotator/session/history.py" line="256"/>
        <source>Could not take back “{step}”: {error}</source>
        <translation>No se pudo deshacer “{step}”: {error}</translation>
    </message>
    <message>
        <location filename="../annotator/session/history.py" line="258"/>
        <source>Could not save “{step}”: {error}</source>
        <translation>No se pudo guardar “{step}”: {error}</translation>
    </message>
</context>
<context>
    <name>LabelActions</name>
    <message>
        <location filename="../annotator/gui/label_actions.py" line="48"/>
        <source>For example: {examples}</source>
        <translation>Por ejemplo: {examples}</translation>
    </message>
    <message>
        <location filename="../annotator/gui/label_actions.py" line="50"/>
        <source>Keys: {keys}</source>
        <translation>Teclas: {keys}</translation>
    </message>
</context>
<context>
    <name>LinkListModel</name>
    <message>
        <location filename="../annotator/gui/link_list.py" line="59"/>
        <source>this span —{label}→ “{other}”</source>
        <translation>este segmento —{label}→ “{other}”</translation>
    </message>
    <message>
        <location filename="../annotator/gui/link_list.py" line="60"/>
        <source>“{other}” —{label}→ this span</source>
        <translation>“{other}” —{label}→ este segmento</translation>
    </message>
    <message>
        <location filename="../annotator/gui/link_list.py" line="61"/>
        <source>{label} · coder {coder}</source>
        <translation>{label} · codificador {coder}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../annotator/gui/main_window.py" line="79"/>
        <source>Labels</source>
        <translation>Etiquetas</translation>
    </message>
    <message>
        <location filename="../annotator/gui/main_window.py" line="219"/>
        <source>{name} (read-only) — annotator</source>
        <translation>{name} (solo lectura) — annotator</translation>
    </message>
    <message>
        <location filename="../annotator/gui/main_window.py" line="220"/>
        <source>{name} — annotator</source>
        <translation>{name} — annotator</translation>
    </message>
    <message>
        <location filename="../annotator/gui/main_window.py" line="300"/>
        <source>Spans ({count} · {suggested} suggested)</source>
        <translation>Segmentos ({count} · {suggested} sugeridos)</translation>
    </message>
    <message>
        <location filename="../annotator/gui/main_window.py" line="363"/>
        <source>Not saved. {message}</source>
        <translation>No se guardó. {message}</translation>
    </message>
    <message>
        <location filename="../annotator/gui/main_window.py" line="371"/>
        <source>Waiting for another program that is writing to the corpus…</source>
        <translation>Esperando a otro programa que está escribiendo en el corpus…</translation>
    </message>
    <message>
        <location filename="../annotator/gui/main_window.py" line="383"/>
        <source>read-only: {why}. You can read, search and export this corpus; nothing in it can be changed here.</source>
        <translation>solo lectura: {why}. Puede leer, buscar y exportar este corpus; aquí no se puede cambiar nada en él.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/main_window.py" line="390"/>
        <source>The work in the background stopped.

{message}</source>
        <translation>El trabajo en segundo plano se detuvo.

{message}</translation>
    </message>
    <message>
        <location filename="../annotator/gui/main_window.py" line="434"/>
        <source>Could not save the settings: {reason}. Work goes on.</source>
        <translation>No se pudieron guardar los ajustes: {reason}. El trabajo continúa.</translation>
    </message>
    <message>
        <source>✓ all saved</source>
        <translation>✓ todo guardado</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Editar</translation>
    </message>
    <message>
        <source>Tag or relabel as</source>
        <translation>Etiquetar o reetiquetar como</translation>
    </message>
    <message>
        <source>&amp;Document</source>
        <translation>&amp;Documento</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>&amp;Link</source>
        <translation>Víncu&amp;los</translation>
    </message>
    <message>
        <source>E&amp;vent</source>
        <translation>Eve&amp;ntos</translation>
    </message>
    <message>
        <source>&amp;Suggest</source>
        <translation>&amp;Sugerencias</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Herramientas</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <source>✗ not saved</source>
        <translation>✗ sin guardar</translation>
    </message>
    <message>
        <location filename="../annotator/gui/main_window.py" line="389"/>
        <source>Stopped</source>
        <translation>Detenido</translation>
    </message>
</context>
<context>
    <name>MapActions</name>
    <message>
        <location filename="../annotator/gui/map_actions.py" line="48"/>
        <source>Map of places</source>
        <translation>Mapa de lugares</translation>
    </message>
    <message>
        <location filename="../annotator/gui/map_actions.py" line="149"/>
        <source>Select an event in the Events list to see its places.</source>
        <translation>Seleccione un evento en la lista de eventos para ver sus lugares.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/map_actions.py" line="156"/>
        <source>None of this event's places has coordinates: give its location spans a latitude and a longitude.</source>
        <translation>Ningún lugar de este evento tiene coordenadas: dé una latitud y una longitud a sus segmentos de lugar.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/map_actions.py" line="189"/>
        <source>The places could not be read: {error}</source>
        <translation>No se pudieron leer los lugares: {error}</translation>
    </message>
    <message>
        <location filename="../annotator/gui/map_actions.py" line="204"/>
        <source>No place in the documents listed has coordinates. The map shows the places of the documents the list shows: widen the search or the filters to see more.</source>
        <translation>Ningún lugar de los documentos listados tiene coordenadas. El mapa muestra los lugares de los documentos que muestra la lista: amplíe la búsqueda o los filtros para ver más.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/map_actions.py" line="208"/>
        <source>No coded place has coordinates yet. Tag a place as a location and give it a latitude and a longitude (a suggestion from the gazetteer fills them in): it appears here.</source>
        <translation>Ningún lugar codificado tiene coordenadas todavía. Etiquete un lugar como lugar y dele una latitud y una longitud (una sugerencia del nomenclátor las rellena): aparecerá aquí.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/map_actions.py" line="228"/>
        <source>The place's document could not be opened: {error}</source>
        <translation>No se pudo abrir el documento de este lugar: {error}</translation>
    </message>
    <message>
        <location filename="../annotator/gui/map_actions.py" line="233"/>
        <source>“{place}” is no longer coded in that document.</source>
        <translation>«{place}» ya no está codificado en ese documento.</translation>
    </message>
</context>
<context>
    <name>MapPane</name>
    <message>
        <location filename="../annotator/gui/map_pane.py" line="38"/>
        <source>This event only</source>
        <translation>Solo este evento</translation>
    </message>
    <message>
        <location filename="../annotator/gui/map_pane.py" line="40"/>
        <source>Show only the places of the event selected in the Events list</source>
        <translation>Mostrar solo los lugares del evento seleccionado en la lista de eventos</translation>
    </message>
    <message>
        <location filename="../annotator/gui/map_pane.py" line="42"/>
        <source>Fit</source>
        <translation>Ajustar</translation>
    </message>
    <message>
        <location filename="../annotator/gui/map_pane.py" line="43"/>
        <source>Show all the places shown (F)</source>
        <translation>Mostrar todos los lugares mostrados (F)</translation>
    </message>
    <message>
        <location filename="../annotator/gui/map_pane.py" line="109"/>
        <source>showing {shown} of {total} places</source>
        <translation>se muestran {shown} de {total} lugares</translation>
    </message>
    <message>
        <location filename="../annotator/gui/map_pane.py" line="112"/>
        <source>{places} places in {documents} documents</source>
        <translation>{places} lugares en {documents} documentos</translation>
    </message>
    <message>
        <location filename="../annotator/gui/map_pane.py" line="117"/>
        <source>{count} with unreadable coordinates left out</source>
        <translation>{count} con coordenadas ilegibles omitidos</translation>
    </message>
    <message>
        <location filename="../annotator/gui/map_pane.py" line="125"/>
        <source>in “{title}”</source>
        <translation>en «{title}»</translation>
    </message>
    <message>
        <location filename="../annotator/gui/map_pane.py" line="127"/>
        <source>event: {types}</source>
        <translation>evento: {types}</translation>
    </message>
    <message>
        <location filename="../annotator/gui/map_pane.py" line="129"/>
        <location filename="../annotator/gui/map_pane.py" line="152"/>
        <source>in no event</source>
        <translation>en ningún evento</translation>
    </message>
    <message>
        <location filename="../annotator/gui/map_pane.py" line="135"/>
        <source>geo precision {precision}</source>
        <translation>precisión geográfica {precision}</translation>
    </message>
    <message>
        <location filename="../annotator/gui/map_pane.py" line="140"/>
        <source>{count} places at this spot</source>
        <translation>{count} lugares en este punto</translation>
    </message>
</context>
<context>
    <name>NoticeBar</name>
    <message>
        <location filename="../annotator/gui/notices.py" line="64"/>
        <source>Close this notice</source>
        <translation>Cerrar este aviso</translation>
    </message>
</context>
<context>
    <name>Origin</name>
    <message>
        <location filename="../annotator/session/messages.py" line="67"/>
        <source>manual</source>
        <translation>manual</translation>
    </message>
    <message>
        <location filename="../annotator/session/messages.py" line="68"/>
        <source>suggested</source>
        <translation>sugerido</translation>
    </message>
    <message>
        <location filename="../annotator/session/messages.py" line="69"/>
        <source>imported</source>
        <translation>importado</translation>
    </message>
    <message>
        <location filename="../annotator/session/messages.py" line="70"/>
        <source>accepted</source>
        <translation>aceptado</translation>
    </message>
</context>
<context>
    <name>ProgressReport</name>
    <message>
        <location filename="../annotator/gui/progress_report.py" line="17"/>
        <source>coder</source>
        <translation>codificador</translation>
    </message>
    <message>
        <location filename="../annotator/gui/progress_report.py" line="17"/>
        <source>taken</source>
        <translation>tomados</translation>
    </message>
    <message>
        <location filename="../annotator/gui/progress_report.py" line="18"/>
        <source>done</source>
        <translation>hechos</translation>
    </message>
    <message>
        <location filename="../annotator/gui/progress_report.py" line="18"/>
        <source>in progress</source>
        <translation>en curso</translation>
    </message>
    <message>
        <location filename="../annotator/gui/progress_report.py" line="19"/>
        <source>skipped</source>
        <translation>omitidos</translation>
    </message>
    <message>
        <location filename="../annotator/gui/progress_report.py" line="23"/>
        <source>Work queue: {taken} of {total} copies taken, {waiting} waiting.</source>
        <translation>Cola de trabajo: {taken} de {total} copias tomadas, {waiting} en espera.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/progress_report.py" line="28"/>
        <source>No one has coded anything yet.</source>
        <translation>Nadie ha codificado nada todavía.</translation>
    </message>
</context>
<context>
    <name>Prompts</name>
    <message>
        <location filename="../annotator/gui/prompts.py" line="37"/>
        <source>annotator corpora (*.sqlite *.db *.annotator);;All files (*)</source>
        <translation>Corpus de annotator (*.sqlite *.db *.annotator);;Todos los archivos (*)</translation>
    </message>
    <message>
        <location filename="../annotator/gui/prompts.py" line="43"/>
        <source>Articles and annotations (*.txt *.jsonl *.ndjson *.json *.csv *.spacy *.conll *.iob *.bio *.tsv *.ann);;All files (*)</source>
        <translation>Artículos y anotaciones (*.txt *.jsonl *.ndjson *.json *.csv *.spacy *.conll *.iob *.bio *.tsv *.ann);;Todos los archivos (*)</translation>
    </message>
    <message>
        <location filename="../annotator/gui/prompts.py" line="54"/>
        <source>Who is coding?</source>
        <translation>¿Quién codifica?</translation>
    </message>
    <message>
        <location filename="../annotator/gui/prompts.py" line="55"/>
        <source>Your name or initials. Every span you make records it.</source>
        <translation>Su nombre o sus iniciales. Quedan registrados en cada segmento que cree.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/prompts.py" line="62"/>
        <location filename="../annotator/gui/prompts.py" line="71"/>
        <source>New corpus</source>
        <translation>Nuevo corpus</translation>
    </message>
    <message>
        <location filename="../annotator/gui/prompts.py" line="68"/>
        <source>annotator's own: actors, casualties, locations</source>
        <translation>el de annotator: actores, víctimas, lugares</translation>
    </message>
    <message>
        <location filename="../annotator/gui/prompts.py" line="72"/>
        <source>Which codebook should the new corpus start with? Its labels, attributes, event types and event codes can be changed later (F4).</source>
        <translation>¿Con qué libro de códigos debe empezar el nuevo corpus? Sus etiquetas, atributos, tipos de evento y códigos de evento se pueden cambiar después (F4).</translation>
    </message>
    <message>
        <location filename="../annotator/gui/prompts.py" line="80"/>
        <source>Open corpus</source>
        <translation>Abrir corpus</translation>
    </message>
    <message>
        <location filename="../annotator/gui/prompts.py" line="93"/>
        <source>Import articles</source>
        <translation>Importar artículos</translation>
    </message>
    <message>
        <location filename="../annotator/gui/prompts.py" line="160"/>
        <source>Merge coders' corpora</source>
        <translation>Combinar corpus de codificadores</translation>
    </message>
    <message>
        <location filename="../annotator/gui/prompts.py" line="177"/>
        <source>Import a folder of articles</source>
        <translation>Importar una carpeta de artículos</translation>
    </message>
</context>
<context>
    <name>RelationActions</name>
    <message>
        <location filename="../annotator/gui/relation_actions.py" line="47"/>
        <source>Links</source>
        <translation>Vínculos</translation>
    </message>
    <message>
        <location filename="../annotator/gui/relation_actions.py" line="92"/>
        <source>Link as “{name}”…</source>
        <translation>Vincular como “{name}”…</translation>
    </message>
    <message>
        <location filename="../annotator/gui/relation_actions.py" line="127"/>
        <source>(a span not shown)</source>
        <translation>(un segmento no mostrado)</translation>
    </message>
    <message>
        <location filename="../annotator/gui/relation_actions.py" line="135"/>
        <source>Links ({count}) · {total} in this document</source>
        <translation>Vínculos ({count}) · {total} en este documento</translation>
    </message>
    <message>
        <location filename="../annotator/gui/relation_actions.py" line="137"/>
        <source>Links · {total} in this document</source>
        <translation>Vínculos · {total} en este documento</translation>
    </message>
    <message>
        <location filename="../annotator/gui/relation_actions.py" line="159"/>
        <source>No spans in this document.</source>
        <translation>No hay segmentos en este documento.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/relation_actions.py" line="177"/>
        <source>Select the span a link starts from first (click it, or Alt+Down to it).</source>
        <translation>Primero seleccione el segmento del que parte el vínculo (haga clic en él o llegue con Alt+Down).</translation>
    </message>
    <message>
        <location filename="../annotator/gui/relation_actions.py" line="181"/>
        <source>Accept the suggestion (Enter) before linking it.</source>
        <translation>Acepte la sugerencia (Enter) antes de vincularla.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/relation_actions.py" line="189"/>
        <source>“{type}” link from “{span}”: click the other span, or Alt+Down/Alt+Up to it and Enter. Esc stops.</source>
        <translation>Vínculo “{type}” desde “{span}”: haga clic en el otro segmento, o llegue a él con Alt+Down/Alt+Up y pulse Enter. Esc cancela.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/relation_actions.py" line="192"/>
        <source>Link from “{span}”: click the other span, or Alt+Down/Alt+Up to it and Enter. Esc stops.</source>
        <translation>Vínculo desde “{span}”: haga clic en el otro segmento, o llegue a él con Alt+Down/Alt+Up y pulse Enter. Esc cancela.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/relation_actions.py" line="226"/>
        <source>Linking stopped: nothing was linked.</source>
        <translation>Vinculación cancelada: no se vinculó nada.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/relation_actions.py" line="242"/>
        <source>The span the link started from is gone: nothing was linked.</source>
        <translation>El segmento del que partía el vínculo ya no existe: no se vinculó nada.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/relation_actions.py" line="246"/>
        <source>Move to another span first (Alt+Down/Alt+Up), or click it; Esc stops.</source>
        <translation>Primero vaya a otro segmento (Alt+Down/Alt+Up) o haga clic en él; Esc cancela.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/relation_actions.py" line="260"/>
        <source>Not linked: the codebook has no relation from {head} to {tail} ({reasons}).</source>
        <translation>No se vinculó: el libro de códigos no tiene ningún vínculo de {head} a {tail} ({reasons}).</translation>
    </message>
    <message>
        <location filename="../annotator/gui/relation_actions.py" line="273"/>
        <source>Nothing linked or changed.</source>
        <translation>No se vinculó ni cambió nada.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/relation_actions.py" line="281"/>
        <source>Not linked: {reason}.</source>
        <translation>No se vinculó: {reason}.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/relation_actions.py" line="285"/>
        <source>Already linked as “{name}”.</source>
        <translation>Ya está vinculado como “{name}”.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/relation_actions.py" line="292"/>
        <source>Linked “{head}” —{type}→ “{tail}”.</source>
        <translation>Vinculado: “{head}” —{type}→ “{tail}”.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/relation_actions.py" line="301"/>
        <source>read-only: {why} — links cannot be changed in this corpus.</source>
        <translation>solo lectura: {why} — en este corpus no se pueden cambiar los vínculos.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/relation_actions.py" line="310"/>
        <location filename="../annotator/gui/relation_actions.py" line="324"/>
        <source>Select a link in the Links list first (Ctrl+K).</source>
        <translation>Primero seleccione un vínculo en la lista Vínculos (Ctrl+K).</translation>
    </message>
    <message>
        <location filename="../annotator/gui/relation_actions.py" line="336"/>
        <source>Not changed: {reason}.</source>
        <translation>No se cambió: {reason}.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/relation_actions.py" line="340"/>
        <source>Change “{type}” to</source>
        <translation>Cambiar “{type}” por</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <location filename="../annotator/gui/report_dialog.py" line="30"/>
        <source>Agreement</source>
        <translation>Concordancia</translation>
    </message>
    <message>
        <location filename="../annotator/gui/report_dialog.py" line="37"/>
        <source>Save as HTML…</source>
        <translation>Guardar como HTML…</translation>
    </message>
    <message>
        <location filename="../annotator/gui/report_dialog.py" line="54"/>
        <source>Save report</source>
        <translation>Guardar el informe</translation>
    </message>
    <message>
        <location filename="../annotator/gui/report_dialog.py" line="55"/>
        <source>Web page (*.html)</source>
        <translation>Página web (*.html)</translation>
    </message>
    <message>
        <location filename="../annotator/gui/report_dialog.py" line="62"/>
        <location filename="../annotator/gui/report_dialog.py" line="67"/>
        <source>Report not saved</source>
        <translation>No se guardó el informe</translation>
    </message>
    <message>
        <location filename="../annotator/gui/report_dialog.py" line="65"/>
        <source>the disk is full</source>
        <translation>el disco está lleno</translation>
    </message>
    <message>
        <location filename="../annotator/gui/report_dialog.py" line="68"/>
        <source>{path}: {reason}; nothing was written</source>
        <translation>{path}: {reason}; no se escribió nada</translation>
    </message>
</context>
<context>
    <name>SchemaEditor</name>
    <message>
        <location filename="../annotator/gui/schema_editor.py" line="125"/>
        <source>Key</source>
        <translation>Tecla</translation>
    </message>
    <message>
        <location filename="../annotator/gui/schema_editor.py" line="62"/>
        <source>Label schema</source>
        <translation>Esquema de etiquetas</translation>
    </message>
    <message>
        <location filename="../annotator/gui/schema_editor.py" line="36"/>
        <source>choice</source>
        <translation>opción</translation>
    </message>
    <message>
        <location filename="../annotator/gui/schema_editor.py" line="37"/>
        <source>choices</source>
        <translation>varias opciones</translation>
    </message>
    <message>
        <location filename="../annotator/gui/schema_editor.py" line="38"/>
        <source>integer</source>
        <translation>entero</translation>
    </message>
    <message>
        <location filename="../annotator/gui/schema_editor.py" line="39"/>
        <source>number</source>
        <translation>número</translation>
    </message>
    <message>
        <location filename="../annotator/gui/schema_editor.py" line="40"/>
        <source>text</source>
        <translation>texto</translation>
    </message>
    <message>
        <location filename="../annotator/gui/schema_editor.py" line="41"/>
        <source>boolean</source>
        <translation>sí/no</translation>
    </message>
    <message>
        <location filename="../annotator/gui/schema_editor.py" line="79"/>
        <source>Attribute</source>
        <translation>Atributo</translation>
    </message>
    <message>
        <location filename="../annotator/gui/schema_editor.py" line="79"/>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <location filename="../annotator/gui/schema_editor.py" line="79"/>
        <source>Values (comma-separated)</source>
        <translation>Valores (separados por comas)</translation>
    </message>
    <message>
        <location filename="../annotator/gui/schema_editor.py" line="80"/>
        <source>Required</source>
        <translation>Obligatorio</translation>
    </message>
    <message>
        <location filename="../annotator/gui/schema_editor.py" line="102"/>
        <source>Add</source>
        <translation>Añadir</translation>
    </message>
    <message>
        <location filename="../annotator/gui/schema_editor.py" line="102"/>
        <source>Remove</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <location filename="../annotator/gui/schema_editor.py" line="103"/>
        <source>Up</source>
        <translation>Subir</translation>
    </message>
    <message>
        <location filename="../annotator/gui/schema_editor.py" line="104"/>
        <source>Down</source>
        <translation>Bajar</translation>
    </message>
    <message>
        <location filename="../annotator/gui/schema_editor.py" line="114"/>
        <source>Add attribute</source>
        <translation>Añadir atributo</translation>
    </message>
    <message>
        <location filename="../annotator/gui/schema_editor.py" line="115"/>
        <source>Remove attribute</source>
        <translation>Eliminar atributo</translation>
    </message>
    <message>
        <location filename="../annotator/gui/schema_editor.py" line="123"/>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location filename="../annotator/gui/schema_editor.py" line="124"/>
        <source>Colour</source>
        <translation>Color</translation>
    </message>
    <message>
        <location filename="../annotator/gui/schema_editor.py" line="126"/>
        <source>Description</source>
        <translation>Descripción</translation>
    </message>
    <message>
        <location filename="../annotator/gui/schema_editor.py" line="138"/>
        <source>Event types</source>
        <translation>Tipos de evento</translation>
    </message>
    <message>
        <location filename="../annotator/gui/schema_editor.py" line="139"/>
        <source>Event roles</source>
        <translation>Roles de evento</translation>
    </message>
    <message>
        <location filename="../annotator/gui/schema_editor.py" line="180"/>
        <source>Label colour</source>
        <translation>Color de la etiqueta</translation>
    </message>
    <message>
        <location filename="../annotator/gui/schema_editor.py" line="187"/>
        <source>new label</source>
        <translation>nueva etiqueta</translation>
    </message>
    <message>
        <location filename="../annotator/gui/schema_editor.py" line="188"/>
        <source>new label {number}</source>
        <translation>nueva etiqueta {number}</translation>
    </message>
    <message>
        <location filename="../annotator/gui/schema_editor.py" line="227"/>
        <source>attribute{number}</source>
        <translation>atributo{number}</translation>
    </message>
    <message>
        <location filename="../annotator/gui/schema_editor.py" line="309"/>
        <source>Removing {removed} also removes the relation types {types} (it links only labels being removed). Press OK again to go ahead.</source>
        <translation>Al eliminar {removed} también se eliminan los tipos de vínculo {types} (solo vinculan etiquetas que se eliminan). Pulse Aceptar de nuevo para continuar.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/schema_editor.py" line="312"/>
        <source>Removing {removed} also removes the relation type {types} (it links only labels being removed). Press OK again to go ahead.</source>
        <translation>Al eliminar {removed} también se elimina el tipo de vínculo {types} (solo vincula etiquetas que se eliminan). Pulse Aceptar de nuevo para continuar.</translation>
    </message>
</context>
<context>
    <name>SearchField</name>
    <message>
        <location filename="../annotator/gui/search_box.py" line="30"/>
        <source>Search corpus (Ctrl+Shift+F)</source>
        <translation>Buscar en el corpus (Ctrl+Shift+F)</translation>
    </message>
    <message>
        <location filename="../annotator/gui/search_box.py" line="32"/>
        <source>Words, "a phrase", OR, NOT, NEAR(a b), prefix*
Enter searches at once; Esc stops a search or clears it</source>
        <translation>Palabras, "una frase", OR, NOT, NEAR(a b), prefijo*
Enter busca al instante; Esc detiene la búsqueda o la borra</translation>
    </message>
</context>
<context>
    <name>SearchRunner</name>
    <message>
        <location filename="../annotator/gui/search_runner.py" line="77"/>
        <source>Search could not read the corpus: {error}</source>
        <translation>La búsqueda no pudo leer el corpus: {error}</translation>
    </message>
    <message>
        <location filename="../annotator/gui/search_runner.py" line="111"/>
        <source>Search not understood ({error}). Plain words always work; use quotes in pairs, and AND, OR, NOT between words.</source>
        <translation>No se entendió la búsqueda ({error}). Las palabras sueltas siempre funcionan; use las comillas por pares, y AND, OR, NOT entre palabras.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/search_runner.py" line="114"/>
        <source>Search failed: {error}</source>
        <translation>La búsqueda falló: {error}</translation>
    </message>
</context>
<context>
    <name>SearchStatus</name>
    <message>
        <location filename="../annotator/gui/search_box.py" line="87"/>
        <source>Stop</source>
        <translation>Detener</translation>
    </message>
    <message>
        <location filename="../annotator/gui/search_box.py" line="88"/>
        <source>Stop this search (Esc)</source>
        <translation>Detener esta búsqueda (Esc)</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <location filename="../annotator/session/session.py" line="156"/>
        <source>Changes made elsewhere could not be read: {error}</source>
        <translation>No se pudieron leer los cambios hechos en otro lugar: {error}</translation>
    </message>
    <message>
        <location filename="../annotator/session/session.py" line="160"/>
        <source>Updated with changes made elsewhere.</source>
        <translation>Actualizado con cambios hechos en otro lugar.</translation>
    </message>
    <message>
        <location filename="../annotator/session/session.py" line="211"/>
        <source>No more documents that way.</source>
        <translation>No hay más documentos en esa dirección.</translation>
    </message>
    <message>
        <location filename="../annotator/session/session.py" line="222"/>
        <source>Your queue is empty: nothing more is queued for you.</source>
        <translation>Su cola está vacía: no hay nada más en espera para usted.</translation>
    </message>
    <message>
        <location filename="../annotator/session/session.py" line="237"/>
        <source>Every document is done. Well coded!</source>
        <translation>Todos los documentos están terminados. ¡Buen trabajo!</translation>
    </message>
    <message>
        <location filename="../annotator/session/session.py" line="297"/>
        <source>read-only: {why} — nothing can be tagged or changed in this corpus.</source>
        <translation>solo lectura: {why} — en este corpus no se puede etiquetar ni cambiar nada.</translation>
    </message>
    <message>
        <location filename="../annotator/session/session.py" line="313"/>
        <source>Select some text first, then press a label key.</source>
        <translation>Primero seleccione un texto y luego pulse la tecla de una etiqueta.</translation>
    </message>
    <message>
        <location filename="../annotator/session/session.py" line="331"/>
        <source>Already tagged.</source>
        <translation>Ya está etiquetado.</translation>
    </message>
    <message>
        <location filename="../annotator/session/session.py" line="383"/>
        <source>Not done yet: {count} span(s) lack required attributes (“{text}” needs {missing}).</source>
        <translation>Aún sin terminar: {count} segmento(s) sin atributos obligatorios (“{text}” necesita {missing}).</translation>
    </message>
    <message>
        <location filename="../annotator/session/session.py" line="413"/>
        <source>Not saved: {message}</source>
        <translation>No se guardó: {message}</translation>
    </message>
    <message>
        <location filename="../annotator/session/session.py" line="422"/>
        <source>Not saved yet: the server cannot be reached. {count} edit(s) wait and are saved, in order, as soon as it answers.</source>
        <translation>Aún sin guardar: el servidor no responde. {count} cambio(s) esperan y se guardarán, en orden, en cuanto responda.</translation>
    </message>
    <message>
        <location filename="../annotator/session/session.py" line="426"/>
        <source>The server answers again: every edit that waited is saved.</source>
        <translation>El servidor responde de nuevo: todos los cambios en espera están guardados.</translation>
    </message>
</context>
<context>
    <name>ShortcutEditor</name>
    <message>
        <location filename="../annotator/gui/shortcuts.py" line="93"/>
        <source>Keyboard shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
    <message>
        <location filename="../annotator/gui/shortcuts.py" line="96"/>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <location filename="../annotator/gui/shortcuts.py" line="96"/>
        <source>Key</source>
        <translation>Tecla</translation>
    </message>
    <message>
        <location filename="../annotator/gui/shortcuts.py" line="122"/>
        <source>{key} is given to both “{first}” and “{second}”</source>
        <translation>{key} está asignada a “{first}” y a “{second}”</translation>
    </message>
</context>
<context>
    <name>ShortcutSheet</name>
    <message>
        <location filename="../annotator/gui/shortcuts.py" line="77"/>
        <source>Keyboard shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <location filename="../annotator/gui/shortcuts.py" line="44"/>
        <source>From the codebook</source>
        <translation>Del libro de códigos</translation>
    </message>
    <message>
        <location filename="../annotator/gui/shortcuts.py" line="46"/>
        <source>In the article</source>
        <translation>En el artículo</translation>
    </message>
    <message>
        <location filename="../annotator/gui/shortcuts.py" line="52"/>
        <source>Change them in {menu} &gt; {entry}.</source>
        <translation>Cámbielas en {menu} &gt; {entry}.</translation>
    </message>
</context>
<context>
    <name>SpanList</name>
    <message>
        <location filename="../annotator/gui/span_list.py" line="144"/>
        <source>suggested by {source}, {percent}% sure</source>
        <translation>sugerido por {source}, seguro al {percent} %</translation>
    </message>
    <message>
        <location filename="../annotator/gui/span_list.py" line="146"/>
        <source>suggested by {source}</source>
        <translation>sugerido por {source}</translation>
    </message>
</context>
<context>
    <name>SpanMenu</name>
    <message>
        <location filename="../annotator/gui/span_menu.py" line="33"/>
        <source>Take “{words}” out of the span</source>
        <translation>Quitar “{words}” del segmento</translation>
    </message>
</context>
<context>
    <name>SpanPane</name>
    <message>
        <location filename="../annotator/gui/span_pane.py" line="51"/>
        <source>Spans</source>
        <translation>Segmentos</translation>
    </message>
    <message>
        <location filename="../annotator/gui/span_pane.py" line="85"/>
        <source>Events</source>
        <translation>Eventos</translation>
    </message>
    <message>
        <location filename="../annotator/gui/span_pane.py" line="91"/>
        <source>Selected span</source>
        <translation>Segmento seleccionado</translation>
    </message>
    <message>
        <location filename="../annotator/gui/span_pane.py" line="110"/>
        <source>Spans ({count})</source>
        <translation>Segmentos ({count})</translation>
    </message>
    <message>
        <location filename="../annotator/gui/span_pane.py" line="123"/>
        <source>Suggestions decided so far in this corpus, by every coder:</source>
        <translation>Sugerencias decididas hasta ahora en este corpus, por todos los codificadores:</translation>
    </message>
    <message>
        <location filename="../annotator/gui/span_pane.py" line="124"/>
        <source>{source}: {accepted} accepted, {rejected} rejected, {pending} pending</source>
        <translation>{source}: {accepted} aceptadas, {rejected} rechazadas, {pending} pendientes</translation>
    </message>
    <message>
        <location filename="../annotator/gui/span_pane.py" line="136"/>
        <source>{source} {percent}% of {decided}</source>
        <translation>{source} {percent} % de {decided}</translation>
    </message>
    <message>
        <location filename="../annotator/gui/span_pane.py" line="143"/>
        <source>Accepted: {sources}</source>
        <translation>Aceptadas: {sources}</translation>
    </message>
    <message>
        <location filename="../annotator/gui/span_pane.py" line="159"/>
        <source>Click a span, or select text and press a label key (a selection snaps to whole words; Alt as you let go of the mouse keeps it exact). Ctrl+click several spans, then Ctrl+G to make an event.</source>
        <translation>Haga clic en un segmento, o seleccione texto y pulse la tecla de una etiqueta (la selección se ajusta a palabras completas; Alt al terminar de arrastrar la deja exacta). Ctrl+clic en varios segmentos y luego Ctrl+G para crear un evento.</translation>
    </message>
    <message numerus="yes">
        <location filename="../annotator/gui/span_pane.py" line="176"/>
        <source> in %n pieces</source>
        <translation>
            <numerusform> en %n fragmento</numerusform>
            <numerusform> en %n fragmentos</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../annotator/gui/span_pane.py" line="183"/>
        <source>characters {start}–{end}{pieces} · {coder} · {origin}{links}</source>
        <translation>caracteres {start}–{end}{pieces} · {coder} · {origin}{links}</translation>
    </message>
    <message>
        <location filename="../annotator/gui/span_pane.py" line="275"/>
        <source> e.g. {examples}</source>
        <translation> p. ej., {examples}</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <location filename="../annotator/session/messages.py" line="61"/>
        <source>todo</source>
        <translation>pendiente</translation>
    </message>
    <message>
        <location filename="../annotator/session/messages.py" line="62"/>
        <source>in progress</source>
        <translation>en curso</translation>
    </message>
    <message>
        <location filename="../annotator/session/messages.py" line="63"/>
        <source>done</source>
        <translation>terminado</translation>
    </message>
    <message>
        <location filename="../annotator/session/messages.py" line="64"/>
        <source>skipped</source>
        <translation>omitido</translation>
    </message>
</context>
<context>
    <name>StatusLine</name>
    <message>
        <location filename="../annotator/gui/status_line.py" line="25"/>
        <location filename="../annotator/gui/status_line.py" line="68"/>
        <source>✓ all saved</source>
        <translation>✓ todo guardado</translation>
    </message>
    <message>
        <location filename="../annotator/gui/status_line.py" line="33"/>
        <source>coder: {coder}</source>
        <translation>codificador: {coder}</translation>
    </message>
    <message>
        <location filename="../annotator/gui/status_line.py" line="36"/>
        <source>done {done} / {total}</source>
        <translation>terminados {done} / {total}</translation>
    </message>
    <message>
        <location filename="../annotator/gui/status_line.py" line="44"/>
        <source>no date</source>
        <translation>sin fecha</translation>
    </message>
    <message>
        <location filename="../annotator/gui/status_line.py" line="50"/>
        <source>✓ saved {time}</source>
        <translation>✓ guardado {time}</translation>
    </message>
    <message>
        <location filename="../annotator/gui/status_line.py" line="55"/>
        <source>✗ not saved</source>
        <translation>✗ sin guardar</translation>
    </message>
    <message>
        <location filename="../annotator/gui/status_line.py" line="60"/>
        <source>✗ {count} waiting for the server</source>
        <translation>✗ {count} esperando al servidor</translation>
    </message>
    <message>
        <location filename="../annotator/gui/status_line.py" line="67"/>
        <source>read-only: {why}</source>
        <translation>solo lectura: {why}</translation>
    </message>
    <message>
        <location filename="../annotator/gui/status_line.py" line="41"/>
        <source>This corpus is empty: File &gt; Import files…</source>
        <translation>Este corpus está vacío: Archivo &gt; Importar archivos.</translation>
    </message>
</context>
<context>
    <name>Steps</name>
    <message>
        <location filename="../annotator/session/steps.py" line="43"/>
        <source>tag {text} as {label}</source>
        <translation>etiquetar {text} como {label}</translation>
    </message>
    <message>
        <location filename="../annotator/session/steps.py" line="46"/>
        <source>remove {label} {text}</source>
        <translation>eliminar {label} {text}</translation>
    </message>
    <message>
        <location filename="../annotator/session/steps.py" line="50"/>
        <source>relabel {text} as {label}</source>
        <translation>reetiquetar {text} como {label}</translation>
    </message>
    <message>
        <location filename="../annotator/session/steps.py" line="52"/>
        <source>change {label} {text}</source>
        <translation>cambiar {label} {text}</translation>
    </message>
    <message>
        <location filename="../annotator/session/steps.py" line="55"/>
        <source>mark {status}</source>
        <translation>marcar como {status}</translation>
    </message>
    <message>
        <location filename="../annotator/session/steps.py" line="58"/>
        <source>add {type} event</source>
        <translation>añadir evento {type}</translation>
    </message>
    <message>
        <location filename="../annotator/session/steps.py" line="60"/>
        <source>remove {type} event</source>
        <translation>eliminar evento {type}</translation>
    </message>
    <message>
        <location filename="../annotator/session/steps.py" line="63"/>
        <source>change {type} event</source>
        <translation>cambiar evento {type}</translation>
    </message>
    <message>
        <location filename="../annotator/session/steps.py" line="66"/>
        <source>change document details</source>
        <translation>cambiar los detalles del documento</translation>
    </message>
    <message>
        <location filename="../annotator/session/steps.py" line="68"/>
        <source>reject suggestion {text}</source>
        <translation>rechazar la sugerencia {text}</translation>
    </message>
    <message>
        <location filename="../annotator/session/steps.py" line="71"/>
        <source>restore suggestion {text}</source>
        <translation>restaurar la sugerencia {text}</translation>
    </message>
    <message>
        <location filename="../annotator/session/steps.py" line="74"/>
        <source>link {type}</source>
        <translation>añadir vínculo {type}</translation>
    </message>
    <message>
        <location filename="../annotator/session/steps.py" line="77"/>
        <source>remove link {type}</source>
        <translation>eliminar vínculo {type}</translation>
    </message>
    <message>
        <location filename="../annotator/session/steps.py" line="80"/>
        <source>change link {type}</source>
        <translation>cambiar vínculo {type}</translation>
    </message>
    <message>
        <location filename="../annotator/session/steps.py" line="83"/>
        <source>set document {name}</source>
        <translation>definir {name} del documento</translation>
    </message>
    <message>
        <location filename="../annotator/session/steps.py" line="109"/>
        <source>accept {text}</source>
        <translation>aceptar {text}</translation>
    </message>
    <message>
        <location filename="../annotator/session/steps.py" line="112"/>
        <source>accept {count} suggestions</source>
        <translation>aceptar {count} sugerencias</translation>
    </message>
</context>
<context>
    <name>SuggestionActions</name>
    <message>
        <location filename="../annotator/gui/suggestion_actions.py" line="63"/>
        <source>suggest spans</source>
        <translation>sugerir segmentos</translation>
    </message>
    <message>
        <location filename="../annotator/gui/suggestion_actions.py" line="64"/>
        <source>No new suggestions for this document.</source>
        <translation>No hay sugerencias nuevas para este documento.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/suggestion_actions.py" line="77"/>
        <source>spaCy model {name} is not installed; suggesting without it.</source>
        <translation>El modelo de spaCy {name} no está instalado; se sugiere sin él.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/suggestion_actions.py" line="86"/>
        <location filename="../annotator/gui/suggestion_actions.py" line="97"/>
        <source>spaCy model</source>
        <translation>Modelo de spaCy</translation>
    </message>
    <message>
        <location filename="../annotator/gui/suggestion_actions.py" line="87"/>
        <source>An installed spaCy NER model to suggest with, e.g. en_core_web_sm (empty: none). annotator never downloads models.</source>
        <translation>Un modelo NER de spaCy instalado con el que sugerir, p. ej., en_core_web_sm (vacío: ninguno). annotator nunca descarga modelos.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/suggestion_actions.py" line="98"/>
        <source>{name} is not installed here. Install it with: python -m spacy download {name}</source>
        <translation>{name} no está instalado aquí. Instálelo con: python -m spacy download {name}</translation>
    </message>
    <message>
        <location filename="../annotator/gui/suggestion_actions.py" line="111"/>
        <source>tag all {text}</source>
        <translation>etiquetar cada {text}</translation>
    </message>
    <message>
        <location filename="../annotator/gui/suggestion_actions.py" line="113"/>
        <source>No other {text} here.</source>
        <translation>No hay otro {text} aquí.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/suggestion_actions.py" line="128"/>
        <source>Tagging all occurrences was cancelled.</source>
        <translation>Se canceló el etiquetado de todas las apariciones.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/suggestion_actions.py" line="132"/>
        <source>tag all {text} in the corpus</source>
        <translation>etiquetar cada {text} del corpus</translation>
    </message>
    <message>
        <location filename="../annotator/gui/suggestion_actions.py" line="134"/>
        <source>No other {text} in the corpus.</source>
        <translation>No hay otro {text} en el corpus.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/suggestion_actions.py" line="139"/>
        <source>Finding {text} in the corpus…</source>
        <translation>Buscando {text} en el corpus…</translation>
    </message>
    <message>
        <location filename="../annotator/gui/suggestion_actions.py" line="145"/>
        <source>Select a tagged span first.</source>
        <translation>Primero seleccione un segmento etiquetado.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/suggestion_actions.py" line="156"/>
        <source>{count} suggestions: Tab moves, Enter accepts, Backspace rejects.</source>
        <translation>{count} sugerencias: Tab avanza, Enter acepta, Backspace rechaza.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/suggestion_actions.py" line="184"/>
        <source>No suggestions in this document.</source>
        <translation>No hay sugerencias en este documento.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/suggestion_actions.py" line="230"/>
        <source>reject {count} suggestions</source>
        <translation>rechazar {count} sugerencias</translation>
    </message>
</context>
<context>
    <name>ToolActions</name>
    <message>
        <location filename="../annotator/gui/tool_actions.py" line="127"/>
        <source>About annotator</source>
        <translation>Acerca de annotator</translation>
    </message>
    <message>
        <location filename="../annotator/gui/tool_actions.py" line="47"/>
        <source>Agreement</source>
        <translation>Concordancia</translation>
    </message>
    <message>
        <location filename="../annotator/gui/tool_actions.py" line="48"/>
        <source>Fewer than two coders have coded this corpus.</source>
        <translation>Menos de dos codificadores han codificado este corpus.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/tool_actions.py" line="60"/>
        <source>Team progress</source>
        <translation>Avance del equipo</translation>
    </message>
    <message>
        <location filename="../annotator/gui/tool_actions.py" line="73"/>
        <source>Adjudicate</source>
        <translation>Arbitrar</translation>
    </message>
    <message>
        <location filename="../annotator/gui/tool_actions.py" line="74"/>
        <source>This document has spans from fewer than two coders.</source>
        <translation>Este documento tiene segmentos de menos de dos codificadores.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/tool_actions.py" line="84"/>
        <source>gold for {start}–{end}</source>
        <translation>referencia para {start}–{end}</translation>
    </message>
    <message>
        <location filename="../annotator/gui/tool_actions.py" line="100"/>
        <source>Shortcuts saved.</source>
        <translation>Atajos guardados.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/tool_actions.py" line="111"/>
        <location filename="../annotator/gui/tool_actions.py" line="119"/>
        <source>Codebook not saved</source>
        <translation>No se guardó el libro de códigos</translation>
    </message>
    <message>
        <location filename="../annotator/gui/tool_actions.py" line="112"/>
        <source>read-only: {why} — the codebook kept in this corpus cannot be changed.</source>
        <translation>solo lectura: {why} — no se puede cambiar el libro de códigos guardado en este corpus.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/tool_actions.py" line="122"/>
        <source>Codebook saved in the corpus.</source>
        <translation>Libro de códigos guardado en el corpus.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/tool_actions.py" line="128"/>
        <source>annotator {version}
MIT licence

Corpus: {path}</source>
        <translation>annotator {version}
Licencia MIT

Corpus: {path}</translation>
    </message>
</context>
<context>
    <name>TypePopup</name>
    <message>
        <location filename="../annotator/gui/type_popup.py" line="55"/>
        <source>type to narrow · Enter links · Esc cancels</source>
        <translation>escriba para filtrar · Enter vincula · Esc cancela</translation>
    </message>
    <message>
        <location filename="../annotator/gui/type_popup.py" line="56"/>
        <source>a relation type · Enter links</source>
        <translation>un tipo de vínculo · Enter vincula</translation>
    </message>
    <message>
        <location filename="../annotator/gui/type_popup.py" line="62"/>
        <source>{name}  (not for these spans)</source>
        <translation>{name}  (no para estos segmentos)</translation>
    </message>
    <message>
        <location filename="../annotator/gui/type_popup.py" line="119"/>
        <source>Enter: a new type “{name}”</source>
        <translation>Enter: un tipo nuevo “{name}”</translation>
    </message>
    <message>
        <location filename="../annotator/gui/type_popup.py" line="121"/>
        <source>No type here fits what is typed.</source>
        <translation>Ningún tipo coincide con lo escrito.</translation>
    </message>
</context>
</TS>
