//! The course's own framework, "Adviseur Stadsbeheer", drawn from the course text: its four
//! development goals (reading and using the web of networks, putting problems on the agenda
//! in a solution-oriented way, connecting people and parties through stories, improving the
//! effect of one's own actions) and the advisory craft it implies (advising as a
//! subject-matter expert, working together and in dialogue, learning in practice and
//! reflecting with manager and coach).
//!
//! Written as Rust rather than parsed JSON so that a broken rubric cannot reach a user:
//! the compiler checks the shape (four texts per indicator) and a test runs `check()`.

use super::framework::{Area, Competency, Framework, Indicator, Level};

pub const DEFAULT_FRAMEWORK_ID: &str = "adviseur-stadsbeheer";

pub fn default_framework() -> Framework {
    Framework {
        id: DEFAULT_FRAMEWORK_ID.into(),
        name: "Adviseur Stadsbeheer".into(),
        name_en: Some("Advisor, City Management".into()),
        version: 1,
        description: "Competenties die Stadsbeheer van haar vakinhoudelijke adviseurs vraagt, \
            afgeleid uit de ontwikkeldoelen van de Stadsbeheerleergang."
            .into(),
        levels: vec![
            level(1, "Beginnend", "Beginning",
                "Je kent dit gedrag vooral uit de leergang; in je werk laat je het nog zelden zien, en dan met hulp."),
            level(2, "In ontwikkeling", "Developing",
                "Je laat dit gedrag soms zien, vooral in bekende situaties of als iemand je erop wijst."),
            level(3, "Bekwaam", "Proficient",
                "Je laat dit gedrag zelfstandig en consequent zien, ook als de situatie lastig of nieuw is."),
            level(4, "Voorbeeld voor anderen", "Role model",
                "Dit gedrag is vanzelfsprekend voor je; collega's leren het van je en vragen je erom."),
        ],
        areas: vec![networks(), advising(), development()],
    }
}

fn networks() -> Area {
    area(
        "netwerken",
        "Werken in het web van netwerken",
        "Working in the web of networks",
        "Het web van netwerken waarin je werkt lezen, benutten en partijen verhalend verbinden.",
        vec![
            competency(
                "netwerk-lezen",
                "Het netwerk lezen",
                "Reading the network",
                "Je brengt het web van netwerken rond een vraagstuk in beeld: wie er betrokken zijn, wat zij belangrijk vinden en hoe zij zich tot elkaar verhouden.",
                vec![
                    indicator("netwerk-lezen-betrokkenen", "Brengt de betrokken personen en partijen rond een vraagstuk in kaart", [
                        "Noemt alleen de voor de hand liggende partijen binnen de eigen afdeling; anderen komen pas in beeld als zij zich zelf melden.",
                        "Maakt bij een nieuw vraagstuk een lijst van betrokkenen binnen en buiten de gemeente, maar mist partijen die indirect geraakt worden, zoals bewoners, ondernemers of andere diensten.",
                        "Brengt bij elk nieuw vraagstuk systematisch de betrokkenen in kaart (Stadsbeheer, andere diensten, bestuur, bewoners, marktpartijen) en houdt dat overzicht bij als het vraagstuk verandert.",
                        "Ziet vroeg welke partijen nog buiten beeld zijn en wijst collega's daarop; wordt gevraagd om bij vraagstukken van anderen het netwerk mee in kaart te brengen.",
                    ]),
                    indicator("netwerk-lezen-belangen", "Benoemt belang, invloed en houding van partijen", [
                        "Gaat uit van de eigen vakinhoudelijke kijk en merkt pas achteraf dat een partij andere belangen had.",
                        "Kan voor de belangrijkste partijen zeggen wat zij willen, maar schat hun invloed en houding vooral op gevoel in.",
                        "Benoemt per partij belang, invloed en houding (voor, tegen, afwachtend) en onderbouwt dat met wat die partij zelf zegt of doet.",
                        "Ziet verschuivingen in belangen en verhoudingen aankomen, bespreekt ze tijdig met opdrachtgever en collega's en past de aanpak erop aan.",
                    ]),
                    indicator("netwerk-lezen-verbanden", "Herkent verbanden, spanningen en sleutelfiguren tussen partijen", [
                        "Ziet partijen los van elkaar; wie met wie samenwerkt of botst, blijft onopgemerkt.",
                        "Herkent bekende samenwerkingen en conflicten als anderen ze noemen.",
                        "Wijst zelf aan wie partijen met elkaar verbindt en waar spanningen of blinde vlekken tussen groepen zitten.",
                        "Laat collega's met dit zicht op verbanden zien waarom een vraagstuk vastloopt en wie het los kan trekken.",
                    ]),
                ],
            ),
            competency(
                "netwerk-benutten",
                "Het netwerk benutten",
                "Using the network",
                "Je zet relaties bewust in om een vraagstuk verder te brengen en onderhoudt ze ook als er niets te halen valt.",
                vec![
                    indicator("netwerk-benutten-inschakelen", "Schakelt de juiste personen op het juiste moment in", [
                        "Werkt een vraagstuk alleen of binnen het eigen team af; anderen worden pas ingeschakeld als het vastloopt.",
                        "Weet wie er nodig is, maar benadert die persoon laat of alleen via de formele lijn, ook als een kortere weg beter werkt.",
                        "Benadert tijdig de mensen die informatie, draagvlak of beslissingsbevoegdheid hebben, en kiest bewust tussen de formele en de informele route.",
                        "Brengt met een paar gerichte contacten een vastgelopen vraagstuk weer in beweging; collega's vragen via hem of haar in contact te komen met anderen.",
                    ]),
                    indicator("netwerk-benutten-onderhouden", "Onderhoudt relaties, ook buiten lopende vraagstukken", [
                        "Heeft alleen contact met partijen als er een concreet verzoek ligt.",
                        "Houdt contact met een vaste kring van bekenden; nieuwe contacten verwateren na afloop van een project.",
                        "Investeert gericht in relaties die voor het werkveld belangrijk zijn: koppelt terug, deelt informatie en komt afspraken na, ook zonder direct belang.",
                        "Heeft een breed, wederkerig netwerk binnen en buiten de gemeente waar ook collega's gebruik van maken; introduceert anderen bij de juiste mensen.",
                    ]),
                    indicator("netwerk-benutten-inbreng", "Haalt inbreng uit het netwerk op en doet er iets mee", [
                        "Vraagt zelden naar kennis of ervaring van partijen buiten de gemeente.",
                        "Vraagt inbreng op als een procedure dat voorschrijft, zoals bij een inspraakronde.",
                        "Vraagt uit zichzelf kennis en ervaring op bij bewoners, uitvoerders en partners, en laat hen weten wat ermee gedaan is.",
                        "Zorgt dat inbreng uit het netwerk vast onderdeel wordt van adviezen en werkwijze van de dienst.",
                    ]),
                ],
            ),
            competency(
                "verhalend-verbinden",
                "Verhalend verbinden",
                "Connecting through stories",
                "Je verbindt personen en partijen door een vraagstuk te vertellen als een verhaal waarin ieder zich herkent.",
                vec![
                    indicator("verbinden-verhaal", "Vertelt een vraagstuk als een herkenbaar verhaal", [
                        "Presenteert een vraagstuk als feiten, cijfers en regels; de toehoorder moet zelf zoeken wat het betekent.",
                        "Gebruikt af en toe een voorbeeld uit de praktijk, maar het verhaal sluit nog niet aan bij wat de toehoorders bezighoudt.",
                        "Maakt met een concreet voorbeeld (een straat, een bewoner, een incident) duidelijk waarom het vraagstuk ertoe doet, afgestemd op wie er luistert.",
                        "Vertelt verhalen die blijven hangen en door anderen worden doorverteld; helpt collega's hun eigen verhaal te vinden.",
                    ]),
                    indicator("verbinden-perspectieven", "Verbindt de perspectieven van verschillende partijen", [
                        "Vertelt vanuit het eigen vakgebied; andere perspectieven komen niet aan bod.",
                        "Noemt de standpunten van andere partijen, maar naast elkaar, zonder ze met elkaar te verbinden.",
                        "Laat zien wat partijen gemeenschappelijk hebben en waar zij elkaar nodig hebben, zodat ieder zich in het verhaal herkent.",
                        "Brengt partijen met tegengestelde belangen samen rond een gedeeld verhaal, zodat zij samen een volgende stap zetten.",
                    ]),
                    indicator("verbinden-samenbrengen", "Brengt personen en partijen met elkaar in contact", [
                        "Houdt contacten bij zichzelf; partijen communiceren alleen via hem of haar met elkaar.",
                        "Brengt partijen met elkaar in contact als zij daar zelf om vragen.",
                        "Ziet wie elkaar nodig hebben, brengt hen uit zichzelf bij elkaar en zorgt voor een goede eerste kennismaking.",
                        "Legt verbindingen tussen partijen die ook zonder zijn of haar tussenkomst blijven werken.",
                    ]),
                ],
            ),
        ],
    )
}

fn advising() -> Area {
    area(
        "adviseren",
        "Adviseren en agenderen",
        "Advising and agenda-setting",
        "Vakinhoudelijk adviseren, vraagstukken oplossingsgericht agenderen en samenwerken in dialoog.",
        vec![
            competency(
                "vakinhoudelijk-adviseren",
                "Vakinhoudelijk adviseren",
                "Advising as a subject-matter expert",
                "Je vertaalt vakkennis naar een advies dat past bij de vraag van je opdrachtgever en bij de doelen van de dienst en de gemeente.",
                vec![
                    indicator("adviseren-vraag", "Verheldert de vraag achter de vraag", [
                        "Gaat direct aan de slag met de vraag zoals die gesteld is.",
                        "Stelt verduidelijkende vragen over de opdracht, maar vooral over planning en vorm.",
                        "Achterhaalt samen met de opdrachtgever welk probleem er werkelijk opgelost moet worden en legt dat vast voordat er geadviseerd wordt.",
                        "Helpt opdrachtgevers hun vraag scherper te stellen, ook als de opdracht daardoor verandert; wordt daarvoor vroeg bij trajecten betrokken.",
                    ]),
                    indicator("adviseren-onderbouwing", "Geeft een onderbouwd advies met heldere keuzes", [
                        "Geeft veel vakinformatie zonder duidelijke conclusie of aanbeveling.",
                        "Geeft een onderbouwd advies, maar zonder alternatieven of de gevolgen van elke keuze.",
                        "Legt begrijpelijke opties voor met voor- en nadelen, risico's en kosten, en doet een eigen aanbeveling.",
                        "Adviseert gevraagd en ongevraagd, ook over vraagstukken die de eigen afdeling overstijgen; adviezen worden door collega's als voorbeeld gebruikt.",
                    ]),
                    indicator("adviseren-doelen", "Verbindt het advies met de doelen van opdrachtgever, dienst en gemeente", [
                        "Adviseert vanuit de eigen vakinhoudelijke norm, los van de doelen van de opdrachtgever.",
                        "Noemt de doelen van de opdrachtgever, maar weegt die van de dienst en de gemeente niet mee.",
                        "Laat zien hoe het advies bijdraagt aan de doelen van de opdrachtgever én van Stadsbeheer en de gemeente, en benoemt waar die botsen.",
                        "Brengt de doelen van dienst en gemeente actief in bij opdrachtgevers en helpt hen keuzes te maken die beide dienen.",
                    ]),
                ],
            ),
            competency(
                "oplossingsgericht-agenderen",
                "Oplossingsgericht agenderen",
                "Solution-focused agenda-setting",
                "Je zet vraagstukken en problemen op tijd en aan de juiste tafel op de agenda, met een begaanbare weg naar een oplossing.",
                vec![
                    indicator("agenderen-signaleren", "Signaleert vraagstukken tijdig", [
                        "Merkt problemen pas op als er klachten of incidenten zijn.",
                        "Ziet problemen aankomen, maar meldt ze pas als ze urgent worden.",
                        "Signaleert vraagstukken vroeg en maakt ze bespreekbaar voordat ze escaleren.",
                        "Brengt trends en risico's voor de hele dienst in beeld en wordt gevraagd mee te bepalen wat op de agenda moet.",
                    ]),
                    indicator("agenderen-tafel", "Kiest de juiste tafel, het juiste moment en de juiste vorm", [
                        "Brengt een vraagstuk in waar het toevallig ter sprake komt.",
                        "Weet welk overleg of welke persoon beslist, maar sluit niet aan bij het ritme van planning en besluitvorming.",
                        "Brengt een vraagstuk in bij wie erover beslist, op een moment en in een vorm (notitie, gesprek, voorstel) die past bij de besluitvorming.",
                        "Zorgt dat terugkerende vraagstukken een vaste plek krijgen in de overleggen en planningen van de dienst.",
                    ]),
                    indicator("agenderen-oplossingsrichting", "Vertaalt een probleem naar een begaanbare oplossingsrichting", [
                        "Benoemt vooral wat er mis is en wie dat veroorzaakt.",
                        "Noemt naast het probleem een mogelijke oplossing, maar zonder eerste stap of benodigde middelen.",
                        "Formuleert het probleem als gedeeld doel, met een haalbare eerste stap, vervolgstappen en wie ze zet.",
                        "Maakt van een vastgelopen discussie een gezamenlijke opgave waarvoor partijen zelf oplossingen aandragen.",
                    ]),
                ],
            ),
            competency(
                "samenwerken-dialoog",
                "Samenwerken en dialoog",
                "Collaboration and dialogue",
                "Je werkt samen met collega's, opdrachtgevers en partners en voert de dialoog, want daar leren professionals het meeste van.",
                vec![
                    indicator("dialoog-doorvragen", "Luistert en vraagt door voordat hij of zij een standpunt inneemt", [
                        "Reageert snel met het eigen standpunt; vragen zijn vooral bedoeld om bevestiging te krijgen.",
                        "Luistert aandachtig als er tijd is, maar gaat onder druk het eigen voorstel verdedigen.",
                        "Vat samen wat de ander zegt, vraagt door naar achterliggende zorgen en laat zien wat daarmee gebeurt.",
                        "Maakt ook in gespannen overleggen ruimte voor een echte dialoog; anderen nemen die manier van werken over.",
                    ]),
                    indicator("samenwerken-kennis-delen", "Deelt kennis en pakt vraagstukken samen met collega's op", [
                        "Werkt vraagstukken grotendeels alleen uit; kennis blijft bij hem of haar.",
                        "Deelt kennis als daarom gevraagd wordt en helpt collega's bij concrete vragen.",
                        "Zoekt uit zichzelf collega's op om mee te denken, deelt ervaringen en producten en pakt vraagstukken samen op.",
                        "Neemt het initiatief tot samenwerking en intervisie tussen adviseurs en zorgt dat wat geleerd is beschikbaar blijft voor de dienst.",
                    ]),
                    indicator("samenwerken-feedback", "Vraagt en geeft feedback", [
                        "Vraagt zelden feedback en reageert op feedback vooral met uitleg of verdediging.",
                        "Vraagt na afloop van een traject om feedback en neemt die aan.",
                        "Vraagt tijdens het werk gericht feedback aan opdrachtgevers en collega's en geeft zelf concrete, respectvolle feedback.",
                        "Maakt feedback vragen en geven tot gewoonte in het team; ook lastige feedback kan bij hem of haar op tafel.",
                    ]),
                ],
            ),
        ],
    )
}

fn development() -> Area {
    area(
        "ontwikkelen",
        "Effect en ontwikkeling",
        "Impact and development",
        "Het effect van het eigen handelen vergroten en de eigen ontwikkeling sturen, in de praktijk en samen met anderen.",
        vec![
            competency(
                "effect-eigen-handelen",
                "Effect van het eigen handelen",
                "Impact of one's own actions",
                "Je kijkt wat jouw handelen bij anderen teweegbrengt en stuurt bij om meer effect te hebben.",
                vec![
                    indicator("effect-nagaan", "Gaat na welk effect het eigen handelen heeft", [
                        "Gaat ervan uit dat een advies is aangekomen zodra het verstuurd is.",
                        "Vraagt na afloop soms hoe een advies of overleg is ontvangen.",
                        "Gaat bij opdrachtgever en betrokkenen na wat er met een advies is gebeurd en wat het in de praktijk heeft opgeleverd.",
                        "Maakt het effect van het eigen werk zichtbaar voor de dienst, met concrete resultaten en lessen.",
                    ]),
                    indicator("effect-bijsturen", "Stuurt de eigen aanpak bij op basis van wat werkt", [
                        "Gebruikt in elke situatie dezelfde aanpak.",
                        "Past de aanpak aan na een duidelijke tegenvaller of op aanwijzing van anderen.",
                        "Kiest per situatie bewust een aanpak (overtuigen, verbinden, onderhandelen) en wisselt als die niet werkt.",
                        "Probeert nieuwe werkwijzen uit, evalueert ze en deelt met collega's wat werkt.",
                    ]),
                    indicator("effect-eigen-positie", "Kent de eigen positie en invloed in het netwerk", [
                        "Heeft weinig zicht op hoe anderen hem of haar als adviseur zien.",
                        "Kan de eigen rol in een traject benoemen, maar ziet niet hoe die positie anderen beïnvloedt.",
                        "Benoemt de eigen positie, invloed en valkuilen in het netwerk en houdt daar rekening mee in de aanpak.",
                        "Zet de eigen positie bewust in of stapt juist terug, afhankelijk van wat het vraagstuk nodig heeft.",
                    ]),
                ],
            ),
            competency(
                "reflecteren-ontwikkeling",
                "Reflecteren op de eigen ontwikkeling",
                "Reflecting on one's own development",
                "Je legt je persoonlijke ontwikkeling regelmatig onder de loep, samen met je leidinggevende en begeleider.",
                vec![
                    indicator("reflecteren-ervaringen", "Reflecteert op concrete ervaringen", [
                        "Beschrijft wat er gebeurde, zonder stil te staan bij de eigen rol.",
                        "Benoemt na een ervaring wat goed en minder goed ging, maar trekt geen conclusies voor een volgende keer.",
                        "Reflecteert met een vaste structuur (zoals STARR) op de eigen rol en legt concrete voornemens vast.",
                        "Herkent patronen in de eigen reflecties over langere tijd en helpt anderen bij het reflecteren.",
                    ]),
                    indicator("reflecteren-gesprek", "Bespreekt de eigen ontwikkeling met leidinggevende en begeleider", [
                        "Bespreekt de eigen ontwikkeling alleen als een ander het gesprek inplant.",
                        "Neemt deel aan ontwikkelgesprekken, maar komt zonder eigen vragen of voorbeelden.",
                        "Bereidt ontwikkelgesprekken voor met voorbeelden uit de praktijk, eigen vragen en een zelfscan, en maakt concrete afspraken.",
                        "Stuurt de eigen ontwikkeling zelf aan, gebruikt leidinggevende en begeleider als sparringpartner en vraagt om hun kritische blik.",
                    ]),
                    indicator("reflecteren-ontwikkeldoelen", "Stelt ontwikkeldoelen en werkt ze uit", [
                        "Heeft geen concrete ontwikkeldoelen, hooguit algemene voornemens.",
                        "Formuleert ontwikkeldoelen, maar zonder acties of termijn; in de drukte van het werk raken ze uit beeld.",
                        "Werkt aan concrete ontwikkeldoelen die aan competenties gekoppeld zijn, met acties en data, en houdt de voortgang bij.",
                        "Stelt doelen bij op grond van feedback en resultaten en laat zien hoe de eigen ontwikkeling bijdraagt aan die van het team.",
                    ]),
                ],
            ),
            competency(
                "werkend-leren",
                "Leren in de praktijk",
                "Learning in practice",
                "Je combineert theorie en praktijk door tijdens de leergang te werken aan actuele, concrete vraagstukken.",
                vec![
                    indicator("werkend-leren-vraagstuk", "Gebruikt een actueel vraagstuk als leerkans", [
                        "Houdt leergang en werk gescheiden; inzichten uit de leergang blijven in de leergang.",
                        "Brengt een vraagstuk uit het werk in als daarom gevraagd wordt.",
                        "Kiest zelf een actueel vraagstuk, probeert daar ideeën uit de leergang op uit en bespreekt het resultaat.",
                        "Maakt van lopende vraagstukken in het team leerkansen voor meerdere collega's.",
                    ]),
                    indicator("werkend-leren-theorie", "Verbindt theorie en praktijk", [
                        "Kan begrippen uit de leergang noemen, maar niet toepassen op het eigen werk.",
                        "Herkent achteraf in een situatie een begrip of model uit de leergang.",
                        "Gebruikt modellen uit de leergang (zoals een netwerkkaart of een reflectiemodel) bewust bij het voorbereiden en evalueren van het eigen werk.",
                        "Past modellen aan aan de praktijk van Stadsbeheer en legt collega's uit wanneer welk model helpt.",
                    ]),
                ],
            ),
        ],
    )
}

fn level(number: u8, label: &str, label_en: &str, description: &str) -> Level {
    Level {
        number,
        label: label.into(),
        label_en: Some(label_en.into()),
        description: description.into(),
    }
}

fn area(
    id: &str,
    name: &str,
    name_en: &str,
    description: &str,
    competencies: Vec<Competency>,
) -> Area {
    Area {
        id: id.into(),
        name: name.into(),
        name_en: Some(name_en.into()),
        description: description.into(),
        competencies,
    }
}

fn competency(
    id: &str,
    name: &str,
    name_en: &str,
    description: &str,
    indicators: Vec<Indicator>,
) -> Competency {
    Competency {
        id: id.into(),
        name: name.into(),
        name_en: Some(name_en.into()),
        description: description.into(),
        indicators,
    }
}

fn indicator(id: &str, name: &str, descriptors: [&str; 4]) -> Indicator {
    Indicator {
        id: id.into(),
        name: name.into(),
        name_en: None,
        descriptors: descriptors.map(String::from).to_vec(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_framework_is_valid_and_already_normalised() {
        let fw = default_framework();
        assert_eq!(fw.check(), Ok(()));
        let mut normalised = fw.clone();
        normalised.normalise();
        assert_eq!(normalised, fw);
    }

    #[test]
    fn the_default_framework_covers_the_course_goals() {
        let fw = default_framework();
        assert_eq!(fw.areas.len(), 3);
        assert_eq!(fw.competencies().count(), 9);
        for id in [
            "netwerk-lezen",
            "netwerk-benutten",
            "oplossingsgericht-agenderen",
            "verhalend-verbinden",
            "effect-eigen-handelen",
            "vakinhoudelijk-adviseren",
            "samenwerken-dialoog",
            "reflecteren-ontwikkeling",
        ] {
            assert!(fw.competency(id).is_some(), "{id} missing");
        }
        let labels: Vec<&str> = fw.levels.iter().map(|l| l.label.as_str()).collect();
        assert_eq!(
            labels,
            [
                "Beginnend",
                "In ontwikkeling",
                "Bekwaam",
                "Voorbeeld voor anderen"
            ]
        );
    }

    #[test]
    fn every_competency_has_two_to_four_indicators_and_english_names() {
        let fw = default_framework();
        for c in fw.competencies() {
            assert!((2..=4).contains(&c.indicators.len()), "{}", c.id);
            assert!(c.name_en.is_some(), "{}", c.id);
        }
        assert!(fw.areas.iter().all(|a| a.name_en.is_some()));
    }

    #[test]
    fn level_texts_are_distinct_sentences() {
        let fw = default_framework();
        for i in fw.indicators() {
            let mut texts = i.descriptors.clone();
            texts.sort();
            texts.dedup();
            assert_eq!(texts.len(), 4, "{}", i.id);
            assert!(
                i.descriptors
                    .iter()
                    .all(|t| t.len() > 30 && t.ends_with('.')),
                "{}",
                i.id
            );
        }
    }
}
