/**
 * The curated news lexicon: major international bodies with their acronyms, world regions, and the
 * words that signal roles, organisations and places. No well-kept data package covers these, so they
 * are written here from general knowledge of news writing (never from evaluation data).
 */

/**
 * National bodies that news names by acronym or in full: the same body, whichever form an article
 * uses. Canonical name -> other forms. Only the corpus merge reads this list (index/identity.ts),
 * to join the forms across articles; it is not in the gazetteer, whose entries are features of the
 * trained recogniser. Acronyms that name other things in news as often are left out (SEC, the
 * Southeastern Conference; CPS; FCA; EPA, a photo agency).
 */
export const NATIONAL_BODIES: [string, string[]][] = [
  ['NASA', ['National Aeronautics and Space Administration']],
  ['FBI', ['Federal Bureau of Investigation']],
  ['CIA', ['Central Intelligence Agency']],
  ['NSA', ['National Security Agency']],
  ['FDA', ['Food and Drug Administration', 'U.S. Food and Drug Administration']],
  ['FAA', ['Federal Aviation Administration']],
  ['FEMA', ['Federal Emergency Management Agency']],
  ['IRS', ['Internal Revenue Service']],
  ['CDC', ['Centers for Disease Control and Prevention', 'Centers for Disease Control']],
  ['NIH', ['National Institutes of Health']],
  ['NOAA', ['National Oceanic and Atmospheric Administration']],
  ['NTSB', ['National Transportation Safety Board']],
  ['TSA', ['Transportation Security Administration']],
  ['DEA', ['Drug Enforcement Administration']],
  ['ICE', ['Immigration and Customs Enforcement', 'U.S. Immigration and Customs Enforcement']],
  ['Department of Homeland Security', ['DHS', 'Homeland Security Department']],
  ['Department of Justice', ['DOJ', 'Justice Department', 'U.S. Justice Department']],
  ['State Department', ['Department of State', 'U.S. State Department']],
  ['NHS', ['National Health Service']],
  ['GCHQ', ['Government Communications Headquarters']],
  ['Office for National Statistics', ['ONS']],
  ['FSB', ['Federal Security Service']],
];

/** Canonical name -> other forms (acronyms, short names). */
export const INTERNATIONAL_ORGANIZATIONS: [string, string[]][] = [
  ['United Nations', ['UN', 'U.N.', 'United Nations Organization']],
  ['UN Security Council', ['U.N. Security Council', 'United Nations Security Council', 'Security Council', 'UNSC']],
  ['UN General Assembly', ['U.N. General Assembly', 'United Nations General Assembly', 'General Assembly', 'UNGA']],
  ['European Union', ['EU', 'E.U.']],
  ['European Commission', []],
  ['European Parliament', []],
  ['European Central Bank', ['ECB']],
  ['Council of Europe', []],
  ['NATO', ['North Atlantic Treaty Organization', 'Nato']],
  ['World Health Organization', ['WHO']],
  ['International Monetary Fund', ['IMF']],
  ['World Bank', []],
  ['World Trade Organization', ['WTO']],
  ['Organization of the Petroleum Exporting Countries', ['OPEC', 'Opec']],
  ['G7', ['G-7', 'Group of Seven']],
  ['G8', ['G-8', 'Group of Eight']],
  ['G20', ['G-20', 'Group of 20', 'Group of Twenty']],
  ['BRICS', []],
  ['Shanghai Cooperation Organization', ['SCO', 'Shanghai Cooperation Organisation']],
  ['Quadrilateral Security Dialogue', ['Quad']],
  ['Association of Southeast Asian Nations', ['ASEAN', 'Asean']],
  ['African Union', []],
  ['Arab League', ['League of Arab States']],
  ['Organisation for Economic Co-operation and Development', ['OECD', 'Organization for Economic Cooperation and Development']],
  ['Organization for Security and Co-operation in Europe', ['OSCE', 'Organization for Security and Cooperation in Europe', 'Organisation for Security and Co-operation in Europe', 'Organisation for Security and Cooperation in Europe']],
  ['UNESCO', ['United Nations Educational, Scientific and Cultural Organization']],
  ['UNICEF', ["United Nations Children's Fund"]],
  ['UNHCR', ['United Nations High Commissioner for Refugees', 'U.N. refugee agency']],
  ['International Atomic Energy Agency', ['IAEA']],
  ['International Criminal Court', ['ICC']],
  ['International Court of Justice', ['ICJ']],
  ['Interpol', []],
  ['Europol', []],
  ['International Committee of the Red Cross', ['ICRC', 'Red Cross']],
  ['Amnesty International', []],
  ['Human Rights Watch', []],
  ['Gulf Cooperation Council', ['GCC']],
  ['Commonwealth of Independent States', ['CIS']],
  ['Collective Security Treaty Organization', ['CSTO']],
  ['Asia-Pacific Economic Cooperation', ['APEC']],
  ['Organisation of Islamic Cooperation', ['OIC', 'Organization of Islamic Cooperation']],
  ['Mercosur', []],
  ['Federal Reserve', ['Fed', 'U.S. Federal Reserve']],
  ['Bank of England', []],
  ['Bank of Japan', []],
  ['International Olympic Committee', ['IOC']],
  ['FIFA', []],
  ['UEFA', []],
  ['Reuters', []],
  ['Associated Press', ['AP']],
  ['Agence France-Presse', ['AFP']],
  ['Xinhua', ['Xinhua News Agency']],
  ['Interfax', []],
  ['Itar-Tass', ['TASS', 'Tass']],
  ['BBC', []],
  ['CNN', []],
  ['Hamas', []],
  ['Hezbollah', []],
  ['Taliban', []],
  ['Islamic State', ['ISIS', 'ISIL']],
  ['al Qaeda', ['al-Qaeda', 'Al Qaeda', 'Al-Qaeda']],
  ['Kremlin', []],
  ['Pentagon', []],
  ['Treasury', ['U.S. Treasury', 'US Treasury', 'HM Treasury']],
];

/** World regions news refers to as places. */
export const REGIONS: [string, string[]][] = [
  ['Middle East', ['Mideast']],
  ['North Africa', []],
  ['Sub-Saharan Africa', []],
  ['West Africa', []],
  ['East Africa', []],
  ['Southern Africa', []],
  ['Horn of Africa', []],
  ['Korean Peninsula', []],
  ['Balkans', []],
  ['Caucasus', []],
  ['Central Asia', []],
  ['South Asia', []],
  ['Southeast Asia', ['South-East Asia']],
  ['East Asia', []],
  ['Asia-Pacific', ['Asia Pacific']],
  ['Indo-Pacific', []],
  ['Latin America', []],
  ['Central America', []],
  ['South America', []],
  ['North America', []],
  ['Caribbean', []],
  ['Scandinavia', []],
  ['Eastern Europe', []],
  ['Western Europe', []],
  ['Central Europe', []],
  ['Persian Gulf', ['Gulf']],
  ['South China Sea', []],
  ['East China Sea', []],
  ['Black Sea', []],
  ['Baltic Sea', []],
  ['Mediterranean', ['Mediterranean Sea']],
  ['Red Sea', []],
  ['Arctic', []],
  ['Antarctic', []],
  ['Indian Ocean', []],
  ['Pacific Ocean', ['Pacific']],
  ['Atlantic Ocean', ['Atlantic']],
  ['West Bank', []],
  ['Gaza Strip', ['Gaza']],
  ['Golan Heights', []],
  ['Crimea', []],
  ['Donbas', ['Donbass']],
  ['Kashmir', []],
  ['Tibet', []],
  ['Xinjiang', []],
  ['Kurdistan', []],
  ['Europe', []],
  ['Asia', []],
  ['Africa', []],
  ['Oceania', []],
  ['Siberia', []],
  ['Taiwan Strait', []],
  ['Strait of Hormuz', []],
  ['Sahel', []],
  ['Midwest', []],
  ['Far East', []],
  ['Chechnya', []],
];

/** Courtesy titles: dropped from names, they mark what follows as a person. */
export const HONORIFICS = new Set([
  'mr', 'mrs', 'ms', 'miss', 'dr', 'sir', 'dame', 'lord', 'lady', 'prof', 'professor', 'rev', 'reverend', 'fr', 'father', 'sister', 'brother',
  'sheikh', 'mme', 'madame', 'monsieur', 'herr', 'frau', 'senor', 'señor', 'jr', 'sr',
]);

/**
 * The honorifics that only ever stand before a person's name: not "Father", "Sister" or "Brother",
 * which also begin the names of bands, firms and feasts, nor "Jr" and "Sr", which follow a name.
 */
export const PERSON_TITLES = new Set([...HONORIFICS].filter((w) => !['fr', 'father', 'sister', 'brother', 'jr', 'sr'].includes(w)));

/** Words that head a role ("Minister", "coach"); a role phrase ends in one of these. */
export const ROLE_HEADS = new Set([
  'minister', 'ministers', 'president', 'vice-president', 'premier', 'chancellor', 'secretary', 'secretary-general', 'senator', 'sen', 'congressman',
  'congresswoman', 'representative', 'rep', 'governor', 'gov', 'mayor', 'ambassador', 'envoy', 'consul', 'diplomat', 'spokesman', 'spokeswoman',
  'spokesperson', 'chairman', 'chairwoman', 'chairperson', 'chair', 'director', 'director-general', 'chief', 'commander', 'commissioner',
  'general', 'gen', 'colonel', 'col', 'major', 'maj', 'captain', 'capt', 'lieutenant', 'lt', 'sergeant', 'sgt', 'admiral', 'adm', 'marshal',
  'king', 'queen', 'prince', 'princess', 'emperor', 'empress', 'sultan', 'emir', 'crown', 'pope', 'cardinal', 'bishop', 'archbishop', 'rabbi', 'imam',
  'ayatollah', 'judge', 'justice', 'prosecutor', 'attorney', 'attorney-general', 'lawyer', 'coach', 'manager', 'striker', 'midfielder', 'defender',
  'goalkeeper', 'keeper', 'skipper', 'batsman', 'bowler', 'all-rounder', 'rounder', 'opener', 'champion', 'leader', 'founder', 'co-founder', 'ceo',
  'cfo', 'coo', 'executive', 'officer', 'analyst', 'economist', 'strategist', 'trader', 'dealer', 'official', 'deputy', 'speaker', 'lawmaker',
  'legislator', 'mp', 'candidate', 'nominee', 'correspondent', 'editor', 'reporter', 'journalist', 'professor', 'researcher', 'scientist',
  'inspector', 'investigator', 'negotiator', 'mediator', 'adviser', 'advisor', 'aide', 'head', 'boss', 'owner', 'partner', 'actor', 'actress',
  'singer', 'writer', 'author', 'director', 'producer', 'president-elect', 'premier-elect', 'dictator', 'warlord', 'rebel', 'player', 'driver',
  'rider', 'winger', 'forward', 'fullback', 'quarterback', 'pitcher', 'outfielder', 'teammate', 'compatriot', 'countryman', 'rival', 'opponent',
  'seed', 'holder', 'titleholder', 'ruler', 'monarch', 'chieftain', 'patriarch', 'treasurer', 'auditor', 'ombudsman', 'registrar', 'dean',
  'principal', 'superintendent', 'sheriff', 'constable', 'detective', 'mufti', 'cleric', 'priest', 'pastor', 'vicar', 'monk', 'nun',
]);

/** Words that may precede a role head inside a role phrase ("Foreign Minister", "Deputy Prime Minister"). */
export const ROLE_MODIFIERS = new Set([
  'foreign', 'prime', 'deputy', 'vice', 'acting', 'former', 'interim', 'first', 'chief', 'executive', 'senior', 'junior', 'assistant', 'associate',
  'defence', 'defense', 'finance', 'interior', 'home', 'justice', 'trade', 'economy', 'economic', 'economics', 'health', 'education', 'energy',
  'oil', 'agriculture', 'transport', 'labour', 'labor', 'environment', 'culture', 'sports', 'information', 'communications', 'industry',
  'commerce', 'treasury', 'state', 'general', 'managing', 'head', 'team', 'national', 'opposition', 'party', 'army', 'military', 'police',
  'supreme', 'lord', 'crown', 'grand', 'high', 'foreign-affairs', 'security', 'intelligence', 'presidential', 'government', 'ministry',
  'white', 'house', 'press', 'secretary', 'attorney', 'district', 'federal', 'chief-executive', 'world', 'olympic', 'defending', 'reigning',
  'top', 'new', 'outgoing', 'incoming', 'late', 'fellow', 'club', 'union', 'rebel', 'separatist', 'opposition', 'senate', 'house', 'majority',
  'minority', 'central', 'bank', 'company', 'group', 'fund', 'chief-of-staff', 'staff', 'affairs',
]);

/** Last words that make a capitalised name an organisation. */
export const ORG_SUFFIXES = new Set([
  'council', 'committee', 'commission', 'organization', 'organisation', 'bank', 'party', 'university', 'ministry', 'department', 'agency',
  'association', 'federation', 'union', 'corporation', 'corp', 'inc', 'incorporated', 'ltd', 'limited', 'plc', 'llc', 'co', 'company', 'group',
  'institute', 'fund', 'foundation', 'court', 'tribunal', 'army', 'navy', 'police', 'club', 'league', 'board', 'bureau', 'office', 'authority',
  'airlines', 'airline', 'airways', 'motors', 'industries', 'holdings', 'holding', 'systems', 'technologies', 'technology', 'pharmaceuticals',
  'communications', 'telecom', 'telecommunications', 'petroleum', 'energy', 'insurance', 'securities', 'partners', 'capital', 'investments',
  'media', 'news', 'times', 'post', 'journal', 'herald', 'tribune', 'gazette', 'press', 'television', 'tv', 'radio', 'network', 'exchange',
  'parliament', 'assembly', 'congress', 'senate', 'cabinet', 'government', 'administration', 'secretariat', 'front', 'movement', 'alliance',
  'coalition', 'brigade', 'brigades', 'forces', 'guard', 'command', 'service', 'services', 'school', 'college', 'academy', 'hospital', 'church',
  'society', 'trust', 'centre', 'center', 'museum', 'orchestra', 'team', 'fc', 'united', 'rovers', 'wanderers', 'athletic', 'ag', 'sa',
  'nv', 'gmbh', 'spa', 'bhd', 'pty', 'mills', 'foods', 'steel', 'oil', 'gas', 'chemicals', 'electric', 'electronics', 'motor', 'bancorp',
  'bancshares', 'financial', 'stores', 'brothers', 'bros', 'dialogue', 'conference', 'forum', 'summit', 'initiative', 'programme', 'program',
  'commonwealth', 'directorate', 'inspectorate', 'unit', 'division', 'regiment', 'battalion', 'squad', 'reserve', 'mission', 'delegation',
]);

/**
 * Words that end many bodies' names and no person's in CoNLL-2003's training data ("Development
 * Bank", "Workers' Union", "Fabian Society", "Columbia Records", "Lionhead Studios"). Read after the
 * tagger only: the rule layer's readings, which the model learned from, do not use them.
 */
export const BODY_NAME_ENDINGS = new Set(['bank', 'union', 'society', 'records', 'studios', 'productions', 'entertainment', 'police', 'college', 'school', 'academy', 'times']);

/** Words that make a capitalised name "X of Y" an organisation when they head it ("Bank of Japan"). */
export const ORG_HEADS = new Set([
  'bank', 'university', 'ministry', 'department', 'council', 'organization', 'organisation', 'institute', 'association', 'federation',
  'union', 'league', 'party', 'church', 'court', 'house', 'office', 'board', 'bureau', 'college', 'school', 'museum', 'academy', 'society',
  'commission', 'committee', 'secretary', 'chamber', 'federal', 'national', 'royal', 'friends', 'people', 'army', 'order', 'agency', 'fund',
  'foundation', 'corporation', 'company', 'conference', 'senate',
]);

/** Heads of "X of Y" names that are places ("Gulf of Mexico", "Republic of Korea"). */
export const PLACE_HEADS = new Set(['gulf', 'bay', 'republic', 'kingdom', 'isle', 'island', 'islands', 'strait', 'straits', 'cape', 'sea', 'lake', 'city', 'state', 'province', 'port', 'mount', 'district']);

/** Last words that make a capitalised name a place. */
export const PLACE_SUFFIXES = new Set([
  'ocean', 'sea', 'river', 'island', 'islands', 'isles', 'mountains', 'mountain', 'hills', 'valley', 'peninsula', 'province', 'region',
  'strait', 'straits', 'gulf', 'bay', 'lake', 'desert', 'coast', 'street', 'square', 'avenue', 'road', 'bridge', 'canal', 'basin', 'plateau',
  'delta', 'county', 'state', 'territory', 'territories', 'prefecture', 'oblast', 'heights', 'airport', 'harbour', 'harbor', 'park', 'beach',
  'falls', 'springs', 'village', 'town', 'borough', 'district', 'highlands', 'lowlands', 'plains', 'reef', 'archipelago', 'channel',
]);

/** Verbs of saying: a bare capitalised name next to them is a person. */
export const SPEECH_VERBS = new Set([
  'said', 'says', 'told', 'added', 'asked', 'explained', 'noted', 'stressed', 'insisted', 'argued', 'claimed', 'warned', 'wrote', 'recalled',
  'admitted', 'acknowledged', 'announced', 'replied', 'continued', 'conceded', 'complained', 'declared', 'suggested', 'urged', 'believes',
  'thinks', 'thought', 'hopes', 'hoped', 'wants', 'wanted',
]);

/** Last words of names of events, competitions, holidays and works: not people, bodies or places. */
export const EVENT_SUFFIXES = new Set([
  'cup', 'series', 'day', 'open', 'classic', 'championship', 'championships', 'games', 'olympics', 'olympiad', 'slam', 'war', 'revolution',
  'prix', 'trophy', 'tournament', 'award', 'awards', 'prize', 'festival', 'bowl', 'masters', 'invitational', 'marathon', 'rally', 'derby',
  'shield', 'plate', 'medal', 'act', 'accord', 'accords', 'treaty', 'agreement', 'plan', 'doctrine', 'crisis', 'affair', 'scandal', 'index',
  'average', 'eve', 'week', 'season', 'final', 'finals', 'semifinal', 'semifinals',
]);

/** Ethnic, religious and regional adjectives and nouns: nationality-like mentions, never names. */
export const GROUP_WORDS = new Map<string, string | null>([
  ['european', 'Europe'], ['europeans', 'Europe'], ['asian', 'Asia'], ['african', 'Africa'], ['kurdish', 'Kurdistan'], ['kurd', 'Kurdistan'],
  ['kurds', 'Kurdistan'], ['serb', 'Serbia'], ['serbs', 'Serbia'], ['croat', 'Croatia'], ['croats', 'Croatia'], ['yugoslav', 'Yugoslavia'],
  ['chechen', 'Chechnya'], ['chechens', 'Chechnya'], ['tibetan', 'Tibet'], ['basque', null], ['catalan', null], ['tamil', null], ['tamils', null],
  ['jewish', null], ['jew', null], ['jews', null], ['muslim', null], ['muslims', null], ['moslem', null], ['moslems', null], ['islamic', null],
  ['islamist', null], ['islamists', null], ['christian', null], ['christians', null], ['catholic', null], ['catholics', null],
  ['protestant', null], ['orthodox', null], ['hindu', null], ['hindus', null], ['sikh', null], ['sikhs', null], ['buddhist', null],
  ['arab', null], ['arabs', null], ['arabic', null], ['sunni', null], ['shiite', null], ['shi\'ite', null], ['shia', null], ['hutu', null],
  ['hutus', null], ['tutsi', null], ['tutsis', null], ['pashtun', null], ['latino', null], ['hispanic', null], ['western', null],
  ['westerners', null], ['scandinavian', 'Scandinavia'], ['balkan', 'Balkans'], ['caucasian', null], ['slav', null], ['slavic', null],
  ['palestinian', 'Palestine'], ['bosnian', 'Bosnia and Herzegovina'], ['bosnians', 'Bosnia and Herzegovina'], ['soviet', 'Soviet Union'],
]);

/** Verbs and words of sports results: a city or region named next to them is a team, i.e. a club. */
export const RESULT_WORDS = new Set([
  'beat', 'beats', 'defeated', 'defeat', 'defeats', 'drew', 'draw', 'draws', 'lost', 'lose', 'loses', 'edged', 'routed', 'thrashed', 'crushed',
  'hammered', 'blanked', 'downed', 'topped', 'whipped', 'outscored', 'overcame', 'trounced', 'v', 'vs', 'versus', 'won', 'win', 'wins', 'tied',
]);

/** Capitalised abbreviations in news that name no person, body or place (units, measures, times). */
export const NON_NAME_ACRONYMS = new Set([
  'gmt', 'utc', 'est', 'edt', 'cst', 'cdt', 'pst', 'pdt', 'bst', 'cet', 'am', 'pm', 'gdp', 'gnp', 'cpi', 'ppi', 'pmi', 'ceo', 'cfo', 'coo',
  'rbi', 'era', 'aids', 'hiv', 'tv', 'pc', 'ipo', 'vat', 'ok', 'ps', 'nb', 'mph', 'kph', 'km', 'kg', 'mw', 'bpd', 'q1', 'q2', 'q3', 'q4',
  'h1', 'h2', 'faq', 'id', 'dna', 'ad', 'bc', 'ft', 'lb', 'oz', 'pct', 'yr', 'no', 'vs', 'etc', 'ie', 'eg',
]);

/**
 * Things, formats and conditions written as acronyms (technology, media, medicine, money, everyday
 * life): kept out of names after tagging. Apart from NON_NAME_ACRONYMS because that list is also a
 * feature of the trained tagger, and a longer list there means another model.
 */
export const THING_ACRONYMS = new Set([
  'dvd', 'cd', 'vhs', 'hdtv', 'hd', 'lcd', 'led', 'usb', 'gps', 'sms', 'mms', 'mp3', 'mp4', 'cpu', 'gpu', 'rss', 'ssl', 'adsl', 'dsl',
  'voip', 'iptv', 'pvr', 'dvr', 'gprs', 'hsdpa', '3g', '4g', '5g', 'lte', 'uwb', 'rfid', 'dtt', 'url', 'html', 'pdf', 'isp', 'p2p',
  'drm', 'suv', 'atm', 'iq', 'rna', 'mri', 'icu', 'ivf', 'ptsd', 'adhd', 'bmi', 'cctv', 'ufo', 'vip', 'dj', 'mba', 'diy', 'bbq',
  'asap', 'fyi', 'rsvp', 'dui', 'dwi', 'awol', 'cto', 'roi', 'eps', 'ebitda', 'etf', 'co2', 'tba', 'tbc', 'aka', 'hdr', 'uhd', 'oled',
  'hdmi', 'nfc', 'ssd', 'hdd', '4k', '8k',
]);

/** Words right after a name ("Yukos shares", "Rover's chief executive") that show it is a company or club. */
export const ORG_CUES_AFTER = new Set([
  'shares', 'stock', 'stocks', 'profit', 'profits', 'revenue', 'revenues', 'sales', 'earnings', 'shareholders', 'subsidiary', 'unit',
  'brand', 'brands', 'takeover', 'merger', 'board', 'chairman', 'boss', 'bosses', 'spokesman', 'spokeswoman', 'spokesperson', 'executives',
  'employees', 'staff', 'workers', 'stake', 'plant', 'plants', 'factory', 'factories', 'products', 'customers', 'management', 'directors',
  'headquarters', 'chief', 'fans', 'manager', 'coach', 'squad',
]);

/** Words right before a name ("oil firm Yukos", "shares in Rover") that show it is a company or club. */
export const ORG_CUES_BEFORE = new Set([
  'firm', 'company', 'group', 'carmaker', 'automaker', 'bank', 'airline', 'retailer', 'giant', 'operator', 'maker', 'supplier', 'insurer',
  'broker', 'brewer', 'conglomerate', 'producer', 'manufacturer', 'club', 'side', 'outfit', 'label', 'network', 'broadcaster', 'newspaper',
  'agency', 'lender', 'chain', 'publisher', 'studio', 'startup', 'subsidiary', 'rival', 'rivals',
]);

/** Words a person's name owns ("Trump's wife", "Musk's birthday"): the name is a person's. */
export const PERSON_CUES_AFTER = new Set([
  'wife', 'husband', 'son', 'sons', 'daughter', 'daughters', 'mother', 'father', 'brother', 'sister', 'parents', 'family', 'girlfriend',
  'boyfriend', 'fiance', 'fiancé', 'fiancee', 'fiancée', 'children', 'kids', 'grandson', 'granddaughter', 'widow', 'birthday', 'funeral',
  'death', 'career', 'mind', 'lawyer', 'lawyers', 'attorney', 'attorneys', 'personal', 'ex-wife', 'ex-husband', 'presidency',
]);

/** Words only a company or club owns ("Tesla's shares", "Equifax's customers"). */
export const ORG_ONLY_CUES_AFTER = new Set([
  'shares', 'stock', 'stocks', 'profit', 'profits', 'revenue', 'revenues', 'sales', 'earnings', 'shareholders', 'subsidiary', 'subsidiaries',
  'takeover', 'merger', 'board', 'plant', 'plants', 'factory', 'factories', 'customers', 'headquarters', 'executives', 'employees', 'ceo',
  'cfo', 'founder', 'co-founder', 'app', 'apps', 'servers', 'squad',
]);

/**
 * Words straight after a name (no possessive) that make it a club or a firm: "Chelsea boss Jose
 * Mourinho", "Arsenal striker Thierry Henry". A person's name is not followed by the title of a
 * post in someone's staff.
 */
export const CLUB_CUES_AFTER = new Set(['boss', 'manager', 'striker', 'midfielder', 'defender', 'goalkeeper', 'keeper', 'winger', 'chairman', 'fly-half', 'prop', 'lock', 'flanker', 'centre']);

/** Titles and roles written right before a person's name ("President Trump", "founder Elon Musk"): not those that also precede companies ("rival Samsung", "partner Toyota"). */
export const PERSON_ROLE_CUES = new Set(
  [...ROLE_HEADS].filter((w) => !['rival', 'rivals', 'partner', 'owner', 'champion', 'holder', 'titleholder', 'seed', 'head', 'chief', 'official', 'opponent', 'crown', 'chair', 'rebel', 'forward', 'executive', 'officer', 'dealer', 'trader', 'principal', 'manager', 'director'].includes(w)),
);

/**
 * Words that name a settlement or an area before "of" and a name: "the town of Chibok", "a suburb
 * of Scarsdale", "the port of Hodeidah". In CoNLL-2003's training data all 109 names after one of
 * them and "of" are places.
 */
export const PLACE_NOUNS_BEFORE_OF = new Set([
  'town', 'city', 'village', 'suburb', 'suburbs', 'province', 'county', 'district', 'region', 'island', 'islands', 'port', 'capital',
  'municipality', 'borough', 'hamlet', 'neighborhood', 'neighbourhood',
]);

/** Verbs of being somewhere ("based in X", "killed in X"): what follows "in" is a place. */
export const PLACE_VERBS_BEFORE = new Set([
  'born', 'based', 'live', 'lives', 'lived', 'living', 'located', 'held', 'arrived', 'killed', 'died', 'stationed', 'headquartered', 'landed',
  'stranded', 'detained', 'arrested', 'injured', 'exploded', 'crashed', 'happened', 'occurred', 'struck', 'hit', 'fled', 'visited',
]);

/** Hyphenated endings that make an adjective of a name ("Trump-era", "Kim-led"), not the rest of a given name. */
export const NAME_SUFFIX_WORDS = new Set([
  'era', 'led', 'run', 'ran', 'like', 'type', 'made', 'only', 'free', 'old', 'long', 'wide', 'size', 'day', 'days', 'year', 'back', 'up',
  'out', 'off', 'on', 'over', 'down', 'ish', 'less', 'ness', 'ward', 'ite', 'ites', 'ism', 'ist', 'ists', 'ian', 'ians', 'fan', 'fans',
  'mania', 'born', 'new', 'all', 'men', 'man',
]);

/**
 * The states of the United States and the provinces of Canada as addresses write them after a
 * town: the name, the postal code and the abbreviation news agencies use ("Lawrence, Kan.",
 * "Lawrence, KS", "Albany, N.Y.").
 */
export const STATES_AND_PROVINCES: [string, string, ...string[]][] = [
  ['Alabama', 'AL', 'Ala.'], ['Alaska', 'AK'], ['Arizona', 'AZ', 'Ariz.'], ['Arkansas', 'AR', 'Ark.'], ['California', 'CA', 'Calif.', 'Cal.'],
  ['Colorado', 'CO', 'Colo.'], ['Connecticut', 'CT', 'Conn.'], ['Delaware', 'DE', 'Del.'], ['Florida', 'FL', 'Fla.'], ['Georgia', 'GA', 'Ga.'],
  ['Hawaii', 'HI'], ['Idaho', 'ID'], ['Illinois', 'IL', 'Ill.'], ['Indiana', 'IN', 'Ind.'], ['Iowa', 'IA'], ['Kansas', 'KS', 'Kan.', 'Kans.'],
  ['Kentucky', 'KY', 'Ky.'], ['Louisiana', 'LA', 'La.'], ['Maine', 'ME'], ['Maryland', 'MD', 'Md.'], ['Massachusetts', 'MA', 'Mass.'],
  ['Michigan', 'MI', 'Mich.'], ['Minnesota', 'MN', 'Minn.'], ['Mississippi', 'MS', 'Miss.'], ['Missouri', 'MO', 'Mo.'], ['Montana', 'MT', 'Mont.'],
  ['Nebraska', 'NE', 'Neb.', 'Nebr.'], ['Nevada', 'NV', 'Nev.'], ['New Hampshire', 'NH', 'N.H.'], ['New Jersey', 'NJ', 'N.J.'],
  ['New Mexico', 'NM', 'N.M.'], ['New York', 'NY', 'N.Y.'], ['North Carolina', 'NC', 'N.C.'], ['North Dakota', 'ND', 'N.D.'], ['Ohio', 'OH'],
  ['Oklahoma', 'OK', 'Okla.'], ['Oregon', 'OR', 'Ore.'], ['Pennsylvania', 'PA', 'Pa.', 'Penn.'], ['Rhode Island', 'RI', 'R.I.'],
  ['South Carolina', 'SC', 'S.C.'], ['South Dakota', 'SD', 'S.D.'], ['Tennessee', 'TN', 'Tenn.'], ['Texas', 'TX', 'Tex.'], ['Utah', 'UT'],
  ['Vermont', 'VT', 'Vt.'], ['Virginia', 'VA', 'Va.'], ['Washington', 'WA', 'Wash.'], ['West Virginia', 'WV', 'W.Va.'], ['Wisconsin', 'WI', 'Wis.'],
  ['Wyoming', 'WY', 'Wyo.'], ['District of Columbia', 'DC', 'D.C.'],
  ['Alberta', 'AB', 'Alta.'], ['British Columbia', 'BC', 'B.C.'], ['Manitoba', 'MB', 'Man.'], ['New Brunswick', 'NB', 'N.B.'],
  ['Newfoundland', 'NL', 'Nfld.'], ['Nova Scotia', 'NS', 'N.S.'], ['Ontario', 'ON', 'Ont.'], ['Prince Edward Island', 'PE', 'P.E.I.'],
  ['Quebec', 'QC', 'Que.'], ['Saskatchewan', 'SK', 'Sask.'],
];
