/**
 * German lexicon of the theme engine, as data (format in lexicon.ts). The stemmer (Snowball German,
 * @orama/stemmers) and the stop words (stopwords-iso) are maintained packages; what is below is
 * korso's own, written by hand for the things parade answers keep naming.
 */

/**
 * Concepts: a derivation family (zahlen, bezahlen, Bezahlung, Zahlung) plus its synonyms, one concept
 * a line. Families follow German word formation (verb → -ung/-er noun, adjective → -heit/-keit noun,
 * be-/ver-/ge- forms, strong verb forms the stemmer cannot join: empfiehlt/empfehlen, weiß/wissen).
 * Synonyms were chosen by hand from the vocabulary of parade calls ("Mein Wunschkunde ist …", "Was
 * mich glücklich macht", "Warum ich blogge", "What I wish I'd known before going freelance") and
 * checked against the tuning parades in test/fixtures/themes.
 */
export const conceptsDe = `
# money and payment
pay: zahlen bezahlen zahlt bezahlt gezahlt zahle Zahlung Zahlungen Bezahlung zahlend überweisen überweist überwiesen Überweisung begleichen begleicht beglichen Begleichung Zahler Anzahlung Vorkasse
invoice: Rechnung Rechnungen Rechnungsstellung Faktura
reminder: Mahnung Mahnungen mahnen mahnt Zahlungserinnerung
price: Preis Preise Honorar Honorare Stundensatz Stundensätze Tagessatz Zeilenpreis Seitenpreis Gage Vergütung Kosten kostet Cent teuer billig günstig
budget: Budget Budgets Etat Investition Investitionen investieren investiert
haggle: feilschen feilscht Gefeilsche verhandeln verhandelt Verhandlung Rabatt Rabatte Nachlass Preisnachlass Dumping Preisdumping murren
money: Geld Einnahmen Einkommen Umsatz verdienen verdient Werbeeinnahmen finanzieren finanziert Affiliate
fair: fair faire Fairness angemessen angemessene gerecht

# time and reliability
ontime: pünktlich Pünktlichkeit rechtzeitig fristgerecht termingerecht sofort prompt zügig zeitnah umgehend schnell schnelle rasch flott
deadline: Deadline Deadlines Frist Fristen Abgabetermin Liefertermin Eilauftrag Eilaufträge
appointment: Termin Termine Verabredung verabredet Meeting Meetings Besprechung Call Calls Shooting Sitzung Sitzungen Telefonat Telefonate telefonieren
reliable: zuverlässig Zuverlässigkeit verlässlich Verlässlichkeit
agreement: Absprache Absprachen Vereinbarung Vereinbarungen vereinbart vereinbarte Abmachung einhalten
patience: Geduld geduldig
longterm: langfristig langfristige Treue treu Kontinuität dauerhaft jahrelang =lange Stammkunde Stammkundin wiederkommen
when/0.25: Morgen morgens Vormittag Mittag mittags Nachmittag Abend abends Nacht nachts Tag Tage täglich Woche Wochen Monat Monate Jahr Jahre Stunde Stunden Minute Minuten Zeit Sonntag Montag Samstag
routine: Routine Routinen Ritual Rituale Gewohnheit Gewohnheiten Alltag

# working together
trust: vertrauen vertraut Vertrauen vertrauensvoll anvertrauen
control: Kontrolle kontrollieren kontrolliert Mikromanagement reinreden abnicken
appreciate: schätzen schätzt wertschätzen wertschätzt Wertschätzung wertschätzend Anerkennung anerkennen würdigen Lob loben lobt
thanks: danken dankt bedanken bedankt Dank Danke dankbar Dankbarkeit
respect: Respekt respektieren respektiert respektvoll Augenhöhe
partner: Partner Partnerin Partnerschaft partnerschaftlich
recommend: erzählen erzählt weitererzählen empfehlen empfiehlt empfohlen Empfehlung Empfehlungen weiterempfehlen weiterempfiehlt Weiterempfehlung Weiterempfehlungen Referenz
honest: ehrlich ehrliche Ehrlichkeit aufrichtig transparent Transparenz direkt Klartext
open: offen offene Offenheit
communicate: kommunizieren kommuniziert Kommunikation kommunikativ informieren informiert Bescheid
respond: antworten antwortet Antwort beantworten beantwortet reagieren reagiert Reaktion Rückfrage Rückfragen
reachable: erreichbar Erreichbarkeit verfügbar Verfügbarkeit
feedback: Feedback Rückmeldung Rückmeldungen Kritik konstruktiv
clarity: klar klare klares Klarheit konkret konkrete konkretes eindeutig Vorstellung Vorstellungen Vision Ziel Ziele Zielsetzung weiß weiss
decide: entscheiden entscheidet Entscheidung Entscheidungen Entscheider Freigabe Freigaben freigeben Entscheidungsweg Entscheidungswege
revision: Korrektur Korrekturen Korrekturrunde Korrekturschleife Änderung Änderungen Änderungswunsch Änderungswünsche Überarbeitung Schleife Schleifen Runde Runden Abstimmungsrunde
material: Unterlagen Material Materialien Infos Informationen Dokumentation Belege Zugang Zugänge Zugangsdaten
organized: organisiert strukturiert Struktur Ordnung ordnen ordnet sortiert sortieren
responsibility: Verantwortung verantwortlich Eigenverantwortung
engage: einbringen mitarbeiten Mitarbeit mitziehen engagiert Engagement Hausaufgaben mitmachen
sympathy: sympathisch Sympathie Chemie nett herzlich angenehm Wellenlänge mögen
humor: Humor humorvoll Witz Witze witzig lachen lacht Lachen Lachanfall Lachanfälle albern Albernheit Albernheiten Quatsch Spaßvogel
curious: offen_für neugierig Neugier experimentierfreudig Experiment Experimente ausprobieren probiert Mut mutig traut
idea: Idee Ideen
passion: Leidenschaft leidenschaftlich begeistert Begeisterung brennt brennen Herzblut feuer_und_flamme liebt lieben Liebe
values: Werte Haltung Nachhaltigkeit nachhaltig Ethik Umwelt Klimaschutz
boundary: Grenze Grenzen Feierabend Wochenende Arbeitszeit Arbeitszeiten Nein
grow: wachsen Wachstum weiterentwickeln Weiterentwicklung entwickeln Entwicklung Veränderung verändern Fortschritt Fortschritte
network: Netzwerk Vernetzung vernetzen Community Austausch austauschen kennenlernen Gleichgesinnte Kontakt Kontakte Kommentar Kommentare =leser =lesern =leserin =leserinnen
client/0.3: Kunde Kunden Kundin Kundinnen Klient Klienten Klientin Klientinnen Mandant Mandanten Auftraggeber
work/0.3: Arbeit arbeiten Job Jobs Beruf beruflich
help: helfen hilft Hilfe hilfsbereit Hilfsbereitschaft unterstützen unterstützt Unterstützung
kindness: freundlich Freundlichkeit Lächeln lächeln Geste Gesten
meaning: Sinn sinnvoll erfüllt erfüllend Erfüllung
satisfied: zufrieden Zufriedenheit glücklich
moment: Moment Momente Augenblick Augenblicke Kleinigkeit Kleinigkeiten

# everyday life and what makes people happy
coffee: Kaffee Espresso Cappuccino Latte Macchiato Kaffeepause flat_white Café
tea: Tee
nature: Natur draußen Wald Wälder wandern Wanderung Berge Berg Gipfel Feld Felder Wiese Gras spazieren Spaziergang Spaziergänge spazierengehen See Vögel Vogel frische_Luft
sea: Meer Strand Strände Ostsee Nordsee Küste Welle Wellen Leuchtturm
family: Familie Kind Kinder Tochter Sohn Eltern Enkel Enkelin Kids Mann Ehemann Frau Mama Papa Familienzeit
friends: Freund Freunde Freundin Freundinnen Freundschaft Freundschaften Mädels
pet: Hund Hunde Katze Katzen Kater Pferd Haustier Haustiere Hühner
read: Buch Bücher Bücherei Bibliothek Bibliotheken Buchhandlung Buchhandlungen lesen liest Lektüre Roman Krimi Krimis Gedicht Gedichte
music: Musik singen Lied Lieder Playlist Konzert Konzerte Chor Jazz Klavier Vinyl tanzen
sun: Sonne Sonnenschein Sonnenstrahlen Sonnenlicht sonnig Sonnenaufgang Sonnenuntergang warm
sleep: schlafen Schlaf ausschlafen Mittagsschlaf Nickerchen durchschlafen Bett
travel: reisen Reise Reisen Urlaub verreisen Roadtrip entdecken Orte
food: kochen Essen Rezept Rezepte frühstücken Frühstück Mittagessen =küche grillen einkochen Gemüse
sweets: Schokolade Kuchen Eis Eiscreme Torte backen Pfannkuchen Zimtschnecken
sport: Sport Laufen laufen joggen Yoga Schwimmen schwimmen Radfahren Fahrrad Training trainieren Fitness Reiten Halbmarathon Marathon Bewegung bewegen
quiet: Ruhe ruhig Stille still allein Alleinsein meditieren Meditation
wellness: entspannen Entspannung Wellness Sauna Massage Bad baden Hängematte
health: Gesundheit gesund
garden: Garten Gärten Pflanze Pflanzen Blume Blumen Blüte Blüten Beet Kräuter Balkon
creative: kreativ Kreativität malen basteln stricken nähen zeichnen fotografieren Fotografie Fotos Foto
done: erledigt erledigen abhaken abgehakt fertig abschließen aufräumen aufgeräumt ausmisten
write: schreiben schreibt Schreiben Text Texte
knowledge: Wissen Know-how Erfahrung Erfahrungen
share: teilen weitergeben
visibility: Sichtbarkeit sichtbar Reichweite Google SEO gefunden Marketing
expertise: Expertise Kompetenz Fachwissen Experte Expertin
memory: Erinnerung Erinnerungen Archiv Tagebuch Gedächtnis festhalten dokumentieren vergessen
think: Gedanken denken Denken Kopf reflektieren Reflexion
independent: unabhängig Unabhängigkeit Algorithmus Algorithmen Plattform Plattformen
inspire: inspirieren Inspiration motivieren Motivation ermutigen
fun: Spaß Freude Vergnügen
freedom: Freiheit frei freie freier Freizeit
learn: lernen lernt Weiterbildung Weiterbildungen Kurs Kurse
`;

/**
 * Words the compound splitter may take as a part besides the concept words: general nouns that
 * parade answers build compounds from (hand-picked; "Rechnungsbezahlung", "Terminabsprache").
 */
export const compoundPartsDe = `
arbeit abend anfang auftrag bild büro chef daten design format frage gespräch geschäft haus idee jahr kunde
leben liste markt marke moral morgen nacht netz prozess projekt rat sache seite stunde tag team text welt
woche zeit zeile ziel zukunft
# whole words that look like compounds of a concept word but mean something else
schreibtisch küchentisch
`;

/** Words stopwords-iso lists that carry meaning in parade answers and must stay (hand-picked). */
export const keepWordsDe = `
ende ernst gott jahr jahre jahren morgen neue neuen richtig schlecht schluss zeit
`;

/** Words to drop beyond stopwords-iso: lead-in echoes and filler of list answers (hand-picked). */
export const extraStopWordsDe = `
wunschkunde wunschkunden wunschkundin wunschklient wunschklientin wunschmandant jemand einfach eigentlich
irgendwie bisschen dinge ding art weise sachen wirklich total super echt halt eben mal schon bitte
`;

/** Negation: "nicht" and its kin negate their clause; "kein" and "ohne" the words after them. */
export const negationDe = {
  clause: ['nicht', 'nie', 'niemals', 'nimmer'],
  following: [
    'kein',
    'keine',
    'keinen',
    'keinem',
    'keiner',
    'keines',
    'ohne',
    'statt',
    'anstatt',
    'anstelle',
  ],
  /** "nicht nur …, sondern auch" negates nothing. */
  cancel: ['nur'],
  /** Words that end a clause for negation scope. */
  clauseEnd: ['und', 'aber', 'sondern', 'oder', 'sowie', 'dass', 'weil', 'wenn', 'als'],
};

/** Verb prefixes the compound splitter never takes as a modifier ("Verantwortung" is no compound). */
export const boundPrefixesDe = `
ab an auf aus be bei ein emp ent er ge miss mit nach über um un unter ur ver vor zer zu
`;
