<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
    <context>
        <name>Bildungslandschaft</name>
        <message>
            <source> … and {0} more</source>
            <translation> … und {0} weitere</translation>
        </message>
        <message>
            <source>(no type)</source>
            <translation>(ohne Art)</translation>
        </message>
        <message>
            <source>A .html file (everything inside) or a folder (index.html and GeoJSON files).</source>
            <translation>Eine .html-Datei (alles enthalten) oder ein Ordner (index.html und GeoJSON-Dateien).</translation>
        </message>
        <message>
            <source>Adults</source>
            <translation>Erwachsene</translation>
        </message>
        <message>
            <source>All carriers</source>
            <translation>Alle Träger</translation>
        </message>
        <message>
            <source>All inputs are in a geographic CRS; distances are computed in {0} (metres).</source>
            <translation>Alle Eingaben liegen in einem geographischen Koordinatensystem; Entfernungen werden in {0} (Meter) berechnet.</translation>
        </message>
        <message>
            <source>All life phases</source>
            <translation>Alle Lebensphasen</translation>
        </message>
        <message>
            <source>Attributes shown in the popup besides name, type, carrier and life phases.</source>
            <translation>Attribute, die im Popup zusätzlich zu Name, Art, Träger und Lebensphasen erscheinen.</translation>
        </message>
        <message>
            <source>Bildungskompass</source>
            <translation>Bildungskompass</translation>
        </message>
        <message>
            <source>Bildungskompass web map</source>
            <translation>Bildungskompass als Webkarte</translation>
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
            <source>Builds the network of partnerships between institutions (schools, Kitas, libraries, adult education, youth clubs) from a partnership table and measures it.

OUTPUT_LINKS: one line per partnership with kind, both names, both districts and the flags cross_district and cross_carrier.
OUTPUT_FACILITIES: per institution degree (distinct partners), links, partners in other districts, partners of other carriers, betweenness centrality (share of shortest paths between other institutions that pass through it, 0–1), component and isolated.
OUTPUT_DISTRICTS (when DISTRICTS is given): institutions, links inside, links to other districts and isolated institutions per district.

Partnerships are undirected. Rows with unknown ids, self-links and duplicates (same pair, same kind) are left out and reported in the log and in OUTPUT_PROBLEMS, never dropped silently.</source>
            <translation>Baut aus einer Kooperationstabelle das Netz der Partnerschaften zwischen Einrichtungen (Schulen, Kitas, Bibliotheken, Erwachsenenbildung, Jugendtreffs) und wertet es aus.

OUTPUT_LINKS: eine Linie je Kooperation mit Art, beiden Namen, beiden Ortsteilen und den Kennzeichen cross_district (ortsteilübergreifend) und cross_carrier (trägerübergreifend).
OUTPUT_FACILITIES: je Einrichtung Grad (Zahl verschiedener Partner), Kooperationen, Partner in anderen Ortsteilen, Partner anderer Träger, Zwischenzentralität (Anteil der kürzesten Wege zwischen anderen Einrichtungen, die über sie laufen, 0–1), Komponente und „isoliert“.
OUTPUT_DISTRICTS (wenn DISTRICTS angegeben ist): je Ortsteil Einrichtungen, interne Kooperationen, Kooperationen mit anderen Ortsteilen und isolierte Einrichtungen.

Kooperationen sind ungerichtet. Zeilen mit unbekannten Kennungen, Selbstverweisen und Doppelungen (gleiches Paar, gleiche Art) werden ausgelassen und im Protokoll sowie in OUTPUT_PROBLEMS gemeldet, nie stillschweigend verworfen.</translation>
        </message>
        <message>
            <source>Cancelled.</source>
            <translation>Abgebrochen.</translation>
        </message>
        <message>
            <source>Carrier</source>
            <translation>Träger</translation>
        </message>
        <message>
            <source>Carrier field (Träger)</source>
            <translation>Feld Träger</translation>
        </message>
        <message>
            <source>Carrier of the institution; partners of another carrier count in partners_other_carrier.</source>
            <translation>Träger der Einrichtung; Partner eines anderen Trägers zählen in partners_other_carrier.</translation>
        </message>
        <message>
            <source>Carrier, offered as a filter.</source>
            <translation>Träger, als Filter angeboten.</translation>
        </message>
        <message>
            <source>Cooperation network (Kooperationsnetz)</source>
            <translation>Kooperationsnetz</translation>
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
            <source>Could not write the web map to {0}: {1}</source>
            <translation>Die Webkarte konnte nicht nach {0} geschrieben werden: {1}</translation>
        </message>
        <message>
            <source>Data preparation</source>
            <translation>Datenaufbereitung</translation>
        </message>
        <message>
            <source>District field of the institutions</source>
            <translation>Ortsteilfeld der Einrichtungen</translation>
        </message>
        <message>
            <source>District key field</source>
            <translation>Feld Ortsteilschlüssel</translation>
        </message>
        <message>
            <source>District key stored on the institutions (e.g. ot_key). Used when no DISTRICTS layer is given, and for institutions outside every district polygon.</source>
            <translation>Ortsteilschlüssel an den Einrichtungen (z. B. ot_key). Wird verwendet, wenn kein DISTRICTS-Layer angegeben ist, und für Einrichtungen außerhalb aller Ortsteilflächen.</translation>
        </message>
        <message>
            <source>District key: field '{0}' of {1}.</source>
            <translation>Ortsteilschlüssel: Feld „{0}“ von {1}.</translation>
        </message>
        <message>
            <source>District name field</source>
            <translation>Feld Ortsteilname</translation>
        </message>
        <message>
            <source>District polygons drawn as outlines (the base map).</source>
            <translation>Ortsteilflächen, als Umrisse gezeichnet (die Grundkarte).</translation>
        </message>
        <message>
            <source>Districts</source>
            <translation>Ortsteile</translation>
        </message>
        <message>
            <source>Districts with cooperation counts</source>
            <translation>Ortsteile mit Kooperationszahlen</translation>
        </message>
        <message>
            <source>Early childhood</source>
            <translation>Frühe Kindheit</translation>
        </message>
        <message>
            <source>Facilities</source>
            <translation>Einrichtungen</translation>
        </message>
        <message>
            <source>Facilities on the map</source>
            <translation>Einrichtungen auf der Karte</translation>
        </message>
        <message>
            <source>Facility id '{0}' occurs twice in field {1} of {2}.</source>
            <translation>Die Einrichtungskennung „{0}“ kommt im Feld {1} von {2} doppelt vor.</translation>
        </message>
        <message>
            <source>Facility id field</source>
            <translation>Feld Einrichtungskennung</translation>
        </message>
        <message>
            <source>Facility type (Kita, Grundschule, …): colour, legend and life phases.</source>
            <translation>Art der Einrichtung (Kita, Grundschule, …): Farbe, Legende und Lebensphasen.</translation>
        </message>
        <message>
            <source>Facility types</source>
            <translation>Einrichtungsarten</translation>
        </message>
        <message>
            <source>Facility types without a life phase in TYPE_MAPPING (shown, but not found by the life-phase filter): {0}</source>
            <translation>Einrichtungsarten ohne Lebensphase in TYPE_MAPPING (werden angezeigt, aber vom Lebensphasen-Filter nicht gefunden): {0}</translation>
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
            <source>From id field</source>
            <translation>Feld Kennung von</translation>
        </message>
        <message>
            <source>Further fields in the popup</source>
            <translation>Weitere Felder im Popup</translation>
        </message>
        <message>
            <source>HTML files (*.html)</source>
            <translation>HTML-Dateien (*.html)</translation>
        </message>
        <message>
            <source>Id of the first institution of the partnership.</source>
            <translation>Kennung der ersten Einrichtung der Kooperation.</translation>
        </message>
        <message>
            <source>Id of the second institution of the partnership.</source>
            <translation>Kennung der zweiten Einrichtung der Kooperation.</translation>
        </message>
        <message>
            <source>Institution id '{0}' occurs twice in field {1} of {2} (features {3} and {4}); ids must be unique.</source>
            <translation>Die Einrichtungskennung „{0}“ kommt im Feld {1} von {2} doppelt vor (Objekte {3} und {4}); Kennungen müssen eindeutig sein.</translation>
        </message>
        <message>
            <source>Institution id field</source>
            <translation>Feld Einrichtungskennung</translation>
        </message>
        <message>
            <source>Institutions</source>
            <translation>Einrichtungen</translation>
        </message>
        <message>
            <source>Institutions (points or polygons), e.g. the layer einrichtungen.</source>
            <translation>Einrichtungen (Punkte oder Flächen), z. B. der Layer einrichtungen.</translation>
        </message>
        <message>
            <source>Institutions with network measures</source>
            <translation>Einrichtungen mit Netzkennzahlen</translation>
        </message>
        <message>
            <source>Isolated institutions</source>
            <translation>Isolierte Einrichtungen</translation>
        </message>
        <message>
            <source>Key of the districts (text, e.g. ot_key). Default: the first field.</source>
            <translation>Schlüssel der Ortsteile (Text, z. B. ot_key). Vorgabe: das erste Feld.</translation>
        </message>
        <message>
            <source>Kind field</source>
            <translation>Feld Kooperationsart</translation>
        </message>
        <message>
            <source>Kind of partnership (e.g. Ganztag, Lesepatenschaft). The same pair with another kind is a second partnership.</source>
            <translation>Art der Kooperation (z. B. Ganztag, Lesepatenschaft). Dasselbe Paar mit einer anderen Art ist eine zweite Kooperation.</translation>
        </message>
        <message>
            <source>Layer {0} ({1}) has no fields to use as district key.</source>
            <translation>Layer {0} ({1}) hat kein Feld, das als Ortsteilschlüssel dienen kann.</translation>
        </message>
        <message>
            <source>Layer {0} has no valid coordinate reference system.</source>
            <translation>Der Layer {0} hat kein gültiges Koordinatenbezugssystem.</translation>
        </message>
        <message>
            <source>Life phase</source>
            <translation>Lebensphase</translation>
        </message>
        <message>
            <source>Life phases</source>
            <translation>Lebensphasen</translation>
        </message>
        <message>
            <source>Life phases of the facility types</source>
            <translation>Lebensphasen der Einrichtungsarten</translation>
        </message>
        <message>
            <source>Maps and reports</source>
            <translation>Karten und Berichte</translation>
        </message>
        <message>
            <source>Name field</source>
            <translation>Feld Name</translation>
        </message>
        <message>
            <source>Name of the institution, copied to the links.</source>
            <translation>Name der Einrichtung, wird in die Verbindungslinien übernommen.</translation>
        </message>
        <message>
            <source>Name shown in the list, the popup and the search.</source>
            <translation>Name für Liste, Popup und Suche.</translation>
        </message>
        <message>
            <source>Name shown when pointing at a district. Default: ot_name, name or the first field.</source>
            <translation>Name, der beim Zeigen auf einen Ortsteil erscheint. Vorgabe: ot_name, name oder das erste Feld.</translation>
        </message>
        <message>
            <source>Network and accessibility</source>
            <translation>Netz und Erreichbarkeit</translation>
        </message>
        <message>
            <source>No facility of {0} has coordinates; nothing to show.</source>
            <translation>Keine Einrichtung in {0} hat Koordinaten; es gibt nichts darzustellen.</translation>
        </message>
        <message>
            <source>No input layer to take a coordinate reference system from.</source>
            <translation>Kein Eingabelayer, aus dem ein Koordinatenbezugssystem übernommen werden kann.</translation>
        </message>
        <message>
            <source>No offer matches the filters.</source>
            <translation>Kein Angebot entspricht den Filtern.</translation>
        </message>
        <message>
            <source>No usable partnership in {0}: every institution is isolated.</source>
            <translation>Keine verwendbare Kooperation in {0}: alle Einrichtungen sind isoliert.</translation>
        </message>
        <message>
            <source>OUTPUT_DISTRICTS is written only when DISTRICTS is given.</source>
            <translation>OUTPUT_DISTRICTS wird nur geschrieben, wenn DISTRICTS angegeben ist.</translation>
        </message>
        <message>
            <source>OUTPUT_LINKS of the cooperation network (fields from_id, to_id, kind, from_name, to_name, cross_district, cross_carrier); shown on demand.</source>
            <translation>OUTPUT_LINKS des Kooperationsnetzes (Felder from_id, to_id, kind, from_name, to_name, cross_district, cross_carrier); auf Wunsch eingeblendet.</translation>
        </message>
        <message>
            <source>One line per partnership between the two institutions.</source>
            <translation>Eine Linie je Kooperation zwischen den beiden Einrichtungen.</translation>
        </message>
        <message>
            <source>Only partnerships across districts</source>
            <translation>Nur ortsteilübergreifende Kooperationen</translation>
        </message>
        <message>
            <source>Optional district polygons (e.g. ortsteile). Institutions are assigned to the district they lie in; enables OUTPUT_DISTRICTS.</source>
            <translation>Optionale Ortsteilflächen (z. B. ortsteile). Einrichtungen werden dem Ortsteil zugeordnet, in dem sie liegen; ermöglicht OUTPUT_DISTRICTS.</translation>
        </message>
        <message>
            <source>Parameter {0} is required: a .html file or a folder.</source>
            <translation>Parameter {0} ist erforderlich: eine .html-Datei oder ein Ordner.</translation>
        </message>
        <message>
            <source>Parameter {0} is required: choose a field of layer {1}.</source>
            <translation>Parameter {0} ist erforderlich: Wählen Sie ein Feld des Layers {1}.</translation>
        </message>
        <message>
            <source>Partners ({0})</source>
            <translation>Partner ({0})</translation>
        </message>
        <message>
            <source>Partnership links</source>
            <translation>Kooperationslinien</translation>
        </message>
        <message>
            <source>Partnership rows left out</source>
            <translation>Ausgelassene Kooperationszeilen</translation>
        </message>
        <message>
            <source>Partnerships</source>
            <translation>Kooperationen</translation>
        </message>
        <message>
            <source>Partnerships on the map</source>
            <translation>Kooperationen auf der Karte</translation>
        </message>
        <message>
            <source>Partnerships used</source>
            <translation>Verwendete Kooperationen</translation>
        </message>
        <message>
            <source>Per district: institutions, links inside, links to other districts, isolated institutions (only when DISTRICTS is given).</source>
            <translation>Je Ortsteil: Einrichtungen, interne Kooperationen, Kooperationen mit anderen Ortsteilen, isolierte Einrichtungen (nur mit DISTRICTS).</translation>
        </message>
        <message>
            <source>Reading institutions …</source>
            <translation>Einrichtungen werden gelesen …</translation>
        </message>
        <message>
            <source>Reading partnerships …</source>
            <translation>Kooperationen werden gelesen …</translation>
        </message>
        <message>
            <source>Red: across districts; dashed: across carriers.</source>
            <translation>Rot: ortsteilübergreifend; gestrichelt: trägerübergreifend.</translation>
        </message>
        <message>
            <source>Rejected partnership rows</source>
            <translation>Abgewiesene Kooperationszeilen</translation>
        </message>
        <message>
            <source>Rows of the partnership table that were left out, with the reason.</source>
            <translation>Zeilen der Kooperationstabelle, die ausgelassen wurden, mit Begründung.</translation>
        </message>
        <message>
            <source>School age</source>
            <translation>Schulalter</translation>
        </message>
        <message>
            <source>Search by name</source>
            <translation>Suche nach Name</translation>
        </message>
        <message>
            <source>Seniors</source>
            <translation>Senioren</translation>
        </message>
        <message>
            <source>Show partnerships ({0})</source>
            <translation>Kooperationen anzeigen ({0})</translation>
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
            <source>Table of partnerships, one row per partnership (e.g. kooperationen.csv).</source>
            <translation>Tabelle der Kooperationen, eine Zeile je Kooperation (z. B. kooperationen.csv).</translation>
        </message>
        <message>
            <source>The education offers (points or polygons), e.g. einrichtungen.</source>
            <translation>Die Bildungsangebote (Punkte oder Flächen), z. B. einrichtungen.</translation>
        </message>
        <message>
            <source>The institutions with degree, partners in other districts and of other carriers, betweenness and isolated.</source>
            <translation>Die Einrichtungen mit Grad, Partnern in anderen Ortsteilen und bei anderen Trägern, Zwischenzentralität und „isoliert“.</translation>
        </message>
        <message>
            <source>The layer given as {0} ({1}) has no features.</source>
            <translation>Der als {0} angegebene Layer ({1}) enthält keine Objekte.</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>Titel</translation>
        </message>
        <message>
            <source>Title of the page.</source>
            <translation>Titel der Seite.</translation>
        </message>
        <message>
            <source>To id field</source>
            <translation>Feld Kennung zu</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>Art</translation>
        </message>
        <message>
            <source>Type field</source>
            <translation>Feld Art</translation>
        </message>
        <message>
            <source>Unique id of each institution; the partnership table refers to it (compared as text).</source>
            <translation>Eindeutige Kennung jeder Einrichtung; die Kooperationstabelle verweist darauf (als Text verglichen).</translation>
        </message>
        <message>
            <source>Unique id; the partnership links refer to it.</source>
            <translation>Eindeutige Kennung; die Kooperationslinien verweisen darauf.</translation>
        </message>
        <message>
            <source>Web map</source>
            <translation>Webkarte</translation>
        </message>
        <message>
            <source>Web map with {0} facilities and {1} partnerships written to {2}.</source>
            <translation>Webkarte mit {0} Einrichtungen und {1} Kooperationen nach {2} geschrieben.</translation>
        </message>
        <message>
            <source>Which facility types serve which life phase, one entry per line or separated by ';': 'Kita = early_childhood', 'Volkshochschule = adults, seniors', 'Bibliothek = all'. Phases: early_childhood, school_age, youth, adults, seniors (or Frühe Kindheit, Schulalter, Jugend, Erwachsene, Senioren). May also be the path of a CSV table like the default, resources/lifephases.csv. Empty: the default table.</source>
            <translation>Welche Einrichtungsarten welche Lebensphase bedienen, ein Eintrag je Zeile oder durch „;“ getrennt: „Kita = Frühe Kindheit“, „Volkshochschule = Erwachsene, Senioren“, „Bibliothek = alle“. Lebensphasen: early_childhood, school_age, youth, adults, seniors (oder Frühe Kindheit, Schulalter, Jugend, Erwachsene, Senioren). Auch der Pfad einer CSV-Tabelle wie der Vorgabe resources/lifephases.csv ist möglich. Leer: die mitgelieferte Tabelle.</translation>
        </message>
        <message>
            <source>Working CRS: {0} (metres).</source>
            <translation>Arbeits-Koordinatenbezugssystem: {0} (Meter).</translation>
        </message>
        <message>
            <source>Writes a self-contained web page with all education offers: facilities coloured by type, filters by life phase and carrier, a search by name, popups with details, districts as outlines, partnerships (the OUTPUT_LINKS of the cooperation network) on demand and a legend.

The page works offline when opened from disk and makes no request to the internet: the map library (Leaflet, BSD licence) and the data (GeoJSON in WGS84) are inside the file; there is no background map, the districts are drawn as the base map.

OUTPUT: a file ending in .html, or a folder (index.html plus the data as GeoJSON files).</source>
            <translation>Schreibt eine in sich geschlossene Webseite mit allen Bildungsangeboten: Einrichtungen farbig nach Art, Filter nach Lebensphase und Träger, Suche nach Name, Popups mit Details, Ortsteile als Umrisse, Kooperationen (OUTPUT_LINKS des Kooperationsnetzes) auf Wunsch und eine Legende.

Die Seite funktioniert ohne Internet, direkt von der Festplatte geöffnet, und stellt keinerlei Anfragen ins Netz: Die Kartenbibliothek (Leaflet, BSD-Lizenz) und die Daten (GeoJSON in WGS84) stecken in der Datei; es gibt keine Hintergrundkarte, die Ortsteile bilden die Grundkarte.

OUTPUT: eine Datei mit der Endung .html oder ein Ordner (index.html und die Daten als GeoJSON-Dateien).</translation>
        </message>
        <message>
            <source>Youth</source>
            <translation>Jugend</translation>
        </message>
        <message>
            <source>an institution linked to itself</source>
            <translation>Einrichtung mit sich selbst verknüpft</translation>
        </message>
        <message>
            <source>duplicate of an earlier row (same pair, same kind)</source>
            <translation>Doppelung einer früheren Zeile (gleiches Paar, gleiche Art)</translation>
        </message>
        <message>
            <source>from id is not an institution of FACILITIES</source>
            <translation>Kennung „von“ ist keine Einrichtung aus FACILITIES</translation>
        </message>
        <message>
            <source>from or to id is empty</source>
            <translation>Kennung „von“ oder „zu“ ist leer</translation>
        </message>
        <message>
            <source>neither id is an institution of FACILITIES</source>
            <translation>keine der beiden Kennungen ist eine Einrichtung aus FACILITIES</translation>
        </message>
        <message>
            <source>to id is not an institution of FACILITIES</source>
            <translation>Kennung „zu“ ist keine Einrichtung aus FACILITIES</translation>
        </message>
        <message>
            <source>{0} facilities without coordinates are not on the map: {1}</source>
            <translation>{0} Einrichtungen ohne Koordinaten fehlen auf der Karte: {1}</translation>
        </message>
        <message>
            <source>{0} institution(s) have an empty id in {1} and cannot be linked (feature ids {2}).</source>
            <translation>{0} Einrichtung(en) haben eine leere Kennung in {1} und können nicht verknüpft werden (Objekt-IDs {2}).</translation>
        </message>
        <message>
            <source>{0} institution(s) lie in no district of {1}; their district is unknown.</source>
            <translation>{0} Einrichtung(en) liegen in keinem Ortsteil von {1}; ihr Ortsteil ist unbekannt.</translation>
        </message>
        <message>
            <source>{0} institution(s) without coordinates: {1}. They are analysed, but their links have no geometry.</source>
            <translation>{0} Einrichtung(en) ohne Koordinaten: {1}. Sie werden ausgewertet, ihre Verbindungslinien haben aber keine Geometrie.</translation>
        </message>
        <message>
            <source>{0} of {1} offers shown</source>
            <translation>{0} von {1} Angeboten angezeigt</translation>
        </message>
        <message>
            <source>{0} offers · filter by life phase, carrier and type</source>
            <translation>{0} Angebote · Filter nach Lebensphase, Träger und Art</translation>
        </message>
        <message>
            <source>{0} partnership link(s) of {1} name facilities that are not on the map and are left out.</source>
            <translation>{0} Kooperationslinie(n) aus {1} nennen Einrichtungen, die nicht auf der Karte sind, und werden ausgelassen.</translation>
        </message>
        <message>
            <source>{0} partnership(s) between {1} institution(s); {2} isolated institution(s); {3} row(s) left out.</source>
            <translation>{0} Kooperation(en) zwischen {1} Einrichtung(en); {2} isolierte Einrichtung(en); {3} Zeile(n) ausgelassen.</translation>
        </message>
        <message>
            <source>{0}: layer {1} has no field '{2}'; not used.</source>
            <translation>{0}: Layer {1} hat kein Feld „{2}“; wird nicht verwendet.</translation>
        </message>
        <message>
            <source>{0}: the life-phase mapping cannot be read: {1}</source>
            <translation>{0}: Die Zuordnung der Lebensphasen ist nicht lesbar: {1}</translation>
        </message>
        <message>
            <source>{0}: {1} row(s) of {2} left out: {3}: rows {4}</source>
            <translation>{0}: {1} Zeile(n) von {2} ausgelassen: {3}: Zeilen {4}</translation>
        </message>
    </context>
</TS>
