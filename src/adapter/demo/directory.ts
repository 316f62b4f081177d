/**
 * The demo network's generated directory: tens of thousands of plausible buyer legal
 * entities, built from word lists by a seeded PRNG. Same seed, same directory — in every
 * browser and in Node — so tests, stories and the reference server all see the same data.
 *
 * Nothing runs at import: call {@link generateDirectory} (the engine does, on first use).
 */

/** The PRNG seed of the default directory. */
export const DEFAULT_DIRECTORY_SEED = 0x5eed_c0de;
/** Number of generated entities in the default directory (the big group included). */
export const DEFAULT_DIRECTORY_SIZE = 60_000;
/** ID of the one big generated group. */
export const GLOBEX_GROUP_ID = 'GRP-GLOBEX';
/** Name of the one big generated group. */
export const GLOBEX_GROUP_NAME = 'GLOBEX INTERNATIONAL GROUP';
/** Number of legal entities in the big group. */
export const GLOBEX_GROUP_SIZE = 10_000;

/** A generated legal entity, before the engine adds search keys. */
export interface DirectoryEntry {
  readonly id: string;
  readonly legalName: string;
  readonly taxIds: readonly string[];
  readonly country: string;
  readonly groupId?: string;
  readonly requiresVendorCode?: boolean;
}

/** A generated corporate group (its members point at it through `groupId`). */
export interface DirectoryGroup {
  readonly id: string;
  readonly name: string;
}

/** The whole generated directory. */
export interface GeneratedDirectory {
  readonly entries: readonly DirectoryEntry[];
  readonly groups: readonly DirectoryGroup[];
}

/** How to generate a directory. */
export interface DirectoryOptions {
  /** PRNG seed; defaults to {@link DEFAULT_DIRECTORY_SEED}. */
  seed?: number;
  /** Total entities, at least {@link GLOBEX_GROUP_SIZE}; defaults to {@link DEFAULT_DIRECTORY_SIZE}. */
  size?: number;
  /** Network IDs that generated entities must never use (the hand-written seed's). */
  reservedIds?: Iterable<string>;
}

/** mulberry32: a tiny, fast 32-bit PRNG returning floats in [0, 1). Deterministic everywhere. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

// ---------------------------------------------------------------------------------------
// Word lists

/** Words and name patterns of one language. Pattern tokens are listed in `fillPattern`. */
interface LanguageBank {
  industries: readonly string[];
  descriptors: readonly string[];
  surnames: readonly string[];
  /** Patterns for a standalone company. */
  patterns: readonly string[];
  /** Patterns for a member of a group; `{B}` is the group's brand. */
  groupPatterns: readonly string[];
}

/** One language spoken in a country, with the legal forms and cities that go with it. */
interface Locale {
  bank: LanguageBank;
  forms: readonly string[];
  cities: readonly string[];
  /** Local surnames, when the bank's would look foreign. */
  surnames?: readonly string[];
}

/** A country of the generated directory. */
interface Country {
  code: string;
  /** Relative share of the directory. */
  weight: number;
  /** VAT-like tax ID pattern: `#` a digit, `@` a capital letter, anything else literal. */
  taxId?: string;
  locales: readonly Locale[];
}

const EN: LanguageBank = {
  industries: [
    'Logistics', 'Office Supplies', 'Engineering', 'Packaging', 'Facilities Management',
    'Print Works', 'Building Services', 'Freight Services', 'Catering', 'Electrical Contractors',
    'Pharmaceuticals', 'Hardware', 'Timber Merchants', 'Software', 'Consulting', 'Foods',
    'Plastics', 'Steel Fabrication', 'Cleaning Services', 'Security Services', 'Medical Supplies',
    'Agricultural Supplies', 'Laboratory Services', 'Fleet Services', 'Energy Solutions',
    'Data Systems', 'Textiles', 'Marine Services', 'Property Services', 'Waste Management',
  ],
  descriptors: [
    'Northern', 'Atlantic', 'Crown', 'Meridian', 'Summit', 'Riverside', 'Pinnacle', 'Harbour',
    'Evergreen', 'Sterling', 'Keystone', 'Beacon', 'Oakfield', 'Highland', 'Silverline',
    'Redbrook', 'Westgate', 'Eastbridge', 'Greenway', 'Blue Ridge',
  ],
  surnames: [
    'Whitfield', 'Ashworth', 'Pemberton', 'Hargreaves', 'Blackwood', 'Thornton', 'Fairbairn',
    'Kendrick', 'Ellison', 'Oakley', 'Prescott', 'Hollis', 'Radcliffe', 'Winslow', 'Marsh',
    'Bramley', 'Caldwell', 'Dunmore', 'Fletcher', 'Gardiner', 'Holloway', 'Lockwood',
    'Merriweather', 'Norbury', 'Osborne', 'Rowntree', 'Sutcliffe', 'Tennant', 'Walsh', 'Yardley',
  ],
  patterns: [
    '{S} {I}', '{D} {I}', '{C} {I}', '{S} & {S} {I}', '{S} & {S}', '{D} {C} {I}', '{S} {C} {I}',
  ],
  groupPatterns: ['{B} {I}', '{B} {I} ({C})', '{B} {C}', '{B} {D} {I}'],
};

const DE: LanguageBank = {
  industries: [
    'Maschinenbau', 'Logistik', 'Bauunternehmung', 'Elektrotechnik', 'Metallverarbeitung',
    'Straßenbau', 'Lebensmittelhandel', 'Verpackungstechnik', 'Anlagenbau', 'Druckerei',
    'Holzbau', 'Gebäudetechnik', 'Kältetechnik', 'Präzisionsteile', 'Büroausstattung',
    'Spedition', 'Medizintechnik', 'Kunststofftechnik', 'Umwelttechnik', 'Fördertechnik',
  ],
  descriptors: [
    'Nordwest', 'Süddeutsche', 'Rheinische', 'Alpen', 'Hanseatische', 'Bayerische',
    'Westfälische', 'Märkische', 'Schwäbische', 'Fränkische',
  ],
  surnames: [
    'Müller', 'Schröder', 'Weiß', 'Schäfer', 'Hoffmann', 'Köhler', 'Krüger', 'Wagner', 'Becker',
    'Zimmermann', 'Lehmann', 'Böhm', 'Hartmann', 'Vogel', 'Jäger', 'Schmitz', 'Fuchs', 'Brandt',
    'Kühn', 'Lorenz',
  ],
  patterns: ['{S} {I}', '{S} & {S} {I}', '{D} {I}', '{I} {C}', '{S} {I} {C}', '{S} & {S}'],
  groupPatterns: ['{B} {I}', '{B} {I} {C}', '{B} {C}', '{B} {D} {I}'],
};

const FR: LanguageBank = {
  industries: [
    "Société Générale d'Équipement", 'Compagnie Électrique', 'Transports', 'Bâtiment et Travaux Publics',
    'Fournitures de Bureau', 'Imprimerie', 'Boulangerie Industrielle', 'Menuiserie',
    'Énergies Renouvelables', 'Études et Conseil', 'Métallerie', 'Hôtellerie et Restauration',
    'Emballages', 'Laboratoires', 'Nettoyage Industriel', 'Électricité Générale',
    'Matériaux de Construction', 'Logistique', 'Chaudronnerie', 'Équipements Médicaux',
  ],
  descriptors: ['Atlantique', 'Méditerranée', 'Alpes', 'Val de Loire', 'Normandie', 'Provence', 'Île-de-France', 'Océane'],
  surnames: [
    'Dubois', 'Lefèvre', 'Moreau', 'Girard', 'Mercier', 'Rousseau', 'Fontaine', 'Chevalier',
    'Gauthier', 'Bérard', 'Lemaître', 'Perrin', 'Faure', 'Ménard', 'Garnier', 'Lécuyer', 'Duval',
    'Boucher', 'Hébert', 'Rivière',
  ],
  patterns: ['{I} {S}', '{I} {dC}', '{S} et Fils', '{I} {S} et {S}', '{I} {D}', '{I} {S} {dC}'],
  groupPatterns: ['{B} {I}', '{I} {B}', '{B} {dC}', '{I} {B} {D}'],
};

const IT: LanguageBank = {
  industries: [
    'Costruzioni', 'Impianti Elettrici', 'Trasporti', 'Forniture per Ufficio', 'Meccanica di Precisione',
    'Arredamenti', 'Tipografia', 'Alimentari', 'Logistica', 'Servizi Integrati', 'Ceramiche',
    'Tessuti', 'Società Trasporti', 'Qualità Alimentare', 'Attività Industriali', 'Imballaggi',
  ],
  descriptors: ['Adriatica', 'Tirrenica', 'Padana', 'Lombarda', 'Emiliana', 'Toscana', 'Veneta', 'Meridionale'],
  surnames: [
    'Rossi', 'Bianchi', 'Romano', 'Colombo', 'Ricci', 'Marino', 'Greco', 'Bruno', 'Gallo', 'Conti',
    'De Luca', 'Mancini', 'Costa', 'Fabbri', 'Lombardi', 'Moretti', 'Barbieri', 'Fontana',
  ],
  patterns: ['{I} {S}', '{S} {I}', '{I} {C}', '{S} & {S}', '{I} {D}', '{I} {S} & {S}'],
  groupPatterns: ['{B} {I}', '{I} {B}', '{B} {C}', '{B} {I} {D}'],
};

const ES: LanguageBank = {
  industries: [
    'Construcciones', 'Transportes', 'Suministros Industriales', 'Distribuciones', 'Ingeniería',
    'Alimentación', 'Papelería', 'Instalaciones Eléctricas', 'Logística', 'Servicios Técnicos',
    'Cerámica', 'Climatización', 'Mecanizados', 'Automatización', 'Embalajes', 'Carpintería Metálica',
  ],
  descriptors: ['Ibérica', 'Peninsular', 'Atlántica', 'Mediterránea', 'Cantábrica', 'Andaluza', 'del Norte', 'del Sur'],
  surnames: [
    'García', 'Fernández', 'González', 'Rodríguez', 'López', 'Martínez', 'Sánchez', 'Pérez',
    'Gómez', 'Martín', 'Jiménez', 'Ruiz', 'Hernández', 'Díaz', 'Muñoz', 'Álvarez', 'Núñez', 'Ibáñez',
  ],
  patterns: ['{I} {S}', '{S} {I}', '{I} de {C}', '{S} y {S}', '{S} Hermanos', '{I} {D}', '{I} {S} y {S}'],
  groupPatterns: ['{B} {I}', '{I} {B}', '{B} {C}', '{B} {I} {D}'],
};

const PT: LanguageBank = {
  industries: [
    'Comércio', 'Construções', 'Transportes', 'Soluções Industriais', 'Distribuição', 'Engenharia',
    'Metalúrgica', 'Alimentação', 'Logística', 'Serviços Técnicos', 'Informática', 'Embalagens',
    'Têxteis', 'Cerâmica',
  ],
  descriptors: ['Atlântico', 'Lusitana', 'Ibérica', 'do Norte', 'do Sul', 'Central'],
  surnames: [
    'Silva', 'Santos', 'Ferreira', 'Pereira', 'Oliveira', 'Costa', 'Rodrigues', 'Martins', 'Sousa',
    'Gonçalves', 'Araújo', 'Ribeiro', 'Conceição', 'Magalhães', 'Carvalho', 'Lopes',
  ],
  patterns: ['{S} {I}', '{I} {S}', '{S} & {S} {I}', '{I} de {C}', '{S} & {S}', '{I} {D}'],
  groupPatterns: ['{B} {I}', '{I} {B}', '{B} {C}', '{B} {I} {D}'],
};

const NL: LanguageBank = {
  industries: [
    'Bouw', 'Transport', 'Installatietechniek', 'Logistiek', 'Kantoorartikelen', 'Metaalbewerking',
    'Verpakkingen', 'Groothandel', 'Techniek', 'Schoonmaakdiensten', 'Machinebouw',
    'Elektrotechniek', 'Voedingsmiddelen', 'Drukkerij',
  ],
  descriptors: ['Noord', 'Zuid', 'Hollandse', 'Brabantse', 'Limburgse', 'Friese'],
  surnames: [
    'de Vries', 'Jansen', 'van Dijk', 'Bakker', 'Visser', 'Smit', 'Meijer', 'de Boer', 'Mulder',
    'de Groot', 'Bos', 'Vos', 'Peters', 'Hendriks', 'van Leeuwen', 'Dekker',
  ],
  patterns: ['{S} {I}', '{I} {S}', '{C} {I}', '{S} & {S}', '{D} {I}', '{S} {I} {C}'],
  groupPatterns: ['{B} {I}', '{B} {I} {C}', '{B} {C}', '{B} {D} {I}'],
};

const NORDIC: LanguageBank = {
  industries: [
    'Bygg', 'Transport', 'Verkstad', 'Logistik', 'Elteknik', 'Trävaror', 'Förpackning',
    'Kontorsmaterial', 'Maskin', 'Fastigheter', 'Livsmedel', 'Industriservice', 'Mekaniska', 'Energi',
  ],
  descriptors: ['Nordiska', 'Norrlands', 'Västra', 'Östra', 'Skandinaviska', 'Baltiska'],
  surnames: ['Andersson', 'Johansson', 'Karlsson', 'Nilsson', 'Eriksson'],
  patterns: ['{S} {I}', '{C} {I}', '{S} & {S}', '{D} {I}', '{S} {I} {C}', '{S} & {S} {I}'],
  groupPatterns: ['{B} {I}', '{B} {I} {C}', '{B} {C}', '{B} {D} {I}'],
};

const PL: LanguageBank = {
  industries: [
    'Budownictwo', 'Logistyka', 'Transport', 'Przemysł Metalowy', 'Usługi Techniczne', 'Handel',
    'Instalacje Elektryczne', 'Materiały Biurowe', 'Opakowania', 'Meble', 'Żywność', 'Energetyka',
  ],
  descriptors: ['Mazowiecka', 'Śląska', 'Pomorska', 'Małopolska', 'Wielkopolska', 'Bałtycka'],
  surnames: [
    'Kowalski', 'Nowak', 'Wiśniewski', 'Wójcik', 'Kamiński', 'Lewandowski', 'Zieliński',
    'Szymański', 'Woźniak', 'Dąbrowski', 'Kozłowski', 'Jankowski',
  ],
  patterns: ['{S} {I}', '{I} {S}', '{I} {C}', '{S} i {S}', '{D} {I}', '{I} {S} i {S}'],
  groupPatterns: ['{B} {I}', '{B} {I} {C}', '{B} {C}', '{B} {D} {I}'],
};

/** Shorthand for a one-language country. */
function country(
  code: string,
  weight: number,
  taxId: string | undefined,
  bank: LanguageBank,
  forms: readonly string[],
  cities: readonly string[],
  surnames?: readonly string[],
): Country {
  return { code, weight, taxId, locales: [{ bank, forms, cities, surnames }] };
}

const COUNTRIES: readonly Country[] = [
  country('GB', 12, 'GB#########', EN, ['Ltd', 'Limited', 'PLC', 'LLP'], [
    'London', 'Manchester', 'Birmingham', 'Leeds', 'Glasgow', 'Bristol', 'Sheffield', 'Cardiff', 'Edinburgh', 'Nottingham',
  ]),
  country('IE', 2, 'IE#######@', EN, ['Ltd', 'Limited', 'DAC'], ['Dublin', 'Cork', 'Galway', 'Limerick', 'Waterford'], [
    "O'Brien", 'Murphy', 'Kelly', 'Byrne', 'Ó Súilleabháin', 'Walsh', 'Doyle', 'McCarthy', 'Ó Ceallaigh', 'Gallagher',
  ]),
  country('GG', 1, undefined, EN, ['Limited'], ['St Peter Port', 'St Sampson', 'Vale']),
  country('US', 9, '#########', EN, ['Inc.', 'LLC', 'Corp.', 'Co.'], [
    'Chicago', 'Houston', 'Phoenix', 'Denver', 'Atlanta', 'Boston', 'Seattle', 'Columbus', 'Dallas', 'Portland',
  ]),
  country('CA', 3, '#########RT0001', EN, ['Inc.', 'Ltd.', 'Corp.'], [
    'Toronto', 'Montréal', 'Calgary', 'Ottawa', 'Winnipeg', 'Québec', 'Halifax',
  ]),
  country('AU', 3, '###########', EN, ['Pty Ltd'], ['Sydney', 'Melbourne', 'Brisbane', 'Perth', 'Adelaide', 'Hobart']),
  country('NZ', 1, '#########', EN, ['Limited'], ['Auckland', 'Wellington', 'Christchurch', 'Hamilton', 'Dunedin']),
  country('ZA', 1, '4#########', EN, ['(Pty) Ltd', 'Ltd'], ['Johannesburg', 'Cape Town', 'Durban', 'Pretoria', 'Gqeberha'], [
    'van der Merwe', 'Botha', 'Nkosi', 'Dlamini', 'Naidoo', 'Pretorius', 'Mokoena', 'Khumalo',
  ]),
  country('IN', 2, '##@@@@@####@1Z#', EN, ['Private Limited', 'Limited'], [
    'Mumbai', 'Bengaluru', 'Chennai', 'Pune', 'Hyderabad', 'Ahmedabad', 'Kolkata',
  ], ['Sharma', 'Patel', 'Reddy', 'Iyer', 'Gupta', 'Mehta', 'Kapoor', 'Nair', 'Banerjee', 'Rao']),
  country('SG', 2, 'M9#######@', EN, ['Pte. Ltd.'], ['Singapore', 'Jurong', 'Tampines', 'Woodlands'], [
    'Tan', 'Lim', 'Lee', 'Ng', 'Wong', 'Goh', 'Chua', 'Koh', 'Teo',
  ]),
  country('MY', 2, 'C##########', EN, ['Sdn. Bhd.', 'Berhad'], [
    'Kuala Lumpur', 'Penang', 'Johor Bahru', 'Ipoh', 'Shah Alam', 'Kuching',
  ], ['Abdullah', 'Ismail', 'Rahman', 'Tan', 'Lim', 'Wong', 'Hassan', 'Ibrahim', 'Chong', 'Subramaniam']),
  country('HK', 1, undefined, EN, ['Limited'], ['Hong Kong', 'Kowloon', 'Tsuen Wan', 'Sha Tin'], [
    'Chan', 'Leung', 'Cheung', 'Lau', 'Ho', 'Yeung', 'Chow', 'Wong',
  ]),
  country('JP', 2, 'T#############', EN, ['K.K.', 'Co., Ltd.'], ['Tokyo', 'Osaka', 'Nagoya', 'Yokohama', 'Fukuoka', 'Sapporo', 'Kobe'], [
    'Tanaka', 'Suzuki', 'Watanabe', 'Takahashi', 'Sato', 'Ito', 'Yamamoto', 'Nakamura', 'Kobayashi', 'Kato',
  ]),
  country('AE', 1, '100############', EN, ['LLC', 'FZE', 'FZ-LLC'], ['Dubai', 'Abu Dhabi', 'Sharjah', 'Ajman'], [
    'Al Mansoori', 'Al Falasi', 'Al Nuaimi', 'Al Suwaidi', 'Al Mazrouei', 'Al Hashimi',
  ]),
  country('TR', 1, '##########', EN, ['A.Ş.', 'Ltd. Şti.'], ['İstanbul', 'Ankara', 'İzmir', 'Bursa', 'Antalya'], [
    'Yılmaz', 'Kaya', 'Demir', 'Şahin', 'Çelik', 'Yıldız', 'Öztürk', 'Aydın',
  ]),
  country('FR', 8, 'FR###########', FR, ['SAS', 'SARL', 'SA', 'EURL', 'SNC'], [
    'Lyon', 'Marseille', 'Toulouse', 'Nantes', 'Lille', 'Bordeaux', 'Strasbourg', 'Rennes', 'Besançon', 'Orléans', 'Nîmes', 'Évry', 'Angers',
  ]),
  {
    code: 'BE',
    weight: 2,
    taxId: 'BE0#########',
    locales: [
      { bank: NL, forms: ['BV', 'NV'], cities: ['Antwerpen', 'Gent', 'Brugge', 'Leuven', 'Hasselt'] },
      { bank: FR, forms: ['SA', 'SRL'], cities: ['Liège', 'Namur', 'Charleroi', 'Mons', 'Bruxelles'] },
    ],
  },
  {
    code: 'CH',
    weight: 2,
    taxId: 'CHE#########',
    locales: [
      { bank: DE, forms: ['AG', 'GmbH'], cities: ['Zürich', 'Basel', 'Bern', 'Luzern', 'St. Gallen', 'Winterthur'] },
      { bank: FR, forms: ['SA', 'Sàrl'], cities: ['Genève', 'Lausanne', 'Neuchâtel', 'Fribourg', 'Sion'] },
      { bank: IT, forms: ['SA', 'Sagl'], cities: ['Lugano', 'Bellinzona', 'Locarno'] },
    ],
  },
  country('LU', 1, 'LU########', FR, ['S.A.', 'S.à r.l.'], ['Luxembourg', 'Esch-sur-Alzette', 'Differdange', 'Dudelange']),
  country('DE', 8, 'DE#########', DE, ['GmbH', 'AG', 'GmbH & Co. KG', 'KG', 'SE'], [
    'Berlin', 'Hamburg', 'München', 'Köln', 'Frankfurt', 'Stuttgart', 'Düsseldorf', 'Leipzig', 'Nürnberg', 'Bremen', 'Göttingen', 'Lübeck',
  ]),
  country('AT', 2, 'ATU########', DE, ['GmbH', 'AG', 'KG'], [
    'Wien', 'Graz', 'Linz', 'Salzburg', 'Innsbruck', 'Klagenfurt', 'Sankt Pölten',
  ]),
  country('IT', 5, 'IT###########', IT, ['S.r.l.', 'S.p.A.', 'S.n.c.', 'S.a.s.'], [
    'Milano', 'Torino', 'Bologna', 'Firenze', 'Napoli', 'Verona', 'Padova', 'Genova', 'Forlì', 'Cantù',
  ]),
  country('ES', 5, 'ESB########', ES, ['S.L.', 'S.A.', 'S.L.U.'], [
    'Madrid', 'Barcelona', 'Valencia', 'Sevilla', 'Bilbao', 'Málaga', 'Zaragoza', 'Córdoba', 'Alcalá de Henares', 'León',
  ]),
  country('MX', 2, '@@@######@@#', ES, ['S.A. de C.V.', 'S. de R.L. de C.V.'], [
    'Monterrey', 'Guadalajara', 'Puebla', 'Querétaro', 'Mérida', 'Toluca', 'Tijuana',
  ]),
  country('PT', 2, 'PT#########', PT, ['Lda.', 'S.A.', 'Unipessoal Lda.'], [
    'Lisboa', 'Porto', 'Braga', 'Coimbra', 'Aveiro', 'Évora', 'Setúbal', 'Faro',
  ]),
  country('BR', 2, '##############', PT, ['Ltda.', 'S.A.'], [
    'São Paulo', 'Rio de Janeiro', 'Belo Horizonte', 'Curitiba', 'Porto Alegre', 'Recife', 'Goiânia', 'Florianópolis',
  ]),
  country('NL', 4, 'NL#########B01', NL, ['B.V.', 'N.V.', 'V.O.F.'], [
    'Amsterdam', 'Rotterdam', 'Utrecht', 'Eindhoven', 'Groningen', 'Tilburg', 'Breda', 'Zwolle',
  ]),
  country('SE', 2, 'SE##########01', NORDIC, ['AB'], ['Stockholm', 'Göteborg', 'Malmö', 'Uppsala', 'Västerås', 'Örebro', 'Linköping'], [
    'Andersson', 'Johansson', 'Karlsson', 'Nilsson', 'Eriksson', 'Lindqvist', 'Åberg', 'Sjöberg', 'Lindström', 'Bergström',
  ]),
  country('NO', 1, 'NO#########MVA', NORDIC, ['AS', 'ASA'], ['Oslo', 'Bergen', 'Trondheim', 'Stavanger', 'Tromsø', 'Drammen'], [
    'Hansen', 'Johansen', 'Olsen', 'Larsen', 'Berg', 'Haugen', 'Solberg', 'Bakken', 'Strøm', 'Løvås',
  ]),
  country('DK', 1, 'DK########', NORDIC, ['A/S', 'ApS'], ['København', 'Aarhus', 'Odense', 'Aalborg', 'Esbjerg', 'Randers'], [
    'Jensen', 'Nielsen', 'Pedersen', 'Sørensen', 'Rasmussen', 'Østergaard', 'Søndergaard', 'Mikkelsen', 'Christensen',
  ]),
  country('FI', 1, 'FI########', NORDIC, ['Oy', 'Oyj'], ['Helsinki', 'Espoo', 'Tampere', 'Turku', 'Oulu', 'Jyväskylä'], [
    'Virtanen', 'Mäkinen', 'Korhonen', 'Nieminen', 'Mäkelä', 'Hämäläinen', 'Laine', 'Heikkinen', 'Koskinen',
  ]),
  country('PL', 3, 'PL##########', PL, ['Sp. z o.o.', 'S.A.', 'Sp.k.'], [
    'Warszawa', 'Kraków', 'Łódź', 'Wrocław', 'Poznań', 'Gdańsk', 'Szczecin', 'Lublin',
  ]),
  country('CZ', 1, 'CZ########', EN, ['s.r.o.', 'a.s.'], ['Praha', 'Brno', 'Ostrava', 'Plzeň', 'Olomouc', 'České Budějovice'], [
    'Novák', 'Svoboda', 'Dvořák', 'Černý', 'Procházka', 'Kučera', 'Veselý', 'Horák', 'Němec',
  ]),
  country('SK', 1, 'SK##########', EN, ['s.r.o.', 'a.s.'], ['Bratislava', 'Košice', 'Žilina', 'Nitra', 'Prešov'], [
    'Horváth', 'Kováč', 'Varga', 'Tóth', 'Baláž', 'Szabó', 'Molnár', 'Polák',
  ]),
  country('HU', 1, 'HU########', EN, ['Kft.', 'Zrt.', 'Nyrt.'], ['Budapest', 'Debrecen', 'Szeged', 'Miskolc', 'Pécs', 'Győr'], [
    'Nagy', 'Kovács', 'Tóth', 'Szabó', 'Horváth', 'Varga', 'Kiss', 'Molnár', 'Németh',
  ]),
  country('RO', 1, 'RO########', EN, ['S.R.L.', 'S.A.'], ['București', 'Cluj-Napoca', 'Timișoara', 'Iași', 'Constanța', 'Brașov'], [
    'Popescu', 'Ionescu', 'Popa', 'Dumitru', 'Stan', 'Stoica', 'Gheorghe', 'Rădulescu', 'Munteanu',
  ]),
  country('BG', 1, 'BG#########', EN, ['EOOD', 'OOD', 'AD'], ['Sofia', 'Plovdiv', 'Varna', 'Burgas', 'Ruse'], [
    'Ivanov', 'Georgiev', 'Dimitrov', 'Petrov', 'Nikolov', 'Todorov', 'Stoyanov',
  ]),
  country('GR', 1, 'EL#########', EN, ['S.A.', 'Ltd', 'IKE'], ['Athens', 'Thessaloniki', 'Patras', 'Heraklion', 'Larissa'], [
    'Papadopoulos', 'Georgiou', 'Nikolaidis', 'Konstantinou', 'Papageorgiou', 'Vlachos', 'Angelopoulos',
  ]),
  country('HR', 1, 'HR###########', EN, ['d.o.o.', 'd.d.'], ['Zagreb', 'Split', 'Rijeka', 'Osijek', 'Zadar'], [
    'Horvat', 'Kovačević', 'Babić', 'Marić', 'Jurić', 'Novak', 'Knežević', 'Vuković',
  ]),
  country('SI', 1, 'SI########', EN, ['d.o.o.', 'd.d.'], ['Ljubljana', 'Maribor', 'Celje', 'Kranj', 'Koper'], [
    'Novak', 'Horvat', 'Krajnc', 'Kovačič', 'Zupančič', 'Potočnik', 'Mlakar',
  ]),
  country('EE', 1, 'EE#########', EN, ['OÜ', 'AS'], ['Tallinn', 'Tartu', 'Narva', 'Pärnu'], [
    'Tamm', 'Saar', 'Sepp', 'Mägi', 'Kask', 'Kukk', 'Rebane', 'Ilves',
  ]),
  country('LV', 1, 'LV###########', EN, ['SIA', 'AS'], ['Rīga', 'Daugavpils', 'Liepāja', 'Jelgava', 'Ventspils'], [
    'Bērziņš', 'Kalniņš', 'Ozoliņš', 'Jansons', 'Liepiņš', 'Krūmiņš', 'Balodis',
  ]),
  country('LT', 1, 'LT#########', EN, ['UAB', 'AB'], ['Vilnius', 'Kaunas', 'Klaipėda', 'Šiauliai', 'Panevėžys'], [
    'Kazlauskas', 'Jankauskas', 'Petrauskas', 'Stankevičius', 'Vasiliauskas', 'Žukauskas', 'Butkus',
  ]),
];

const BRAND_HEADS = [
  'Al', 'Bran', 'Cor', 'Dal', 'Eld', 'Fen', 'Gar', 'Hal', 'Ist', 'Jor', 'Kel', 'Lun', 'Mar', 'Nor', 'Or',
  'Pel', 'Quin', 'Ros', 'Sel', 'Tor', 'Ul', 'Val', 'Wes', 'Yar', 'Zen', 'Ast', 'Ber', 'Cal', 'Dor', 'Est',
];
const BRAND_LINKS = ['a', 'e', 'i', 'o', 'en', 'il'];
const BRAND_TAILS = [
  'ano', 'berg', 'cor', 'dale', 'ex', 'ford', 'gate', 'helm', 'ica', 'ion', 'ix', 'mont', 'net', 'ora', 'pak',
  'quist', 'rex', 'son', 'tek', 'tia', 'ton', 'ura', 'vale', 'wick', 'ra', 'lyn', 'zia', 'line', 'stone', 'field',
];
const GROUP_SUFFIXES = ['GROUP', 'HOLDINGS GROUP', 'GROUP OF COMPANIES', 'INTERNATIONAL GROUP', 'ALL COMPANIES GROUP'];
/** Words no generated name may contain: they would pollute searches for the seed's customers. */
const RESERVED_WORDS = ['tungsten', 'demonstration', 'globex', 'northwind'];

const SMALL_GROUP_CHANCE = 0.04;
const SMALL_GROUP_HOME_SHARE = 0.7;
const NO_TAX_ID_CHANCE = 0.08;
const VENDOR_CODE_CHANCE = 0.05;
const NAME_RETRIES = 12;

// ---------------------------------------------------------------------------------------
// Generation

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** PRNG helpers over one mulberry32 stream. */
class Random {
  private readonly next: () => number;

  constructor(seed: number) {
    this.next = mulberry32(seed);
  }

  /** Integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  /** A string following a pattern: `#` a digit, `@` a capital letter, anything else literal. */
  fromPattern(pattern: string): string {
    let out = '';
    for (const part of compileIdPattern(pattern)) {
      if (part.kind === 'digits') out += String(this.int(0, 10 ** part.length - 1)).padStart(part.length, '0');
      else if (part.kind === 'letter') out += String.fromCharCode(65 + this.int(0, 25));
      else out += part.text;
    }
    return out;
  }
}

type IdPatternPart = { kind: 'digits'; length: number } | { kind: 'letter' } | { kind: 'text'; text: string };

const compiledIdPatterns = new Map<string, readonly IdPatternPart[]>();

/** Cuts a tax-ID pattern into runs of at most 9 digits, letters and literal text. */
function compileIdPattern(pattern: string): readonly IdPatternPart[] {
  let parts = compiledIdPatterns.get(pattern);
  if (!parts) {
    parts = (pattern.match(/#{1,9}|@|[^#@]+/g) ?? []).map((run): IdPatternPart => {
      if (run[0] === '#') return { kind: 'digits', length: run.length };
      if (run === '@') return { kind: 'letter' };
      return { kind: 'text', text: run };
    });
    compiledIdPatterns.set(pattern, parts);
  }
  return parts;
}

/** Picks countries in proportion to their weight. */
class CountryPicker {
  private readonly cumulative: number[] = [];
  private readonly total: number;

  constructor(private readonly countries: readonly Country[]) {
    let sum = 0;
    for (const c of countries) this.cumulative.push((sum += c.weight));
    this.total = sum;
  }

  pick(random: Random): Country {
    const target = random.int(0, this.total * 1000 - 1) / 1000;
    const index = this.cumulative.findIndex((edge) => target < edge);
    return this.countries[index];
  }
}

/** "de Lyon" but "d'Orléans": French elision before a vowel or a mute h. */
function frenchOf(city: string): string {
  return /^[aeiouyhàâäéèêëîïôöûüœ]/i.test(city) ? `d'${city}` : `de ${city}`;
}

/** A pattern cut into literal text and `{S}` surname, `{I}` industry, `{D}` descriptor, `{C}` city, `{dC}` "de city", `{B}` brand. */
type PatternPart = { text: string } | { token: 'S' | 'I' | 'D' | 'C' | 'dC' | 'B' };

const parsedPatterns = new Map<string, readonly PatternPart[]>();

function parsePattern(pattern: string): readonly PatternPart[] {
  let parts = parsedPatterns.get(pattern);
  if (!parts) {
    parts = pattern
      .split(/(\{(?:S|I|D|C|dC|B)\})/)
      .filter((piece) => piece !== '')
      .map((piece): PatternPart =>
        /^\{\w+\}$/.test(piece) ? { token: piece.slice(1, -1) as 'S' | 'I' | 'D' | 'C' | 'dC' | 'B' } : { text: piece },
      );
    parsedPatterns.set(pattern, parts);
  }
  return parts;
}

function fillPattern(pattern: string, locale: Locale, random: Random, brand = ''): string {
  let out = '';
  let surname = '';
  for (const part of parsePattern(pattern)) {
    if ('text' in part) {
      out += part.text;
    } else if (part.token === 'S') {
      surname = otherSurname(locale, random, surname);
      out += surname;
    } else {
      out += fillToken(part.token, locale, random, brand);
    }
  }
  return out;
}

/** A surname, never the one just used ("Tan & Lim", not "Tan & Tan"). */
function otherSurname(locale: Locale, random: Random, previous: string): string {
  const surnames = locale.surnames ?? locale.bank.surnames;
  let surname = random.pick(surnames);
  while (surname === previous) surname = random.pick(surnames);
  return surname;
}

function fillToken(token: 'S' | 'I' | 'D' | 'C' | 'dC' | 'B', locale: Locale, random: Random, brand: string): string {
  switch (token) {
    case 'S':
      return otherSurname(locale, random, '');
    case 'I':
      return random.pick(locale.bank.industries);
    case 'D':
      return random.pick(locale.bank.descriptors);
    case 'C':
      return random.pick(locale.cities);
    case 'dC':
      return frenchOf(random.pick(locale.cities));
    case 'B':
      return brand;
  }
}

/** Upper-cases the first letter ("van Dijk Bouw" → "Van Dijk Bouw"); most stems need nothing. */
function capitalise(text: string): string {
  const first = text.charCodeAt(0);
  return first >= 97 && first <= 122 ? text.charAt(0).toUpperCase() + text.slice(1) : text;
}

function containsReservedWord(text: string): boolean {
  const lower = text.toLowerCase();
  return RESERVED_WORDS.some((word) => lower.includes(word));
}

/** Which of a bank's pattern lists names an entity, and the group's brand for `{B}`. */
interface NameStyle {
  patterns: 'patterns' | 'groupPatterns';
  brand: string;
}

const STANDALONE: NameStyle = { patterns: 'patterns', brand: '' };

/** Accumulates entities and groups while keeping IDs and names unique. */
class DirectoryBuilder {
  readonly entries: DirectoryEntry[] = [];
  readonly groups: DirectoryGroup[] = [];
  private readonly usedIds = new Set<number>();
  private readonly usedNames = new Set<string>();
  private readonly usedBrands = new Set<string>();
  private readonly picker = new CountryPicker(COUNTRIES);

  constructor(
    private readonly random: Random,
    reservedIds: Iterable<string>,
  ) {
    for (const id of reservedIds) {
      if (/^AAA\d{9}$/.test(id)) this.usedIds.add(Number(id.slice(3)));
    }
  }

  addGlobexGroup(): void {
    this.groups.push({ id: GLOBEX_GROUP_ID, name: GLOBEX_GROUP_NAME });
    const style: NameStyle = { patterns: 'groupPatterns', brand: 'Globex' };
    for (let i = 0; i < GLOBEX_GROUP_SIZE; i++) {
      // Spread evenly over every country: a truly multinational group.
      this.addEntity(COUNTRIES[i % COUNTRIES.length], style, GLOBEX_GROUP_ID);
    }
  }

  addSmallGroup(size: number): void {
    const brand = this.newBrand();
    const group: DirectoryGroup = {
      id: `GRP-${String(this.groups.length).padStart(5, '0')}`,
      name: `${brand.toUpperCase()} ${this.random.pick(GROUP_SUFFIXES)}`,
    };
    this.groups.push(group);
    const style: NameStyle = { patterns: 'groupPatterns', brand };
    const home = this.picker.pick(this.random);
    for (let i = 0; i < size; i++) {
      const where = i === 0 || this.random.chance(SMALL_GROUP_HOME_SHARE) ? home : this.picker.pick(this.random);
      this.addEntity(where, style, group.id);
    }
  }

  addStandalone(): void {
    this.addEntity(this.picker.pick(this.random), STANDALONE);
  }

  private addEntity(where: Country, style: NameStyle, groupId?: string): void {
    const locale = where.locales.length === 1 ? where.locales[0] : this.random.pick(where.locales);
    const entry: Mutable<DirectoryEntry> = {
      id: this.newId(),
      legalName: this.newName(locale, style),
      taxIds: where.taxId && !this.random.chance(NO_TAX_ID_CHANCE) ? [this.random.fromPattern(where.taxId)] : [],
      country: where.code,
    };
    if (groupId !== undefined) entry.groupId = groupId;
    if (this.random.chance(VENDOR_CODE_CHANCE)) entry.requiresVendorCode = true;
    this.entries.push(entry);
  }

  /** A legal name no other entity has: retry a few draws, then number the stem. */
  private newName(locale: Locale, style: NameStyle): string {
    const patterns = locale.bank[style.patterns];
    let stem = '';
    let form = '';
    for (let attempt = 0; attempt < NAME_RETRIES; attempt++) {
      stem = capitalise(fillPattern(this.random.pick(patterns), locale, this.random, style.brand));
      form = this.random.pick(locale.forms);
      const name = `${stem} ${form}`;
      if (!this.usedNames.has(name)) return this.claimName(name);
    }
    for (let n = 2; ; n++) {
      const name = `${stem} ${n} ${form}`;
      if (!this.usedNames.has(name)) return this.claimName(name);
    }
  }

  private claimName(name: string): string {
    this.usedNames.add(name);
    return name;
  }

  /** `AAA` + 9 digits, unique; numbers rather than strings in the set keep this cheap. */
  private newId(): string {
    for (;;) {
      const number = this.random.int(0, 999_999_999);
      if (!this.usedIds.has(number)) {
        this.usedIds.add(number);
        return `AAA${String(number).padStart(9, '0')}`;
      }
    }
  }

  private newBrand(): string {
    for (;;) {
      const link = this.random.chance(0.35) ? this.random.pick(BRAND_LINKS) : '';
      const parts = [this.random.pick(BRAND_HEADS), link, this.random.pick(BRAND_TAILS)].filter((part) => part !== '');
      const brand = parts.join('');
      if (joinsSmoothly(parts) && !this.usedBrands.has(brand) && !containsReservedWord(brand)) {
        this.usedBrands.add(brand);
        return brand;
      }
    }
  }
}

const VOWELS = new Set(['a', 'e', 'i', 'o', 'u', 'y']);

/** No doubled letter and no two vowels where syllables meet ("Alaano", "Asttek" read badly). */
function joinsSmoothly(parts: readonly string[]): boolean {
  for (let i = 1; i < parts.length; i++) {
    const end = parts[i - 1].slice(-1).toLowerCase();
    const start = parts[i].charAt(0).toLowerCase();
    if (end === start || (VOWELS.has(end) && VOWELS.has(start))) return false;
  }
  return true;
}

/**
 * Generates the directory: one group of {@link GLOBEX_GROUP_SIZE} entities spread over
 * every country, then standalone entities and small groups (2–20) until `size` is reached.
 * Pure and deterministic: the same options always give the same directory.
 */
export function generateDirectory(options: DirectoryOptions = {}): GeneratedDirectory {
  const size = options.size ?? DEFAULT_DIRECTORY_SIZE;
  if (!Number.isInteger(size) || size < GLOBEX_GROUP_SIZE) {
    throw new RangeError(`Directory size must be an integer of at least ${GLOBEX_GROUP_SIZE}.`);
  }
  const random = new Random(options.seed ?? DEFAULT_DIRECTORY_SEED);
  const builder = new DirectoryBuilder(random, options.reservedIds ?? []);
  builder.addGlobexGroup();
  while (builder.entries.length < size) {
    const room = size - builder.entries.length;
    if (room >= 2 && random.chance(SMALL_GROUP_CHANCE)) builder.addSmallGroup(Math.min(room, random.int(2, 20)));
    else builder.addStandalone();
  }
  return { entries: builder.entries, groups: builder.groups };
}
