/**
 * Vocabulary: small, general English word lists the rules refer to (never names from a fixture).
 * Each list says why it exists. All entries are lower-case.
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
export const PLACE_HEADS = words(
  'county|city|town|village|island|islands|isle|river|mountain|mountains|mount|mt.|lake|bay|beach|valley|province|state|states|district|region|peninsula|gulf|sea|ocean|coast|strait|canal|desert|forest|hills|heights|springs|falls|harbor|harbour|port|square|street|avenue|road|boulevard|bridge|airport|station|territory|territories|republic|kingdom|emirates|land|heights|point|canyon|creek|plains|seashore|shore|prefecture|oblast|krai|borough|township|parish|cape|zone',
);

/** Lower-case nouns that name a kind of organisation ("the Khuzestan technopark", "a software company"). */
export const ORG_NOUNS = words(
  'company|companies|firm|firms|group|groups|startup|startups|corporation|bank|banks|university|universities|technopark|technoparks|park|parks|agency|agencies|newspaper|network|exchange|institute|fund|party|ministry|government|maker|manufacturer|producer|operator|developer|retailer|chain|carrier|airline|insurer|provider|conglomerate|giant|service|publisher|broadcaster|incubator|accelerator|hub|center|centre|college|school|club|team|council|organization|organisation|association|union|automaker|carmaker|plane-maker|planemaker|chipmaker|drugmaker|firm|website|outlet|station|tank|regulator|lender|brokerage|miner|utility|supplier|distributor|studio|label|band|nonprofit|charity|watchdog|newspapers|chain|business|businesses|enterprise|venture|consultancy|channel|magazine|paper|app|platform',
);

/** Nouns that, in "the X", refer back to an organisation ("the company said"). */
export const ORG_ANAPHORS = words(
  'company|group|firm|bank|university|agency|corporation|organization|organisation',
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

/** Legal suffixes that end a company's name ("Corp.", "Co.", "Ltd"). */
export const LEGAL_SUFFIXES = words('corp|corp.|co|co.|inc|inc.|ltd|ltd.|llc|plc|gmbh|ag|sa|nv|bv|llp|lp');
