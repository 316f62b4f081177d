/**
 * The word lists the demo directory's names are made from: per language, industries,
 * descriptors, surnames and name patterns; per country, its share of the directory, tax-ID
 * pattern, legal forms and cities; and the parts of group brands.
 */

/** Words and name patterns of one language. Pattern tokens are listed in legal-names.ts (`PatternPart`). */
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
export interface Locale {
  bank: LanguageBank;
  forms: readonly string[];
  cities: readonly string[];
  /** Local surnames, when the bank's would look foreign. */
  surnames?: readonly string[];
}

/** A country of the generated directory. */
export interface Country {
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

export const COUNTRIES: readonly Country[] = [
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

export const BRAND_HEADS = [
  'Al', 'Bran', 'Cor', 'Dal', 'Eld', 'Fen', 'Gar', 'Hal', 'Ist', 'Jor', 'Kel', 'Lun', 'Mar', 'Nor', 'Or',
  'Pel', 'Quin', 'Ros', 'Sel', 'Tor', 'Ul', 'Val', 'Wes', 'Yar', 'Zen', 'Ast', 'Ber', 'Cal', 'Dor', 'Est',
];
export const BRAND_LINKS = ['a', 'e', 'i', 'o', 'en', 'il'];
export const BRAND_TAILS = [
  'ano', 'berg', 'cor', 'dale', 'ex', 'ford', 'gate', 'helm', 'ica', 'ion', 'ix', 'mont', 'net', 'ora', 'pak',
  'quist', 'rex', 'son', 'tek', 'tia', 'ton', 'ura', 'vale', 'wick', 'ra', 'lyn', 'zia', 'line', 'stone', 'field',
];
export const GROUP_SUFFIXES = ['GROUP', 'HOLDINGS GROUP', 'GROUP OF COMPANIES', 'INTERNATIONAL GROUP', 'ALL COMPANIES GROUP'];
/** Words no generated name may contain: they would pollute searches for the seed's customers. */
export const RESERVED_WORDS = ['tungsten', 'demonstration', 'globex', 'northwind'];
