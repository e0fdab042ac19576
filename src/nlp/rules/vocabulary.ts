/**
 * Vocabulary: small, general English word lists the rules refer to (never names from a fixture), every
 * word list of `src/nlp` in one module. Each list says why it exists. All entries are lower-case, except
 * punctuation, currency signs and ISO codes.
 */

const words = (s: string): Set<string> => new Set(s.split('|'));

/** Abbreviations whose trailing period is part of the word ("Dr.", "Tenn.", "Inc."). */
export const ABBREVIATIONS = words(
  'mr|mrs|ms|dr|prof|sen|rep|reps|gov|gen|lt|col|maj|capt|cpl|sgt|adm|cmdr|st|mt|ft|jr|sr|inc|corp|co|ltd|bros|messrs|rev|hon|ave|blvd|dept|univ|no|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|ala|ariz|ark|calif|colo|conn|del|fla|ga|ill|ind|kan|kans|ky|la|md|mass|mich|minn|miss|mo|mont|neb|nebr|nev|okla|ore|pa|penn|tenn|tex|va|vt|wash|wis|wyo|pres|supt|atty|gov|fr|u.s|u.n|d.c|n.y|n.j|n.c|s.c|n.h|n.m|n.d|s.d|r.i|w.va',
);

/** Courtesy titles kept inside a person's name span ("Dr. Babak Mokhtari", "Mrs. Parks"). */
export const HONORIFICS = words(
  'mr.|mrs.|ms.|miss|dr.|mr|mrs|ms|dr|sir|dame|lady|lord|prof.|madame|mme.|rev.',
);

/**
 * Roles and titles that introduce or describe a person ("Director Alexey Rodos", "X, the president of Y").
 * The DIRECTS roles lead an organisation; the others are WORKS_FOR.
 */
export const LEADER_ROLES = words(
  'director|ceo|president|chancellor|chairman|chairwoman|chairperson|chair|head|founder|co-founder|cofounder|chief|leader|rector|dean|principal|governor|mayor|premier|chief executive|managing director|general manager|owner|publisher|editor|commander|superintendent|commissioner|secretary-general|secretary general|boss|executive director|administrator|provost|prime minister|minister|speaker|coordinator|secretary|treasurer|coach',
);

/** Articles that open an appositive: "X, a professor of …", "X, the company's …". */
export const APPOSITIVE_DETERMINERS = words('a|an|another|the');

/** Words that may end an appositive role: "X, a Republican who served …", "a lawyer and author". */
export const ROLE_ENDERS = words('who|whose|and|or');

/**
 * Agent nouns said of companies as often as of people ("Quorvex, a global producer of …", "X, its largest
 * investor"): such an appositive head tells no person.
 */
export const COMPANY_AGENT_NOUNS = words(
  'producer|developer|owner|publisher|operator|investor|leader|provider|builder|designer|maker|manufacturer|supplier|distributor|retailer|lender|insurer|broadcaster|carrier|player|partner|member|founder|co-founder|backer|shareholder|holder|buyer|seller|vendor|client|customer|sponsor|creator|pioneer|host|employer|contractor|agent|adviser|advisor|consultant|administrator',
);

/** Possessive determiners: "X, its largest investor" speaks of X as a thing. */
export const POSSESSIVE_DETERMINERS = words('its|their|his|her|our|my|your');

/** Roles of people who work for (or represent) an organisation without leading it. */
export const MEMBER_ROLES = words(
  'anchorman|anchorwoman|anchor|manager|captain|host|presenter|designer|programmer|coordinator|fellow|athlete|candidate|star|solicitor|commentator|supervisor|spokesman|spokeswoman|spokesperson|official|officer|employee|analyst|economist|attorney|lawyer|counsel|adviser|advisor|aide|agent|correspondent|reporter|editor|columnist|writer|researcher|scientist|professor|lecturer|engineer|consultant|member|representative|envoy|ambassador|delegate|diplomat|staffer|staff|worker|executive|partner|associate|assistant|deputy|investigator|detective|inspector|trustee|auditor|strategist|economist|physicist|historian|expert|specialist|teacher|student|researcher|prosecutor|judge|justice|senator|congressman|congresswoman|lawmaker|legislator|policeman|soldier|pilot|doctor|surgeon|nurse|broker|trader|banker|negotiator|operative|volunteer|activist|fellow|scholar',
);

/**
 * Nouns for private people that a place before or after them makes a home ("an Atlanta businessman", "a
 * Chicago mother", "Jan Oller, a Tulsa lawyer"), unlike offices ("the Texas governor"), which news names by
 * the place they serve.
 */
export const RESIDENT_NOUNS = words(
  'resident|residents|man|woman|men|women|boy|girl|mother|father|mom|dad|grandmother|grandfather|couple|family|businessman|businesswoman|businessmen|entrepreneur|lawyer|attorney|doctor|physician|dentist|nurse|teacher|student|artist|designer|architect|developer|builder|farmer|rancher|homeowner|retiree|writer|author|novelist|poet|musician|singer|songwriter|rapper|photographer|filmmaker|chef|restaurateur|landlord|investor|banker|pastor|activist|veteran|teenager|native|real-estate|realtor|merchant|shopkeeper|philanthropist|millionaire|billionaire|tycoon|magnate|journalist|blogger|painter|sculptor|actor|actress|comedian|dancer|composer|pianist|guitarist|inventor|engineer|scientist|psychologist|economist|historian',
);

/** Titles written before a name that are not part of it in news style ("Sen. Strom Thurmond"). */
export const NAME_TITLES = words(
  'commander|adviser|advisor|republican|democrat|democratic|soprano|tenor|producer|director|actor|actress|composer|singer|songwriter|author|poet|novelist|painter|artist|comedian|playwright|guitarist|pianist|conductor|drummer|rapper|dancer|sculptor|architect|photographer|journalist|evangelist|astronaut|explorer|inventor|outlaw|officer|patrolman|trooper|agent|foreign|prime|former|acting|interior|defense|defence|finance|assistant|senior|president|sen.|senator|rep.|representative|gov.|governor|gen.|general|adm.|admiral|col.|colonel|lt.|capt.|captain|maj.|major|sgt.|judge|justice|chancellor|director|chairman|minister|premier|mayor|secretary|ambassador|prince|princess|king|queen|pope|cardinal|bishop|archbishop|father|rabbi|sheik|sheikh|ayatollah|emperor|chief|commissioner|prosecutor|attorney|officer|detective|sheriff|coach|pastor|chairwoman|vice|deputy|magnate|billionaire|millionaire|tycoon|businessman|businesswoman|entrepreneur|founder|ceo|spokesman|spokeswoman|correspondent|professor|prof.|ex-president|president-elect|pres.|leader|administrator|insider|host|anchor|analyst|economist|strategist|dictator|rebel|sultan|emir|count|baron|duke|duchess|sen|gov|gen|rep',
);

/** Last words of organisation names ("… University", "… Group", "… Inc."). */
export const ORG_HEADS = words(
  'library|inc|inc.|corp|corp.|co|co.|ltd|ltd.|llc|plc|jsc|ag|gmbh|sa|nv|bv|llp|lp|group|university|college|school|academy|institute|institution|bank|ministry|agency|department|dept.|bureau|office|commission|committee|council|board|authority|administration|association|federation|union|league|society|foundation|fund|trust|company|corporation|companies|enterprises|industries|holdings|partners|systems|technologies|laboratories|labs|airlines|airways|motors|network|networks|press|times|post|news|journal|herald|tribune|gazette|magazine|television|radio|broadcasting|party|parliament|congress|senate|assembly|court|army|navy|force|forces|guard|police|service|services|center|centre|centers|museum|hospital|clinic|church|brigade|front|movement|organization|organisation|exchange|technopark|technoparks|park|incubator|accelerator|team|club|unit|division|delegation|cabinet|government|coalition|alliance|consortium|conference|confederation|commission|agency|tech|depository|plant|theatre|theater|opera|hotel|citizen|robotics|aerospace|capital|securities|equities|entertainment|studios|studio|media|software|pharmaceuticals|pharma|interactive|games|records|ventures|solutions|analytics|therapeutics|logistics|communications|telecom|forum|infirmary|register|courant|chronicle|observer|monthly|weekly|daily|insider|review|airline|motors',
);

/** First words of organisation names ("University of …", "Bank of …"). */
export const ORG_OPENERS = words(
  'university|bank|ministry|department|institute|academy|college|school|museum|church|commission|committee|council|bureau|office|court|house|federation|association|society|union|league|order|board|friends|party|group',
);

/** Last words of place names ("… County", "… River"). */
/**
 * Plural field nouns that name a public body's remit before "and" ("Varnholt Securities and Exchange Commission",
 * "Arts and Sciences Council"), and the heads of such bodies that close the name.
 */
export const REMIT_NOUNS = words('securities|sciences|arts|services|communications');
export const PUBLIC_BODY_HEADS = words(
  'commission|administration|agency|department|council|committee|bureau|board|authority|academy|institute|society|foundation|museum|ministry|office',
);

/** What a title's office is called after its possessive ("Sheriff's Office", "Attorney's Department"). */
export const OFFICE_HEADS = words('office|department|bureau|unit|division|chambers');

export const PLACE_HEADS = words(
  'county|city|town|village|island|islands|isle|river|mountain|mountains|mount|mt.|lake|bay|beach|valley|province|state|states|district|region|peninsula|gulf|sea|ocean|coast|strait|canal|desert|forest|hills|heights|springs|falls|harbor|harbour|port|square|street|avenue|road|boulevard|bridge|airport|station|territory|territories|republic|kingdom|emirates|land|heights|point|canyon|creek|plains|seashore|shore|prefecture|oblast|krai|borough|township|parish|cape|zone',
);

/** Lower-case nouns that name a kind of organisation ("the Khuzestan technopark", "a software company"). */
export const ORG_NOUNS = words(
  'company|companies|firm|firms|group|groups|startup|startups|corporation|bank|banks|university|universities|technopark|technoparks|park|parks|agency|agencies|newspaper|network|exchange|institute|fund|party|ministry|government|maker|manufacturer|producer|operator|developer|retailer|chain|carrier|airline|insurer|provider|conglomerate|giant|service|publisher|broadcaster|incubator|accelerator|hub|center|centre|college|school|club|team|council|organization|organisation|association|union|automaker|carmaker|plane-maker|planemaker|chipmaker|drugmaker|firm|website|outlet|station|tank|regulator|lender|brokerage|miner|utility|supplier|distributor|studio|label|band|nonprofit|charity|watchdog|newspapers|chain|business|businesses|enterprise|venture|consultancy|channel|magazine|paper|app|platform',
);

/** Nouns that, in "the X", refer back to an organisation ("the company said"). */
export const ORG_ANAPHORS = words(
  'company|group|firm|bank|university|agency|corporation|organization|organisation|band',
);

/** The 50 US states and their news-wire abbreviations, plus DC. */
export const US_STATES = words(
  'alabama|alaska|arizona|arkansas|california|colorado|connecticut|delaware|florida|georgia|hawaii|idaho|illinois|indiana|iowa|kansas|kentucky|louisiana|maine|maryland|massachusetts|michigan|minnesota|mississippi|missouri|montana|nebraska|nevada|new hampshire|new jersey|new mexico|new york|north carolina|north dakota|ohio|oklahoma|oregon|pennsylvania|rhode island|south carolina|south dakota|tennessee|texas|utah|vermont|virginia|washington|west virginia|wisconsin|wyoming|ala.|ariz.|ark.|calif.|colo.|conn.|del.|fla.|ga.|ill.|ind.|kan.|kans.|ky.|la.|md.|mass.|mich.|minn.|miss.|mo.|mont.|neb.|nebr.|nev.|okla.|ore.|pa.|tenn.|tex.|va.|vt.|wash.|wis.|wyo.|n.y.|n.j.|n.c.|s.c.|n.h.|n.m.|n.d.|s.d.|r.i.|w.va.|d.c.|n.y|n.j|n.c|s.c|r.i|d.c',
);

/** Country names (and common short forms) that compromise may miss or mis-tag. */
export const COUNTRIES = words(
  'afghanistan|albania|algeria|angola|argentina|armenia|australia|austria|azerbaijan|bahrain|bangladesh|belarus|belgium|bolivia|bosnia|brazil|britain|bulgaria|burma|cambodia|cameroon|canada|chile|china|colombia|congo|croatia|cuba|cyprus|czechoslovakia|denmark|ecuador|egypt|england|estonia|ethiopia|finland|france|georgia|germany|ghana|greece|guatemala|haiti|honduras|hungary|iceland|india|indonesia|iran|iraq|ireland|israel|italy|jamaica|japan|jordan|kazakhstan|kenya|korea|kuwait|laos|latvia|lebanon|liberia|libya|lithuania|malaysia|mexico|moldova|mongolia|morocco|mozambique|namibia|nepal|netherlands|nicaragua|nigeria|norway|oman|pakistan|panama|paraguay|peru|philippines|poland|portugal|qatar|romania|russia|rwanda|scotland|senegal|serbia|singapore|slovakia|slovenia|somalia|spain|sudan|sweden|switzerland|syria|taiwan|tajikistan|tanzania|thailand|tunisia|turkey|uganda|ukraine|uruguay|uzbekistan|venezuela|vietnam|wales|yemen|yugoslavia|zaire|zambia|zimbabwe|u.s.|u.s|us|usa|u.s.a.|america|united states|soviet union|u.k.|uk|united kingdom|ussr|el salvador|south africa|north korea|south korea|new zealand|saudi arabia|sri lanka|ivory coast|costa rica|puerto rico|east germany|west germany|dominican republic|persian gulf|europe|asia|africa|latin america|middle east|palestine|kosovo|luxembourg|monaco|malta|south sudan|botswana|belize|bahamas|barbados|fiji|papua new guinea|myanmar|brunei|bhutan|maldives|uae|united arab emirates|kyrgyzstan|turkmenistan|north macedonia|macedonia|montenegro|liechtenstein|andorra|san marino|czech republic|czechia|bosnia and herzegovina|bosnia-herzegovina|burkina faso|benin|sierra leone|gabon|eritrea|djibouti|madagascar|mauritius|malawi|lesotho|eswatini|swaziland|cape verde|gambia|equatorial guinea|central african republic|east timor|timor-leste|solomon islands|samoa|vanuatu|kiribati|grenada|saint lucia|suriname|guyana|trinidad and tobago|great britain|west bank|gaza strip',
);

/** Demonyms → the country they name; used by relations ("a Swedish company" BASED_IN Sweden). */
export const DEMONYMS: ReadonlyMap<string, string> = new Map(
  'american:United States|russian:Russia|iranian:Iran|swedish:Sweden|british:United Kingdom|french:France|german:Germany|italian:Italy|spanish:Spain|chinese:China|japanese:Japan|korean:Korea|indian:India|pakistani:Pakistan|israeli:Israel|palestinian:Palestine|iraqi:Iraq|syrian:Syria|egyptian:Egypt|turkish:Turkey|greek:Greece|polish:Poland|ukrainian:Ukraine|canadian:Canada|mexican:Mexico|brazilian:Brazil|argentine:Argentina|cuban:Cuba|haitian:Haiti|soviet:Soviet Union|saudi:Saudi Arabia|lebanese:Lebanon|jordanian:Jordan|libyan:Libya|afghan:Afghanistan|vietnamese:Vietnam|cambodian:Cambodia|thai:Thailand|filipino:Philippines|indonesian:Indonesia|malaysian:Malaysia|australian:Australia|dutch:Netherlands|belgian:Belgium|swiss:Switzerland|austrian:Austria|norwegian:Norway|danish:Denmark|finnish:Finland|irish:Ireland|scottish:Scotland|portuguese:Portugal|croatian:Croatia|serbian:Serbia|bosnian:Bosnia|hungarian:Hungary|romanian:Romania|bulgarian:Bulgaria|czech:Czech Republic|chilean:Chile|colombian:Colombia|peruvian:Peru|venezuelan:Venezuela|nicaraguan:Nicaragua|panamanian:Panama|salvadoran:El Salvador|nigerian:Nigeria|kenyan:Kenya|ethiopian:Ethiopia|somali:Somalia|sudanese:Sudan|algerian:Algeria|moroccan:Morocco|tunisian:Tunisia|kuwaiti:Kuwait|yemeni:Yemen|armenian:Armenia|georgian:Georgia|azerbaijani:Azerbaijan|kazakh:Kazakhstan|estonian:Estonia|latvian:Latvia|lithuanian:Lithuania|belarusian:Belarus|english:England|welsh:Wales|taiwanese:Taiwan|singaporean:Singapore|zimbabwean:Zimbabwe|angolan:Angola|south african:South Africa|north korean:North Korea|south korean:South Korea|new zealand:New Zealand'
    .split('|')
    .map((pair) => pair.split(':') as [string, string]),
);

/** Capitalised words that are never entities on their own: page furniture, weekdays, pronouns. */
export const NON_ENTITY_WORDS = words(
  'ii|iii|iv|us|history|topics|topic|tags|tag|scroll|top|share|home|news|menu|search|read|more|related|comments|comment|advertisement|subscribe|login|sign|monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|i|we|he|she|they|it|you|the|a|an|this|that|these|those|but|and|or|if|in|on|at|for|with|by|from|of|to|as|after|before|when|while|meanwhile|thus|finally|also|however|today|yesterday|tomorrow|mr|mrs|ms|dr|god|jan.|feb.|aug.|sept.|oct.|nov.|dec.|gmt|cdt|edt|est|pst|pdt|cst|am|pm|a.m.|p.m.|text|page|photo|video',
);

/** Words that join two capitalised runs into one name ("Bank of America", "Procter & Gamble"). */
export const NAME_JOINERS = words('of|&|and|de|del|der|van|von|du|la|le|da|di|al|el|bin|ibn|for|on|the');

/** Institutions news names with one word. */
export const SINGLE_WORD_ORGS = words(
  'congress|senate|navy|parliament|pentagon|nato|opec|interpol|knesset|duma',
);

/** Demonyms that news uses for the state itself ("Soviet troops" = of the Soviet Union). */
export const DEMONYMS_AS_PLACES = words('soviet');

/**
 * Capitalised abbreviations of ordinary English (business, technology, sport, medicine, measures): an
 * all-capital word in this list is a common noun, never an organisation ("the CEO", "an SUV", "GDP").
 */
export const COMMON_ACRONYMS = words(
  'ceo|cfo|coo|cto|cio|cmo|cso|evp|svp|vp|md|gm|hr|pr|it|ipo|ipos|m&a|gdp|cpi|eps|ebitda|roi|yoy|qoq|ytd|etf|etfs|reit|nav|aum|otc|b2b|b2c|saas|api|apis|ai|ml|ar|vr|xr|iot|5g|4g|lte|wifi|wi-fi|gps|usb|usb-c|hdmi|led|leds|lcd|oled|tv|tvs|hdtv|pc|pcs|cpu|gpu|ssd|ram|os|ios|app|apps|url|html|pdf|faq|diy|vip|ok|asap|fyi|aka|tbd|rsvp|ps|id|ids|dna|rna|hiv|aids|icu|er|mri|ct|covid|sars|flu|bpa|pet|pvc|co2|ev|evs|suv|suvs|awd|rwd|4wd|mpg|mph|kph|rpm|hp|kw|kwh|mw|gw|hvac|ac|am|pm|gmt|utc|est|edt|pst|pdt|cst|cdt|bst|cet|ira|iras|401k|ppe|diy|mvp|td|tds|qb|qbs|rb|wr|te|dl|ol|lb|db|ot|era|rbi|kpi|kpis|crm|erp|cpm|ctr|rtb|dsp|ssp|seo|sem|ppc|roas|arpu|gmv|dau|mau|ux|ui|r&d|q1|q2|q3|q4|h1|h2|fy|lp|ep|dj|mc|ad|ads|bc|bce|ce|mba|phd|bsc|msc|ba|ma|llm|jd|md|rn|lgbt|lgbtq|ngo|ngos|pac|pacs|dui|dwi|atm|atms|pin|vin|sku|gst|vat|rrp|msrp|mou|jv|esg|ict|sme|smes|cbd|thc|doi|isbn|issn|rss|ftp|http|https|www|vs|ie|eg|etc|na|n/a|tba|tbc',
);

/** The US Postal Service's two-letter state codes: places only where a town names its state ("Tampa, FL"). */
export const US_POSTAL_CODES = words(
  'al|ak|az|ar|ca|co|ct|de|fl|ga|hi|id|il|in|ia|ks|ky|la|me|md|ma|mi|mn|ms|mo|mt|ne|nv|nh|nj|nm|ny|nc|nd|oh|ok|or|pa|ri|sc|sd|tn|tx|ut|vt|va|wa|wv|wi|wy|dc|on|bc|ab|qc|ns|nb|mb|sk|nl|pe',
);

/** Last words of venue names, which news treats as places ("Bridgestone Arena", "Coral Sky Amphitheatre"). */
export const VENUE_HEADS = words(
  'amphitheatre|amphitheater|arena|stadium|pavilion|auditorium|coliseum|colosseum|ballpark|speedway|raceway|fairgrounds|showroom|velodrome|racecourse|bowl|garden|gardens',
);

/** Words that make a following "Center", "Hall", "Theater" or "Park" a venue ("Performing Arts Center"). */
export const VENUE_MODIFIERS = words(
  'music|arts|performing|events|event|convention|concert|exhibition|sports|entertainment|civic|community',
);

/** Positions of players in a team ("Browns pass rusher Myles Garrett", "Lakers forward LeBron James"). */
export const TEAM_ROLES = words(
  'quarterback|placekicker|goaltender|netminder|reliever|linebacker|receiver|wideout|cornerback|safety|tackle|rusher|kicker|punter|running back|halfback|fullback|forward|guard|center|centre|defender|defenceman|defenseman|midfielder|striker|winger|goalkeeper|goalie|keeper|pitcher|catcher|shortstop|outfielder|infielder|batsman|bowler|player|star|teammate|rookie|captain|playmaker|lineman|dl|qb|rb|wr|te|lb|db|cb|ol',
);

/** Nouns after "X's" that only an organisation has ("Tesla's shares", "Ubisoft's chief executive"). */
export const ORG_POSSESSIONS = words(
  'shares|stock|shareholders|stockholders|investors|board|subsidiary|subsidiaries|unit|division|parent|headquarters|hq|employees|staff|workforce|customers|users|subscribers|app|apps|platform|website|site|stores|shops|outlets|factories|factory|plant|plants|products|brand|brands|revenue|revenues|profit|profits|earnings|sales|valuation|ipo|chief executive|ceo|cfo|coo|cto|founder|co-founder|cofounder|chairman|chairwoman|spokesperson|spokesman|spokeswoman|management|executives|ceo',
);

/** Verbs whose object is a company ("acquired Fitbit", "invested in Anthropic"). */
export const ORG_OBJECT_VERBS = words(
  'acquired|acquire|acquires|acquiring|bought|buy|buys|buying|purchased|purchase|sued|suing|invested|invests|investing|merge|merged|merging|partnered|partnering|backed|backing',
);

/** The planets and the best-known moons, which news names as places ("landers on the Moon", "water on Europa"). */
export const CELESTIAL_BODIES = words(
  'mercury|venus|earth|mars|jupiter|saturn|uranus|neptune|pluto|moon|europa|titan|enceladus|ganymede|callisto|phobos|deimos|triton|charon',
);

/**
 * Capitalised words that qualify a job title right after them ("Press Secretary", "National Security
 * Adviser", "Chief Strategy Officer"): part of the title, not of the employer's name before it.
 */
export const TITLE_MODIFIERS = words(
  'press|security|national|communications|strategy|operating|operations|financial|technology|marketing|information|managing|policy|trade|economic|campaign|political|legal|research|investment|sales|product|creative|editorial|affairs|resources|digital|data|science|medical|legislative|domestic|military|intelligence|regional|global|associate|special|senior|deputy|assistant|executive|general|principal|vice',
);

/** Departments named after "Secretary of", "Minister of" ("Secretary of State Hal Brenning"). */
export const TITLE_DEPARTMENTS = words(
  'state|defense|defence|commerce|energy|labor|labour|treasury|education|health|agriculture|interior|transportation|justice|housing|finance|war|trade|culture|homeland|veterans',
);

/** Verbs of winning a game ("beat", "rolled past"): the sides of a game with a score are teams. */
export const WIN_VERBS = words(
  'beat|beats|defeated|defeats|edged|edges|routed|downed|downs|topped|blanked|outlasted|thrashed|stunned|upset',
);
/** Verbs that win a game with "past" or "over" ("rolled past", "cruised over"). */
export const WIN_PAST_VERBS = words(
  'rolled|cruised|raced|breezed|slipped|eased|pulled|got|held|rallied|pulled|powered|surged|romped|coasted|hung',
);
/** The words after a WIN_PAST_VERBS verb that take its loser ("rolled past", "cruised over"). */
export const WIN_PARTICLES = words('past|over');

/** Legal suffixes that end a company's name ("Corp.", "Co.", "Ltd"). */
export const LEGAL_SUFFIXES = words('corp|corp.|co|co.|inc|inc.|ltd|ltd.|llc|plc|gmbh|ag|sa|nv|bv|llp|lp');

// --- Sentences and name chunks -------------------------------------------------------------------

/** A standalone full stop, question or exclamation mark ends a sentence (tokenized corpora leave them loose). */
export const SENTENCE_END = new Set(['.', '!', '?']);

/** Title words that are also surnames or name parts ("Martin Luther King", "General Motors"): split only at a run's start. */
export const AMBIGUOUS_TITLES = new Set([
  'king',
  'queen',
  'major',
  'general',
  'count',
  'father',
  'chief',
  'baron',
  'duke',
  'judge',
  'justice',
  'prince',
  'vice',
  'deputy',
  'former',
  'senior',
  'assistant',
  'executive',
  'foreign',
  'prime',
  'acting',
]);

/**
 * Words that end a capitalised run without being part of the name: "in Denver Wednesday", and headline
 * verbs ("Clinton Has Plan", "Christophersen Says").
 */
export const TRAILING_NON_NAME = new Set([
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
  'says',
  'said',
  'has',
  'have',
  'is',
  'are',
  'was',
  'will',
]);

/** Head nouns that end organisation, place and venue names. */
export const HEADS = new Set([...ORG_HEADS, ...PLACE_HEADS, ...VENUE_HEADS]);

// --- Entity typing -------------------------------------------------------------------------------

/** Words that put a following name in a place ("in Ahvaz", "near Morgan City"). */
export const PLACE_PREPOSITIONS = new Set([
  'in',
  'near',
  'outside',
  'across',
  'into',
  'around',
  'toward',
  'towards',
]);

/** Words that open place names, never given names: "Northern Corvallis", "Fort Wayne", "Lake Placid". */
/** Words that open only the names of towns and landmarks ("Port Dravny", "Ciudad Varela", "San Quarro"). */
export const TOWN_OPENERS = words('port|fort|san|santa|ciudad|puerto|porto|sao|são|los|las|mount|lake');

export const PLACE_OPENERS = words(
  'north|south|east|west|northern|southern|eastern|western|central|northeast|northwest|southeast|southwest|upper|lower|new|greater|fort|port|mount|lake|san|santa|saint|st.',
);

/**
 * Plural kind nouns that introduce a list of names of their kind ("airlines such as …", "countries
 * including …", "players like …"), with the type they give.
 */
export const KIND_NOUNS: ReadonlyMap<string, string> = new Map([
  ...[
    'companies|firms|banks|airlines|carriers|brands|retailers|automakers|carmakers|manufacturers|makers|lenders|insurers|publishers|newspapers|broadcasters|networks|agencies|organizations|organisations|startups|start-ups|universities|colleges|teams|clubs|unions|charities|studios|labels|sponsors|rivals|competitors|chains|conglomerates|giants|outlets|platforms',
  ]
    .join('|')
    .split('|')
    .map((w) => [w, 'Organization'] as const),
  ...'countries|nations|cities|towns|states|provinces|regions|villages|capitals'
    .split('|')
    .map((w) => [w, 'Place'] as const),
  ...'artists|musicians|singers|actors|actresses|politicians|senators|lawmakers|executives|athletes|writers|authors|directors|ministers'
    .split('|')
    .map((w) => [w, 'Person'] as const),
]);

/** Words (one or two) right before a list that say its items are of the kind before them. */
export const KIND_LIST_CUES = words('such as|including|like|include|includes|included|are|were|:|namely');

/** Numerals that close a personal name by its generation ("Marcus Delane III"), as written. */
export const GENERATION_NUMERALS = new Set(['II', 'III', 'IV']);

/** Prepositions of going and coming, which compromise may tag otherwise: "flew to Houston", "from Akron". */
export const MOTION_PREPOSITIONS = words('to|from|at|via');

/** Verbs of killing around a name mark it as a person. */
export const KILL_CUES = new Set([
  'killed',
  'shot',
  'murdered',
  'assassinated',
  'stabbed',
  'slew',
  'strangled',
  'kill',
  'shoot',
  'murder',
  'assassinate',
]);

/** Verbs whose "with X" names a party to an agreement. */
export const PARTNER_VERBS = new Set([
  'agreed',
  'agrees',
  'signed',
  'partnered',
  'merged',
  'allied',
  'cooperates',
  'teamed',
]);

/** Verbs of saying: the name before or after one is a speaker ("…, Rodos said", "said Lifa"). */
export const SAID = new Set([
  'said',
  'says',
  'told',
  'added',
  'explained',
  'noted',
  'asked',
  'replied',
  'stated',
  'wrote',
  'tweeted',
  'testified',
  'recalled',
  'insisted',
  'admitted',
  'joked',
]);

/** Last words of event and law names. */
export const EVENT_HEADS = new Set([
  'cup',
  'finals',
  'final',
  'championship',
  'championships',
  'tournament',
  'olympics',
  'show',
  'festival',
  'expo',
  'awards',
  'act',
  'war',
  'prize',
  'trophy',
  'marathon',
]);

/** Last words of street names. */
export const STREET_HEADS = new Set([
  'street',
  'st.',
  'avenue',
  'ave.',
  'road',
  'rd.',
  'boulevard',
  'blvd.',
  'drive',
  'lane',
]);

/** Generic venue words that need a modifier to name a venue ("Performing Arts Center", "Jones Beach Theater"). */
export const VENUE_GENERIC = new Set(['center', 'centre', 'hall', 'theater', 'theatre', 'park', 'stage']);

/** Possessive endings, as tokens ("'s", "’s", and a bare apostrophe after a plural). */
export const APOSTROPHE_S = new Set(["'s", '’s', "'", '’']);

/** Words that open a capitalised job title ("Head of Research", "Chief Strategy Officer", "Senior Vice President"). */
export const ROLE_PHRASE_OPENERS = words('head|chief|senior|vice|deputy');

/** What a company has and sells ("shares of Tesla", "stock in Apple", "a stake in X"). */
export const SHARE_NOUNS = words('shares|stock|stake');

/** Verbs after an outlet's name that report the news ("…, Politico reported"). */
export const REPORT_VERBS = words('reported|reports');

/** Marks after a dateline's city ("BERLIN —", "BAAR, SWITZERLAND", "LONDON (AP)"). */
export const DATELINE_MARKS = words('—|–|-|,|(');

/** Capitalised nouns that take a number as a label, not a score ("Chapter 11", "Game 5", "Route 66"). */
export const NUMBERED_NOUNS = words(
  'chapter|section|article|page|item|phase|stage|level|step|part|game|round|week|day|year|season|episode|volume|issue|room|gate|line|route|highway|interstate|channel|grade|class|category|type|model|number|no|no.|apollo|windows|iphone|galaxy|pixel|version|row|seat|floor|unit|building|block|lot|exit|platform|terminal|pier|figure|table|question|point|rule|amendment|title|clause|schedule|district|ward|precinct|division|group|pool|heat|lane|court|hole|match|set|leg|race|lap|act|scene|track|disc|side',
);

/** Verbs that give a player's statistic ("stopped 27 shots", "had two assists", "rushed for 112 yards"). */
export const STAT_VERBS = words(
  'had|made|stopped|scored|rushed|threw|caught|added|recorded|collected|grabbed|passed|finished',
);
/** What a player's statistics count. */
export const PLAYER_STATISTICS = words(
  'saves|shots|assists|assist|goals|goal|points|yards|carries|rebounds|touchdowns|touchdown|tackles|sacks|strikeouts|hits|aces|receptions|catches|interceptions|birdies|wickets',
);

/** Verbs only a person does, right after the name: "Penrose thought", "Brenholt apologized". */
export const HUMAN_VERBS = words(
  'thought|believed|wrote|apologized|apologised|resigned|died|pleaded|confessed|married|graduated|retired|testified|smiled|laughed|wept|cried|recalled|insisted|admitted|joked|shrugged|nodded|sighed|prayed|raped|stabbed|slept|ate|drank|fled|lived|taught|starred|divorced|remarried',
);
/**
 * Past participles after "was"/"is being" that only a person undergoes: "Varnell was convicted", "was born"
 * (not "named", "held", "released", "charged", "nominated": towns, events, products and companies are too).
 */
export const HUMAN_PASSIVES = words(
  'born|convicted|sentenced|arrested|jailed|imprisoned|executed|assassinated|murdered|elected|reelected|re-elected|appointed|sworn|acquitted|pardoned|paroled|detained|kidnapped|abducted|wounded|injured|hospitalized|buried|married|knighted|promoted',
);
/**
 * Words that a headline or a title capitalises but a name leaves in lower case, or lacks: auxiliaries,
 * question words and prepositions a name does not join by ("Men Who Ruled Varnholt", "Wings Will Be
 * Printed", "Hoping To Return").
 */
export const TITLE_CASE_FUNCTION_WORDS = words(
  'will|be|is|are|was|were|been|can|could|would|should|may|might|must|do|does|did|to|who|what|why|how|when|where|over|between|into|with|from|after|before|about|against|up|down|off|out',
);

/** Dashes as tokens ("--" is two "-" tokens). */
export const DASHES = words('-|–|—');
/** Marks that open an entry of a date listing ("June 30 -- Venue, Town, ST", "Town, ST @ Venue"). */
export const LISTING_MARKS = new Set([...DASHES, '@']);

/** Marks after the date of a dated dateline ("Moscow March 5 ( ITAR-TASS ) --"). */
export const DATED_DATELINE_MARKS = words('(|--|—');

// --- Document-level mentions and aliases ---------------------------------------------------------

/**
 * Titles that news style writes as part of a name ("President Halvard", "Queen Aldara", "Prince
 * Corwin"); the mention keeps them, keys and aliases do not.
 */
export const TITLES_IN_NAME = new Set([
  'president',
  'queen',
  'king',
  'prince',
  'princess',
  'emperor',
  'empress',
  'duke',
  'duchess',
  'sultan',
  'sheikh',
  'sheik',
  'emir',
  'pope',
]);

/** Words that join the items of a list. */
export const LIST_JOINERS = new Set([',', 'and', 'or']);

/** "Washington, D.C.": the district is part of the city's name, not a state it lies in. */
export const DISTRICT_OF_COLUMBIA = new Set(['D.C.', 'DC', 'D.C']);

/** "born in Kinderhook, N.Y.": a birthplace is written as one "town, state" phrase. */
export const BIRTH_CUES = ['born in', 'born near', 'died in', 'death in', 'native of', 'born at'];

/** Words ignored when building an acronym from an expansion ("Bank of America" → "BOA" / "BA"). */
export const ACRONYM_SKIP = new Set(['of', 'and', 'the', '&', 'for', 'de']);

// --- Relations: word classes and roles -----------------------------------------------------------

/** Verbs of killing ("X shot Y"). */
export const KILL_VERBS = new Set(
  'killed|kills|kill|shot|shoot|shoots|murdered|murder|murders|assassinated|assassinate|slew|slain|stabbed|strangled|gunned|executed|bludgeoned|poisoned|beheaded|wounded|murdering|killing|shooting|assassinating|stabbing'.split(
    '|',
  ),
);

/** Nouns naming a killing ("the assassination of Y"). */
export const KILLING_NOUNS = new Set(
  'assassination|assassinations|murder|murders|killing|killings|slaying|slayings|shooting|death|stabbing|execution|murdering|assassinating'.split(
    '|',
  ),
);

/** Nouns naming a killer ("Kennedy assassin Sirhan"). */
export const KILLER_NOUNS = new Set('assassin|killer|murderer|gunman|slayer|assassins|killers'.split('|'));

/** Words before a leading role that make it a role below the top ("vice president", "deputy director"). */
export const SUBORDINATE = new Set([
  'vice',
  'deputy',
  'associate',
  'assistant',
  'senior',
  'executive',
  'regional',
  'area',
]);

/** Role words that make a ROLE fact FOUNDED ("Y founder X", "co-founders X and Z"). */
export const FOUNDER_ROLES = new Set(['founder', 'co-founder', 'cofounder', 'founders', 'co-founders']);

/** Capitalised words that qualify a role without naming a unit it leads ("Chief", "Senior Vice", "Co-"). */
export const ROLE_QUALIFIERS = words('chief|senior|vice|co');

/** Words the patterns class as adjectives (`~adj`) even where compromise does not ("top", "former", "chief"). */
export const ADJECTIVE_WORDS = words('top|senior|former|chief|deputy|acting|longtime|leading|major');

/** What joins coordinated arguments of one fact ("the Fars and the Khuzestan technoparks", "X, and Y"). */
export const COORDINATION_JOINERS = ['and', 'and the', ', and', ', the', ','];

// --- Money (value rules) -------------------------------------------------------------------------

/**
 * Currency signs written before the amount, longest first (so "US$" wins over "$"). A bare "$" is the US
 * dollar: most English news that writes "$" alone means it; other dollars are usually marked ("A$", "C$").
 */
export const CURRENCY_SIGNS: ReadonlyArray<readonly [sign: string, code: string]> = [
  ['U.S.$', 'USD'],
  ['US$', 'USD'],
  ['AU$', 'AUD'],
  ['CA$', 'CAD'],
  ['HK$', 'HKD'],
  ['NZ$', 'NZD'],
  ['A$', 'AUD'],
  ['C$', 'CAD'],
  ['S$', 'SGD'],
  ['R$', 'BRL'],
  ['$', 'USD'],
  ['€', 'EUR'],
  ['£', 'GBP'],
  ['¥', 'JPY'],
  ['₹', 'INR'],
  ['₩', 'KRW'],
  ['₽', 'RUB'],
];

/** ISO 4217 codes that news writes next to amounts ("USD 5 million", "300 EUR"). Upper case only. */
export const CURRENCY_CODES = new Set(
  'USD|EUR|GBP|JPY|CNY|RMB|CHF|CAD|AUD|NZD|HKD|SGD|INR|RUB|BRL|MXN|KRW|ZAR|TRY|SEK|NOK|DKK|PLN|AED|SAR'.split(
    '|',
  ),
);

/** Codes written differently from ISO 4217 ("RMB" is the renminbi, ISO `CNY`). */
export const CODE_ALIASES: Readonly<Record<string, string>> = { RMB: 'CNY' };

/**
 * Currency names written after the amount ("1.2 million euros"); a qualifier before a name picks the
 * country ("Canadian dollars"). Left out on purpose: "won" (a verb), "rand" (a name), "pesos" and "francs"
 * alone (several countries each).
 */
export const CURRENCY_WORDS: Readonly<Record<string, string>> = {
  dollar: 'USD',
  dollars: 'USD',
  euro: 'EUR',
  euros: 'EUR',
  sterling: 'GBP',
  yen: 'JPY',
  yuan: 'CNY',
  renminbi: 'CNY',
  rupee: 'INR',
  rupees: 'INR',
  rouble: 'RUB',
  roubles: 'RUB',
  ruble: 'RUB',
  rubles: 'RUB',
  reais: 'BRL',
};

/** "pounds" is money only with a multiplier ("10 million pounds"): "250 pounds" is a weight in sports copy. */
export const POUND_WORDS = words('pound|pounds');

/** Qualifier + currency name → code ("Australian dollars", "Swiss francs", "Mexican pesos"). */
export const QUALIFIED_CURRENCIES: Readonly<Record<string, string>> = {
  'us dollars': 'USD',
  'u.s. dollars': 'USD',
  'australian dollars': 'AUD',
  'canadian dollars': 'CAD',
  'hong kong dollars': 'HKD',
  'new zealand dollars': 'NZD',
  'singapore dollars': 'SGD',
  'swiss francs': 'CHF',
  'mexican pesos': 'MXN',
  'swedish kronor': 'SEK',
  'norwegian kroner': 'NOK',
  'danish kroner': 'DKK',
  'turkish lira': 'TRY',
  'british pounds': 'GBP',
  'pounds sterling': 'GBP',
};

/** Multiplier words after the number ("2.5 billion") and suffixes glued to it ("€30m", "$5bn"). */
export const MULTIPLIERS: Readonly<Record<string, number>> = {
  thousand: 1e3,
  million: 1e6,
  billion: 1e9,
  trillion: 1e12,
  k: 1e3,
  m: 1e6,
  mn: 1e6,
  mln: 1e6,
  bn: 1e9,
  b: 1e9,
  bln: 1e9,
  tn: 1e12,
  trn: 1e12,
  lakh: 1e5,
  crore: 1e7,
};

/** Suffixes that are too ambiguous as words of their own ("5 m" is metres): only glued to the number. */
export const SUFFIX_ONLY_MULTIPLIERS = words('k|m|mn|mln|bn|b|bln|tn|trn');

// --- Dates (value rules and date shapes) ---------------------------------------------------------

/** Words before a date that change its meaning ("last year", "early 2020"); a span may start with one. */
export const DATE_MODIFIERS = words('last|next|this|past|coming|early|late|mid|end|start|beginning|middle');

/** Words that introduce a date: after one, "Monday Apple said" is a date before a name, not a name. */
export const DATE_CUES = words(
  'on|in|since|by|until|till|from|before|after|during|last|next|this|early|late',
);

/**
 * Cues left out of the phrase compromise-dates reads: with them it answers a range from the reference
 * ("until 2047" → today…2047, "by 2018" → the last days of 2017), without them the date itself.
 */
export const RANGE_CUES = words('since|by|until|till|before|after');

/** Words between two date words that keep them one phrase ("June 2 to 4", "between June and July"). */
export const DATE_JOINERS = words(',|.|-|–|/|to|and|or|through|until|of|the');

/** Words a phrase may take before its first date word ("on", "the end of", "early"); at most WINDOW_LEFT. */
export const DATE_LEAD_WORDS = new Set(
  [...DATE_MODIFIERS, ...DATE_CUES, 'the', 'of', 'between'].filter((w) => !RANGE_CUES.has(w)),
);

/** Punctuation that ends a date phrase, unless a date goes on after it ("Nov. 19, 2019", "Monday, Nov. 18"). */
export const PHRASE_BREAKS = words(',|;|:|(|)|—|–|"|“|”');

/** Words that fix which way a date lies from the publication date ("last year"): its tense cannot move it. */
export const DIRECTED_DATE_WORDS = words('today|tonight|yesterday|tomorrow|ago|last|next|this|past');

/** Counts before a unit in "three years ago" (digits count too). "Few" and "several" are too vague for a date. */
export const COUNT_WORDS = words('a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve');

/** Words that tell a sentence speaks of the future ("will meet on Monday"): a bare weekday is the next one. */
export const FUTURE_CUES = words("will|'ll|shall|upcoming|scheduled");

/**
 * Calendar units that are a date only with a direction ("last week", "this year", "three years ago");
 * alone they are durations ("for years", "in 25 years", "a decade"). Seasons and centuries are left out.
 */
export const DATE_UNITS = words('week|weeks|weekend|month|months|year|years|quarter|day|days');

/** Month names: one written in lower case ("protesters march") is not a date. */
export const MONTHS = words(
  'january|february|march|april|may|june|july|august|september|october|november|december',
);

/** Month names and their abbreviations → month number (date shapes). */
export const MONTH_INDEX: Readonly<Record<string, number>> = {
  jan: 1,
  january: 1,
  feb: 2,
  february: 2,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  may: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
};

/** Weekday names → day of the week, Sunday 0 (date shapes). */
export const WEEKDAY_INDEX: Readonly<Record<string, number>> = {
  sunday: 0,
  monday: 1,
  tuesday: 2,
  wednesday: 3,
  thursday: 4,
  friday: 5,
  saturday: 6,
};

/** Counts written as words, with their values ("three years ago"). */
export const COUNT_WORD_VALUES: Readonly<Record<string, number>> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
};

/** Words that point a calendar unit back or forward ("last week", "next month", "this year"). */
export const DIRECTIONS = new Set(['last', 'next', 'this', 'past', 'coming']);

/** Words that narrow a period without naming a new one: "early 2020" is read as 2020, "the end of 2025" as its last day. */
export const VAGUE_PARTS = new Set(['early', 'late', 'mid']);

// --- pronouns (anaphora) ---------------------------------------------------------------------------------

/** Pronouns that stand for a man or a woman named earlier ("She previously worked for Helix"). */
export const MALE_PRONOUNS = words('he|him|his');
export const FEMALE_PRONOUNS = words('she|her');
/** Pronouns that may stand for an organisation named earlier ("its chief executive"). */
export const THING_PRONOUNS = words('it|its');
/** Pronouns that are always possessive: they stand for "<name> 's". "her" is possessive before a noun. */
export const POSSESSIVE_PRONOUNS = words('his|its');
/** Courtesy titles that tell a person's gender, for the pronouns that may stand for them. */
export const MALE_HONORIFICS = words('mr|mr.|sir|lord');
export const FEMALE_HONORIFICS = words('mrs|mrs.|ms|ms.|miss|dame|lady|madame|mme.');

/**
 * Head nouns of a description that refers back to a company: "the German automaker", "the Seoul-based
 * lender". Governments, parties, teams, schools and groups are left out: "the British government", "the
 * Afghan insurgent group" are seldom a company named before.
 */
export const COMPANY_DESCRIPTIONS = words(
  'company|firm|automaker|carmaker|plane-maker|planemaker|chipmaker|drugmaker|maker|manufacturer|giant|bank|lender|insurer|retailer|carrier|airline|conglomerate|startup|start-up|operator|developer|producer|publisher|broadcaster|brokerage|miner|supplier|distributor|consultancy|corporation|multinational|exporter|importer|shipbuilder|shipper|refiner|telecom|telco',
);

/**
 * Roles that make a person a member of the organisation (a band, a board), not its employee: "Zentrix
 * guitarist X", "the band's founding members X, Y and Z". ("member" itself is in `MEMBER_ROLES`.)
 */
export const MEMBERSHIP_ROLES = words(
  'members|frontman|frontwoman|guitarist|guitarists|bassist|drummer|keyboardist|vocalist|bandmate|bandmates',
);
