// Demo organisations and people (fictional; real places so distances in matching look sensible).
import type { MembershipRole, OrganisationKind, PlatformRoleName, StaffGroup } from "./types";

export interface DemoOrganisation {
  slug: string;
  name: string;
  kind: OrganisationKind;
  region: string;
  contactName: string;
  contactEmail: string;
  contactPhone: string;
  sharesWithCentral: boolean;
}

export interface DemoMembership {
  organisation: string;
  roles: MembershipRole[];
  staffGroup: StaffGroup;
  specialty?: string;
  department: string;
  siteDistrict: string;
  site: [latitude: number, longitude: number];
  startedInRoleOn: string;
  /** Email of the line manager, who must be seeded too. */
  lineManager?: string;
}

export interface DemoPerson {
  email: string;
  name: string;
  registrationNumber?: string;
  memberships: DemoMembership[];
  platformRoles?: PlatformRoleName[];
  /** Overrides the description derived from the roles. */
  description?: string;
}

export const TRUST = "aire-valley-hospitals";
export const DEANERY = "pennine-wolds-deanery";
export const PCN = "nidd-wharfe-pcn";

export const demoOrganisations: DemoOrganisation[] = [
  {
    slug: DEANERY,
    name: "Pennine and Wolds Deanery",
    kind: "deanery",
    region: "Yorkshire and the Humber",
    contactName: "Margaret Oduya",
    contactEmail: "mentoring@pennine-wolds.example.org",
    contactPhone: "0113 496 0142",
    sharesWithCentral: true,
  },
  {
    slug: TRUST,
    name: "Aire Valley Hospitals NHS Foundation Trust",
    kind: "trust",
    region: "Yorkshire and the Humber",
    contactName: "Priya Raman",
    contactEmail: "consultant.mentoring@airevalley.example.org",
    contactPhone: "01632 960 270",
    sharesWithCentral: true,
  },
  {
    slug: PCN,
    name: "Nidd and Wharfe Primary Care Network",
    kind: "pcn",
    region: "Yorkshire and the Humber",
    contactName: "Gillian Hart",
    contactEmail: "pcn.admin@nidd-wharfe.example.org",
    contactPhone: "01632 960 388",
    sharesWithCentral: false,
  },
];

const trustSite = {
  BD20: [53.8976, -1.9617],
  BD21: [53.8672, -1.9064],
  BD16: [53.8482, -1.8376],
  LS29: [53.9254, -1.8226],
  BD23: [53.9621, -2.0166],
} satisfies Record<string, [number, number]>;

const t = "airevalley.example.org";
const d = "pennine-wolds.example.org";
const p = "nidd-wharfe.example.org";

export const demoPeople: DemoPerson[] = [
  // Pennine and Wolds Deanery: region-wide schemes for trainees and new consultants.
  {
    email: `margaret.oduya@${d}`,
    name: "Margaret Oduya",
    memberships: [
      { organisation: DEANERY, roles: ["org_admin"], staffGroup: "other", department: "Postgraduate Dean's Office", siteDistrict: "LS1", site: [53.7965, -1.5478], startedInRoleOn: "2019-04-01" },
    ],
  },
  {
    email: `daniel.firth@${d}`,
    name: "Dr Daniel Firth",
    registrationNumber: "4821937",
    memberships: [
      { organisation: DEANERY, roles: ["coordinator", "participant"], staffGroup: "consultant", specialty: "Anaesthetics", department: "Associate Dean, Professional Support", siteDistrict: "YO31", site: [53.9726, -1.0703], startedInRoleOn: "2016-09-01", lineManager: `margaret.oduya@${d}` },
    ],
  },
  {
    email: `hannah.leigh@${d}`,
    name: "Dr Hannah Leigh",
    registrationNumber: "7319046",
    memberships: [
      { organisation: DEANERY, roles: ["participant"], staffGroup: "trainee", specialty: "Obstetrics and Gynaecology", department: "ST4, Hull Women and Children's Hospital", siteDistrict: "HU3", site: [53.7413, -0.3573], startedInRoleOn: "2025-08-06" },
    ],
  },
  {
    email: `oliver.grant@${d}`,
    name: "Dr Oliver Grant",
    registrationNumber: "7402281",
    memberships: [
      { organisation: DEANERY, roles: ["participant"], staffGroup: "trainee", specialty: "Psychiatry", department: "CT2, Sheffield community psychiatry", siteDistrict: "S10", site: [53.3811, -1.5122], startedInRoleOn: "2025-08-06" },
    ],
  },
  {
    email: `aisha.begum@${d}`,
    name: "Dr Aisha Begum",
    registrationNumber: "6650183",
    memberships: [
      { organisation: DEANERY, roles: ["participant"], staffGroup: "new_consultant", specialty: "Geriatric Medicine", department: "Elderly Care, Huddersfield", siteDistrict: "HD3", site: [53.6541, -1.8262], startedInRoleOn: "2025-03-03" },
    ],
  },
  {
    email: `chris.naylor@${d}`,
    name: "Dr Chris Naylor",
    registrationNumber: "3987712",
    memberships: [
      { organisation: DEANERY, roles: ["participant"], staffGroup: "consultant", specialty: "Trauma and Orthopaedics", department: "Educational Supervisor, Bradford", siteDistrict: "BD9", site: [53.8087, -1.7905], startedInRoleOn: "2009-11-02" },
    ],
  },

  // Aire Valley Hospitals NHS Foundation Trust: a consultant mentoring scheme.
  {
    email: `priya.raman@${t}`,
    name: "Priya Raman",
    memberships: [
      { organisation: TRUST, roles: ["org_admin"], staffGroup: "other", department: "Medical Workforce and Education", siteDistrict: "BD20", site: trustSite.BD20, startedInRoleOn: "2020-01-06" },
    ],
  },
  {
    email: `tom.whitaker@${t}`,
    name: "Dr Tom Whitaker",
    registrationNumber: "4410276",
    memberships: [
      { organisation: TRUST, roles: ["coordinator", "participant"], staffGroup: "consultant", specialty: "Anaesthetics", department: "Anaesthetics and Critical Care", siteDistrict: "BD20", site: trustSite.BD20, startedInRoleOn: "2011-05-03" },
    ],
  },
  {
    email: `sarah.lindqvist@${t}`,
    name: "Dr Sarah Lindqvist",
    registrationNumber: "4127754",
    memberships: [
      { organisation: TRUST, roles: ["participant"], staffGroup: "consultant", specialty: "Cardiology", department: "Cardiology", siteDistrict: "BD20", site: trustSite.BD20, startedInRoleOn: "2012-10-01" },
    ],
  },
  {
    email: `amir.haddad@${t}`,
    name: "Dr Amir Haddad",
    registrationNumber: "6893320",
    memberships: [
      { organisation: TRUST, roles: ["participant"], staffGroup: "new_consultant", specialty: "Respiratory Medicine", department: "Respiratory Medicine", siteDistrict: "BD21", site: trustSite.BD21, startedInRoleOn: "2025-09-01", lineManager: `sarah.lindqvist@${t}` },
    ],
  },
  {
    email: `fiona.mcallister@${t}`,
    name: "Dr Fiona McAllister",
    registrationNumber: "5562018",
    memberships: [
      { organisation: TRUST, roles: ["participant"], staffGroup: "sas_doctor", specialty: "Emergency Medicine", department: "Emergency Department", siteDistrict: "LS29", site: trustSite.LS29, startedInRoleOn: "2018-02-12" },
    ],
  },
  {
    email: `kwame.mensah@${t}`,
    name: "Dr Kwame Mensah",
    registrationNumber: "6771453",
    memberships: [
      { organisation: TRUST, roles: ["participant"], staffGroup: "new_consultant", specialty: "General Surgery", department: "Surgery", siteDistrict: "BD16", site: trustSite.BD16, startedInRoleOn: "2024-11-04", lineManager: `tom.whitaker@${t}` },
    ],
  },
  {
    email: `eleanor.brooke@${t}`,
    name: "Dr Eleanor Brooke",
    registrationNumber: "3851190",
    memberships: [
      { organisation: TRUST, roles: ["participant"], staffGroup: "consultant", specialty: "Paediatrics", department: "Children's Services", siteDistrict: "BD23", site: trustSite.BD23, startedInRoleOn: "2008-07-01" },
    ],
  },

  // Matching demo: mentors and new consultants in the trust's two matching schemes.
  {
    email: `helen.marsh@${t}`,
    name: "Dr Helen Marsh",
    registrationNumber: "4219087",
    memberships: [
      { organisation: TRUST, roles: ["participant"], staffGroup: "consultant", specialty: "Respiratory Medicine", department: "Respiratory Medicine", siteDistrict: "BD21", site: trustSite.BD21, startedInRoleOn: "2009-03-02" },
    ],
  },
  {
    email: `raj.patel@${t}`,
    name: "Dr Raj Patel",
    registrationNumber: "4302215",
    memberships: [
      { organisation: TRUST, roles: ["participant"], staffGroup: "consultant", specialty: "Gastroenterology", department: "Gastroenterology", siteDistrict: "BD20", site: trustSite.BD20, startedInRoleOn: "2010-09-06" },
    ],
  },
  {
    email: `owen.price@${t}`,
    name: "Dr Owen Price",
    registrationNumber: "4398861",
    memberships: [
      { organisation: TRUST, roles: ["participant"], staffGroup: "consultant", specialty: "Trauma and Orthopaedics", department: "Trauma and Orthopaedics", siteDistrict: "BD16", site: trustSite.BD16, startedInRoleOn: "2013-01-07" },
    ],
  },
  {
    email: `james.whitfield@${t}`,
    name: "Dr James Whitfield",
    registrationNumber: "4156630",
    memberships: [
      { organisation: TRUST, roles: ["participant"], staffGroup: "consultant", specialty: "Geriatric Medicine", department: "Elderly Care", siteDistrict: "BD20", site: trustSite.BD20, startedInRoleOn: "2007-04-02" },
    ],
  },
  {
    email: `meera.shah@${t}`,
    name: "Dr Meera Shah",
    registrationNumber: "4471093",
    memberships: [
      { organisation: TRUST, roles: ["participant"], staffGroup: "consultant", specialty: "Obstetrics and Gynaecology", department: "Women's Services", siteDistrict: "BD23", site: trustSite.BD23, startedInRoleOn: "2014-08-04" },
    ],
  },
  {
    email: `zoe.clarke@${t}`,
    name: "Dr Zoe Clarke",
    registrationNumber: "7012284",
    memberships: [
      { organisation: TRUST, roles: ["participant"], staffGroup: "new_consultant", specialty: "Respiratory Medicine", department: "Respiratory Medicine", siteDistrict: "BD21", site: trustSite.BD21, startedInRoleOn: "2025-10-01" },
    ],
  },
  {
    email: `liam.byrne@${t}`,
    name: "Dr Liam Byrne",
    registrationNumber: "7034419",
    memberships: [
      { organisation: TRUST, roles: ["participant"], staffGroup: "new_consultant", specialty: "Gastroenterology", department: "Gastroenterology", siteDistrict: "BD20", site: trustSite.BD20, startedInRoleOn: "2025-08-04" },
    ],
  },
  {
    email: `isla.fraser@${t}`,
    name: "Dr Isla Fraser",
    registrationNumber: "7045561",
    memberships: [
      { organisation: TRUST, roles: ["participant"], staffGroup: "new_consultant", specialty: "Dermatology", department: "Dermatology", siteDistrict: "LS29", site: trustSite.LS29, startedInRoleOn: "2025-06-02" },
    ],
  },
  {
    email: `noah.bennett@${t}`,
    name: "Dr Noah Bennett",
    registrationNumber: "7051127",
    memberships: [
      { organisation: TRUST, roles: ["participant"], staffGroup: "new_consultant", specialty: "Urology", department: "Urology", siteDistrict: "BD16", site: trustSite.BD16, startedInRoleOn: "2025-11-03" },
    ],
  },
  {
    email: `grace.okafor@${t}`,
    name: "Dr Grace Okafor",
    registrationNumber: "7066350",
    memberships: [
      { organisation: TRUST, roles: ["participant"], staffGroup: "new_consultant", specialty: "Acute Medicine", department: "Acute Medical Unit", siteDistrict: "BD20", site: trustSite.BD20, startedInRoleOn: "2025-07-07" },
    ],
  },

  // In two organisations: a new consultant at the trust on the deanery's new consultant programme.
  {
    email: `nadia.karim@${t}`,
    name: "Dr Nadia Karim",
    registrationNumber: "6958841",
    description: "Participant in Aire Valley Hospitals NHS Foundation Trust and Pennine and Wolds Deanery (org switcher)",
    memberships: [
      { organisation: TRUST, roles: ["participant"], staffGroup: "new_consultant", specialty: "Gastroenterology", department: "Digestive Diseases", siteDistrict: "BD20", site: trustSite.BD20, startedInRoleOn: "2025-06-02", lineManager: `sarah.lindqvist@${t}` },
      { organisation: DEANERY, roles: ["participant"], staffGroup: "new_consultant", specialty: "Gastroenterology", department: "Aire Valley Hospitals", siteDistrict: "BD20", site: trustSite.BD20, startedInRoleOn: "2025-06-02" },
    ],
  },

  // Nidd and Wharfe Primary Care Network: GP and practice team mentoring.
  {
    email: `gillian.hart@${p}`,
    name: "Gillian Hart",
    memberships: [
      { organisation: PCN, roles: ["org_admin"], staffGroup: "practice_manager", department: "Wharfedale Medical Practice", siteDistrict: "LS21", site: [53.9051, -1.6918], startedInRoleOn: "2017-03-01" },
    ],
  },
  {
    email: `mark.ellison@${p}`,
    name: "Dr Mark Ellison",
    registrationNumber: "4033158",
    memberships: [
      { organisation: PCN, roles: ["coordinator", "participant"], staffGroup: "pcn_clinical_director", specialty: "General Practice", department: "Nidderdale Surgery", siteDistrict: "HG3", site: [54.0858, -1.7583], startedInRoleOn: "2021-07-01" },
    ],
  },
  {
    email: `jo.sutcliffe@${p}`,
    name: "Dr Jo Sutcliffe",
    registrationNumber: "4590321",
    memberships: [
      { organisation: PCN, roles: ["participant"], staffGroup: "gp_partner", specialty: "General Practice", department: "Wharfedale Medical Practice", siteDistrict: "LS21", site: [53.9051, -1.6918], startedInRoleOn: "2013-04-01" },
      // A GP trainer, mentoring for the deanery as well.
      { organisation: DEANERY, roles: ["participant"], staffGroup: "gp_partner", specialty: "General Practice", department: "GP trainer, Harrogate training scheme", siteDistrict: "LS21", site: [53.9051, -1.6918], startedInRoleOn: "2016-08-01" },
    ],
  },
  {
    email: `ben.adeyemi@${p}`,
    name: "Dr Ben Adeyemi",
    registrationNumber: "7120964",
    memberships: [
      { organisation: PCN, roles: ["participant"], staffGroup: "salaried_gp", specialty: "General Practice", department: "Stray Road Surgery", siteDistrict: "HG1", site: [53.9938, -1.5383], startedInRoleOn: "2025-01-06", lineManager: `jo.sutcliffe@${p}` },
      // A GP with an extended role in the trust's dermatology clinic: a trust member outside its consultant schemes.
      { organisation: TRUST, roles: ["participant"], staffGroup: "salaried_gp", specialty: "Dermatology", department: "Dermatology (GP with extended role)", siteDistrict: "BD21", site: trustSite.BD21, startedInRoleOn: "2025-02-03" },
    ],
  },
  {
    email: `laura.pickering@${p}`,
    name: "Dr Laura Pickering",
    registrationNumber: "7088215",
    memberships: [
      { organisation: PCN, roles: ["participant"], staffGroup: "gp_non_principal", specialty: "General Practice", department: "Locum across the network", siteDistrict: "HG4", site: [54.1378, -1.5235], startedInRoleOn: "2024-09-02" },
    ],
  },
  {
    email: `priya.nair@${p}`,
    name: "Dr Priya Nair",
    registrationNumber: "7102664",
    description: "GP non-principal (locum) at Nidd and Wharfe PCN: mentee in the unlisted locum pilot scheme",
    memberships: [
      { organisation: PCN, roles: ["participant"], staffGroup: "gp_non_principal", specialty: "General Practice", department: "Locum across the network", siteDistrict: "HG1", site: [53.9938, -1.5383], startedInRoleOn: "2025-08-04" },
    ],
  },
  // The PCN's 2027 cohort of locum GPs and their two GP mentors (an unlisted scheme, matched by the coordinator).
  ...[
    { key: "amy.walsh", name: "Dr Amy Walsh", reg: "7201145", district: "HG2", site: [53.9826, -1.5210] },
    { key: "ravi.patel", name: "Dr Ravi Patel", reg: "7204418", district: "HG3", site: [54.0858, -1.7583] },
    { key: "kate.holmes", name: "Dr Kate Holmes", reg: "7209932", district: "LS21", site: [53.9051, -1.6918] },
    { key: "tom.booth", name: "Dr Tom Booth", reg: "7211570", district: "HG4", site: [54.1378, -1.5235] },
    { key: "lucy.grant", name: "Dr Lucy Grant", reg: "7215306", district: "HG5", site: [54.0084, -1.4671] },
  ].map((gp) => ({
    email: `${gp.key}@${p}`,
    name: gp.name,
    registrationNumber: gp.reg,
    description: "Locum GP at Nidd and Wharfe PCN: mentee in the unlisted 2027 cohort",
    memberships: [
      { organisation: PCN, roles: ["participant" as const], staffGroup: "gp_non_principal" as const, specialty: "General Practice", department: "Locum across the network", siteDistrict: gp.district, site: gp.site as [number, number], startedInRoleOn: "2026-08-03" },
    ],
  })),
  {
    email: `helen.marsh@${p}`,
    name: "Dr Helen Marsh",
    registrationNumber: "4472019",
    description: "GP partner and paid mentor in the PCN's 2027 cohort",
    memberships: [
      { organisation: PCN, roles: ["participant"], staffGroup: "gp_partner", specialty: "General Practice", department: "Stray Road Surgery", siteDistrict: "HG1", site: [53.9938, -1.5383], startedInRoleOn: "2011-09-01" },
    ],
  },
  {
    email: `owen.price@${p}`,
    name: "Dr Owen Price",
    registrationNumber: "4519873",
    description: "GP partner and paid mentor in the PCN's 2027 cohort",
    memberships: [
      { organisation: PCN, roles: ["participant"], staffGroup: "gp_partner", specialty: "General Practice", department: "Nidderdale Surgery", siteDistrict: "HG3", site: [54.0858, -1.7583], startedInRoleOn: "2014-02-03" },
    ],
  },
  {
    email: `sam.ridley@${p}`,
    name: "Sam Ridley",
    memberships: [
      { organisation: PCN, roles: ["participant"], staffGroup: "pharmacist", specialty: "Clinical Pharmacy", department: "Network pharmacy team", siteDistrict: "HG5", site: [54.0084, -1.4671], startedInRoleOn: "2023-05-15", lineManager: `mark.ellison@${p}` },
    ],
  },
  {
    email: `claire.dobson@${p}`,
    name: "Claire Dobson",
    memberships: [
      { organisation: PCN, roles: ["participant"], staffGroup: "nurse", specialty: "Practice Nursing", department: "Nidderdale Surgery", siteDistrict: "HG3", site: [54.0858, -1.7583], startedInRoleOn: "2019-10-07" },
    ],
  },

  // Installation-wide roles: no memberships.
  {
    email: "ruth.abernethy@central.example.org",
    name: "Dr Ruth Abernethy",
    platformRoles: ["central_analyst"],
    description: "Central analyst (aggregates of organisations that opted in)",
    memberships: [],
  },
  {
    email: "ian.castle@tandem.example.org",
    name: "Ian Castle",
    platformRoles: ["platform_admin"],
    description: "Platform admin (creates organisations; no content access)",
    memberships: [],
  },
  // People after the match: coach-mentoring relationships in every state (seed/relationships.ts).
  {
    email: `nadia.rahman@${t}`,
    name: "Dr Nadia Rahman",
    registrationNumber: "4419023",
    description: "Mentor in Coach-mentoring for clinical leaders: three mentees (one quiet for months), one relationship completed",
    memberships: [
      { organisation: TRUST, roles: ["participant"], staffGroup: "consultant", specialty: "Anaesthetics", department: "Anaesthetics", siteDistrict: "BD20", site: trustSite.BD20, startedInRoleOn: "2009-04-01" },
    ],
  },
  {
    email: `gareth.lloyd@${t}`,
    name: "Dr Gareth Lloyd",
    registrationNumber: "4388120",
    description: "Mentor in Coach-mentoring for clinical leaders: one relationship paused, one withdrawn",
    memberships: [
      { organisation: TRUST, roles: ["participant"], staffGroup: "consultant", specialty: "Renal Medicine", department: "Renal Medicine", siteDistrict: "BD21", site: trustSite.BD21, startedInRoleOn: "2011-08-01" },
    ],
  },
  {
    email: `alice.moss@${t}`,
    name: "Dr Alice Moss",
    registrationNumber: "6012844",
    description: "Mentee of Dr Nadia Rahman: contract meeting held, the next meeting booked, agreed actions",
    memberships: [
      { organisation: TRUST, roles: ["participant"], staffGroup: "consultant", specialty: "Rheumatology", department: "Rheumatology", siteDistrict: "BD16", site: trustSite.BD16, startedInRoleOn: "2021-03-01" },
    ],
  },
  {
    email: `ben.carter@${t}`,
    name: "Dr Ben Carter",
    registrationNumber: "6120395",
    description: "Mentee of Dr Nadia Rahman: just matched, three times proposed for the contract meeting",
    memberships: [
      { organisation: TRUST, roles: ["participant"], staffGroup: "consultant", specialty: "Urology", department: "Surgery", siteDistrict: "LS29", site: trustSite.LS29, startedInRoleOn: "2022-06-06" },
    ],
  },
  {
    email: `chloe.dunn@${t}`,
    name: "Dr Chloe Dunn",
    registrationNumber: "6203381",
    description: "Mentee of Dr Gareth Lloyd: relationship paused",
    memberships: [
      { organisation: TRUST, roles: ["participant"], staffGroup: "consultant", specialty: "Dermatology", department: "Dermatology", siteDistrict: "BD20", site: trustSite.BD20, startedInRoleOn: "2020-01-13" },
    ],
  },
  {
    email: `daniel.evans@${t}`,
    name: "Dr Daniel Evans",
    registrationNumber: "5899210",
    description: "Mentee of Dr Nadia Rahman: all six meetings held, relationship complete",
    memberships: [
      { organisation: TRUST, roles: ["participant"], staffGroup: "consultant", specialty: "Haematology", department: "Haematology", siteDistrict: "BD23", site: trustSite.BD23, startedInRoleOn: "2019-09-02" },
    ],
  },
  {
    email: `emma.ford@${t}`,
    name: "Dr Emma Ford",
    registrationNumber: "6077102",
    description: "Mentee of Dr Gareth Lloyd: withdrew after the contract meeting",
    memberships: [
      { organisation: TRUST, roles: ["participant"], staffGroup: "consultant", specialty: "Neurology", department: "Neurology", siteDistrict: "BD21", site: trustSite.BD21, startedInRoleOn: "2021-11-01" },
    ],
  },
  {
    email: `farah.gill@${t}`,
    name: "Dr Farah Gill",
    registrationNumber: "6155730",
    description: "Mentee of Dr Nadia Rahman: no meeting since the contract meeting five months ago",
    memberships: [
      { organisation: TRUST, roles: ["participant"], staffGroup: "consultant", specialty: "Ophthalmology", department: "Ophthalmology", siteDistrict: "BD16", site: trustSite.BD16, startedInRoleOn: "2022-02-07" },
    ],
  },
];
