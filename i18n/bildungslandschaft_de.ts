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
            <source>Access deficit</source>
            <translation>Erreichbarkeitsdefizit</translation>
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
            <source>Allocated {0} of {1} euros.</source>
            <translation>{0} von {1} Euro verteilt.</translation>
        </message>
        <message>
            <source>Allocation</source>
            <translation>Mittelverteilung</translation>
        </message>
        <message>
            <source>Allocation report</source>
            <translation>Bericht zur Mittelverteilung</translation>
        </message>
        <message>
            <source>Areas (polygon layer or table)</source>
            <translation>Gebiete (Polygonlayer oder Tabelle)</translation>
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
            <source>Attributes shown in the popup besides name, type, carrier and life phases.</source>
            <translation>Attribute, die im Popup zusätzlich zu Name, Art, Träger und Lebensphasen erscheinen.</translation>
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
            <source>Base share (0-1)</source>
            <translation>Sockelanteil (0–1)</translation>
        </message>
        <message>
            <source>Berlin classes (-1, 1, 1.5)</source>
            <translation>Berliner Klassen (−1, 1, 1,5)</translation>
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
            <source>Budget (euros)</source>
            <translation>Budget (Euro)</translation>
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
            <source>Choose the DEFICIT field.</source>
            <translation>Bitte das Feld DEFICIT wählen.</translation>
        </message>
        <message>
            <source>Choose the TARGET_POPULATION and NEED fields.</source>
            <translation>Bitte die Felder TARGET_POPULATION und NEED wählen.</translation>
        </message>
        <message>
            <source>Class {0} ({1}): {2} areas.</source>
            <translation>Klasse {0} ({1}): {2} Gebiete.</translation>
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
            <source>Condenses small-area social indicators into one social index, by default exactly as Berlin's Monitoring Soziale Stadtentwicklung: areas below the population minimum are left out; each indicator is standardised over the remaining areas (z-score with the population standard deviation), indicators where a high value means less burden change sign, the weighted sum of the z-scores is standardised again. A high index means high social burden. Classes: 1 high status (index &lt; -1), 2 medium (-1 to 1), 3 low (above 1 up to 1.5), 4 very low (above 1.5). With the indicators of two years earlier, the dynamic index on the changes gives the classes positive / stable / negative and the 12 groups of status and dynamics. Alternatives: min-max scaling, first principal component; quantile, natural-breaks (Jenks) or equal-interval classes. Output fields: z_&lt;indicator&gt;, status_sum, index, index_class, index_label, rank (1 = highest index), dyn_index, dyn_class, group, excluded (reason).</source>
            <translation>Verdichtet kleinräumige Sozialindikatoren zu einem Sozialindex, standardmäßig genau wie das Berliner Monitoring Soziale Stadtentwicklung: Gebiete unter der Mindesteinwohnerzahl bleiben unberücksichtigt; jeder Indikator wird über die übrigen Gebiete standardisiert (z-Wert mit der Standardabweichung der Grundgesamtheit), Indikatoren, bei denen ein hoher Wert weniger Belastung bedeutet, wechseln das Vorzeichen, und die gewichtete Summe der z-Werte wird erneut standardisiert. Ein hoher Index bedeutet hohe soziale Belastung. Klassen: 1 hoher Status (Index &lt; −1), 2 mittlerer (−1 bis 1), 3 niedriger (über 1 bis 1,5), 4 sehr niedriger Status (über 1,5). Mit den Indikatoren von vor zwei Jahren ergibt der Dynamikindex auf den Veränderungen die Klassen positiv / stabil / negativ und die 12 Gruppen aus Status und Dynamik. Alternativen: Min-Max-Skalierung, erste Hauptkomponente; Quantile, natürliche Unterbrechungen (Jenks) oder gleiche Intervalle. Ausgabefelder: z_&lt;Indikator&gt;, status_sum, index, index_class, index_label, rank (1 = höchster Index), dyn_index, dyn_class, group, excluded (Grund).</translation>
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
            <source>Could not write feature {0} to OUTPUT.</source>
            <translation>Objekt {0} konnte nicht in OUTPUT geschrieben werden.</translation>
        </message>
        <message>
            <source>Could not write the web map to {0}: {1}</source>
            <translation>Die Webkarte konnte nicht nach {0} geschrieben werden: {1}</translation>
        </message>
        <message>
            <source>Cut the deficit into three classes by its terciles or by the two THRESHOLDS.</source>
            <translation>Das Defizit nach Terzilen oder nach den zwei Schwellenwerten (THRESHOLDS) in drei Klassen einteilen.</translation>
        </message>
        <message>
            <source>Data preparation</source>
            <translation>Datenaufbereitung</translation>
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
            <source>District typology (Gebietstypisierung)</source>
            <translation>Gebietstypisierung</translation>
        </message>
        <message>
            <source>Districts</source>
            <translation>Ortsteile</translation>
        </message>
        <message>
            <source>Districts (Ortsteile, Planungsräume) with one row per area, or a table without geometry.</source>
            <translation>Gebiete (Ortsteile, Planungsräume) mit einer Zeile je Gebiet oder eine Tabelle ohne Geometrie.</translation>
        </message>
        <message>
            <source>Districts or facilities</source>
            <translation>Gebiete oder Einrichtungen</translation>
        </message>
        <message>
            <source>Districts with a social-index class and an access-deficit field.</source>
            <translation>Gebiete mit einer Sozialindexklasse und einem Feld für das Erreichbarkeitsdefizit.</translation>
        </message>
        <message>
            <source>Districts with cooperation counts</source>
            <translation>Ortsteile mit Kooperationszahlen</translation>
        </message>
        <message>
            <source>Districts with the indicator fields.</source>
            <translation>Gebiete mit den Indikatorfeldern.</translation>
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
            <source>Every unit gets at least this amount (0 = no minimum).</source>
            <translation>Jede Einheit erhält mindestens diesen Betrag (0 = kein Mindestbetrag).</translation>
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
            <source>Finds the districts where social burden and poor access to education coincide. The access deficit (e.g. the share of children 6-9 living beyond 1000 m of a primary school, from the accessibility algorithm; higher = worse) is cut into three classes, by terciles or by two thresholds (a value equal to a threshold belongs to the lower class). The matrix of the social-index class (1 high status ... 4 very low status) and the deficit class (1 low ... 3 high) gives the priority: priority = 5 - (index class - 1) - (deficit class - 1), limited to 1..4. Priority 1 (highest) flags a Schwerpunktraum. Output fields: deficit_class, priority, priority_label, schwerpunktraum (1/0), priority_note (why a district has no priority).</source>
            <translation>Findet die Gebiete, in denen soziale Belastung und schlechte Erreichbarkeit von Bildungsangeboten zusammentreffen. Das Erreichbarkeitsdefizit (z. B. der Anteil der 6- bis 9-Jährigen, die weiter als 1000 m von einer Grundschule entfernt wohnen, aus dem Erreichbarkeitsalgorithmus; höher = schlechter) wird nach Terzilen oder zwei Schwellenwerten in drei Klassen eingeteilt (ein Wert gleich einem Schwellenwert gehört zur unteren Klasse). Die Matrix aus Sozialindexklasse (1 hoher Status … 4 sehr niedriger Status) und Defizitklasse (1 gering … 3 hoch) ergibt die Priorität: Priorität = 5 − (Indexklasse − 1) − (Defizitklasse − 1), begrenzt auf 1 bis 4. Priorität 1 (höchste) kennzeichnet einen Schwerpunktraum. Ausgabefelder: deficit_class, priority, priority_label, schwerpunktraum (1/0), priority_note (warum ein Gebiet keine Priorität hat).</translation>
        </message>
        <message>
            <source>For quantiles, natural breaks and equal intervals; the Berlin classes are always 4.</source>
            <translation>Für Quantile, natürliche Unterbrechungen und gleiche Intervalle; die Berliner Klassen sind immer 4.</translation>
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
            <source>INDICATORS lists a field twice.</source>
            <translation>INDICATORS enthält ein Feld doppelt.</translation>
        </message>
        <message>
            <source>INDICATORS: choose at least one indicator field.</source>
            <translation>INDICATORS: Bitte mindestens ein Indikatorfeld wählen.</translation>
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
            <source>Indicator '{0}' has the same value ({1}) in every included area (standard deviation 0); it cannot be standardised. Remove it from INDICATORS.</source>
            <translation>Der Indikator „{0}“ hat in allen einbezogenen Gebieten denselben Wert ({1}) (Standardabweichung 0) und kann nicht standardisiert werden. Bitte aus INDICATORS entfernen.</translation>
        </message>
        <message>
            <source>Indicators</source>
            <translation>Indikatoren</translation>
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
            <source>Largest K to try</source>
            <translation>Größtes zu prüfendes K</translation>
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
            <source>Left out: {0}: {1}.</source>
            <translation>Nicht berücksichtigt: {0}: {1}.</translation>
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
            <source>MIN_AMOUNT ({0}) is larger than MAX_AMOUNT ({1}).</source>
            <translation>MIN_AMOUNT ({0}) ist größer als MAX_AMOUNT ({1}).</translation>
        </message>
        <message>
            <source>Maps and reports</source>
            <translation>Karten und Berichte</translation>
        </message>
        <message>
            <source>Maximum per unit (euros)</source>
            <translation>Höchstbetrag je Einheit (Euro)</translation>
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
            <source>Minimum per unit (euros)</source>
            <translation>Mindestbetrag je Einheit (Euro)</translation>
        </message>
        <message>
            <source>Minimum population</source>
            <translation>Mindesteinwohnerzahl</translation>
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
            <source>Need (index class or index)</source>
            <translation>Bedarf (Indexklasse oder Index)</translation>
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
            <source>No POPULATION field: no area is left out for its size.</source>
            <translation>Kein Feld POPULATION: Kein Gebiet wird wegen seiner Größe ausgelassen.</translation>
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
            <source>No priority for {0}: missing value: {1}.</source>
            <translation>Keine Priorität für {0}: fehlender Wert: {1}.</translation>
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
            <source>Number of classes</source>
            <translation>Anzahl der Klassen</translation>
        </message>
        <message>
            <source>Number of types K (0 = choose by silhouette)</source>
            <translation>Anzahl der Typen K (0 = nach Silhouette wählen)</translation>
        </message>
        <message>
            <source>Numeric deficit, higher = worse access (e.g. share of children beyond 1000 m of a school).</source>
            <translation>Numerisches Defizit, höher = schlechtere Erreichbarkeit (z. B. Anteil der Kinder weiter als 1000 m von einer Schule).</translation>
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
            <source>One line per partnership between the two institutions.</source>
            <translation>Eine Linie je Kooperation zwischen den beiden Einrichtungen.</translation>
        </message>
        <message>
            <source>One row per need class and a total row.</source>
            <translation>Eine Zeile je Bedarfsklasse und eine Summenzeile.</translation>
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
            <source>Optional district polygons (e.g. ortsteile). Institutions are assigned to the district they lie in; enables OUTPUT_DISTRICTS.</source>
            <translation>Optionale Ortsteilflächen (z. B. ortsteile). Einrichtungen werden dem Ortsteil zugeordnet, in dem sie liegen; ermöglicht OUTPUT_DISTRICTS.</translation>
        </message>
        <message>
            <source>Optional weights, e.g. 'sgb2_quote:2;kinderarmut:1'. Indicators not named get weight 1.</source>
            <translation>Optionale Gewichte, z. B. „sgb2_quote:2;kinderarmut:1“. Nicht genannte Indikatoren erhalten das Gewicht 1.</translation>
        </message>
        <message>
            <source>PREVIOUS_INDICATORS must list the same number of fields as INDICATORS ({0}), in the same order; {1} given.</source>
            <translation>PREVIOUS_INDICATORS muss ebenso viele Felder wie INDICATORS ({0}) in derselben Reihenfolge enthalten; angegeben: {1}.</translation>
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
            <source>Population</source>
            <translation>Einwohner</translation>
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
            <source>Random seed</source>
            <translation>Zufallsstartwert</translation>
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
            <source>Residents per area; areas below the minimum are left out of the standardisation.</source>
            <translation>Einwohner je Gebiet; Gebiete unter dem Mindestwert bleiben bei der Standardisierung unberücksichtigt.</translation>
        </message>
        <message>
            <source>Residents per area; areas below the minimum are left out.</source>
            <translation>Einwohner je Gebiet; Gebiete unter dem Mindestwert bleiben unberücksichtigt.</translation>
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
            <source>Schwerpunkträume: districts with {0} or {1} status and a high deficit, or {1} status and a medium deficit.</source>
            <translation>Schwerpunkträume: Gebiete mit Status „{0}“ oder „{1}“ und hohem Defizit oder mit Status „{1}“ und mittlerem Defizit.</translation>
        </message>
        <message>
            <source>Search by name</source>
            <translation>Suche nach Name</translation>
        </message>
        <message>
            <source>Seed of the k-means++ start; a fixed seed makes the result reproducible.</source>
            <translation>Startwert für den k-Means++-Start; ein fester Startwert macht das Ergebnis reproduzierbar.</translation>
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
            <source>Smallest K to try</source>
            <translation>Kleinstes zu prüfendes K</translation>
        </message>
        <message>
            <source>Social index</source>
            <translation>Sozialindex</translation>
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
            <source>Splits a budget over districts or facilities by need. BASE_SHARE of the budget is split per head of the target population regardless of need; the rest is split by supplement-weighted heads (heads x supplement of the unit's need class from FACTORS, e.g. 1:0;2:0.25;3:0.5;4:1; with an empty FACTORS the NEED value itself is the supplement). MIN_AMOUNT and MAX_AMOUNT limit every unit: units beyond a limit are set to it and the rest is shared proportionally among the others (repeated until no unit violates a limit). Amounts are whole euros by the largest-remainder method, so they add up exactly to the budget. Output fields: supplement, base_amount, need_amount, amount, per_head, limit; REPORT: one row per need class and the total.</source>
            <translation>Verteilt ein Budget bedarfsorientiert auf Gebiete oder Einrichtungen. Der Sockelanteil BASE_SHARE wird unabhängig vom Bedarf pro Kopf der Zielgruppe verteilt, der Rest nach zuschlagsgewichteten Köpfen (Köpfe × Zuschlag der Bedarfsklasse aus FACTORS, z. B. 1:0;2:0.25;3:0.5;4:1; bei leerem FACTORS ist der NEED-Wert selbst der Zuschlag). MIN_AMOUNT und MAX_AMOUNT begrenzen jede Einheit: Einheiten jenseits einer Grenze werden auf diese gesetzt, der Rest wird anteilig auf die übrigen verteilt (wiederholt, bis keine Einheit mehr eine Grenze verletzt). Die Beträge sind ganze Euro nach dem Verfahren der größten Reste (Hare-Niemeyer) und ergeben genau das Budget. Ausgabefelder: supplement, base_amount, need_amount, amount, per_head, limit; REPORT: eine Zeile je Bedarfsklasse und die Summe.</translation>
        </message>
        <message>
            <source>Subset of the indicators whose sign is flipped (e.g. a share of pupils with a Gymnasium recommendation).</source>
            <translation>Teilmenge der Indikatoren, deren Vorzeichen umgekehrt wird (z. B. Anteil der Kinder mit Gymnasialempfehlung).</translation>
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
            <source>Table of partnerships, one row per partnership (e.g. kooperationen.csv).</source>
            <translation>Tabelle der Kooperationen, eine Zeile je Kooperation (z. B. kooperationen.csv).</translation>
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
            <source>The budget of {0} euros cannot give every one of the {1} units the minimum of {2} euros (that needs {3} euros). Lower MIN_AMOUNT or raise BUDGET.</source>
            <translation>Das Budget von {0} Euro reicht nicht, um jeder der {1} Einheiten den Mindestbetrag von {2} Euro zu geben (dafür sind {3} Euro nötig). Bitte MIN_AMOUNT senken oder BUDGET erhöhen.</translation>
        </message>
        <message>
            <source>The component, computed from the z-scores, explains {0} % of their variance; its scores were standardised to mean 0 and standard deviation 1 and oriented so that higher values mean more burden.</source>
            <translation>Die aus den z-Werten berechnete Komponente erklärt {0} % ihrer Varianz; ihre Werte wurden auf Mittelwert 0 und Standardabweichung 1 standardisiert und so ausgerichtet, dass höhere Werte mehr Belastung bedeuten.</translation>
        </message>
        <message>
            <source>The direction of {0} was reversed, because high values there mean less burden.</source>
            <translation>Bei {0} wurde die Richtung umgekehrt, weil hohe Werte dort weniger Belastung bedeuten.</translation>
        </message>
        <message>
            <source>The districts with deficit class, priority and the Schwerpunktraum flag.</source>
            <translation>Die Gebiete mit Defizitklasse, Priorität und Kennzeichen Schwerpunktraum.</translation>
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
            <source>The input field '{0}' is replaced by the new result field of the same name.</source>
            <translation>Das Eingabefeld „{0}“ wird durch das neue gleichnamige Ergebnisfeld ersetzt.</translation>
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
            <source>The need value in {0} is missing or negative ({1}); with an empty FACTORS the NEED field itself is the supplement and must be zero or positive.</source>
            <translation>Der Bedarfswert bei {0} fehlt oder ist negativ ({1}); bei leerem FACTORS ist das Feld NEED selbst der Zuschlag und muss null oder positiv sein.</translation>
        </message>
        <message>
            <source>The number of clusters; 0 chooses it by the largest mean silhouette.</source>
            <translation>Die Zahl der Cluster; 0 wählt sie nach dem größten mittleren Silhouettenwert.</translation>
        </message>
        <message>
            <source>The same indicators two years earlier, in the same order; gives the dynamic index, its classes and the 12 groups.</source>
            <translation>Dieselben Indikatoren zwei Jahre zuvor in derselben Reihenfolge; ergibt den Dynamikindex, seine Klassen und die 12 Gruppen.</translation>
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
            <source>The target population is 0 in every unit; nothing can be split per head.</source>
            <translation>Die Zielgruppe ist in allen Einheiten 0; pro Kopf kann nichts verteilt werden.</translation>
        </message>
        <message>
            <source>The target population is missing (NULL) in {0}.</source>
            <translation>Die Zielgruppe fehlt (NULL) bei {0}.</translation>
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
            <source>The {0} is the same for every included area (the indicators cancel each other out); no index can be computed. Check INDICATORS, NEGATIVE and WEIGHTS.</source>
            <translation>Die {0} ist in allen einbezogenen Gebieten gleich (die Indikatoren heben sich gegenseitig auf); es kann kein Index berechnet werden. Bitte INDICATORS, NEGATIVE und WEIGHTS prüfen.</translation>
        </message>
        <message>
            <source>Thresholds (low;high)</source>
            <translation>Schwellenwerte (gering;hoch)</translation>
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
            <source>Unique id of each institution; the partnership table refers to it (compared as text).</source>
            <translation>Eindeutige Kennung jeder Einrichtung; die Kooperationstabelle verweist darauf (als Text verglichen).</translation>
        </message>
        <message>
            <source>Unique id; the partnership links refer to it.</source>
            <translation>Eindeutige Kennung; die Kooperationslinien verweisen darauf.</translation>
        </message>
        <message>
            <source>Used when K = 0.</source>
            <translation>Wird bei K = 0 verwendet.</translation>
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
            <source>Web map</source>
            <translation>Webkarte</translation>
        </message>
        <message>
            <source>Web map with {0} facilities and {1} partnerships written to {2}.</source>
            <translation>Webkarte mit {0} Einrichtungen und {1} Kooperationen nach {2} geschrieben.</translation>
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
            <source>Youth</source>
            <translation>Jugend</translation>
        </message>
        <message>
            <source>an institution linked to itself</source>
            <translation>Einrichtung mit sich selbst verknüpft</translation>
        </message>
        <message>
            <source>class {0} of {1} ({2} to {3})</source>
            <translation>Klasse {0} von {1} ({2} bis {3})</translation>
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
            <source>no dynamic index: missing value two years earlier: {0}</source>
            <translation>kein Dynamikindex: fehlender Wert zwei Jahre zuvor: {0}</translation>
        </message>
        <message>
            <source>no value (left out)</source>
            <translation>kein Wert (nicht berücksichtigt)</translation>
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
            <source>stable</source>
            <translation>stabil</translation>
        </message>
        <message>
            <source>status sum</source>
            <translation>Statussumme</translation>
        </message>
        <message>
            <source>terciles</source>
            <translation>Terzile</translation>
        </message>
        <message>
            <source>thresholds</source>
            <translation>Schwellenwerte</translation>
        </message>
        <message>
            <source>to id is not an institution of FACILITIES</source>
            <translation>Kennung „zu“ ist keine Einrichtung aus FACILITIES</translation>
        </message>
        <message>
            <source>total</source>
            <translation>Summe</translation>
        </message>
        <message>
            <source>type {0}</source>
            <translation>Typ {0}</translation>
        </message>
        <message>
            <source>very low</source>
            <translation>sehr niedrig</translation>
        </message>
        <message>
            <source>z-scores (Berlin monitoring)</source>
            <translation>z-Werte (Berliner Monitoring)</translation>
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
            <source>{0} types; mean silhouette {1} (1 = clearly separated, 0 = overlapping).</source>
            <translation>{0} Typen; mittlerer Silhouettenwert {1} (1 = klar getrennt, 0 = überlappend).</translation>
        </message>
        <message>
            <source>{0} units raised to the minimum, {1} units cut to the maximum.</source>
            <translation>{0} Einheiten auf den Mindestbetrag angehoben, {1} Einheiten auf den Höchstbetrag gekürzt.</translation>
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
        <message>
            <source>{0}: {1} units, {2} heads, {3} euros ({4} per head).</source>
            <translation>{0}: {1} Einheiten, {2} Köpfe, {3} Euro ({4} pro Kopf).</translation>
        </message>
    </context>
</TS>
