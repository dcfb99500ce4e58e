<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name/>
    <message>
        <location filename="../annotator/gui/model_training.py" line="99"/>
        <source>The corpus model is being trained already.</source>
        <translation>Le modèle du corpus est déjà en cours d'entraînement.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/model_training.py" line="122"/>
        <source>Training the corpus model: reading the coded documents…</source>
        <translation>Entraînement du modèle du corpus : lecture des documents codés…</translation>
    </message>
    <message>
        <location filename="../annotator/gui/model_training.py" line="149"/>
        <source>Training the corpus model: pass {done} of {total}…</source>
        <translation>Entraînement du modèle du corpus : passe {done} sur {total}…</translation>
    </message>
    <message>
        <location filename="../annotator/gui/model_training.py" line="152"/>
        <source>The corpus model is reading uncoded documents: {done} of {total}…</source>
        <translation>Le modèle du corpus lit les documents non codés : {done} sur {total}…</translation>
    </message>
    <message>
        <location filename="../annotator/gui/model_training.py" line="171"/>
        <source>The corpus model is trained on {count} documents: F1 {f1:.2f} on {held} held out (Suggest ▸ Corpus model…).</source>
        <translation>Le modèle du corpus est entraîné sur {count} documents : F1 {f1:.2f} sur {held} mis de côté (Suggestions ▸ Modèle du corpus…).</translation>
    </message>
    <message>
        <location filename="../annotator/gui/model_training.py" line="178"/>
        <source>The corpus model was not trained: {why} The model in use is kept.</source>
        <translation>Le modèle du corpus n'a pas été entraîné : {why} Le modèle en service est conservé.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/model_training.py" line="180"/>
        <source>the training stopped.</source>
        <translation>l'entraînement s'est arrêté.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/model_training.py" line="186"/>
        <source>The corpus model could not be trained: its process did not start.</source>
        <translation>Le modèle du corpus n'a pas pu être entraîné : son processus n'a pas démarré.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/model_training.py" line="223"/>
        <location filename="../annotator/gui/model_training.py" line="233"/>
        <source>Train the corpus model</source>
        <translation>Entraîner le modèle du corpus</translation>
    </message>
    <message>
        <location filename="../annotator/gui/model_training.py" line="224"/>
        <source>Train the corpus model again after how many more documents are marked done? (0: only when asked)</source>
        <translation>Réentraîner le modèle du corpus après combien de documents de plus marqués terminés ? (0 : seulement sur demande)</translation>
    </message>
    <message>
        <location filename="../annotator/gui/model_training.py" line="234"/>
        <source>{answer} is not a number of documents from 0 to 100000.</source>
        <translation>{answer} n'est pas un nombre de documents entre 0 et 100000.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/model_training.py" line="243"/>
        <location filename="../annotator/gui/model_training.py" line="253"/>
        <source>Model suggestions</source>
        <translation>Suggestions du modèle</translation>
    </message>
    <message>
        <location filename="../annotator/gui/model_training.py" line="244"/>
        <source>Show a model's suggestions only when it is at least this sure (0 to 1):</source>
        <translation>Montrer les suggestions d'un modèle seulement s'il en est au moins aussi sûr (0 à 1) :</translation>
    </message>
    <message>
        <location filename="../annotator/gui/model_training.py" line="254"/>
        <source>{answer} is not a number from 0 to 1.</source>
        <translation>{answer} n'est pas un nombre entre 0 et 1.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/model_training.py" line="271"/>
        <source>Corpus model</source>
        <translation>Modèle du corpus</translation>
    </message>
    <message>
        <location filename="../annotator/gui/model_training.py" line="274"/>
        <source>This corpus has no model yet. It is trained after {count} documents are marked done, or with Suggest ▸ Train the corpus model now.</source>
        <translation>Ce corpus n'a pas encore de modèle. Il est entraîné une fois {count} documents marqués terminés, ou avec Suggestions ▸ Entraîner le modèle du corpus maintenant.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/model_training.py" line="278"/>
        <source>A span categorizer</source>
        <translation>Un catégoriseur d'empans</translation>
    </message>
    <message>
        <location filename="../annotator/gui/model_training.py" line="279"/>
        <source>An entity recogniser</source>
        <translation>Un reconnaisseur d'entités</translation>
    </message>
    <message>
        <location filename="../annotator/gui/model_training.py" line="280"/>
        <source>{kind} trained on {trained} coded documents, measured on {held} held out:</source>
        <translation>{kind} entraîné sur {trained} documents codés, mesuré sur {held} mis de côté :</translation>
    </message>
    <message>
        <location filename="../annotator/gui/model_training.py" line="285"/>
        <source>All labels</source>
        <translation>Toutes les étiquettes</translation>
    </message>
    <message>
        <location filename="../annotator/gui/model_training.py" line="286"/>
        <source>{label}: precision {precision:.2f}, recall {recall:.2f}, F1 {f1:.2f}</source>
        <translation>{label} : précision {precision:.2f}, rappel {recall:.2f}, F1 {f1:.2f}</translation>
    </message>
    <message>
        <location filename="../annotator/gui/model_training.py" line="290"/>
        <source>{count} spans overlapping others were left out (an entity recogniser takes one span a word).</source>
        <translation>{count} empans chevauchant d'autres ont été laissés de côté (un reconnaisseur d'entités prend un empan par mot).</translation>
    </message>
    <message>
        <location filename="../annotator/gui/model_training.py" line="294"/>
        <source>{count} spans across a cut of a very long document were left out.</source>
        <translation>{count} empans à cheval sur une coupure d'un document très long ont été laissés de côté.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/model_training.py" line="297"/>
        <source>{count} of the documents came labelled from imported files and were taken as coded.</source>
        <translation>{count} des documents venaient étiquetés de fichiers importés et ont été pris pour codés.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/model_training.py" line="299"/>
        <source>Kept in {folder}</source>
        <translation>Conservé dans {folder}</translation>
    </message>
</context>
<context>
    <name>Actions</name>
    <message>
        <location filename="../annotator/session/actions.py" line="59"/>
        <source>&amp;New corpus…</source>
        <translation>&amp;Nouveau corpus…</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="60"/>
        <source>&amp;Open corpus…</source>
        <translation>&amp;Ouvrir un corpus…</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="61"/>
        <source>&amp;Connect to team server…</source>
        <translation>Se &amp;connecter au serveur de l'équipe…</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="63"/>
        <source>&amp;Import files…</source>
        <translation>&amp;Importer des fichiers…</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="65"/>
        <source>Import a &amp;folder…</source>
        <translation>Importer un &amp;dossier…</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="67"/>
        <source>&amp;Export…</source>
        <translation>&amp;Exporter…</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="68"/>
        <source>&amp;Merge coders' corpora…</source>
        <translation>&amp;Fusionner les corpus des codeurs…</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="70"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location filename="../annotator/gui/editing.py" line="18"/>
        <location filename="../annotator/session/actions.py" line="72"/>
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <location filename="../annotator/gui/editing.py" line="20"/>
        <location filename="../annotator/session/actions.py" line="75"/>
        <source>&amp;Redo</source>
        <translation>&amp;Rétablir</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="77"/>
        <source>Remove span</source>
        <translation>Supprimer le segment</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="81"/>
        <source>Add the selected text to the selected span</source>
        <translation>Ajouter le texte sélectionné au segment sélectionné</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="84"/>
        <source>Remove the fragment at the cursor</source>
        <translation>Retirer le fragment sous le curseur</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="86"/>
        <source>Clear selection</source>
        <translation>Désélectionner</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="88"/>
        <source>Find in document</source>
        <translation>Rechercher dans le document</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="90"/>
        <source>Find next</source>
        <translation>Occurrence suivante</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="92"/>
        <source>Find previous</source>
        <translation>Occurrence précédente</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="94"/>
        <source>Search corpus</source>
        <translation>Rechercher dans le corpus</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="97"/>
        <source>Edit attributes of the selected span</source>
        <translation>Modifier les attributs du segment sélectionné</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="99"/>
        <source>Label schema…</source>
        <translation>Schéma des étiquettes…</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="101"/>
        <source>Keyboard shortcuts…</source>
        <translation>Raccourcis clavier…</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="103"/>
        <source>Mark done and open next</source>
        <translation>Marquer comme terminé et ouvrir le suivant</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="107"/>
        <source>Mark todo</source>
        <translation>Marquer comme à faire</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="109"/>
        <source>Mark in progress</source>
        <translation>Marquer comme en cours</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="111"/>
        <source>Mark done</source>
        <translation>Marquer comme terminé</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="113"/>
        <source>Mark skipped</source>
        <translation>Marquer comme ignoré</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="115"/>
        <source>Details…</source>
        <translation>Détails…</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="119"/>
        <source>Toggle: document relevant</source>
        <translation>Basculer : document pertinent</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="121"/>
        <source>Edit document labels</source>
        <translation>Modifier les étiquettes du document</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="123"/>
        <source>Next document</source>
        <translation>Document suivant</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="125"/>
        <source>Previous document</source>
        <translation>Document précédent</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="127"/>
        <source>Next undone document</source>
        <translation>Document suivant à traiter</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="129"/>
        <source>Go to the first copy</source>
        <translation>Aller au premier exemplaire</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="132"/>
        <source>Next: what the model is least sure of first</source>
        <translation>Suivant : d'abord ce dont le modèle est le moins sûr</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="135"/>
        <source>All coders' spans</source>
        <translation>Segments de tous les codeurs</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="137"/>
        <source>Dark theme</source>
        <translation>Thème sombre</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="139"/>
        <source>Larger text</source>
        <translation>Texte plus grand</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="141"/>
        <source>Smaller text</source>
        <translation>Texte plus petit</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="143"/>
        <source>Language…</source>
        <translation>Langue…</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="144"/>
        <source>&amp;Map of places</source>
        <translation>&amp;Carte des lieux</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="147"/>
        <source>Link the selected span to another…</source>
        <translation>Lier le segment sélectionné à un autre…</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="149"/>
        <source>Next span</source>
        <translation>Segment suivant</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="151"/>
        <source>Previous span</source>
        <translation>Segment précédent</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="153"/>
        <source>Links of the selected span</source>
        <translation>Liens du segment sélectionné</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="156"/>
        <source>Change the type of the selected link…</source>
        <translation>Changer le type du lien sélectionné…</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="158"/>
        <source>Remove the selected link</source>
        <translation>Supprimer le lien sélectionné</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="161"/>
        <source>New event from selected spans…</source>
        <translation>Nouvel événement à partir des segments sélectionnés…</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="163"/>
        <source>Edit event…</source>
        <translation>Modifier l’événement…</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="165"/>
        <source>Remove event</source>
        <translation>Supprimer l’événement</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="168"/>
        <source>Suggest spans for this document</source>
        <translation>Suggérer des segments pour ce document</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="170"/>
        <source>Next suggestion (Tab)</source>
        <translation>Suggestion suivante (Tab)</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="172"/>
        <source>Previous suggestion (Shift+Tab)</source>
        <translation>Suggestion précédente (Shift+Tab)</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="174"/>
        <source>Accept suggestion (Enter)</source>
        <translation>Accepter la suggestion (Enter)</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="176"/>
        <source>Reject suggestion (Backspace)</source>
        <translation>Rejeter la suggestion (Backspace)</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="178"/>
        <source>Accept all suggestions here</source>
        <translation>Accepter toutes les suggestions du document</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="180"/>
        <source>Reject all suggestions here</source>
        <translation>Rejeter toutes les suggestions du document</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="182"/>
        <source>spaCy model for suggestions…</source>
        <translation>Modèle spaCy pour les suggestions…</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="186"/>
        <source>Tag all occurrences in this document</source>
        <translation>Étiqueter toutes les occurrences dans ce document</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="189"/>
        <source>Tag all occurrences in the corpus</source>
        <translation>Étiqueter toutes les occurrences dans le corpus</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="192"/>
        <source>Carry the first copy's spans here</source>
        <translation>Reporter ici les segments du premier exemplaire</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="194"/>
        <source>Train the corpus model now</source>
        <translation>Entraîner le modèle du corpus maintenant</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="196"/>
        <source>Corpus model…</source>
        <translation>Modèle du corpus…</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="199"/>
        <source>Train the corpus model every…</source>
        <translation>Entraîner le modèle du corpus tous les…</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="201"/>
        <source>Least confidence of model suggestions…</source>
        <translation>Confiance minimale des suggestions du modèle…</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="204"/>
        <source>Agreement report…</source>
        <translation>Rapport d’accord entre codeurs…</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="207"/>
        <source>Team progress…</source>
        <translation>Avancement de l'équipe…</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="205"/>
        <source>Adjudicate this document…</source>
        <translation>Arbitrer ce document…</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="209"/>
        <source>Near-duplicate threshold…</source>
        <translation>Seuil des quasi-doublons…</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="211"/>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="212"/>
        <source>Codebook</source>
        <translation>Guide de codage</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="213"/>
        <source>About annotator</source>
        <translation>À propos d’annotator</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="220"/>
        <source>Shift+arrows, Ctrl+Shift+arrows</source>
        <translation>Shift+flèches, Ctrl+Shift+flèches</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="221"/>
        <source>select text (snapped to whole words)</source>
        <translation>sélectionner du texte (ajusté aux mots entiers)</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="222"/>
        <source>Alt while selecting</source>
        <translation>Alt pendant la sélection</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="223"/>
        <source>keep the selection exactly as made, without snapping</source>
        <translation>garder la sélection telle quelle, sans l’ajuster aux mots</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="224"/>
        <source>Alt as you let go of the mouse</source>
        <translation>Alt en relâchant la souris</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="225"/>
        <source>keep the selection exactly as dragged</source>
        <translation>garder la sélection exactement telle que tracée</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="226"/>
        <source>Ctrl+click</source>
        <translation>Ctrl+clic</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="227"/>
        <source>add a span to the selection, or take it out</source>
        <translation>ajouter un segment à la sélection, ou l’en retirer</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="228"/>
        <source>Tab, Shift+Tab</source>
        <translation>Tab, Shift+Tab</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="229"/>
        <source>next, previous suggestion (when there are suggestions)</source>
        <translation>suggestion suivante, précédente (s’il y a des suggestions)</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="230"/>
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="231"/>
        <source>accept the selected suggestion</source>
        <translation>accepter la suggestion sélectionnée</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="232"/>
        <source>Backspace</source>
        <translation>Backspace</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="233"/>
        <source>reject the selected suggestion, or remove the selected span</source>
        <translation>rejeter la suggestion sélectionnée, ou supprimer le segment sélectionné</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="234"/>
        <source>Tab (elsewhere)</source>
        <translation>Tab (ailleurs)</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="235"/>
        <source>move between the list, the article and the panes</source>
        <translation>passer de la liste à l’article et aux panneaux</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="236"/>
        <source>Enter, Esc (linking)</source>
        <translation>Enter, Esc (pendant une liaison)</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="237"/>
        <source>link to the span moved to; stop linking</source>
        <translation>lier au segment atteint ; arrêter la liaison</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="238"/>
        <source>Delete, Enter (Links list)</source>
        <translation>Delete, Enter (liste des liens)</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="239"/>
        <source>remove the link; change its type</source>
        <translation>supprimer le lien ; changer son type</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="45"/>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="46"/>
        <source>&amp;Edit</source>
        <translation>&amp;Édition</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="47"/>
        <source>&amp;Document</source>
        <translation>&amp;Document</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="48"/>
        <source>&amp;View</source>
        <translation>Aff&amp;ichage</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="49"/>
        <source>&amp;Link</source>
        <translation>&amp;Liens</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="50"/>
        <source>E&amp;vent</source>
        <translation>É&amp;vénement</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="51"/>
        <source>&amp;Suggest</source>
        <translation>&amp;Suggestions</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="52"/>
        <source>&amp;Tools</source>
        <translation>&amp;Outils</translation>
    </message>
    <message>
        <location filename="../annotator/session/actions.py" line="53"/>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
</context>
<context>
    <name>AdjudicationDialog</name>
    <message>
        <location filename="../annotator/gui/adjudication_dialog.py" line="50"/>
        <source>Adjudicate</source>
        <translation>Arbitrage</translation>
    </message>
    <message>
        <location filename="../annotator/gui/adjudication_dialog.py" line="54"/>
        <source>Take a version: {keys}; B both; Delete none; A every agreed row.</source>
        <translation>Choisir une version : {keys} ; B les deux ; Delete aucune ; A toutes les lignes concordantes.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/adjudication_dialog.py" line="58"/>
        <source>where</source>
        <translation>position</translation>
    </message>
    <message>
        <location filename="../annotator/gui/adjudication_dialog.py" line="58"/>
        <source>gold</source>
        <translation>référence</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../annotator/gui/app.py" line="77"/>
        <location filename="../annotator/gui/app.py" line="94"/>
        <source>Cannot open corpus</source>
        <translation>Impossible d’ouvrir le corpus</translation>
    </message>
    <message>
        <location filename="../annotator/gui/app.py" line="138"/>
        <source>{error}. That step was not done; try again when the server answers.</source>
        <translation>{error}. Cette étape n'a pas été faite ; réessayez quand le serveur répondra.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/app.py" line="142"/>
        <source>{count} edit(s) still wait for the server, which cannot be reached; the rest of your work is saved.</source>
        <translation>{count} modification(s) attendent encore le serveur, injoignable ; le reste de votre travail est enregistré.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/app.py" line="145"/>
        <source>Your work so far is saved.</source>
        <translation>Votre travail jusqu'ici est enregistré.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/app.py" line="147"/>
        <source>Something went wrong</source>
        <translation>Une erreur s’est produite</translation>
    </message>
    <message>
        <location filename="../annotator/gui/app.py" line="148"/>
        <source>{error}

{saved} Details are in {log}.</source>
        <translation>{error}

{saved} Les détails sont dans {log}.</translation>
    </message>
    <message>
        <source>{error}

Your work so far is saved. Details are in {log}.</source>
        <translation type="vanished">{error}

Tout votre travail jusqu’ici est enregistré. Les détails se trouvent dans {log}.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/app.py" line="154"/>
        <source>Copy details</source>
        <translation>Copier les détails</translation>
    </message>
</context>
<context>
    <name>AttributeForm</name>
    <message>
        <location filename="../annotator/gui/attribute_form.py" line="32"/>
        <source>uncertain</source>
        <translation>incertain</translation>
    </message>
    <message>
        <location filename="../annotator/gui/attribute_form.py" line="33"/>
        <source>The coder is not sure.</source>
        <translation>Le codeur n’est pas sûr.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/attribute_form.py" line="34"/>
        <source>note</source>
        <translation>note</translation>
    </message>
    <message>
        <location filename="../annotator/gui/attribute_form.py" line="35"/>
        <source>A free note on this span.</source>
        <translation>Une note libre sur ce segment.</translation>
    </message>
</context>
<context>
    <name>BackgroundRunner</name>
    <message>
        <location filename="../annotator/gui/background_runner.py" line="28"/>
        <source>Wait for the work running in the background.</source>
        <translation>Attendez la fin du travail en arrière-plan.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/background_runner.py" line="33"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>Codebook</name>
    <message>
        <location filename="../annotator/gui/codebook.py" line="27"/>
        <source>Label in use</source>
        <translation>Étiquette utilisée</translation>
    </message>
    <message>
        <location filename="../annotator/gui/codebook.py" line="28"/>
        <source>{count} spans are labelled {label}. Move them to which label?</source>
        <translation>Segments étiquetés {label} : {count}. Vers quelle étiquette les déplacer ?</translation>
    </message>
    <message>
        <location filename="../annotator/gui/codebook.py" line="38"/>
        <source>Schema not changed</source>
        <translation>Schéma non modifié</translation>
    </message>
    <message>
        <location filename="../annotator/gui/codebook.py" line="42"/>
        <source>Label schema saved.</source>
        <translation>Schéma des étiquettes enregistré.</translation>
    </message>
</context>
<context>
    <name>CodebookDialog</name>
    <message>
        <location filename="../annotator/gui/codebook_dialog.py" line="21"/>
        <location filename="../annotator/gui/codebook_dialog.py" line="77"/>
        <source>Codebook</source>
        <translation>Guide de codage</translation>
    </message>
    <message>
        <location filename="../annotator/gui/codebook_dialog.py" line="30"/>
        <location filename="../annotator/gui/codebook_dialog.py" line="67"/>
        <source>Edit</source>
        <translation>Modifier</translation>
    </message>
    <message>
        <location filename="../annotator/gui/codebook_dialog.py" line="67"/>
        <source>Preview</source>
        <translation>Aperçu</translation>
    </message>
    <message>
        <location filename="../annotator/gui/codebook_dialog.py" line="77"/>
        <source>Drop your changes to the codebook?</source>
        <translation>Abandonner vos modifications du guide de codage ?</translation>
    </message>
</context>
<context>
    <name>CodingActions</name>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Édition</translation>
    </message>
    <message>
        <location filename="../annotator/gui/coding_actions.py" line="74"/>
        <source>Tag or relabel as</source>
        <translation>Étiqueter ou réétiqueter comme</translation>
    </message>
    <message>
        <location filename="../annotator/gui/coding_actions.py" line="109"/>
        <source>Dark theme.</source>
        <translation>Thème sombre.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/coding_actions.py" line="110"/>
        <source>Light theme.</source>
        <translation>Thème clair.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/coding_actions.py" line="115"/>
        <source>Text size {scale} %.</source>
        <translation>Taille du texte : {scale} %.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/coding_actions.py" line="124"/>
        <source>The system's language</source>
        <translation>La langue du système</translation>
    </message>
    <message>
        <location filename="../annotator/gui/coding_actions.py" line="128"/>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <location filename="../annotator/gui/coding_actions.py" line="129"/>
        <source>The language of the window (from the next start):</source>
        <translation>Langue de la fenêtre (au prochain démarrage) :</translation>
    </message>
    <message>
        <location filename="../annotator/gui/coding_actions.py" line="139"/>
        <source>The window will be in the system's language from the next start.</source>
        <translation>La fenêtre sera dans la langue du système au prochain démarrage.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/coding_actions.py" line="143"/>
        <source>The window will be in {language} from the next start.</source>
        <translation>La fenêtre sera en {language} au prochain démarrage.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/coding_actions.py" line="164"/>
        <source>Click a span to select it first.</source>
        <translation>Cliquez d’abord sur un segment pour le sélectionner.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/coding_actions.py" line="205"/>
        <source>Select a span first (click it, or pick it in the span list).</source>
        <translation>Sélectionnez d’abord un segment (cliquez dessus, ou choisissez-le dans la liste des segments).</translation>
    </message>
    <message>
        <source>&amp;Document</source>
        <translation>&amp;Document</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>Aff&amp;ichage</translation>
    </message>
    <message>
        <location filename="../annotator/gui/coding_actions.py" line="178"/>
        <source>Document details (read-only)</source>
        <translation>Détails du document (lecture seule)</translation>
    </message>
</context>
<context>
    <name>ConnectDialog</name>
    <message>
        <location filename="../annotator/gui/connect_dialog.py" line="37"/>
        <source>Connect to team server</source>
        <translation>Se connecter au serveur de l'équipe</translation>
    </message>
    <message>
        <location filename="../annotator/gui/connect_dialog.py" line="40"/>
        <source>postgresql://… or service=NAME (optional)</source>
        <translation>postgresql://… ou service=NOM (facultatif)</translation>
    </message>
    <message>
        <location filename="../annotator/gui/connect_dialog.py" line="50"/>
        <source>empty: from ~/.pgpass</source>
        <translation>vide : pris dans ~/.pgpass</translation>
    </message>
    <message>
        <location filename="../annotator/gui/connect_dialog.py" line="53"/>
        <source>verify the server's certificate (verify-full)</source>
        <translation>vérifier le certificat du serveur (verify-full)</translation>
    </message>
    <message>
        <location filename="../annotator/gui/connect_dialog.py" line="54"/>
        <source>encrypt, without checking the certificate (require)</source>
        <translation>chiffrer, sans vérifier le certificat (require)</translation>
    </message>
    <message>
        <location filename="../annotator/gui/connect_dialog.py" line="55"/>
        <source>encrypt if the server can (prefer)</source>
        <translation>chiffrer si le serveur le peut (prefer)</translation>
    </message>
    <message>
        <location filename="../annotator/gui/connect_dialog.py" line="56"/>
        <source>no encryption (disable)</source>
        <translation>sans chiffrement (disable)</translation>
    </message>
    <message>
        <location filename="../annotator/gui/connect_dialog.py" line="59"/>
        <source>the team's CA certificate (empty: ~/.postgresql/root.crt)</source>
        <translation>le certificat d'autorité de l'équipe (vide : ~/.postgresql/root.crt)</translation>
    </message>
    <message>
        <location filename="../annotator/gui/connect_dialog.py" line="60"/>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <location filename="../annotator/gui/connect_dialog.py" line="66"/>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location filename="../annotator/gui/connect_dialog.py" line="67"/>
        <source>Server</source>
        <translation>Serveur</translation>
    </message>
    <message>
        <location filename="../annotator/gui/connect_dialog.py" line="68"/>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <location filename="../annotator/gui/connect_dialog.py" line="69"/>
        <source>Database</source>
        <translation>Base de données</translation>
    </message>
    <message>
        <location filename="../annotator/gui/connect_dialog.py" line="70"/>
        <source>Your login</source>
        <translation>Votre identifiant</translation>
    </message>
    <message>
        <location filename="../annotator/gui/connect_dialog.py" line="71"/>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <location filename="../annotator/gui/connect_dialog.py" line="72"/>
        <source>Encryption</source>
        <translation>Chiffrement</translation>
    </message>
    <message>
        <location filename="../annotator/gui/connect_dialog.py" line="73"/>
        <source>CA certificate</source>
        <translation>Certificat d'autorité</translation>
    </message>
    <message>
        <location filename="../annotator/gui/connect_dialog.py" line="85"/>
        <source>Connect</source>
        <translation>Se connecter</translation>
    </message>
    <message>
        <location filename="../annotator/gui/connect_dialog.py" line="99"/>
        <source>The team's CA certificate</source>
        <translation>Le certificat d'autorité de l'équipe</translation>
    </message>
    <message>
        <location filename="../annotator/gui/connect_dialog.py" line="100"/>
        <source>Certificates (*.crt *.pem);;All files (*)</source>
        <translation>Certificats (*.crt *.pem);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location filename="../annotator/gui/connect_dialog.py" line="150"/>
        <source>An address starts with postgresql:// or service=</source>
        <translation>Une adresse commence par postgresql:// ou service=</translation>
    </message>
    <message>
        <location filename="../annotator/gui/connect_dialog.py" line="144"/>
        <source>Name the database the team's corpus is in.</source>
        <translation>Indiquez la base de données qui contient le corpus de l'équipe.</translation>
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
        <translation> {count} de ses segments sont dans des passages que cet exemplaire a réécrits ou coupés, et n’ont pas été reportés.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/copy_actions.py" line="111"/>
        <source>No spans of the first copy to carry here.</source>
        <translation>Aucun segment du premier exemplaire à reporter ici.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/copy_actions.py" line="114"/>
        <source>carry the first copy's spans</source>
        <translation>reporter les segments du premier exemplaire</translation>
    </message>
    <message>
        <location filename="../annotator/gui/copy_actions.py" line="116"/>
        <source>{count} spans carried from the first copy as suggestions: Tab moves, Enter accepts, Backspace rejects.</source>
        <translation>{count} segments reportés du premier exemplaire comme suggestions : Tab pour passer, Entrée pour accepter, Retour arrière pour rejeter.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/copy_actions.py" line="124"/>
        <source>Near-duplicate threshold</source>
        <translation>Seuil des quasi-doublons</translation>
    </message>
    <message>
        <location filename="../annotator/gui/copy_actions.py" line="125"/>
        <source>Mark a document as a copy of an earlier one when they share at least this share of their five-word phrases ({low} to 1):</source>
        <translation>Marquer un document comme copie d’un document antérieur quand ils partagent au moins cette part de leurs suites de cinq mots ({low} à 1) :</translation>
    </message>
    <message>
        <location filename="../annotator/gui/copy_actions.py" line="134"/>
        <source>The threshold is a share between {low} and 1.0, not {answer}.</source>
        <translation>Le seuil est une part entre {low} et 1.0, pas {answer}.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/copy_actions.py" line="142"/>
        <source>{marked} near-duplicates at similarity {threshold:g}.</source>
        <translation>{marked} quasi-doublons à la similarité {threshold:g}.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/copy_actions.py" line="148"/>
        <source>Comparing the documents…</source>
        <translation>Comparaison des documents…</translation>
    </message>
    <message>
        <location filename="../annotator/gui/copy_actions.py" line="153"/>
        <source>This document is not marked as a near-duplicate.</source>
        <translation>Ce document n’est pas marqué comme quasi-doublon.</translation>
    </message>
</context>
<context>
    <name>CopyBar</name>
    <message>
        <location filename="../annotator/gui/copy_actions.py" line="43"/>
        <source>Go to the first copy</source>
        <translation>Aller au premier exemplaire</translation>
    </message>
    <message>
        <location filename="../annotator/gui/copy_actions.py" line="44"/>
        <source>Carry its spans here</source>
        <translation>Reporter ses segments ici</translation>
    </message>
    <message>
        <location filename="../annotator/gui/copy_actions.py" line="53"/>
        <source>A near-duplicate: {similarity:.0%} alike with the first copy, “{title}”.</source>
        <translation>Un quasi-doublon : semblable à {similarity:.0%} au premier exemplaire, « {title} ».</translation>
    </message>
</context>
<context>
    <name>DetailsDialog</name>
    <message>
        <location filename="../annotator/gui/details_dialog.py" line="44"/>
        <source>Document details</source>
        <translation>Détails du document</translation>
    </message>
    <message>
        <location filename="../annotator/gui/details_dialog.py" line="47"/>
        <source>YYYY-MM-DD</source>
        <translation>AAAA-MM-JJ</translation>
    </message>
    <message>
        <location filename="../annotator/gui/details_dialog.py" line="32"/>
        <location filename="../annotator/gui/details_dialog.py" line="52"/>
        <source>Not relevant to this codebook</source>
        <translation>Non pertinent pour ce guide de codage</translation>
    </message>
    <message>
        <location filename="../annotator/gui/details_dialog.py" line="25"/>
        <source>Published: {date}</source>
        <translation>Publication : {date}</translation>
    </message>
    <message>
        <location filename="../annotator/gui/details_dialog.py" line="27"/>
        <source>Source: {source}</source>
        <translation>Source : {source}</translation>
    </message>
    <message>
        <location filename="../annotator/gui/details_dialog.py" line="29"/>
        <source>URL: {url}</source>
        <translation>URL : {url}</translation>
    </message>
    <message>
        <location filename="../annotator/gui/details_dialog.py" line="34"/>
        <source>Duplicate of: {document}</source>
        <translation>Doublon de : {document}</translation>
    </message>
    <message>
        <location filename="../annotator/gui/details_dialog.py" line="37"/>
        <source>Notes:</source>
        <translation>Notes :</translation>
    </message>
    <message>
        <location filename="../annotator/gui/details_dialog.py" line="55"/>
        <source>id of the document this one repeats</source>
        <translation>id du document d’origine</translation>
    </message>
    <message>
        <location filename="../annotator/gui/details_dialog.py" line="58"/>
        <source>Published</source>
        <translation>Publication</translation>
    </message>
    <message>
        <location filename="../annotator/gui/details_dialog.py" line="59"/>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../annotator/gui/details_dialog.py" line="60"/>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <location filename="../annotator/gui/details_dialog.py" line="61"/>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../annotator/gui/details_dialog.py" line="63"/>
        <source>Duplicate of</source>
        <translation>Doublon de</translation>
    </message>
</context>
<context>
    <name>DocLabelActions</name>
    <message>
        <location filename="../annotator/gui/doc_label_pane.py" line="239"/>
        <source>read-only: {why}</source>
        <translation>lecture seule : {why}</translation>
    </message>
    <message>
        <location filename="../annotator/gui/doc_label_pane.py" line="246"/>
        <source>Not saved: {reason}</source>
        <translation>Non enregistré : {reason}</translation>
    </message>
    <message>
        <location filename="../annotator/gui/doc_label_pane.py" line="269"/>
        <source>The codebook has no yes/no question about documents.</source>
        <translation>Le guide de codage ne pose aucune question oui/non sur les documents.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/doc_label_pane.py" line="274"/>
        <source>{name}: yes</source>
        <translation>{name} : oui</translation>
    </message>
    <message>
        <location filename="../annotator/gui/doc_label_pane.py" line="275"/>
        <source>{name}: no</source>
        <translation>{name} : non</translation>
    </message>
    <message>
        <location filename="../annotator/gui/doc_label_pane.py" line="280"/>
        <source>The codebook asks nothing about whole documents.</source>
        <translation>Le guide de codage ne pose aucune question sur les documents entiers.</translation>
    </message>
</context>
<context>
    <name>DocLabelPane</name>
    <message>
        <location filename="../annotator/gui/doc_label_pane.py" line="184"/>
        <source>{name}: yes</source>
        <translation>{name} : oui</translation>
    </message>
    <message>
        <location filename="../annotator/gui/doc_label_pane.py" line="185"/>
        <source>{name}: no</source>
        <translation>{name} : non</translation>
    </message>
    <message>
        <location filename="../annotator/gui/doc_label_pane.py" line="186"/>
        <source>{name}: any</source>
        <translation>{name} : indifférent</translation>
    </message>
</context>
<context>
    <name>DocLabelStrip</name>
    <message>
        <location filename="../annotator/gui/doc_label_pane.py" line="96"/>
        <source>This document:</source>
        <translation>Ce document :</translation>
    </message>
    <message>
        <location filename="../annotator/gui/doc_label_pane.py" line="120"/>
        <source>(not set)</source>
        <translation>(non renseigné)</translation>
    </message>
</context>
<context>
    <name>DocumentList</name>
    <message>
        <location filename="../annotator/gui/document_list.py" line="288"/>
        <source>No documents found</source>
        <translation>Aucun document trouvé</translation>
    </message>
    <message>
        <location filename="../annotator/gui/document_list.py" line="293"/>
        <source>{count} document found</source>
        <translation>{count} document trouvé</translation>
    </message>
    <message>
        <location filename="../annotator/gui/document_list.py" line="295"/>
        <source>{count} documents found</source>
        <translation>{count} documents trouvés</translation>
    </message>
</context>
<context>
    <name>DocumentListModel</name>
    <message>
        <location filename="../annotator/gui/document_list.py" line="39"/>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <location filename="../annotator/gui/document_list.py" line="40"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../annotator/gui/document_list.py" line="41"/>
        <source>Spans</source>
        <translation>Segments</translation>
    </message>
    <message>
        <location filename="../annotator/gui/document_list.py" line="89"/>
        <source>(untitled)</source>
        <translation>(sans titre)</translation>
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
{status} · {count} segments · {uid}</translation>
    </message>
    <message>
        <location filename="../annotator/gui/document_list.py" line="100"/>
        <source>Near-duplicate, {similarity:.0%} alike with the first copy: {first}</source>
        <translation>Quasi-doublon, semblable à {similarity:.0%} au premier exemplaire : {first}</translation>
    </message>
    <message>
        <location filename="../annotator/gui/document_list.py" line="128"/>
        <source>Listing failed: {error}</source>
        <translation>Impossible de lister les documents : {error}</translation>
    </message>
    <message>
        <location filename="../annotator/gui/document_list.py" line="155"/>
        <source>Searching…</source>
        <translation>Recherche en cours…</translation>
    </message>
    <message>
        <location filename="../annotator/gui/document_list.py" line="179"/>
        <source>Search failed</source>
        <translation>Échec de la recherche</translation>
    </message>
    <message>
        <location filename="../annotator/gui/document_list.py" line="197"/>
        <source>Search stopped</source>
        <translation>Recherche arrêtée</translation>
    </message>
</context>
<context>
    <name>DocumentPane</name>
    <message>
        <location filename="../annotator/gui/panes.py" line="45"/>
        <source>Documents</source>
        <translation>Documents</translation>
    </message>
    <message>
        <location filename="../annotator/gui/panes.py" line="50"/>
        <source>any status</source>
        <translation>tout statut</translation>
    </message>
    <message>
        <location filename="../annotator/gui/panes.py" line="54"/>
        <source>any labels</source>
        <translation>toute étiquette</translation>
    </message>
    <message>
        <location filename="../annotator/gui/panes.py" line="56"/>
        <source>any coder</source>
        <translation>tout codeur</translation>
    </message>
    <message>
        <location filename="../annotator/gui/panes.py" line="58"/>
        <source>any document label</source>
        <translation>toute étiquette de document</translation>
    </message>
    <message>
        <location filename="../annotator/gui/panes.py" line="59"/>
        <source>flagged</source>
        <translation>signalés</translation>
    </message>
    <message>
        <location filename="../annotator/gui/panes.py" line="61"/>
        <source>near-duplicates too</source>
        <translation>quasi-doublons compris</translation>
    </message>
    <message>
        <location filename="../annotator/gui/panes.py" line="62"/>
        <source>no near-duplicates</source>
        <translation>sans quasi-doublons</translation>
    </message>
    <message>
        <location filename="../annotator/gui/panes.py" line="63"/>
        <source>near-duplicates only</source>
        <translation>quasi-doublons seulement</translation>
    </message>
    <message>
        <location filename="../annotator/gui/panes.py" line="65"/>
        <source>Near-duplicates are stories the corpus already holds (a wire report other outlets ran): each is marked with how alike it is to the first copy.</source>
        <translation>Les quasi-doublons sont des articles que le corpus contient déjà (une dépêche reprise par d’autres titres) : chacun est marqué de sa ressemblance avec le premier exemplaire.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/panes.py" line="68"/>
        <source>from YYYY-MM-DD</source>
        <translation>du AAAA-MM-JJ</translation>
    </message>
    <message>
        <location filename="../annotator/gui/panes.py" line="70"/>
        <source>to YYYY-MM-DD</source>
        <translation>au AAAA-MM-JJ</translation>
    </message>
    <message>
        <location filename="../annotator/gui/panes.py" line="171"/>
        <source>Documents   {done} / {total} done</source>
        <translation>Documents   {done} / {total} terminés</translation>
    </message>
    <message>
        <location filename="../annotator/gui/panes.py" line="176"/>
        <source>with {label}</source>
        <translation>avec {label}</translation>
    </message>
    <message>
        <location filename="../annotator/gui/panes.py" line="176"/>
        <source>without {label}</source>
        <translation>sans {label}</translation>
    </message>
</context>
<context>
    <name>Editing</name>
    <message>
        <location filename="../annotator/gui/editing.py" line="19"/>
        <source>&amp;Undo {step}</source>
        <translation>&amp;Annuler : {step}</translation>
    </message>
    <message>
        <location filename="../annotator/gui/editing.py" line="21"/>
        <source>&amp;Redo {step}</source>
        <translation>&amp;Rétablir : {step}</translation>
    </message>
</context>
<context>
    <name>EventActions</name>
    <message>
        <location filename="../annotator/gui/event_actions.py" line="60"/>
        <source>{count} spans</source>
        <translation>{count} segments</translation>
    </message>
    <message>
        <location filename="../annotator/gui/event_actions.py" line="66"/>
        <source> (group {group})</source>
        <translation> (groupe {group})</translation>
    </message>
    <message>
        <location filename="../annotator/gui/event_actions.py" line="73"/>
        <source>Events ({count})</source>
        <translation>Événements ({count})</translation>
    </message>
    <message>
        <location filename="../annotator/gui/event_actions.py" line="90"/>
        <source>Select spans first: Ctrl+click them in the text or the span list.</source>
        <translation>Sélectionnez d’abord des segments : Ctrl+clic dans le texte ou dans la liste des segments.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/event_actions.py" line="106"/>
        <source>from “{words}” in the text</source>
        <translation>d'après « {words} » dans le texte</translation>
    </message>
    <message>
        <location filename="../annotator/gui/event_actions.py" line="108"/>
        <source>the article's date</source>
        <translation>la date de l'article</translation>
    </message>
    <message>
        <location filename="../annotator/gui/event_actions.py" line="120"/>
        <source>Select an event in the Events list.</source>
        <translation>Sélectionnez un événement dans la liste Événements.</translation>
    </message>
</context>
<context>
    <name>EventDialog</name>
    <message>
        <location filename="../annotator/gui/event_dialog.py" line="32"/>
        <source>Span</source>
        <translation>Segment</translation>
    </message>
    <message>
        <location filename="../annotator/gui/event_dialog.py" line="32"/>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <location filename="../annotator/gui/event_dialog.py" line="33"/>
        <source>Same victims as (group)</source>
        <translation>Mêmes victimes que (groupe)</translation>
    </message>
    <message>
        <location filename="../annotator/gui/event_dialog.py" line="34"/>
        <source>e.g. a (optional)</source>
        <translation>p. ex. a (facultatif)</translation>
    </message>
    <message>
        <location filename="../annotator/gui/event_dialog.py" line="36"/>
        <source>the day</source>
        <translation>au jour près</translation>
    </message>
    <message>
        <location filename="../annotator/gui/event_dialog.py" line="37"/>
        <source>within a week</source>
        <translation>à la semaine près</translation>
    </message>
    <message>
        <location filename="../annotator/gui/event_dialog.py" line="38"/>
        <source>within a month</source>
        <translation>au mois près</translation>
    </message>
    <message>
        <location filename="../annotator/gui/event_dialog.py" line="52"/>
        <source>Event</source>
        <translation>Événement</translation>
    </message>
    <message>
        <location filename="../annotator/gui/event_dialog.py" line="61"/>
        <source>YYYY-MM-DD</source>
        <translation>AAAA-MM-JJ</translation>
    </message>
    <message>
        <location filename="../annotator/gui/event_dialog.py" line="70"/>
        <source>Events of several articles that report the same happening: a dataset counts them as one event with several sources.</source>
        <translation>Des événements de plusieurs articles qui rapportent le même fait : un jeu de données les compte comme un seul événement à plusieurs sources.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/event_dialog.py" line="97"/>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../annotator/gui/event_dialog.py" line="98"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../annotator/gui/event_dialog.py" line="105"/>
        <source>Date precision</source>
        <translation>Précision de la date</translation>
    </message>
    <message>
        <location filename="../annotator/gui/event_dialog.py" line="106"/>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../annotator/gui/event_dialog.py" line="109"/>
        <source>Same incident as</source>
        <translation>Même incident que</translation>
    </message>
    <message>
        <location filename="../annotator/gui/event_dialog.py" line="111"/>
        <source>Casualty spans with the same group are reports of the same victims: they give one range instead of being added up.</source>
        <translation>Les segments de victimes d’un même groupe rapportent les mêmes victimes : ils donnent une fourchette au lieu d’être additionnés.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/event_codes.py" line="118"/>
        <source>— this event only</source>
        <translation>— cet événement seulement</translation>
    </message>
    <message>
        <location filename="../annotator/gui/event_codes.py" line="122"/>
        <source>no date</source>
        <translation>sans date</translation>
    </message>
    <message>
        <location filename="../annotator/gui/event_codes.py" line="124"/>
        <source>{type} on {date}, “{title}” ({count} documents)</source>
        <translation>{type} le {date}, « {title} » ({count} documents)</translation>
    </message>
    <message>
        <location filename="../annotator/gui/event_codes.py" line="129"/>
        <source>incident {id}</source>
        <translation>incident {id}</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../annotator/gui/export_dialog.py" line="145"/>
        <source>Labels</source>
        <translation>Étiquettes</translation>
    </message>
    <message>
        <location filename="../annotator/gui/export_dialog.py" line="97"/>
        <location filename="../annotator/gui/export_dialog.py" line="153"/>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <location filename="../annotator/gui/export_dialog.py" line="42"/>
        <source>(any)</source>
        <translation>(tous)</translation>
    </message>
    <message>
        <location filename="../annotator/gui/export_dialog.py" line="43"/>
        <source>(all coders)</source>
        <translation>(tous les codeurs)</translation>
    </message>
    <message>
        <location filename="../annotator/gui/export_dialog.py" line="44"/>
        <source>strict</source>
        <translation>strict</translation>
    </message>
    <message>
        <location filename="../annotator/gui/export_dialog.py" line="45"/>
        <source>contract</source>
        <translation>réduire</translation>
    </message>
    <message>
        <location filename="../annotator/gui/export_dialog.py" line="46"/>
        <source>expand</source>
        <translation>étendre</translation>
    </message>
    <message>
        <location filename="../annotator/gui/export_dialog.py" line="49"/>
        <source>annotator's native JSONL: everything</source>
        <translation>JSONL natif d’annotator : tout</translation>
    </message>
    <message>
        <location filename="../annotator/gui/export_dialog.py" line="50"/>
        <source>doccano sequence labelling JSONL</source>
        <translation>JSONL doccano d’étiquetage de séquences</translation>
    </message>
    <message>
        <location filename="../annotator/gui/export_dialog.py" line="51"/>
        <source>Prodigy ner_manual JSONL with tokens</source>
        <translation>JSONL Prodigy ner_manual avec tokens</translation>
    </message>
    <message>
        <location filename="../annotator/gui/export_dialog.py" line="52"/>
        <source>spaCy DocBin (doc.spans and doc.ents)</source>
        <translation>DocBin spaCy (doc.spans et doc.ents)</translation>
    </message>
    <message>
        <location filename="../annotator/gui/export_dialog.py" line="53"/>
        <source>CoNLL-2003 style IOB2</source>
        <translation>IOB2, style CoNLL-2003</translation>
    </message>
    <message>
        <location filename="../annotator/gui/export_dialog.py" line="54"/>
        <source>brat standoff folder (.txt, .ann, annotation.conf)</source>
        <translation>dossier brat standoff (.txt, .ann, annotation.conf)</translation>
    </message>
    <message>
        <location filename="../annotator/gui/export_dialog.py" line="55"/>
        <source>one row per span, spreadsheet-safe</source>
        <translation>une ligne par segment, sans risque pour les tableurs</translation>
    </message>
    <message>
        <location filename="../annotator/gui/export_dialog.py" line="56"/>
        <source>one row per event: actors by role, places, casualties per outcome</source>
        <translation>une ligne par événement : acteurs par rôle, lieux, bilan des victimes</translation>
    </message>
    <message>
        <location filename="../annotator/gui/export_dialog.py" line="58"/>
        <source>Hugging Face token classification (.parquet, or .jsonl by name)</source>
        <translation>classification de tokens Hugging Face (.parquet, ou .jsonl selon le nom)</translation>
    </message>
    <message>
        <location filename="../annotator/gui/export_dialog.py" line="60"/>
        <source>Label Studio JSON tasks</source>
        <translation>tâches JSON Label Studio</translation>
    </message>
    <message>
        <location filename="../annotator/gui/export_dialog.py" line="61"/>
        <source>INCEpTION UIMA CAS XMI folder (TypeSystem.xml, one .xmi a document)</source>
        <translation>dossier INCEpTION UIMA CAS XMI (TypeSystem.xml, un .xmi par document)</translation>
    </message>
    <message>
        <location filename="../annotator/gui/export_dialog.py" line="63"/>
        <source>WebAnno TSV 3.3 folder for INCEpTION (one .tsv a document)</source>
        <translation>dossier WebAnno TSV 3.3 pour INCEpTION (un .tsv par document)</translation>
    </message>
    <message>
        <location filename="../annotator/gui/export_dialog.py" line="65"/>
        <source>ACLED's columns, one row per event, codes checked against ACLED's codebook</source>
        <translation>colonnes d'ACLED, une ligne par événement, codes vérifiés selon le manuel de codage d'ACLED</translation>
    </message>
    <message>
        <location filename="../annotator/gui/export_dialog.py" line="68"/>
        <source>UCDP GED's columns, one row per event, deaths by side</source>
        <translation>colonnes d'UCDP GED, une ligne par événement, morts par camp</translation>
    </message>
    <message>
        <location filename="../annotator/gui/export_dialog.py" line="69"/>
        <source>PLOVER/POLECAT event records, one JSON object per event</source>
        <translation>enregistrements d'événements PLOVER/POLECAT, un objet JSON par événement</translation>
    </message>
    <message>
        <location filename="../annotator/gui/export_dialog.py" line="103"/>
        <source>{name} — {description}</source>
        <translation>{name} — {description}</translation>
    </message>
    <message>
        <location filename="../annotator/gui/export_dialog.py" line="106"/>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <location filename="../annotator/gui/export_dialog.py" line="127"/>
        <source>e.g. 80/10/10 (empty: one output)</source>
        <translation>p. ex. 80/10/10 (vide : une seule sortie)</translation>
    </message>
    <message>
        <location filename="../annotator/gui/export_dialog.py" line="136"/>
        <source>e.g. en,fr (empty: all)</source>
        <translation>p. ex. en,fr (vide : toutes)</translation>
    </message>
    <message>
        <location filename="../annotator/gui/export_dialog.py" line="137"/>
        <source>Write nothing if anything would be lost</source>
        <translation>Ne rien écrire si des données devaient être perdues</translation>
    </message>
    <message>
        <location filename="../annotator/gui/export_dialog.py" line="141"/>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <location filename="../annotator/gui/export_dialog.py" line="142"/>
        <source>Output</source>
        <translation>Sortie</translation>
    </message>
    <message>
        <location filename="../annotator/gui/export_dialog.py" line="143"/>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location filename="../annotator/gui/export_dialog.py" line="144"/>
        <source>Coder</source>
        <translation>Codeur</translation>
    </message>
    <message>
        <location filename="../annotator/gui/export_dialog.py" line="146"/>
        <source>Split</source>
        <translation>Découpage</translation>
    </message>
    <message>
        <location filename="../annotator/gui/export_dialog.py" line="147"/>
        <source>Seed</source>
        <translation>Graine</translation>
    </message>
    <message>
        <location filename="../annotator/gui/export_dialog.py" line="148"/>
        <source>Off-token spans</source>
        <translation>Segments non alignés</translation>
    </message>
    <message>
        <location filename="../annotator/gui/export_dialog.py" line="149"/>
        <source>Tokeniser language</source>
        <translation>Langue de tokenisation</translation>
    </message>
    <message>
        <location filename="../annotator/gui/export_dialog.py" line="150"/>
        <source>Languages</source>
        <translation>Langues</translation>
    </message>
    <message>
        <location filename="../annotator/gui/export_dialog.py" line="176"/>
        <source>Export to folder</source>
        <translation>Exporter vers un dossier</translation>
    </message>
    <message>
        <location filename="../annotator/gui/export_dialog.py" line="179"/>
        <source>Export to</source>
        <translation>Exporter vers</translation>
    </message>
    <message>
        <location filename="../annotator/gui/export_dialog.py" line="191"/>
        <source>choose where to write the export</source>
        <translation>choisissez où écrire l’export</translation>
    </message>
    <message>
        <location filename="../annotator/gui/export_dialog.py" line="199"/>
        <source>tick at least one label</source>
        <translation>cochez au moins une étiquette</translation>
    </message>
    <message>
        <location filename="../annotator/gui/export_dialog.py" line="205"/>
        <source>Languages: {value} names no language; give ISO 639-1 codes such as en,fr</source>
        <translation>Langues : {value} ne désigne aucune langue ; donnez des codes ISO 639-1 comme en,fr</translation>
    </message>
</context>
<context>
    <name>FileActions</name>
    <message>
        <location filename="../annotator/gui/file_actions.py" line="39"/>
        <source>Open &amp;Recent</source>
        <translation>Ouvrir un corpus &amp;récent</translation>
    </message>
    <message>
        <location filename="../annotator/gui/file_actions.py" line="109"/>
        <source>Cannot open corpus</source>
        <translation>Impossible d’ouvrir le corpus</translation>
    </message>
    <message>
        <location filename="../annotator/gui/file_actions.py" line="76"/>
        <location filename="../annotator/gui/file_actions.py" line="79"/>
        <location filename="../annotator/gui/file_actions.py" line="90"/>
        <source>New corpus</source>
        <translation>Nouveau corpus</translation>
    </message>
    <message>
        <location filename="../annotator/gui/file_actions.py" line="80"/>
        <source>{path} already exists; use Open instead.</source>
        <translation>{path} existe déjà ; utilisez plutôt Ouvrir.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/file_actions.py" line="121"/>
        <source>read-only: {why} — Import would change this corpus.</source>
        <translation>lecture seule : {why} — l’import modifierait ce corpus.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/file_actions.py" line="128"/>
        <source>Importing articles…</source>
        <translation>Import des articles…</translation>
    </message>
    <message>
        <location filename="../annotator/gui/file_actions.py" line="147"/>
        <source>Export not written</source>
        <translation>Export non écrit</translation>
    </message>
    <message>
        <location filename="../annotator/gui/file_actions.py" line="155"/>
        <source>Exporting as {format}…</source>
        <translation>Export au format {format}…</translation>
    </message>
    <message>
        <location filename="../annotator/gui/file_actions.py" line="160"/>
        <source>read-only: {why} — Merge would change this corpus.</source>
        <translation>lecture seule : {why} — la fusion modifierait ce corpus.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/file_actions.py" line="168"/>
        <source>{name}: is this corpus itself; nothing to merge</source>
        <translation>{name} : c’est ce corpus lui-même ; rien à fusionner</translation>
    </message>
    <message>
        <location filename="../annotator/gui/file_actions.py" line="181"/>
        <source>Merge finished</source>
        <translation>Fusion terminée</translation>
    </message>
    <message>
        <location filename="../annotator/gui/file_actions.py" line="195"/>
        <source>Import finished</source>
        <translation>Import terminé</translation>
    </message>
    <message>
        <location filename="../annotator/gui/file_actions.py" line="197"/>
        <source>Import: {summary}</source>
        <translation>Import : {summary}</translation>
    </message>
    <message>
        <location filename="../annotator/gui/file_actions.py" line="205"/>
        <source>Export finished</source>
        <translation>Export terminé</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <location filename="../annotator/gui/find_bar.py" line="46"/>
        <source>Find in this document</source>
        <translation>Rechercher dans ce document</translation>
    </message>
    <message>
        <location filename="../annotator/gui/find_bar.py" line="79"/>
        <source>no match</source>
        <translation>aucun résultat</translation>
    </message>
    <message>
        <location filename="../annotator/gui/find_bar.py" line="88"/>
        <source>{current} of {total}</source>
        <translation>{current} sur {total}</translation>
    </message>
</context>
<context>
    <name>FragmentActions</name>
    <message>
        <location filename="../annotator/gui/fragment_actions.py" line="47"/>
        <source>Click the span first, then select the stretch to add to it and press Shift+Enter.</source>
        <translation>Cliquez d’abord sur le segment, puis sélectionnez le passage à y ajouter et appuyez sur Shift+Enter.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/fragment_actions.py" line="52"/>
        <source>Select the stretch to add to “{span}”, then press Shift+Enter.</source>
        <translation>Sélectionnez le passage à ajouter à « {span} », puis appuyez sur Shift+Enter.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/fragment_actions.py" line="57"/>
        <source>Accept the suggestion (Enter) before adding to it.</source>
        <translation>Acceptez la suggestion (Enter) avant d’y ajouter un passage.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/fragment_actions.py" line="62"/>
        <source>That stretch is already part of the span.</source>
        <translation>Ce passage fait déjà partie du segment.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/fragment_actions.py" line="68"/>
        <source>“{span}”: {count} piece(s).</source>
        <translation>« {span} » : {count} fragment(s).</translation>
    </message>
    <message>
        <location filename="../annotator/gui/fragment_actions.py" line="77"/>
        <source>read-only: {why} — nothing can be changed here.</source>
        <translation>lecture seule : {why} — rien ne peut être modifié ici.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/fragment_actions.py" line="82"/>
        <source>Select a span of several pieces first; Delete removes a whole span.</source>
        <translation>Sélectionnez d’abord un segment en plusieurs fragments ; Delete supprime un segment entier.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/fragment_actions.py" line="92"/>
        <source>Put the cursor in the piece to take away (or right-click the span).</source>
        <translation>Placez le curseur dans le fragment à retirer (ou faites un clic droit sur le segment).</translation>
    </message>
    <message>
        <location filename="../annotator/gui/fragment_actions.py" line="99"/>
        <source>Not changed: {reason}.</source>
        <translation>Non modifié : {reason}.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/fragment_actions.py" line="104"/>
        <source>Took “{piece}” from the span: now “{span}”.</source>
        <translation>« {piece} » retiré du segment, qui devient « {span} ».</translation>
    </message>
</context>
<context>
    <name>HealthWatch</name>
    <message>
        <location filename="../annotator/gui/health_watch.py" line="59"/>
        <source>This corpus is damaged</source>
        <translation>Ce corpus est endommagé</translation>
    </message>
    <message>
        <location filename="../annotator/gui/health_watch.py" line="60"/>
        <source>{path}

{problem}

Your latest edits are in the file, but parts of it cannot be read. Restore it from a backup in {backups} (File &gt; Open corpus…), or export what can be read.</source>
        <translation>{path}

{problem}

Vos dernières modifications sont dans le fichier, mais certaines parties sont illisibles. Restaurez-le à partir d’une sauvegarde dans {backups} (Fichier &gt; Ouvrir un corpus), ou exportez ce qui peut être lu.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/health_watch.py" line="66"/>
        <source>Backed up to {path}</source>
        <translation>Sauvegardé dans {path}</translation>
    </message>
</context>
<context>
    <name>History</name>
    <message>
        <location filename="../annotator/session/history.py" line="66"/>
        <source>{count} edit(s) made while the server could not be reached were not saved: the first was “{step}”.</source>
        <translation>{count} modification(s) faites pendant que le serveur était injoignable n'ont pas été enregistrées : la première était « {step} ».</translation>
    </message>
    <message>
        <location filename="../annotator/session/history.py" line="161"/>
        <source>Nothing was taken back: {count} edit(s) still wait for the server, which cannot be reached.</source>
        <translation>Rien n'a été annulé : {count} modification(s) attendent encore le serveur, injoignable.</translation>
    </message>
    <message>
        <location filename="../annotator/session/history.py" line="164"/>
        <source>Nothing was done again: {count} edit(s) still wait for the server, which cannot be reached.</source>
        <translation>Rien n'a été refait : {count} modification(s) attendent encore le serveur, injoignable.</translation>
    </message>
    <message>
        <location filename="../annotator/session/history.py" line="234"/>
        <source>Could not take back “{step}”: {error}. That step is dropped from the undo history.</source>
        <translation>Impossible d’annuler « {step} » : {error}. Cette étape est retirée de l’historique d’annulation.</translation>
    </message>
    <message>
        <location filename="../annotator/session/history.py" line="238"/>
        <source>Could not do again “{step}”: {error}. That step is dropped from the undo history.</source>
        <translation>Impossible de rétablir « {step} » : {error}. Cette étape est retirée de l’historique d’annulation.</translation>
    </message>
    <message>
        <location filename="../annotator/session/history.py" line="256"/>
        <source>Could not take back “{step}”: {error}</source>
        <translation>Impossible d’annuler « {step} » : {error}</translation>
    </message>
    <message>
        <location filename="../annotator/session/history.py" line="258"/>
        <source>Could not save “{step}”: {error}</source>
        <translation>Impossible d’enregistrer « {step} » : {error}</translation>
    </message>
</context>
<context>
    <name>LabelActions</name>
    <message>
        <location filename="../annotator/gui/label_actions.py" line="48"/>
        <source>For example: {examples}</source>
        <translation>Par exemple : {examples}</translation>
    </message>
    <message>
        <location filename="../annotator/gui/label_actions.py" line="50"/>
        <source>Keys: {keys}</source>
        <translation>Touches : {keys}</translation>
    </message>
</context>
<context>
    <name>LinkListModel</name>
    <message>
        <location filename="../annotator/gui/link_list.py" line="59"/>
        <source>this span —{label}→ “{other}”</source>
        <translation>ce segment —{label}→ « {other} »</translation>
    </message>
    <message>
        <location filename="../annotator/gui/link_list.py" line="60"/>
        <source>“{other}” —{label}→ this span</source>
        <translation>« {other} » —{label}→ ce segment</translation>
    </message>
    <message>
        <location filename="../annotator/gui/link_list.py" line="61"/>
        <source>{label} · coder {coder}</source>
        <translation>{label} · codeur {coder}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../annotator/gui/main_window.py" line="79"/>
        <source>Labels</source>
        <translation>Étiquettes</translation>
    </message>
    <message>
        <location filename="../annotator/gui/main_window.py" line="219"/>
        <source>{name} (read-only) — annotator</source>
        <translation>{name} (lecture seule) — annotator</translation>
    </message>
    <message>
        <location filename="../annotator/gui/main_window.py" line="220"/>
        <source>{name} — annotator</source>
        <translation>{name} — annotator</translation>
    </message>
    <message>
        <location filename="../annotator/gui/main_window.py" line="300"/>
        <source>Spans ({count} · {suggested} suggested)</source>
        <translation>Segments ({count} · suggestions : {suggested})</translation>
    </message>
    <message>
        <location filename="../annotator/gui/main_window.py" line="363"/>
        <source>Not saved. {message}</source>
        <translation>Non enregistré. {message}</translation>
    </message>
    <message>
        <location filename="../annotator/gui/main_window.py" line="371"/>
        <source>Waiting for another program that is writing to the corpus…</source>
        <translation>En attente d’un autre programme qui écrit dans le corpus…</translation>
    </message>
    <message>
        <location filename="../annotator/gui/main_window.py" line="383"/>
        <source>read-only: {why}. You can read, search and export this corpus; nothing in it can be changed here.</source>
        <translation>lecture seule : {why}. Vous pouvez lire, rechercher et exporter ce corpus, mais rien ne peut y être modifié ici.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/main_window.py" line="390"/>
        <source>The work in the background stopped.

{message}</source>
        <translation>Le travail en arrière-plan s’est arrêté.

{message}</translation>
    </message>
    <message>
        <location filename="../annotator/gui/main_window.py" line="434"/>
        <source>Could not save the settings: {reason}. Work goes on.</source>
        <translation>Impossible d’enregistrer les paramètres : {reason}. Le travail continue.</translation>
    </message>
    <message>
        <source>✓ all saved</source>
        <translation>✓ tout est enregistré</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Édition</translation>
    </message>
    <message>
        <source>Tag or relabel as</source>
        <translation>Étiqueter ou réétiqueter comme</translation>
    </message>
    <message>
        <source>&amp;Document</source>
        <translation>&amp;Document</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>Aff&amp;ichage</translation>
    </message>
    <message>
        <source>&amp;Link</source>
        <translation>&amp;Liens</translation>
    </message>
    <message>
        <source>E&amp;vent</source>
        <translation>É&amp;vénement</translation>
    </message>
    <message>
        <source>&amp;Suggest</source>
        <translation>&amp;Suggestions</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Outils</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <source>✗ not saved</source>
        <translation>✗ non enregistré</translation>
    </message>
    <message>
        <location filename="../annotator/gui/main_window.py" line="389"/>
        <source>Stopped</source>
        <translation>Interrompu</translation>
    </message>
</context>
<context>
    <name>MapActions</name>
    <message>
        <location filename="../annotator/gui/map_actions.py" line="48"/>
        <source>Map of places</source>
        <translation>Carte des lieux</translation>
    </message>
    <message>
        <location filename="../annotator/gui/map_actions.py" line="149"/>
        <source>Select an event in the Events list to see its places.</source>
        <translation>Sélectionnez un événement dans la liste des événements pour voir ses lieux.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/map_actions.py" line="156"/>
        <source>None of this event's places has coordinates: give its location spans a latitude and a longitude.</source>
        <translation>Aucun lieu de cet événement n’a de coordonnées : donnez une latitude et une longitude à ses segments de lieu.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/map_actions.py" line="189"/>
        <source>The places could not be read: {error}</source>
        <translation>Les lieux n’ont pas pu être lus : {error}</translation>
    </message>
    <message>
        <location filename="../annotator/gui/map_actions.py" line="204"/>
        <source>No place in the documents listed has coordinates. The map shows the places of the documents the list shows: widen the search or the filters to see more.</source>
        <translation>Aucun lieu des documents listés n’a de coordonnées. La carte montre les lieux des documents que montre la liste : élargissez la recherche ou les filtres pour en voir davantage.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/map_actions.py" line="208"/>
        <source>No coded place has coordinates yet. Tag a place as a location and give it a latitude and a longitude (a suggestion from the gazetteer fills them in): it appears here.</source>
        <translation>Aucun lieu codé n’a encore de coordonnées. Étiquetez un lieu comme lieu et donnez-lui une latitude et une longitude (une suggestion du répertoire géographique les remplit) : il apparaît ici.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/map_actions.py" line="228"/>
        <source>The place's document could not be opened: {error}</source>
        <translation>Le document de ce lieu n’a pas pu être ouvert : {error}</translation>
    </message>
    <message>
        <location filename="../annotator/gui/map_actions.py" line="233"/>
        <source>“{place}” is no longer coded in that document.</source>
        <translation>« {place} » n’est plus codé dans ce document.</translation>
    </message>
</context>
<context>
    <name>MapPane</name>
    <message>
        <location filename="../annotator/gui/map_pane.py" line="38"/>
        <source>This event only</source>
        <translation>Cet événement seulement</translation>
    </message>
    <message>
        <location filename="../annotator/gui/map_pane.py" line="40"/>
        <source>Show only the places of the event selected in the Events list</source>
        <translation>Ne montrer que les lieux de l’événement sélectionné dans la liste des événements</translation>
    </message>
    <message>
        <location filename="../annotator/gui/map_pane.py" line="42"/>
        <source>Fit</source>
        <translation>Ajuster</translation>
    </message>
    <message>
        <location filename="../annotator/gui/map_pane.py" line="43"/>
        <source>Show all the places shown (F)</source>
        <translation>Montrer tous les lieux affichés (F)</translation>
    </message>
    <message>
        <location filename="../annotator/gui/map_pane.py" line="109"/>
        <source>showing {shown} of {total} places</source>
        <translation>{shown} lieux affichés sur {total}</translation>
    </message>
    <message>
        <location filename="../annotator/gui/map_pane.py" line="112"/>
        <source>{places} places in {documents} documents</source>
        <translation>{places} lieux dans {documents} documents</translation>
    </message>
    <message>
        <location filename="../annotator/gui/map_pane.py" line="117"/>
        <source>{count} with unreadable coordinates left out</source>
        <translation>{count} aux coordonnées illisibles laissés de côté</translation>
    </message>
    <message>
        <location filename="../annotator/gui/map_pane.py" line="125"/>
        <source>in “{title}”</source>
        <translation>dans « {title} »</translation>
    </message>
    <message>
        <location filename="../annotator/gui/map_pane.py" line="127"/>
        <source>event: {types}</source>
        <translation>événement : {types}</translation>
    </message>
    <message>
        <location filename="../annotator/gui/map_pane.py" line="129"/>
        <location filename="../annotator/gui/map_pane.py" line="152"/>
        <source>in no event</source>
        <translation>dans aucun événement</translation>
    </message>
    <message>
        <location filename="../annotator/gui/map_pane.py" line="135"/>
        <source>geo precision {precision}</source>
        <translation>précision géographique {precision}</translation>
    </message>
    <message>
        <location filename="../annotator/gui/map_pane.py" line="140"/>
        <source>{count} places at this spot</source>
        <translation>{count} lieux à cet endroit</translation>
    </message>
</context>
<context>
    <name>NoticeBar</name>
    <message>
        <location filename="../annotator/gui/notices.py" line="64"/>
        <source>Close this notice</source>
        <translation>Fermer cet avis</translation>
    </message>
</context>
<context>
    <name>Origin</name>
    <message>
        <location filename="../annotator/session/messages.py" line="67"/>
        <source>manual</source>
        <translation>manuel</translation>
    </message>
    <message>
        <location filename="../annotator/session/messages.py" line="68"/>
        <source>suggested</source>
        <translation>suggéré</translation>
    </message>
    <message>
        <location filename="../annotator/session/messages.py" line="69"/>
        <source>imported</source>
        <translation>importé</translation>
    </message>
    <message>
        <location filename="../annotator/session/messages.py" line="70"/>
        <source>accepted</source>
        <translation>accepté</translation>
    </message>
</context>
<context>
    <name>ProgressReport</name>
    <message>
        <location filename="../annotator/gui/progress_report.py" line="17"/>
        <source>coder</source>
        <translation>codeur</translation>
    </message>
    <message>
        <location filename="../annotator/gui/progress_report.py" line="17"/>
        <source>taken</source>
        <translation>pris</translation>
    </message>
    <message>
        <location filename="../annotator/gui/progress_report.py" line="18"/>
        <source>done</source>
        <translation>faits</translation>
    </message>
    <message>
        <location filename="../annotator/gui/progress_report.py" line="18"/>
        <source>in progress</source>
        <translation>en cours</translation>
    </message>
    <message>
        <location filename="../annotator/gui/progress_report.py" line="19"/>
        <source>skipped</source>
        <translation>passés</translation>
    </message>
    <message>
        <location filename="../annotator/gui/progress_report.py" line="23"/>
        <source>Work queue: {taken} of {total} copies taken, {waiting} waiting.</source>
        <translation>File de travail : {taken} copies prises sur {total}, {waiting} en attente.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/progress_report.py" line="28"/>
        <source>No one has coded anything yet.</source>
        <translation>Personne n'a encore rien codé.</translation>
    </message>
</context>
<context>
    <name>Prompts</name>
    <message>
        <location filename="../annotator/gui/prompts.py" line="37"/>
        <source>annotator corpora (*.sqlite *.db *.annotator);;All files (*)</source>
        <translation>Corpus annotator (*.sqlite *.db *.annotator);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location filename="../annotator/gui/prompts.py" line="43"/>
        <source>Articles and annotations (*.txt *.jsonl *.ndjson *.json *.csv *.spacy *.conll *.iob *.bio *.tsv *.ann);;All files (*)</source>
        <translation>Articles et annotations (*.txt *.jsonl *.ndjson *.json *.csv *.spacy *.conll *.iob *.bio *.tsv *.ann);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location filename="../annotator/gui/prompts.py" line="54"/>
        <source>Who is coding?</source>
        <translation>Qui code ?</translation>
    </message>
    <message>
        <location filename="../annotator/gui/prompts.py" line="55"/>
        <source>Your name or initials. Every span you make records it.</source>
        <translation>Votre nom ou vos initiales, enregistrés avec chaque segment que vous créez.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/prompts.py" line="62"/>
        <location filename="../annotator/gui/prompts.py" line="71"/>
        <source>New corpus</source>
        <translation>Nouveau corpus</translation>
    </message>
    <message>
        <location filename="../annotator/gui/prompts.py" line="68"/>
        <source>annotator's own: actors, casualties, locations</source>
        <translation>celui d'annotator : acteurs, victimes, lieux</translation>
    </message>
    <message>
        <location filename="../annotator/gui/prompts.py" line="72"/>
        <source>Which codebook should the new corpus start with? Its labels, attributes, event types and event codes can be changed later (F4).</source>
        <translation>Avec quel manuel de codage le nouveau corpus doit-il commencer ? Ses étiquettes, attributs, types d'événements et codes d'événements pourront être modifiés ensuite (F4).</translation>
    </message>
    <message>
        <location filename="../annotator/gui/prompts.py" line="80"/>
        <source>Open corpus</source>
        <translation>Ouvrir un corpus</translation>
    </message>
    <message>
        <location filename="../annotator/gui/prompts.py" line="93"/>
        <source>Import articles</source>
        <translation>Importer des articles</translation>
    </message>
    <message>
        <location filename="../annotator/gui/prompts.py" line="160"/>
        <source>Merge coders' corpora</source>
        <translation>Fusionner les corpus des codeurs</translation>
    </message>
    <message>
        <location filename="../annotator/gui/prompts.py" line="177"/>
        <source>Import a folder of articles</source>
        <translation>Importer un dossier d’articles</translation>
    </message>
</context>
<context>
    <name>RelationActions</name>
    <message>
        <location filename="../annotator/gui/relation_actions.py" line="47"/>
        <source>Links</source>
        <translation>Liens</translation>
    </message>
    <message>
        <location filename="../annotator/gui/relation_actions.py" line="92"/>
        <source>Link as “{name}”…</source>
        <translation>Lier comme « {name} »…</translation>
    </message>
    <message>
        <location filename="../annotator/gui/relation_actions.py" line="127"/>
        <source>(a span not shown)</source>
        <translation>(un segment non affiché)</translation>
    </message>
    <message>
        <location filename="../annotator/gui/relation_actions.py" line="135"/>
        <source>Links ({count}) · {total} in this document</source>
        <translation>Liens ({count}) · {total} dans ce document</translation>
    </message>
    <message>
        <location filename="../annotator/gui/relation_actions.py" line="137"/>
        <source>Links · {total} in this document</source>
        <translation>Liens · {total} dans ce document</translation>
    </message>
    <message>
        <location filename="../annotator/gui/relation_actions.py" line="159"/>
        <source>No spans in this document.</source>
        <translation>Aucun segment dans ce document.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/relation_actions.py" line="177"/>
        <source>Select the span a link starts from first (click it, or Alt+Down to it).</source>
        <translation>Sélectionnez d’abord le segment d’où part le lien (cliquez dessus, ou atteignez-le avec Alt+Down).</translation>
    </message>
    <message>
        <location filename="../annotator/gui/relation_actions.py" line="181"/>
        <source>Accept the suggestion (Enter) before linking it.</source>
        <translation>Acceptez la suggestion (Enter) avant de la lier.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/relation_actions.py" line="189"/>
        <source>“{type}” link from “{span}”: click the other span, or Alt+Down/Alt+Up to it and Enter. Esc stops.</source>
        <translation>Lien « {type} » depuis « {span} » : cliquez sur l’autre segment, ou atteignez-le avec Alt+Down/Alt+Up puis Enter. Esc pour arrêter.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/relation_actions.py" line="192"/>
        <source>Link from “{span}”: click the other span, or Alt+Down/Alt+Up to it and Enter. Esc stops.</source>
        <translation>Lien depuis « {span} » : cliquez sur l’autre segment, ou atteignez-le avec Alt+Down/Alt+Up puis Enter. Esc pour arrêter.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/relation_actions.py" line="226"/>
        <source>Linking stopped: nothing was linked.</source>
        <translation>Liaison arrêtée : aucun lien créé.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/relation_actions.py" line="242"/>
        <source>The span the link started from is gone: nothing was linked.</source>
        <translation>Le segment de départ du lien n’existe plus : aucun lien créé.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/relation_actions.py" line="246"/>
        <source>Move to another span first (Alt+Down/Alt+Up), or click it; Esc stops.</source>
        <translation>Allez d’abord sur un autre segment (Alt+Down/Alt+Up), ou cliquez dessus ; Esc pour arrêter.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/relation_actions.py" line="260"/>
        <source>Not linked: the codebook has no relation from {head} to {tail} ({reasons}).</source>
        <translation>Non lié : le guide de codage n’a aucune relation de {head} vers {tail} ({reasons}).</translation>
    </message>
    <message>
        <location filename="../annotator/gui/relation_actions.py" line="273"/>
        <source>Nothing linked or changed.</source>
        <translation>Aucun lien créé ni modifié.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/relation_actions.py" line="281"/>
        <source>Not linked: {reason}.</source>
        <translation>Non lié : {reason}.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/relation_actions.py" line="285"/>
        <source>Already linked as “{name}”.</source>
        <translation>Déjà lié comme « {name} ».</translation>
    </message>
    <message>
        <location filename="../annotator/gui/relation_actions.py" line="292"/>
        <source>Linked “{head}” —{type}→ “{tail}”.</source>
        <translation>Lien créé : « {head} » —{type}→ « {tail} ».</translation>
    </message>
    <message>
        <location filename="../annotator/gui/relation_actions.py" line="301"/>
        <source>read-only: {why} — links cannot be changed in this corpus.</source>
        <translation>lecture seule : {why} — les liens ne peuvent pas être modifiés dans ce corpus.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/relation_actions.py" line="310"/>
        <location filename="../annotator/gui/relation_actions.py" line="324"/>
        <source>Select a link in the Links list first (Ctrl+K).</source>
        <translation>Sélectionnez d’abord un lien dans la liste Liens (Ctrl+K).</translation>
    </message>
    <message>
        <location filename="../annotator/gui/relation_actions.py" line="336"/>
        <source>Not changed: {reason}.</source>
        <translation>Non modifié : {reason}.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/relation_actions.py" line="340"/>
        <source>Change “{type}” to</source>
        <translation>Remplacer « {type} » par</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <location filename="../annotator/gui/report_dialog.py" line="30"/>
        <source>Agreement</source>
        <translation>Accord entre codeurs</translation>
    </message>
    <message>
        <location filename="../annotator/gui/report_dialog.py" line="37"/>
        <source>Save as HTML…</source>
        <translation>Enregistrer en HTML…</translation>
    </message>
    <message>
        <location filename="../annotator/gui/report_dialog.py" line="54"/>
        <source>Save report</source>
        <translation>Enregistrer le rapport</translation>
    </message>
    <message>
        <location filename="../annotator/gui/report_dialog.py" line="55"/>
        <source>Web page (*.html)</source>
        <translation>Page web (*.html)</translation>
    </message>
    <message>
        <location filename="../annotator/gui/report_dialog.py" line="62"/>
        <location filename="../annotator/gui/report_dialog.py" line="67"/>
        <source>Report not saved</source>
        <translation>Rapport non enregistré</translation>
    </message>
    <message>
        <location filename="../annotator/gui/report_dialog.py" line="65"/>
        <source>the disk is full</source>
        <translation>le disque est plein</translation>
    </message>
    <message>
        <location filename="../annotator/gui/report_dialog.py" line="68"/>
        <source>{path}: {reason}; nothing was written</source>
        <translation>{path} : {reason} ; rien n’a été écrit</translation>
    </message>
</context>
<context>
    <name>SchemaEditor</name>
    <message>
        <location filename="../annotator/gui/schema_editor.py" line="125"/>
        <source>Key</source>
        <translation>Touche</translation>
    </message>
    <message>
        <location filename="../annotator/gui/schema_editor.py" line="62"/>
        <source>Label schema</source>
        <translation>Schéma des étiquettes</translation>
    </message>
    <message>
        <location filename="../annotator/gui/schema_editor.py" line="36"/>
        <source>choice</source>
        <translation>choix unique</translation>
    </message>
    <message>
        <location filename="../annotator/gui/schema_editor.py" line="37"/>
        <source>choices</source>
        <translation>choix multiple</translation>
    </message>
    <message>
        <location filename="../annotator/gui/schema_editor.py" line="38"/>
        <source>integer</source>
        <translation>entier</translation>
    </message>
    <message>
        <location filename="../annotator/gui/schema_editor.py" line="39"/>
        <source>number</source>
        <translation>nombre</translation>
    </message>
    <message>
        <location filename="../annotator/gui/schema_editor.py" line="40"/>
        <source>text</source>
        <translation>texte</translation>
    </message>
    <message>
        <location filename="../annotator/gui/schema_editor.py" line="41"/>
        <source>boolean</source>
        <translation>booléen</translation>
    </message>
    <message>
        <location filename="../annotator/gui/schema_editor.py" line="79"/>
        <source>Attribute</source>
        <translation>Attribut</translation>
    </message>
    <message>
        <location filename="../annotator/gui/schema_editor.py" line="79"/>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../annotator/gui/schema_editor.py" line="79"/>
        <source>Values (comma-separated)</source>
        <translation>Valeurs (séparées par des virgules)</translation>
    </message>
    <message>
        <location filename="../annotator/gui/schema_editor.py" line="80"/>
        <source>Required</source>
        <translation>Obligatoire</translation>
    </message>
    <message>
        <location filename="../annotator/gui/schema_editor.py" line="102"/>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <location filename="../annotator/gui/schema_editor.py" line="102"/>
        <source>Remove</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <location filename="../annotator/gui/schema_editor.py" line="103"/>
        <source>Up</source>
        <translation>Monter</translation>
    </message>
    <message>
        <location filename="../annotator/gui/schema_editor.py" line="104"/>
        <source>Down</source>
        <translation>Descendre</translation>
    </message>
    <message>
        <location filename="../annotator/gui/schema_editor.py" line="114"/>
        <source>Add attribute</source>
        <translation>Ajouter un attribut</translation>
    </message>
    <message>
        <location filename="../annotator/gui/schema_editor.py" line="115"/>
        <source>Remove attribute</source>
        <translation>Supprimer l’attribut</translation>
    </message>
    <message>
        <location filename="../annotator/gui/schema_editor.py" line="123"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../annotator/gui/schema_editor.py" line="124"/>
        <source>Colour</source>
        <translation>Couleur</translation>
    </message>
    <message>
        <location filename="../annotator/gui/schema_editor.py" line="126"/>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../annotator/gui/schema_editor.py" line="138"/>
        <source>Event types</source>
        <translation>Types d’événements</translation>
    </message>
    <message>
        <location filename="../annotator/gui/schema_editor.py" line="139"/>
        <source>Event roles</source>
        <translation>Rôles d’événements</translation>
    </message>
    <message>
        <location filename="../annotator/gui/schema_editor.py" line="180"/>
        <source>Label colour</source>
        <translation>Couleur de l’étiquette</translation>
    </message>
    <message>
        <location filename="../annotator/gui/schema_editor.py" line="187"/>
        <source>new label</source>
        <translation>nouvelle étiquette</translation>
    </message>
    <message>
        <location filename="../annotator/gui/schema_editor.py" line="188"/>
        <source>new label {number}</source>
        <translation>nouvelle étiquette {number}</translation>
    </message>
    <message>
        <location filename="../annotator/gui/schema_editor.py" line="227"/>
        <source>attribute{number}</source>
        <translation>attribut{number}</translation>
    </message>
    <message>
        <location filename="../annotator/gui/schema_editor.py" line="309"/>
        <source>Removing {removed} also removes the relation types {types} (it links only labels being removed). Press OK again to go ahead.</source>
        <translation>Supprimer {removed} supprime aussi les types de relation {types} (ils ne relient que des étiquettes supprimées). Appuyez de nouveau sur OK pour continuer.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/schema_editor.py" line="312"/>
        <source>Removing {removed} also removes the relation type {types} (it links only labels being removed). Press OK again to go ahead.</source>
        <translation>Supprimer {removed} supprime aussi le type de relation {types} (il ne relie que des étiquettes supprimées). Appuyez de nouveau sur OK pour continuer.</translation>
    </message>
</context>
<context>
    <name>SearchField</name>
    <message>
        <location filename="../annotator/gui/search_box.py" line="30"/>
        <source>Search corpus (Ctrl+Shift+F)</source>
        <translation>Rechercher (Ctrl+Shift+F)</translation>
    </message>
    <message>
        <location filename="../annotator/gui/search_box.py" line="32"/>
        <source>Words, "a phrase", OR, NOT, NEAR(a b), prefix*
Enter searches at once; Esc stops a search or clears it</source>
        <translation>Mots, "une expression", OR, NOT, NEAR(a b), préfixe*
Enter lance la recherche aussitôt ; Esc arrête une recherche ou l’efface</translation>
    </message>
</context>
<context>
    <name>SearchRunner</name>
    <message>
        <location filename="../annotator/gui/search_runner.py" line="77"/>
        <source>Search could not read the corpus: {error}</source>
        <translation>La recherche n’a pas pu lire le corpus : {error}</translation>
    </message>
    <message>
        <location filename="../annotator/gui/search_runner.py" line="111"/>
        <source>Search not understood ({error}). Plain words always work; use quotes in pairs, and AND, OR, NOT between words.</source>
        <translation>Recherche non comprise ({error}). Des mots simples fonctionnent toujours ; mettez les guillemets par paires, et AND, OR, NOT entre les mots.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/search_runner.py" line="114"/>
        <source>Search failed: {error}</source>
        <translation>Échec de la recherche : {error}</translation>
    </message>
</context>
<context>
    <name>SearchStatus</name>
    <message>
        <location filename="../annotator/gui/search_box.py" line="87"/>
        <source>Stop</source>
        <translation>Arrêter</translation>
    </message>
    <message>
        <location filename="../annotator/gui/search_box.py" line="88"/>
        <source>Stop this search (Esc)</source>
        <translation>Arrêter cette recherche (Esc)</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <location filename="../annotator/session/session.py" line="156"/>
        <source>Changes made elsewhere could not be read: {error}</source>
        <translation>Les changements faits ailleurs n'ont pas pu être lus : {error}</translation>
    </message>
    <message>
        <location filename="../annotator/session/session.py" line="160"/>
        <source>Updated with changes made elsewhere.</source>
        <translation>Mis à jour avec les modifications faites ailleurs.</translation>
    </message>
    <message>
        <location filename="../annotator/session/session.py" line="211"/>
        <source>No more documents that way.</source>
        <translation>Plus aucun document dans cette direction.</translation>
    </message>
    <message>
        <location filename="../annotator/session/session.py" line="222"/>
        <source>Your queue is empty: nothing more is queued for you.</source>
        <translation>Votre file est vide : plus rien n'y attend pour vous.</translation>
    </message>
    <message>
        <location filename="../annotator/session/session.py" line="237"/>
        <source>Every document is done. Well coded!</source>
        <translation>Tous les documents sont terminés. Beau travail !</translation>
    </message>
    <message>
        <location filename="../annotator/session/session.py" line="297"/>
        <source>read-only: {why} — nothing can be tagged or changed in this corpus.</source>
        <translation>lecture seule : {why} — rien ne peut être étiqueté ni modifié dans ce corpus.</translation>
    </message>
    <message>
        <location filename="../annotator/session/session.py" line="313"/>
        <source>Select some text first, then press a label key.</source>
        <translation>Sélectionnez d’abord du texte, puis appuyez sur la touche d’une étiquette.</translation>
    </message>
    <message>
        <location filename="../annotator/session/session.py" line="331"/>
        <source>Already tagged.</source>
        <translation>Déjà étiqueté.</translation>
    </message>
    <message>
        <location filename="../annotator/session/session.py" line="383"/>
        <source>Not done yet: {count} span(s) lack required attributes (“{text}” needs {missing}).</source>
        <translation>Pas encore terminé : {count} segment(s) sans attributs obligatoires (il manque {missing} à « {text} »).</translation>
    </message>
    <message>
        <location filename="../annotator/session/session.py" line="413"/>
        <source>Not saved: {message}</source>
        <translation>Non enregistré : {message}</translation>
    </message>
    <message>
        <location filename="../annotator/session/session.py" line="422"/>
        <source>Not saved yet: the server cannot be reached. {count} edit(s) wait and are saved, in order, as soon as it answers.</source>
        <translation>Pas encore enregistré : le serveur est injoignable. {count} modification(s) attendent et seront enregistrées, dans l'ordre, dès qu'il répondra.</translation>
    </message>
    <message>
        <location filename="../annotator/session/session.py" line="426"/>
        <source>The server answers again: every edit that waited is saved.</source>
        <translation>Le serveur répond de nouveau : toutes les modifications en attente sont enregistrées.</translation>
    </message>
</context>
<context>
    <name>ShortcutEditor</name>
    <message>
        <location filename="../annotator/gui/shortcuts.py" line="93"/>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <location filename="../annotator/gui/shortcuts.py" line="96"/>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../annotator/gui/shortcuts.py" line="96"/>
        <source>Key</source>
        <translation>Touche</translation>
    </message>
    <message>
        <location filename="../annotator/gui/shortcuts.py" line="122"/>
        <source>{key} is given to both “{first}” and “{second}”</source>
        <translation>{key} est attribué à la fois à « {first} » et à « {second} »</translation>
    </message>
</context>
<context>
    <name>ShortcutSheet</name>
    <message>
        <location filename="../annotator/gui/shortcuts.py" line="77"/>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <location filename="../annotator/gui/shortcuts.py" line="44"/>
        <source>From the codebook</source>
        <translation>Définis par le guide de codage</translation>
    </message>
    <message>
        <location filename="../annotator/gui/shortcuts.py" line="46"/>
        <source>In the article</source>
        <translation>Dans l’article</translation>
    </message>
    <message>
        <location filename="../annotator/gui/shortcuts.py" line="52"/>
        <source>Change them in {menu} &gt; {entry}.</source>
        <translation>Modifiez-les dans {menu} &gt; {entry}.</translation>
    </message>
</context>
<context>
    <name>SpanList</name>
    <message>
        <location filename="../annotator/gui/span_list.py" line="144"/>
        <source>suggested by {source}, {percent}% sure</source>
        <translation>suggéré par {source}, sûr à {percent} %</translation>
    </message>
    <message>
        <location filename="../annotator/gui/span_list.py" line="146"/>
        <source>suggested by {source}</source>
        <translation>suggéré par {source}</translation>
    </message>
</context>
<context>
    <name>SpanMenu</name>
    <message>
        <location filename="../annotator/gui/span_menu.py" line="33"/>
        <source>Take “{words}” out of the span</source>
        <translation>Retirer « {words} » du segment</translation>
    </message>
</context>
<context>
    <name>SpanPane</name>
    <message>
        <location filename="../annotator/gui/span_pane.py" line="51"/>
        <source>Spans</source>
        <translation>Segments</translation>
    </message>
    <message>
        <location filename="../annotator/gui/span_pane.py" line="85"/>
        <source>Events</source>
        <translation>Événements</translation>
    </message>
    <message>
        <location filename="../annotator/gui/span_pane.py" line="91"/>
        <source>Selected span</source>
        <translation>Segment sélectionné</translation>
    </message>
    <message>
        <location filename="../annotator/gui/span_pane.py" line="110"/>
        <source>Spans ({count})</source>
        <translation>Segments ({count})</translation>
    </message>
    <message>
        <location filename="../annotator/gui/span_pane.py" line="123"/>
        <source>Suggestions decided so far in this corpus, by every coder:</source>
        <translation>Suggestions tranchées jusqu'ici dans ce corpus, par tous les codeurs :</translation>
    </message>
    <message>
        <location filename="../annotator/gui/span_pane.py" line="124"/>
        <source>{source}: {accepted} accepted, {rejected} rejected, {pending} pending</source>
        <translation>{source} : {accepted} acceptées, {rejected} rejetées, {pending} en attente</translation>
    </message>
    <message>
        <location filename="../annotator/gui/span_pane.py" line="136"/>
        <source>{source} {percent}% of {decided}</source>
        <translation>{source} {percent} % sur {decided}</translation>
    </message>
    <message>
        <location filename="../annotator/gui/span_pane.py" line="143"/>
        <source>Accepted: {sources}</source>
        <translation>Acceptées : {sources}</translation>
    </message>
    <message>
        <location filename="../annotator/gui/span_pane.py" line="159"/>
        <source>Click a span, or select text and press a label key (a selection snaps to whole words; Alt as you let go of the mouse keeps it exact). Ctrl+click several spans, then Ctrl+G to make an event.</source>
        <translation>Cliquez sur un segment, ou sélectionnez du texte et appuyez sur la touche d’une étiquette (la sélection s’ajuste aux mots entiers ; Alt en relâchant la souris la garde exacte). Ctrl+clic sur plusieurs segments, puis Ctrl+G pour créer un événement.</translation>
    </message>
    <message numerus="yes">
        <location filename="../annotator/gui/span_pane.py" line="176"/>
        <source> in %n pieces</source>
        <translation>
            <numerusform> en %n fragment</numerusform>
            <numerusform> en %n fragments</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../annotator/gui/span_pane.py" line="183"/>
        <source>characters {start}–{end}{pieces} · {coder} · {origin}{links}</source>
        <translation>caractères {start}–{end}{pieces} · {coder} · {origin}{links}</translation>
    </message>
    <message>
        <location filename="../annotator/gui/span_pane.py" line="275"/>
        <source> e.g. {examples}</source>
        <translation> p. ex. {examples}</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <location filename="../annotator/session/messages.py" line="61"/>
        <source>todo</source>
        <translation>à faire</translation>
    </message>
    <message>
        <location filename="../annotator/session/messages.py" line="62"/>
        <source>in progress</source>
        <translation>en cours</translation>
    </message>
    <message>
        <location filename="../annotator/session/messages.py" line="63"/>
        <source>done</source>
        <translation>terminé</translation>
    </message>
    <message>
        <location filename="../annotator/session/messages.py" line="64"/>
        <source>skipped</source>
        <translation>ignoré</translation>
    </message>
</context>
<context>
    <name>StatusLine</name>
    <message>
        <location filename="../annotator/gui/status_line.py" line="25"/>
        <location filename="../annotator/gui/status_line.py" line="68"/>
        <source>✓ all saved</source>
        <translation>✓ tout est enregistré</translation>
    </message>
    <message>
        <location filename="../annotator/gui/status_line.py" line="33"/>
        <source>coder: {coder}</source>
        <translation>codeur : {coder}</translation>
    </message>
    <message>
        <location filename="../annotator/gui/status_line.py" line="36"/>
        <source>done {done} / {total}</source>
        <translation>terminés : {done} / {total}</translation>
    </message>
    <message>
        <location filename="../annotator/gui/status_line.py" line="44"/>
        <source>no date</source>
        <translation>sans date</translation>
    </message>
    <message>
        <location filename="../annotator/gui/status_line.py" line="50"/>
        <source>✓ saved {time}</source>
        <translation>✓ enregistré à {time}</translation>
    </message>
    <message>
        <location filename="../annotator/gui/status_line.py" line="55"/>
        <source>✗ not saved</source>
        <translation>✗ non enregistré</translation>
    </message>
    <message>
        <location filename="../annotator/gui/status_line.py" line="60"/>
        <source>✗ {count} waiting for the server</source>
        <translation>✗ {count} en attente du serveur</translation>
    </message>
    <message>
        <location filename="../annotator/gui/status_line.py" line="67"/>
        <source>read-only: {why}</source>
        <translation>lecture seule : {why}</translation>
    </message>
    <message>
        <location filename="../annotator/gui/status_line.py" line="41"/>
        <source>This corpus is empty: File &gt; Import files…</source>
        <translation>Ce corpus est vide : Fichier &gt; Importer des fichiers.</translation>
    </message>
</context>
<context>
    <name>Steps</name>
    <message>
        <location filename="../annotator/session/steps.py" line="43"/>
        <source>tag {text} as {label}</source>
        <translation>étiqueter {text} comme {label}</translation>
    </message>
    <message>
        <location filename="../annotator/session/steps.py" line="46"/>
        <source>remove {label} {text}</source>
        <translation>supprimer {label} {text}</translation>
    </message>
    <message>
        <location filename="../annotator/session/steps.py" line="50"/>
        <source>relabel {text} as {label}</source>
        <translation>réétiqueter {text} comme {label}</translation>
    </message>
    <message>
        <location filename="../annotator/session/steps.py" line="52"/>
        <source>change {label} {text}</source>
        <translation>modifier {label} {text}</translation>
    </message>
    <message>
        <location filename="../annotator/session/steps.py" line="55"/>
        <source>mark {status}</source>
        <translation>marquer comme {status}</translation>
    </message>
    <message>
        <location filename="../annotator/session/steps.py" line="58"/>
        <source>add {type} event</source>
        <translation>ajouter l’événement {type}</translation>
    </message>
    <message>
        <location filename="../annotator/session/steps.py" line="60"/>
        <source>remove {type} event</source>
        <translation>supprimer l’événement {type}</translation>
    </message>
    <message>
        <location filename="../annotator/session/steps.py" line="63"/>
        <source>change {type} event</source>
        <translation>modifier l’événement {type}</translation>
    </message>
    <message>
        <location filename="../annotator/session/steps.py" line="66"/>
        <source>change document details</source>
        <translation>modifier les détails du document</translation>
    </message>
    <message>
        <location filename="../annotator/session/steps.py" line="68"/>
        <source>reject suggestion {text}</source>
        <translation>rejeter la suggestion {text}</translation>
    </message>
    <message>
        <location filename="../annotator/session/steps.py" line="71"/>
        <source>restore suggestion {text}</source>
        <translation>restaurer la suggestion {text}</translation>
    </message>
    <message>
        <location filename="../annotator/session/steps.py" line="74"/>
        <source>link {type}</source>
        <translation>créer le lien {type}</translation>
    </message>
    <message>
        <location filename="../annotator/session/steps.py" line="77"/>
        <source>remove link {type}</source>
        <translation>supprimer le lien {type}</translation>
    </message>
    <message>
        <location filename="../annotator/session/steps.py" line="80"/>
        <source>change link {type}</source>
        <translation>modifier le lien {type}</translation>
    </message>
    <message>
        <location filename="../annotator/session/steps.py" line="83"/>
        <source>set document {name}</source>
        <translation>définir l’étiquette de document {name}</translation>
    </message>
    <message>
        <location filename="../annotator/session/steps.py" line="109"/>
        <source>accept {text}</source>
        <translation>accepter {text}</translation>
    </message>
    <message>
        <location filename="../annotator/session/steps.py" line="112"/>
        <source>accept {count} suggestions</source>
        <translation>accepter {count} suggestions</translation>
    </message>
</context>
<context>
    <name>SuggestionActions</name>
    <message>
        <location filename="../annotator/gui/suggestion_actions.py" line="63"/>
        <source>suggest spans</source>
        <translation>suggérer des segments</translation>
    </message>
    <message>
        <location filename="../annotator/gui/suggestion_actions.py" line="64"/>
        <source>No new suggestions for this document.</source>
        <translation>Aucune nouvelle suggestion pour ce document.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/suggestion_actions.py" line="77"/>
        <source>spaCy model {name} is not installed; suggesting without it.</source>
        <translation>Le modèle spaCy {name} n’est pas installé ; suggestions faites sans ce modèle.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/suggestion_actions.py" line="86"/>
        <location filename="../annotator/gui/suggestion_actions.py" line="97"/>
        <source>spaCy model</source>
        <translation>Modèle spaCy</translation>
    </message>
    <message>
        <location filename="../annotator/gui/suggestion_actions.py" line="87"/>
        <source>An installed spaCy NER model to suggest with, e.g. en_core_web_sm (empty: none). annotator never downloads models.</source>
        <translation>Modèle NER spaCy installé à utiliser pour les suggestions, p. ex. en_core_web_sm (vide : aucun). annotator ne télécharge jamais de modèle.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/suggestion_actions.py" line="98"/>
        <source>{name} is not installed here. Install it with: python -m spacy download {name}</source>
        <translation>{name} n’est pas installé ici. Installez-le avec : python -m spacy download {name}</translation>
    </message>
    <message>
        <location filename="../annotator/gui/suggestion_actions.py" line="111"/>
        <source>tag all {text}</source>
        <translation>étiqueter toutes les occurrences de {text}</translation>
    </message>
    <message>
        <location filename="../annotator/gui/suggestion_actions.py" line="113"/>
        <source>No other {text} here.</source>
        <translation>Aucune autre occurrence de {text} ici.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/suggestion_actions.py" line="128"/>
        <source>Tagging all occurrences was cancelled.</source>
        <translation>L’étiquetage de toutes les occurrences a été annulé.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/suggestion_actions.py" line="132"/>
        <source>tag all {text} in the corpus</source>
        <translation>étiqueter toutes les occurrences de {text} dans le corpus</translation>
    </message>
    <message>
        <location filename="../annotator/gui/suggestion_actions.py" line="134"/>
        <source>No other {text} in the corpus.</source>
        <translation>Aucune autre occurrence de {text} dans le corpus.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/suggestion_actions.py" line="139"/>
        <source>Finding {text} in the corpus…</source>
        <translation>Recherche de {text} dans le corpus…</translation>
    </message>
    <message>
        <location filename="../annotator/gui/suggestion_actions.py" line="145"/>
        <source>Select a tagged span first.</source>
        <translation>Sélectionnez d’abord un segment étiqueté.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/suggestion_actions.py" line="156"/>
        <source>{count} suggestions: Tab moves, Enter accepts, Backspace rejects.</source>
        <translation>{count} suggestion(s) : Tab pour naviguer, Enter pour accepter, Backspace pour rejeter.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/suggestion_actions.py" line="184"/>
        <source>No suggestions in this document.</source>
        <translation>Aucune suggestion dans ce document.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/suggestion_actions.py" line="230"/>
        <source>reject {count} suggestions</source>
        <translation>rejeter {count} suggestions</translation>
    </message>
</context>
<context>
    <name>ToolActions</name>
    <message>
        <location filename="../annotator/gui/tool_actions.py" line="127"/>
        <source>About annotator</source>
        <translation>À propos d’annotator</translation>
    </message>
    <message>
        <location filename="../annotator/gui/tool_actions.py" line="47"/>
        <source>Agreement</source>
        <translation>Accord entre codeurs</translation>
    </message>
    <message>
        <location filename="../annotator/gui/tool_actions.py" line="48"/>
        <source>Fewer than two coders have coded this corpus.</source>
        <translation>Moins de deux codeurs ont codé ce corpus.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/tool_actions.py" line="60"/>
        <source>Team progress</source>
        <translation>Avancement de l'équipe</translation>
    </message>
    <message>
        <location filename="../annotator/gui/tool_actions.py" line="73"/>
        <source>Adjudicate</source>
        <translation>Arbitrage</translation>
    </message>
    <message>
        <location filename="../annotator/gui/tool_actions.py" line="74"/>
        <source>This document has spans from fewer than two coders.</source>
        <translation>Moins de deux codeurs ont des segments dans ce document.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/tool_actions.py" line="84"/>
        <source>gold for {start}–{end}</source>
        <translation>référence pour {start}–{end}</translation>
    </message>
    <message>
        <location filename="../annotator/gui/tool_actions.py" line="100"/>
        <source>Shortcuts saved.</source>
        <translation>Raccourcis enregistrés.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/tool_actions.py" line="111"/>
        <location filename="../annotator/gui/tool_actions.py" line="119"/>
        <source>Codebook not saved</source>
        <translation>Guide de codage non enregistré</translation>
    </message>
    <message>
        <location filename="../annotator/gui/tool_actions.py" line="112"/>
        <source>read-only: {why} — the codebook kept in this corpus cannot be changed.</source>
        <translation>lecture seule : {why} — le guide de codage conservé dans ce corpus ne peut pas être modifié.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/tool_actions.py" line="122"/>
        <source>Codebook saved in the corpus.</source>
        <translation>Guide de codage enregistré dans le corpus.</translation>
    </message>
    <message>
        <location filename="../annotator/gui/tool_actions.py" line="128"/>
        <source>annotator {version}
MIT licence

Corpus: {path}</source>
        <translation>annotator {version}
Licence MIT

Corpus : {path}</translation>
    </message>
</context>
<context>
    <name>TypePopup</name>
    <message>
        <location filename="../annotator/gui/type_popup.py" line="55"/>
        <source>type to narrow · Enter links · Esc cancels</source>
        <translation>tapez pour filtrer · Enter pour lier · Esc pour annuler</translation>
    </message>
    <message>
        <location filename="../annotator/gui/type_popup.py" line="56"/>
        <source>a relation type · Enter links</source>
        <translation>un type de relation · Enter pour lier</translation>
    </message>
    <message>
        <location filename="../annotator/gui/type_popup.py" line="62"/>
        <source>{name}  (not for these spans)</source>
        <translation>{name}  (pas pour ces segments)</translation>
    </message>
    <message>
        <location filename="../annotator/gui/type_popup.py" line="119"/>
        <source>Enter: a new type “{name}”</source>
        <translation>Enter : nouveau type « {name} »</translation>
    </message>
    <message>
        <location filename="../annotator/gui/type_popup.py" line="121"/>
        <source>No type here fits what is typed.</source>
        <translation>Aucun type ne correspond à la saisie.</translation>
    </message>
</context>
</TS>
