"""Name pools of the sample city "Musterstadt" (German, with umlauts)."""

CITY = "Musterstadt"
PUBLIC_CARRIER = "Stadt Musterstadt"

# Stadtbezirke: "Mitte" plus directions, clockwise from north.
SB_MITTE = "Mitte"
SB_DIRECTIONS = ["Nord", "Nordost", "Ost", "Südost", "Süd", "Südwest", "West", "Alt-West", "Nordwest"]

# Ortsteile in Stadtbezirk Mitte are named after their direction from the centre.
DIRECTIONS8 = ["Ost", "Nordost", "Nord", "Nordwest", "West", "Südwest", "Süd", "Südost"]

# The large housing estate (Großwohnsiedlung) in the west.
ESTATE = "Grünau"
ESTATE_PARTS = ["Mitte", "Nord", "Ost", "Süd", "West", "Siedlung"]

ORTSTEILE = [
    "Möckern", "Lößnig", "Gohlis", "Eutritzsch", "Schönefeld", "Mockau", "Thekla", "Paunsdorf",
    "Heiterblick", "Sellerhausen", "Volkmarsdorf", "Anger-Crottendorf", "Reudnitz", "Stötteritz",
    "Probstheida", "Meusdorf", "Connewitz", "Marienbrunn", "Dölitz", "Lindenau", "Plagwitz",
    "Kleinzschocher", "Großzschocher", "Schleußig", "Schönau", "Lausen", "Miltitz", "Böhlitz",
    "Leutzsch", "Wahren", "Lützschena", "Lindenthal", "Seehausen", "Wiederitzsch", "Holzhausen",
    "Mölkau", "Baalsdorf", "Auenviertel", "Mühlberg", "Weißenbrunn", "Rosental", "Schäferei",
    "Kirchberg", "Birkenhöhe", "Fährhaus", "Sonnenhügel", "Tännicht", "Hölzchen", "Grüntal",
    "Hasenwinkel", "Neuhäuser", "Gärtnerviertel", "Bürgerwiese", "Eichwäldchen", "Brückenkopf",
    "Am Mühlgraben", "Steinkötz", "Wüstenmark", "Hopfengarten", "Krähenhügel", "Kleinpösna",
    "Holzweißig", "Rosenau", "Hirschfeld", "Gundorf", "Rückmarsdorf", "Knautkleeberg", "Plaußig",
    "Portitz", "Göbschelwitz",
]

STREET_STEMS = [
    "Linden", "Eichen", "Birken", "Ahorn", "Kastanien", "Goethe", "Schiller", "Lessing", "Herder",
    "Mozart", "Bach", "Händel", "Mendelssohn", "Bahnhof", "Kirch", "Schul", "Markt", "Mühlen",
    "Garten", "Wiesen", "Feld", "Berg", "Brunnen", "Rosen", "Tulpen", "Nelken", "Sonnen", "Post",
    "Rathaus", "Kloster", "Burg", "Schloss", "Wald", "Heide", "Auen", "Ufer", "Brücken", "Hafen",
    "Ziegel", "Hopfen", "Weinberg", "Apfel", "Holunder", "Fröbel", "Käthe-Kollwitz-", "Görlitzer ",
    "Dresdner ", "Hallesche ", "Zwickauer ", "Chemnitzer ", "Plauener ", "Torgauer ", "Wurzener ",
    "Grimmaische ", "Merseburger ", "Delitzscher ", "Gießerei", "Spinnerei", "Weber", "Schmiede",
    "Bäcker", "Böttcher", "Gerber", "Färber", "Müller", "Fischer", "Jäger", "Förster", "Kohlgarten",
    "Löwen", "Schützen", "Turner", "Seume", "Körner", "Fontane", "Uhland", "Hölderlin", "Grün",
    "Teich", "Quellen", "Blüten", "Erlen", "Eschen", "Buchen", "Pappel", "Weiden", "Kiefern",
]
STREET_SUFFIXES = ["straße", "weg", "allee", "gasse", "ring"]

BRIDGES = [
    "Zeppelinbrücke", "Sachsenbrücke", "Elsterbrücke", "Auenbrücke", "Mühlenbrücke", "Stadtbrücke",
    "Könneritzbrücke", "Schleußiger Brücke", "Weiße Brücke", "Fährbrücke", "Grüne Brücke",
    "Luppebrücke", "Pleißebrücke", "Neue Brücke", "Alte Brücke", "Schwanenbrücke",
]

PERSONS = [
    "Goethe", "Schiller", "Lessing", "Humboldt", "Leibniz", "Kepler", "Käthe-Kollwitz",
    "Bertha-von-Suttner", "Erich-Kästner", "Astrid-Lindgren", "Brüder-Grimm", "Heinrich-Heine",
    "Friedrich-Fröbel", "Johann-Sebastian-Bach", "Felix-Mendelssohn", "Georg-Friedrich-Händel",
    "Max-Planck", "Albert-Schweitzer", "Sophie-Scholl", "Marie-Curie", "Anne-Frank", "Wilhelm-Busch",
    "Theodor-Fontane", "Robert-Schumann", "Clara-Schumann", "Hans-Christian-Andersen", "Pestalozzi",
    "Lene-Voigt", "Gottfried-Keller", "Ricarda-Huch", "Louise-Otto-Peters", "Jean-Paul",
]

KITA_WORDS = [
    "Sonnenschein", "Regenbogen", "Pusteblume", "Zwergenland", "Spatzennest", "Wirbelwind",
    "Märchenland", "Kinderinsel", "Löwenzahn", "Glühwürmchen", "Bärenhöhle", "Farbklecks",
    "Sternschnuppe", "Kunterbunt", "Schmetterling", "Sonnenblume", "Waldwichtel", "Flohkiste",
    "Abenteuerland", "Rappelkiste", "Zauberwald", "Traumland", "Fröschlein", "Käferburg",
    "Mäusenest", "Hummelnest", "Rübezahl", "Pünktchen", "Kleine Strolche", "Wiesenzwerge",
    "Apfelbäumchen", "Buntstift", "Seepferdchen", "Tausendfüßler", "Kastanienhaus", "Lindenblüte",
    "Entdeckerhaus", "Weltentdecker", "Sonnenkäfer", "Krümelkiste",
]

YOUTH_WORDS = ["Jugendtreff", "Jugendclub", "Jugendhaus", "Offener Treff"]

SCHOOL_FREE_CARRIERS = ["Freie Schule e.V.", "Evangelische Schulstiftung", "Montessori-Schulverein e.V."]
KITA_FREE_CARRIERS = ["AWO", "Caritas", "Diakonie", "Volkssolidarität", "DRK", "Johanniter",
                      "Elterninitiative Kinderhaus e.V."]
YOUTH_FREE_CARRIERS = ["AWO", "Caritas", "Diakonie", "Volkssolidarität", "Jugendhilfe Musterstadt e.V."]
