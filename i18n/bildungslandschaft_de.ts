<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
    <context>
        <name>Bildungslandschaft</name>
        <message>
            <source> (and {0} more)</source>
            <translation> (und {0} weitere)</translation>
        </message>
        <message>
            <source> The feed's calendars cover {0} to {1}.</source>
            <translation> Die Kalender des Fahrplans reichen vom {0} bis zum {1}.</translation>
        </message>
        <message>
            <source> … and {0} more</source>
            <translation> … und {0} weitere</translation>
        </message>
        <message>
            <source>'{0}' ({1}) in {2}</source>
            <translation>'{0}' ({1}) in {2}</translation>
        </message>
        <message>
            <source>'{0}' in {1} is not a number: NULL</source>
            <translation>'{0}' in {1} ist keine Zahl: NULL</translation>
        </message>
        <message>
            <source>'{0}' is not of the form rate_field:denominator_field.</source>
            <translation>'{0}' hat nicht die Form Quotenfeld:Nennerfeld.</translation>
        </message>
        <message>
            <source>(empty)</source>
            <translation>(leer)</translation>
        </message>
        <message>
            <source>(no type)</source>
            <translation>(ohne Art)</translation>
        </message>
        <message>
            <source>(the list shows the first {0}; narrow the filters)</source>
            <translation>(die Liste zeigt die ersten {0}; Filter eingrenzen)</translation>
        </message>
        <message>
            <source>0 early childhood, 1 school age, 2 youth, 3 adults, 4 seniors, 5 all offers.</source>
            <translation>0 frühe Kindheit, 1 Schulalter, 2 Jugend, 3 Erwachsene, 4 Senioren, 5 alle Angebote.</translation>
        </message>
        <message>
            <source>2SFCA (two-step floating catchment)</source>
            <translation>2SFCA (Two-Step Floating Catchment)</translation>
        </message>
        <message>
            <source>3SFCA (with competition between facilities)</source>
            <translation>3SFCA (mit Konkurrenz zwischen Einrichtungen)</translation>
        </message>
        <message>
            <source>A .html file (everything inside) or a folder (index.html and GeoJSON files).</source>
            <translation>Eine .html-Datei (alles enthalten) oder ein Ordner (index.html und GeoJSON-Dateien).</translation>
        </message>
        <message>
            <source>A single point, e.g. picked on the map; used when ORIGIN is empty.</source>
            <translation>Ein einzelner Punkt, z. B. in der Karte gewählt; wird verwendet, wenn ORIGIN leer ist.</translation>
        </message>
        <message>
            <source>A table with one row per origin-destination pair (e.g. a travel-time matrix from a transport model). Pairs missing from the table count as not reachable. Give either NETWORK or OD_TABLE.</source>
            <translation>Eine Tabelle mit einer Zeile je Start-Ziel-Paar (z. B. eine Reisezeitmatrix aus einem Verkehrsmodell). Paare, die in der Tabelle fehlen, gelten als nicht erreichbar. Entweder NETWORK oder OD_TABLE angeben.</translation>
        </message>
        <message>
            <source>A3 landscape</source>
            <translation>A3 quer</translation>
        </message>
        <message>
            <source>A3 portrait</source>
            <translation>A3 hoch</translation>
        </message>
        <message>
            <source>A4 landscape</source>
            <translation>A4 quer</translation>
        </message>
        <message>
            <source>A4 portrait</source>
            <translation>A4 hoch</translation>
        </message>
        <message>
            <source>ASSIGNMENT_FIELD is given: NETWORK is not used.</source>
            <translation>ASSIGNMENT_FIELD ist angegeben: NETWORK wird nicht verwendet.</translation>
        </message>
        <message>
            <source>Access (demand)</source>
            <translation>Versorgung (Nachfrage)</translation>
        </message>
        <message>
            <source>Access by district</source>
            <translation>Versorgung nach Gebiet</translation>
        </message>
        <message>
            <source>Access deficit</source>
            <translation>Erreichbarkeitsdefizit</translation>
        </message>
        <message>
            <source>Access divided by its demand-weighted mean {0:.6g}.</source>
            <translation>Versorgung geteilt durch ihren nachfragegewichteten Mittelwert {0:.6g}.</translation>
        </message>
        <message>
            <source>Accessibility (network cost to facilities)</source>
            <translation>Erreichbarkeit (Netzkosten zu Einrichtungen)</translation>
        </message>
        <message>
            <source>Add the atlas layout to the project</source>
            <translation>Atlas-Layout zum Projekt hinzufügen</translation>
        </message>
        <message>
            <source>Add the layout to the project</source>
            <translation>Layout zum Projekt hinzufügen</translation>
        </message>
        <message>
            <source>Addresses, buildings or grid cells (polygons: a point inside is used).</source>
            <translation>Adressen, Gebäude oder Rasterzellen (bei Polygonen wird ein Punkt im Inneren verwendet).</translation>
        </message>
        <message>
            <source>Addresses, buildings or grid cells with children (polygons: a point inside is used).</source>
            <translation>Adressen, Gebäude oder Rasterzellen mit Kindern (bei Polygonen wird ein Punkt im Inneren verwendet).</translation>
        </message>
        <message>
            <source>Adults</source>
            <translation>Erwachsene</translation>
        </message>
        <message>
            <source>Age cohort fields</source>
            <translation>Felder der Altersgruppen</translation>
        </message>
        <message>
            <source>Age structure: share of the population (%)</source>
            <translation>Altersstruktur: Anteil an der Bevölkerung (%)</translation>
        </message>
        <message>
            <source>Aggregate point data (Punktdaten aggregieren)</source>
            <translation>Punktdaten aggregieren</translation>
        </message>
        <message>
            <source>All carriers</source>
            <translation>Alle Träger</translation>
        </message>
        <message>
            <source>All life phases</source>
            <translation>Alle Lebensphasen</translation>
        </message>
        <message>
            <source>All years side by side (&lt;field&gt;_&lt;year&gt;)</source>
            <translation>Alle Jahre nebeneinander (&lt;Feld&gt;_&lt;Jahr&gt;)</translation>
        </message>
        <message>
            <source>Allocated {0} of {1} euros.</source>
            <translation>{0} von {1} Euro verteilt.</translation>
        </message>
        <message>
            <source>Allocation</source>
            <translation>Mittelverteilung</translation>
        </message>
        <message>
            <source>Allocation (demand)</source>
            <translation>Zuordnung (Nachfrage)</translation>
        </message>
        <message>
            <source>Allocation report</source>
            <translation>Bericht zur Mittelverteilung</translation>
        </message>
        <message>
            <source>Allocation solved in {0:.2f} s ({1} pairs, {2} demand groups, solver {3}, duality gap {4:.1e}).</source>
            <translation>Zuordnung in {0:.2f} s gelöst ({1} Paare, {2} Nachfragegruppen, Verfahren {3}, Dualitätslücke {4:.1e}).</translation>
        </message>
        <message>
            <source>Allocation summary</source>
            <translation>Zusammenfassung der Zuordnung</translation>
        </message>
        <message>
            <source>Also add the map as an editable print layout to the current project (layers given as files are added too, in a group named after the title), to change its title, legend or extent in the layout designer.</source>
            <translation>Die Karte außerdem als bearbeitbares Drucklayout zum aktuellen Projekt hinzufügen (als Dateien angegebene Layer ebenfalls, in einer Gruppe mit dem Titel als Namen), um Titel, Legende oder Ausschnitt im Layout-Designer zu ändern.</translation>
        </message>
        <message>
            <source>Also add the profiles as an editable atlas layout (and its layers, in a group) to the current project; Atlas ▸ Export in the layout designer then reproduces the PDF. Its data (a GeoPackage and the charts as SVG) is written into the folder &lt;name of the PDF&gt;_atlas beside the PDF.</source>
            <translation>Die Profile außerdem als bearbeitbares Atlas-Layout (mit seinen Layern, in einer Gruppe) zum aktuellen Projekt hinzufügen; Atlas ▸ Exportieren im Layout-Designer erzeugt dann das PDF erneut. Seine Daten (ein GeoPackage und die Diagramme als SVG) werden in den Ordner &lt;Name des PDF&gt;_atlas neben dem PDF geschrieben.</translation>
        </message>
        <message>
            <source>An XYZ/WMTS tile URL with {z}, {x} and {y}, e.g. the city's or basemap.de's (https://sgx.geodatenzentrum.de/wmts_basemapde/tile/1.0.0/de_basemapde_web_raster_farbe/default/GLOBAL_WEBMERCATOR/{z}/{y}/{x}.png). Empty: no basemap, the page makes no request at all. With a basemap the page may load images from exactly that host.</source>
            <translation>Eine XYZ/WMTS-Kachel-URL mit {z}, {x} und {y}, z. B. die der Stadt oder von basemap.de (https://sgx.geodatenzentrum.de/wmts_basemapde/tile/1.0.0/de_basemapde_web_raster_farbe/default/GLOBAL_WEBMERCATOR/{z}/{y}/{x}.png). Leer: keine Hintergrundkarte, die Seite stellt keinerlei Anfrage. Mit Hintergrundkarte darf die Seite Bilder genau von diesem Server laden.</translation>
        </message>
        <message>
            <source>Area of the overlap</source>
            <translation>Fläche der Überschneidung</translation>
        </message>
        <message>
            <source>Area shown. Empty: all layers with a small margin.</source>
            <translation>Dargestellter Ausschnitt. Leer: alle Layer mit etwas Rand.</translation>
        </message>
        <message>
            <source>Areal interpolation (Flächengewichtete Übertragung)</source>
            <translation>Flächengewichtete Übertragung</translation>
        </message>
        <message>
            <source>Areas (polygon layer or table)</source>
            <translation>Gebiete (Polygonlayer oder Tabelle)</translation>
        </message>
        <message>
            <source>Areas for which this expression is true get no index and do not count in the standardisation, e.g. "KOM" &lt;&gt; 'gültig' for the areas Berlin's monitoring leaves out. The field 'excluded' names the reason.</source>
            <translation>Gebiete, für die dieser Ausdruck wahr ist, erhalten keinen Index und zählen bei der Standardisierung nicht mit, z. B. "KOM" &lt;&gt; 'gültig' für die Gebiete, die das Berliner Monitoring auslässt. Das Feld 'excluded' nennt den Grund.</translation>
        </message>
        <message>
            <source>Areas with fewer residents get no index (Berlin and Hamburg practice: 300).</source>
            <translation>Gebiete mit weniger Einwohnern erhalten keinen Index (Praxis in Berlin und Hamburg: 300).</translation>
        </message>
        <message>
            <source>Areas with fewer residents get no type.</source>
            <translation>Gebiete mit weniger Einwohnern erhalten keinen Typ.</translation>
        </message>
        <message>
            <source>As of: {0} · Map: Bildungslandschaft (QGIS)</source>
            <translation>Stand: {0} · Karte: Bildungslandschaft (QGIS)</translation>
        </message>
        <message>
            <source>Assigning demand to districts</source>
            <translation>Nachfrage den Gebieten zuordnen</translation>
        </message>
        <message>
            <source>Assignment read from the field '{0}' of DEMAND.</source>
            <translation>Zuordnung aus dem Feld '{0}' von DEMAND gelesen.</translation>
        </message>
        <message>
            <source>Assignment: nearest facility over the network ({0}, cost unit {1}).</source>
            <translation>Zuordnung: nächstgelegene Einrichtung über das Netz ({0}, Kosteneinheit {1}).</translation>
        </message>
        <message>
            <source>Assigns every demand feature (addresses, buildings, grid cells) to its nearest facility over the street network with one multi-source shortest-path search, and sums the demand per facility. Outputs: demand with facility_id, cost, snap_dist and status (ok, unreachable, off_network, no_geometry, beyond_max_cost); facilities with demand, n_demand and utilization (demand / capacity); non-overlapping catchment polygons. Costs include the straight connector to the street and the partial street lengths.</source>
            <translation>Ordnet jedes Nachfrageobjekt (Adressen, Gebäude, Rasterzellen) mit einer einzigen Mehrquellen-Kürzeste-Wege-Suche der über das Straßennetz nächstgelegenen Einrichtung zu und summiert die Nachfrage je Einrichtung. Ausgaben: Nachfrage mit facility_id, cost, snap_dist und status (ok, unreachable, off_network, no_geometry, beyond_max_cost); Einrichtungen mit demand, n_demand und utilization (Nachfrage / Kapazität); überschneidungsfreie Einzugsbereichs-Polygone. Die Kosten enthalten die gerade Anbindung an die Straße und die anteiligen Straßenlängen.</translation>
        </message>
        <message>
            <source>Assigns weighted demand (e.g. children 6-9 at addresses) to facilities with capacities so that the total travel cost is as small as possible while no facility gets more than its CAPACITY (the transport problem, solved exactly; optimality is checked with a duality certificate). As much demand as the capacities and reachable pairs allow is served; the rest is reported as 'unserved'. A demand point is split between facilities only where capacities force it (one row per part). The facility output compares 'load' and 'utilization' with the load under plain nearest-facility assignment ('load_nearest'), which ignores capacity. Costs come from the street network or from an OD_TABLE; pairs missing from the table or beyond MAX_COST are not reachable.</source>
            <translation>Ordnet gewichtete Nachfrage (z. B. Kinder von 6–9 Jahren an Adressen) Einrichtungen mit Kapazitäten so zu, dass die Summe der Wegekosten möglichst klein ist und keine Einrichtung mehr als ihre Kapazität (CAPACITY) erhält (Transportproblem, exakt gelöst; die Optimalität wird mit einem Dualitätsnachweis geprüft). Es wird so viel Nachfrage versorgt, wie Kapazitäten und erreichbare Paare zulassen; der Rest erscheint als 'unserved' (nicht versorgt). Ein Nachfragepunkt wird nur dann auf mehrere Einrichtungen aufgeteilt, wenn die Kapazitäten es erzwingen (eine Zeile je Teil). Die Einrichtungsausgabe stellt 'load' und 'utilization' (Belegung und Auslastung) der Belegung bei reiner Zuordnung zur nächstgelegenen Einrichtung ('load_nearest') gegenüber, die Kapazitäten nicht beachtet. Die Wegekosten kommen aus dem Straßennetz oder aus einer OD_TABLE; Paare, die in der Tabelle fehlen oder jenseits von MAX_COST liegen, gelten als nicht erreichbar.</translation>
        </message>
        <message>
            <source>At most this many offers per origin, nearest first (0: all within MAX_COST).</source>
            <translation>Höchstens so viele Angebote je Ausgangspunkt, die nächsten zuerst (0: alle innerhalb von MAX_COST).</translation>
        </message>
        <message>
            <source>Attributes shown in the popup besides name, type, carrier and life phases.</source>
            <translation>Attribute, die im Popup zusätzlich zu Name, Art, Träger und Lebensphasen erscheinen.</translation>
        </message>
        <message>
            <source>Attribution text the basemap's licence asks for, shown on the map (e.g. © basemap.de / BKG).</source>
            <translation>Quellenvermerk, den die Lizenz der Hintergrundkarte verlangt; er steht auf der Karte (z. B. © basemap.de / BKG).</translation>
        </message>
        <message>
            <source>BASE_SHARE must lie between 0 and 1, got {0}.</source>
            <translation>BASE_SHARE muss zwischen 0 und 1 liegen, angegeben: {0}.</translation>
        </message>
        <message>
            <source>BUDGET must be a non-negative whole number of euros, got {0}.</source>
            <translation>BUDGET muss ein nicht negativer Betrag in ganzen Euro sein, angegeben: {0}.</translation>
        </message>
        <message>
            <source>Back to the list</source>
            <translation>Zurück zur Liste</translation>
        </message>
        <message>
            <source>Base share (0-1)</source>
            <translation>Sockelanteil (0–1)</translation>
        </message>
        <message>
            <source>Basemap attribution</source>
            <translation>Quellenvermerk der Hintergrundkarte</translation>
        </message>
        <message>
            <source>Basemap tile template (optional)</source>
            <translation>Kachel-URL der Hintergrundkarte (optional)</translation>
        </message>
        <message>
            <source>Basemap tiles from {0}; the page may load images from there and nowhere else.</source>
            <translation>Hintergrundkacheln von {0}; die Seite darf Bilder nur von dort laden.</translation>
        </message>
        <message>
            <source>Berlin classes (-1, 1, 1.5)</source>
            <translation>Berliner Klassen (−1, 1, 1,5)</translation>
        </message>
        <message>
            <source>Bicycle</source>
            <translation>Fahrrad</translation>
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
            <source>Borough {0}</source>
            <translation>Stadtbezirk {0}</translation>
        </message>
        <message>
            <source>Budget (euros)</source>
            <translation>Budget (Euro)</translation>
        </message>
        <message>
            <source>Building the catchment polygons</source>
            <translation>Einzugsbereichs-Polygone werden erzeugt</translation>
        </message>
        <message>
            <source>Building the service areas</source>
            <translation>Isochronen werden gebildet</translation>
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
            <source>CHANGE_INDICATORS must list the same number of fields as INDICATORS ({0}), in the same order; {1} given.</source>
            <translation>CHANGE_INDICATORS muss so viele Felder wie INDICATORS ({0}) in derselben Reihenfolge nennen; angegeben: {1}.</translation>
        </message>
        <message>
            <source>Cancelled.</source>
            <translation>Abgebrochen.</translation>
        </message>
        <message>
            <source>Candidate capacity field</source>
            <translation>Kapazitätsfeld der Kandidaten</translation>
        </message>
        <message>
            <source>Candidate id field</source>
            <translation>ID-Feld der Kandidaten</translation>
        </message>
        <message>
            <source>Candidate sites</source>
            <translation>Standortkandidaten</translation>
        </message>
        <message>
            <source>Cannot write {0} ({1}): permission denied.</source>
            <translation>{0} ({1}) kann nicht geschrieben werden: keine Schreibberechtigung.</translation>
        </message>
        <message>
            <source>Capacitated p-median (within capacities)</source>
            <translation>Kapazitiertes p-Median-Modell (innerhalb der Kapazitäten)</translation>
        </message>
        <message>
            <source>Capacity field</source>
            <translation>Feld Kapazität</translation>
        </message>
        <message>
            <source>Capacity field (places)</source>
            <translation>Kapazitätsfeld (Plätze)</translation>
        </message>
        <message>
            <source>Capacity-aware allocation (Kapazitätsorientierte Zuordnung)</source>
            <translation>Kapazitätsorientierte Zuordnung</translation>
        </message>
        <message>
            <source>Car</source>
            <translation>Auto</translation>
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
            <source>Carrier of the offer.</source>
            <translation>Träger des Angebots.</translation>
        </message>
        <message>
            <source>Carrier, offered as a filter.</source>
            <translation>Träger, als Filter angeboten.</translation>
        </message>
        <message>
            <source>Catchment areas</source>
            <translation>Einzugsbereiche</translation>
        </message>
        <message>
            <source>Catchment d0 in the unit of the cost (metres or minutes): pairs farther apart do not count. Empty: no limit (E2SFCA and 3SFCA still end at the last step).</source>
            <translation>Einzugsbereich d0 in der Einheit der Kosten (Meter oder Minuten): weiter entfernte Paare zählen nicht. Leer: keine Grenze (E2SFCA und 3SFCA enden trotzdem an der letzten Stufe).</translation>
        </message>
        <message>
            <source>Catchment polygons are not drawn for walk + public transport; OUTPUT_AREAS is not written.</source>
            <translation>Für Fuß + ÖPNV werden keine Einzugsbereichs-Polygone gezeichnet; OUTPUT_AREAS wird nicht geschrieben.</translation>
        </message>
        <message>
            <source>Catchments (nearest facility over the network)</source>
            <translation>Einzugsbereiche (nächste Einrichtung über das Netz)</translation>
        </message>
        <message>
            <source>Cell size of the catchment polygons (m)</source>
            <translation>Zellgröße der Einzugsbereichs-Polygone (m)</translation>
        </message>
        <message>
            <source>Character encoding of a CSV/TXT file; 'auto' detects UTF-8 (with or without BOM) and otherwise reads Windows-1252.</source>
            <translation>Zeichenkodierung einer CSV/TXT-Datei; 'auto' erkennt UTF-8 (mit oder ohne BOM) und liest sonst Windows-1252.</translation>
        </message>
        <message>
            <source>Chart of {0}: the time series table has no field {1}; the city line is the plain mean of the districts.</source>
            <translation>Diagramm {0}: Die Zeitreihentabelle hat kein Feld {1}; die Stadtlinie ist das einfache Mittel der Ortsteile.</translation>
        </message>
        <message>
            <source>Chart of {0}: the time series table has no field {1}; the city line is weighted by {2}.</source>
            <translation>Diagramm {0}: Die Zeitreihentabelle hat kein Feld {1}; die Stadtlinie ist mit {2} gewichtet.</translation>
        </message>
        <message>
            <source>Children assigned to a facility</source>
            <translation>Einer Einrichtung zugeordnete Kinder</translation>
        </message>
        <message>
            <source>Children in districts without an index value, or outside every district, are left out of the mean; their share is given per facility.</source>
            <translation>Kinder in Gebieten ohne Indexwert oder außerhalb aller Gebiete bleiben beim Mittelwert unberücksichtigt; ihr Anteil wird je Einrichtung angegeben.</translation>
        </message>
        <message>
            <source>Choose a table file or layer.</source>
            <translation>Wählen Sie eine Tabellendatei oder einen Layer.</translation>
        </message>
        <message>
            <source>Choose at least one column to join.</source>
            <translation>Wählen Sie mindestens eine Spalte zum Verknüpfen.</translation>
        </message>
        <message>
            <source>Choose at least one field to move (EXTENSIVE or INTENSIVE).</source>
            <translation>Wählen Sie mindestens ein zu übertragendes Feld (EXTENSIVE oder INTENSIVE).</translation>
        </message>
        <message>
            <source>Choose at least one field to sum (FIELDS).</source>
            <translation>Wählen Sie mindestens ein zu summierendes Feld (FIELDS).</translation>
        </message>
        <message>
            <source>Choose the DEFICIT field.</source>
            <translation>Bitte das Feld DEFICIT wählen.</translation>
        </message>
        <message>
            <source>Choose the INDEX_FIELD of DISTRICTS.</source>
            <translation>Wählen Sie das INDEX_FIELD von DISTRICTS.</translation>
        </message>
        <message>
            <source>Choose the TARGET_POPULATION and NEED fields.</source>
            <translation>Bitte die Felder TARGET_POPULATION und NEED wählen.</translation>
        </message>
        <message>
            <source>Choose the table, its key column, the district layer and its key field.</source>
            <translation>Wählen Sie die Tabelle, ihre Schlüsselspalte, den Gebietslayer und sein Schlüsselfeld.</translation>
        </message>
        <message>
            <source>Choose the {0} field.</source>
            <translation>Bitte das Feld {0} wählen.</translation>
        </message>
        <message>
            <source>Chooses the P best of the CANDIDATES (possible sites for new Kitas, schools or offices) while the existing FACILITIES stay open. Models: p-median (least total weighted travel cost), maximal coverage (most weighted demand within MAX_COST) and capacitated p-median (demand assigned within the capacities; a demand point is split between sites only where capacities force it). The optimum is lexicographic: first as much weighted demand served (covered) as possible, then the least total weighted cost of the served demand. The result is exact: a mixed-integer program solved by HiGHS; the log and the summary report the proven optimality gap (0 = proven optimum). TIME_LIMIT bounds the whole run after reading the inputs (travel costs, solver, gains): when it runs out, the best solution found is returned with its proven gap and a warning; gains not computed in time are NULL (counted in the log). 'gain' of a site: how much worse the result would be without it (the other sites staying open). Costs come from the street network (also walk + public transport: the reported percentile time per pair, MAX_COST 120 min unless given; OUTPUT_DEMAND then has walk_only, the direct walk to the site after) or from an OD_TABLE; pairs missing from the table or beyond MAX_COST are not usable.</source>
            <translation>Wählt die P besten Standorte aus den CANDIDATES (mögliche Standorte für neue Kitas, Schulen oder Büros), während die bestehenden FACILITIES geöffnet bleiben. Modelle: p-Median (kleinste Summe der gewichteten Wegekosten), maximale Abdeckung (möglichst viel gewichtete Nachfrage innerhalb von MAX_COST) und kapazitiertes p-Median-Modell (Zuordnung innerhalb der Kapazitäten; ein Nachfragepunkt wird nur aufgeteilt, wenn die Kapazitäten es erzwingen). Das Optimum ist lexikographisch: zuerst so viel gewichtete Nachfrage wie möglich versorgen (abdecken), dann unter diesen Lösungen die kleinste Summe der gewichteten Wegekosten der versorgten Nachfrage. Das Ergebnis ist exakt: ein gemischt-ganzzahliges Programm, gelöst mit HiGHS; Protokoll und Zusammenfassung nennen die nachgewiesene Optimalitätslücke (0 = nachgewiesenes Optimum). TIME_LIMIT begrenzt den ganzen Lauf nach dem Einlesen (Wegekosten, Löser, Gewinne): Läuft die Zeit ab, wird die beste gefundene Lösung mit ihrer nachgewiesenen Lücke und einer Warnung ausgegeben; nicht rechtzeitig berechnete Gewinne sind NULL (im Protokoll gezählt). 'gain' eines Standorts: um wie viel das Ergebnis ohne ihn schlechter wäre (die übrigen Standorte bleiben offen). Die Wegekosten kommen aus dem Straßennetz (auch zu Fuß + ÖPNV: die ausgegebene Perzentil-Reisezeit je Paar, MAX_COST 120 min, wenn nicht angegeben; OUTPUT_DEMAND enthält dann walk_only, den direkten Fußweg zum Standort danach) oder aus einer OD_TABLE; Paare, die in der Tabelle fehlen oder jenseits von MAX_COST liegen, sind nicht nutzbar.</translation>
        </message>
        <message>
            <source>Chosen sites: {0}.</source>
            <translation>Gewählte Standorte: {0}.</translation>
        </message>
        <message>
            <source>City</source>
            <translation>Stadt</translation>
        </message>
        <message>
            <source>City value</source>
            <translation>Stadtwert</translation>
        </message>
        <message>
            <source>City value of {0}: mean weighted by {1} (the city rate).</source>
            <translation>Stadtwert von {0}: mit {1} gewichtetes Mittel (die Quote der Stadt).</translation>
        </message>
        <message>
            <source>City value of {0}: plain mean of the districts (Ø; no denominator known, see CITY_VALUES).</source>
            <translation>Stadtwert von {0}: einfaches Mittel der Ortsteile (Ø; kein Nenner bekannt, siehe CITY_VALUES).</translation>
        </message>
        <message>
            <source>City value of {0}: total of the districts (a count or amount).</source>
            <translation>Stadtwert von {0}: Summe der Ortsteile (eine Anzahl oder ein Betrag).</translation>
        </message>
        <message>
            <source>City value per indicator (field, rule)</source>
            <translation>Stadtwert je Indikator (Feld, Regel)</translation>
        </message>
        <message>
            <source>City: mean per district</source>
            <translation>Stadt: Mittel je Ortsteil</translation>
        </message>
        <message>
            <source>City: {0}</source>
            <translation>Stadt: {0}</translation>
        </message>
        <message>
            <source>Class {0} ({1}): {2} areas.</source>
            <translation>Klasse {0} ({1}): {2} Gebiete.</translation>
        </message>
        <message>
            <source>Class {0} ({1}): {2} facilities.</source>
            <translation>Klasse {0} ({1}): {2} Einrichtungen.</translation>
        </message>
        <message>
            <source>Classes as for the districts: 1 high status (index below -1), 2 medium (-1 to 1), 3 low (above 1 up to 1.5), 4 very low (above 1.5).</source>
            <translation>Klassen wie bei den Gebieten: 1 hoher Status (Index unter −1), 2 mittlerer (−1 bis 1), 3 niedriger (über 1 bis 1,5), 4 sehr niedriger (über 1,5).</translation>
        </message>
        <message>
            <source>Classes: 1 high status (index below -1), 2 medium (-1 to 1), 3 low (above 1 up to 1.5), 4 very low (above 1.5).</source>
            <translation>Klassen: 1 hoher Status (Index unter −1), 2 mittlerer (−1 bis 1), 3 niedriger (über 1 bis 1,5), 4 sehr niedriger Status (über 1,5).</translation>
        </message>
        <message>
            <source>Classification</source>
            <translation>Klassifizierung</translation>
        </message>
        <message>
            <source>Column delimiter of a CSV/TXT file; 'auto' picks the most consistent of ; , and tab.</source>
            <translation>Spaltentrennzeichen einer CSV/TXT-Datei; 'auto' wählt das stimmigste von ; , und Tabulator.</translation>
        </message>
        <message>
            <source>Column row (0 = detect)</source>
            <translation>Spaltenzeile (0 = erkennen)</translation>
        </message>
        <message>
            <source>Column row: {0} {1} ({2}). Possible column rows: {3}.</source>
            <translation>Spaltenzeile: {0} {1} ({2}). Mögliche Spaltenzeilen: {3}.</translation>
        </message>
        <message>
            <source>Column with the year when the table has one row per district and year.</source>
            <translation>Spalte mit dem Jahr, wenn die Tabelle je Gebiet und Jahr eine Zeile hat.</translation>
        </message>
        <message>
            <source>Columns to join (empty = all)</source>
            <translation>Zu verknüpfende Spalten (leer = alle)</translation>
        </message>
        <message>
            <source>Columns without a name are called: {0}.</source>
            <translation>Spalten ohne Namen heißen: {0}.</translation>
        </message>
        <message>
            <source>Comma-separated list of costs in the unit of the cost (metres or minutes), e.g. 500,1000,1500.</source>
            <translation>Kommagetrennte Liste von Kosten in der Einheit der Kosten (Meter oder Minuten), z. B. 500,1000,1500.</translation>
        </message>
        <message>
            <source>Condenses small-area social indicators into one social index, by default exactly as Berlin's Monitoring Soziale Stadtentwicklung: areas below the population minimum are left out; each indicator is standardised over the remaining areas (z-score with the population standard deviation), indicators where a high value means less burden change sign, the weighted sum of the z-scores is standardised again. A high index means high social burden. Classes: 1 high status (index &lt; -1), 2 medium (-1 to 1), 3 low (above 1 up to 1.5), 4 very low (above 1.5). With the indicators of two years earlier, the dynamic index on the changes gives the classes positive / stable / negative and the 12 groups of status and dynamics; monitoring reports publish the changes themselves (Berlin MSS: D1, D3, D4), which CHANGE_INDICATORS takes instead. EXCLUDE (an expression) leaves out the areas the monitoring leaves out. Values that look like missing-value codes (-9999) and shares outside 0-100 are named in warnings. Alternatives: min-max scaling, first principal component; quantile, natural-breaks (Jenks) or equal-interval classes. Output fields: z_&lt;indicator&gt;, status_sum, index, index_class, index_label, rank (1 = highest index), dyn_index, dyn_class, group, excluded (reason).</source>
            <translation>Verdichtet kleinräumige Sozialindikatoren zu einem Sozialindex, standardmäßig genau wie das Berliner Monitoring Soziale Stadtentwicklung: Gebiete unter der Mindesteinwohnerzahl bleiben unberücksichtigt; jeder Indikator wird über die übrigen Gebiete standardisiert (z-Wert mit der Standardabweichung der Grundgesamtheit), Indikatoren, bei denen ein hoher Wert weniger Belastung bedeutet, wechseln das Vorzeichen, und die gewichtete Summe der z-Werte wird erneut standardisiert. Ein hoher Index bedeutet hohe soziale Belastung. Klassen: 1 hoher Status (Index &lt; −1), 2 mittlerer (−1 bis 1), 3 niedriger (über 1 bis 1,5), 4 sehr niedriger Status (über 1,5). Mit den Indikatoren von vor zwei Jahren ergibt der Dynamikindex auf den Veränderungen die Klassen positiv / stabil / negativ und die 12 Gruppen aus Status und Dynamik; Monitoringberichte veröffentlichen die Veränderungen selbst (Berliner MSS: D1, D3, D4), die stattdessen CHANGE_INDICATORS aufnimmt. EXCLUDE (ein Ausdruck) lässt die Gebiete aus, die das Monitoring auslässt. Werte, die wie Codes für fehlende Werte aussehen (-9999), und Anteile außerhalb von 0–100 werden in Warnungen genannt. Alternativen: Min-Max-Skalierung, erste Hauptkomponente; Quantile, natürliche Unterbrechungen (Jenks) oder gleiche Intervalle. Ausgabefelder: z_&lt;Indikator&gt;, status_sum, index, index_class, index_label, rank (1 = höchster Index), dyn_index, dyn_class, group, excluded (Grund).</translation>
        </message>
        <message>
            <source>Cooperation network (Kooperationsnetz)</source>
            <translation>Kooperationsnetz</translation>
        </message>
        <message>
            <source>Cost</source>
            <translation>Kosten</translation>
        </message>
        <message>
            <source>Could not add the layer {0} to the GeoPackage {1}: {2}</source>
            <translation>Die Ebene {0} konnte nicht in das GeoPackage {1} geschrieben werden: {2}</translation>
        </message>
        <message>
            <source>Could not connect to the database of the output {0}: {1}</source>
            <translation>Keine Verbindung zur Datenbank der Ausgabe {0}: {1}</translation>
        </message>
        <message>
            <source>Could not create the output {0}.</source>
            <translation>Die Ausgabe {0} konnte nicht angelegt werden.</translation>
        </message>
        <message>
            <source>Could not export {0}: {1} {2}</source>
            <translation>{0} konnte nicht exportiert werden: {1} {2}</translation>
        </message>
        <message>
            <source>Could not fill the profile page: {0}</source>
            <translation>Die Profilseite konnte nicht gefüllt werden: {0}</translation>
        </message>
        <message>
            <source>Could not load the layer given as {0}.</source>
            <translation>Der als {0} angegebene Layer konnte nicht geladen werden.</translation>
        </message>
        <message>
            <source>Could not load these layers ({0}): {1}</source>
            <translation>Diese Layer ({0}) konnten nicht geladen werden: {1}</translation>
        </message>
        <message>
            <source>Could not move the output {0} to {1}: {2}</source>
            <translation>Die Ausgabe {0} konnte nicht nach {1} verschoben werden: {2}</translation>
        </message>
        <message>
            <source>Could not prepare the districts for the pages.</source>
            <translation>Die Ortsteile konnten nicht für die Seiten vorbereitet werden.</translation>
        </message>
        <message>
            <source>Could not prepare the schema {0} for the project {1}: {2}</source>
            <translation>Das Schema {0} für das Projekt {1} konnte nicht vorbereitet werden: {2}</translation>
        </message>
        <message>
            <source>Could not read the page template {0}: {1}</source>
            <translation>Die Seitenvorlage {0} konnte nicht gelesen werden: {1}</translation>
        </message>
        <message>
            <source>Could not read the spreadsheet {0}: {1}</source>
            <translation>Die Tabellenkalkulationsdatei {0} konnte nicht gelesen werden: {1}</translation>
        </message>
        <message>
            <source>Could not read {0} back from {1}.</source>
            <translation>{0} konnte nicht aus {1} zurückgelesen werden.</translation>
        </message>
        <message>
            <source>Could not store the project {0} in {1}.qgis_projects: {2}</source>
            <translation>Das Projekt {0} konnte nicht in {1}.qgis_projects gespeichert werden: {2}</translation>
        </message>
        <message>
            <source>Could not write into the folder {0}: {1}</source>
            <translation>In den Ordner {0} kann nicht geschrieben werden: {1}</translation>
        </message>
        <message>
            <source>Could not write the chart {0}.</source>
            <translation>Das Diagramm {0} konnte nicht geschrieben werden.</translation>
        </message>
        <message>
            <source>Could not write the output {0} into the folder {1}: {2}</source>
            <translation>Die Ausgabe {0} kann nicht in den Ordner {1} geschrieben werden: {2}</translation>
        </message>
        <message>
            <source>Could not write the output {0} to the table {1}.{2}: {3}</source>
            <translation>Die Ausgabe {0} konnte nicht in die Tabelle {1}.{2} geschrieben werden: {3}</translation>
        </message>
        <message>
            <source>Could not write the profiles {0} ({1}): a folder of that name exists.</source>
            <translation>Die Profile {0} ({1}) konnten nicht geschrieben werden: Es gibt einen Ordner mit diesem Namen.</translation>
        </message>
        <message>
            <source>Could not write the profiles {0} ({1}): {2}</source>
            <translation>Die Profile {0} ({1}) konnten nicht geschrieben werden: {2}</translation>
        </message>
        <message>
            <source>Could not write the profiles {0} ({1}): {2}. Is the file open in another program, or the folder read-only?</source>
            <translation>Die Profile {0} ({1}) konnten nicht geschrieben werden: {2}. Ist die Datei in einem anderen Programm geöffnet oder der Ordner schreibgeschützt?</translation>
        </message>
        <message>
            <source>Could not write the project {0}: {1}</source>
            <translation>Das Projekt {0} konnte nicht geschrieben werden: {1}</translation>
        </message>
        <message>
            <source>Could not write the sample city into {0} (parameter {1}): {2}</source>
            <translation>Die Beispielstadt konnte nicht in {0} geschrieben werden (Parameter {1}): {2}</translation>
        </message>
        <message>
            <source>Could not write the web map to {0}: {1}</source>
            <translation>Die Webkarte konnte nicht nach {0} geschrieben werden: {1}</translation>
        </message>
        <message>
            <source>Could not write {0} into {1}: {2}</source>
            <translation>{0} konnte nicht in {1} geschrieben werden: {2}</translation>
        </message>
        <message>
            <source>Could not write {0} to the output {1}: {2}</source>
            <translation>{0} konnte nicht in die Ausgabe {1} geschrieben werden: {2}</translation>
        </message>
        <message>
            <source>Could not write {0}: {1}</source>
            <translation>{0} konnte nicht geschrieben werden: {1}</translation>
        </message>
        <message>
            <source>Counts (extensive fields)</source>
            <translation>Anzahlen (extensive Felder)</translation>
        </message>
        <message>
            <source>Cut the deficit into three classes by its terciles or by the two THRESHOLDS.</source>
            <translation>Das Defizit nach Terzilen oder nach den zwei Schwellenwerten (THRESHOLDS) in drei Klassen einteilen.</translation>
        </message>
        <message>
            <source>DEMAND_WEIGHT is missing in feature {0} of {1}.</source>
            <translation>DEMAND_WEIGHT fehlt bei Objekt {0} von {1}.</translation>
        </message>
        <message>
            <source>DEMAND_WEIGHT is negative ({0}) in feature {1} of {2}.</source>
            <translation>DEMAND_WEIGHT ist negativ ({0}) bei Objekt {1} von {2}.</translation>
        </message>
        <message>
            <source>DEPARTURE_END must be later than DEPARTURE_START.</source>
            <translation>DEPARTURE_END muss später als DEPARTURE_START sein.</translation>
        </message>
        <message>
            <source>DISTRICTS</source>
            <translation>DISTRICTS (Gebiete)</translation>
        </message>
        <message>
            <source>DISTRICTS has no usable polygon.</source>
            <translation>DISTRICTS enthält kein brauchbares Polygon.</translation>
        </message>
        <message>
            <source>Data preparation</source>
            <translation>Datenaufbereitung</translation>
        </message>
        <message>
            <source>Data source</source>
            <translation>Datenquelle</translation>
        </message>
        <message>
            <source>Data source line, e.g. 'Amt für Statistik, 31.12.2024'. Empty: the layer names.</source>
            <translation>Zeile mit der Datenquelle, z. B. „Amt für Statistik, 31.12.2024“. Leer: die Layernamen.</translation>
        </message>
        <message>
            <source>Data source: {0}</source>
            <translation>Datenquelle: {0}</translation>
        </message>
        <message>
            <source>Data: {0} · As of: {1} · Bildungslandschaft (QGIS)</source>
            <translation>Daten: {0} · Stand: {1} · Bildungslandschaft (QGIS)</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>Datum</translation>
        </message>
        <message>
            <source>Date printed on the map. Empty: today.</source>
            <translation>Auf der Karte gedrucktes Datum. Leer: heute.</translation>
        </message>
        <message>
            <source>Decimal comma (12,5 and thousands dots 2.594) or decimal point; 'auto' decides from the numbers in the table.</source>
            <translation>Dezimalkomma (12,5 und Tausenderpunkte 2.594) oder Dezimalpunkt; 'auto' entscheidet anhand der Zahlen in der Tabelle.</translation>
        </message>
        <message>
            <source>Decimal sign</source>
            <translation>Dezimalzeichen</translation>
        </message>
        <message>
            <source>Decimal sign for text cells: {0}.</source>
            <translation>Dezimalzeichen für Textzellen: {0}.</translation>
        </message>
        <message>
            <source>Deficit classes</source>
            <translation>Defizitklassen</translation>
        </message>
        <message>
            <source>Deficit classes: low up to {0}, medium up to {1}, high above ({2}).</source>
            <translation>Defizitklassen: gering bis {0}, mittel bis {1}, hoch darüber ({2}).</translation>
        </message>
        <message>
            <source>Delimiter</source>
            <translation>Trennzeichen</translation>
        </message>
        <message>
            <source>Demand</source>
            <translation>Nachfrage</translation>
        </message>
        <message>
            <source>Demand (addresses or districts)</source>
            <translation>Nachfrage (Adressen oder Gebiete)</translation>
        </message>
        <message>
            <source>Demand assignment</source>
            <translation>Zuordnung der Nachfrage</translation>
        </message>
        <message>
            <source>Demand id field</source>
            <translation>ID-Feld der Nachfrage</translation>
        </message>
        <message>
            <source>Demand outside every district</source>
            <translation>Nachfrage außerhalb aller Gebiete</translation>
        </message>
        <message>
            <source>Demand per feature, e.g. children 3-5 (ew_3_5), or children weighted by need computed beforehand with the field calculator. Empty: every feature counts 1. NULL or negative values are errors.</source>
            <translation>Nachfrage je Objekt, z. B. Kinder von 3–5 Jahren (ew_3_5) oder vorher mit dem Feldrechner nach Bedarf gewichtete Kinder. Leer: jedes Objekt zählt 1. NULL oder negative Werte sind Fehler.</translation>
        </message>
        <message>
            <source>Demand per feature, e.g. children 3-5 (ew_3_5). Empty: every feature counts 1. NULL or negative values are errors.</source>
            <translation>Nachfrage je Objekt, z. B. Kinder von 3–5 Jahren (ew_3_5). Leer: jedes Objekt zählt 1. NULL oder negative Werte sind Fehler.</translation>
        </message>
        <message>
            <source>Demand per feature, e.g. children 6-9 (ew_6_9). Empty: every feature counts 1. NULL or negative values are errors.</source>
            <translation>Nachfrage je Objekt, z. B. Kinder von 6–9 Jahren (ew_6_9). Leer: jedes Objekt zählt 1. NULL oder negative Werte sind Fehler.</translation>
        </message>
        <message>
            <source>Demand weight field</source>
            <translation>Feld Nachfragegewicht</translation>
        </message>
        <message>
            <source>Demand with accessibility</source>
            <translation>Nachfrage mit Erreichbarkeit</translation>
        </message>
        <message>
            <source>Demand with nearest facility</source>
            <translation>Nachfrage mit nächster Einrichtung</translation>
        </message>
        <message>
            <source>Demand {0:g} cannot reach any site (no usable pair); it stays unserved.</source>
            <translation>Nachfrage {0:g} erreicht keinen Standort (kein nutzbares Paar); sie bleibt unversorgt.</translation>
        </message>
        <message>
            <source>Demand {0:g}, capacity {1:g}: assigned {2:g}, unserved {3:g}.</source>
            <translation>Nachfrage {0:g}, Kapazität {1:g}: zugeordnet {2:g}, nicht versorgt {3:g}.</translation>
        </message>
        <message>
            <source>Demand-weighted mean access: {0:.6g} (supply per head of demand).</source>
            <translation>Nachfragegewichteter Mittelwert der Versorgung: {0:.6g} (Angebot je Kopf der Nachfrage).</translation>
        </message>
        <message>
            <source>Departure window from (HH:MM)</source>
            <translation>Abfahrtsfenster von (HH:MM)</translation>
        </message>
        <message>
            <source>Departure window until (HH:MM)</source>
            <translation>Abfahrtsfenster bis (HH:MM)</translation>
        </message>
        <message>
            <source>Details of the selected offer</source>
            <translation>Details zum gewählten Angebot</translation>
        </message>
        <message>
            <source>Detected: {0}</source>
            <translation>Erkannt: {0}</translation>
        </message>
        <message>
            <source>Difference</source>
            <translation>Differenz</translation>
        </message>
        <message>
            <source>Dissolve per threshold</source>
            <translation>Je Schwellenwert zusammenfassen</translation>
        </message>
        <message>
            <source>Distance (metres)</source>
            <translation>Entfernung (Meter)</translation>
        </message>
        <message>
            <source>District</source>
            <translation>Ortsteil</translation>
        </message>
        <message>
            <source>District class (whole numbers 1, 2, ...; e.g. index_class); gives share_class_1 ... share_class_4.</source>
            <translation>Klasse des Gebiets (ganze Zahlen 1, 2, …; z. B. index_class); ergibt share_class_1 … share_class_4.</translation>
        </message>
        <message>
            <source>District field of the institutions</source>
            <translation>Ortsteilfeld der Einrichtungen</translation>
        </message>
        <message>
            <source>District indicators whose children-weighted mean is written as mean_&lt;indicator&gt;.</source>
            <translation>Indikatoren der Gebiete, deren nach Kindern gewichteter Mittelwert als mean_&lt;Indikator&gt; ausgegeben wird.</translation>
        </message>
        <message>
            <source>District key (text such as '01'); must be unique.</source>
            <translation>Ortsteilschlüssel (Text wie „01“); muss eindeutig sein.</translation>
        </message>
        <message>
            <source>District key field</source>
            <translation>Feld Gebietsschlüssel</translation>
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
            <source>District name; districts without a name are titled by their key.</source>
            <translation>Ortsteilname; Ortsteile ohne Namen erhalten ihren Schlüssel als Titel.</translation>
        </message>
        <message>
            <source>District polygons (e.g. Ortsteile) that receive the table's columns.</source>
            <translation>Gebietspolygone (z. B. Ortsteile), die die Spalten der Tabelle erhalten.</translation>
        </message>
        <message>
            <source>District polygons drawn as outlines (the base map).</source>
            <translation>Ortsteilflächen, als Umrisse gezeichnet (die Grundkarte).</translation>
        </message>
        <message>
            <source>District polygons the points are summed into.</source>
            <translation>Gebietspolygone, in denen die Punkte summiert werden.</translation>
        </message>
        <message>
            <source>District polygons with the indicator fields, all districts of the city (ranks and city values refer to all of them).</source>
            <translation>Ortsteilflächen mit den Indikatorfeldern, alle Ortsteile der Stadt (Ränge und Stadtwerte beziehen sich auf alle).</translation>
        </message>
        <message>
            <source>District polygons with the social index (e.g. the output of socialindex).</source>
            <translation>Gebietspolygone mit dem Sozialindex (z. B. die Ausgabe von socialindex).</translation>
        </message>
        <message>
            <source>District profile</source>
            <translation>Ortsteilprofil</translation>
        </message>
        <message>
            <source>District profiles</source>
            <translation>Ortsteilprofile</translation>
        </message>
        <message>
            <source>District profiles (atlas)</source>
            <translation>Ortsteilprofile (Atlas)</translation>
        </message>
        <message>
            <source>District typology (Gebietstypisierung)</source>
            <translation>Gebietstypisierung</translation>
        </message>
        <message>
            <source>District {0}</source>
            <translation>Ortsteil {0}</translation>
        </message>
        <message>
            <source>District {0} has no key in field {1} ({2}).</source>
            <translation>Ortsteil {0} hat keinen Schlüssel im Feld {1} ({2}).</translation>
        </message>
        <message>
            <source>Districts</source>
            <translation>Gebiete</translation>
        </message>
        <message>
            <source>Districts (Ortsteile, Planungsräume) with one row per area, or a table without geometry.</source>
            <translation>Gebiete (Ortsteile, Planungsräume) mit einer Zeile je Gebiet oder eine Tabelle ohne Geometrie.</translation>
        </message>
        <message>
            <source>Districts (optional)</source>
            <translation>Gebiete (optional)</translation>
        </message>
        <message>
            <source>Districts matched</source>
            <translation>Zugeordnete Gebiete</translation>
        </message>
        <message>
            <source>Districts or facilities</source>
            <translation>Gebiete oder Einrichtungen</translation>
        </message>
        <message>
            <source>Districts to include (expression)</source>
            <translation>Aufzunehmende Ortsteile (Ausdruck)</translation>
        </message>
        <message>
            <source>Districts with a social-index class and an access-deficit field.</source>
            <translation>Gebiete mit einer Sozialindexklasse und einem Feld für das Erreichbarkeitsdefizit.</translation>
        </message>
        <message>
            <source>Districts with accessibility</source>
            <translation>Gebiete mit Erreichbarkeit</translation>
        </message>
        <message>
            <source>Districts with cooperation counts</source>
            <translation>Ortsteile mit Kooperationszahlen</translation>
        </message>
        <message>
            <source>Districts with social data</source>
            <translation>Gebiete mit Sozialdaten</translation>
        </message>
        <message>
            <source>Districts with sums</source>
            <translation>Gebiete mit Summen</translation>
        </message>
        <message>
            <source>Districts with the indicator fields.</source>
            <translation>Gebiete mit den Indikatorfeldern.</translation>
        </message>
        <message>
            <source>Districts with the social index</source>
            <translation>Gebiete mit Sozialindex</translation>
        </message>
        <message>
            <source>Districts without a table row</source>
            <translation>Gebiete ohne Tabellenzeile</translation>
        </message>
        <message>
            <source>Districts without a table row ({0}): {1}</source>
            <translation>Gebiete ohne Tabellenzeile ({0}): {1}</translation>
        </message>
        <message>
            <source>Divide access by its demand-weighted mean, so that 1 means the city average.</source>
            <translation>Versorgung durch ihren nachfragegewichteten Mittelwert teilen, sodass 1 dem städtischen Durchschnitt entspricht.</translation>
        </message>
        <message>
            <source>Dynamics class {0} ({1}): {2} areas.</source>
            <translation>Dynamikklasse {0} ({1}): {2} Gebiete.</translation>
        </message>
        <message>
            <source>E2SFCA (step weights)</source>
            <translation>E2SFCA (Stufengewichte)</translation>
        </message>
        <message>
            <source>EXCLUDE ({0}) leaves out {1} area(s).</source>
            <translation>EXCLUDE ({0}) lässt {1} Gebiet(e) aus.</translation>
        </message>
        <message>
            <source>EXCLUDE: the expression '{0}' cannot be read: {1}</source>
            <translation>EXCLUDE: Der Ausdruck '{0}' ist nicht lesbar: {1}</translation>
        </message>
        <message>
            <source>EXCLUDE: the expression '{0}' fails for {1}: {2}</source>
            <translation>EXCLUDE: Der Ausdruck '{0}' schlägt fehl für {1}: {2}</translation>
        </message>
        <message>
            <source>Each child takes the social index of the district its address lies in; the facility's mean index is the mean of these values weighted by the number of children ({0}).</source>
            <translation>Jedes Kind erhält den Sozialindex des Gebiets, in dem seine Adresse liegt; der mittlere Index der Einrichtung ist der Mittelwert dieser Werte, gewichtet mit der Zahl der Kinder ({0}).</translation>
        </message>
        <message>
            <source>Each indicator was rescaled to 0 (lowest area) to 1 (highest area); the index is the weighted mean of the rescaled values and lies between 0 and 1.</source>
            <translation>Jeder Indikator wurde auf 0 (niedrigstes Gebiet) bis 1 (höchstes Gebiet) skaliert; der Index ist das gewichtete Mittel der skalierten Werte und liegt zwischen 0 und 1.</translation>
        </message>
        <message>
            <source>Each indicator was standardised over these areas as a z-score (deviation from the unweighted mean divided by the standard deviation of all areas); the weighted sum of the z-scores was standardised again, so that the index has mean 0 and standard deviation 1.</source>
            <translation>Jeder Indikator wurde über diese Gebiete als z-Wert standardisiert (Abweichung vom ungewichteten Mittelwert geteilt durch die Standardabweichung aller Gebiete); die gewichtete Summe der z-Werte wurde erneut standardisiert, sodass der Index den Mittelwert 0 und die Standardabweichung 1 hat.</translation>
        </message>
        <message>
            <source>Early childhood</source>
            <translation>Frühe Kindheit</translation>
        </message>
        <message>
            <source>Empty: the first of these fields the layer has: {0}; else {1}.</source>
            <translation>Leer: das erste dieser Felder, das der Layer hat: {0}; sonst {1}.</translation>
        </message>
        <message>
            <source>Encoding</source>
            <translation>Kodierung</translation>
        </message>
        <message>
            <source>Encoding: {0}</source>
            <translation>Kodierung: {0}</translation>
        </message>
        <message>
            <source>Encoding: {0}; delimiter: {1}; decimal sign: {2}.</source>
            <translation>Kodierung: {0}; Trennzeichen: {1}; Dezimalzeichen: {2}.</translation>
        </message>
        <message>
            <source>End of the departure window (not included): 07:00 to 08:00 means the 60 departure minutes 07:00, 07:01, ..., 07:59.</source>
            <translation>Ende des Abfahrtsfensters (nicht enthalten): 07:00 bis 08:00 bedeutet die 60 Abfahrtsminuten 07:00, 07:01, ..., 07:59.</translation>
        </message>
        <message>
            <source>Every demand feature (one row per part where the capacitated model splits it): site_id_before, cost_before (existing facilities only), site_id_after, cost_after, assigned, unserved, status.</source>
            <translation>Jedes Nachfrageobjekt (eine Zeile je Teil, wo das kapazitierte Modell es aufteilt): site_id_before, cost_before (nur bestehende Einrichtungen), site_id_after, cost_after, assigned, unserved, status.</translation>
        </message>
        <message>
            <source>Every demand feature with cost, facility_id, snap_dist, status, cost per category and facility counts per threshold.</source>
            <translation>Jedes Nachfrageobjekt mit cost, facility_id, snap_dist, status, Kosten je Kategorie und Anzahl der Einrichtungen je Schwellenwert.</translation>
        </message>
        <message>
            <source>Every demand feature with facility_id, cost, snap_dist and status.</source>
            <translation>Jedes Nachfrageobjekt mit facility_id, cost, snap_dist und status.</translation>
        </message>
        <message>
            <source>Every existing facility and candidate: site_id, existing, selected, load, capacity, utilization, gain (gain_served, gain_cost).</source>
            <translation>Jede bestehende Einrichtung und jeder Kandidat: site_id, existing (bestehend), selected (gewählt), load (Belegung), capacity, utilization (Auslastung), gain (Nutzen; gain_served, gain_cost).</translation>
        </message>
        <message>
            <source>Every facility has capacity 0 in {0}; nobody can be assigned.</source>
            <translation>Alle Einrichtungen haben in {0} die Kapazität 0; niemand kann zugeordnet werden.</translation>
        </message>
        <message>
            <source>Every facility has supply 0 in {0}; there is nothing to distribute.</source>
            <translation>Alle Einrichtungen haben in {0} das Angebot 0; es gibt nichts zu verteilen.</translation>
        </message>
        <message>
            <source>Every facility has the same mean index ({0}); the facility index cannot be standardised.</source>
            <translation>Alle Einrichtungen haben denselben mittleren Index ({0}); der Einrichtungsindex kann nicht standardisiert werden.</translation>
        </message>
        <message>
            <source>Every facility with demand, n_demand, utilization and status.</source>
            <translation>Jede Einrichtung mit demand, n_demand, utilization und status.</translation>
        </message>
        <message>
            <source>Every unit gets at least this amount (0 = no minimum).</source>
            <translation>Jede Einheit erhält mindestens diesen Betrag (0 = kein Mindestbetrag).</translation>
        </message>
        <message>
            <source>Existing facilities (stay open)</source>
            <translation>Bestehende Einrichtungen (bleiben offen)</translation>
        </message>
        <message>
            <source>Export cancelled.</source>
            <translation>Export abgebrochen.</translation>
        </message>
        <message>
            <source>Export failed (error {0}).</source>
            <translation>Export fehlgeschlagen (Fehler {0}).</translation>
        </message>
        <message>
            <source>Export map for council papers</source>
            <translation>Karte für Vorlagen exportieren</translation>
        </message>
        <message>
            <source>Exported map</source>
            <translation>Exportierte Karte</translation>
        </message>
        <message>
            <source>Exports a council-ready map (Stadtratsvorlage) as PDF, PNG or SVG: title, subtitle, the map of the given layers, a legend of exactly these layers, a metric scale bar, a north arrow and a line with data source and date, with print margins on A4 or A3.
Layers of the open project keep their styles; layers given as files get their stored style or the plugin's default style. Long titles are wrapped and shrunk to fit. The file is written only when the export succeeded.</source>
            <translation>Exportiert eine Karte für Stadtratsvorlagen als PDF, PNG oder SVG: Titel, Untertitel, die Karte der gewählten Layer, eine Legende genau dieser Layer, einen metrischen Maßstab, einen Nordpfeil und eine Zeile mit Datenquelle und Datum, mit Druckrändern auf A4 oder A3.
Layer des geöffneten Projekts behalten ihren Stil; als Datei übergebene Layer erhalten ihren gespeicherten Stil oder den Standardstil des Plugins. Lange Titel werden umbrochen und verkleinert. Die Datei wird erst geschrieben, wenn der Export gelungen ist.</translation>
        </message>
        <message>
            <source>FACILITY_ID: features {0} and {1} of {2} have the same id '{3}'; the ids must be unique.</source>
            <translation>FACILITY_ID: Die Objekte {0} und {1} von {2} haben dieselbe Kennung '{3}'; die Kennungen müssen eindeutig sein.</translation>
        </message>
        <message>
            <source>FACTORS: '{0}' is not of the form class:supplement (e.g. 1:0;2:0.25;3:0.5;4:1).</source>
            <translation>FACTORS: „{0}“ hat nicht die Form Klasse:Zuschlag (z. B. 1:0;2:0.25;3:0.5;4:1).</translation>
        </message>
        <message>
            <source>FACTORS: the supplement '{1}' of class '{0}' is not a number.</source>
            <translation>FACTORS: Der Zuschlag „{1}“ der Klasse „{0}“ ist keine Zahl.</translation>
        </message>
        <message>
            <source>FACTORS: the supplement '{1}' of class '{0}' must be zero or positive.</source>
            <translation>FACTORS: Der Zuschlag „{1}“ der Klasse „{0}“ muss null oder positiv sein.</translation>
        </message>
        <message>
            <source>Facilities</source>
            <translation>Einrichtungen</translation>
        </message>
        <message>
            <source>Facilities in the district</source>
            <translation>Einrichtungen im Ortsteil</translation>
        </message>
        <message>
            <source>Facilities on the map</source>
            <translation>Einrichtungen auf der Karte</translation>
        </message>
        <message>
            <source>Facilities that exist and stay open (optional). Their ids must differ from the candidates' ids.</source>
            <translation>Einrichtungen, die bestehen und offen bleiben (optional). Ihre IDs müssen sich von denen der Kandidaten unterscheiden.</translation>
        </message>
        <message>
            <source>Facilities with demand</source>
            <translation>Einrichtungen mit Nachfrage</translation>
        </message>
        <message>
            <source>Facility capacity field</source>
            <translation>Kapazitätsfeld der Einrichtungen</translation>
        </message>
        <message>
            <source>Facility category field</source>
            <translation>Feld Einrichtungskategorie</translation>
        </message>
        <message>
            <source>Facility id '{0}' occurs twice in field {1} of {2}.</source>
            <translation>Die Einrichtungskennung „{0}“ kommt im Feld {1} von {2} doppelt vor.</translation>
        </message>
        <message>
            <source>Facility id field</source>
            <translation>Feld Einrichtungs-ID</translation>
        </message>
        <message>
            <source>Facility id in the demand layer (assignment)</source>
            <translation>Kennung der Einrichtung im Nachfragelayer (Zuordnung)</translation>
        </message>
        <message>
            <source>Facility type (Kita, Grundschule, …): colour, legend and life phases.</source>
            <translation>Art der Einrichtung (Kita, Grundschule, …): Farbe, Legende und Lebensphasen.</translation>
        </message>
        <message>
            <source>Facility type; decides the life phases through TYPE_MAPPING.</source>
            <translation>Art der Einrichtung; bestimmt über TYPE_MAPPING die Lebensphasen.</translation>
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
            <source>Facility types without a life phase in TYPE_MAPPING are never offered: {0}</source>
            <translation>Einrichtungsarten ohne Lebensphase in TYPE_MAPPING werden nie angeboten: {0}</translation>
        </message>
        <message>
            <source>Feature {0} of {1} cannot be transformed to {2}: {3}</source>
            <translation>Objekt {0} von {1} kann nicht nach {2} transformiert werden: {3}</translation>
        </message>
        <message>
            <source>Feature {0} was not there when the layer was read; was the layer changed during the run?</source>
            <translation>Objekt {0} war beim Einlesen des Layers noch nicht vorhanden; wurde der Layer während der Berechnung geändert?</translation>
        </message>
        <message>
            <source>Field</source>
            <translation>Feld</translation>
        </message>
        <message>
            <source>Field '{0}' (FIELDS) is not in the table. Columns: {1}</source>
            <translation>Feld '{0}' (FIELDS) ist nicht in der Tabelle. Spalten: {1}</translation>
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
            <source>Field '{0}' in {1} is not one of the indicators ({2}).</source>
            <translation>Das Feld „{0}“ in {1} ist keiner der Indikatoren ({2}).</translation>
        </message>
        <message>
            <source>Field '{0}' is written as '{1}' (layer {2} already has a field of that name).</source>
            <translation>Feld '{0}' wird als '{1}' geschrieben (Layer {2} hat bereits ein Feld dieses Namens).</translation>
        </message>
        <message>
            <source>Field '{0}' of {1} is replaced by the output field of the same name.</source>
            <translation>Das Feld '{0}' von {1} wird durch das gleichnamige Ergebnisfeld ersetzt.</translation>
        </message>
        <message>
            <source>Field identifying the origins in the output (default: the feature id).</source>
            <translation>Feld, das die Ausgangspunkte im Ergebnis kennzeichnet (Vorgabe: die Objekt-ID).</translation>
        </message>
        <message>
            <source>Field of DEMAND with the id of the facility that serves the feature (e.g. facility_id from catchments or capacityallocation). Empty: the nearest facility over NETWORK is computed.</source>
            <translation>Feld von DEMAND mit der Kennung der Einrichtung, die das Objekt versorgt (z. B. facility_id aus catchments oder capacityallocation). Leer: die nächstgelegene Einrichtung über NETWORK wird berechnet.</translation>
        </message>
        <message>
            <source>Field of OD_TABLE with the demand id (matched to DEMAND_ID, compared as text).</source>
            <translation>Feld der OD_TABLE mit der ID der Nachfrage (Abgleich mit DEMAND_ID, als Text verglichen).</translation>
        </message>
        <message>
            <source>Field of OD_TABLE with the facility id (matched to FACILITY_ID, compared as text).</source>
            <translation>Feld der OD_TABLE mit der ID der Einrichtung (Abgleich mit FACILITY_ID, als Text verglichen).</translation>
        </message>
        <message>
            <source>Field of OD_TABLE with the travel cost (&gt;= 0, same unit as MAX_COST).</source>
            <translation>Feld der OD_TABLE mit den Wegekosten (&gt;= 0, gleiche Einheit wie MAX_COST).</translation>
        </message>
        <message>
            <source>Field of the districts holding the key (text with leading zeros, e.g. '01').</source>
            <translation>Feld der Gebiete mit dem Schlüssel (Text mit führenden Nullen, z. B. '01').</translation>
        </message>
        <message>
            <source>Field with 'yes' for one-way streets in drawing direction and '-1' against it (default: a field named 'oneway' if there is one). Only used by car.</source>
            <translation>Feld mit 'yes' für Einbahnstraßen in Digitalisierrichtung und '-1' für die Gegenrichtung (Standard: ein Feld namens 'oneway', falls vorhanden). Wird nur beim Auto berücksichtigt.</translation>
        </message>
        <message>
            <source>Field with OSM road classes (default: a field named 'highway' if there is one).</source>
            <translation>Feld mit OSM-Straßenklassen (Standard: ein Feld namens 'highway', falls vorhanden).</translation>
        </message>
        <message>
            <source>Field {0} of layer {1} has the negative value {2} at feature {3} ({4} negative value(s) in all); weights and capacities must be 0 or more.</source>
            <translation>Feld {0} des Layers {1} hat beim Objekt {3} den negativen Wert {2} ({4} negative(r) Wert(e) insgesamt); Gewichte und Kapazitäten müssen 0 oder größer sein.</translation>
        </message>
        <message>
            <source>Field {0} of layer {1}: {2} feature(s) without a number (NULL) count 0.</source>
            <translation>Feld {0} des Layers {1}: {2} Objekt(e) ohne Zahl (NULL) zählen 0.</translation>
        </message>
        <message>
            <source>Fields to sum</source>
            <translation>Zu summierende Felder</translation>
        </message>
        <message>
            <source>Finding the district of every demand feature</source>
            <translation>Gebiet jedes Nachfrageobjekts wird bestimmt</translation>
        </message>
        <message>
            <source>Finds the districts where social burden and poor access to education coincide. The access deficit (e.g. the share of children 6-9 living beyond 1000 m of a primary school, from the accessibility algorithm; higher = worse) is cut into three classes, by terciles or by two thresholds (a value equal to a threshold belongs to the lower class). The matrix of the social-index class (1 high status ... 4 very low status) and the deficit class (1 low ... 3 high) gives the priority: priority = 5 - (index class - 1) - (deficit class - 1), limited to 1..4. Priority 1 (highest) flags a Schwerpunktraum. Output fields: deficit_class, priority, priority_label, schwerpunktraum (1/0), priority_note (why a district has no priority).</source>
            <translation>Findet die Gebiete, in denen soziale Belastung und schlechte Erreichbarkeit von Bildungsangeboten zusammentreffen. Das Erreichbarkeitsdefizit (z. B. der Anteil der 6- bis 9-Jährigen, die weiter als 1000 m von einer Grundschule entfernt wohnen, aus dem Erreichbarkeitsalgorithmus; höher = schlechter) wird nach Terzilen oder zwei Schwellenwerten in drei Klassen eingeteilt (ein Wert gleich einem Schwellenwert gehört zur unteren Klasse). Die Matrix aus Sozialindexklasse (1 hoher Status … 4 sehr niedriger Status) und Defizitklasse (1 gering … 3 hoch) ergibt die Priorität: Priorität = 5 − (Indexklasse − 1) − (Defizitklasse − 1), begrenzt auf 1 bis 4. Priorität 1 (höchste) kennzeichnet einen Schwerpunktraum. Ausgabefelder: deficit_class, priority, priority_label, schwerpunktraum (1/0), priority_note (warum ein Gebiet keine Priorität hat).</translation>
        </message>
        <message>
            <source>Finds the education offers for a life phase that can be reached from an address, sorted by travel distance or time over the street network, with name, type, carrier, cost and the route as a line. The network works exactly as in the catchment algorithms (connector to the street, partial segments, one-way streets by car, points off the network or on islands reported).

ORIGIN: a layer of addresses (every feature is searched) or a point written as 'x,y [EPSG:code]'; in the dialog a point can also be picked on the map (ORIGIN_POINT).
TARGET_GROUP: the life phase; which facility types serve it is set by TYPE_MAPPING (default: resources/lifephases.csv).</source>
            <translation>Findet die Bildungsangebote für eine Lebensphase, die von einer Adresse aus erreichbar sind, sortiert nach Weglänge oder Reisezeit im Straßennetz, mit Name, Art, Träger, Kosten (Weg oder Zeit) und dem Weg als Linie. Das Netz funktioniert genau wie bei den Einzugsbereichen (Anbindung an die Straße, Teilstrecken, Einbahnstraßen beim Auto, Punkte abseits des Netzes oder auf Inseln werden gemeldet).

ORIGIN: ein Layer mit Adressen (für jedes Objekt wird gesucht) oder ein Punkt als „x,y [EPSG:Code]“; im Dialog kann auch ein Punkt in der Karte gewählt werden (ORIGIN_POINT).
TARGET_GROUP: die Lebensphase; welche Einrichtungsarten sie bedienen, legt TYPE_MAPPING fest (Vorgabe: resources/lifephases.csv).</translation>
        </message>
        <message>
            <source>First departure minute at the origin.</source>
            <translation>Erste Abfahrtsminute am Startort.</translation>
        </message>
        <message>
            <source>Folder for musterstadt.gpkg, sozialdaten_musterstadt.csv and kooperationen.csv. Existing files of these names are replaced.</source>
            <translation>Ordner für musterstadt.gpkg, sozialdaten_musterstadt.csv und kooperationen.csv. Vorhandene Dateien mit diesen Namen werden ersetzt.</translation>
        </message>
        <message>
            <source>For E2SFCA and 3SFCA: weight of each cost band, e.g. 10:1;20:0.68;30:0.22 (up to 10: 1, up to 20: 0.68, up to 30: 0.22, beyond: 0). Use the unit of the cost (for metres e.g. 500:1;1000:0.68;1500:0.22).</source>
            <translation>Für E2SFCA und 3SFCA: Gewicht je Kostenstufe, z. B. 10:1;20:0.68;30:0.22 (bis 10: 1, bis 20: 0,68, bis 30: 0,22, darüber: 0). In der Einheit der Kosten angeben (für Meter z. B. 500:1;1000:0.68;1500:0.22).</translation>
        </message>
        <message>
            <source>For each of {0} facilities the social situation of the children it serves was determined. Each address was assigned to its nearest facility over the street network.</source>
            <translation>Für jede der {0} Einrichtungen wurde die soziale Lage der von ihr betreuten Kinder bestimmt. Jede Adresse wurde der über das Straßennetz nächstgelegenen Einrichtung zugeordnet.</translation>
        </message>
        <message>
            <source>For each of {0} facilities the social situation of the children it serves was determined. Which facility serves which address was taken from the field '{1}'.</source>
            <translation>Für jede der {0} Einrichtungen wurde die soziale Lage der von ihr betreuten Kinder bestimmt. Welche Einrichtung welche Adresse versorgt, wurde dem Feld '{1}' entnommen.</translation>
        </message>
        <message>
            <source>For every demand feature: the network cost to the nearest facility (cost, facility_id), per facility category (cost_&lt;category&gt;) when CATEGORY is given, and the number of facilities within each threshold (n_&lt;threshold&gt;). With DISTRICTS: per district the demand-weighted mean and median cost of the reached demand and the weighted share (percent) of all demand within each threshold (share_&lt;threshold&gt;).</source>
            <translation>Für jedes Nachfrageobjekt: die Netzkosten zur nächsten Einrichtung (cost, facility_id), bei Angabe von CATEGORY auch je Einrichtungskategorie (cost_&lt;Kategorie&gt;), und die Anzahl der Einrichtungen innerhalb jedes Schwellenwerts (n_&lt;Schwellenwert&gt;). Mit DISTRICTS je Gebiet: nachfragegewichteter Mittelwert und Median der Kosten der erreichten Nachfrage sowie der gewichtete Anteil (Prozent) der gesamten Nachfrage innerhalb jedes Schwellenwerts (share_&lt;Schwellenwert&gt;).</translation>
        </message>
        <message>
            <source>For quantiles, natural breaks and equal intervals; the Berlin classes are always 4.</source>
            <translation>Für Quantile, natürliche Unterbrechungen und gleiche Intervalle; die Berliner Klassen sind immer 4.</translation>
        </message>
        <message>
            <source>For tables with one row per district (, year) and indicator, as statistics APIs deliver them: the column naming the indicator. Each indicator becomes a column holding FIELDS (e.g. 'wert').</source>
            <translation>Für Tabellen mit einer Zeile je Gebiet (, Jahr) und Indikator, wie Statistik-Schnittstellen sie liefern: die Spalte mit dem Namen des Indikators. Jeder Indikator wird zu einer Spalte mit den Werten aus FIELDS (z. B. 'wert').</translation>
        </message>
        <message>
            <source>For the Gaussian method: the width of the weight exp(-c^2/(2 SIGMA^2)) in the unit of the cost.</source>
            <translation>Für das Gauß-Verfahren: die Breite des Gewichts exp(-c^2/(2 SIGMA^2)) in der Einheit der Kosten.</translation>
        </message>
        <message>
            <source>For the gravity method: smaller costs count as this value (avoids division by zero).</source>
            <translation>Für das Gravitationsmodell: kleinere Kosten zählen mit diesem Wert (vermeidet eine Division durch null).</translation>
        </message>
        <message>
            <source>For the gravity method: supply counts with cost^-BETA.</source>
            <translation>Für das Gravitationsmodell: das Angebot zählt mit Kosten^-BETA.</translation>
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
            <source>Förderformel for facilities in two steps: run facilityneed (need per facility from the children it serves), then this algorithm on its output with TARGET_POPULATION served and NEED facility_class; BASE_SHARE of the budget is then split per child served, the rest as supplements by the facility's class (FACTORS). Facilities without a class (no children served) are left out with a filter, e.g. "facility_class" IS NOT NULL.</source>
            <translation>Förderformel für Einrichtungen in zwei Schritten: zuerst facilityneed (Bedarf je Einrichtung aus den betreuten Kindern), dann dieser Algorithmus auf dessen Ausgabe mit TARGET_POPULATION served und NEED facility_class; BASE_SHARE des Budgets wird dann je betreutem Kind verteilt, der Rest als Zuschläge nach der Klasse der Einrichtung (FACTORS). Einrichtungen ohne Klasse (keine Kinder betreut) werden mit einem Filter ausgelassen, z. B. "facility_class" IS NOT NULL.</translation>
        </message>
        <message>
            <source>GTFS '{0}' does not exist.</source>
            <translation>GTFS '{0}' existiert nicht.</translation>
        </message>
        <message>
            <source>GTFS '{0}' is neither a zip file nor a folder.</source>
            <translation>GTFS '{0}' ist weder eine ZIP-Datei noch ein Ordner.</translation>
        </message>
        <message>
            <source>GTFS '{0}' lacks the required file(s): {1}.</source>
            <translation>Im GTFS '{0}' fehlt/fehlen die nötige(n) Datei(en): {1}.</translation>
        </message>
        <message>
            <source>GTFS feed (zip or folder)</source>
            <translation>GTFS-Fahrplan (ZIP oder Ordner)</translation>
        </message>
        <message>
            <source>GTFS file {0} has no column {1}.</source>
            <translation>Die GTFS-Datei {0} hat keine Spalte {1}.</translation>
        </message>
        <message>
            <source>GTFS: transfers.txt is ignored; transfers are walks over the street network.</source>
            <translation>GTFS: transfers.txt wird nicht verwendet; Umstiege sind Fußwege über das Straßennetz.</translation>
        </message>
        <message>
            <source>GTFS: {0} of {1} stops are farther than {2} m from the network; they cannot be walked to or from (their vehicles still run).</source>
            <translation>GTFS: {0} von {1} Haltestellen liegen weiter als {2} m vom Netz entfernt; sie sind zu Fuß nicht erreichbar (ihre Fahrzeuge fahren trotzdem).</translation>
        </message>
        <message>
            <source>GTFS: {0} {1} (e.g. {2}).</source>
            <translation>GTFS: {0} {1} (z. B. {2}).</translation>
        </message>
        <message>
            <source>GTFS: {0} {1}.</source>
            <translation>GTFS: {0} {1}.</translation>
        </message>
        <message>
            <source>GTFS_DATE '{0}' is not a date; write it as YYYY-MM-DD, e.g. 2024-09-17.</source>
            <translation>GTFS_DATE '{0}' ist kein Datum; bitte als JJJJ-MM-TT schreiben, z. B. 2024-09-17.</translation>
        </message>
        <message>
            <source>Gaussian 2SFCA</source>
            <translation>Gauß-2SFCA</translation>
        </message>
        <message>
            <source>Gaussian width (SIGMA)</source>
            <translation>Gauß-Breite (SIGMA)</translation>
        </message>
        <message>
            <source>GeoPackage</source>
            <translation>GeoPackage</translation>
        </message>
        <message>
            <source>GeoPackage (*.gpkg)</source>
            <translation>GeoPackage (*.gpkg)</translation>
        </message>
        <message>
            <source>Give an origin: a layer or point in {0}, or a point in {1}.</source>
            <translation>Geben Sie einen Ausgangspunkt an: einen Layer oder Punkt in {0} oder einen Punkt in {1}.</translation>
        </message>
        <message>
            <source>Give at least one indicator field ({0}).</source>
            <translation>Bitte mindestens ein Indikatorfeld angeben ({0}).</translation>
        </message>
        <message>
            <source>Give either ASSIGNMENT_FIELD (the facility id in DEMAND) or a NETWORK for the nearest-facility search.</source>
            <translation>Geben Sie entweder ASSIGNMENT_FIELD (die Kennung der Einrichtung in DEMAND) oder ein NETWORK für die Suche nach der nächstgelegenen Einrichtung an.</translation>
        </message>
        <message>
            <source>Give either NETWORK or OD_TABLE for the travel costs.</source>
            <translation>Für die Wegekosten bitte entweder NETWORK oder OD_TABLE angeben.</translation>
        </message>
        <message>
            <source>Give either NETWORK or OD_TABLE, not both.</source>
            <translation>Bitte entweder NETWORK oder OD_TABLE angeben, nicht beides.</translation>
        </message>
        <message>
            <source>Give either PREVIOUS_INDICATORS (values two years earlier) or CHANGE_INDICATORS (published changes), not both.</source>
            <translation>Entweder PREVIOUS_INDICATORS (Werte zwei Jahre früher) oder CHANGE_INDICATORS (veröffentlichte Veränderungen) angeben, nicht beides.</translation>
        </message>
        <message>
            <source>Gravity (Hansen)</source>
            <translation>Gravitationsmodell (Hansen)</translation>
        </message>
        <message>
            <source>Gravity exponent (BETA)</source>
            <translation>Gravitationsexponent (BETA)</translation>
        </message>
        <message>
            <source>Groups districts into types with similar indicator profiles: the indicators are standardised (z-scores with the population standard deviation) and clustered by k-means (k-means++ start with a fixed seed, 10 restarts, the best solution wins; the same input always gives the same types). K is given, or with K = 0 chosen between K_MIN and K_MAX by the largest mean silhouette. Types are numbered by the mean z-score of their centre (type 1 = lowest values). OUTPUT: every area with cluster, silhouette, distance to its type's centre and z_&lt;indicator&gt;; PROFILES: one row per type with the number of areas and the mean z-score of each indicator, to name the types.</source>
            <translation>Fasst Gebiete mit ähnlichem Indikatorprofil zu Typen zusammen: Die Indikatoren werden standardisiert (z-Werte mit der Standardabweichung der Grundgesamtheit) und mit k-Means gruppiert (k-Means++-Start mit festem Startwert, 10 Neustarts, die beste Lösung gewinnt; dieselben Eingaben ergeben immer dieselben Typen). K wird vorgegeben oder bei K = 0 zwischen K_MIN und K_MAX nach dem größten mittleren Silhouettenwert gewählt. Die Typen sind nach dem mittleren z-Wert ihres Zentrums nummeriert (Typ 1 = niedrigste Werte). OUTPUT: alle Gebiete mit cluster, silhouette, Abstand zum Zentrum ihres Typs und z_&lt;Indikator&gt;; PROFILES: je Typ eine Zeile mit der Zahl der Gebiete und dem mittleren z-Wert jedes Indikators, um die Typen zu benennen.</translation>
        </message>
        <message>
            <source>HTML files (*.html)</source>
            <translation>HTML-Dateien (*.html)</translation>
        </message>
        <message>
            <source>Heads of the target group per unit, e.g. children 0-5.</source>
            <translation>Köpfe der Zielgruppe je Einheit, z. B. Kinder von 0 bis 5 Jahren.</translation>
        </message>
        <message>
            <source>Higher values mean greater social burden.</source>
            <translation>Höhere Werte bedeuten eine höhere soziale Belastung.</translation>
        </message>
        <message>
            <source>Hint: padding the keys with leading zeros to {0} digits (KEY_WIDTH = {0}) would match more keys.</source>
            <translation>Hinweis: Mit führenden Nullen auf {0} Stellen aufgefüllt (KEY_WIDTH = {0}) würden mehr Schlüssel passen.</translation>
        </message>
        <message>
            <source>Hint: {0} key(s) differ only in upper/lower case and were not matched: {1}. Correct the spelling in the table or in the district layer.</source>
            <translation>Hinweis: {0} Schlüssel unterscheiden sich nur in Groß-/Kleinschreibung und wurden nicht zugeordnet: {1}. Bitte die Schreibweise in der Tabelle oder im Gebietslayer korrigieren.</translation>
        </message>
        <message>
            <source>How a source is split: by area, by the weight of points inside it, or by the area of mask polygons inside it.</source>
            <translation>Wie ein Quellgebiet aufgeteilt wird: nach Fläche, nach dem Gewicht der Punkte darin oder nach der Fläche der Maskenpolygone darin.</translation>
        </message>
        <message>
            <source>How distance weighs: 2SFCA counts everything within MAX_COST fully; E2SFCA and 3SFCA use STEPS; Gaussian uses SIGMA; gravity uses BETA and MIN_COST.</source>
            <translation>Wie die Entfernung gewichtet wird: 2SFCA zählt alles innerhalb von MAX_COST voll; E2SFCA und 3SFCA verwenden STEPS; das Gauß-Verfahren SIGMA; das Gravitationsmodell BETA und MIN_COST.</translation>
        </message>
        <message>
            <source>How many candidates to open (at most the number of candidates).</source>
            <translation>Wie viele Kandidaten eröffnet werden (höchstens die Zahl der Kandidaten).</translation>
        </message>
        <message>
            <source>How the facility index is cut into classes (class 1 = least burden), as in socialindex.</source>
            <translation>Wie der Einrichtungsindex in Klassen eingeteilt wird (Klasse 1 = geringste Belastung), wie bei socialindex.</translation>
        </message>
        <message>
            <source>How the index is cut into classes (class 1 = least burden).</source>
            <translation>Wie der Index in Klassen eingeteilt wird (Klasse 1 = geringste Belastung).</translation>
        </message>
        <message>
            <source>How the indicators are combined.</source>
            <translation>Wie die Indikatoren zusammengefasst werden.</translation>
        </message>
        <message>
            <source>INDEX_CLASS '{0}' must hold the classes 1 to 4 (or NULL), but {1} has {2}.</source>
            <translation>INDEX_CLASS „{0}“ muss die Klassen 1 bis 4 (oder NULL) enthalten, {1} hat aber {2}.</translation>
        </message>
        <message>
            <source>INDEX_CLASS_FIELD '{0}' of district feature {1} is '{2}', not a class number.</source>
            <translation>INDEX_CLASS_FIELD '{0}' von Gebietsobjekt {1} ist '{2}', keine Klassennummer.</translation>
        </message>
        <message>
            <source>INDEX_CLASS_FIELD: the class {0} of district feature {1} is not a whole number from 1 to 12.</source>
            <translation>INDEX_CLASS_FIELD: Die Klasse {0} von Gebietsobjekt {1} ist keine ganze Zahl von 1 bis 12.</translation>
        </message>
        <message>
            <source>INDICATORS lists a field twice.</source>
            <translation>INDICATORS enthält ein Feld doppelt.</translation>
        </message>
        <message>
            <source>INDICATORS: choose at least one indicator field.</source>
            <translation>INDICATORS: Bitte mindestens ein Indikatorfeld wählen.</translation>
        </message>
        <message>
            <source>INTENSIVE: {0}</source>
            <translation>INTENSIVE: {0}</translation>
        </message>
        <message>
            <source>Id of the facility, copied to the output.</source>
            <translation>Kennung der Einrichtung, wird ins Ergebnis übernommen.</translation>
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
            <source>Images (*.svg *.png *.jpg *.jpeg)</source>
            <translation>Bilder (*.svg *.png *.jpg *.jpeg)</translation>
        </message>
        <message>
            <source>In the unit of the cost (metres or minutes). Maximal coverage: the coverage standard (required). p-median models: optional; pairs beyond it are not usable (walk + public transport: 120 min unless given).</source>
            <translation>In der Einheit der Kosten (Meter oder Minuten). Maximale Abdeckung: der Versorgungsstandard (erforderlich). p-Median-Modelle: optional; Paare jenseits davon sind nicht nutzbar (zu Fuß + ÖPNV: 120 min, wenn nicht angegeben).</translation>
        </message>
        <message>
            <source>Index class field</source>
            <translation>Feld Indexklasse</translation>
        </message>
        <message>
            <source>Indicator</source>
            <translation>Indikator</translation>
        </message>
        <message>
            <source>Indicator '{0}' has the same value ({1}) in every included area (standard deviation 0); it cannot be standardised. Remove it from INDICATORS.</source>
            <translation>Der Indikator „{0}“ hat in allen einbezogenen Gebieten denselben Wert ({1}) (Standardabweichung 0) und kann nicht standardisiert werden. Bitte aus INDICATORS entfernen.</translation>
        </message>
        <message>
            <source>Indicator column (one row per indicator)</source>
            <translation>Indikatorspalte (eine Zeile je Indikator)</translation>
        </message>
        <message>
            <source>Indicators</source>
            <translation>Indikatoren</translation>
        </message>
        <message>
            <source>Indicators (field, label)</source>
            <translation>Indikatoren (Feld, Bezeichnung)</translation>
        </message>
        <message>
            <source>Indicators two years earlier (dynamics)</source>
            <translation>Indikatoren zwei Jahre zuvor (Dynamik)</translation>
        </message>
        <message>
            <source>Indicators where a high value means less burden</source>
            <translation>Indikatoren, bei denen ein hoher Wert weniger Belastung bedeutet</translation>
        </message>
        <message>
            <source>Instead of one year, join every year as its own column &lt;field&gt;_&lt;year&gt; (needs the year column).</source>
            <translation>Statt eines Jahres jedes Jahr als eigene Spalte &lt;Feld&gt;_&lt;Jahr&gt; anhängen (braucht die Jahresspalte).</translation>
        </message>
        <message>
            <source>Instead of the earlier values: the changes x(t) - x(t-2) as a monitoring report publishes them (Berlin MSS: D1, D3, D4), in the same order as INDICATORS.</source>
            <translation>Statt der früheren Werte: die Veränderungen x(t) − x(t−2), wie ein Monitoringbericht sie veröffentlicht (Berliner MSS: D1, D3, D4), in derselben Reihenfolge wie INDICATORS.</translation>
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
            <source>Interpolated districts</source>
            <translation>Übertragene Gebiete</translation>
        </message>
        <message>
            <source>Invalid input for the method: {0}.</source>
            <translation>Ungültige Eingabe für das Verfahren: {0}.</translation>
        </message>
        <message>
            <source>Isolated institutions</source>
            <translation>Isolierte Einrichtungen</translation>
        </message>
        <message>
            <source>Join</source>
            <translation>Verknüpfen</translation>
        </message>
        <message>
            <source>Join report</source>
            <translation>Verknüpfungsbericht</translation>
        </message>
        <message>
            <source>Join social data</source>
            <translation>Sozialdaten verknüpfen</translation>
        </message>
        <message>
            <source>Join social data (Sozialdaten verknüpfen)</source>
            <translation>Sozialdaten verknüpfen</translation>
        </message>
        <message>
            <source>Join social data…</source>
            <translation>Sozialdaten verknüpfen…</translation>
        </message>
        <message>
            <source>Joins a statistics table (CSV/TXT, XLSX, ODS, JSON or a table layer) to district polygons by key.
Encoding (UTF-8, UTF-8 with BOM, Windows-1252), delimiter (; , tab) and decimal sign (comma with thousands dots, or point) are detected; title lines above the column row and notes below the data are skipped. Keys are compared as text: blanks are removed and, with KEY_WIDTH, padded with leading zeros (1 -&gt; 01). Total and pseudo rows (Insgesamt, Stadt gesamt, SUM, keine Angabe) are left out.
Official symbols never become 0: '.', 'x', '...', '/', '*' and the numeric codes 5555555555 etc. become NULL, '-' (exactly nothing) becomes 0; a field &lt;field&gt;_flag keeps the symbol. Values in brackets or with p/r/s/e markers are used, the marker goes to the flag.
The column row is detected as the row of short names above the first data row (title rows, merged group headers, description and unit rows are skipped); HEADER_ROW chooses another row. A column without a name is called column_&lt;n&gt; (n = its position) and can be given as TABLE_KEY. One-cell headings between data rows ('Stadtbezirk Mitte') are skipped. Keys are compared after Unicode normalisation; keys that differ only in upper/lower case are named in a hint. Missing-value codes (MISSING_CODES, e.g. -9999) become NULL where the column cannot take that value. JSON: a list of records or the records under one key; SPREAD_FIELD turns one row per indicator into one column per indicator.
OUTPUT_REPORT lists every problem: keys only in the table or only on the map, duplicate keys, symbols, missing codes, text in number columns, pseudo rows, headings.</source>
            <translation>Verknüpft eine Statistiktabelle (CSV/TXT, XLSX, ODS, JSON oder Tabellenlayer) über den Schlüssel mit Gebietspolygonen.
Kodierung (UTF-8, UTF-8 mit BOM, Windows-1252), Trennzeichen (; , Tabulator) und Dezimalzeichen (Komma mit Tausenderpunkten oder Punkt) werden erkannt; Titelzeilen über dem Spaltenkopf und Anmerkungen unter den Daten werden übersprungen. Schlüssel werden als Text verglichen: Leerzeichen werden entfernt und mit KEY_WIDTH mit führenden Nullen aufgefüllt (1 -&gt; 01). Summen- und Pseudozeilen (Insgesamt, Stadt gesamt, SUM, keine Angabe) werden ausgelassen.
Amtliche Zeichen werden nie zu 0: '.', 'x', '...', '/', '*' und die Zahlencodes 5555555555 usw. werden NULL, '-' (genau nichts) wird 0; ein Feld &lt;Feld&gt;_flag behält das Zeichen. Werte in Klammern oder mit den Zusätzen p/r/s/e werden verwendet, der Zusatz kommt ins Kennzeichenfeld.
Die Spaltenzeile wird als Zeile der Kurznamen über der ersten Datenzeile erkannt (Titelzeilen, verbundene Gruppenköpfe, Beschreibungs- und Einheitenzeilen werden übersprungen); HEADER_ROW wählt eine andere Zeile. Eine Spalte ohne Namen heißt column_&lt;n&gt; (n = ihre Position) und kann als TABLE_KEY angegeben werden. Einzellige Überschriften zwischen Datenzeilen ('Stadtbezirk Mitte') werden übersprungen. Schlüssel werden nach Unicode-Normalisierung verglichen; Schlüssel, die sich nur in Groß-/Kleinschreibung unterscheiden, nennt ein Hinweis. Codes für fehlende Werte (MISSING_CODES, z. B. -9999) werden NULL, wo die Spalte diesen Wert nicht annehmen kann. JSON: eine Liste von Datensätzen oder die Datensätze unter einem Schlüssel; SPREAD_FIELD macht aus einer Zeile je Indikator eine Spalte je Indikator.
OUTPUT_REPORT listet jedes Problem: Schlüssel nur in der Tabelle oder nur in der Karte, doppelte Schlüssel, Zeichen, Codes für fehlende Werte, Text in Zahlenspalten, Pseudozeilen, Überschriften.</translation>
        </message>
        <message>
            <source>K = {0} must lie between 1 and the number of areas ({1}).</source>
            <translation>K = {0} muss zwischen 1 und der Zahl der Gebiete ({1}) liegen.</translation>
        </message>
        <message>
            <source>K = {0}: mean silhouette {1}.</source>
            <translation>K = {0}: mittlerer Silhouettenwert {1}.</translation>
        </message>
        <message>
            <source>K_MAX ({0}) is smaller than K_MIN ({1}).</source>
            <translation>K_MAX ({0}) ist kleiner als K_MIN ({1}).</translation>
        </message>
        <message>
            <source>Key column of the table</source>
            <translation>Schlüsselspalte der Tabelle</translation>
        </message>
        <message>
            <source>Key field</source>
            <translation>Schlüsselfeld</translation>
        </message>
        <message>
            <source>Key of the districts (text, e.g. ot_key). Default: the first field.</source>
            <translation>Schlüssel der Ortsteile (Text, z. B. ot_key). Vorgabe: das erste Feld.</translation>
        </message>
        <message>
            <source>Key of the districts written to the demand output as district_id (default: the feature id).</source>
            <translation>Schlüssel der Gebiete, der als district_id in die Nachfrageausgabe geschrieben wird (Standard: die Objekt-ID).</translation>
        </message>
        <message>
            <source>Key width (pad with leading zeros, 0 = as is)</source>
            <translation>Schlüssellänge (mit führenden Nullen auffüllen, 0 = unverändert)</translation>
        </message>
        <message>
            <source>Key {0}</source>
            <translation>Schlüssel {0}</translation>
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
            <source>Label</source>
            <translation>Bezeichnung</translation>
        </message>
        <message>
            <source>Largest K to try</source>
            <translation>Größtes zu prüfendes K</translation>
        </message>
        <message>
            <source>Layer of addresses, or a point as text 'x,y [EPSG:code]'.</source>
            <translation>Layer mit Adressen oder ein Punkt als Text „x,y [EPSG:Code]“.</translation>
        </message>
        <message>
            <source>Layer {0} ({1}) has no fields to use as district key.</source>
            <translation>Layer {0} ({1}) hat kein Feld, das als Ortsteilschlüssel dienen kann.</translation>
        </message>
        <message>
            <source>Layer {0} ({1}) holds several geometry types: {2} feature(s) with {3} are used, {4} other feature(s) are left out.</source>
            <translation>Layer {0} ({1}) enthält mehrere Geometrietypen: {2} Objekt(e) vom Typ {3} werden verwendet, {4} andere Objekt(e) bleiben unberücksichtigt.</translation>
        </message>
        <message>
            <source>Layer {0} ({1}) is reprojected to {2}.</source>
            <translation>Layer {0} ({1}) wird nach {2} umprojiziert.</translation>
        </message>
        <message>
            <source>Layer {0} has a feature with coordinates that are not numbers (feature {1}).</source>
            <translation>Layer {0} hat ein Objekt mit Koordinaten, die keine Zahlen sind (Objekt {1}).</translation>
        </message>
        <message>
            <source>Layer {0} has no features with a geometry.</source>
            <translation>Layer {0} hat keine Objekte mit Geometrie.</translation>
        </message>
        <message>
            <source>Layer {0} has no valid coordinate reference system.</source>
            <translation>Der Layer {0} hat kein gültiges Koordinatenbezugssystem.</translation>
        </message>
        <message>
            <source>Layer {0} is declared as {1} (degrees) but its coordinates reach {2:.0f}, {3:.0f}: they cannot be degrees. Assign the layer its real coordinate reference system (e.g. the UTM zone the coordinates are in).</source>
            <translation>Layer {0} ist als {1} (Grad) angegeben, seine Koordinaten reichen aber bis {2:.0f}, {3:.0f}: das können keine Grad sein. Weisen Sie dem Layer sein tatsächliches Koordinatenbezugssystem zu (z. B. die UTM-Zone, in der die Koordinaten liegen).</translation>
        </message>
        <message>
            <source>Layer {0}: default style applied.</source>
            <translation>Layer {0}: Standardstil angewendet.</translation>
        </message>
        <message>
            <source>Layers (top first)</source>
            <translation>Layer (oberster zuerst)</translation>
        </message>
        <message>
            <source>Layout '{0}' added to the project (its data in {1}).</source>
            <translation>Layout „{0}“ zum Projekt hinzugefügt (seine Daten in {1}).</translation>
        </message>
        <message>
            <source>Layout '{0}' added to the project.</source>
            <translation>Layout „{0}“ zum Projekt hinzugefügt.</translation>
        </message>
        <message>
            <source>Leave out areas where (expression)</source>
            <translation>Gebiete auslassen, für die gilt (Ausdruck)</translation>
        </message>
        <message>
            <source>Leave such units out with a filter, e.g. "{0}" IS NOT NULL (facilityneed gives facilities that serve no children no class).</source>
            <translation>Lassen Sie solche Einheiten mit einem Filter aus, z. B. "{0}" IS NOT NULL (facilityneed gibt Einrichtungen, die keine Kinder betreuen, keine Klasse).</translation>
        </message>
        <message>
            <source>Left out: {0}: {1}.</source>
            <translation>Nicht berücksichtigt: {0}: {1}.</translation>
        </message>
        <message>
            <source>Legend</source>
            <translation>Legende</translation>
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
            <source>Line layer of streets and paths. Every segment between two vertices is an edge; line ends closer than 1 cm are joined; lines that only cross (bridges) are not connected. A 'highway' field (OSM classes) restricts modes; a 'oneway' field is respected by car.</source>
            <translation>Linienlayer der Straßen und Wege. Jedes Segment zwischen zwei Stützpunkten ist eine Kante; Linienenden mit weniger als 1 cm Abstand werden verbunden; Linien, die sich nur kreuzen (Brücken), sind nicht verbunden. Ein Feld 'highway' (OSM-Klassen) schränkt die Verkehrsmittel ein; ein Feld 'oneway' wird beim Auto beachtet.</translation>
        </message>
        <message>
            <source>Location in the city</source>
            <translation>Lage in der Stadt</translation>
        </message>
        <message>
            <source>Location planning (Standortplanung)</source>
            <translation>Standortplanung</translation>
        </message>
        <message>
            <source>Location planning summary</source>
            <translation>Zusammenfassung der Standortplanung</translation>
        </message>
        <message>
            <source>Location planning times (s): {0}</source>
            <translation>Standortplanung, Zeiten (s): {0}</translation>
        </message>
        <message>
            <source>Logo</source>
            <translation>Logo</translation>
        </message>
        <message>
            <source>Longest walk between two stops when changing vehicles; staying at the same stop takes no time.</source>
            <translation>Längster Fußweg zwischen zwei Haltestellen beim Umsteigen; an derselben Haltestelle umzusteigen dauert keine Zeit.</translation>
        </message>
        <message>
            <source>Longest walk from the origin to the first stop and from the last stop to the destination, at 4.5 km/h over the network.</source>
            <translation>Längster Fußweg vom Startort zur ersten Haltestelle und von der letzten Haltestelle zum Ziel, mit 4,5 km/h über das Netz.</translation>
        </message>
        <message>
            <source>MAX_COST must be greater than 0 (got {0}); leave it empty for no limit.</source>
            <translation>MAX_COST muss größer als 0 sein (angegeben: {0}); für keine Begrenzung leer lassen.</translation>
        </message>
        <message>
            <source>MAX_COST must be greater than 0.</source>
            <translation>MAX_COST muss größer als 0 sein.</translation>
        </message>
        <message>
            <source>MAX_TRANSFER_WALK must not be negative.</source>
            <translation>MAX_TRANSFER_WALK darf nicht negativ sein.</translation>
        </message>
        <message>
            <source>MAX_WALK must be greater than 0 minutes.</source>
            <translation>MAX_WALK muss größer als 0 Minuten sein.</translation>
        </message>
        <message>
            <source>MIN_AMOUNT ({0}) is larger than MAX_AMOUNT ({1}).</source>
            <translation>MIN_AMOUNT ({0}) ist größer als MAX_AMOUNT ({1}).</translation>
        </message>
        <message>
            <source>MISSING_CODES: '{0}' is not a number (write e.g. -9999;-99999).</source>
            <translation>MISSING_CODES: '{0}' ist keine Zahl (z. B. -9999;-99999 schreiben).</translation>
        </message>
        <message>
            <source>Map extent</source>
            <translation>Kartenausschnitt</translation>
        </message>
        <message>
            <source>Map of the offers</source>
            <translation>Karte der Angebote</translation>
        </message>
        <message>
            <source>Map title; long titles are wrapped onto two lines and shrunk.</source>
            <translation>Kartentitel; lange Titel werden auf zwei Zeilen umbrochen und verkleinert.</translation>
        </message>
        <message>
            <source>Map written to {0}</source>
            <translation>Karte geschrieben: {0}</translation>
        </message>
        <message>
            <source>Map: {0}</source>
            <translation>Karte: {0}</translation>
        </message>
        <message>
            <source>Maps and reports</source>
            <translation>Karten und Berichte</translation>
        </message>
        <message>
            <source>Mask polygons (e.g. residential land use)</source>
            <translation>Maskenpolygone (z. B. Wohnbauflächen)</translation>
        </message>
        <message>
            <source>Maximal coverage (most demand within MAX_COST)</source>
            <translation>Maximale Abdeckung (meiste Nachfrage innerhalb von MAX_COST)</translation>
        </message>
        <message>
            <source>Maximal coverage needs MAX_COST (the coverage standard, e.g. 500 m).</source>
            <translation>Die maximale Abdeckung braucht MAX_COST (den Versorgungsstandard, z. B. 500 m).</translation>
        </message>
        <message>
            <source>Maximum cost</source>
            <translation>Maximale Kosten</translation>
        </message>
        <message>
            <source>Maximum cost (catchment)</source>
            <translation>Maximale Kosten (Einzugsbereich)</translation>
        </message>
        <message>
            <source>Maximum per unit (euros)</source>
            <translation>Höchstbetrag je Einheit (Euro)</translation>
        </message>
        <message>
            <source>Maximum transfer walk (min)</source>
            <translation>Längster Umsteige-Fußweg (min)</translation>
        </message>
        <message>
            <source>Maximum walk to and from a stop (min)</source>
            <translation>Längster Fußweg zur und von der Haltestelle (min)</translation>
        </message>
        <message>
            <source>Mean z-score of each indicator per type.</source>
            <translation>Mittlerer z-Wert jedes Indikators je Typ.</translation>
        </message>
        <message>
            <source>Method</source>
            <translation>Methode</translation>
        </message>
        <message>
            <source>Minimum cost (gravity)</source>
            <translation>Mindestkosten (Gravitationsmodell)</translation>
        </message>
        <message>
            <source>Minimum count</source>
            <translation>Mindestfallzahl</translation>
        </message>
        <message>
            <source>Minimum per unit (euros)</source>
            <translation>Mindestbetrag je Einheit (Euro)</translation>
        </message>
        <message>
            <source>Minimum population</source>
            <translation>Mindesteinwohnerzahl</translation>
        </message>
        <message>
            <source>Missing-value codes</source>
            <translation>Codes für fehlende Werte</translation>
        </message>
        <message>
            <source>Model</source>
            <translation>Modell</translation>
        </message>
        <message>
            <source>More than 12 indicators: the table may not fit on the page.</source>
            <translation>Mehr als 12 Indikatoren: Die Tabelle passt womöglich nicht auf die Seite.</translation>
        </message>
        <message>
            <source>Moves values from one district system (SOURCE) to another (TARGET), e.g. from statistical blocks to school catchments or from old to new boundaries.
Counts (EXTENSIVE): v_j = Σ_i v_i · w_ij / W_i, where w_ij is the weight of source i inside target j and W_i the whole weight of source i. Totals are preserved where both systems cover the same ground.
Rates (INTENSIVE), written as rate_field:denominator_field: numerator (rate × denominator) and denominator are moved as counts and divided. A rate without a denominator gets the weighted mean of the overlapping sources.
Weights: 0 area of the overlap; 1 points (e.g. addresses) with a weight field (e.g. residents); 2 mask polygons (e.g. residential land use): only the area inside the mask counts.
Missing (NULL, suppressed) source values stay missing and never become 0. The field 'coverage' is the share of the target's weight that came from sources with a value (the smallest share over all moved fields).</source>
            <translation>Überträgt Werte von einem Gebietssystem (SOURCE) auf ein anderes (TARGET), z. B. von statistischen Blöcken auf Schulbezirke oder von alten auf neue Grenzen.
Anzahlen (EXTENSIVE): v_j = Σ_i v_i · w_ij / W_i, wobei w_ij das Gewicht von Quelle i innerhalb von Ziel j und W_i das gesamte Gewicht von Quelle i ist. Summen bleiben erhalten, wo beide Systeme dieselbe Fläche abdecken.
Quoten (INTENSIVE), geschrieben als Quotenfeld:Nennerfeld: Zähler (Quote × Nenner) und Nenner werden als Anzahlen übertragen und dann geteilt. Eine Quote ohne Nenner erhält den gewichteten Mittelwert der überlappenden Quellen.
Gewichtung: 0 Fläche der Überschneidung; 1 Punkte (z. B. Adressen) mit Gewichtsfeld (z. B. Einwohner); 2 Maskenpolygone (z. B. Wohnbauflächen): nur die Fläche innerhalb der Maske zählt.
Fehlende (NULL, gesperrte) Quellwerte bleiben fehlend und werden nie zu 0. Das Feld 'coverage' ist der Anteil des Zielgewichts, der aus Quellen mit Wert stammt (der kleinste Anteil über alle übertragenen Felder).</translation>
        </message>
        <message>
            <source>NEED '{0}' is missing (NULL) in {1}; every unit needs a need class.</source>
            <translation>NEED „{0}“ fehlt (NULL) bei {1}; jede Einheit braucht eine Bedarfsklasse.</translation>
        </message>
        <message>
            <source>NEED class '{0}' of {1} has no supplement in FACTORS ({2}).</source>
            <translation>Die Bedarfsklasse „{0}“ von {1} hat keinen Zuschlag in FACTORS ({2}).</translation>
        </message>
        <message>
            <source>NEGATIVE names the field '{0}', which is not one of the INDICATORS.</source>
            <translation>NEGATIVE nennt das Feld „{0}“, das nicht zu den INDICATORS gehört.</translation>
        </message>
        <message>
            <source>N_CLASSES must be at least 2.</source>
            <translation>N_CLASSES muss mindestens 2 sein.</translation>
        </message>
        <message>
            <source>Name (or 0-based number) of the sheet of an XLSX/ODS file; empty = the first sheet.</source>
            <translation>Name (oder Nummer ab 0) des Tabellenblatts einer XLSX/ODS-Datei; leer = das erste Blatt.</translation>
        </message>
        <message>
            <source>Name field</source>
            <translation>Feld Name</translation>
        </message>
        <message>
            <source>Name in the result</source>
            <translation>Name im Ergebnis</translation>
        </message>
        <message>
            <source>Name of the institution, copied to the links.</source>
            <translation>Name der Einrichtung, wird in die Verbindungslinien übernommen.</translation>
        </message>
        <message>
            <source>Name of the offer.</source>
            <translation>Name des Angebots.</translation>
        </message>
        <message>
            <source>Name of the table column with the district key, as in the column row; a column without a name is column_&lt;n&gt; (n = its position, 1-based).</source>
            <translation>Name der Tabellenspalte mit dem Gebietsschlüssel, wie in der Spaltenzeile; eine Spalte ohne Namen heißt column_&lt;n&gt; (n = ihre Position, ab 1 gezählt).</translation>
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
            <source>Names of the table columns to join, separated by ';' or ','. Empty joins every column.</source>
            <translation>Namen der anzuhängenden Tabellenspalten, getrennt durch ';' oder ','. Leer hängt alle Spalten an.</translation>
        </message>
        <message>
            <source>Need (index class or index)</source>
            <translation>Bedarf (Indexklasse oder Index)</translation>
        </message>
        <message>
            <source>Need per facility</source>
            <translation>Bedarf je Einrichtung</translation>
        </message>
        <message>
            <source>Need per facility (Sozialindex je Einrichtung)</source>
            <translation>Sozialindex je Einrichtung</translation>
        </message>
        <message>
            <source>Need supplement of each class, e.g. 1:0;2:0.25;3:0.5;4:1 (class 4 counts double in the need part). Empty: the NEED value is the supplement.</source>
            <translation>Bedarfszuschlag je Klasse, z. B. 1:0;2:0.25;3:0.5;4:1 (Klasse 4 zählt im Bedarfsanteil doppelt). Leer: Der NEED-Wert ist der Zuschlag.</translation>
        </message>
        <message>
            <source>Need-based budget allocation (Mittelverteilung)</source>
            <translation>Bedarfsorientierte Mittelverteilung</translation>
        </message>
        <message>
            <source>Negative population ({0}) in {1}.</source>
            <translation>Negative Einwohnerzahl ({0}) bei {1}.</translation>
        </message>
        <message>
            <source>Network and accessibility</source>
            <translation>Netz und Erreichbarkeit</translation>
        </message>
        <message>
            <source>Network distance in metres or travel time in minutes.</source>
            <translation>Netzentfernung in Metern oder Reisezeit in Minuten.</translation>
        </message>
        <message>
            <source>Network searches bounded at cost {0:.6g} ({1} rounds); the duality certificate proves the allocation optimal over all pairs.</source>
            <translation>Netzsuchen begrenzt auf Kosten {0:.6g} ({1} Durchläufe); der Dualitätsnachweis belegt, dass die Zuordnung über alle Paare optimal ist.</translation>
        </message>
        <message>
            <source>Network searches widened to all pairs ({0} rounds).</source>
            <translation>Netzsuchen auf alle Paare erweitert ({0} Durchläufe).</translation>
        </message>
        <message>
            <source>Network: {0} edges, {1} nodes for mode {2} ({3} segments excluded for the mode, {4} zero-length segments dropped).</source>
            <translation>Netz: {0} Kanten, {1} Knoten für Verkehrsmittel {2} ({3} Segmente für dieses Verkehrsmittel ausgeschlossen, {4} Segmente der Länge null entfernt).</translation>
        </message>
        <message>
            <source>No BASEMAP_ATTRIBUTION given: most tile licences require one.</source>
            <translation>Kein BASEMAP_ATTRIBUTION angegeben: die meisten Kachellizenzen verlangen einen Quellenvermerk.</translation>
        </message>
        <message>
            <source>No DISTRICTS given: OUTPUT_DISTRICTS is not written.</source>
            <translation>Keine DISTRICTS angegeben: OUTPUT_DISTRICTS wird nicht geschrieben.</translation>
        </message>
        <message>
            <source>No POPULATION field: no area is left out for its size.</source>
            <translation>Kein Feld POPULATION: Kein Gebiet wird wegen seiner Größe ausgelassen.</translation>
        </message>
        <message>
            <source>No district key of {0} (field {1}) matched a key of the table column '{2}'. District keys: {3}; table keys: {4}. Check KEY_WIDTH.</source>
            <translation>Kein Gebietsschlüssel von {0} (Feld {1}) passt zu einem Schlüssel der Tabellenspalte '{2}'. Gebietsschlüssel: {3}; Tabellenschlüssel: {4}. Prüfen Sie KEY_WIDTH.</translation>
        </message>
        <message>
            <source>No facilities in this district.</source>
            <translation>Keine Einrichtungen in diesem Ortsteil.</translation>
        </message>
        <message>
            <source>No facility lies within the snap tolerance of the network; nothing is assigned.</source>
            <translation>Keine Einrichtung liegt innerhalb der Fangtoleranz des Netzes; es wird nichts zugeordnet.</translation>
        </message>
        <message>
            <source>No facility of {0} has coordinates; nothing to show.</source>
            <translation>Keine Einrichtung in {0} hat Koordinaten; es gibt nichts darzustellen.</translation>
        </message>
        <message>
            <source>No facility of {0} serves the target group '{1}' (types: {2}). Check TYPE_FIELD and TYPE_MAPPING.</source>
            <translation>Keine Einrichtung in {0} bedient die Zielgruppe „{1}“ (Arten: {2}). Prüfen Sie TYPE_FIELD und TYPE_MAPPING.</translation>
        </message>
        <message>
            <source>No facility would be overloaded under nearest assignment.</source>
            <translation>Bei Zuordnung zur nächstgelegenen Einrichtung wäre keine Einrichtung überbelegt.</translation>
        </message>
        <message>
            <source>No indicators.</source>
            <translation>Keine Indikatoren.</translation>
        </message>
        <message>
            <source>No input is in a CRS that keeps distances; distances are computed in {0} (metres).</source>
            <translation>Keine Eingabe liegt in einem längentreuen KBS; Entfernungen werden in {0} (Meter) berechnet.</translation>
        </message>
        <message>
            <source>No input layer to take a coordinate reference system from.</source>
            <translation>Kein Eingabelayer, aus dem ein Koordinatenbezugssystem übernommen werden kann.</translation>
        </message>
        <message>
            <source>No key column given (TABLE_KEY).</source>
            <translation>Keine Schlüsselspalte angegeben (TABLE_KEY).</translation>
        </message>
        <message>
            <source>No layer given ({0}): choose at least one layer.</source>
            <translation>Kein Layer angegeben ({0}): Bitte mindestens einen Layer wählen.</translation>
        </message>
        <message>
            <source>No offer matches the filters.</source>
            <translation>Kein Angebot entspricht den Filtern.</translation>
        </message>
        <message>
            <source>No output file given ({0}).</source>
            <translation>Keine Ausgabedatei angegeben ({0}).</translation>
        </message>
        <message>
            <source>No output folder given (parameter {0}).</source>
            <translation>Kein Ausgabeordner angegeben (Parameter {0}).</translation>
        </message>
        <message>
            <source>No priority for {0}: missing value: {1}.</source>
            <translation>Keine Priorität für {0}: fehlender Wert: {1}.</translation>
        </message>
        <message>
            <source>No table given (TABLE).</source>
            <translation>Keine Tabelle angegeben (TABLE).</translation>
        </message>
        <message>
            <source>No trip of the GTFS feed runs on {0} (no active service_id).{1} Choose a GTFS_DATE inside the timetable period.</source>
            <translation>Am {0} fährt keine Fahrt des GTFS-Fahrplans (keine aktive service_id).{1} Bitte ein GTFS_DATE innerhalb der Fahrplanperiode wählen.</translation>
        </message>
        <message>
            <source>No unit gets more (0 = no maximum).</source>
            <translation>Keine Einheit erhält mehr (0 = kein Höchstbetrag).</translation>
        </message>
        <message>
            <source>No unit has a positive need supplement, so the need part of the budget (1 - BASE_SHARE) cannot be split. Check FACTORS and NEED, or set BASE_SHARE to 1.</source>
            <translation>Keine Einheit hat einen positiven Bedarfszuschlag, daher kann der Bedarfsanteil des Budgets (1 − BASE_SHARE) nicht verteilt werden. Bitte FACTORS und NEED prüfen oder BASE_SHARE auf 1 setzen.</translation>
        </message>
        <message>
            <source>No unit has a positive target population and supplement.</source>
            <translation>Keine Einheit hat eine positive Zielgruppe und einen positiven Zuschlag.</translation>
        </message>
        <message>
            <source>No usable partnership in {0}: every institution is isolated.</source>
            <translation>Keine verwendbare Kooperation in {0}: alle Einrichtungen sind isoliert.</translation>
        </message>
        <message>
            <source>No usable trip of the GTFS feed runs on {0}.</source>
            <translation>Am {0} fährt keine verwendbare Fahrt des GTFS-Fahrplans.</translation>
        </message>
        <message>
            <source>None of the {0} stops of the GTFS feed lies within SNAP_TOLERANCE ({1} m) of the street network; is it the feed of this area?</source>
            <translation>Keine der {0} Haltestellen des GTFS-Fahrplans liegt innerhalb von SNAP_TOLERANCE ({1} m) am Straßennetz; ist es der Fahrplan dieses Gebiets?</translation>
        </message>
        <message>
            <source>Normalise (1 = demand-weighted mean)</source>
            <translation>Normieren (1 = nachfragegewichteter Mittelwert)</translation>
        </message>
        <message>
            <source>Not enough memory to export the layout.</source>
            <translation>Nicht genug Arbeitsspeicher für den Export des Layouts.</translation>
        </message>
        <message>
            <source>Note below the data (skipped): {0}</source>
            <translation>Anmerkung unter den Daten (übersprungen): {0}</translation>
        </message>
        <message>
            <source>Number of classes</source>
            <translation>Anzahl der Klassen</translation>
        </message>
        <message>
            <source>Number of sites to open (P)</source>
            <translation>Zahl der zu eröffnenden Standorte (P)</translation>
        </message>
        <message>
            <source>Number of types K (0 = choose by silhouette)</source>
            <translation>Anzahl der Typen K (0 = nach Silhouette wählen)</translation>
        </message>
        <message>
            <source>Numbers that mean 'no value' (separated by ';'), e.g. -9999 in Berlin's monitoring files. A cell with a code becomes NULL with the code in &lt;field&gt;_flag, but only in a column that cannot take that value (no other value of the column lies in that range). Empty: no codes.</source>
            <translation>Zahlen, die „kein Wert“ bedeuten (durch ';' getrennt), z. B. -9999 in den Berliner Monitoringdateien. Eine Zelle mit einem Code wird NULL, der Code steht in &lt;Feld&gt;_flag – aber nur in einer Spalte, die diesen Wert nicht annehmen kann (kein anderer Wert der Spalte liegt in diesem Bereich). Leer: keine Codes.</translation>
        </message>
        <message>
            <source>Numbers that mean 'no value' (separated by ';'), e.g. -9999. They become NULL where the column cannot take that value.</source>
            <translation>Zahlen, die „kein Wert“ bedeuten (durch ';' getrennt), z. B. -9999. Sie werden NULL, wo die Spalte diesen Wert nicht annehmen kann.</translation>
        </message>
        <message>
            <source>Numeric deficit, higher = worse access (e.g. share of children beyond 1000 m of a school).</source>
            <translation>Numerisches Defizit, höher = schlechtere Erreichbarkeit (z. B. Anteil der Kinder weiter als 1000 m von einer Schule).</translation>
        </message>
        <message>
            <source>Numeric district index (high = high burden); NULL districts are left out of the means.</source>
            <translation>Numerischer Gebietsindex (hoch = hohe Belastung); Gebiete mit NULL bleiben bei den Mittelwerten unberücksichtigt.</translation>
        </message>
        <message>
            <source>Numeric field of the points used as weight (e.g. residents); empty = every point weighs 1.</source>
            <translation>Numerisches Feld der Punkte als Gewicht (z. B. Einwohner); leer = jeder Punkt zählt 1.</translation>
        </message>
        <message>
            <source>Numeric field with the children per feature, e.g. children aged 3–5 (default 1 per feature).</source>
            <translation>Numerisches Feld mit der Zahl der Kinder je Objekt, z. B. Kinder von 3–5 Jahren (Standard: 1 je Objekt).</translation>
        </message>
        <message>
            <source>Numeric field with the demand per feature (default 1 per feature).</source>
            <translation>Numerisches Feld mit der Nachfrage je Objekt (Standard: 1 je Objekt).</translation>
        </message>
        <message>
            <source>Numeric field with the demand per feature, e.g. children aged 6–9 (default 1 per feature).</source>
            <translation>Numerisches Feld mit der Nachfrage je Objekt, z. B. Kinder von 6–9 Jahren (Standard: 1 je Objekt).</translation>
        </message>
        <message>
            <source>Numeric fields with counts (residents, children, recipients); they are split by weight.</source>
            <translation>Numerische Felder mit Anzahlen (Einwohner, Kinder, Leistungsbeziehende); sie werden nach Gewicht aufgeteilt.</translation>
        </message>
        <message>
            <source>Numeric indicator fields to cluster on.</source>
            <translation>Numerische Indikatorfelder für die Gruppierung.</translation>
        </message>
        <message>
            <source>Numeric indicator fields, e.g. SGB II quota, child poverty, unemployment.</source>
            <translation>Numerische Indikatorfelder, z. B. SGB-II-Quote, Kinderarmut, Arbeitslosigkeit.</translation>
        </message>
        <message>
            <source>Numeric keys of both sides are padded with leading zeros to this many digits, so that 1 (Excel) matches 01. 0 leaves the keys as they are (blanks are always removed).</source>
            <translation>Numerische Schlüssel beider Seiten werden mit führenden Nullen auf so viele Stellen aufgefüllt, damit 1 (Excel) zu 01 passt. 0 lässt die Schlüssel unverändert (Leerzeichen werden immer entfernt).</translation>
        </message>
        <message>
            <source>Numeric point fields to sum per district (e.g. ew_0_2; ew_3_5; ...).</source>
            <translation>Numerische Punktfelder, die je Gebiet summiert werden (z. B. ew_0_2; ew_3_5; ...).</translation>
        </message>
        <message>
            <source>OD cost field</source>
            <translation>OD-Kostenfeld</translation>
        </message>
        <message>
            <source>OD cost table (instead of the network)</source>
            <translation>OD-Kostentabelle (statt des Netzes)</translation>
        </message>
        <message>
            <source>OD destination id field</source>
            <translation>OD-Feld der Ziel-ID</translation>
        </message>
        <message>
            <source>OD origin id field</source>
            <translation>OD-Feld der Start-ID</translation>
        </message>
        <message>
            <source>OD_TABLE {0}: destination id '{1}' (feature {2}) is not a FACILITY_ID of the facilities{3}. Ids are compared as text, so '01' and '1' differ.</source>
            <translation>OD_TABLE {0}: die Ziel-ID '{1}' (Objekt {2}) ist keine FACILITY_ID der Einrichtungen{3}. IDs werden als Text verglichen, '01' und '1' sind also verschieden.</translation>
        </message>
        <message>
            <source>OD_TABLE {0}: negative cost in feature(s) {1}{2}; costs must be zero or positive.</source>
            <translation>OD_TABLE {0}: negative Kosten in Objekt(en) {1}{2}; Kosten müssen null oder positiv sein.</translation>
        </message>
        <message>
            <source>OD_TABLE {0}: origin id '{1}' (feature {2}) is not a DEMAND_ID of the demand layer{3}. Ids are compared as text, so '01' and '1' differ.</source>
            <translation>OD_TABLE {0}: die Start-ID '{1}' (Objekt {2}) ist keine DEMAND_ID des Nachfragelayers{3}. IDs werden als Text verglichen, '01' und '1' sind also verschieden.</translation>
        </message>
        <message>
            <source>OD_TABLE {0}: the cost is NULL or not a number in feature(s) {1}{2}.</source>
            <translation>OD_TABLE {0}: die Kosten sind NULL oder keine Zahl in Objekt(en) {1}{2}.</translation>
        </message>
        <message>
            <source>OD_TABLE {0}: the origin or destination id is NULL in feature(s) {1}{2}.</source>
            <translation>OD_TABLE {0}: die Start- oder Ziel-ID ist NULL in Objekt(en) {1}{2}.</translation>
        </message>
        <message>
            <source>OD_TABLE {0}: the pair {1} -&gt; {2} occurs twice (features {3}); every pair may occur only once ({4} duplicates).</source>
            <translation>OD_TABLE {0}: das Paar {1} -&gt; {2} kommt doppelt vor (Objekte {3}); jedes Paar darf nur einmal vorkommen ({4} Dubletten).</translation>
        </message>
        <message>
            <source>OD_TABLE {0}: {1}</source>
            <translation>OD_TABLE {0}: {1}</translation>
        </message>
        <message>
            <source>OD_TABLE {0}: {1} pairs read.</source>
            <translation>OD_TABLE {0}: {1} Paare gelesen.</translation>
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
            <source>Of {0} areas, {1} with fewer than {2} residents or with incomplete data were left out; the index refers to the remaining {3} areas.</source>
            <translation>Von {0} Gebieten blieben {1} mit weniger als {2} Einwohnern oder unvollständigen Daten unberücksichtigt; der Index bezieht sich auf die übrigen {3} Gebiete.</translation>
        </message>
        <message>
            <source>Of {0} areas, {1} with incomplete data were left out; the index refers to the remaining {2} areas.</source>
            <translation>Von {0} Gebieten blieben {1} mit unvollständigen Daten unberücksichtigt; der Index bezieht sich auf die übrigen {2} Gebiete.</translation>
        </message>
        <message>
            <source>Of {0} children, {1} were assigned to a facility and {2} to none (unassigned); {3} live outside every district.</source>
            <translation>Von {0} Kindern wurden {1} einer Einrichtung zugeordnet und {2} keiner (nicht zugeordnet); {3} wohnen außerhalb aller Gebiete.</translation>
        </message>
        <message>
            <source>Offer search for education counselling</source>
            <translation>Angebotssuche für die Bildungsberatung</translation>
        </message>
        <message>
            <source>Offers (list)</source>
            <translation>Angebote (Liste)</translation>
        </message>
        <message>
            <source>Offers found</source>
            <translation>Gefundene Angebote</translation>
        </message>
        <message>
            <source>Offers per origin</source>
            <translation>Angebote je Ausgangspunkt</translation>
        </message>
        <message>
            <source>One PDF, one page per district.</source>
            <translation>Ein PDF, eine Seite je Ortsteil.</translation>
        </message>
        <message>
            <source>One line per origin and reachable offer: the route, sorted by cost.</source>
            <translation>Eine Linie je Ausgangspunkt und erreichbarem Angebot: der Weg, sortiert nach Kosten.</translation>
        </message>
        <message>
            <source>One line per partnership between the two institutions.</source>
            <translation>Eine Linie je Kooperation zwischen den beiden Einrichtungen.</translation>
        </message>
        <message>
            <source>One polygon per facility covering the streets nearest to it (no overlaps).</source>
            <translation>Ein Polygon je Einrichtung, das die ihr nächstgelegenen Straßen umfasst (ohne Überschneidungen).</translation>
        </message>
        <message>
            <source>One polygon per threshold for all facilities together instead of one per facility.</source>
            <translation>Ein Polygon je Schwellenwert für alle Einrichtungen zusammen statt einem je Einrichtung.</translation>
        </message>
        <message>
            <source>One row per indicator: the numeric field and the label printed in the table. In qgis_process: --INDICATORS="field1,Label 1,field2,Label 2" or "field1=Label, with comma;field2".</source>
            <translation>Eine Zeile je Indikator: das Zahlenfeld und die in der Tabelle gedruckte Bezeichnung. In qgis_process: --INDICATORS="feld1,Bezeichnung 1,feld2,Bezeichnung 2" oder "feld1=Bezeichnung, mit Komma;feld2".</translation>
        </message>
        <message>
            <source>One row per need class and a total row.</source>
            <translation>Eine Zeile je Bedarfsklasse und eine Summenzeile.</translation>
        </message>
        <message>
            <source>One row per part of a demand feature: facility_id, cost, assigned, unserved.</source>
            <translation>Eine Zeile je Teil eines Nachfrageobjekts: facility_id, cost, assigned, unserved.</translation>
        </message>
        <message>
            <source>One row per problem: key, kind, column, detail.</source>
            <translation>Eine Zeile je Problem: Schlüssel, Art, Spalte, Einzelheiten.</translation>
        </message>
        <message>
            <source>One row: served demand, total and mean cost before and after, chosen sites, solver, proven gap, run time, gains_missing (open sites whose gain TIME_LIMIT left NULL).</source>
            <translation>Eine Zeile: versorgte Nachfrage, gesamte und mittlere Kosten vorher und nachher, gewählte Standorte, Löser, nachgewiesene Lücke, Laufzeit, gains_missing (offene Standorte, deren Gewinn TIME_LIMIT auf NULL gelassen hat).</translation>
        </message>
        <message>
            <source>One row: total and mean cost, unserved demand, facilities overloaded under nearest assignment.</source>
            <translation>Eine Zeile: gesamte und mittlere Kosten, nicht versorgte Nachfrage, bei Zuordnung zur nächstgelegenen Einrichtung überbelegte Einrichtungen.</translation>
        </message>
        <message>
            <source>One-way field</source>
            <translation>Feld Einbahnstraße</translation>
        </message>
        <message>
            <source>Only districts for which this expression is true get a page, e.g. "sb_key" = '03'. Empty: all districts.</source>
            <translation>Nur Ortsteile, für die dieser Ausdruck wahr ist, erhalten eine Seite, z. B. "sb_key" = '03'. Leer: alle Ortsteile.</translation>
        </message>
        <message>
            <source>Only for travel mode 'Walk + public transport': the timetable as a GTFS .zip file or a folder with stops.txt, routes.txt, trips.txt, stop_times.txt and calendar.txt and/or calendar_dates.txt.</source>
            <translation>Nur für das Verkehrsmittel „Fuß + ÖPNV“: der Fahrplan als GTFS-ZIP-Datei oder als Ordner mit stops.txt, routes.txt, trips.txt, stop_times.txt und calendar.txt und/oder calendar_dates.txt.</translation>
        </message>
        <message>
            <source>Only one facility: its ratio is its supply per weighted demand in reach.</source>
            <translation>Nur eine Einrichtung: ihr Versorgungsquotient ist ihr Angebot je gewichteter Nachfrage in Reichweite.</translation>
        </message>
        <message>
            <source>Only partnerships across districts</source>
            <translation>Nur ortsteilübergreifende Kooperationen</translation>
        </message>
        <message>
            <source>Only {0} areas are usable, but at least {1} are needed (fewer areas than classes or clusters, or too many areas left out). Lower N_CLASSES/K or MIN_POPULATION.</source>
            <translation>Nur {0} Gebiete sind verwendbar, nötig sind mindestens {1} (weniger Gebiete als Klassen oder Typen, oder zu viele Gebiete ausgelassen). Bitte N_CLASSES/K oder MIN_POPULATION verringern.</translation>
        </message>
        <message>
            <source>Only {0} facilities have an index, fewer than the {1} classes. Lower N_CLASSES.</source>
            <translation>Nur {0} Einrichtungen haben einen Index, weniger als die {1} Klassen. Verringern Sie N_CLASSES.</translation>
        </message>
        <message>
            <source>Only {0} facilities serve children who live in a district with an index; at least 2 are needed for a facility index. Check the assignment and INDEX_FIELD.</source>
            <translation>Nur {0} Einrichtungen betreuen Kinder, die in einem Gebiet mit Index wohnen; für einen Einrichtungsindex sind mindestens 2 nötig. Prüfen Sie die Zuordnung und INDEX_FIELD.</translation>
        </message>
        <message>
            <source>Only {0} of {1} profile pages were filled ({2}); no PDF written.</source>
            <translation>Nur {0} von {1} Profilseiten wurden gefüllt ({2}); kein PDF geschrieben.</translation>
        </message>
        <message>
            <source>OpenStreetMap network {0}: all {1} lines are streets for mode {2}.</source>
            <translation>OpenStreetMap-Netz {0}: alle {1} Linien sind Wege für den Modus {2}.</translation>
        </message>
        <message>
            <source>OpenStreetMap network {0}: {1} of {2} lines are not streets for mode {3} and are left out: {4}.</source>
            <translation>OpenStreetMap-Netz {0}: {1} von {2} Linien sind keine Wege für den Modus {3} und werden ausgelassen: {4}.</translation>
        </message>
        <message>
            <source>Optional addresses or grid cells; their demand within each threshold is added.</source>
            <translation>Optionale Adressen oder Rasterzellen; ihre Nachfrage innerhalb jedes Schwellenwerts wird ergänzt.</translation>
        </message>
        <message>
            <source>Optional district polygons (Ortsteile, Planungsräume) for the district table.</source>
            <translation>Optionale Gebietspolygone (Ortsteile, Planungsräume) für die Gebietstabelle.</translation>
        </message>
        <message>
            <source>Optional district polygons (e.g. ortsteile). Institutions are assigned to the district they lie in; enables OUTPUT_DISTRICTS.</source>
            <translation>Optionale Ortsteilflächen (z. B. ortsteile). Einrichtungen werden dem Ortsteil zugeordnet, in dem sie liegen; ermöglicht OUTPUT_DISTRICTS.</translation>
        </message>
        <message>
            <source>Optional facility points, shown on the district map and listed (fields name and typ).</source>
            <translation>Optionale Einrichtungspunkte, in der Ortsteilkarte gezeigt und aufgelistet (Felder name und typ).</translation>
        </message>
        <message>
            <source>Optional field such as the school type; adds the cost to the nearest facility of each category.</source>
            <translation>Optionales Feld wie die Schulart; ergänzt die Kosten zur nächsten Einrichtung jeder Kategorie.</translation>
        </message>
        <message>
            <source>Optional field with the name of the parent unit (e.g. sb_name), printed in the header.</source>
            <translation>Optionales Feld mit dem Namen der übergeordneten Einheit (z. B. sb_name), steht im Kopf der Seite.</translation>
        </message>
        <message>
            <source>Optional limit in the unit of the cost (metres or minutes), greater than 0. Demand farther than this is flagged 'beyond_max_cost'.</source>
            <translation>Optionale Obergrenze in der Einheit der Kosten (Meter oder Minuten), größer als 0. Weiter entfernte Nachfrage erhält den Status 'beyond_max_cost'.</translation>
        </message>
        <message>
            <source>Optional limit in the unit of the cost (metres or minutes): demand is never assigned to a facility farther away. Empty: no limit.</source>
            <translation>Optionale Grenze in der Einheit der Kosten (Meter oder Minuten): Nachfrage wird nie einer weiter entfernten Einrichtung zugeordnet. Leer: keine Grenze.</translation>
        </message>
        <message>
            <source>Optional logo (SVG, PNG or JPEG) in the top right corner.</source>
            <translation>Optionales Logo (SVG, PNG oder JPEG) oben rechts.</translation>
        </message>
        <message>
            <source>Optional long table (one row per district and year) with the indicator fields; drawn as a chart of the district against the city.</source>
            <translation>Optionale Tabelle im Langformat (eine Zeile je Ortsteil und Jahr) mit den Indikatorfeldern; als Diagramm Ortsteil gegen Stadt gezeichnet.</translation>
        </message>
        <message>
            <source>Optional numeric field of the facilities with their places; gives utilization = demand / capacity.</source>
            <translation>Optionales numerisches Feld der Einrichtungen mit ihren Plätzen; ergibt die Auslastung utilization = Nachfrage / Kapazität.</translation>
        </message>
        <message>
            <source>Optional numeric field of the network with the speed in km/h; values &gt; 0 override the default speed of the mode for time costs.</source>
            <translation>Optionales numerisches Feld des Netzes mit der Geschwindigkeit in km/h; Werte &gt; 0 ersetzen bei Zeitkosten die Standardgeschwindigkeit des Verkehrsmittels.</translation>
        </message>
        <message>
            <source>Optional numeric fields with residents per age group, youngest first (e.g. ew_0_2, ew_3_5, ew_6_9, ew_10_15, ew_16_18, ew_19_64, ew_65plus); drawn as a bar chart of their shares of the population (population field, else the sum of the groups), district against city.</source>
            <translation>Optionale Zahlenfelder mit Einwohnern je Altersgruppe, die jüngste zuerst (z. B. ew_0_2, ew_3_5, ew_6_9, ew_10_15, ew_16_18, ew_19_64, ew_65plus); als Balkendiagramm ihrer Anteile an der Bevölkerung (Einwohnerfeld, sonst Summe der Gruppen), Ortsteil gegen Stadt.</translation>
        </message>
        <message>
            <source>Optional second line below the title, e.g. the indicator and year.</source>
            <translation>Optionale zweite Zeile unter dem Titel, z. B. Indikator und Jahr.</translation>
        </message>
        <message>
            <source>Optional weights, e.g. 'sgb2_quote:2;kinderarmut:1'. Indicators not named get weight 1.</source>
            <translation>Optionale Gewichte, z. B. „sgb2_quote:2;kinderarmut:1“. Nicht genannte Indikatoren erhalten das Gewicht 1.</translation>
        </message>
        <message>
            <source>Optional: how the city column is computed for an indicator. Rule 'sum' (city total, for counts and amounts), 'mean' (plain mean of the districts, marked Ø), 'population' (weighted by the population field) or the name of the denominator field (e.g. ew_15_64 for a rate per 100 residents aged 15–64: weighted by it, which gives the city rate). Indicators not listed: counts and amounts 'sum', an index or score 'mean', rates 'population' (or 'mean' without a population field). In qgis_process: --CITY_VALUES="kinder,sum,sgb2_quote,ew_15_64".</source>
            <translation>Optional: wie die Spalte Stadt für einen Indikator berechnet wird. Regel „sum“ (Summe der Stadt, für Anzahlen und Beträge), „mean“ (einfaches Mittel der Ortsteile, mit Ø gekennzeichnet), „population“ (mit dem Einwohnerfeld gewichtet) oder der Name des Nennerfeldes (z. B. ew_15_64 für eine Quote je 100 Einwohner von 15 bis 64 Jahren: damit gewichtet ergibt sich die Quote der Stadt). Nicht genannte Indikatoren: Anzahlen und Beträge „sum“, ein Index oder Punktwert „mean“, Quoten „population“ (bzw. „mean“ ohne Einwohnerfeld). In qgis_process: --CITY_VALUES="kinder,sum,sgb2_quote,ew_15_64".</translation>
        </message>
        <message>
            <source>Origin (addresses)</source>
            <translation>Ausgangspunkt (Adressen)</translation>
        </message>
        <message>
            <source>Origin id field</source>
            <translation>Feld Kennung des Ausgangspunkts</translation>
        </message>
        <message>
            <source>Origin point</source>
            <translation>Ausgangspunkt</translation>
        </message>
        <message>
            <source>Origins without an offer</source>
            <translation>Ausgangspunkte ohne Angebot</translation>
        </message>
        <message>
            <source>Output file</source>
            <translation>Ausgabedatei</translation>
        </message>
        <message>
            <source>Output folder</source>
            <translation>Ausgabeordner</translation>
        </message>
        <message>
            <source>Overlap weights must be finite and not negative.</source>
            <translation>Überschneidungsgewichte müssen endlich und nicht negativ sein.</translation>
        </message>
        <message>
            <source>P = {0} but the candidate layer {1} has only {2} features.</source>
            <translation>P = {0}, aber der Kandidatenlayer {1} hat nur {2} Objekte.</translation>
        </message>
        <message>
            <source>PDF (*.pdf)</source>
            <translation>PDF (*.pdf)</translation>
        </message>
        <message>
            <source>PDF (*.pdf);;PNG image (*.png);;SVG image (*.svg)</source>
            <translation>PDF (*.pdf);;PNG-Bild (*.png);;SVG-Bild (*.svg)</translation>
        </message>
        <message>
            <source>PDF, PNG (300 dpi) or SVG, chosen by the file extension.</source>
            <translation>PDF, PNG oder SVG, je nach Dateiendung.</translation>
        </message>
        <message>
            <source>PERCENTILE must be between 1 and 100.</source>
            <translation>PERCENTILE muss zwischen 1 und 100 liegen.</translation>
        </message>
        <message>
            <source>POINTS</source>
            <translation>POINTS (Punkte)</translation>
        </message>
        <message>
            <source>PREVIOUS_INDICATORS must list the same number of fields as INDICATORS ({0}), in the same order; {1} given.</source>
            <translation>PREVIOUS_INDICATORS muss ebenso viele Felder wie INDICATORS ({0}) in derselben Reihenfolge enthalten; angegeben: {1}.</translation>
        </message>
        <message>
            <source>Page</source>
            <translation>Seite</translation>
        </message>
        <message>
            <source>Page [% @atlas_featurenumber %] of [% @atlas_totalfeatures %]</source>
            <translation>Seite [% @atlas_featurenumber %] von [% @atlas_totalfeatures %]</translation>
        </message>
        <message>
            <source>Page {0}: {1}</source>
            <translation>Seite {0}: {1}</translation>
        </message>
        <message>
            <source>Paper size and orientation.</source>
            <translation>Papierformat und Ausrichtung.</translation>
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
            <source>Parent unit field (Stadtbezirk)</source>
            <translation>Feld der übergeordneten Einheit (Stadtbezirk)</translation>
        </message>
        <message>
            <source>Part of the budget split per head regardless of need.</source>
            <translation>Anteil des Budgets, der unabhängig vom Bedarf pro Kopf verteilt wird.</translation>
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
            <source>Partnership table (CSV)</source>
            <translation>Kooperationstabelle (CSV)</translation>
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
            <source>Per district: demand, reached demand, weighted mean and median cost, share within each threshold (percent).</source>
            <translation>Je Gebiet: Nachfrage, erreichte Nachfrage, gewichteter Mittelwert und Median der Kosten, Anteil innerhalb jedes Schwellenwerts (Prozent).</translation>
        </message>
        <message>
            <source>Per district: institutions, links inside, links to other districts, isolated institutions (only when DISTRICTS is given).</source>
            <translation>Je Ortsteil: Einrichtungen, interne Kooperationen, Kooperationen mit anderen Ortsteilen, isolierte Einrichtungen (nur mit DISTRICTS).</translation>
        </message>
        <message>
            <source>Percentile of the travel time</source>
            <translation>Perzentil der Reisezeit</translation>
        </message>
        <message>
            <source>Places a new facility at this candidate would have. Required for the capacitated model.</source>
            <translation>Plätze, die eine neue Einrichtung an diesem Standort hätte. Für das kapazitierte Modell erforderlich.</translation>
        </message>
        <message>
            <source>Places or other supply per facility (e.g. kapazitaet). NULL or negative values are errors.</source>
            <translation>Plätze oder anderes Angebot je Einrichtung (z. B. kapazitaet). NULL oder negative Werte sind Fehler.</translation>
        </message>
        <message>
            <source>Places per existing facility (e.g. kapazitaet). Required for the capacitated model; otherwise only reported (load and utilization).</source>
            <translation>Plätze je bestehender Einrichtung (z. B. kapazitaet). Für das kapazitierte Modell erforderlich; sonst nur ausgewiesen (Belegung und Auslastung).</translation>
        </message>
        <message>
            <source>Places per facility (e.g. kapazitaet). NULL or negative values are errors.</source>
            <translation>Plätze je Einrichtung (z. B. kapazitaet). NULL oder negative Werte sind Fehler.</translation>
        </message>
        <message>
            <source>Point field that is the total of FIELDS (e.g. ew_gesamt). It is summed and published too and takes part in the secondary suppression. Empty: the total of the fields is assumed to be published elsewhere.</source>
            <translation>Punktfeld mit der Summe der FIELDS (z. B. ew_gesamt). Es wird ebenfalls summiert und veröffentlicht und nimmt an der sekundären Geheimhaltung teil. Leer: Die Summe der Felder gilt als anderswo veröffentlicht.</translation>
        </message>
        <message>
            <source>Points</source>
            <translation>Punkte</translation>
        </message>
        <message>
            <source>Points (e.g. addresses) or polygons (their point on surface is used) with the demand.</source>
            <translation>Punkte (z. B. Adressen) oder Flächen (es wird ein Punkt in der Fläche verwendet) mit der Nachfrage.</translation>
        </message>
        <message>
            <source>Points (weight mode 1) or mask polygons (weight mode 2).</source>
            <translation>Punkte (Gewichtung 1) oder Maskenpolygone (Gewichtung 2).</translation>
        </message>
        <message>
            <source>Points farther than this from the nearest usable street are flagged 'off_network' and not routed. The straight connector to the street counts as part of the trip.</source>
            <translation>Punkte, die weiter als dieser Wert von der nächsten nutzbaren Straße entfernt liegen, erhalten den Status 'off_network' und werden nicht geroutet. Die gerade Anbindung an die Straße zählt zum Weg.</translation>
        </message>
        <message>
            <source>Points with a weight field (e.g. residents at addresses)</source>
            <translation>Punkte mit Gewichtsfeld (z. B. Einwohner an Adressen)</translation>
        </message>
        <message>
            <source>Points with counts, e.g. addresses with residents by age group.</source>
            <translation>Punkte mit Anzahlen, z. B. Adressen mit Einwohnern nach Altersgruppen.</translation>
        </message>
        <message>
            <source>Polygons (e.g. Ortsteile) for the demand-weighted mean access per district.</source>
            <translation>Flächen (z. B. Ortsteile) für den nachfragegewichteten Mittelwert der Versorgung je Gebiet.</translation>
        </message>
        <message>
            <source>Polygons per facility and threshold (e.g. 500/1000/1500 m or 5/10/15 min) made of the streets from which the facility is reached within the threshold, widened by BUFFER metres (not circles). With DISSOLVE one polygon per threshold for all facilities. With DEMAND the demand that reaches the facility (any facility when dissolved) within the threshold over the network is added (demand, n_demand).</source>
            <translation>Polygone je Einrichtung und Schwellenwert (z. B. 500/1000/1500 m oder 5/10/15 min) aus den Straßen, von denen aus die Einrichtung innerhalb des Schwellenwerts erreicht wird, um BUFFER Meter verbreitert (keine Kreise). Mit DISSOLVE ein Polygon je Schwellenwert für alle Einrichtungen. Mit DEMAND wird die Nachfrage ergänzt, die die Einrichtung (zusammengefasst: irgendeine Einrichtung) innerhalb des Schwellenwerts über das Netz erreicht (demand, n_demand).</translation>
        </message>
        <message>
            <source>Polygons that carry the values (e.g. statistical blocks).</source>
            <translation>Polygone, die die Werte tragen (z. B. statistische Blöcke).</translation>
        </message>
        <message>
            <source>Polygons that receive the values (e.g. school catchments).</source>
            <translation>Polygone, die die Werte erhalten (z. B. Schulbezirke).</translation>
        </message>
        <message>
            <source>Polygons with facility_id, threshold, area_km2 (and demand, n_demand).</source>
            <translation>Polygone mit facility_id, threshold, area_km2 (und demand, n_demand).</translation>
        </message>
        <message>
            <source>Population</source>
            <translation>Einwohner</translation>
        </message>
        <message>
            <source>Population {0}</source>
            <translation>Einwohner {0}</translation>
        </message>
        <message>
            <source>Possible sites (points or plots as polygons; their point on surface is used).</source>
            <translation>Mögliche Standorte (Punkte oder Grundstücke als Polygone; deren innerer Punkt wird verwendet).</translation>
        </message>
        <message>
            <source>Priority areas</source>
            <translation>Handlungsbedarf</translation>
        </message>
        <message>
            <source>Priority areas (Handlungsbedarf)</source>
            <translation>Handlungsbedarf (Schwerpunkträume)</translation>
        </message>
        <message>
            <source>Priority {0} ({1}): {2} districts.</source>
            <translation>Priorität {0} ({1}): {2} Gebiete.</translation>
        </message>
        <message>
            <source>Profile pages (atlas)</source>
            <translation>Profilseiten (Atlas)</translation>
        </message>
        <message>
            <source>Profile tables</source>
            <translation>Profiltabellen</translation>
        </message>
        <message>
            <source>Profiles PDF</source>
            <translation>Profile als PDF</translation>
        </message>
        <message>
            <source>Published changes over two years (dynamics)</source>
            <translation>Veröffentlichte Veränderungen über zwei Jahre (Dynamik)</translation>
        </message>
        <message>
            <source>Random seed</source>
            <translation>Startwert des Zufallsgenerators</translation>
        </message>
        <message>
            <source>Rank</source>
            <translation>Rang</translation>
        </message>
        <message>
            <source>Rates (intensive fields, rate:denominator)</source>
            <translation>Quoten (intensive Felder, Quote:Nenner)</translation>
        </message>
        <message>
            <source>Rates separated by ';' or ','. Write rate_field:denominator_field (e.g. sgb2_quote:einwohner) to move numerator and denominator as counts; a rate without a denominator gets the weighted mean.</source>
            <translation>Quoten, getrennt durch ';' oder ','. Mit Quotenfeld:Nennerfeld (z. B. sgb2_quote:einwohner) werden Zähler und Nenner als Anzahlen übertragen; eine Quote ohne Nenner erhält den gewichteten Mittelwert.</translation>
        </message>
        <message>
            <source>Ratio (facilities)</source>
            <translation>Versorgungsquotient (Einrichtungen)</translation>
        </message>
        <message>
            <source>Reachable offers</source>
            <translation>Erreichbare Angebote</translation>
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
            <source>Reading the network</source>
            <translation>Netz wird gelesen</translation>
        </message>
        <message>
            <source>Reading {0} files needs the Python package '{1}', which is not installed. Install {2} (Debian/Ubuntu: sudo apt install {3}; Windows: OSGeo4W shell 'python -m pip install {1}'), or save the table as CSV.</source>
            <translation>Zum Lesen von {0}-Dateien wird das Python-Paket '{1}' benötigt, das nicht installiert ist. Installieren Sie {2} (Debian/Ubuntu: sudo apt install {3}; Windows: OSGeo4W-Shell 'python -m pip install {1}') oder speichern Sie die Tabelle als CSV.</translation>
        </message>
        <message>
            <source>Red and thick: across districts; dashed: across carriers.</source>
            <translation>Rot und dick: über Ortsteilgrenzen; gestrichelt: über Trägergrenzen.</translation>
        </message>
        <message>
            <source>Rejected partnership rows</source>
            <translation>Abgewiesene Kooperationszeilen</translation>
        </message>
        <message>
            <source>Residents</source>
            <translation>Einwohner</translation>
        </message>
        <message>
            <source>Residents per area; areas below the minimum are left out of the standardisation.</source>
            <translation>Einwohner je Gebiet; Gebiete unter dem Mindestwert bleiben bei der Standardisierung unberücksichtigt.</translation>
        </message>
        <message>
            <source>Residents per area; areas below the minimum are left out.</source>
            <translation>Einwohner je Gebiet; Gebiete unter dem Mindestwert bleiben unberücksichtigt.</translation>
        </message>
        <message>
            <source>Resolution of the catchment polygons; 0 chooses one from the size of the network.</source>
            <translation>Auflösung der Einzugsbereichs-Polygone; bei 0 wird sie aus der Größe des Netzes bestimmt.</translation>
        </message>
        <message>
            <source>Road class field</source>
            <translation>Feld Straßenklasse</translation>
        </message>
        <message>
            <source>Row (line) number of the column names, counted from 1 as in the spreadsheet or text editor. 0 detects the row of short names above the first data row (the log names the row used).</source>
            <translation>Nummer der Zeile mit den Spaltennamen, ab 1 gezählt wie in der Tabellenkalkulation oder im Texteditor. 0 erkennt die Zeile der Kurznamen über der ersten Datenzeile (das Protokoll nennt die verwendete Zeile).</translation>
        </message>
        <message>
            <source>Row with the column names; 'detected' takes the row of short names above the first data row.</source>
            <translation>Zeile mit den Spaltennamen; „erkannt“ nimmt die Zeile der Kurznamen über der ersten Datenzeile.</translation>
        </message>
        <message>
            <source>Rows between the column row and the data (descriptions, units) skipped: {0} {1}.</source>
            <translation>Zeilen zwischen Spaltenzeile und Daten (Beschreibungen, Einheiten) übersprungen: {0} {1}.</translation>
        </message>
        <message>
            <source>Rows of the partnership table that were left out, with the reason.</source>
            <translation>Zeilen der Kooperationstabelle, die ausgelassen wurden, mit Begründung.</translation>
        </message>
        <message>
            <source>SNAP_TOLERANCE must not be negative.</source>
            <translation>SNAP_TOLERANCE darf nicht negativ sein.</translation>
        </message>
        <message>
            <source>SOURCE</source>
            <translation>SOURCE (Quelle)</translation>
        </message>
        <message>
            <source>SOURCE ({0}) and TARGET ({1}) do not overlap (compared in {2}); nothing can be moved.</source>
            <translation>SOURCE ({0}) und TARGET ({1}) überschneiden sich nicht (verglichen in {2}); es kann nichts übertragen werden.</translation>
        </message>
        <message>
            <source>SOURCE districts overlap: their areas add up to {0:.4g} km², their union covers {1:.4g} km² ({2:.4g} km² counted more than once). Each source is moved in full, so values in the overlaps are moved twice. Overlapping pairs (feature id and first field): {3}.</source>
            <translation>Gebiete in SOURCE überlappen sich: ihre Flächen ergeben zusammen {0:.4g} km², ihre Vereinigung deckt {1:.4g} km² ({2:.4g} km² mehrfach gezählt). Jedes Quellgebiet wird vollständig übertragen, Werte in den Überlappungen also doppelt. Überlappende Paare (Objekt-ID und erstes Feld): {3}.</translation>
        </message>
        <message>
            <source>SOURCE or TARGET has no usable polygon.</source>
            <translation>SOURCE oder TARGET enthält kein brauchbares Polygon.</translation>
        </message>
        <message>
            <source>STEPS is empty; give step weights such as 10:1;20:0.68;30:0.22.</source>
            <translation>STEPS ist leer; bitte Stufengewichte wie 10:1;20:0.68;30:0.22 angeben.</translation>
        </message>
        <message>
            <source>STEPS: '{0}' has a negative number; thresholds and weights must be zero or positive.</source>
            <translation>STEPS: '{0}' enthält eine negative Zahl; Schwellen und Gewichte müssen null oder positiv sein.</translation>
        </message>
        <message>
            <source>STEPS: '{0}' is not of the form threshold:weight (e.g. 10:1;20:0.68;30:0.22).</source>
            <translation>STEPS: '{0}' hat nicht die Form Schwelle:Gewicht (z. B. 10:1;20:0.68;30:0.22).</translation>
        </message>
        <message>
            <source>STEPS: the thresholds must increase from step to step (e.g. 10:1;20:0.68;30:0.22).</source>
            <translation>STEPS: die Schwellen müssen von Stufe zu Stufe steigen (z. B. 10:1;20:0.68;30:0.22).</translation>
        </message>
        <message>
            <source>Sample city (Musterstadt)</source>
            <translation>Beispielstadt (Musterstadt)</translation>
        </message>
        <message>
            <source>Scale (1 = about 100 000 residents)</source>
            <translation>Maßstab (1 = etwa 100 000 Einwohner)</translation>
        </message>
        <message>
            <source>School age</source>
            <translation>Schulalter</translation>
        </message>
        <message>
            <source>Schools, Kitas or other facilities.</source>
            <translation>Schulen, Kitas oder andere Einrichtungen.</translation>
        </message>
        <message>
            <source>Schools, Kitas, libraries ... (points, or polygons: a point inside is used).</source>
            <translation>Schulen, Kitas, Bibliotheken … (Punkte oder Polygone: ein Punkt im Inneren wird verwendet).</translation>
        </message>
        <message>
            <source>Schwerpunkträume: districts with {0} or {1} status and a high deficit, or {1} status and a medium deficit.</source>
            <translation>Schwerpunkträume: Gebiete mit Status „{0}“ oder „{1}“ und hohem Defizit oder mit Status „{1}“ und mittlerem Defizit.</translation>
        </message>
        <message>
            <source>Search by name</source>
            <translation>Suche nach Name</translation>
        </message>
        <message>
            <source>Searching the nearest facilities</source>
            <translation>Nächste Einrichtungen werden gesucht</translation>
        </message>
        <message>
            <source>Searching the reachable offers</source>
            <translation>Erreichbare Angebote werden gesucht</translation>
        </message>
        <message>
            <source>Secondary suppression</source>
            <translation>Sekundäre Geheimhaltung</translation>
        </message>
        <message>
            <source>Seconds for the whole run after reading the inputs: travel costs, optimisation and gains. When it runs out, the best solution found is returned with its proven gap and a warning; gains not computed in time are NULL.</source>
            <translation>Sekunden für den ganzen Lauf nach dem Einlesen: Wegekosten, Optimierung und Gewinne. Läuft die Zeit ab, wird die beste gefundene Lösung mit ihrer nachgewiesenen Lücke und einer Warnung ausgegeben; nicht rechtzeitig berechnete Gewinne sind NULL.</translation>
        </message>
        <message>
            <source>Seed of the k-means++ start; a fixed seed makes the result reproducible.</source>
            <translation>Startwert für den k-Means++-Start; ein fester Startwert macht das Ergebnis reproduzierbar.</translation>
        </message>
        <message>
            <source>Seed of the random generator. The same seed and scale give the same city.</source>
            <translation>Startwert des Zufallsgenerators. Gleicher Startwert und gleicher Maßstab ergeben dieselbe Stadt.</translation>
        </message>
        <message>
            <source>Seniors</source>
            <translation>Senioren</translation>
        </message>
        <message>
            <source>Served demand {0:g} of {1:g} before, {2:g} after; mean cost {3:.6g} before, {4:.6g} after.</source>
            <translation>Versorgte Nachfrage {0:g} von {1:g} vorher, {2:g} nachher; mittlere Kosten {3:.6g} vorher, {4:.6g} nachher.</translation>
        </message>
        <message>
            <source>Service areas</source>
            <translation>Isochronen</translation>
        </message>
        <message>
            <source>Service areas (isochrones over the network)</source>
            <translation>Isochronen (Erreichbarkeitsbereiche über das Netz)</translation>
        </message>
        <message>
            <source>Service date (YYYY-MM-DD)</source>
            <translation>Verkehrstag (JJJJ-MM-TT)</translation>
        </message>
        <message>
            <source>Sheet '{0}' is not in {1}. Sheets: {2}</source>
            <translation>Tabellenblatt '{0}' ist nicht in {1}. Blätter: {2}</translation>
        </message>
        <message>
            <source>Sheet '{0}' of {1} is empty.</source>
            <translation>Tabellenblatt '{0}' von {1} ist leer.</translation>
        </message>
        <message>
            <source>Sheet '{0}' of: {1}.</source>
            <translation>Tabellenblatt '{0}' von: {1}.</translation>
        </message>
        <message>
            <source>Sheet (spreadsheets)</source>
            <translation>Tabellenblatt (Tabellenkalkulation)</translation>
        </message>
        <message>
            <source>Show partnerships ({0})</source>
            <translation>Kooperationen anzeigen ({0})</translation>
        </message>
        <message>
            <source>Sites</source>
            <translation>Standorte</translation>
        </message>
        <message>
            <source>Size of the city: residents and street edges grow in proportion (1 = about 100 000 residents, 10 = about a million). Small values (0.05–0.2) give a quick test city.</source>
            <translation>Größe der Stadt: Einwohnerzahl und Zahl der Straßenkanten wachsen im gleichen Verhältnis (1 = etwa 100 000 Einwohner, 10 = etwa eine Million). Kleine Werte (0,05–0,2) ergeben eine schnelle Teststadt.</translation>
        </message>
        <message>
            <source>Skip to the list of offers</source>
            <translation>Zur Liste der Angebote springen</translation>
        </message>
        <message>
            <source>Smallest K to try</source>
            <translation>Kleinstes zu prüfendes K</translation>
        </message>
        <message>
            <source>Snap tolerance (m)</source>
            <translation>Fangtoleranz (m)</translation>
        </message>
        <message>
            <source>Snapping to the network</source>
            <translation>Anbindung an das Netz</translation>
        </message>
        <message>
            <source>Social data – {0}</source>
            <translation>Sozialdaten – {0}</translation>
        </message>
        <message>
            <source>Social index</source>
            <translation>Sozialindex</translation>
        </message>
        <message>
            <source>Social index
no class (left out)</source>
            <translation>Sozialindex
keine Klasse (nicht bewertet)</translation>
        </message>
        <message>
            <source>Social index (Sozialindex)</source>
            <translation>Sozialindex</translation>
        </message>
        <message>
            <source>Social index and budgets</source>
            <translation>Sozialindex und Mittelverteilung</translation>
        </message>
        <message>
            <source>Social index class (1-4)</source>
            <translation>Sozialindexklasse (1–4)</translation>
        </message>
        <message>
            <source>Social index class {0}</source>
            <translation>Sozialindex Klasse {0}</translation>
        </message>
        <message>
            <source>Social index field</source>
            <translation>Feld Sozialindex</translation>
        </message>
        <message>
            <source>Social-structure table (CSV)</source>
            <translation>Sozialstrukturtabelle (CSV)</translation>
        </message>
        <message>
            <source>Solver {0}: status {1}, proven gap {2:.3g} (served demand: {3:.3g}), {4} MILP stage(s), {5} demand groups, {6} pairs, {7:.1f} s.</source>
            <translation>Löser {0}: Status {1}, nachgewiesene Lücke {2:.3g} (versorgte Nachfrage: {3:.3g}), {4} MILP-Stufe(n), {5} Nachfragegruppen, {6} Paare, {7:.1f} s.</translation>
        </message>
        <message>
            <source>Source districts</source>
            <translation>Quellgebiete</translation>
        </message>
        <message>
            <source>Speed field (km/h)</source>
            <translation>Feld Geschwindigkeit (km/h)</translation>
        </message>
        <message>
            <source>Splits a budget over districts or facilities by need. BASE_SHARE of the budget is split per head of the target population regardless of need; the rest is split by supplement-weighted heads (heads x supplement of the unit's need class from FACTORS, e.g. 1:0;2:0.25;3:0.5;4:1; with an empty FACTORS the NEED value itself is the supplement). MIN_AMOUNT and MAX_AMOUNT limit every unit: units beyond a limit are set to it and the rest is shared proportionally among the others (repeated until no unit violates a limit). Amounts are whole euros by the largest-remainder method, so they add up exactly to the budget. Output fields: supplement, base_amount, need_amount, amount, per_head, limit; REPORT: one row per need class and the total.</source>
            <translation>Verteilt ein Budget bedarfsorientiert auf Gebiete oder Einrichtungen. Der Sockelanteil BASE_SHARE wird unabhängig vom Bedarf pro Kopf der Zielgruppe verteilt, der Rest nach zuschlagsgewichteten Köpfen (Köpfe × Zuschlag der Bedarfsklasse aus FACTORS, z. B. 1:0;2:0.25;3:0.5;4:1; bei leerem FACTORS ist der NEED-Wert selbst der Zuschlag). MIN_AMOUNT und MAX_AMOUNT begrenzen jede Einheit: Einheiten jenseits einer Grenze werden auf diese gesetzt, der Rest wird anteilig auf die übrigen verteilt (wiederholt, bis keine Einheit mehr eine Grenze verletzt). Die Beträge sind ganze Euro nach dem Verfahren der größten Reste (Hare-Niemeyer) und ergeben genau das Budget. Ausgabefelder: supplement, base_amount, need_amount, amount, per_head, limit; REPORT: eine Zeile je Bedarfsklasse und die Summe.</translation>
        </message>
        <message>
            <source>Stage times (s): {0}</source>
            <translation>Laufzeiten der Schritte (s): {0}</translation>
        </message>
        <message>
            <source>Stage times in seconds (JSON)</source>
            <translation>Zeiten der Schritte in Sekunden (JSON)</translation>
        </message>
        <message>
            <source>Statistics table</source>
            <translation>Statistiktabelle</translation>
        </message>
        <message>
            <source>Step weights (threshold:weight;...)</source>
            <translation>Stufengewichte (Schwelle:Gewicht;...)</translation>
        </message>
        <message>
            <source>Street edges</source>
            <translation>Straßenkanten</translation>
        </message>
        <message>
            <source>Street network</source>
            <translation>Straßennetz</translation>
        </message>
        <message>
            <source>Street network for the nearest-facility search (as in catchments); only used when ASSIGNMENT_FIELD is empty.</source>
            <translation>Straßennetz für die Suche nach der nächstgelegenen Einrichtung (wie bei catchments); nur verwendet, wenn ASSIGNMENT_FIELD leer ist.</translation>
        </message>
        <message>
            <source>Style of the Bildungslandschaft output</source>
            <translation>Stil der Bildungslandschaft-Ausgabe</translation>
        </message>
        <message>
            <source>Subset of the indicators whose sign is flipped (e.g. a share of pupils with a Gymnasium recommendation).</source>
            <translation>Teilmenge der Indikatoren, deren Vorzeichen umgekehrt wird (z. B. Anteil der Kinder mit Gymnasialempfehlung).</translation>
        </message>
        <message>
            <source>Subtitle</source>
            <translation>Untertitel</translation>
        </message>
        <message>
            <source>Summary: {0} children in DEMAND, {1} served by a facility, unassigned {2}, outside every district {3}.</source>
            <translation>Zusammenfassung: {0} Kinder in DEMAND, {1} von einer Einrichtung versorgt, nicht zugeordnet (unassigned) {2}, außerhalb aller Gebiete {3}.</translation>
        </message>
        <message>
            <source>Summing the demand within the thresholds</source>
            <translation>Nachfrage innerhalb der Schwellenwerte wird summiert</translation>
        </message>
        <message>
            <source>Sums above 0 and below this value are suppressed (3 by default; 5 or 10 for some sources).</source>
            <translation>Summen über 0 und unter diesem Wert werden gesperrt (Standard 3; bei manchen Quellen 5 oder 10).</translation>
        </message>
        <message>
            <source>Sums point fields (e.g. residents by age group at addresses) per district, with disclosure control (Geheimhaltung).
Primary suppression: a sum with 0 &lt; value &lt; MIN_COUNT becomes NULL, flag 'primary' (0 is published as 'nothing').
Secondary suppression (SECONDARY): the fields of a row add up to the district total (TOTAL_FIELD, or the published population). When only one cell of a row is suppressed it could be recomputed by subtraction, so the smallest other cell is suppressed too, flag 'secondary'.
Every sum gets a field &lt;field&gt;_flag saying why a value is missing. n_points counts the points in the district.</source>
            <translation>Summiert Punktfelder (z. B. Einwohner nach Altersgruppen an Adressen) je Gebiet, mit Geheimhaltung.
Primäre Geheimhaltung: Eine Summe mit 0 &lt; Wert &lt; MIN_COUNT wird NULL, Kennzeichen 'primary' (0 wird als 'nichts vorhanden' veröffentlicht).
Sekundäre Geheimhaltung (SECONDARY): Die Felder einer Zeile ergeben zusammen die Gebietssumme (TOTAL_FIELD oder die veröffentlichte Einwohnerzahl). Ist in einer Zeile nur eine Zelle gesperrt, ließe sie sich durch Subtraktion zurückrechnen; daher wird zusätzlich die kleinste andere Zelle gesperrt, Kennzeichen 'secondary'.
Jede Summe erhält ein Feld &lt;Feld&gt;_flag, das angibt, warum ein Wert fehlt. n_points zählt die Punkte im Gebiet.</translation>
        </message>
        <message>
            <source>Supplements per class (class:supplement;...)</source>
            <translation>Zuschläge je Klasse (Klasse:Zuschlag;…)</translation>
        </message>
        <message>
            <source>Supply and demand</source>
            <translation>Angebot und Nachfrage</translation>
        </message>
        <message>
            <source>Supply and demand (Versorgungsgrad, 2SFCA)</source>
            <translation>Versorgungsgrad (2SFCA)</translation>
        </message>
        <message>
            <source>Supply field (places)</source>
            <translation>Angebotsfeld (Plätze)</translation>
        </message>
        <message>
            <source>Supply-to-demand ratios that account for competition, with the semantics of the PySAL 'access' package. With demand P_i, supply S_j, cost c_ij, catchment d0 (MAX_COST) and weight f: R_j = S_j / sum_i P_i f(c_ij) (places per head at the facility, field 'ratio'), A_i = sum_j R_j f(c_ij) (places per head reachable from the demand point, field 'access'). Methods: 2SFCA (f = 1 within d0), E2SFCA (step weights STEPS, e.g. 10:1;20:0.68;30:0.22), Gaussian 2SFCA (f = exp(-c^2/(2 SIGMA^2))), 3SFCA (step weights times the selection weight G_ij = f(c_ij) / sum_k f(c_ik)), gravity/Hansen (A_i = sum_j S_j max(c_ij, MIN_COST)^-BETA). NORMALIZE divides access by its demand-weighted mean (1 = city average). Costs come from the street network or from an OD_TABLE; pairs missing from the table are not reachable. Demand points that reach no facility get access 0. With DISTRICTS the demand-weighted mean access per district is written to OUTPUT_DISTRICTS.</source>
            <translation>Versorgungsquotienten, die die Konkurrenz um Plätze berücksichtigen, mit derselben Bedeutung wie im PySAL-Paket 'access'. Mit Nachfrage P_i, Angebot S_j, Kosten c_ij, Einzugsbereich d0 (MAX_COST) und Gewicht f: R_j = S_j / Summe_i P_i f(c_ij) (Plätze je Kopf an der Einrichtung, Feld 'ratio'), A_i = Summe_j R_j f(c_ij) (vom Nachfragepunkt erreichbare Plätze je Kopf, Feld 'access'). Verfahren: 2SFCA (f = 1 innerhalb von d0), E2SFCA (Stufengewichte STEPS, z. B. 10:1;20:0.68;30:0.22), Gauß-2SFCA (f = exp(-c^2/(2 SIGMA^2))), 3SFCA (Stufengewichte mal Auswahlgewicht G_ij = f(c_ij) / Summe_k f(c_ik)), Gravitationsmodell nach Hansen (A_i = Summe_j S_j max(c_ij, MIN_COST)^-BETA). NORMALIZE teilt die Versorgung durch ihren nachfragegewichteten Mittelwert (1 = städtischer Durchschnitt). Die Wegekosten kommen aus dem Straßennetz oder aus einer OD_TABLE; Paare, die in der Tabelle fehlen, gelten als nicht erreichbar. Nachfragepunkte ohne erreichbare Einrichtung erhalten die Versorgung 0. Mit DISTRICTS wird der nachfragegewichtete Mittelwert der Versorgung je Gebiet in OUTPUT_DISTRICTS geschrieben.</translation>
        </message>
        <message>
            <source>Suppress a second cell where a single suppressed cell could be recomputed from the total.</source>
            <translation>Eine zweite Zelle sperren, wo sich eine einzelne gesperrte Zelle aus der Summe zurückrechnen ließe.</translation>
        </message>
        <message>
            <source>Suppressed cells: {0} primary (below {1}), {2} secondary.</source>
            <translation>Gesperrte Zellen: {0} primär (unter {1}), {2} sekundär.</translation>
        </message>
        <message>
            <source>TABLE: {0}</source>
            <translation>TABLE: {0}</translation>
        </message>
        <message>
            <source>TARGET</source>
            <translation>TARGET (Ziel)</translation>
        </message>
        <message>
            <source>THRESHOLDS needs two numbers separated by ';' (e.g. 0.2;0.4), got '{0}'.</source>
            <translation>THRESHOLDS braucht zwei durch „;“ getrennte Zahlen (z. B. 0.2;0.4), angegeben: „{0}“.</translation>
        </message>
        <message>
            <source>THRESHOLDS: '{0}' are not two numbers.</source>
            <translation>THRESHOLDS: „{0}“ sind keine zwei Zahlen.</translation>
        </message>
        <message>
            <source>THRESHOLDS: the first threshold must be smaller than the second ('{0}').</source>
            <translation>THRESHOLDS: Der erste Schwellenwert muss kleiner als der zweite sein („{0}“).</translation>
        </message>
        <message>
            <source>TIME_LIMIT ({0:g} s) ran out before any solution was found; raise TIME_LIMIT.</source>
            <translation>TIME_LIMIT ({0:g} s) lief ab, bevor eine Lösung gefunden wurde; bitte TIME_LIMIT erhöhen.</translation>
        </message>
        <message>
            <source>TIME_LIMIT ({0:g} s) ran out while the travel costs were computed ({1} of {2} network searches done), before any site could be chosen. The capacitated model needs the cost of every pair within MAX_COST: set MAX_COST (e.g. 3000 m on foot) or raise TIME_LIMIT.</source>
            <translation>TIME_LIMIT ({0:g} s) ist während der Berechnung der Wegekosten abgelaufen ({1} von {2} Netzsuchen erledigt), bevor ein Standort gewählt werden konnte. Das kapazitierte Modell braucht die Kosten jedes Paares innerhalb von MAX_COST: MAX_COST setzen (z. B. 3000 m zu Fuß) oder TIME_LIMIT erhöhen.</translation>
        </message>
        <message>
            <source>TIME_LIMIT ran out before the gain of {0} of {1} open sites was computed; their gain is NULL (not 0).</source>
            <translation>TIME_LIMIT ist abgelaufen, bevor der Gewinn von {0} der {1} offenen Standorte berechnet war; ihr Gewinn ist NULL (nicht 0).</translation>
        </message>
        <message>
            <source>TIME_LIMIT ran out before the solver found any solution; the sites are the ones the relaxation favours, evaluated exactly, with the proven gap above (inf: no bound known). Raise TIME_LIMIT for a better answer.</source>
            <translation>TIME_LIMIT ist abgelaufen, bevor der Löser eine Lösung gefunden hat; gewählt sind die Standorte, die die Relaxation bevorzugt, exakt ausgewertet, mit der oben genannten nachgewiesenen Lücke (inf: keine Schranke bekannt). Für eine bessere Antwort TIME_LIMIT erhöhen.</translation>
        </message>
        <message>
            <source>TIME_LIMIT stopped the search: the result is the best solution found, not a proven optimum (proven gap {0:.3g}, served demand {1:.3g}).</source>
            <translation>TIME_LIMIT hat die Suche beendet: Das Ergebnis ist die beste gefundene Lösung, kein nachgewiesenes Optimum (nachgewiesene Lücke {0:.3g}, versorgte Nachfrage {1:.3g}).</translation>
        </message>
        <message>
            <source>Table (CSV/TXT, XLSX, ODS or table layer)</source>
            <translation>Tabelle (CSV/TXT, XLSX, ODS oder Tabellenlayer)</translation>
        </message>
        <message>
            <source>Table column</source>
            <translation>Tabellenspalte</translation>
        </message>
        <message>
            <source>Table keys without a district</source>
            <translation>Tabellenschlüssel ohne Gebiet</translation>
        </message>
        <message>
            <source>Table keys without a district ({0}): {1}</source>
            <translation>Tabellenschlüssel ohne Gebiet ({0}): {1}</translation>
        </message>
        <message>
            <source>Table of partnerships, one row per partnership (e.g. kooperationen.csv).</source>
            <translation>Tabelle der Kooperationen, eine Zeile je Kooperation (z. B. kooperationen.csv).</translation>
        </message>
        <message>
            <source>Table {0}.{1} replaced (it had {2} rows).</source>
            <translation>Tabelle {0}.{1} ersetzt (sie hatte {2} Zeilen).</translation>
        </message>
        <message>
            <source>Table {0}.{1} written.</source>
            <translation>Tabelle {0}.{1} geschrieben.</translation>
        </message>
        <message>
            <source>Tables (*.csv *.txt *.tsv *.xlsx *.xlsm *.ods *.json *.dbf *.gpkg);;All files (*)</source>
            <translation>Tabellen (*.csv *.txt *.tsv *.xlsx *.xlsm *.ods *.json *.dbf *.gpkg);;Alle Dateien (*)</translation>
        </message>
        <message>
            <source>Tables (*.csv *.txt *.tsv *.xlsx *.xlsm *.ods);;All files (*)</source>
            <translation>Tabellen (*.csv *.txt *.tsv *.xlsx *.xlsm *.ods);;Alle Dateien (*)</translation>
        </message>
        <message>
            <source>Target districts</source>
            <translation>Zielgebiete</translation>
        </message>
        <message>
            <source>Target group (life phase)</source>
            <translation>Zielgruppe (Lebensphase)</translation>
        </message>
        <message>
            <source>Target population</source>
            <translation>Zielgruppe</translation>
        </message>
        <message>
            <source>The Berlin classes (CLASSIFICATION 0) cut a standardised index at -1, 1 and 1.5, but the min-max index (METHOD 1) lies between 0 and 1. Choose quantiles, natural breaks or equal intervals, or the z-score method.</source>
            <translation>Die Berliner Klassen (CLASSIFICATION 0) teilen einen standardisierten Index bei −1, 1 und 1,5, der Min-Max-Index (METHOD 1) liegt aber zwischen 0 und 1. Bitte Quantile, natürliche Unterbrechungen oder gleiche Intervalle wählen oder die z-Wert-Methode.</translation>
        </message>
        <message>
            <source>The Berlin status class: 1 high, 2 medium, 3 low, 4 very low status (from the social index); default 'index_class'.</source>
            <translation>Die Berliner Statusklasse: 1 hoher, 2 mittlerer, 3 niedriger, 4 sehr niedriger Status (aus dem Sozialindex); Vorgabe „index_class“.</translation>
        </message>
        <message>
            <source>The Gaussian method needs SIGMA greater than 0.</source>
            <translation>Das Gauß-Verfahren braucht SIGMA größer als 0.</translation>
        </message>
        <message>
            <source>The JSON {0} has several lists of records ({1}); the longest, '{2}', is read.</source>
            <translation>Die JSON-Datei {0} enthält mehrere Listen von Datensätzen ({1}); die längste, '{2}', wird gelesen.</translation>
        </message>
        <message>
            <source>The JSON {0} holds no table: expected a list of records ([{{...}}, ...]) or an object with one list of records (e.g. {{"daten": [...]}}).</source>
            <translation>Die JSON-Datei {0} enthält keine Tabelle: erwartet wird eine Liste von Datensätzen ([{{...}}, ...]) oder ein Objekt mit einer Liste von Datensätzen (z. B. {{"daten": [...]}}).</translation>
        </message>
        <message>
            <source>The SVG layers could not be written.</source>
            <translation>Die SVG-Ebenen konnten nicht geschrieben werden.</translation>
        </message>
        <message>
            <source>The allocation could not be solved: {0}</source>
            <translation>Die Zuordnung konnte nicht gelöst werden: {0}</translation>
        </message>
        <message>
            <source>The areas were put into {0} classes by {1} (limits {2}); class 1 has the least burden.</source>
            <translation>Die Gebiete wurden nach {1} in {0} Klassen eingeteilt (Grenzen {2}); Klasse 1 hat die geringste Belastung.</translation>
        </message>
        <message>
            <source>The areas with the index fields.</source>
            <translation>Die Gebiete mit den Indexfeldern.</translation>
        </message>
        <message>
            <source>The areas with their type (cluster).</source>
            <translation>Die Gebiete mit ihrem Typ (Cluster).</translation>
        </message>
        <message>
            <source>The atlas could not be prepared.</source>
            <translation>Der Atlas konnte nicht vorbereitet werden.</translation>
        </message>
        <message>
            <source>The budget of {0} euros cannot give every one of the {1} units the minimum of {2} euros (that needs {3} euros). Lower MIN_AMOUNT or raise BUDGET.</source>
            <translation>Das Budget von {0} Euro reicht nicht, um jeder der {1} Einheiten den Mindestbetrag von {2} Euro zu geben (dafür sind {3} Euro nötig). Bitte MIN_AMOUNT senken oder BUDGET erhöhen.</translation>
        </message>
        <message>
            <source>The candidate layer {0} has no features.</source>
            <translation>Der Kandidatenlayer {0} hat keine Objekte.</translation>
        </message>
        <message>
            <source>The changes were taken as published ({0}).</source>
            <translation>Die Veränderungen wurden wie veröffentlicht übernommen ({0}).</translation>
        </message>
        <message>
            <source>The chart shows the first three indicators of the time series.</source>
            <translation>Das Diagramm zeigt die ersten drei Indikatoren der Zeitreihe.</translation>
        </message>
        <message>
            <source>The column row {0} (HEADER_ROW) is outside the table {1} ({2} rows).</source>
            <translation>Die Spaltenzeile {0} (HEADER_ROW) liegt außerhalb der Tabelle {1} ({2} Zeilen).</translation>
        </message>
        <message>
            <source>The component, computed from the z-scores, explains {0} % of their variance; its scores were standardised to mean 0 and standard deviation 1 and oriented so that higher values mean more burden.</source>
            <translation>Die aus den z-Werten berechnete Komponente erklärt {0} % ihrer Varianz; ihre Werte wurden auf Mittelwert 0 und Standardabweichung 1 standardisiert und so ausgerichtet, dass höhere Werte mehr Belastung bedeuten.</translation>
        </message>
        <message>
            <source>The coordinates of layer {0} lie outside the valid range of its coordinate reference system {1}; assign the layer its real coordinate reference system.</source>
            <translation>Die Koordinaten des Layers {0} liegen außerhalb des gültigen Bereichs seines Koordinatenbezugssystems {1}; weisen Sie dem Layer sein tatsächliches Koordinatenbezugssystem zu.</translation>
        </message>
        <message>
            <source>The day whose timetable is used, e.g. a Tuesday in term time inside the feed's period. Trips of the day running after midnight (times from 24:00:00) count; trips of the day before do not.</source>
            <translation>Der Tag, dessen Fahrplan verwendet wird, z. B. ein Dienstag in der Schulzeit innerhalb der Fahrplanperiode. Fahrten dieses Tages nach Mitternacht (Zeiten ab 24:00:00) zählen, Fahrten des Vortags nicht.</translation>
        </message>
        <message>
            <source>The demand features with 'access' and 'status'.</source>
            <translation>Die Nachfrageobjekte mit 'access' (Versorgung) und 'status'.</translation>
        </message>
        <message>
            <source>The demand-weighted mean access is 0; access is not normalised.</source>
            <translation>Der nachfragegewichtete Mittelwert der Versorgung ist 0; die Versorgung wird nicht normiert.</translation>
        </message>
        <message>
            <source>The departure window must be whole minutes long.</source>
            <translation>Das Abfahrtsfenster muss ganze Minuten lang sein.</translation>
        </message>
        <message>
            <source>The direction of {0} was reversed, because high values there mean less burden.</source>
            <translation>Bei {0} wurde die Richtung umgekehrt, weil hohe Werte dort weniger Belastung bedeuten.</translation>
        </message>
        <message>
            <source>The districts already have fields {0}; rename them.</source>
            <translation>Die Ortsteile haben bereits die Felder {0}; bitte umbenennen.</translation>
        </message>
        <message>
            <source>The districts are in {0} (degrees); the maps are drawn in {1}.</source>
            <translation>Die Ortsteile liegen in {0} (Grad); die Karten werden in {1} gezeichnet.</translation>
        </message>
        <message>
            <source>The districts with 'demand' and the demand-weighted mean 'access'.</source>
            <translation>Die Gebiete mit 'demand' (Nachfrage) und dem nachfragegewichteten Mittelwert 'access'.</translation>
        </message>
        <message>
            <source>The districts with deficit class, priority and the Schwerpunktraum flag.</source>
            <translation>Die Gebiete mit Defizitklasse, Priorität und Kennzeichen Schwerpunktraum.</translation>
        </message>
        <message>
            <source>The districts with n_points, the sums and &lt;field&gt;_flag fields.</source>
            <translation>Die Gebiete mit n_points, den Summen und den Feldern &lt;Feld&gt;_flag.</translation>
        </message>
        <message>
            <source>The districts with the joined columns (numbers typed as numbers) and &lt;field&gt;_flag fields.</source>
            <translation>Die Gebiete mit den angehängten Spalten (Zahlen als Zahlenfelder) und den Feldern &lt;Feld&gt;_flag.</translation>
        </message>
        <message>
            <source>The dynamic index applies the z-score computation to the changes over two years; positive dynamics: index -1 or below, negative: 1 or above, otherwise stable.</source>
            <translation>Der Dynamikindex wendet die z-Wert-Berechnung auf die Veränderungen über zwei Jahre an; positive Dynamik: Index −1 oder darunter, negative: 1 oder darüber, sonst stabil.</translation>
        </message>
        <message>
            <source>The education offers (points or polygons), e.g. einrichtungen.</source>
            <translation>Die Bildungsangebote (Punkte oder Flächen), z. B. einrichtungen.</translation>
        </message>
        <message>
            <source>The export wrote no file: {0}</source>
            <translation>Der Export hat keine Datei geschrieben: {0}</translation>
        </message>
        <message>
            <source>The expression ({0}) fails: {1}</source>
            <translation>Der Ausdruck ({0}) schlägt fehl: {1}</translation>
        </message>
        <message>
            <source>The expression ({0}) is not valid: {1}</source>
            <translation>Der Ausdruck ({0}) ist ungültig: {1}</translation>
        </message>
        <message>
            <source>The expression ({0}) selects no district: {1}</source>
            <translation>Der Ausdruck ({0}) wählt keinen Ortsteil aus: {1}</translation>
        </message>
        <message>
            <source>The facilities were put into {0} classes by {1} (limits {2}); class 1 has the least burden.</source>
            <translation>Die Einrichtungen wurden nach {1} in {0} Klassen eingeteilt (Grenzen {2}); Klasse 1 hat die geringste Belastung.</translation>
        </message>
        <message>
            <source>The facilities with 'ratio' (supply per weighted demand in the catchment).</source>
            <translation>Die Einrichtungen mit 'ratio' (Angebot je gewichteter Nachfrage im Einzugsbereich).</translation>
        </message>
        <message>
            <source>The facilities with load, capacity, utilization and the nearest-assignment load.</source>
            <translation>Die Einrichtungen mit Belegung, Kapazität, Auslastung und der Belegung bei Zuordnung zur nächstgelegenen Einrichtung.</translation>
        </message>
        <message>
            <source>The facilities with served, mean_index, mean_&lt;indicator&gt;, share_class_*, facility_index, facility_class and facility_label.</source>
            <translation>Die Einrichtungen mit served, mean_index, mean_&lt;Indikator&gt;, share_class_*, facility_index, facility_class und facility_label.</translation>
        </message>
        <message>
            <source>The file is not valid UTF-8 (line {0}). Choose the encoding Windows-1252 or 'auto'.</source>
            <translation>Die Datei ist kein gültiges UTF-8 (Zeile {0}). Wählen Sie die Kodierung Windows-1252 oder 'auto'.</translation>
        </message>
        <message>
            <source>The folder for the output {0} does not exist: {1}</source>
            <translation>Der Ordner für die Ausgabe {0} existiert nicht: {1}</translation>
        </message>
        <message>
            <source>The gravity method has no facility ratio; 'ratio' is NULL.</source>
            <translation>Das Gravitationsmodell hat keinen Versorgungsquotienten je Einrichtung; 'ratio' ist NULL.</translation>
        </message>
        <message>
            <source>The gravity method needs MIN_COST greater than 0.</source>
            <translation>Das Gravitationsmodell braucht MIN_COST größer als 0.</translation>
        </message>
        <message>
            <source>The id '{0}' occurs in FACILITIES ({1}) and in CANDIDATES ({2}); the ids of both layers must be distinct.</source>
            <translation>Die ID '{0}' kommt in FACILITIES ({1}) und in CANDIDATES ({2}) vor; die IDs beider Layer müssen verschieden sein.</translation>
        </message>
        <message>
            <source>The indicator column '{0}' (SPREAD_FIELD) is not in the table. Columns: {1}</source>
            <translation>Die Indikatorspalte '{0}' (SPREAD_FIELD) ist nicht in der Tabelle. Spalten: {1}</translation>
        </message>
        <message>
            <source>The institutions with degree, partners in other districts and of other carriers, betweenness and isolated.</source>
            <translation>Die Einrichtungen mit Grad, Partnern in anderen Ortsteilen und bei anderen Trägern, Zwischenzentralität und „isoliert“.</translation>
        </message>
        <message>
            <source>The key column '{0}' (TABLE_KEY) is not in the column row ({1} {2}) of the table {3}. Columns: {4}</source>
            <translation>Die Schlüsselspalte '{0}' (TABLE_KEY) ist nicht in der Spaltenzeile ({1} {2}) der Tabelle {3}. Spalten: {4}</translation>
        </message>
        <message>
            <source>The key {0} occurs twice in field {1} ({2}); keys must be unique.</source>
            <translation>Der Schlüssel {0} kommt im Feld {1} ({2}) doppelt vor; Schlüssel müssen eindeutig sein.</translation>
        </message>
        <message>
            <source>The layer given as {0} ({1}) has no features.</source>
            <translation>Der als {0} angegebene Layer ({1}) enthält keine Objekte.</translation>
        </message>
        <message>
            <source>The layer given as {0} ({1}) has no geometries; a layer with {2} is needed.</source>
            <translation>Die als {0} angegebene Ebene ({1}) hat keine Geometrien; benötigt wird eine Ebene mit {2}.</translation>
        </message>
        <message>
            <source>The layer given as {0} ({1}) is a layer with {2}; a layer with {3} is needed.</source>
            <translation>Die als {0} angegebene Ebene ({1}) ist eine Ebene mit {2}; benötigt wird eine Ebene mit {3}.</translation>
        </message>
        <message>
            <source>The layer had {0} features when it was read and {1} when the results were written; was it changed during the run?</source>
            <translation>Der Layer hatte beim Einlesen {0} Objekte und beim Schreiben der Ergebnisse {1}; wurde er während der Berechnung geändert?</translation>
        </message>
        <message>
            <source>The layer {0} holds a password in its source; the project would store it. Connect it through a service (pg_service.conf) or an authentication configuration instead.</source>
            <translation>Der Layer {0} enthält in seiner Quelle ein Passwort; das Projekt würde es speichern. Verbinden Sie ihn stattdessen über einen Dienst (pg_service.conf) oder eine Authentifizierungskonfiguration.</translation>
        </message>
        <message>
            <source>The layers given as {0} ({1}) have no features to show; give a map extent ({2}).</source>
            <translation>Die als {0} angegebenen Layer ({1}) enthalten nichts Darstellbares; bitte einen Kartenausschnitt ({2}) angeben.</translation>
        </message>
        <message>
            <source>The layers of the map, the first drawn on top (as in the Layers panel). The legend shows exactly these layers.</source>
            <translation>Die Layer der Karte, der erste wird oben gezeichnet (wie im Layerbedienfeld). Die Legende zeigt genau diese Layer.</translation>
        </message>
        <message>
            <source>The layout could not be printed.</source>
            <translation>Das Layout konnte nicht gedruckt werden.</translation>
        </message>
        <message>
            <source>The location problem could not be solved: {0}</source>
            <translation>Das Standortproblem konnte nicht gelöst werden: {0}</translation>
        </message>
        <message>
            <source>The logo file does not exist ({0}): {1}</source>
            <translation>Die Logodatei gibt es nicht ({0}): {1}</translation>
        </message>
        <message>
            <source>The map extent ({0}) is empty.</source>
            <translation>Der Kartenausschnitt ({0}) ist leer.</translation>
        </message>
        <message>
            <source>The map needs a title ({0}).</source>
            <translation>Die Karte braucht einen Titel ({0}).</translation>
        </message>
        <message>
            <source>The mask layer (WEIGHT_LAYER) has no polygons.</source>
            <translation>Der Maskenlayer (WEIGHT_LAYER) enthält keine Polygone.</translation>
        </message>
        <message>
            <source>The mean indices of the {0} facilities that serve children were standardised again (deviation from their mean divided by their standard deviation), so that 0 is the average facility and higher values mean greater social burden.</source>
            <translation>Die mittleren Indizes der {0} Einrichtungen, die Kinder betreuen, wurden erneut standardisiert (Abweichung von ihrem Mittelwert geteilt durch ihre Standardabweichung), sodass 0 die durchschnittliche Einrichtung ist und höhere Werte eine größere soziale Belastung bedeuten.</translation>
        </message>
        <message>
            <source>The need value in {0} is missing or negative ({1}); with an empty FACTORS the NEED field itself is the supplement and must be zero or positive.</source>
            <translation>Der Bedarfswert bei {0} fehlt oder ist negativ ({1}); bei leerem FACTORS ist das Feld NEED selbst der Zuschlag und muss null oder positiv sein.</translation>
        </message>
        <message>
            <source>The network has no segment that mode '{0}' may use (check the 'highway' field and the travel mode).</source>
            <translation>Das Netz hat kein Segment, das das Verkehrsmittel '{0}' nutzen darf (Feld 'highway' und Verkehrsmittel prüfen).</translation>
        </message>
        <message>
            <source>The network layer has no line with at least two vertices.</source>
            <translation>Der Netzlayer enthält keine Linie mit mindestens zwei Stützpunkten.</translation>
        </message>
        <message>
            <source>The network layer {0} has no line geometry.</source>
            <translation>Der Netzlayer {0} enthält keine Liniengeometrie.</translation>
        </message>
        <message>
            <source>The number of clusters; 0 chooses it by the largest mean silhouette.</source>
            <translation>Die Zahl der Cluster; 0 wählt sie nach dem größten mittleren Silhouettenwert.</translation>
        </message>
        <message>
            <source>The output file could not be written.</source>
            <translation>Die Ausgabedatei konnte nicht geschrieben werden.</translation>
        </message>
        <message>
            <source>The output file {0} ({1}) must end in {2}.</source>
            <translation>Die Ausgabedatei {0} ({1}) muss auf {2} enden.</translation>
        </message>
        <message>
            <source>The output folder {0} ({1}) does not exist. Create it first or choose another folder.</source>
            <translation>Den Ausgabeordner {0} ({1}) gibt es nicht. Bitte zuerst anlegen oder einen anderen Ordner wählen.</translation>
        </message>
        <message>
            <source>The output {0} could not replace the table {1}.{2} (it is left as it was): {3}</source>
            <translation>Die Ausgabe {0} konnte die Tabelle {1}.{2} nicht ersetzen (sie bleibt unverändert): {3}</translation>
        </message>
        <message>
            <source>The output {0} is a folder; give a file name.</source>
            <translation>Die Ausgabe {0} ist ein Ordner; geben Sie einen Dateinamen an.</translation>
        </message>
        <message>
            <source>The output {0} is already closed.</source>
            <translation>Die Ausgabe {0} ist bereits geschlossen.</translation>
        </message>
        <message>
            <source>The output {0} names no table: {1}</source>
            <translation>Die Ausgabe {0} nennt keine Tabelle: {1}</translation>
        </message>
        <message>
            <source>The output {0} names the view {1}.{2}; results are written to tables only.</source>
            <translation>Die Ausgabe {0} nennt die Sicht {1}.{2}; Ergebnisse werden nur in Tabellen geschrieben.</translation>
        </message>
        <message>
            <source>The output {0} would overwrite the input {1} ({2}); choose another file, or "Save to GeoPackage" to add a layer to it.</source>
            <translation>Die Ausgabe {0} würde die Eingabe {1} ({2}) überschreiben; wählen Sie eine andere Datei oder „In GeoPackage speichern“, um ihr einen Layer hinzuzufügen.</translation>
        </message>
        <message>
            <source>The output {0} would replace the input table {1} ({2}); choose another table name.</source>
            <translation>Die Ausgabe {0} würde die Eingabetabelle {1} ({2}) ersetzen; bitte einen anderen Tabellennamen wählen.</translation>
        </message>
        <message>
            <source>The output {0} wrote no data.</source>
            <translation>Die Ausgabe {0} hat keine Daten geschrieben.</translation>
        </message>
        <message>
            <source>The output {0} wrote no file.</source>
            <translation>Die Ausgabe {0} hat keine Datei geschrieben.</translation>
        </message>
        <message>
            <source>The page layout found {0} districts for {1} pages; no PDF written.</source>
            <translation>Das Seitenlayout fand {0} Ortsteile für {1} Seiten; kein PDF geschrieben.</translation>
        </message>
        <message>
            <source>The polygon covers this distance on both sides of every reached street.</source>
            <translation>Das Polygon reicht so weit beiderseits jeder erreichten Straße.</translation>
        </message>
        <message>
            <source>The same indicators two years earlier, in the same order; gives the dynamic index, its classes and the 12 groups.</source>
            <translation>Dieselben Indikatoren zwei Jahre zuvor in derselben Reihenfolge; ergibt den Dynamikindex, seine Klassen und die 12 Gruppen.</translation>
        </message>
        <message>
            <source>The scale ({0}) must be between {1} and {2} (parameter {3}).</source>
            <translation>Der Maßstab ({0}) muss zwischen {1} und {2} liegen (Parameter {3}).</translation>
        </message>
        <message>
            <source>The seed ({0}) must not be negative (parameter {1}).</source>
            <translation>Der Startwert ({0}) darf nicht negativ sein (Parameter {1}).</translation>
        </message>
        <message>
            <source>The shares of the children from districts of each index class are given as well.</source>
            <translation>Zusätzlich werden die Anteile der Kinder aus Gebieten jeder Indexklasse angegeben.</translation>
        </message>
        <message>
            <source>The social composition of the children each facility (Kita, school) serves, from their home districts, as in Munich's Förderformel or the school social indices of NRW and Hamburg. Which facility serves which demand feature comes from ASSIGNMENT_FIELD of DEMAND (the facility_id written by catchments or capacityallocation, or an enrolment list joined to addresses) or, without it, from the nearest facility over NETWORK (as in catchments). Every child takes the values of the district its address lies in. Per facility: served (children), mean_index (children-weighted mean of the district index), share_unknown (percent of the children left out of that mean: district index NULL or address outside every district), mean_&lt;indicator&gt;, share_class_1 ... share_class_4 (percent of the children with a known district class who live in each class), facility_index (mean_index standardised over the facilities that serve children: 0 = average facility, high = high burden), facility_class and facility_label (Berlin classes or quantiles, as in socialindex), excluded (why a facility has no index). Demand no facility serves (unassigned) and demand outside every district are reported. The output feeds budgetallocation: TARGET_POPULATION served, NEED facility_class.</source>
            <translation>Die soziale Zusammensetzung der Kinder, die jede Einrichtung (Kita, Schule) betreut, aus ihren Wohngebieten – wie bei der Münchner Förderformel oder den Schulsozialindizes in NRW und Hamburg. Welche Einrichtung welches Nachfrageobjekt versorgt, kommt aus ASSIGNMENT_FIELD von DEMAND (die von catchments oder capacityallocation geschriebene facility_id oder eine mit Adressen verknüpfte Belegungsliste) oder, ohne dieses Feld, aus der nächstgelegenen Einrichtung über NETWORK (wie bei catchments). Jedes Kind erhält die Werte des Gebiets, in dem seine Adresse liegt. Je Einrichtung: served (Kinder), mean_index (nach Kindern gewichteter Mittelwert des Gebietsindex), share_unknown (Prozent der Kinder, die bei diesem Mittelwert unberücksichtigt bleiben: Gebietsindex NULL oder Adresse außerhalb aller Gebiete), mean_&lt;Indikator&gt;, share_class_1 … share_class_4 (Prozent der Kinder mit bekannter Gebietsklasse, die in Gebieten der jeweiligen Klasse wohnen), facility_index (mean_index, standardisiert über die Einrichtungen, die Kinder betreuen: 0 = durchschnittliche Einrichtung, hoch = hohe Belastung), facility_class und facility_label (Berliner Klassen oder Quantile, wie bei socialindex), excluded (warum eine Einrichtung keinen Index hat). Nachfrage, die keine Einrichtung versorgt (unassigned), und Nachfrage außerhalb aller Gebiete werden gemeldet. Die Ausgabe dient als Eingabe für budgetallocation: TARGET_POPULATION served, NEED facility_class.</translation>
        </message>
        <message>
            <source>The social index is the first principal component of {0} standardised indicators ({1}).</source>
            <translation>Der Sozialindex ist die erste Hauptkomponente von {0} standardisierten Indikatoren ({1}).</translation>
        </message>
        <message>
            <source>The social index was computed by min-max scaling of {0} indicators ({1}).</source>
            <translation>Der Sozialindex wurde durch Min-Max-Skalierung von {0} Indikatoren ({1}) berechnet.</translation>
        </message>
        <message>
            <source>The social index was computed with the method of Berlin's Monitoring Soziale Stadtentwicklung from {0} indicators ({1}).</source>
            <translation>Der Sozialindex wurde nach der Methode des Berliner Monitorings Soziale Stadtentwicklung aus {0} Indikatoren ({1}) berechnet.</translation>
        </message>
        <message>
            <source>The spreadsheet {0} has no sheets.</source>
            <translation>Die Tabellenkalkulationsdatei {0} hat keine Tabellenblätter.</translation>
        </message>
        <message>
            <source>The statistics table: a CSV/TXT, XLSX or ODS file, or the id or name of a table layer in the project.</source>
            <translation>Die Statistiktabelle: eine CSV/TXT-, XLSX- oder ODS-Datei oder die ID bzw. der Name eines Tabellenlayers im Projekt.</translation>
        </message>
        <message>
            <source>The style could not be stored in {0}: {1}</source>
            <translation>Der Stil konnte nicht in {0} gespeichert werden: {1}</translation>
        </message>
        <message>
            <source>The table</source>
            <translation>Die Tabelle</translation>
        </message>
        <message>
            <source>The table file {0} does not exist.</source>
            <translation>Die Tabellendatei {0} existiert nicht.</translation>
        </message>
        <message>
            <source>The table file {0} is empty.</source>
            <translation>Die Tabellendatei {0} ist leer.</translation>
        </message>
        <message>
            <source>The table {0} has no data rows below the column row ({1} {2}).</source>
            <translation>Die Tabelle {0} hat unter dem Spaltenkopf ({1} {2}) keine Datenzeilen.</translation>
        </message>
        <message>
            <source>The table {0} has no district rows (only totals or rows without a key).</source>
            <translation>Die Tabelle {0} hat keine Gebietszeilen (nur Summen oder Zeilen ohne Schlüssel).</translation>
        </message>
        <message>
            <source>The table {0} is empty.</source>
            <translation>Die Tabelle {0} ist leer.</translation>
        </message>
        <message>
            <source>The target polygons with the moved fields and 'coverage'.</source>
            <translation>Die Zielpolygone mit den übertragenen Feldern und 'coverage'.</translation>
        </message>
        <message>
            <source>The target population is 0 in every unit; nothing can be split per head.</source>
            <translation>Die Zielgruppe ist in allen Einheiten 0; pro Kopf kann nichts verteilt werden.</translation>
        </message>
        <message>
            <source>The target population is missing (NULL) in {0}.</source>
            <translation>Die Zielgruppe fehlt (NULL) bei {0}.</translation>
        </message>
        <message>
            <source>The time series table ({0}) has none of the indicator fields; no chart.</source>
            <translation>Die Zeitreihentabelle ({0}) enthält keines der Indikatorfelder; kein Diagramm.</translation>
        </message>
        <message>
            <source>The time series table ({0}) needs a key column ({1} or Ortsteil/key/id) and a year column (Jahr/year); it has: {2}</source>
            <translation>Die Zeitreihentabelle ({0}) braucht eine Schlüsselspalte ({1} oder Ortsteil/key/id) und eine Jahresspalte (Jahr/year); sie hat: {2}</translation>
        </message>
        <message>
            <source>The total to split, in whole euros.</source>
            <translation>Der zu verteilende Gesamtbetrag in ganzen Euro.</translation>
        </message>
        <message>
            <source>The unit's need class (looked up in FACTORS) or, with an empty FACTORS, a non-negative need value used directly as the supplement.</source>
            <translation>Die Bedarfsklasse der Einheit (wird in FACTORS nachgeschlagen) oder, bei leerem FACTORS, ein nicht negativer Bedarfswert, der direkt als Zuschlag dient.</translation>
        </message>
        <message>
            <source>The units that receive money: districts, facilities or a table.</source>
            <translation>Die Einheiten, die Mittel erhalten: Gebiete, Einrichtungen oder eine Tabelle.</translation>
        </message>
        <message>
            <source>The units with their amounts.</source>
            <translation>Die Einheiten mit ihren Beträgen.</translation>
        </message>
        <message>
            <source>The year column '{0}' (YEAR_FIELD) is not in the table. Columns: {1}</source>
            <translation>Die Jahresspalte '{0}' (YEAR_FIELD) ist nicht in der Tabelle. Spalten: {1}</translation>
        </message>
        <message>
            <source>The {0} is the same for every included area (the indicators cancel each other out); no index can be computed. Check INDICATORS, NEGATIVE and WEIGHTS.</source>
            <translation>Die {0} ist in allen einbezogenen Gebieten gleich (die Indikatoren heben sich gegenseitig auf); es kann kein Index berechnet werden. Bitte INDICATORS, NEGATIVE und WEIGHTS prüfen.</translation>
        </message>
        <message>
            <source>These layers ({0}) are not valid: {1}</source>
            <translation>Diese Layer ({0}) sind ungültig: {1}</translation>
        </message>
        <message>
            <source>These layers of the map are temporary and are not saved with the project: {0}</source>
            <translation>Diese Layer der Karte sind temporär und werden nicht mit dem Projekt gespeichert: {0}</translation>
        </message>
        <message>
            <source>Thresholds</source>
            <translation>Schwellenwerte</translation>
        </message>
        <message>
            <source>Thresholds (low;high)</source>
            <translation>Schwellenwerte (gering;hoch)</translation>
        </message>
        <message>
            <source>Time (minutes)</source>
            <translation>Zeit (Minuten)</translation>
        </message>
        <message>
            <source>Time limit (s)</source>
            <translation>Zeitlimit (s)</translation>
        </message>
        <message>
            <source>Time series rows not matching a district (left out, e.g. totals): {0}</source>
            <translation>Zeitreihenzeilen ohne passenden Ortsteil (weggelassen, z. B. Summen): {0}</translation>
        </message>
        <message>
            <source>Time series table</source>
            <translation>Zeitreihentabelle</translation>
        </message>
        <message>
            <source>Time series: district and city</source>
            <translation>Zeitreihe: Ortsteil und Stadt</translation>
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
            <source>Total cost {0:.6g}, mean cost per assigned unit {1:.6g} (nearest assignment ignoring capacity: {2:.6g}).</source>
            <translation>Gesamtkosten {0:.6g}, mittlere Kosten je zugeordneter Einheit {1:.6g} (Zuordnung zur nächstgelegenen Einrichtung ohne Kapazitätsgrenze: {2:.6g}).</translation>
        </message>
        <message>
            <source>Total field (row total of the fields)</source>
            <translation>Summenfeld (Zeilensumme der Felder)</translation>
        </message>
        <message>
            <source>Travel mode</source>
            <translation>Verkehrsmittel</translation>
        </message>
        <message>
            <source>Travel mode 'Walk + public transport' is not available in this algorithm; choose walk, bicycle or car.</source>
            <translation>Das Verkehrsmittel „Fuß + ÖPNV“ gibt es in diesem Algorithmus nicht; bitte Fuß, Fahrrad oder Auto wählen.</translation>
        </message>
        <message>
            <source>Travel mode 'Walk + public transport' needs COST_TYPE time (minutes).</source>
            <translation>Das Verkehrsmittel „Fuß + ÖPNV“ braucht COST_TYPE Zeit (Minuten).</translation>
        </message>
        <message>
            <source>Travel mode 'Walk + public transport' needs a GTFS feed (parameter GTFS).</source>
            <translation>Das Verkehrsmittel „Fuß + ÖPNV“ braucht einen GTFS-Fahrplan (Parameter GTFS).</translation>
        </message>
        <message>
            <source>Travel mode 'Walk + public transport' needs the service date GTFS_DATE (YYYY-MM-DD).</source>
            <translation>Das Verkehrsmittel „Fuß + ÖPNV“ braucht den Verkehrstag GTFS_DATE (JJJJ-MM-TT).</translation>
        </message>
        <message>
            <source>Travel mode 'Walk + public transport' uses a GTFS timetable (advanced parameters): for every departure minute of the window the door-to-door time (walk to a stop, ride, changes, walk to the destination, or the direct walk), reported as the chosen percentile in minutes; walk_only is the shortest direct walk. See docs/transit.md.</source>
            <translation>Das Verkehrsmittel „Fuß + ÖPNV“ verwendet einen GTFS-Fahrplan (erweiterte Parameter): für jede Abfahrtsminute des Fensters die Tür-zu-Tür-Zeit (Fußweg zur Haltestelle, Fahrt, Umstiege, Fußweg zum Ziel, oder der direkte Fußweg), ausgegeben als gewähltes Perzentil in Minuten; walk_only ist der kürzeste direkte Fußweg. Siehe docs/transit.md.</translation>
        </message>
        <message>
            <source>Trend</source>
            <translation>Trend</translation>
        </message>
        <message>
            <source>Trend: change {0}–{1} (→: less than 2 % of the first value)</source>
            <translation>Trend: Veränderung {0}–{1} (→: weniger als 2 % des Ausgangswerts)</translation>
        </message>
        <message>
            <source>Two numbers, e.g. '0.2;0.4': up to 0.2 low, up to 0.4 medium, above high deficit.</source>
            <translation>Zwei Zahlen, z. B. „0.2;0.4“: bis 0,2 geringes, bis 0,4 mittleres, darüber hohes Defizit.</translation>
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
            <source>Type profiles</source>
            <translation>Typprofile</translation>
        </message>
        <message>
            <source>Type {0} ({1} areas): {2}.</source>
            <translation>Typ {0} ({1} Gebiete): {2}.</translation>
        </message>
        <message>
            <source>Typology</source>
            <translation>Gebietstypen</translation>
        </message>
        <message>
            <source>Unassigned demand</source>
            <translation>Nicht zugeordnete Nachfrage</translation>
        </message>
        <message>
            <source>Unique id of each facility (default: the feature id).</source>
            <translation>Eindeutige ID jeder Einrichtung (Standard: die Objekt-ID).</translation>
        </message>
        <message>
            <source>Unique id of each institution; the partnership table refers to it (compared as text).</source>
            <translation>Eindeutige Kennung jeder Einrichtung; die Kooperationstabelle verweist darauf (als Text verglichen).</translation>
        </message>
        <message>
            <source>Unique id of every candidate; required with OD_TABLE. Without it the feature id is used.</source>
            <translation>Eindeutige ID jedes Kandidaten; mit OD_TABLE erforderlich. Ohne sie wird die Objekt-ID verwendet.</translation>
        </message>
        <message>
            <source>Unique id of every demand feature; required with OD_TABLE (its origin ids refer to it).</source>
            <translation>Eindeutige ID jedes Nachfrageobjekts; mit OD_TABLE erforderlich (deren Start-IDs verweisen darauf).</translation>
        </message>
        <message>
            <source>Unique id of every existing facility (e.g. einr_id); required with OD_TABLE. Without it the feature id is used.</source>
            <translation>Eindeutige ID jeder bestehenden Einrichtung (z. B. einr_id); mit OD_TABLE erforderlich. Ohne sie wird die Objekt-ID verwendet.</translation>
        </message>
        <message>
            <source>Unique id of every facility (e.g. einr_id); required with OD_TABLE. Without it the feature id is used.</source>
            <translation>Eindeutige ID jeder Einrichtung (z. B. einr_id); mit OD_TABLE erforderlich. Ohne sie wird die Objekt-ID verwendet.</translation>
        </message>
        <message>
            <source>Unique id; the partnership links refer to it.</source>
            <translation>Eindeutige Kennung; die Kooperationslinien verweisen darauf.</translation>
        </message>
        <message>
            <source>Unknown decimal sign '{0}'; use auto, comma or point.</source>
            <translation>Unbekanntes Dezimalzeichen '{0}'; verwenden Sie auto, comma oder point.</translation>
        </message>
        <message>
            <source>Unknown delimiter '{0}'; use auto, ';', ',' or tab.</source>
            <translation>Unbekanntes Trennzeichen '{0}'; verwenden Sie auto, ';', ',' oder tab.</translation>
        </message>
        <message>
            <source>Unknown encoding '{0}'; use auto, UTF-8 or Windows-1252.</source>
            <translation>Unbekannte Kodierung '{0}'; verwenden Sie auto, UTF-8 oder Windows-1252.</translation>
        </message>
        <message>
            <source>Unknown output format: {0}</source>
            <translation>Unbekanntes Ausgabeformat: {0}</translation>
        </message>
        <message>
            <source>Unknown page ({0}): {1}</source>
            <translation>Unbekanntes Seitenformat ({0}): {1}</translation>
        </message>
        <message>
            <source>Used when K = 0.</source>
            <translation>Wird bei K = 0 verwendet.</translation>
        </message>
        <message>
            <source>Utilisation (facilities)</source>
            <translation>Auslastung (Einrichtungen)</translation>
        </message>
        <message>
            <source>WEIGHTS names the field '{0}', which is not one of the INDICATORS ({1}).</source>
            <translation>WEIGHTS nennt das Feld „{0}“, das nicht zu den INDICATORS ({1}) gehört.</translation>
        </message>
        <message>
            <source>WEIGHTS: '{0}' is not of the form field:weight (e.g. sgb2_quote:2;kinderarmut:1).</source>
            <translation>WEIGHTS: „{0}“ hat nicht die Form Feld:Gewicht (z. B. sgb2_quote:2;kinderarmut:1).</translation>
        </message>
        <message>
            <source>WEIGHTS: all weights are zero.</source>
            <translation>WEIGHTS: Alle Gewichte sind null.</translation>
        </message>
        <message>
            <source>WEIGHTS: the weight '{1}' of '{0}' is not a number.</source>
            <translation>WEIGHTS: Das Gewicht „{1}“ von „{0}“ ist keine Zahl.</translation>
        </message>
        <message>
            <source>WEIGHTS: the weight '{1}' of '{0}' must be zero or positive.</source>
            <translation>WEIGHTS: Das Gewicht „{1}“ von „{0}“ muss null oder positiv sein.</translation>
        </message>
        <message>
            <source>WEIGHT_LAYER</source>
            <translation>WEIGHT_LAYER (Gewichtungslayer)</translation>
        </message>
        <message>
            <source>WEIGHT_LAYER {0} must be a point layer for weight mode 1 and a polygon layer for weight mode 2.</source>
            <translation>WEIGHT_LAYER {0} muss für Gewichtung 1 ein Punktlayer und für Gewichtung 2 ein Polygonlayer sein.</translation>
        </message>
        <message>
            <source>WEIGHT_MODE {0} needs a weight layer (WEIGHT_LAYER).</source>
            <translation>WEIGHT_MODE {0} braucht einen Gewichtungslayer (WEIGHT_LAYER).</translation>
        </message>
        <message>
            <source>WIDE needs a year column (YEAR_FIELD).</source>
            <translation>WIDE braucht eine Jahresspalte (YEAR_FIELD).</translation>
        </message>
        <message>
            <source>Walk</source>
            <translation>Zu Fuß</translation>
        </message>
        <message>
            <source>Walk (4.5 km/h, no motorways), bicycle (15 km/h, no motorways or steps) or car (speed by road class, no footways/paths/steps, one-way streets respected).</source>
            <translation>Zu Fuß (4,5 km/h, keine Autobahnen), Fahrrad (15 km/h, keine Autobahnen oder Treppen) oder Auto (Geschwindigkeit nach Straßenklasse, keine Fußwege/Pfade/Treppen, Einbahnstraßen beachtet).</translation>
        </message>
        <message>
            <source>Walk + public transport</source>
            <translation>Fuß + ÖPNV</translation>
        </message>
        <message>
            <source>Walk + public transport counts: {0}; times (s): {1}</source>
            <translation>Fuß + ÖPNV, Anzahlen: {0}; Zeiten (s): {1}</translation>
        </message>
        <message>
            <source>Walk + public transport: GTFS {0}, {1}, departures {2} to {3}, percentile {4}, walks to/from stops up to {5:g} min, transfer walks up to {6:g} min, MAX_COST {7:g} min.</source>
            <translation>Fuß + ÖPNV: GTFS {0}, {1}, Abfahrten {2} bis {3}, Perzentil {4}, Fußwege zu/von Haltestellen bis {5:g} min, Umsteige-Fußwege bis {6:g} min, MAX_COST {7:g} min.</translation>
        </message>
        <message>
            <source>Walk + public transport: the offers are written without route lines.</source>
            <translation>Fuß + ÖPNV: die Angebote werden ohne Routenlinien geschrieben.</translation>
        </message>
        <message>
            <source>Walk + public transport: {0} trips, {1} connections scanned, {2} access walks, {3} transfer walks, {4} departure minutes; reported value = rank {5} of {4}.</source>
            <translation>Fuß + ÖPNV: {0} Fahrten, {1} Verbindungen durchsucht, {2} Zugangswege, {3} Umsteigewege, {4} Abfahrtsminuten; ausgegebener Wert = Rang {5} von {4}.</translation>
        </message>
        <message>
            <source>Web Mercator</source>
            <translation>Web Mercator</translation>
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
            <source>Weight field</source>
            <translation>Gewichtsfeld</translation>
        </message>
        <message>
            <source>Weight layer (points or mask polygons)</source>
            <translation>Gewichtungslayer (Punkte oder Maskenpolygone)</translation>
        </message>
        <message>
            <source>Weights</source>
            <translation>Gewichtung</translation>
        </message>
        <message>
            <source>Weights (field:weight;...)</source>
            <translation>Gewichte (Feld:Gewicht;…)</translation>
        </message>
        <message>
            <source>Weights: {0}.</source>
            <translation>Gewichte: {0}.</translation>
        </message>
        <message>
            <source>Which facility types serve which life phase, one entry per line or separated by ';': 'Kita = early_childhood', 'Volkshochschule = adults, seniors', 'Bibliothek = all'. Phases: early_childhood, school_age, youth, adults, seniors (or Frühe Kindheit, Schulalter, Jugend, Erwachsene, Senioren). May also be the path of a CSV table like the default, resources/lifephases.csv. Empty: the default table.</source>
            <translation>Welche Einrichtungsarten welche Lebensphase bedienen, ein Eintrag je Zeile oder durch „;“ getrennt: „Kita = Frühe Kindheit“, „Volkshochschule = Erwachsene, Senioren“, „Bibliothek = alle“. Lebensphasen: early_childhood, school_age, youth, adults, seniors (oder Frühe Kindheit, Schulalter, Jugend, Erwachsene, Senioren). Auch der Pfad einer CSV-Tabelle wie der Vorgabe resources/lifephases.csv ist möglich. Leer: die mitgelieferte Tabelle.</translation>
        </message>
        <message>
            <source>Which of the travel times of the departure minutes is reported: 50 the median, 80 a time that 80 % of the departures achieve (nearest rank; unreachable minutes count last).</source>
            <translation>Welche der Reisezeiten der Abfahrtsminuten ausgegeben wird: 50 der Median, 80 eine Zeit, die 80 % der Abfahrten erreichen (Rangmethode; unerreichbare Minuten zählen zuletzt).</translation>
        </message>
        <message>
            <source>Width around the reached streets (m)</source>
            <translation>Breite um die erreichten Straßen (m)</translation>
        </message>
        <message>
            <source>With OD_TABLE choose CANDIDATE_ID and FACILITY_ID (the ids the table's destinations refer to).</source>
            <translation>Mit OD_TABLE bitte CANDIDATE_ID und FACILITY_ID wählen (die IDs, auf die sich die Ziele der Tabelle beziehen).</translation>
        </message>
        <message>
            <source>With OD_TABLE choose DEMAND_ID (the ids the table's origins refer to).</source>
            <translation>Mit OD_TABLE bitte DEMAND_ID wählen (die IDs, auf die sich die Startpunkte der Tabelle beziehen).</translation>
        </message>
        <message>
            <source>With OD_TABLE choose FACILITY_ID (the ids the table's destinations refer to).</source>
            <translation>Mit OD_TABLE bitte FACILITY_ID wählen (die IDs, auf die sich die Ziele der Tabelle beziehen).</translation>
        </message>
        <message>
            <source>With OD_TABLE choose the field {0}.</source>
            <translation>Mit OD_TABLE bitte das Feld {0} wählen.</translation>
        </message>
        <message>
            <source>With a maximum of {0} euros per unit at most {1} euros of the budget of {2} euros can be allocated. Raise MAX_AMOUNT or lower BUDGET.</source>
            <translation>Mit einem Höchstbetrag von {0} Euro je Einheit können höchstens {1} Euro des Budgets von {2} Euro verteilt werden. Bitte MAX_AMOUNT erhöhen oder BUDGET senken.</translation>
        </message>
        <message>
            <source>With an empty FACTORS the NEED field '{0}' must be numeric.</source>
            <translation>Bei leerem FACTORS muss das Feld NEED „{0}“ numerisch sein.</translation>
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
            <source>Writes one PDF with one page per district (Ortsteilprofil): name, key and population; a map of the district with its facilities; a locator map of the city with the district highlighted; a table of the indicators with the district's value, the city value, the difference, the rank among all districts (1 = highest value) and the z-score; a chart of the time series district against city; the list of facilities; data source and date.
City value: for counts and amounts (residents, children, euros, a balance) the city total (no difference); for rates, shares and averages the mean weighted by their denominator (CITY_VALUES names it, else the population field such as 'einwohner'), which is the city rate; for an index or score, and without a denominator, the plain mean of the districts, marked Ø. The log says which rule each indicator got.
INDICATORS is a table of field and label (empty label: the field's alias or name). The time series table is in long form: a key column (the key field's name, or Ortsteil/key/id), a year column (Jahr/year) and the indicator fields. The page layout is the template district_profile.qpt, which you can adapt (see the documentation).
Counts are printed without decimals, rates with one; a value that is missing shows '–' with the symbol of its &lt;field&gt;_flag field (e.g. '.' kept secret). With a time series the table gets a trend column (↑ ↓ →, first to last year). A layer with index_class/index_label (from the social index) shows the district's class in the header. Optional: the parent unit (PARENT_FIELD, e.g. sb_name) and an age-structure chart (AGE_FIELDS, e.g. the cohorts from 'Aggregate points to districts').</source>
            <translation>Schreibt ein PDF mit einer Seite je Ortsteil (Ortsteilprofil): Name, Schlüssel und Einwohnerzahl; eine Karte des Ortsteils mit seinen Einrichtungen; eine Übersichtskarte der Stadt mit hervorgehobenem Ortsteil; eine Indikatorentabelle mit dem Wert des Ortsteils, dem Stadtwert, der Differenz, dem Rang unter allen Ortsteilen (1 = höchster Wert) und dem z-Wert; ein Zeitreihendiagramm Ortsteil gegen Stadt; die Liste der Einrichtungen; Datenquelle und Datum.
Stadtwert: für Anzahlen und Beträge (Einwohner, Kinder, Euro, ein Saldo) die Summe der Stadt (ohne Differenz); für Quoten, Anteile und Durchschnitte das mit ihrem Nenner gewichtete Mittel (CITY_VALUES nennt ihn, sonst das Einwohnerfeld wie „einwohner“), also die Quote der Stadt; für einen Index oder Punktwert und ohne Nenner das einfache Mittel der Ortsteile, mit Ø gekennzeichnet. Das Protokoll nennt die Regel jedes Indikators.
INDICATORS ist eine Tabelle aus Feld und Bezeichnung (leere Bezeichnung: Alias oder Name des Feldes). Die Zeitreihentabelle ist im Langformat: eine Schlüsselspalte (Name des Schlüsselfeldes oder Ortsteil/key/id), eine Jahresspalte (Jahr/year) und die Indikatorfelder. Das Seitenlayout ist die Vorlage district_profile.qpt, die Sie anpassen können (siehe Dokumentation).
Zahlen (Anzahlen) erscheinen ohne Nachkommastellen, Quoten mit einer; ein fehlender Wert erscheint als „–“ mit dem Zeichen seines Feldes &lt;feld&gt;_flag (z. B. „.“ geheim). Mit Zeitreihe bekommt die Tabelle eine Trendspalte (↑ ↓ →, erstes bis letztes Jahr). Hat der Layer index_class/index_label (aus dem Sozialindex), steht die Sozialindex-Klasse des Ortsteils im Kopf. Optional: die übergeordnete Einheit (PARENT_FIELD, z. B. sb_name) und ein Diagramm der Altersstruktur (AGE_FIELDS, z. B. die Altersgruppen aus „Punkte auf Gebiete summieren“).</translation>
        </message>
        <message>
            <source>Writes the synthetic sample city "Musterstadt" into a folder: the GeoPackage musterstadt.gpkg (EPSG:25833) with street network (strassen), Ortsteile, Stadtbezirke, address points with residents by age cohort (adressen), facilities (einrichtungen) and the river (fluss); the social-structure table sozialdaten_musterstadt.csv in the official-statistics format (semicolon, decimal comma, Windows-1252) and the partnership table kooperationen.csv.

Scale 1 is a city of about 100 000 residents with about 100 000 street edges; scale 10 about 1 000 000 residents and a million edges. The same scale and seed always give the same city.</source>
            <translation>Schreibt die synthetische Beispielstadt „Musterstadt“ in einen Ordner: das GeoPackage musterstadt.gpkg (EPSG:25833) mit Straßennetz (strassen), Ortsteilen, Stadtbezirken, Adresspunkten mit Einwohnern nach Altersgruppen (adressen), Einrichtungen (einrichtungen) und dem Fluss (fluss); die Sozialstrukturtabelle sozialdaten_musterstadt.csv im Format der amtlichen Statistik (Semikolon, Dezimalkomma, Windows-1252) und die Kooperationstabelle kooperationen.csv.

Maßstab 1 ergibt eine Stadt mit etwa 100 000 Einwohnern und etwa 100 000 Straßenkanten, Maßstab 10 etwa 1 000 000 Einwohner und eine Million Kanten. Gleicher Maßstab und gleicher Startwert ergeben immer dieselbe Stadt.</translation>
        </message>
        <message>
            <source>Writing the offers with their routes</source>
            <translation>Angebote und Wege werden geschrieben</translation>
        </message>
        <message>
            <source>Writing the results</source>
            <translation>Ergebnisse werden geschrieben</translation>
        </message>
        <message>
            <source>Wrote {0} ({1} rows) and {2} ({3} partnerships).</source>
            <translation>{0} ({1} Zeilen) und {2} ({3} Kooperationen) geschrieben.</translation>
        </message>
        <message>
            <source>Wrote {0}: {1} streets ({2} edges), {3} Ortsteile, {4} Stadtbezirke, {5} addresses with {6} residents, {7} facilities.</source>
            <translation>{0} geschrieben: {1} Straßen ({2} Kanten), {3} Ortsteile, {4} Stadtbezirke, {5} Adressen mit {6} Einwohnern, {7} Einrichtungen.</translation>
        </message>
        <message>
            <source>YEAR '{0}' is not a year.</source>
            <translation>YEAR '{0}' ist kein Jahr.</translation>
        </message>
        <message>
            <source>Year</source>
            <translation>Jahr</translation>
        </message>
        <message>
            <source>Year column (long tables)</source>
            <translation>Jahresspalte (Langformat)</translation>
        </message>
        <message>
            <source>Year to join from a long table; empty = the latest year.</source>
            <translation>Jahr, das aus einer Tabelle im Langformat angehängt wird; leer = das jüngste Jahr.</translation>
        </message>
        <message>
            <source>Year {0} (YEAR) is not in the column '{1}'. Years: {2}</source>
            <translation>Das Jahr {0} (YEAR) ist nicht in der Spalte '{1}'. Jahre: {2}</translation>
        </message>
        <message>
            <source>Year {0} joined (years in the table: {1}).</source>
            <translation>Jahr {0} angehängt (Jahre in der Tabelle: {1}).</translation>
        </message>
        <message>
            <source>Youth</source>
            <translation>Jugend</translation>
        </message>
        <message>
            <source>a district without a key value</source>
            <translation>ein Gebiet ohne Schlüsselwert</translation>
        </message>
        <message>
            <source>access=no/private without permission for the mode</source>
            <translation>access=no/private ohne Freigabe für den Modus</translation>
        </message>
        <message>
            <source>an institution linked to itself</source>
            <translation>Einrichtung mit sich selbst verknüpft</translation>
        </message>
        <message>
            <source>any geometry</source>
            <translation>beliebiger Geometrie</translation>
        </message>
        <message>
            <source>as is</source>
            <translation>unverändert</translation>
        </message>
        <message>
            <source>auto</source>
            <translation>auto</translation>
        </message>
        <message>
            <source>bicycle=no/private</source>
            <translation>bicycle=no/private</translation>
        </message>
        <message>
            <source>cell blocked: NULL</source>
            <translation>Tabellenfach gesperrt: NULL</translation>
        </message>
        <message>
            <source>chosen (HEADER_ROW)</source>
            <translation>gewählt (HEADER_ROW)</translation>
        </message>
        <message>
            <source>class {0} of {1} ({2} to {3})</source>
            <translation>Klasse {0} von {1} ({2} bis {3})</translation>
        </message>
        <message>
            <source>column row in {0} {1}</source>
            <translation>Spaltenkopf in {0} {1}</translation>
        </message>
        <message>
            <source>comma</source>
            <translation>Komma</translation>
        </message>
        <message>
            <source>decimal sign: {0}</source>
            <translation>Dezimalzeichen: {0}</translation>
        </message>
        <message>
            <source>delimiter: {0}</source>
            <translation>Trennzeichen: {0}</translation>
        </message>
        <message>
            <source>detected</source>
            <translation>erkannt</translation>
        </message>
        <message>
            <source>detected ({0} {1})</source>
            <translation>erkannt ({0} {1})</translation>
        </message>
        <message>
            <source>district '{0}' has no row in the table</source>
            <translation>Gebiet '{0}' hat keine Zeile in der Tabelle</translation>
        </message>
        <message>
            <source>duplicate of an earlier row (same pair, same kind)</source>
            <translation>Doppelung einer früheren Zeile (gleiches Paar, gleiche Art)</translation>
        </message>
        <message>
            <source>dynamic status sum</source>
            <translation>dynamische Statussumme</translation>
        </message>
        <message>
            <source>equal intervals</source>
            <translation>gleiche Intervalle</translation>
        </message>
        <message>
            <source>feature {0}</source>
            <translation>Objekt {0}</translation>
        </message>
        <message>
            <source>feature {0} ({1} {2})</source>
            <translation>Objekt {0} ({1} {2})</translation>
        </message>
        <message>
            <source>first principal component</source>
            <translation>erste Hauptkomponente</translation>
        </message>
        <message>
            <source>foot=no/private</source>
            <translation>foot=no/private</translation>
        </message>
        <message>
            <source>frequencies.txt, line {0}: trip '{1}' needs start_time, end_time and headway_secs &gt; 0.</source>
            <translation>frequencies.txt, Zeile {0}: Fahrt '{1}' braucht start_time, end_time und headway_secs &gt; 0.</translation>
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
            <source>high</source>
            <translation>hoch</translation>
        </message>
        <message>
            <source>high need</source>
            <translation>hoher Handlungsbedarf</translation>
        </message>
        <message>
            <source>highest need (Schwerpunktraum)</source>
            <translation>höchster Handlungsbedarf (Schwerpunktraum)</translation>
        </message>
        <message>
            <source>highway=construction/proposed/abandoned/platform</source>
            <translation>highway=construction/proposed/abandoned/platform</translation>
        </message>
        <message>
            <source>input feature {0}</source>
            <translation>Eingabeobjekt {0}</translation>
        </message>
        <message>
            <source>key '{0}' of the table has no district</source>
            <translation>Schlüssel '{0}' der Tabelle hat kein Gebiet</translation>
        </message>
        <message>
            <source>left out by EXCLUDE ({0})</source>
            <translation>durch EXCLUDE ausgelassen ({0})</translation>
        </message>
        <message>
            <source>lines</source>
            <translation>Linien</translation>
        </message>
        <message>
            <source>low</source>
            <translation>niedrig</translation>
        </message>
        <message>
            <source>low need</source>
            <translation>geringer Handlungsbedarf</translation>
        </message>
        <message>
            <source>maximum</source>
            <translation>Höchstbetrag</translation>
        </message>
        <message>
            <source>medium</source>
            <translation>mittel</translation>
        </message>
        <message>
            <source>min-max scaling</source>
            <translation>Min-Max-Skalierung</translation>
        </message>
        <message>
            <source>minimum</source>
            <translation>Mindestbetrag</translation>
        </message>
        <message>
            <source>missing value: {0}</source>
            <translation>fehlender Wert: {0}</translation>
        </message>
        <message>
            <source>moderate need</source>
            <translation>mittlerer Handlungsbedarf</translation>
        </message>
        <message>
            <source>motor_vehicle=no/private</source>
            <translation>motor_vehicle=no/private</translation>
        </message>
        <message>
            <source>natural breaks (Jenks)</source>
            <translation>natürliche Unterbrechungen (Jenks)</translation>
        </message>
        <message>
            <source>negative</source>
            <translation>negativ</translation>
        </message>
        <message>
            <source>neither id is an institution of FACILITIES</source>
            <translation>keine der beiden Kennungen ist eine Einrichtung aus FACILITIES</translation>
        </message>
        <message>
            <source>no children served</source>
            <translation>keine Kinder betreut</translation>
        </message>
        <message>
            <source>no data / suppressed</source>
            <translation>keine Daten / gesperrt</translation>
        </message>
        <message>
            <source>no dynamic index: missing change value: {0}</source>
            <translation>kein Dynamikindex: Veränderungswert fehlt: {0}</translation>
        </message>
        <message>
            <source>no dynamic index: missing value two years earlier: {0}</source>
            <translation>kein Dynamikindex: fehlender Wert zwei Jahre zuvor: {0}</translation>
        </message>
        <message>
            <source>no highway tag (walls, fences, railways, waterways, power lines ...)</source>
            <translation>ohne highway-Tag (Mauern, Zäune, Bahnen, Gewässer, Stromleitungen …)</translation>
        </message>
        <message>
            <source>no served child lives in a district with an index</source>
            <translation>kein betreutes Kind wohnt in einem Gebiet mit Index</translation>
        </message>
        <message>
            <source>no value</source>
            <translation>kein Wert</translation>
        </message>
        <message>
            <source>no value (left out)</source>
            <translation>kein Wert (nicht berücksichtigt)</translation>
        </message>
        <message>
            <source>none is used</source>
            <translation>wird keines verwendet</translation>
        </message>
        <message>
            <source>not meaningful</source>
            <translation>Nachweis nicht sinnvoll</translation>
        </message>
        <message>
            <source>not yet available</source>
            <translation>noch nicht verfügbar</translation>
        </message>
        <message>
            <source>not yet available: NULL</source>
            <translation>noch nicht verfügbar: NULL</translation>
        </message>
        <message>
            <source>nothing</source>
            <translation>nichts vorhanden</translation>
        </message>
        <message>
            <source>nothing, exactly zero: read as 0</source>
            <translation>nichts vorhanden, genau null: als 0 gelesen</translation>
        </message>
        <message>
            <source>one of the rows {0}–{1}</source>
            <translation>eine der Zeilen {0}–{1}</translation>
        </message>
        <message>
            <source>one per address</source>
            <translation>eins je Adresse</translation>
        </message>
        <message>
            <source>p-median (least total travel cost)</source>
            <translation>p-Median (kleinste Summe der Wegekosten)</translation>
        </message>
        <message>
            <source>p-median: every demand point goes to its cheapest open site, total weighted cost as small as possible. Maximal coverage: as much weighted demand as possible within MAX_COST. Capacitated p-median: like p-median, but no site gets more than its capacity.</source>
            <translation>p-Median: Jeder Nachfragepunkt geht zum günstigsten offenen Standort, die Summe der gewichteten Kosten wird möglichst klein. Maximale Abdeckung: möglichst viel gewichtete Nachfrage innerhalb von MAX_COST. Kapazitiertes p-Median-Modell: wie p-Median, aber kein Standort erhält mehr als seine Kapazität.</translation>
        </message>
        <message>
            <source>point</source>
            <translation>Punkt</translation>
        </message>
        <message>
            <source>points</source>
            <translation>Punkten</translation>
        </message>
        <message>
            <source>polygons</source>
            <translation>Polygonen</translation>
        </message>
        <message>
            <source>population missing</source>
            <translation>Einwohnerzahl fehlt</translation>
        </message>
        <message>
            <source>population {0} below the minimum of {1}</source>
            <translation>Einwohnerzahl {0} unter dem Mindestwert von {1}</translation>
        </message>
        <message>
            <source>positive</source>
            <translation>positiv</translation>
        </message>
        <message>
            <source>quantiles</source>
            <translation>Quantile</translation>
        </message>
        <message>
            <source>rates weighted by {0}</source>
            <translation>Quoten gewichtet mit {0}</translation>
        </message>
        <message>
            <source>row {0}</source>
            <translation>Zeile {0}</translation>
        </message>
        <message>
            <source>scale error {0:.1f} %</source>
            <translation>Maßstabsfehler {0:.1f} %</translation>
        </message>
        <message>
            <source>scheduled trips were made from frequencies.txt (exact times)</source>
            <translation>Fahrten wurden aus frequencies.txt erzeugt (genaue Zeiten)</translation>
        </message>
        <message>
            <source>src, tgt and w must have the same length.</source>
            <translation>src, tgt und w müssen gleich lang sein.</translation>
        </message>
        <message>
            <source>stable</source>
            <translation>stabil</translation>
        </message>
        <message>
            <source>status sum</source>
            <translation>Statussumme</translation>
        </message>
        <message>
            <source>stop times without a time were interpolated by stop order</source>
            <translation>Haltezeiten ohne Uhrzeit wurden nach der Haltestellenfolge interpoliert</translation>
        </message>
        <message>
            <source>stop_times.txt, line {0}: stop_sequence '{1}' is not a number.</source>
            <translation>stop_times.txt, Zeile {0}: stop_sequence '{1}' ist keine Zahl.</translation>
        </message>
        <message>
            <source>stop_times.txt, line {0}: trip '{1}' has stop_sequence {2} twice.</source>
            <translation>stop_times.txt, Zeile {0}: Fahrt '{1}' hat stop_sequence {2} doppelt.</translation>
        </message>
        <message>
            <source>stops without coordinates cannot be walked to or from (their vehicles still run)</source>
            <translation>Haltestellen ohne Koordinaten sind zu Fuß nicht erreichbar (ihre Fahrzeuge fahren trotzdem)</translation>
        </message>
        <message>
            <source>stops.txt: stop_id '{0}' occurs more than once.</source>
            <translation>stops.txt: stop_id '{0}' kommt mehrfach vor.</translation>
        </message>
        <message>
            <source>suppressed</source>
            <translation>gesperrt</translation>
        </message>
        <message>
            <source>suppressed (small count)</source>
            <translation>gesperrt (kleine Fallzahl)</translation>
        </message>
        <message>
            <source>suppressed: NULL</source>
            <translation>gesperrt: NULL</translation>
        </message>
        <message>
            <source>tab</source>
            <translation>Tabulator</translation>
        </message>
        <message>
            <source>terciles</source>
            <translation>Terzile</translation>
        </message>
        <message>
            <source>the data source refused the feature</source>
            <translation>die Datenquelle hat das Objekt abgelehnt</translation>
        </message>
        <message>
            <source>the feature id</source>
            <translation>die Objekt-ID</translation>
        </message>
        <message>
            <source>the host name of the tile template is not valid: {0}</source>
            <translation>der Servername der Kachel-URL ist ungültig: {0}</translation>
        </message>
        <message>
            <source>the id</source>
            <translation>die ID</translation>
        </message>
        <message>
            <source>the project</source>
            <translation>das Projekt</translation>
        </message>
        <message>
            <source>the run stops</source>
            <translation>bricht der Lauf ab</translation>
        </message>
        <message>
            <source>the tile template has no {0} placeholder</source>
            <translation>die Kachel-URL enthält keinen Platzhalter {0}</translation>
        </message>
        <message>
            <source>the tile template must not contain a user name or password</source>
            <translation>die Kachel-URL darf weder Benutzernamen noch Passwort enthalten</translation>
        </message>
        <message>
            <source>the tile template must start with https:// and name a host</source>
            <translation>die Kachel-URL muss mit https:// beginnen und einen Server nennen</translation>
        </message>
        <message>
            <source>thresholds</source>
            <translation>Schwellenwerte</translation>
        </message>
        <message>
            <source>times not written HH:MM:SS (e.g. 7:5:00) were read as 07:05:00</source>
            <translation>Zeiten nicht im Format HH:MM:SS (z. B. 7:5:00) wurden als 07:05:00 gelesen</translation>
        </message>
        <message>
            <source>to id is not an institution of FACILITIES</source>
            <translation>Kennung „zu“ ist keine Einrichtung aus FACILITIES</translation>
        </message>
        <message>
            <source>too uncertain</source>
            <translation>Aussagewert eingeschränkt</translation>
        </message>
        <message>
            <source>too uncertain to publish: NULL</source>
            <translation>Aussagewert zu unsicher: NULL</translation>
        </message>
        <message>
            <source>total</source>
            <translation>Summe</translation>
        </message>
        <message>
            <source>total of all districts for counts and amounts</source>
            <translation>Summe aller Ortsteile für Anzahlen und Beträge</translation>
        </message>
        <message>
            <source>trips naming a stop_id missing from stops.txt were dropped</source>
            <translation>Fahrten mit einer stop_id, die in stops.txt fehlt, wurden verworfen</translation>
        </message>
        <message>
            <source>trips whose first or last stop has no time were dropped</source>
            <translation>Fahrten ohne Uhrzeit an der ersten oder letzten Haltestelle wurden verworfen</translation>
        </message>
        <message>
            <source>trips whose times go backwards along stop_sequence were dropped</source>
            <translation>Fahrten, deren Zeiten entlang stop_sequence rückwärts laufen, wurden verworfen</translation>
        </message>
        <message>
            <source>trips with fewer than two stops were ignored</source>
            <translation>Fahrten mit weniger als zwei Haltestellen wurden übergangen</translation>
        </message>
        <message>
            <source>trips.txt: trip_id '{0}' occurs more than once.</source>
            <translation>trips.txt: trip_id '{0}' kommt mehrfach vor.</translation>
        </message>
        <message>
            <source>type {0}</source>
            <translation>Typ {0}</translation>
        </message>
        <message>
            <source>unknown or kept secret</source>
            <translation>unbekannt oder geheim zu halten</translation>
        </message>
        <message>
            <source>unknown or kept secret: NULL</source>
            <translation>unbekannt oder geheim zu halten: NULL</translation>
        </message>
        <message>
            <source>up to {0} {1}</source>
            <translation>bis {0} {1}</translation>
        </message>
        <message>
            <source>very low</source>
            <translation>sehr niedrig</translation>
        </message>
        <message>
            <source>yyyy-MM-dd</source>
            <translation>dd.MM.yyyy</translation>
        </message>
        <message>
            <source>z-score</source>
            <translation>z-Wert</translation>
        </message>
        <message>
            <source>z-scores (Berlin monitoring)</source>
            <translation>z-Werte (Berliner Monitoring)</translation>
        </message>
        <message>
            <source>{0:g} units of demand cannot be served (capacity short or no facility in reach); see the field 'unserved'.</source>
            <translation>{0:g} Einheiten der Nachfrage können nicht versorgt werden (zu wenig Kapazität oder keine Einrichtung in Reichweite); siehe Feld 'unserved'.</translation>
        </message>
        <message>
            <source>{0:g} units of demand cannot be served within the capacities (see the field 'unserved').</source>
            <translation>{0:g} Einheiten der Nachfrage können innerhalb der Kapazitäten nicht versorgt werden (siehe Feld 'unserved').</translation>
        </message>
        <message>
            <source>{0} '{1}' {2}: {3}</source>
            <translation>{0} '{1}' {2}: {3}</translation>
        </message>
        <message>
            <source>{0} NULL value(s) in the point fields were left out of the sums.</source>
            <translation>{0} NULL-Wert(e) in den Punktfeldern wurden bei den Summen ausgelassen.</translation>
        </message>
        <message>
            <source>{0} assigned children live in districts where '{1}' is NULL; they are left out of mean_{1}.</source>
            <translation>{0} zugeordnete Kinder wohnen in Gebieten, in denen '{1}' NULL ist; sie bleiben bei mean_{1} unberücksichtigt.</translation>
        </message>
        <message>
            <source>{0} assigned children live in districts whose index is NULL; they count in served, but not in mean_index (see share_unknown).</source>
            <translation>{0} zugeordnete Kinder wohnen in Gebieten, deren Index NULL ist; sie zählen bei served, aber nicht bei mean_index (siehe share_unknown).</translation>
        </message>
        <message>
            <source>{0} cell(s) held a missing-value code (MISSING_CODES) and are NULL, flagged in &lt;field&gt;_flag.</source>
            <translation>{0} Zelle(n) enthielten einen Code für fehlende Werte (MISSING_CODES) und sind NULL, gekennzeichnet in &lt;Feld&gt;_flag.</translation>
        </message>
        <message>
            <source>{0} demand features ({1} children) have no facility in '{2}' (NULL or empty): unassigned.</source>
            <translation>{0} Nachfrageobjekte ({1} Kinder) haben keine Einrichtung in '{2}' (NULL oder leer): nicht zugeordnet.</translation>
        </message>
        <message>
            <source>{0} demand features ({1} children) lie outside every district (or have no geometry); {2} of these children are assigned to a facility and count in served, but not in the means.</source>
            <translation>{0} Nachfrageobjekte ({1} Kinder) liegen außerhalb aller Gebiete (oder haben keine Geometrie); {2} dieser Kinder sind einer Einrichtung zugeordnet und zählen bei served, aber nicht bei den Mittelwerten.</translation>
        </message>
        <message>
            <source>{0} demand features ({1} children) name a facility that is not in FACILITIES ({2}): unassigned. Values: {3}.</source>
            <translation>{0} Nachfrageobjekte ({1} Kinder) nennen eine Einrichtung, die nicht in FACILITIES ({2}) vorkommt: nicht zugeordnet. Werte: {3}.</translation>
        </message>
        <message>
            <source>{0} demand features ({1} children) not assigned: status '{2}'.</source>
            <translation>{0} Nachfrageobjekte ({1} Kinder) nicht zugeordnet: Status '{2}'.</translation>
        </message>
        <message>
            <source>{0} demand features do not occur in OD_TABLE (status '{1}'): no facility is reachable from them.</source>
            <translation>{0} Nachfrageobjekte kommen in der OD_TABLE nicht vor (Status '{1}'): von ihnen ist keine Einrichtung erreichbar.</translation>
        </message>
        <message>
            <source>{0} demand features do not occur in OD_TABLE (status '{1}'): no site is reachable from them.</source>
            <translation>{0} Nachfrageobjekte kommen in der OD_TABLE nicht vor (Status '{1}'): von ihnen ist kein Standort erreichbar.</translation>
        </message>
        <message>
            <source>{0} demand features have no numeric weight in '{1}'; they count 0.</source>
            <translation>{0} Nachfrageobjekte haben kein numerisches Gewicht in '{1}'; sie zählen 0.</translation>
        </message>
        <message>
            <source>{0} demand features lie in no district.</source>
            <translation>{0} Nachfrageobjekte liegen in keinem Gebiet.</translation>
        </message>
        <message>
            <source>{0} demand features reach no facility within MAX_COST (status '{1}').</source>
            <translation>{0} Nachfrageobjekte erreichen innerhalb von MAX_COST keine Einrichtung (Status '{1}').</translation>
        </message>
        <message>
            <source>{0} description/unit row(s) below it skipped</source>
            <translation>{0} Beschreibungs-/Einheitenzeile(n) darunter übersprungen</translation>
        </message>
        <message>
            <source>{0} districts have the key '{1}'; each gets the same table values</source>
            <translation>{0} Gebiete haben den Schlüssel '{1}'; jedes erhält dieselben Tabellenwerte</translation>
        </message>
        <message>
            <source>{0} empty column(s) without a name left out.</source>
            <translation>{0} leere Spalte(n) ohne Namen ausgelassen.</translation>
        </message>
        <message>
            <source>{0} facilities cannot be reached on the network ({1}): {2}</source>
            <translation>{0} Einrichtungen sind über das Netz nicht erreichbar ({1}): {2}</translation>
        </message>
        <message>
            <source>{0} facilities do not occur in OD_TABLE; nobody can reach them: {1}</source>
            <translation>{0} Einrichtungen kommen in der OD_TABLE nicht vor; niemand kann sie erreichen: {1}</translation>
        </message>
        <message>
            <source>{0} facilities have no weighted demand in their catchment (ratio NULL).</source>
            <translation>{0} Einrichtungen haben keine gewichtete Nachfrage im Einzugsbereich (ratio NULL).</translation>
        </message>
        <message>
            <source>{0} facilities lie on network islands (status 'unreachable').</source>
            <translation>{0} Einrichtungen liegen auf Netzinseln (Status 'unreachable').</translation>
        </message>
        <message>
            <source>{0} facilities serve no children and get no index (NULL): {1}.</source>
            <translation>{0} Einrichtungen betreuen keine Kinder und erhalten keinen Index (NULL): {1}.</translation>
        </message>
        <message>
            <source>{0} facilities serve only children in districts without an index and get no index (NULL): {1}.</source>
            <translation>{0} Einrichtungen betreuen nur Kinder aus Gebieten ohne Index und erhalten keinen Index (NULL): {1}.</translation>
        </message>
        <message>
            <source>{0} facilities without coordinates are not on the map: {1}</source>
            <translation>{0} Einrichtungen ohne Koordinaten fehlen auf der Karte: {1}</translation>
        </message>
        <message>
            <source>{0} facilities would be overloaded under nearest assignment: {1}</source>
            <translation>{0} Einrichtungen wären bei Zuordnung zur nächstgelegenen Einrichtung überbelegt: {1}</translation>
        </message>
        <message>
            <source>{0} field '{1}' has the value '{2}' more than once in {3}; the ids must be unique.</source>
            <translation>Das Feld {0} '{1}' hat den Wert '{2}' mehrfach in {3}; die IDs müssen eindeutig sein.</translation>
        </message>
        <message>
            <source>{0} field '{1}' has the value '{2}' twice (features {3} and {4} of {5}); the ids must be unique.</source>
            <translation>{0}: Feld '{1}' enthält den Wert '{2}' doppelt (Objekte {3} und {4} von {5}); die IDs müssen eindeutig sein.</translation>
        </message>
        <message>
            <source>{0} field '{1}' is NULL for feature {2} of {3}; the ids must be unique and not NULL.</source>
            <translation>Das Feld {0} '{1}' ist NULL bei Objekt {2} von {3}; die IDs müssen eindeutig und nicht NULL sein.</translation>
        </message>
        <message>
            <source>{0} field '{1}' is empty for feature {2} of {3}.</source>
            <translation>{0}: Feld '{1}' ist bei Objekt {2} von {3} leer.</translation>
        </message>
        <message>
            <source>{0} heading row(s) between the data rows skipped (they are not districts): {1}.</source>
            <translation>{0} Überschriftenzeile(n) zwischen den Datenzeilen übersprungen (sie sind keine Gebiete): {1}.</translation>
        </message>
        <message>
            <source>{0} heading row(s) between the data skipped</source>
            <translation>{0} Überschriftenzeile(n) zwischen den Daten übersprungen</translation>
        </message>
        <message>
            <source>{0} in {1} cell(s) kept as a number: the column has other values in that range (from {2} to {3})</source>
            <translation>{0} in {1} Zelle(n) als Zahl behalten: die Spalte hat andere Werte in diesem Bereich (von {2} bis {3})</translation>
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
            <source>{0} is UTF-8, but {1} line(s) are not (lines {2}); they were read as Windows-1252. Check the names in these lines.</source>
            <translation>{0} ist UTF-8, aber {1} Zeile(n) nicht (Zeilen {2}); sie wurden als Windows-1252 gelesen. Bitte die Namen in diesen Zeilen prüfen.</translation>
        </message>
        <message>
            <source>{0} is neither a layer nor a point 'x,y [EPSG:code]': {1}</source>
            <translation>{0} ist weder ein Layer noch ein Punkt „x,y [EPSG:Code]“: {1}</translation>
        </message>
        <message>
            <source>{0} is not valid JSON: {1}</source>
            <translation>{0} ist kein gültiges JSON: {1}</translation>
        </message>
        <message>
            <source>{0} key(s) are shared by several districts (each gets the same table values): {1}</source>
            <translation>{0} Schlüssel gehören zu mehreren Gebieten (jedes erhält dieselben Tabellenwerte): {1}</translation>
        </message>
        <message>
            <source>{0} missing-value code(s) read as NULL</source>
            <translation>{0} Code(s) für fehlende Werte als NULL gelesen</translation>
        </message>
        <message>
            <source>{0} more</source>
            <translation>{0} weitere</translation>
        </message>
        <message>
            <source>{0} network features without usable geometry were skipped.</source>
            <translation>{0} Netzobjekte ohne nutzbare Geometrie wurden übersprungen.</translation>
        </message>
        <message>
            <source>{0} note line(s) below the data skipped</source>
            <translation>{0} Anmerkungszeile(n) unter den Daten übersprungen</translation>
        </message>
        <message>
            <source>{0} of the areas left out were named by the expression {1}.</source>
            <translation>{0} der ausgelassenen Gebiete wurden durch den Ausdruck {1} bestimmt.</translation>
        </message>
        <message>
            <source>{0} of {1}</source>
            <translation>{0} von {1}</translation>
        </message>
        <message>
            <source>{0} of {1} demand features assigned; total assigned demand {2:g}; cost unit {3}.</source>
            <translation>{0} von {1} Nachfrageobjekten zugeordnet; zugeordnete Nachfrage insgesamt {2:g}; Kosteneinheit {3}.</translation>
        </message>
        <message>
            <source>{0} of {1} districts get a page.</source>
            <translation>{0} von {1} Ortsteilen erhalten eine Seite.</translation>
        </message>
        <message>
            <source>{0} of {1} districts joined.</source>
            <translation>{0} von {1} Gebieten verknüpft.</translation>
        </message>
        <message>
            <source>{0} of {1} districts matched a table row.</source>
            <translation>{0} von {1} Gebieten haben eine passende Tabellenzeile.</translation>
        </message>
        <message>
            <source>{0} of {1} districts matched · {2} districts without a table row · {3} table keys without a district</source>
            <translation>{0} von {1} Gebieten zugeordnet · {2} Gebiete ohne Tabellenzeile · {3} Tabellenschlüssel ohne Gebiet</translation>
        </message>
        <message>
            <source>{0} of {1} does not keep distances at the data ({2}); not used for distances.</source>
            <translation>{0} von {1} ist bei den Daten nicht längentreu ({2}); für Entfernungen nicht verwendet.</translation>
        </message>
        <message>
            <source>{0} of {1} facilities serve the target group.</source>
            <translation>{0} von {1} Einrichtungen bedienen die Zielgruppe.</translation>
        </message>
        <message>
            <source>{0} of {1} offers shown</source>
            <translation>{0} von {1} Angeboten angezeigt</translation>
        </message>
        <message>
            <source>{0} offer(s) found for {1} origin(s).</source>
            <translation>{0} Angebot(e) für {1} Ausgangspunkt(e) gefunden.</translation>
        </message>
        <message>
            <source>{0} offers · filter by life phase, carrier and type</source>
            <translation>{0} Angebote · Filter nach Lebensphase, Träger und Art</translation>
        </message>
        <message>
            <source>{0} origin(s) without a reachable offer (status {1}): {2}</source>
            <translation>{0} Ausgangspunkt(e) ohne erreichbares Angebot (Status {1}): {2}</translation>
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
            <source>{0} point(s) have no weight value (NULL); they weigh 0.</source>
            <translation>{0} Punkt(e) haben keinen Gewichtswert (NULL); sie zählen 0.</translation>
        </message>
        <message>
            <source>{0} point(s) lie outside every district and are not counted.</source>
            <translation>{0} Punkt(e) liegen außerhalb aller Gebiete und werden nicht gezählt.</translation>
        </message>
        <message>
            <source>{0} profile pages written to {1}</source>
            <translation>{0} Profilseiten geschrieben: {1}</translation>
        </message>
        <message>
            <source>{0} rows; {1} total/pseudo rows left out; {2} symbols; {3} cells that are not numbers; {4} duplicate keys.</source>
            <translation>{0} Zeilen; {1} Summen-/Pseudozeilen ausgelassen; {2} Zeichen; {3} Zellen ohne Zahl; {4} doppelte Schlüssel.</translation>
        </message>
        <message>
            <source>{0} sites cannot be reached on the network ({1}): {2}</source>
            <translation>{0} Standorte sind über das Netz nicht erreichbar ({1}): {2}</translation>
        </message>
        <message>
            <source>{0} sites do not occur in OD_TABLE; nobody can reach them: {1}</source>
            <translation>{0} Standorte kommen in der OD_TABLE nicht vor; niemand kann sie erreichen: {1}</translation>
        </message>
        <message>
            <source>{0} source district(s) do not overlap any target district; their values are not moved.</source>
            <translation>{0} Quellgebiet(e) überschneiden sich mit keinem Zielgebiet; ihre Werte werden nicht übertragen.</translation>
        </message>
        <message>
            <source>{0} types; mean silhouette {1} (1 = clearly separated, 0 = overlapping).</source>
            <translation>{0} Typen; mittlerer Silhouettenwert {1} (1 = klar getrennt, 0 = überlappend).</translation>
        </message>
        <message>
            <source>{0} units raised to the minimum, {1} units cut to the maximum.</source>
            <translation>{0} Einheiten auf den Mindestbetrag angehoben, {1} Einheiten auf den Höchstbetrag gekürzt.</translation>
        </message>
        <message>
            <source>{0} {1}</source>
            <translation>{0} {1}</translation>
        </message>
        <message>
            <source>{0} {1} repeats indicator '{2}' for key '{3}'; the first row is used</source>
            <translation>{0} {1} wiederholt den Indikator '{2}' für den Schlüssel '{3}'; die erste Zeile wird verwendet</translation>
        </message>
        <message>
            <source>{0} {1} repeats key '{2}' of {0} {3}; the first row is used</source>
            <translation>{0} {1} wiederholt den Schlüssel '{2}' aus {0} {3}; die erste Zeile wird verwendet</translation>
        </message>
        <message>
            <source>{0} {1}: '{2}' in the year column '{3}' is not a year.</source>
            <translation>{0} {1}: '{2}' in der Jahresspalte '{3}' ist kein Jahr.</translation>
        </message>
        <message>
            <source>{0} {1}: '{2}' is a heading between data rows, skipped</source>
            <translation>{0} {1}: '{2}' ist eine Überschrift zwischen Datenzeilen, übersprungen</translation>
        </message>
        <message>
            <source>{0} {1}: '{2}' is a total or pseudo row, left out</source>
            <translation>{0} {1}: '{2}' ist eine Summen- oder Pseudozeile, ausgelassen</translation>
        </message>
        <message>
            <source>{0} {1}: no indicator name, row left out</source>
            <translation>{0} {1}: kein Indikatorname, Zeile ausgelassen</translation>
        </message>
        <message>
            <source>{0} {1}: no key, row left out</source>
            <translation>{0} {1}: kein Schlüssel, Zeile ausgelassen</translation>
        </message>
        <message>
            <source>{0} {1}: {2}</source>
            <translation>{0} {1}: {2}</translation>
        </message>
        <message>
            <source>{0} {1}: {2} is a missing-value code: NULL</source>
            <translation>{0} {1}: {2} ist ein Code für fehlende Werte: NULL</translation>
        </message>
        <message>
            <source>{0}, line {1}: '{2}' is not a GTFS time (HH:MM:SS); {3} such values.</source>
            <translation>{0}, Zeile {1}: '{2}' ist keine GTFS-Zeit (HH:MM:SS); {3} solche Werte.</translation>
        </message>
        <message>
            <source>{0}, line {1}: not a readable CSV line ({2}).</source>
            <translation>{0}, Zeile {1}: keine lesbare CSV-Zeile ({2}).</translation>
        </message>
        <message>
            <source>{0}: '{1}' is not a number. Give a list such as 500,1000,1500.</source>
            <translation>{0}: '{1}' ist keine Zahl. Bitte eine Liste wie 500,1000,1500 angeben.</translation>
        </message>
        <message>
            <source>{0}: '{1}' is not a time of day; write it as HH:MM, e.g. 07:00.</source>
            <translation>{0}: '{1}' ist keine Uhrzeit; bitte als HH:MM schreiben, z. B. 07:00.</translation>
        </message>
        <message>
            <source>{0}: '{1}' is to be weighted by population, but the layer has no population field ({2}); name the denominator field instead.</source>
            <translation>{0}: „{1}“ soll mit der Einwohnerzahl gewichtet werden, aber der Layer hat kein Einwohnerfeld ({2}); geben Sie stattdessen das Nennerfeld an.</translation>
        </message>
        <message>
            <source>{0}: every threshold must be greater than 0 (got {1}).</source>
            <translation>{0}: Jeder Schwellenwert muss größer als 0 sein (angegeben: {1}).</translation>
        </message>
        <message>
            <source>{0}: field '{1}' of layer {2} is used (found by its name).</source>
            <translation>{0}: Feld '{1}' des Layers {2} wird verwendet (am Namen erkannt).</translation>
        </message>
        <message>
            <source>{0}: give at least one threshold, e.g. 500,1000,1500.</source>
            <translation>{0}: Bitte mindestens einen Schwellenwert angeben, z. B. 500,1000,1500.</translation>
        </message>
        <message>
            <source>{0}: give the point's CRS, e.g. '400000,5700000 [EPSG:25833]'.</source>
            <translation>{0}: Geben Sie das KBS des Punkts an, z. B. „400000,5700000 [EPSG:25833]“.</translation>
        </message>
        <message>
            <source>{0}: layer {1} has no field '{2}'; not used.</source>
            <translation>{0}: Layer {1} hat kein Feld „{2}“; wird nicht verwendet.</translation>
        </message>
        <message>
            <source>{0}: sum in SOURCE {1:.6g}, in TARGET {2:.6g}.</source>
            <translation>{0}: Summe in SOURCE {1:.6g}, in TARGET {2:.6g}.</translation>
        </message>
        <message>
            <source>{0}: the life-phase mapping cannot be read: {1}</source>
            <translation>{0}: Die Zuordnung der Lebensphasen ist nicht lesbar: {1}</translation>
        </message>
        <message>
            <source>{0}: {1:g} could not be placed (source districts without weight).</source>
            <translation>{0}: {1:g} konnte nicht verteilt werden (Quellgebiete ohne Gewicht).</translation>
        </message>
        <message>
            <source>{0}: {1}</source>
            <translation>{0}: {1}</translation>
        </message>
        <message>
            <source>{0}: {1} (see OUTPUT_REPORT).</source>
            <translation>{0}: {1} (siehe OUTPUT_REPORT).</translation>
        </message>
        <message>
            <source>{0}: {1} = {2:g} lies outside 0-100, but {1} looks like a share in %.</source>
            <translation>{0}: {1} = {2:g} liegt außerhalb von 0–100, aber {1} sieht nach einem Anteil in % aus.</translation>
        </message>
        <message>
            <source>{0}: {1} = {2:g} looks like a missing-value code, not a value. Make it NULL (joinsocialdata MISSING_CODES) or leave the area out (EXCLUDE).</source>
            <translation>{0}: {1} = {2:g} sieht nach einem Code für fehlende Werte aus, nicht nach einem Wert. Machen Sie ihn zu NULL (joinsocialdata MISSING_CODES) oder lassen Sie das Gebiet aus (EXCLUDE).</translation>
        </message>
        <message>
            <source>{0}: {1} demand features (weight {2:g}), {3} existing facilities, {4} candidates, P = {5}, {6} usable pairs.</source>
            <translation>{0}: {1} Nachfrageobjekte (Gewicht {2:g}), {3} bestehende Einrichtungen, {4} Kandidaten, P = {5}, {6} nutzbare Paare.</translation>
        </message>
        <message>
            <source>{0}: {1} feature(s) without a usable geometry were skipped (feature ids {2}).</source>
            <translation>{0}: {1} Objekt(e) ohne brauchbare Geometrie wurden übersprungen (Objekt-IDs {2}).</translation>
        </message>
        <message>
            <source>{0}: {1} features are farther than {2} m from the network (status 'off_network').</source>
            <translation>{0}: {1} Objekte liegen weiter als {2} m vom Netz entfernt (Status 'off_network').</translation>
        </message>
        <message>
            <source>{0}: {1} features have no geometry (status 'no_geometry').</source>
            <translation>{0}: {1} Objekte haben keine Geometrie (Status 'no_geometry').</translation>
        </message>
        <message>
            <source>{0}: {1} invalid polygon(s) were made valid (feature ids {2}).</source>
            <translation>{0}: {1} ungültige(s) Polygon(e) wurden repariert (Objekt-IDs {2}).</translation>
        </message>
        <message>
            <source>{0}: {1} row(s) of {2} left out: {3}: rows {4}</source>
            <translation>{0}: {1} Zeile(n) von {2} ausgelassen: {3}: Zeilen {4}</translation>
        </message>
        <message>
            <source>{0}: {1} source value(s) missing; they stay missing.</source>
            <translation>{0}: {1} Quellwert(e) fehlen; sie bleiben leer.</translation>
        </message>
        <message>
            <source>{0}: {1} units, {2} heads, {3} euros ({4} per head).</source>
            <translation>{0}: {1} Einheiten, {2} Köpfe, {3} Euro ({4} pro Kopf).</translation>
        </message>
        <message>
            <source>Ø plain mean of the districts</source>
            <translation>Ø einfaches Mittel der Ortsteile</translation>
        </message>
        <message>
            <source>… and {0} more</source>
            <translation>… und {0} weitere</translation>
        </message>
    </context>
    <context>
        <name>JoinDialog</name>
        <message>
            <source>All years side by side</source>
            <translation>Alle Jahre nebeneinander</translation>
        </message>
        <message>
            <source>Column row</source>
            <translation>Spaltenzeile</translation>
        </message>
        <message>
            <source>Columns to join (double-click a name to rename it)</source>
            <translation>Anzuhängende Spalten (Doppelklick auf einen Namen zum Umbenennen)</translation>
        </message>
        <message>
            <source>Decimal sign</source>
            <translation>Dezimalzeichen</translation>
        </message>
        <message>
            <source>Delimiter</source>
            <translation>Trennzeichen</translation>
        </message>
        <message>
            <source>District layer</source>
            <translation>Gebietslayer</translation>
        </message>
        <message>
            <source>Districts</source>
            <translation>Gebiete</translation>
        </message>
        <message>
            <source>Encoding</source>
            <translation>Kodierung</translation>
        </message>
        <message>
            <source>File</source>
            <translation>Datei</translation>
        </message>
        <message>
            <source>Join social data (Sozialdaten verknüpfen)</source>
            <translation>Sozialdaten verknüpfen</translation>
        </message>
        <message>
            <source>Key column</source>
            <translation>Schlüsselspalte</translation>
        </message>
        <message>
            <source>Key field</source>
            <translation>Schlüsselfeld</translation>
        </message>
        <message>
            <source>Key width</source>
            <translation>Schlüssellänge</translation>
        </message>
        <message>
            <source>Layer</source>
            <translation>Layer</translation>
        </message>
        <message>
            <source>Missing codes</source>
            <translation>Fehlwert-Codes</translation>
        </message>
        <message>
            <source>Preview of the parsed table</source>
            <translation>Vorschau der eingelesenen Tabelle</translation>
        </message>
        <message>
            <source>Result</source>
            <translation>Ergebnis</translation>
        </message>
        <message>
            <source>Save to (empty = temporary layer)</source>
            <translation>Speichern unter (leer = temporärer Layer)</translation>
        </message>
        <message>
            <source>Sheet</source>
            <translation>Tabellenblatt</translation>
        </message>
        <message>
            <source>Table</source>
            <translation>Tabelle</translation>
        </message>
        <message>
            <source>Year</source>
            <translation>Jahr</translation>
        </message>
        <message>
            <source>Year column</source>
            <translation>Jahresspalte</translation>
        </message>
        <message>
            <source>as is</source>
            <translation>unverändert</translation>
        </message>
    </context>
</TS>
