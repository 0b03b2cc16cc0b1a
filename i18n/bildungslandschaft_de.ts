<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
    <context>
        <name>Bildungslandschaft</name>
        <message>
            <source>All inputs are in a geographic CRS; distances are computed in {0} (metres).</source>
            <translation>Alle Eingaben liegen in einem geographischen Koordinatensystem; Entfernungen werden in {0} (Meter) berechnet.</translation>
        </message>
        <message>
            <source>Bildungskompass</source>
            <translation>Bildungskompass</translation>
        </message>
        <message>
            <source>Bildungslandschaft</source>
            <translation>Bildungslandschaft</translation>
        </message>
        <message>
            <source>Bildungslandschaft – education and social-space planning</source>
            <translation>Bildungslandschaft – Bildungs- und Sozialraumplanung</translation>
        </message>
        <message>
            <source>Cancelled.</source>
            <translation>Abgebrochen.</translation>
        </message>
        <message>
            <source>Could not create the output {0}.</source>
            <translation>Die Ausgabe {0} konnte nicht angelegt werden.</translation>
        </message>
        <message>
            <source>Could not load the layer given as {0}.</source>
            <translation>Der als {0} angegebene Layer konnte nicht geladen werden.</translation>
        </message>
        <message>
            <source>Data preparation</source>
            <translation>Datenaufbereitung</translation>
        </message>
        <message>
            <source>Field '{0}' ({1}) is not in layer {2}.</source>
            <translation>Das Feld „{0}“ ({1}) gibt es im Layer {2} nicht.</translation>
        </message>
        <message>
            <source>Field '{0}' ({1}) of layer {2} must be numeric.</source>
            <translation>Das Feld „{0}“ ({1}) im Layer {2} muss numerisch sein.</translation>
        </message>
        <message>
            <source>Layer {0} has no valid coordinate reference system.</source>
            <translation>Der Layer {0} hat kein gültiges Koordinatenbezugssystem.</translation>
        </message>
        <message>
            <source>Maps and reports</source>
            <translation>Karten und Berichte</translation>
        </message>
        <message>
            <source>Network and accessibility</source>
            <translation>Netz und Erreichbarkeit</translation>
        </message>
        <message>
            <source>No input layer to take a coordinate reference system from.</source>
            <translation>Kein Eingabelayer, aus dem ein Koordinatenbezugssystem übernommen werden kann.</translation>
        </message>
        <message>
            <source>Social index and budgets</source>
            <translation>Sozialindex und Mittelverteilung</translation>
        </message>
        <message>
            <source>Supply and demand</source>
            <translation>Angebot und Nachfrage</translation>
        </message>
        <message>
            <source>The layer given as {0} ({1}) has no features.</source>
            <translation>Der als {0} angegebene Layer ({1}) enthält keine Objekte.</translation>
        </message>
        <message>
            <source>Working CRS: {0} (metres).</source>
            <translation>Arbeits-Koordinatenbezugssystem: {0} (Meter).</translation>
        </message>
    </context>
</TS>
