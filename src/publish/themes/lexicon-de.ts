/**
 * German lexicon of the theme engine, as data (format in lexicon.ts). The stemmer (Snowball German,
 * @orama/stemmers) and the stop words (stopwords-iso) are maintained packages; what is below is
 * korso's own, written by hand for the semantic fields of everyday life that parade answers keep
 * touching, whatever the parade's topic.
 */

/**
 * Concepts: a derivation family (zahlen, bezahlen, Bezahlung, Zahlung) plus its synonyms, one concept
 * a line, grouped into fields of related concepts ("[money]": pay, price, thrift, debt …). A field
 * links its concepts weakly, a concept strongly. Families follow German word formation (verb →
 * -ung/-er noun, adjective → -heit/-keit noun, be-/ver-/ge- forms); strong verb forms are in
 * verbFormsDe. "!concept" in a line: that concept negated means this one ("keine Hektik" → calm).
 * Each field was written from the field itself (what people say about money, about nature …), not
 * from a parade; the first fields' concepts come from the first tuning parades (test/fixtures/themes).
 */
export const conceptsDe = `
[money]
pay: zahlen bezahlen zahlt bezahlt gezahlt zahle Zahlung Zahlungen Bezahlung zahlend überweisen überweist überwiesen Überweisung begleichen begleicht beglichen Begleichung Zahler Anzahlung Vorkasse
invoice: Rechnung Rechnungen Rechnungsstellung Faktura
reminder: Mahnung Mahnungen mahnen mahnt Zahlungserinnerung
price: Preis Preise Honorar Honorare Stundensatz Stundensätze Tagessatz Zeilenpreis Seitenpreis Gage Vergütung Kosten kostet Cent teuer billig günstig
budget: Budget Budgets Etat Investition Investitionen investieren investiert
haggle: feilschen feilscht Gefeilsche verhandeln verhandelt Verhandlung Rabatt Rabatte Nachlass Preisnachlass Dumping Preisdumping murren
money: Geld Einnahmen Einkommen Umsatz verdienen verdient Werbeeinnahmen finanzieren finanziert Affiliate Euro Gehalt Lohn Taschengeld Finanzen finanziell Pfennig Groschen Münzen Geldbeutel Portemonnaie Konto Zinsen Vermögen Aktien Börse Geldanlage
thrift: sparen spart gespart spare Sparsamkeit sparsam Ersparnis Ersparnisse Rücklage Rücklagen Notgroschen Sparbuch Sparschwein Sparplan Haushaltsbuch Haushaltsgeld zurücklegen beiseitelegen Geiz geizig knausrig Schnäppchen genügsam Genügsamkeit Haushaltskasse Sparfuchs
debt: Schulden Schuld verschulden verschuldet Kredit Kredite Pump Ratenkauf Raten Dispo Darlehen leihen geliehen abbezahlen Ratenzahlung Kreditkarte
buy/0.7: kaufen kauft gekauft Kauf Käufe Konsum konsumieren Konsument shoppen Shopping einkaufen Einkauf Einkäufe Einkaufen Anschaffung anschaffen bestellen bestellt Bestellung Supermarkt Wochenmarkt Bauernmarkt Hofladen
wealth: =reich =reiche =reicher =reichtum Wohlstand Luxus luxuriös

[~giving]
poverty: arm Armut bedürftig Bedürftige obdachlos Obdachlose Obdachlosigkeit
donate: spenden Spende Spenden gespendet spendet Spendenaktion
fair: fair faire Fairness angemessen angemessene gerecht Gerechtigkeit ungerecht Ungerechtigkeit Gleichberechtigung gleichberechtigt Chancengleichheit

[~time]
ontime: pünktlich Pünktlichkeit rechtzeitig fristgerecht termingerecht sofort prompt zügig zeitnah umgehend schnell schnelle rasch flott
deadline: Deadline Deadlines Frist Fristen Abgabetermin Liefertermin Eilauftrag Eilaufträge
appointment: Termin Termine Verabredung verabredet Meeting Meetings Besprechung Call Calls Shooting Sitzung Sitzungen Telefonat Telefonate telefonieren Videocall Videokonferenz Konferenz
longterm: langfristig langfristige Treue treu Kontinuität dauerhaft jahrelang jahrzehntelang =lange Stammkunde Stammkundin wiederkommen
when/0.25: Morgen morgens Vormittag Mittag mittags Nachmittag Nachmittage Abend abends Nacht nachts Tag Tage täglich Woche Wochen wöchentlich Monat Monate monatlich Jahr Jahre jährlich Stunde Stunden stündlich Minute Minuten Zeit Sonntag Sonntage sonntags Montag montags Dienstag Mittwoch Donnerstag Freitag Samstag samstags Uhr Uhrzeit Tageszeit
routine: Routine Routinen Ritual Rituale ritualisiert Gewohnheit Gewohnheiten Alltag alltäglich Tagesablauf Tagesstruktur Rhythmus Morgenroutine Abendroutine regelmäßig Regelmäßigkeit Feierabendritual Morgenritual Abendritual Gewohnheitstier feste_Zeiten
early: früh frühmorgens Frühaufsteher Frühaufsteherin aufstehen aufgestanden Wecker
plan: planen plant geplant Planung Plan Pläne Kalender Wochenplan Tagesplan vorausplanen Vorbereitung vorbereiten vorbereitet Priorität Prioritäten priorisieren Planer Terminkalender Zeitplan Zeitmanagement Wochenplanung Jahresplanung Vorsatz Vorsätze vornehmen Bullet_Journal
effort/0.7: Aufwand aufwendig zeitaufwendig Zeitaufwand Zeitfresser Zeitmangel

[season]
spring: Frühling Frühjahr Frühlingsanfang frühlingshaft
summer: Sommer sommerlich Sommerferien Hochsommer
autumn: Herbst herbstlich Herbsttag Herbsttage
winter: Winter winterlich Wintertag Wintertage Winterabend

[~working together]
trust: vertrauen vertraut Vertrauen vertrauensvoll anvertrauen Vertrauensvorschuss
control: Kontrolle kontrollieren kontrolliert Mikromanagement reinreden abnicken
appreciate: schätzen schätzt wertschätzen wertschätzt Wertschätzung wertschätzend Anerkennung anerkennen anerkannt würdigen gewürdigt Würdigung Lob loben lobt gelobt Applaus Kompliment Komplimente gesehen_werden
respect: Respekt respektieren respektiert respektvoll Augenhöhe =würde würdevoll Toleranz tolerant Akzeptanz akzeptieren akzeptiert Gleichwertigkeit
partner: Partner Partnerin Partnerschaft partnerschaftlich
recommend: weitererzählen empfehlen empfiehlt empfohlen Empfehlung Empfehlungen weiterempfehlen weiterempfiehlt Weiterempfehlung Weiterempfehlungen Referenz Mundpropaganda
honest: ehrlich ehrliche Ehrlichkeit aufrichtig Aufrichtigkeit transparent Transparenz direkt Klartext Wahrheit wahrhaftig ehrlicher authentisch Authentizität
lie: Lüge Lügen lügen lügt gelogen Lügner schwindeln flunkern
open: offen offene Offenheit
communicate: kommunizieren kommuniziert Kommunikation kommunikativ informieren informiert =bescheid ansprechen aussprechen Dialog
respond: antworten antwortet Antwort beantworten beantwortet reagieren reagiert Reaktion Rückfrage Rückfragen
reachable: erreichbar Erreichbarkeit verfügbar Verfügbarkeit
feedback: Feedback Rückmeldung Rückmeldungen Kritik konstruktiv kritisieren kritisiert Retrospektive Kritikfähigkeit
clarity: klar klare klares Klarheit konkret konkrete konkretes eindeutig Vorstellung Vorstellungen Vision Ziel Ziele Zielsetzung
decide: entscheiden entscheidet Entscheidung Entscheidungen Entscheider Freigabe Freigaben freigeben Entscheidungsweg Entscheidungswege
revision: Korrektur Korrekturen Korrekturrunde Korrekturschleife Änderung Änderungen Änderungswunsch Änderungswünsche Überarbeitung Schleife Schleifen Runde Runden Abstimmungsrunde
material: Unterlagen Material Materialien Infos Informationen Dokumentation Belege Zugang Zugänge Zugangsdaten
responsibility: Verantwortung verantwortlich Eigenverantwortung verantwortungsvoll Pflicht Pflichten Pflichtbewusstsein
engage: einbringen mitarbeiten Mitarbeit mitziehen engagiert Engagement Hausaufgaben mitmachen mitwirken sich_engagieren engagieren
sympathy: sympathisch Sympathie Chemie nett herzlich Herzlichkeit angenehm Wellenlänge mögen
curious: offen_für neugierig Neugier Neugierde experimentierfreudig Experiment Experimente ausprobieren probiert =neues wissbegierig Wissensdurst probieren
idea: Idee Ideen Einfall Einfälle Ideenreichtum
passion: Leidenschaft leidenschaftlich begeistert Begeisterung brennt brennen Herzblut feuer_und_flamme liebt lieben Liebe lieb liebevoll Herzensangelegenheit
values: Werte Haltung Nachhaltigkeit nachhaltig Ethik ethisch Umwelt Klimaschutz Umweltschutz Naturschutz umweltfreundlich ökologisch Prinzipien Überzeugung Überzeugungen Ideale
client/0.3: Kunde Kunden Kundin Kundinnen Klient Klienten Klientin Klientinnen Mandant Mandanten Auftraggeber
expertise: Expertise Kompetenz Fachwissen Experte Expertin Profi Fachfrau Fachmann
visibility: Sichtbarkeit sichtbar Reichweite Google SEO gefunden Marketing
independent: unabhängig Unabhängigkeit Algorithmus Algorithmen Plattform Plattformen selbstständig Selbstständigkeit

[~work]
success: Erfolg Erfolge erfolgreich Erfolgserlebnis Erfolgserlebnisse
work/0.3: Arbeit arbeiten Job Jobs Beruf beruflich Arbeitsleben Arbeitstag Vollzeit Teilzeit Nebenjob Minijob Schicht Schichten Schichtdienst
task: Aufgabe Aufgaben To-do To-dos Todo Todos To-do-Liste Projekt Projekte Auftrag Aufträge
done: erledigt erledigen abhaken abgehakt fertig abschließen Abschluss geschafft vollendet
diligent: Fleiß fleißig Disziplin diszipliniert Sorgfalt sorgfältig gewissenhaft Gewissenhaftigkeit anpacken zupacken Arbeitsmoral Ehrgeiz ehrgeizig Mühe anstrengen Anstrengung
retire: Rente Rentner Rentnerin Ruhestand pensioniert Pension Pensionierung Rentenalter
boundary: Grenze Grenzen Feierabend Wochenende Wochenenden Arbeitszeit Arbeitszeiten Nein abgrenzen Abgrenzung nein_sagen Limit Limits
career: Karriere Lebenslauf Bewerbung bewerben beworben Vorstellungsgespräch Praktikum Praktika Beförderung Aufstieg Arbeitgeber Arbeitgeberin Berufserfahrung Berufsleben Berufseinstieg Jobsuche Berufswahl

[team]
colleague: Kollege Kollegen Kollegin Kolleginnen Kollegium Kollegschaft Belegschaft
team: Team Teams Teamgeist Teamwork Teamarbeit Zusammenarbeit zusammenarbeiten Mannschaft Crew
lead: Chef Chefin Vorgesetzte Vorgesetzter Führungskraft Führung Leitung leiten leitet Management Manager Managerin Anleitung anleiten

[office]
workplace: Arbeitsplatz Arbeitszimmer Büro Schreibtisch Homeoffice Home-Office Coworking Werkraum
equipment: Monitor Monitore Bildschirm Bildschirme Laptop Computer Rechner Tastatur Maus Headset Webcam Technik Ausstattung Gerät Geräte
furniture: Möbel Stuhl Stühle Bürostuhl Tisch Tische Regal Regale Schrank

[~concentration]
focus: Fokus fokussieren fokussiert konzentrieren konzentriert Konzentration !distraction
distraction: Ablenkung Ablenkungen ablenken abgelenkt Unterbrechung Unterbrechungen unterbrechen stören Störung Störungen

[rest]
metime: Me-Time Zeit_für_mich Zeit_für_sich Egozeit
pause: Pause Pausen Auszeit Auszeiten Mittagspause pausieren durchatmen Verschnaufpause
quiet: Ruhe ruhig Stille still allein Alleinsein meditieren Meditation Rückzug zurückziehen
slow: langsam Langsamkeit entschleunigen Entschleunigung gemächlich Muße
wellness: entspannen entspannt Entspannung Wellness Sauna Massage Bad baden Badewanne Hängematte Therme Thermalbad Wärmflasche
sleep: schlafen schläft Schlaf ausschlafen Mittagsschlaf Nickerchen durchschlafen Bett müde Müdigkeit
lazy: faul Faulheit Nichtstun nichts_tun Müßiggang müßig faulenzen Faulenzen
mindful: Achtsamkeit achtsam Selbstfürsorge bewusst Bewusstsein innehalten
calm: gelassen Gelassenheit besonnen Besonnenheit Seelenruhe Gleichmut locker Lockerheit gechillt Ruhe_bewahren unaufgeregt !worry !stress !anger Ausgeglichenheit ausgeglichen cool_bleiben flexibel Flexibilität improvisieren umplanen

[strain]
stress: Stress stressig gestresst Hektik hektisch Eile eilig Hetze hetzen gehetzt Zeitdruck Druck
worry: Sorge Sorgen besorgt Angst Ängste ängstlich Furcht fürchten Panik Zweifel zweifeln grübeln Grübeln
exhaustion: Burnout Erschöpfung erschöpft ausgebrannt ausbrennen überarbeitet Überlastung überlastet Überstunden Überforderung überfordert

[~character]
intuition: Bauchgefühl Intuition intuitiv Instinkt
spontaneous: spontan Spontaneität
know/0.5: =weiß =weiss =weißt =wusste =wussten =gewusst
patience: Geduld geduldig gedulden abwarten warten wartet gewartet
reliable: zuverlässig Zuverlässigkeit verlässlich Verlässlichkeit Wort_halten Versprechen versprochen
agreement: Absprache Absprachen Vereinbarung Vereinbarungen vereinbart vereinbarte Abmachung einhalten Handschlag
humor: Humor humorvoll Witz Witze witzig lachen lacht Lachen Lachanfall Lachanfälle albern Albernheit Albernheiten Quatsch Spaßvogel Heiterkeit heiter lustig Spruch Sprüche Scherz Scherze scherzen Kalauer Ironie Selbstironie
courage: Mut mutig Tapferkeit tapfer wagen wagt gewagt Wagnis =trauen =traut =zutrauen Zivilcourage furchtlos riskieren Risiko
persevere: durchhalten Durchhaltevermögen Ausdauer dranbleiben weitermachen Beharrlichkeit beharrlich hartnäckig Zähigkeit zäh Resilienz resilient Stehaufmännchen !giveup
giveup: aufgeben aufgegeben
strength: Kraft Stärke stark Kräfte kraftvoll Stärken Kraftquelle
kindness: freundlich Freundlichkeit Lächeln lächeln Geste Gesten =güte gütig warmherzig Mitgefühl Empathie empathisch Fürsorge fürsorglich mitfühlend Nächstenliebe Rücksicht rücksichtsvoll Menschlichkeit menschlich
generous: großzügig Großzügigkeit Geschenk Geschenke schenken verschenken
perfect: Perfektionismus perfekt Perfektion Perfektionistin Perfektionist
mistake: Fehler scheitern Scheitern Misserfolg Misserfolge gescheitert Fehlerkultur Irrtum
confidence: Selbstvertrauen Selbstbewusstsein selbstbewusst selbstsicher Selbstwert Selbstwertgefühl Selbstwirksamkeit Selbstsicherheit Selbstliebe
pride: stolz Stolz
manners: Höflichkeit höflich Manieren Tischmanieren Benehmen benehmen Anstand anständig grüßen Gruß Begrüßung Knigge Etikette
serious/0.7: ernst ernsthaft Ernst

[contentment]
enjoy: genießen genießt genossen Genuss genussvoll auskosten
satisfied: zufrieden Zufriedenheit glücklich Glück Glücksmoment Glücksmomente Glücksgefühl
thanks: danken dankt bedanken bedankt Danke Dankeschön dankbar Dankbarkeit Privileg Privilegien privilegiert
moment: Moment Momente Augenblick Augenblicke Kleinigkeit Kleinigkeiten Gegenwart hier_und_jetzt
modest: =bescheiden =bescheidene =bescheidenheit demütig Demut Einfachheit bodenständig Bodenständigkeit

[~feelings]
surprise: Überraschung Überraschungen überraschen überrascht
fun: Spaß Freude Vergnügen freuen freut Vorfreude spaßig froh fröhlich Fröhlichkeit
meaning: Sinn sinnvoll erfüllt erfüllend Erfüllung Sinnhaftigkeit Lebenssinn Zweck nützlich gebraucht_werden Bedeutung bedeutungsvoll =berufung Lebensaufgabe
hope: Hoffnung hoffen hofft Zuversicht zuversichtlich Optimismus optimistisch positiv
anger: Ärger ärgern ärgert aufregen Wut wütend sauer Frust frustriert frustrierend nerven nervt genervt
complain: jammern jammert meckern meckert nörgeln beschweren Beschwerde Gejammer motzen
lonely: einsam Einsamkeit isoliert Isolation vereinsamt
love: Ehe verheiratet Hochzeit heiraten Ehepaar Beziehung Beziehungen verliebt Romantik romantisch Zärtlichkeit

[loss]
grief: Trauer trauern traurig Kummer Verlust Verluste Abschied verabschieden Friedhof Grab Gräber
death: Tod sterben stirbt gestorben Sterben Sterbebegleitung tot Hospiz Beerdigung Sterbende

[family]
family: Familie Familien familiär Kind Kinder Tochter Töchter Sohn Söhne Eltern Enkel Enkelin Enkelkinder Kids Mann Ehemann Frau Ehefrau Mama Papa Mutter Vater Familienzeit Geschwister Bruder Schwester Baby Babys Nachwuchs Tante Onkel Cousine Verwandte Verwandtschaft Papi Mami Vati Mutti Schwiegereltern Schwiegermutter Nichte Neffe Patenkind Elternzeit
grandparents: Oma Opa Omi Opi Großeltern Großmutter Großvater Urgroßeltern Uroma Uropa Großmama Großpapa
childhood: Kindheit Kindertage kindlich Jugend jung jugendlich Jugendliche Teenager Heranwachsende Kinderzeit Schulzeit aufwachsen aufgewachsen
generation: Generation Generationen generationsübergreifend Alt_und_Jung Jung_und_Alt
oldage: Senioren Seniorin Senior Seniorinnen ältere_Menschen hochbetagt Altersheim Pflegeheim Seniorenheim Altenheim älter_werden Lebensabend im_Alter hohes_Alter

[~belonging]
safe: Sicherheit geborgen Geborgenheit Schutz beschützt behütet =sicher Vorsicht vorsichtig
cohesion: Zusammenhalt zusammenhalten =zugehörigkeit dazugehören =zugehörig Miteinander füreinander
home: Zuhause zu_Hause nach_Hause daheim Heim Wohnung heimelig Heimat Heimatort Elternhaus Heimweh Wohnzimmer

[social]
meet: treffen trifft getroffen Treffen Treffpunkt Wiedersehen wiedersehen Zusammenkunft
friends: Freund Freunde Freundin Freundinnen Freundschaft Freundschaften Mädels Kumpel Kumpels Clique Freundeskreis befreundet Bekannte Bekanntschaft Bekanntschaften
conversation: Gespräch Gespräche reden redet unterhalten Unterhaltung plaudern Plausch sprechen spricht Tratsch Klönschnack
listen: zuhören zuhört Zuhören Zuhörer Zuhörerin offenes_Ohr hinhören
hospitality: Gastfreundschaft gastfreundlich Gäste Gast Gastgeber Gastgeberin bewirten einladen Einladung eingeladen Gastlichkeit offene_Tür
visit: Besuch Besuche besuchen besucht Besuchsdienst
neighbour: Nachbar Nachbarn Nachbarin Nachbarinnen Nachbarschaft nachbarschaftlich

[~network]
network: Netzwerk Vernetzung vernetzen Community Austausch austauschen kennenlernen Gleichgesinnte Kontakt Kontakte Kommentar Kommentare =leser =lesern =leserin =leserinnen

[dispute]
conflict: Streit streiten gestritten Konflikt Konflikte Meinungsverschiedenheit Meinungsverschiedenheiten Auseinandersetzung Diskussion Diskussionen diskutieren
forgive: versöhnen Versöhnung vertragen verzeihen Vergebung vergeben entschuldigen Entschuldigung

[community]
community: Gemeinschaft Gemeinschaften gemeinschaftlich Gemeinschaftsgefühl Solidarität solidarisch Gesellschaft gesellschaftlich Gemeinwohl sozial soziale
club: Verein Vereine Vereinsleben Vereinsarbeit Klub Club Mitglied Mitglieder Mitgliedschaft
volunteer: Ehrenamt ehrenamtlich Ehrenamtliche Ehrenämter Freiwillige Freiwilliger freiwillig Freiwilligenarbeit

[~helping]
help: helfen hilft Hilfe hilfsbereit Hilfsbereitschaft unterstützen unterstützt Unterstützung Helfer Helferin Helfende beistehen mithelfen aushelfen Nachbarschaftshilfe
share: teilen geteilt weitergeben zurückgeben abgeben Teilen

[civic]
politics: Politik Politiker Politikerin politisch Demokratie demokratisch Wahl Wahlen wählen Gemeinderat Stadtrat Kommunalpolitik Bürger Bürgerin Bürgerinnen
impact: bewirken Wirkung Einfluss beitragen Beitrag etwas_bewegen was_bewegen etwas_verändern mitgestalten mitbestimmen Mitbestimmung Unterschied_machen
bureaucracy: Bürokratie bürokratisch Papierkram Formular Formulare Antrag Anträge beantragen Verwaltung Vorschrift Vorschriften Behörde Behörden Amt Ämter Genehmigung Auflagen
tax: Steuer Steuern Steuererklärung Finanzamt Buchhaltung Buchführung

[~outlook]
perspective: Perspektive Perspektiven Blickwinkel Horizont Weltbild Sichtweise Horizonterweiterung Tellerrand Blase Vorurteil Vorurteile vorurteilsfrei aufgeschlossen Aufgeschlossenheit
diversity: Vielfalt Diversität divers vielfältig interkulturell Inklusion inklusiv Kultur Kulturen kulturell Integration
tradition: Tradition Traditionen traditionell =brauch =bräuche =brauchtum überliefert

[past]
nostalgia: Nostalgie nostalgisch Sehnsucht sehnsüchtig
story: Geschichte Geschichten erzählen erzählt Erzählung Erzählungen Anekdote Anekdoten Märchen Legende Geschichtsstunde
history: Vergangenheit historisch Krieg Kriege Kriegszeit Nachkriegszeit Flucht Vertreibung geflüchtet Zeitzeuge Zeitzeugin Zeitgeschichte Weltkrieg
roots: Herkunft Wurzeln Abstammung Ahnen Vorfahren Stammbaum Ahnenforschung
memory: Erinnerung Erinnerungen erinnern Archiv Tagebuch Gedächtnis festhalten dokumentieren vergessen Andenken Fotoalbum Fotoalben

[~faith]
faith: =glaube Gottvertrauen beten betet Gebet Gebete Kirche Kirchen Gottesdienst fromm religiös Religion spirituell Spiritualität gott Segen Bibel Glaubens Pfarrer Kloster Taufe Konfirmation Kommunion

[~growth]
grow: wachsen Wachstum weiterentwickeln Weiterentwicklung entwickeln Entwicklung Veränderung verändern Fortschritt Fortschritte Persönlichkeitsentwicklung Persönlichkeit
inspire: inspirieren Inspiration motivieren Motivation ermutigen Ermutigung Impuls Impulse
freedom: Freiheit frei freie freier Freizeit Selbstbestimmung selbstbestimmt
think: Gedanken denken Denken Kopf reflektieren Reflexion nachdenken Nachdenken überlegen Überlegung Gehirn Hirn

[learning]
learn: lernen lernt gelernt Lernen Weiterbildung Weiterbildungen Kurs Kurse Lehrgang Lehrgänge Ausbildung Fortbildung Seminar Seminare Workshop Workshops Studium studieren lernbegierig dazulernen Lektion Lektionen Lernbereitschaft
teach: lehren lehrt beibringen beigebracht unterrichten Unterricht Lehrer Lehrerin Mentor Mentorin Mentoring Nachhilfe erklären erklärt Vorbild Vorbilder vormachen
school: Schule Schulen Schüler Schülerin Schülerinnen Grundschule Kita Kindergarten Uni Universität Hochschule Campus Klasse
knowledge: Wissen Know-how Erfahrung Erfahrungen Weisheit weise Lebenserfahrung
skill: Fähigkeit Fähigkeiten Talent Talente Handwerk handwerklich üben Übung Geschick geschickt
language: Sprache Sprachen Fremdsprache Fremdsprachen Englisch Französisch Spanisch Italienisch Türkisch Arabisch Dialekt Vokabeln Sprachkurs Deutschkurs Deutsch Mundart Grammatik

[~reading]
read: Buch Bücher Bücherei Bibliothek Bibliotheken Buchhandlung Buchhandlungen lesen liest Lektüre Roman Romane Krimi Krimis Gedicht Gedichte vorlesen Vorlesen Zeitung Zeitungen Zeitschrift Zeitschriften Magazin Magazine Hörbuch Hörbücher Hörspiel Hörspiele schmökern Leseratte Comic Comics =blättern =blättert =durchblättern Literatur Lyrik Sachbuch E-Reader Kindle Lesestoff Buchclub
write: schreiben schreibt Schreiben Text Texte aufschreiben notieren Notizen Journal Journaling Brief Briefe Postkarte Postkarten Grußkarte Grußkarten Briefmarke Briefmarken

[screen]
screen: Film Filme Kino Serie Serien Netflix Fernsehen fernsehen Fernseher Doku Dokus streamen Filmabend Video Videos Streaming Mediathek gucken Glotze Fernsehabend
online/0.7: Internet online Social_Media Instagram Facebook TikTok Twitter YouTube App Apps digital WLAN =web Website Webseite Homepage Pinterest LinkedIn
phone: Handy Handys Smartphone Smartphones Bildschirmzeit Telefon
message: Benachrichtigung Benachrichtigungen Mail Mails E-Mail E-Mails Postfach Nachricht Nachrichten Chat Chats WhatsApp Slack Messenger
podcast: Podcast Podcasts Radio

[~games]
games: Spiel Spiele spielen spielt gespielt Brettspiel Brettspiele Kartenspiel Kartenspiele Spieleabend Spieleabende Puzzle Puzzles Rätsel Kreuzworträtsel Schach würfeln Uno Monopoly zocken Konsole Videospiel Videospiele Lego Sudoku Gesellschaftsspiel Gesellschaftsspiele

[~music]
music: Musik musikalisch singen singt gesungen Gesang Lied Lieder Playlist Konzert Konzerte Chor Chöre Jazz Klavier Vinyl Schallplatte Schallplatten Plattenspieler tanzen Tanz Instrument Instrumente Gitarre Geige Flöte Mundharmonika Orchester Band Schlager Melodie Song Songs Noten summen musizieren Musikinstrument Trompete Schlagzeug Cello Saxophon Akkordeon Ukulele Spotify Karaoke tanzt Disco

[making]
creative: kreativ Kreativität malen Malerei basteln Bastelei zeichnen Zeichnung Kunst Künstler Künstlerin Farbe Farben bunt Aquarell Leinwand Skizze Skizzen skizzieren Kalligrafie Lettering Collage
craft: stricken strickt gestrickt häkeln gehäkelt =nähen =näht =genäht Nähmaschine sticken Handarbeit Handarbeiten Wolle Garn weben flechten töpfern Strickzeug Patchwork Quilt handgemacht Handgemachtes
diy: Holz Holzarbeit Holzarbeiten Schreiner Schreinerin Tischler Tischlerin =sägen =sägt schnitzen Werkstatt Werkbank Werkzeug Werkzeuge hämmern heimwerken Heimwerker selber_bauen selbst_bauen DIY werkeln tüfteln Bohrmaschine Akkuschrauber renovieren Renovierung selbstgemacht
repair: reparieren repariert Reparatur Reparaturen flicken geflickt stopfen gestopft ausbessern ausgebessert kaputt Ersatzteil Ersatzteile schrauben reparierbar Upcycling wiederverwenden wiederverwerten Flickzeug
photo: fotografieren Fotografie Fotos Foto Kamera Fotograf Fotografin knipsen

[~culture]
culture: Museum Museen Ausstellung Ausstellungen Galerie Theater Oper Ballett

[food]
food: kochen kocht gekocht Essen Rezept Rezepte frühstücken Frühstück Mittagessen Abendessen =küche grillen Mahlzeit Mahlzeiten Gericht Gerichte Suppe Suppen Eintopf Auflauf Braten Sonntagsbraten Kochbuch Kochbücher Brot Brote Brötchen Restaurant Ofen Backofen Abendbrot Nudeln Pasta Pizza Spaghetti Hausmannskost Mittagstisch Picknick Buffet Snack Snacks Raclette Fondue Brunch Grill Knödel Klöße Schnitzel Fleisch vegetarisch vegan Ernährung ernähren
sweets: Schokolade Kuchen Eis Eiscreme Torte Torten backen gebacken Pfannkuchen Zimtschnecken Plätzchen Kekse Keks Gebäck Waffeln Muffins Nachtisch Dessert Pudding naschen Süßes Süßigkeiten Strudel Lebkuchen Stollen Kaiserschmarrn Crêpes Zimt Zucker süß Praline Pralinen Gummibärchen Bonbons Hefezopf Hefeteig Teig Brownies Cookies
preserve: einkochen eingekocht einmachen eingemacht Marmelade Marmeladen Konfitüre Gelee Kompott einlegen eingelegt einwecken Vorrat Vorräte haltbar fermentieren Sauerkraut fermentiert Chutney Sirup einfrieren Vorratshaltung
leftovers: Reste Resteessen Resteverwertung verwerten aufessen aufgegessen leer_essen übrig Rest

[produce]
fruit: Obst Apfel Äpfel Birne Birnen Pflaume Pflaumen Zwetschge Zwetschgen Kirsche Kirschen Beeren Erdbeeren Himbeeren Johannisbeeren Heidelbeeren Quitte Quitten Obstbaum Obstbäume Frucht Früchte Maronen Banane Bananen Orange Orangen Zitrone Zitronen Trauben Weintrauben Pfirsich Pfirsiche Aprikosen Marillen Rhabarber Stachelbeeren Brombeeren Mirabellen Walnüsse Nüsse Haselnüsse
vegetable: Gemüse Kartoffel Kartoffeln Tomate Tomaten Kürbis Kürbisse Bohnen Salat Zucchini Möhren Karotten Kohl Zwiebel Zwiebeln Erbsen Gurken Spinat Lauch Paprika Mais Radieschen Sellerie Linsen Kichererbsen Grünkohl Rosenkohl Spargel

[~waste]
secondhand: Flohmarkt Flohmärkte Secondhand Second-Hand Tauschbörse tauschen Kleidertausch
waste: wegwerfen wegwerft weggeworfen wegschmeißen weggeschmissen Verschwendung verschwenden Lebensmittelverschwendung Müll Abfall Plastik Verpackung Verpackungen Zero_Waste

[drinks]
coffee: Kaffee Espresso Cappuccino Latte Macchiato Kaffeepause flat_white Café
tea: Tee Tees Teetasse Kräutertee Chai Teekanne Matcha Rooibos
drink: trinken trinkt getrunken Wasser Wasserflasche Getränk Getränke Saft Säfte Limonade Kakao heiße_Schokolade Limo Sprudel Mineralwasser Smoothie Milch
alcohol: Wein Bier Sekt Schnaps Cocktail Cocktails Glühwein Punsch Likör Aperol Gin Whisky Prosecco Radler

[outdoors]
nature: Natur draußen Wald Wälder wandern Wanderung Wanderungen Berge Berg Gipfel Feld Felder Wiese Wiesen Gras spazieren Spaziergang Spaziergänge spazierengehen See Seen frische_Luft Landschaft Moos Park Naturerlebnis Landluft Bach Fluss Flüsse Teich Moor Heide Wildnis Outdoor Alpen Hügel Tal Aussicht Ausblick
sea: Meer Strand Strände Ostsee Nordsee Küste Welle Wellen Leuchtturm Insel Ozean Sand Muscheln Dünen Brandung Ebbe Flut Hafen segeln Segeln surfen Surfen
tree: Baum Bäume Laub Blätter Herbstlaub Kastanien Kastanie Eicheln Zapfen Äste Zweig Zweige Eiche Linde Tanne Tannen
sky: Sterne Stern Sternbild Sternbilder Sternenhimmel Mond Vollmond Himmel Wolken Polarlichter Sternschnuppe Sternschnuppen Abendrot Morgenrot Regenbogen
air: Luft lüften Frischluft Sauerstoff

[animals]
animal: Tier Tiere Wildtiere Vögel Vogel Igel Eichhörnchen Reh Rehe Fuchs Insekten Bienen Schmetterling Schmetterlinge Frosch Frösche Tierschutz tierlieb Eule Eulen Hirsch Kraniche Möwen Amsel Meise Spatzen Zoo Tierpark
pet: Hund Hunde Katze Katzen Kater Pferd Pferde Haustier Haustiere Hühner Kaninchen Gassi Hündin Welpe Welpen Kätzchen Meerschweinchen Hamster Vierbeiner Fellnase Fellnasen Stubentiger

[garden]
garden: Garten Gärten gärtnern Gärtnerin Gärtner Pflanze Pflanzen pflanzen gepflanzt Blume Blumen Blüte Blüten Beet Beete Hochbeet Kräuter Balkon säen gesät Saat Saatgut Kompost umgraben jäten Unkraut gießen Gewächshaus Zimmerpflanzen Rasen Samen Setzlinge Ableger umtopfen Topfpflanzen Grünpflanzen Rosen Tulpen Lavendel Dahlien Schrebergarten Kleingarten
harvest: ernten erntet geerntet Ernte pflücken gepflückt sammeln gesammelt Pilze Pilz einsammeln auflesen

[weather]
weather: Wetter Regen regnen regnet regnerisch Nebel neblig Sturm Stürme stürmisch Wind windig Gewitter Frost frostig Schnee schneien Kälte kalt Hagel Unwetter Schauer Glatteis Raureif Wolkenbruch
sun: Sonne Sonnenschein Sonnenstrahlen Sonnenlicht sonnig Sonnenaufgang Sonnenuntergang warm Wärme Hitze

[cosy]
cosy: gemütlich Gemütlichkeit kuschelig kuscheln Kuscheldecke Decke Decken Sofa Couch Hygge Wolldecke Kissen Sessel einkuscheln Plaid Pantoffeln Hausschuhe
candle: Kerze Kerzen Kerzenschein Teelicht Teelichter Lichterkette Lichterketten Laterne Laternen Windlicht
fire: Feuer Lagerfeuer Kamin Kaminfeuer Holzofen anzünden anfeuern Kaminofen Feuerschale Stockbrot
light: Licht Tageslicht hell Helligkeit Lampe Lampen Fenster
decorate: dekorieren Deko Dekoration geschmückt schmücken Kranz Kränze Vase Girlande Girlanden Gesteck

[tidy]
chaos: Chaos chaotisch Durcheinander Unordnung
declutter: ausmisten ausgemistet aussortieren aussortiert entrümpeln Minimalismus minimalistisch reduzieren wegräumen
clean: putzen geputzt sauber Sauberkeit Putzen Hausputz Frühjahrsputz staubsaugen wischen aufräumen aufräumt Wäsche waschen bügeln Haushalt Hausarbeit
organized: organisiert strukturiert Struktur Ordnung ordnen ordnet sortiert sortieren ordentlich aufgeräumt geordnet organisieren Organisation !chaos

[~clothes]
clothes: Kleidung Kleider Klamotten anziehen angezogen Jogginghose Pyjama Schlafanzug Pullover Pulli Socken Schuhe Jacke Mode Outfit Kleiderschrank Kleid Hose Rock Mantel Schal Mütze Handschuhe Gummistiefel Stiefel Strumpfhose

[health]
health: Gesundheit gesund krank Krankheit Krankheiten Erkältung Fieber Arzt Ärztin Medizin Immunsystem Vitamine heilen Heilung Wehwehchen Hausmittel Heilkräuter Vorsorge Wohlbefinden Wohlgefühl Naturheilkunde Krankenhaus Therapie Therapeutin Psyche psychisch
body/0.5: Körper =rücken Haut Hände Füße barfuß
sport: Sport sportlich Laufen laufen joggen Yoga Schwimmen schwimmen Radfahren Fahrrad =rad Training trainieren Fitness Fitnessstudio Reiten Halbmarathon Marathon Bewegung bewegen Gymnastik dehnen Dehnübungen Workout fit Fußball Tennis Turnen Pilates Skifahren Ski klettern Klettern Bouldern Rudern Paddeln Kanu Tischtennis Volleyball Basketball Handball Laufschuhe

[~travel]
transport: Zug Züge Bahn Bahnfahren Bus Busse Auto Autos Flugzeug Flugzeuge fliegen Flug Flüge Fähre Nachtzug Zugfahren
luggage: Koffer Gepäck Handgepäck Rucksack Rucksäcke packen gepackt Packliste einpacken
locals: Einheimische Einheimischen Einheimischer Bevölkerung
travel: reisen Reise Reisen Urlaub Urlaube verreisen Roadtrip entdecken Orte Ausland Ferien Ausflug Ausflüge unterwegs Abenteuer Camping zelten Zugreise Fernweh Backpacking Wohnmobil Camper Hotel Ferienwohnung Sehenswürdigkeiten fremde_Länder
town: Stadt Städte Großstadt Dorf Dörfer Kiez Viertel Heimatstadt Innenstadt Stadtteil Altstadt Kleinstadt

[celebration]
celebrate: feiern feiert gefeiert Feier Feiern Fest Feste Party Partys Festival Jubiläum Feierlichkeit anstoßen
feastday: Weihnachten weihnachtlich Ostern Advent Adventszeit Nikolaus Halloween Silvester Erntedank Erntedankfest Pfingsten Fasching Karneval Martinstag Geburtstag Geburtstage Heiligabend Muttertag Vatertag Neujahr Sankt_Martin
`;

/**
 * Strong and irregular verb forms the stemmer cannot join to their infinitive, one verb a line:
 * `infinitive: forms`. Written from the common strong verbs of everyday German; a form with a
 * separable particle in front ("mitgeholfen", "zurückgegeben") is found through its base.
 */
export const verbFormsDe = `
backen: bäckt buk gebacken
befehlen: befiehlt befahl befohlen
beginnen: begann begonnen
bitten: bat gebeten
bleiben: blieb blieben geblieben
braten: brät briet gebraten
brechen: bricht brach gebrochen
brennen: brannte gebrannt
bringen: brachte brachten gebracht
denken: dachte dachten gedacht
empfehlen: empfiehlt empfahl empfohlen
essen: isst aß aßen gegessen
fahren: fährt fuhr fuhren gefahren
fallen: fällt fiel fielen gefallen
fangen: fängt fing gefangen
finden: fand fanden gefunden
fliegen: flog geflogen
geben: gibt gab gaben gegeben
gehen: ging gingen gegangen
gewinnen: gewann gewonnen
gießen: goss gegossen
graben: gräbt grub gegraben
halten: hält hielt hielten gehalten
heben: hob gehoben
helfen: hilft half halfen geholfen
kennen: kannte kannten gekannt
kommen: kam kamen gekommen
laden: lädt lud geladen
lassen: lässt ließ ließen gelassen
laufen: läuft lief liefen gelaufen
leiden: litt gelitten
leihen: lieh geliehen
lesen: liest las lasen gelesen
liegen: lag lagen gelegen
lügen: log gelogen
messen: misst maß gemessen
nehmen: nimmt nahm nahmen genommen
raten: rät riet geraten
reiten: ritt geritten
rufen: rief riefen gerufen
schaffen: schuf geschaffen
scheinen: schien geschienen
schlafen: schläft schlief schliefen geschlafen
schlagen: schlägt schlug geschlagen
schließen: schloss geschlossen
schneiden: schnitt geschnitten
schreiben: schrieb schrieben geschrieben
schweigen: schwieg geschwiegen
schwimmen: schwamm geschwommen
sehen: sieht sah sahen gesehen
singen: sang sangen gesungen
sitzen: saß gesessen
sprechen: spricht sprach sprachen gesprochen
springen: sprang gesprungen
stehen: stand standen gestanden
sterben: stirbt starb gestorben
streiten: stritt gestritten
tragen: trägt trug trugen getragen
treffen: trifft traf trafen getroffen
treiben: trieb getrieben
trinken: trank tranken getrunken
tun: tat taten getan
vergessen: vergisst vergaß vergessen
verlieren: verlor verloren
verzeihen: verzieh verziehen
wachsen: wächst wuchs gewachsen
waschen: wäscht wusch gewaschen
werfen: wirft warf geworfen
wissen: weiß wusste wussten gewusst
ziehen: zog zogen gezogen
`;

/** Words whose stem is a concept's but which mean something else: "zählen" is no "zahlen" (the stemmer drops umlauts). */
export const unlinkedDe = `
zählen zählt zähle zählte gezählt
`;

/** Particles of separable verbs: "ruft … an" is "anrufen", "zugehört" is "zuhören". */
export const separableParticlesDe = `
ab an auf aus bei durch ein fest fort heim her hin los mit nach um vor weg weiter wieder zu zurück zusammen
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
küchentisch
`;

/** Words stopwords-iso lists that carry meaning in parade answers and must stay (hand-picked). */
export const keepWordsDe = `
ende ernst gott jahr jahre jahren morgen neue neuen richtig schlecht schluss zeit
`;

/** Words to drop beyond stopwords-iso: lead-in echoes and filler of list answers (hand-picked). */
export const extraStopWordsDe = `
wunschkunde wunschkunden wunschkundin wunschklient wunschklientin wunschmandant jemand einfach eigentlich
irgendwie bisschen dinge ding art weise sachen wirklich total super echt halt eben mal schon bitte liebsten
schön schöne schönen schöner schönes schönste schönsten
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
