/**
 * The demo network's hand-written seed: the customers, accounts and attention items of the
 * network's own tutorial (`seed/000_537dc6351a29deff.txt`), plus a few customers that give
 * every relationship status something to show.
 *
 * Times are offsets before the network's creation ("opened 26 hours ago"), so the demo
 * always looks recent and a test's injected clock fixes every date.
 */
import type { Money, RelationshipStatus, SupplierAccount } from '../types.js';
import { GLOBEX_GROUP_ID, type DirectoryEntry, type DirectoryGroup } from './directory.js';

/** Network IDs of the seed's customers, for tests and stories. */
export const DEMO_IDS = {
  tungstenBank: 'AAA489745059',
  tungstenCorporationGuernsey: 'AAA855955589',
  tungstenCorporation: 'AAA652334046',
  tungstenNetworkEood: 'AAA443893490',
  tungstenNetworkFinance: 'AAA858442379',
  tungstenNetworkGmbh: 'AAA474005402',
  tungstenNetworkLimited: 'AAA014773592',
  technicalServicesTestBuyer17: 'AAA206515132',
  demonstrationExampleBuyer: 'AAA300000001',
  northwindAutoApprove: 'AAA300000002',
  contosoFacilities: 'AAA300000003',
  fabrikamLogistics: 'AAA300000004',
  litwareComponents: 'AAA300000005',
  prosewareIngenierie: 'AAA300000006',
  wingtipToys: 'AAA300000007',
  fourthCoffee: 'AAA300000008',
  testBuyer: 'AAA168149359',
} as const;

/** IDs of the seed's supplier accounts. */
export const DEMO_ACCOUNT_IDS = {
  adamsOfficeSuppliesIt: 'ACC-AOS-IT',
  adamsOfficeSuppliesUk: 'ACC-AOS-UK',
} as const;

/** IDs of the seed's groups and of the big generated one. */
export const DEMO_GROUP_IDS = {
  tungsten: 'GRP-TUNGSTEN',
  technicalServices: 'GRP-TECHNICAL-SERVICES',
  globex: GLOBEX_GROUP_ID,
} as const;

/** References of the support cases already open when the network starts. */
export const DEMO_SEED_CASE_REFERENCES = ['2879455', '2880342'] as const;

/** Reference the first support case opened in a fresh network gets; later ones count up. */
export const DEMO_FIRST_CASE_REFERENCE = 2_881_017;

/** An invoice of a customer's history (what verification checks against). */
export interface DemoInvoice {
  readonly number: string;
  readonly date: string;
  readonly amount: Readonly<Money>;
}

/** A hand-written directory entry, with what the engine needs to answer a connection request. */
export interface SeedCustomer extends DirectoryEntry {
  /** Connection requests are approved at once. */
  readonly autoApprove?: boolean;
  /** Invoice history the network holds: a request leads to verification. */
  readonly invoices?: readonly DemoInvoice[];
}

/** Invoice history of "Demonstration Example Buyer" (GBP), for verification stories and tests. */
export const DEMO_INVOICE_HISTORY: readonly DemoInvoice[] = [
  { number: 'TNA9322', date: '2015-08-10', amount: { amount: '4508.00', currency: 'GBP' } },
  { number: 'TNA9187', date: '2015-06-15', amount: { amount: '1275.50', currency: 'GBP' } },
  { number: 'TNA9241', date: '2015-07-06', amount: { amount: '889.20', currency: 'GBP' } },
  { number: 'TNA9415', date: '2015-09-14', amount: { amount: '12040.00', currency: 'GBP' } },
  { number: 'TNA9478', date: '2015-10-05', amount: { amount: '316.75', currency: 'GBP' } },
  { number: 'TNA9536', date: '2015-11-02', amount: { amount: '2750.00', currency: 'GBP' } },
];

/** The seed's groups. */
export const SEED_GROUPS: readonly DirectoryGroup[] = [
  { id: DEMO_GROUP_IDS.tungsten, name: 'TUNGSTEN ALL COMPANIES GROUP' },
  { id: DEMO_GROUP_IDS.technicalServices, name: 'TECHNICAL SERVICES TEST GROUP' },
];

const TUNGSTEN = DEMO_GROUP_IDS.tungsten;

/** The seed's customers. */
export const SEED_CUSTOMERS: readonly SeedCustomer[] = [
  { id: DEMO_IDS.tungstenBank, legalName: 'Tungsten Bank PLC', taxIds: ['GB177907267'], country: 'GB', groupId: TUNGSTEN },
  { id: DEMO_IDS.tungstenCorporationGuernsey, legalName: 'Tungsten Corporation Guernsey Ltd', taxIds: [], country: 'GG', groupId: TUNGSTEN },
  { id: DEMO_IDS.tungstenCorporation, legalName: 'Tungsten Corporation PLC', taxIds: ['GB177907267'], country: 'GB', groupId: TUNGSTEN },
  { id: DEMO_IDS.tungstenNetworkEood, legalName: 'Tungsten Network EOOD', taxIds: [], country: 'BG', groupId: TUNGSTEN },
  { id: DEMO_IDS.tungstenNetworkFinance, legalName: 'Tungsten Network Finance', taxIds: ['GB177907267'], country: 'GB', groupId: TUNGSTEN },
  {
    id: DEMO_IDS.tungstenNetworkGmbh,
    legalName: 'Tungsten Network GmbH',
    taxIds: ['DE255790071'],
    country: 'DE',
    groupId: TUNGSTEN,
    requiresVendorCode: true,
  },
  { id: DEMO_IDS.tungstenNetworkLimited, legalName: 'Tungsten Network Limited', taxIds: ['GB177907267'], country: 'GB', groupId: TUNGSTEN },
  {
    id: DEMO_IDS.technicalServicesTestBuyer17,
    legalName: 'Technical Services Test Buyer 17',
    taxIds: [],
    country: 'MY',
    groupId: DEMO_GROUP_IDS.technicalServices,
  },
  {
    id: DEMO_IDS.demonstrationExampleBuyer,
    legalName: 'Demonstration Example Buyer',
    taxIds: ['GB398210475'],
    country: 'GB',
    invoices: DEMO_INVOICE_HISTORY,
  },
  {
    id: DEMO_IDS.northwindAutoApprove,
    legalName: 'Northwind Auto-Approve Trading Ltd',
    taxIds: ['GB301842297'],
    country: 'GB',
    autoApprove: true,
  },
  { id: DEMO_IDS.contosoFacilities, legalName: 'Contoso Facilities Management SAS', taxIds: ['FR40303265045'], country: 'FR' },
  { id: DEMO_IDS.fabrikamLogistics, legalName: 'Fabrikam Logistics B.V.', taxIds: ['NL853201664B01'], country: 'NL' },
  { id: DEMO_IDS.litwareComponents, legalName: 'Litware Components S.r.l.', taxIds: ['IT04871230965'], country: 'IT' },
  { id: DEMO_IDS.prosewareIngenierie, legalName: 'Proseware Ingénierie Électrique SARL', taxIds: ['FR62419837250'], country: 'FR' },
  { id: DEMO_IDS.wingtipToys, legalName: 'Wingtip Toys Ltd', taxIds: ['GB248193506'], country: 'GB' },
  { id: DEMO_IDS.fourthCoffee, legalName: 'Fourth Coffee Roasters GmbH', taxIds: ['DE287341190'], country: 'DE' },
  { id: DEMO_IDS.testBuyer, legalName: 'Tungsten Network - Demo Account', taxIds: [], country: 'GB' },
];

/** The signed-in supplier's accounts. */
export const SEED_ACCOUNTS: readonly Readonly<SupplierAccount>[] = [
  { id: DEMO_ACCOUNT_IDS.adamsOfficeSuppliesIt, name: 'Adams Office Supplies (IT) - Test', country: 'IT' },
  { id: DEMO_ACCOUNT_IDS.adamsOfficeSuppliesUk, name: 'Adams Office Supplies (UK)', country: 'GB' },
];

const MINUTES_PER_DAY = 24 * 60;

/** A relationship that exists when the network starts. */
export interface SeedRelationship {
  readonly accountId: string;
  readonly customerId: string;
  readonly status: RelationshipStatus;
  readonly minutesAgo: number;
  readonly isTestBuyer?: boolean;
  readonly supportCaseReference?: string;
}

/** A support case already open when the network starts. */
export interface SeedSupportCase {
  readonly reference: string;
  readonly accountId: string;
  readonly customerIds: readonly string[];
  readonly minutesAgo: number;
}

const IT_ACCOUNT = DEMO_ACCOUNT_IDS.adamsOfficeSuppliesIt;
const UK_ACCOUNT = DEMO_ACCOUNT_IDS.adamsOfficeSuppliesUk;

/** Earlier support cases (the tutorial's home page shows two open tickets). */
export const SEED_SUPPORT_CASES: readonly SeedSupportCase[] = [
  { reference: DEMO_SEED_CASE_REFERENCES[0], accountId: IT_ACCOUNT, customerIds: [DEMO_IDS.contosoFacilities], minutesAgo: 3 * MINUTES_PER_DAY + 95 },
  { reference: DEMO_SEED_CASE_REFERENCES[1], accountId: UK_ACCOUNT, customerIds: [DEMO_IDS.fabrikamLogistics], minutesAgo: MINUTES_PER_DAY + 40 },
];

/** Relationships at start: the test buyer for every account, then one of each other status. */
export const SEED_RELATIONSHIPS: readonly SeedRelationship[] = [
  ...SEED_ACCOUNTS.map((account) => ({
    accountId: account.id,
    customerId: DEMO_IDS.testBuyer,
    status: 'connected' as const,
    minutesAgo: 30 * MINUTES_PER_DAY,
    isTestBuyer: true,
  })),
  ...SEED_SUPPORT_CASES.map((supportCase) => ({
    accountId: supportCase.accountId,
    customerId: supportCase.customerIds[0],
    status: 'support-case-open' as const,
    minutesAgo: supportCase.minutesAgo,
    supportCaseReference: supportCase.reference,
  })),
  { accountId: IT_ACCOUNT, customerId: DEMO_IDS.litwareComponents, status: 'connected', minutesAgo: 90 * MINUTES_PER_DAY },
  { accountId: IT_ACCOUNT, customerId: DEMO_IDS.prosewareIngenierie, status: 'pending-customer-confirmation', minutesAgo: 5 * MINUTES_PER_DAY },
  { accountId: UK_ACCOUNT, customerId: DEMO_IDS.wingtipToys, status: 'rejected', minutesAgo: 60 * MINUTES_PER_DAY },
  { accountId: UK_ACCOUNT, customerId: DEMO_IDS.fourthCoffee, status: 'expired', minutesAgo: 400 * MINUTES_PER_DAY },
];

/** A failed invoice at start. */
export interface SeedFailedInvoice {
  readonly id: string;
  readonly number: string;
  readonly supplierName: string;
  readonly buyerName: string;
  readonly minutesAgo: number;
}

/** A saved (draft) invoice at start. */
export interface SeedSavedInvoice {
  readonly id: string;
  readonly number: string;
  readonly buyerId: string;
  readonly buyerName: string;
  readonly amount: Readonly<Money>;
  readonly minutesAgo: number;
}

/** The tutorial's failed invoice. */
export const SEED_FAILED_INVOICES: readonly SeedFailedInvoice[] = [
  {
    id: 'INV-FAILED-1',
    number: 'ShuchitestPayment1',
    supplierName: 'Adams Office Supplies (IT) - Test',
    buyerName: 'Tungsten Network - Demo Account',
    minutesAgo: 5 * 60 + 12,
  },
];

/** The tutorial's saved invoice. */
export const SEED_SAVED_INVOICES: readonly SeedSavedInvoice[] = [
  {
    id: 'INV-SAVED-1',
    number: '121121',
    buyerId: DEMO_IDS.testBuyer,
    buyerName: 'Tungsten Network - Demo Account',
    amount: { amount: '0.00', currency: 'GBP' },
    minutesAgo: 2 * MINUTES_PER_DAY + 17,
  },
];
