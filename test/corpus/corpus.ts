/**
 * The public corpus: real responses from vendors' docs, SDK test fixtures and public issue reports,
 * one file per vendor family in test/fixtures/corpus/<family>.json, each case labelled per the
 * catalog (../../docs/CATALOG.md). Labels say what is right, not what faultline answers today.
 *
 * File: { family, category, profile: <built-in profile id that should read it> | null, cases: Case[] }
 * A family with `profile: null` has no profile: it is in the held-apart slice that the generic
 * layer alone must classify.
 */
import { readdirSync, readFileSync } from 'node:fs';
import type { Fault } from '../../src/core/fault.js';

/** How the response reached the user. */
export type CaseState = 'raw' | 'no-status' | 'truncated' | 'python-repr' | 'sdk-printout' | 'html' | 'text' | 'stream';

export interface CorpusCase {
  readonly id: string;
  /** Where it was copied from: vendor docs, an SDK's test fixture, or a public issue report. */
  readonly source: string;
  readonly state?: CaseState;
  /** The request URL, only when the source gives it. */
  readonly url?: string;
  /** Reference time (ms since epoch) for cases whose wait is an absolute reset time. */
  readonly now?: number;
  readonly response: { readonly status?: number; readonly headers?: Readonly<Record<string, string>>; readonly body?: string };
  /**
   * `code` and `retry` always; `vendorCode`, `requestId`, `retryAfterMs` whenever the response
   * carries one (`null`: it carries none and the Fault must have none).
   */
  readonly expect: {
    readonly code: string;
    readonly retry: string;
    readonly vendorCode?: string | null;
    readonly requestId?: string | null;
    readonly retryAfterMs?: number | null;
  };
}

export interface CorpusFile {
  readonly family: string;
  readonly category: string;
  readonly profile: string | null;
  readonly cases: readonly CorpusCase[];
}

export const SCORED_FIELDS = ['code', 'retry', 'vendorCode', 'requestId', 'retryAfterMs'] as const;
export type ScoredField = (typeof SCORED_FIELDS)[number];

export const CORPUS_DIR = new URL('../fixtures/corpus/', import.meta.url);

/**
 * Responses gathered after the rules were written, from vendor families the public corpus does not
 * hold: same format, never used to tune a rule, so its score is the honest estimate for unseen vendors.
 */
export const HOLDOUT_DIR = new URL('../fixtures/corpus-holdout/', import.meta.url);

/**
 * A second holdout, gathered after the first was spent on fixing the general causes it revealed:
 * vendor families in neither the public corpus nor the first holdout, never used to tune a rule.
 */
export const HOLDOUT2_DIR = new URL('../fixtures/corpus-holdout-2/', import.meta.url);

/**
 * A third holdout, gathered after the second was spent on tuning: vendor families in none of the
 * public corpus and the first two holdouts, never used to tune a rule.
 */
export const HOLDOUT3_DIR = new URL('../fixtures/corpus-holdout-3/', import.meta.url);

/**
 * A fourth holdout, gathered blind while the third was spent on tuning: vendor families in none of the
 * sets above, labelled from their sources before faultline ran on them, never used to tune a rule.
 */
export const HOLDOUT4_DIR = new URL('../fixtures/corpus-holdout-4/', import.meta.url);

/**
 * A fifth holdout, gathered blind while the fourth was spent on tuning: vendor families in none of the
 * sets above, labelled from their sources before faultline ran on them, never used to tune a rule.
 */
export const HOLDOUT5_DIR = new URL('../fixtures/corpus-holdout-5/', import.meta.url);

/**
 * A sixth holdout, gathered blind while the fifth was spent on tuning: vendor families in none of the
 * sets above, labelled from their sources before faultline ran on them, never used to tune a rule.
 */
export const HOLDOUT6_DIR = new URL('../fixtures/corpus-holdout-6/', import.meta.url);

/**
 * A seventh holdout, gathered blind while the sixth was spent on tuning: vendor families in none of the
 * sets above, labelled from their sources before faultline ran on them, never used to tune a rule.
 */
export const HOLDOUT7_DIR = new URL('../fixtures/corpus-holdout-7/', import.meta.url);

/**
 * An eighth holdout, gathered blind while the seventh was spent on tuning: vendor families in none of the
 * sets above, labelled from their sources before faultline ran on them, never used to tune a rule.
 */
export const HOLDOUT8_DIR = new URL('../fixtures/corpus-holdout-8/', import.meta.url);

/**
 * A ninth holdout, gathered blind while the seventh and eighth were spent on tuning: vendor families in none
 * of the sets above, labelled from their sources before faultline ran on them, never used to tune a rule.
 */
export const HOLDOUT9_DIR = new URL('../fixtures/corpus-holdout-9/', import.meta.url);

/**
 * A tenth holdout, gathered blind while the ninth was spent on tuning: vendor families in none of the sets
 * above, labelled from their sources before faultline ran on them, never used to tune a rule.
 */
export const HOLDOUT10_DIR = new URL('../fixtures/corpus-holdout-10/', import.meta.url);

/**
 * An eleventh holdout, gathered blind while the tenth was spent on tuning: vendor families in none of the sets
 * above, labelled from their sources before faultline ran on them, never used to tune a rule.
 */
export const HOLDOUT11_DIR = new URL('../fixtures/corpus-holdout-11/', import.meta.url);

/**
 * A twelfth holdout, gathered blind while the eleventh was spent on tuning: vendor families in none of the sets
 * above, labelled from their sources before faultline ran on them, never used to tune a rule.
 */
export const HOLDOUT12_DIR = new URL('../fixtures/corpus-holdout-12/', import.meta.url);

/**
 * A thirteenth holdout, gathered blind while the eleventh and twelfth were spent on tuning: vendor families in
 * none of the sets above, labelled from their sources before faultline ran on them, never used to tune a rule.
 */
export const HOLDOUT13_DIR = new URL('../fixtures/corpus-holdout-13/', import.meta.url);

/**
 * A fourteenth holdout, gathered blind while the thirteenth was spent on tuning: vendor families in none of the
 * sets above, labelled from their sources before faultline ran on them, never used to tune a rule.
 */
export const HOLDOUT14_DIR = new URL('../fixtures/corpus-holdout-14/', import.meta.url);

/**
 * A fifteenth holdout, gathered blind while the fourteenth was spent on tuning: vendor families in none of the
 * sets above, labelled from their sources before faultline ran on them, never used to tune a rule.
 */
export const HOLDOUT15_DIR = new URL('../fixtures/corpus-holdout-15/', import.meta.url);

/**
 * A sixteenth holdout, gathered blind while the fifteenth was spent on tuning: vendor families in none of the
 * sets above, labelled from their sources before faultline ran on them, never used to tune a rule.
 */
export const HOLDOUT16_DIR = new URL('../fixtures/corpus-holdout-16/', import.meta.url);

/**
 * A seventeenth holdout, gathered blind while the sixteenth was spent on tuning: vendor families in none of the
 * sets above, labelled from their sources before faultline ran on them, never used to tune a rule.
 */
export const HOLDOUT17_DIR = new URL('../fixtures/corpus-holdout-17/', import.meta.url);

/**
 * An eighteenth holdout, gathered blind while the seventeenth was spent on tuning: vendor families in none of the
 * sets above, labelled from their sources before faultline ran on them, never used to tune a rule.
 */
export const HOLDOUT18_DIR = new URL('../fixtures/corpus-holdout-18/', import.meta.url);

/**
 * A nineteenth holdout, gathered blind while the eighteenth was spent on tuning: vendor families in none of the
 * sets above, labelled from their sources before faultline ran on them, never used to tune a rule.
 */
export const HOLDOUT19_DIR = new URL('../fixtures/corpus-holdout-19/', import.meta.url);

/**
 * A twentieth holdout, gathered blind while the nineteenth was spent on tuning: vendor families in none of the
 * sets above, labelled from their sources before faultline ran on them, never used to tune a rule.
 */
export const HOLDOUT20_DIR = new URL('../fixtures/corpus-holdout-20/', import.meta.url);

/**
 * A twenty-first holdout, gathered blind while the twentieth was spent on tuning: vendor families in none of the
 * sets above, labelled from their sources before faultline ran on them, never used to tune a rule.
 */
export const HOLDOUT21_DIR = new URL('../fixtures/corpus-holdout-21/', import.meta.url);

/**
 * A twenty-second holdout, gathered blind while the twentieth and twenty-first were spent on tuning: vendor families
 * in none of the sets above, labelled from their sources before faultline ran on them, never used to tune a rule.
 */
export const HOLDOUT22_DIR = new URL('../fixtures/corpus-holdout-22/', import.meta.url);

/**
 * A twenty-third holdout, gathered blind while the twenty-second was spent on tuning: vendor families in none of the
 * sets above, labelled from their sources before faultline ran on them, never used to tune a rule. Gathered with
 * repository snapshots only (the search tools' budget was spent): SDK fixtures and recorded responses, few printouts.
 */
export const HOLDOUT23_DIR = new URL('../fixtures/corpus-holdout-23/', import.meta.url);

/**
 * A twenty-fourth holdout, gathered blind while the twenty-third was spent: vendor families in none
 * of the sets above (advertising APIs, HR and CRM, science data, DNS and hosting, mobility, image and video models),
 * labelled from their sources before faultline ran on them.
 */
export const HOLDOUT24_DIR = new URL('../fixtures/corpus-holdout-24/', import.meta.url);

/**
 * A twenty-fifth holdout, gathered blind while the twenty-fourth was spent: e-commerce marketplaces, device clouds,
 * media and streaming, security and IP data, shipping and postal, finance and open-data APIs, labelled from their
 * sources before faultline ran on them, never used to tune a rule.
 */
export const HOLDOUT25_DIR = new URL('../fixtures/corpus-holdout-25/', import.meta.url);

/**
 * A twenty-sixth holdout, gathered blind while the twenty-fifth was spent: travel and booking, learning platforms,
 * games, translation and search, vehicle and property data, meetings; labelled from their sources before faultline
 * ran on them, never used to tune a rule.
 */
export const HOLDOUT26_DIR = new URL('../fixtures/corpus-holdout-26/', import.meta.url);

/**
 * A twenty-seventh holdout, gathered blind while the twenty-sixth was spent: sports data and betting, government and
 * open data, HR and payroll, captcha and fraud detection, smart home and energy, news and media; labelled from their
 * sources before faultline ran on them, never used to tune a rule.
 */
export const HOLDOUT27_DIR = new URL('../fixtures/corpus-holdout-27/', import.meta.url);

/**
 * A twenty-eighth holdout, gathered blind while the twenty-seventh was spent: document processing and OCR, crypto
 * exchanges and wallets, healthcare and FHIR servers, earth observation and environment, food and nutrition,
 * notifications and e-mail; labelled from their sources before faultline ran on them.
 */
export const HOLDOUT28_DIR = new URL('../fixtures/corpus-holdout-28/', import.meta.url);

/**
 * A twenty-ninth holdout, gathered blind while the twenty-eighth was spent: workflow automation, print and mail,
 * brokerage, web scraping and screenshots, audio and music, 3D printing and CAD; labelled from their sources before
 * faultline ran on them.
 */
export const HOLDOUT29_DIR = new URL('../fixtures/corpus-holdout-29/', import.meta.url);

/**
 * A thirtieth holdout, gathered blind while the twenty-ninth was spent: insurance and health-insurance eligibility,
 * compliance and sanctions screening, books and bibliographic data, fediverse and forum servers, gift cards and
 * promotions, railways and public transport; labelled from their sources before faultline ran on them.
 */
export const HOLDOUT30_DIR = new URL('../fixtures/corpus-holdout-30/', import.meta.url);

/**
 * A thirty-first holdout, gathered blind while the thirtieth was spent: job boards and gig platforms, message brokers
 * and streaming, feature flags and experiments, patents, genealogy and archives, fuel prices; labelled from their
 * sources before faultline ran on them.
 */
export const HOLDOUT31_DIR = new URL('../fixtures/corpus-holdout-31/', import.meta.url);

/**
 * A thirty-second holdout, gathered blind while the thirty-first was spent: stock media, e-invoicing and tax-ID
 * lookups, tides and satellite tracking, URL shorteners, a mesh VPN, team management; labelled from their sources
 * before faultline ran on them.
 */
export const HOLDOUT32_DIR = new URL('../fixtures/corpus-holdout-32/', import.meta.url);

/**
 * A thirty-third holdout, gathered blind while the thirty-second was spent: home-lab and network appliances,
 * self-hosted media and document servers, surveys and office-document servers, code forges and issue trackers,
 * legal, agriculture and pet APIs, and marketplaces of Japan, Russia, Turkey and Southeast Asia; labelled from their
 * sources before faultline ran on them.
 */
export const HOLDOUT33_DIR = new URL('../fixtures/corpus-holdout-33/', import.meta.url);

/**
 * A thirty-fourth holdout, gathered blind while the thirty-third was spent: game-mod platforms and game databases,
 * energy-market, grid and weather data, flight tracking, home-automation hubs and device firmwares, secrets and
 * certificate authorities, research repositories and open-data portals; labelled from their sources before faultline
 * ran on them.
 */
export const HOLDOUT34_DIR = new URL('../fixtures/corpus-holdout-34/', import.meta.url);

/**
 * A thirty-fifth holdout, gathered blind while the thirty-fourth was spent: download clients and indexer proxies,
 * media-center and music servers, museum, library and cultural-heritage APIs, dictionaries, grammar and scripture,
 * privacy-friendly web analytics; labelled from their sources before faultline ran on them.
 */
export const HOLDOUT35_DIR = new URL('../fixtures/corpus-holdout-35/', import.meta.url);

/**
 * A thirty-sixth holdout, gathered blind while the thirty-fifth was spent: wiki and note-taking servers, RSS readers and
 * bookmark managers, personal-finance and household apps, IT asset management, IPAM and network source-of-truth,
 * hypervisors and network controllers, ML-ops, data-catalog and SQL query engines; labelled from their sources before
 * faultline ran on them.
 */
export const HOLDOUT36_DIR = new URL('../fixtures/corpus-holdout-36/', import.meta.url);

/**
 * A thirty-seventh holdout, gathered blind while the thirty-sixth was spent: identity, SSO and authentication servers,
 * package registries and artifact repositories, metrics, logs and tracing servers, calendars, chat and webhook APIs,
 * photo libraries, file sync and sharing servers, ERP and invoicing servers, project boards and notification servers;
 * labelled from their sources before faultline ran on them.
 */
export const HOLDOUT37_DIR = new URL('../fixtures/corpus-holdout-37/', import.meta.url);

/**
 * A thirty-eighth holdout, gathered blind while the thirty-seventh was spent: CI/CD servers, GitOps controllers and code
 * forges, media, comics and recipe servers, identity providers and backend-as-a-service servers, mail and newsletter
 * servers, error tracking, tracing, key-value, web and object-storage servers, databases with HTTP APIs, game-server
 * panels and notification gateways; labelled from their sources before faultline ran on them.
 */
export const HOLDOUT38_DIR = new URL('../fixtures/corpus-holdout-38/', import.meta.url);

/**
 * A thirty-ninth holdout, gathered blind while the thirty-eighth was spent: infrastructure monitoring and log servers,
 * media automation and downloaders, self-hosted AI inference and image generation, low-code and workflow platforms,
 * collaborative editors, e-book, music and DNS servers, log shippers; labelled from their sources before faultline ran
 * on them.
 */
export const HOLDOUT39_DIR = new URL('../fixtures/corpus-holdout-39/', import.meta.url);

/**
 * A fortieth holdout, gathered blind after the thirty-ninth was spent: headless commerce and CMS servers, search engines,
 * brokers and real-time servers, network appliances and infrastructure, CI/CD and job schedulers, low-code tools, help
 * desks and document managers, payments and banking, home automation and energy devices, fediverse and comment servers;
 * labelled from their sources before faultline ran on them.
 */
export const HOLDOUT40_DIR = new URL('../fixtures/corpus-holdout-40/', import.meta.url);

/**
 * A forty-first holdout, gathered blind while the fortieth was spent: observability and logging services, forms and
 * surveys, HR and recruiting, events and booking, geocoding, routing and tile servers, game-server panels and time
 * trackers, research data and localization, small code forges and invoicing servers; labelled from their sources before
 * faultline ran on them.
 */
export const HOLDOUT41_DIR = new URL('../fixtures/corpus-holdout-41/', import.meta.url);

/**
 * A forty-second holdout, gathered blind while the forty-first was spent: web frameworks' default error bodies,
 * hosting control panels and self-hosted PaaS, big-data and Apache REST servers, notebook, HPC and workflow servers,
 * library and archive systems, chat and messaging servers, backup and storage servers, API gateways; labelled from their
 * sources before faultline ran on them.
 */
export const HOLDOUT42_DIR = new URL('../fixtures/corpus-holdout-42/', import.meta.url);

/**
 * A forty-third holdout, gathered blind while the forty-second was spent: network automation and SDN controllers,
 * healthcare interoperability servers, usage billing and FinOps, document, OCR and NLP servers, game backends, secrets
 * managers and access gateways, notification services, container engines and cluster schedulers; labelled from their
 * sources before faultline ran on them.
 */
export const HOLDOUT43_DIR = new URL('../fixtures/corpus-holdout-43/', import.meta.url);

/**
 * A forty-fourth holdout, gathered blind after the forty-third was spent: security operations servers, Bitcoin and
 * Lightning servers, video surveillance and IP cameras, machine-learning model servers, self-hosted telephony, geospatial
 * and OGC servers, hospitality and fleet-telematics APIs, open banking; labelled from their sources before faultline ran
 * on them.
 */
export const HOLDOUT44_DIR = new URL('../fixtures/corpus-holdout-44/', import.meta.url);

/**
 * A forty-fifth holdout, gathered blind while the forty-fourth was spent: lab notebooks and research-data servers, BPM
 * and workflow engines, ledgers and blockchain indexers, identity verification and AML screening, document generation,
 * e-learning servers, BIM and 3D-content APIs, real-estate data and an ERP; labelled from their sources before faultline
 * ran on them.
 */
export const HOLDOUT45_DIR = new URL('../fixtures/corpus-holdout-45/', import.meta.url);

/**
 * A forty-sixth holdout, gathered blind after the forty-fifth was spent: nonprofit and membership platforms, podcast and
 * radio servers, vehicle data, European invoicing and accounting, address and data lookups, supply-chain security and
 * package registries, European marketplaces, music and scrobbling servers; labelled from their sources before faultline
 * ran on them.
 */
export const HOLDOUT46_DIR = new URL('../fixtures/corpus-holdout-46/', import.meta.url);

/**
 * A forty-seventh holdout, gathered blind after the forty-sixth was spent: self-hosted household and inventory servers,
 * environmental-sensor and SensorThings servers, IoT device platforms, SEO and SERP tools, DNS hosting and RDAP, printing
 * servers and protocols; labelled from their sources before faultline ran on them.
 */
export const HOLDOUT47_DIR = new URL('../fixtures/corpus-holdout-47/', import.meta.url);

/**
 * A forty-eighth holdout, gathered blind after the forty-seventh was spent: amateur-radio and balloon-tracking servers,
 * astronomy and spaceflight data, farm-management servers, IIIF image servers, bioinformatics web services, transit and
 * trip-planning servers; labelled from their sources before faultline ran on them.
 */
export const HOLDOUT48_DIR = new URL('../fixtures/corpus-holdout-48/', import.meta.url);

/**
 * A forty-ninth holdout, gathered blind while the forty-eighth was spent: legislature and civic-data APIs, fitness and
 * training-log servers, recipe and nutrition servers, genealogy servers, note and knowledge-base servers, issue trackers;
 * labelled from their sources before faultline ran on them.
 */
export const HOLDOUT49_DIR = new URL('../fixtures/corpus-holdout-49/', import.meta.url);

/**
 * A fiftieth holdout, gathered blind while the forty-ninth was spent: EV-charging, solar and home-energy servers, robot
 * vacuums and irrigation controllers, heating and air-conditioning clouds, speakers and media servers, comic and manga
 * servers, vessel-tracking and aviation-weather APIs; labelled from their sources before faultline ran on them.
 */
export const HOLDOUT50_DIR = new URL('../fixtures/corpus-holdout-50/', import.meta.url);

/**
 * A fifty-first holdout, gathered blind while the fiftieth was spent: 3D-printer and CNC controllers, personal-finance and
 * expense-splitting apps, collaborative editors and meeting servers, repositories and annotation servers, VPN and DNS
 * control planes, identity servers; labelled from their sources before faultline ran on them.
 */
export const HOLDOUT51_DIR = new URL('../fixtures/corpus-holdout-51/', import.meta.url);

/**
 * A fifty-second holdout, gathered blind while the fifty-first was spent: homebrewing servers, biodiversity and
 * wildlife-observation APIs, game databases and game libraries, status pages and monitoring servers, forums and Q&A
 * sites, game-server panels and Minecraft services; labelled from their sources before faultline ran on them.
 */
export const HOLDOUT52_DIR = new URL('../fixtures/corpus-holdout-52/', import.meta.url);

/**
 * A fifty-third holdout, gathered blind while the fifty-second was spent: language-learning and dictionary servers,
 * headless CMSs, local image and text generation servers, torrent and download managers, small-business ERP and
 * time-tracking servers, telescope and observatory control; labelled from their sources before faultline ran on them.
 */
export const HOLDOUT53_DIR = new URL('../fixtures/corpus-holdout-53/', import.meta.url);

/**
 * A fifty-fourth holdout, gathered blind while the fifty-third was spent: pastebins and file-drop servers, URL shorteners,
 * national weather services, message-broker and job-queue dashboards, scripture and liturgical-calendar APIs, self-hosted
 * shops; labelled from their sources before faultline ran on them.
 */
export const HOLDOUT54_DIR = new URL('../fixtures/corpus-holdout-54/', import.meta.url);

/**
 * A fifty-fifth holdout, gathered blind while the fifty-fourth was spent: SMS gateways, LoRaWAN and IoT connectivity
 * servers, e-reader sync and offline-library servers, school and student-information systems, clinical record and health
 * information servers, radio automation and streaming servers; labelled from their sources before faultline ran on them.
 */
export const HOLDOUT55_DIR = new URL('../fixtures/corpus-holdout-55/', import.meta.url);

/**
 * A fifty-sixth holdout, gathered blind while the fifty-fifth was spent: location trackers and delivery-dispatch platforms,
 * document conversion and OCR services, event ticketing and conference-review systems, bioinformatics and life-science
 * services, transit and shared-mobility servers, amateur-radio and software-defined-radio servers; labelled from their
 * sources before faultline ran on them.
 */
export const HOLDOUT56_DIR = new URL('../fixtures/corpus-holdout-56/', import.meta.url);

/**
 * A fifty-seventh holdout, gathered blind while the fifty-sixth was spent: lab-inventory, LIMS and electronic lab
 * notebooks, vehicle-maintenance and garden apps, open-source CRM and helpdesk servers, video-surveillance and NVR servers,
 * code-execution sandboxes and online judges, remote-desktop and virtualisation managers; labelled from their sources
 * before faultline ran on them.
 */
export const HOLDOUT57_DIR = new URL('../fixtures/corpus-holdout-57/', import.meta.url);

/**
 * A fifty-eighth holdout, gathered blind while the fifty-seventh was spent: weather-station upload services and air
 * sensors, church and membership systems, wikis and note servers, password managers and certificate authorities, mail
 * servers, bookkeeping servers; labelled from their sources before faultline ran on them.
 */
export const HOLDOUT58_DIR = new URL('../fixtures/corpus-holdout-58/', import.meta.url);

/**
 * A fifty-ninth holdout, gathered blind while the fifty-eighth was spent: digital-signage servers, point-of-sale and
 * food-ordering platforms, HR and applicant-tracking systems, workout and sports-data servers, HPC schedulers and
 * research-data services, device-management servers; labelled from their sources before faultline ran on them.
 */
export const HOLDOUT59_DIR = new URL('../fixtures/corpus-holdout-59/', import.meta.url);

/**
 * A sixtieth holdout, gathered blind while the fifty-ninth was spent: reverse-proxy managers, home-lab dashboards and
 * dynamic-DNS services, security scanners, e-signature services, statistics offices' APIs, music-metadata and lyrics
 * services, barcode and shipping-label servers; labelled from their sources before faultline ran on them.
 */
export const HOLDOUT60_DIR = new URL('../fixtures/corpus-holdout-60/', import.meta.url);

/**
 * A sixty-first holdout, gathered blind while the sixtieth was spent: museum and library collection APIs, legislative and
 * court-records APIs, earth-observation and geoscience data servers, PBX and SIP management APIs, polling, survey and
 * question-and-answer platforms, print and scan servers; labelled from their sources before faultline ran on them.
 */
export const HOLDOUT61_DIR = new URL('../fixtures/corpus-holdout-61/', import.meta.url);

/**
 * A sixty-second holdout, gathered blind while the sixty-first was spent: game-statistics APIs, recipe servers, parking
 * and traffic APIs, self-hosted speech and voice-assistant servers, feed readers and read-it-later services, blockchain
 * nodes and indexers; labelled from their sources before faultline ran on them.
 */
export const HOLDOUT62_DIR = new URL('../fixtures/corpus-holdout-62/', import.meta.url);

/**
 * A sixty-third holdout, gathered blind while the sixty-second was spent: flight logs and airline tools, hospitality and
 * booking APIs, open-banking aggregators, podcast servers and analytics, link-preview and scraping APIs, photo galleries
 * and digital-asset managers; labelled from their sources before faultline ran on them.
 */
export const HOLDOUT63_DIR = new URL('../fixtures/corpus-holdout-63/', import.meta.url);

/**
 * A sixty-fourth holdout, gathered blind while the sixty-third was spent: tours and activities booking, job boards and
 * public employment services, e-invoicing and tax authorities, image-processing services, sports data and betting
 * exchanges, anime and media trackers; labelled from their sources before faultline ran on them.
 */
export const HOLDOUT64_DIR = new URL('../fixtures/corpus-holdout-64/', import.meta.url);

/**
 * A sixty-fifth holdout, gathered blind while the sixty-fourth was spent: social-media scheduling and link-in-bio tools,
 * DEX and crypto market data, stock and currency data, BMCs and KVM-over-IP, company registries, newsletter and
 * marketing-automation servers; labelled from their sources before faultline ran on them.
 */
export const HOLDOUT65_DIR = new URL('../fixtures/corpus-holdout-65/', import.meta.url);

/**
 * A sixty-sixth holdout, gathered blind while the sixty-fifth was spent: smart locks, subtitle services, clinical
 * terminology servers, browser-testing grids and web-performance tools, load testing and synthetic monitoring, railways;
 * labelled from their sources before faultline ran on them.
 */
export const HOLDOUT66_DIR = new URL('../fixtures/corpus-holdout-66/', import.meta.url);

/**
 * A sixty-seventh holdout, gathered blind while the sixty-sixth was spent: crypto payment gateways, SMS providers,
 * AI image, video and music generation, form backends, core banking and lending, gift cards and airtime top-ups;
 * labelled from their sources before faultline ran on them.
 */
export const HOLDOUT67_DIR = new URL('../fixtures/corpus-holdout-67/', import.meta.url);

/**
 * A sixty-eighth holdout, gathered blind while the sixty-seventh was spent: postal operators, trading-card-game APIs,
 * LLM observability platforms, MLOps servers, data-integration tools, IP geolocation; labelled from their sources before
 * faultline ran on them.
 */
export const HOLDOUT68_DIR = new URL('../fixtures/corpus-holdout-68/', import.meta.url);

/**
 * A sixty-ninth holdout, gathered blind while the sixty-eighth was spent: veterinary and pet-device clouds, real-estate
 * listing feeds, room and desk booking, incident response and on-call, product-information management, customer-data
 * platforms; labelled from their sources before faultline ran on them.
 */
export const HOLDOUT69_DIR = new URL('../fixtures/corpus-holdout-69/', import.meta.url);

/**
 * A seventieth holdout, gathered blind while the sixty-ninth was spent: feature flags and experimentation, smart plugs
 * and lights, cron and job schedulers, vulnerability disclosure, app stores, home-lab monitoring; labelled from their
 * sources before faultline ran on them.
 */
export const HOLDOUT70_DIR = new URL('../fixtures/corpus-holdout-70/', import.meta.url);

/**
 * A seventy-first holdout, gathered blind while the seventieth was spent, after the session's look-up budget ran out:
 * 3D-print farms, a restaurant-reservation plugin, live-streaming and webinar servers, a print-and-mail API; labelled
 * from their sources before faultline ran on them.
 */
export const HOLDOUT71_DIR = new URL('../fixtures/corpus-holdout-71/', import.meta.url);

/**
 * A seventy-second holdout, gathered blind in session 38 while the fifth profiled holdout was spent: fintech and open
 * banking outside the US, insurance and claims, e-signature and document workflow, self-hosted media servers, IoT and
 * industrial gateways, game platforms, translation and speech, geocoding and weather, HR and recruiting; labelled from
 * their sources before faultline ran on them. Unspent.
 */
export const HOLDOUT72_DIR = new URL('../fixtures/corpus-holdout-72/', import.meta.url);

/**
 * Every holdout in the order it was gathered, and how (scripts/corpus-score.ts prints it beside the set's
 * score): a holdout's suite checks its families against those before it.
 */
export const HOLDOUT_SETS: readonly { readonly name: string; readonly dir: URL; readonly gathered: string }[] = [
  { name: 'first holdout', dir: HOLDOUT_DIR, gathered: 'gathered after the rules were written' },
  { name: 'second holdout', dir: HOLDOUT2_DIR, gathered: 'gathered after the first was spent' },
  { name: 'third holdout', dir: HOLDOUT3_DIR, gathered: 'gathered after the second was spent' },
  { name: 'fourth holdout', dir: HOLDOUT4_DIR, gathered: 'gathered blind while the third was spent, then spent' },
  { name: 'fifth holdout', dir: HOLDOUT5_DIR, gathered: 'gathered blind while the fourth was spent, then spent' },
  { name: 'sixth holdout', dir: HOLDOUT6_DIR, gathered: 'gathered blind while the fifth was spent, then spent' },
  { name: 'seventh holdout', dir: HOLDOUT7_DIR, gathered: 'gathered blind while the sixth was spent, then spent' },
  { name: 'eighth holdout', dir: HOLDOUT8_DIR, gathered: 'gathered blind while the seventh was spent, then spent' },
  { name: 'ninth holdout', dir: HOLDOUT9_DIR, gathered: 'gathered blind while the seventh and eighth were spent, then spent' },
  { name: 'tenth holdout', dir: HOLDOUT10_DIR, gathered: 'gathered blind while the ninth was spent, then spent' },
  { name: 'eleventh holdout', dir: HOLDOUT11_DIR, gathered: 'gathered blind while the tenth was spent, then spent' },
  { name: 'twelfth holdout', dir: HOLDOUT12_DIR, gathered: 'gathered blind while the eleventh was spent, then spent' },
  { name: 'thirteenth holdout', dir: HOLDOUT13_DIR, gathered: 'gathered blind while the eleventh and twelfth were spent, then spent' },
  { name: 'fourteenth holdout', dir: HOLDOUT14_DIR, gathered: 'gathered blind while the thirteenth was spent, then spent' },
  { name: 'fifteenth holdout', dir: HOLDOUT15_DIR, gathered: 'gathered blind while the fourteenth was spent, then spent' },
  { name: 'sixteenth holdout', dir: HOLDOUT16_DIR, gathered: 'gathered blind while the fifteenth was spent, then spent' },
  { name: 'seventeenth holdout', dir: HOLDOUT17_DIR, gathered: 'gathered blind while the sixteenth was spent, then spent' },
  { name: 'eighteenth holdout', dir: HOLDOUT18_DIR, gathered: 'gathered blind while the seventeenth was spent, then spent' },
  { name: 'nineteenth holdout', dir: HOLDOUT19_DIR, gathered: 'gathered blind while the eighteenth was spent, then spent' },
  { name: 'twentieth holdout', dir: HOLDOUT20_DIR, gathered: 'gathered blind while the nineteenth was spent, then spent' },
  { name: 'twenty-first holdout', dir: HOLDOUT21_DIR, gathered: 'gathered blind while the twentieth was spent, then spent' },
  { name: 'twenty-second holdout', dir: HOLDOUT22_DIR, gathered: 'gathered blind while the twentieth and twenty-first were spent, then spent' },
  { name: 'twenty-third holdout', dir: HOLDOUT23_DIR, gathered: 'gathered blind while the twenty-second was spent, then spent' },
  { name: 'twenty-fourth holdout', dir: HOLDOUT24_DIR, gathered: 'gathered blind while the twenty-third was spent, then spent' },
  { name: 'twenty-fifth holdout', dir: HOLDOUT25_DIR, gathered: 'gathered blind while the twenty-fourth was spent, then spent' },
  { name: 'twenty-sixth holdout', dir: HOLDOUT26_DIR, gathered: 'gathered blind while the twenty-fifth was spent, then spent' },
  { name: 'twenty-seventh holdout', dir: HOLDOUT27_DIR, gathered: 'gathered blind while the twenty-sixth was spent, then spent' },
  { name: 'twenty-eighth holdout', dir: HOLDOUT28_DIR, gathered: 'gathered blind while the twenty-seventh was spent, then spent' },
  { name: 'twenty-ninth holdout', dir: HOLDOUT29_DIR, gathered: 'gathered blind while the twenty-eighth was spent, then spent' },
  { name: 'thirtieth holdout', dir: HOLDOUT30_DIR, gathered: 'gathered blind while the twenty-ninth was spent, then spent' },
  { name: 'thirty-first holdout', dir: HOLDOUT31_DIR, gathered: 'gathered blind while the thirtieth was spent, then spent' },
  { name: 'thirty-second holdout', dir: HOLDOUT32_DIR, gathered: 'gathered blind while the thirty-first was spent, then spent' },
  { name: 'thirty-third holdout', dir: HOLDOUT33_DIR, gathered: 'gathered blind while the thirty-second was spent, then spent' },
  { name: 'thirty-fourth holdout', dir: HOLDOUT34_DIR, gathered: 'gathered blind while the thirty-third was spent, then spent' },
  { name: 'thirty-fifth holdout', dir: HOLDOUT35_DIR, gathered: 'gathered blind while the thirty-fourth was spent, then spent' },
  { name: 'thirty-sixth holdout', dir: HOLDOUT36_DIR, gathered: 'gathered blind while the thirty-fifth was spent, then spent' },
  { name: 'thirty-seventh holdout', dir: HOLDOUT37_DIR, gathered: 'gathered blind while the thirty-sixth was spent, then spent' },
  { name: 'thirty-eighth holdout', dir: HOLDOUT38_DIR, gathered: 'gathered blind while the thirty-seventh was spent, then spent' },
  { name: 'thirty-ninth holdout', dir: HOLDOUT39_DIR, gathered: 'gathered blind while the thirty-eighth was spent, then spent' },
  { name: 'fortieth holdout', dir: HOLDOUT40_DIR, gathered: 'gathered blind after the thirty-ninth was spent, then spent' },
  { name: 'forty-first holdout', dir: HOLDOUT41_DIR, gathered: 'gathered blind while the fortieth was spent, then spent' },
  { name: 'forty-second holdout', dir: HOLDOUT42_DIR, gathered: 'gathered blind while the forty-first was spent, then spent' },
  { name: 'forty-third holdout', dir: HOLDOUT43_DIR, gathered: 'gathered blind while the forty-second was spent, then spent' },
  { name: 'forty-fourth holdout', dir: HOLDOUT44_DIR, gathered: 'gathered blind after the forty-third was spent, then spent' },
  { name: 'forty-fifth holdout', dir: HOLDOUT45_DIR, gathered: 'gathered blind while the forty-fourth was spent, then spent' },
  { name: 'forty-sixth holdout', dir: HOLDOUT46_DIR, gathered: 'gathered blind after the forty-fifth was spent, then spent' },
  { name: 'forty-seventh holdout', dir: HOLDOUT47_DIR, gathered: 'gathered blind after the forty-sixth was spent, then spent' },
  { name: 'forty-eighth holdout', dir: HOLDOUT48_DIR, gathered: 'gathered blind after the forty-seventh was spent, then spent' },
  { name: 'forty-ninth holdout', dir: HOLDOUT49_DIR, gathered: 'gathered blind while the forty-eighth was spent, then spent' },
  { name: 'fiftieth holdout', dir: HOLDOUT50_DIR, gathered: 'gathered blind while the forty-ninth was spent, then spent' },
  { name: 'fifty-first holdout', dir: HOLDOUT51_DIR, gathered: 'gathered blind while the fiftieth was spent, then spent' },
  { name: 'fifty-second holdout', dir: HOLDOUT52_DIR, gathered: 'gathered blind while the fifty-first was spent, then spent' },
  { name: 'fifty-third holdout', dir: HOLDOUT53_DIR, gathered: 'gathered blind while the fifty-second was spent, then spent' },
  { name: 'fifty-fourth holdout', dir: HOLDOUT54_DIR, gathered: 'gathered blind while the fifty-third was spent, then spent' },
  { name: 'fifty-fifth holdout', dir: HOLDOUT55_DIR, gathered: 'gathered blind while the fifty-fourth was spent, then spent' },
  { name: 'fifty-sixth holdout', dir: HOLDOUT56_DIR, gathered: 'gathered blind while the fifty-fifth was spent, then spent' },
  { name: 'fifty-seventh holdout', dir: HOLDOUT57_DIR, gathered: 'gathered blind while the fifty-sixth was spent, then spent' },
  { name: 'fifty-eighth holdout', dir: HOLDOUT58_DIR, gathered: 'gathered blind while the fifty-seventh was spent, then spent' },
  { name: 'fifty-ninth holdout', dir: HOLDOUT59_DIR, gathered: 'gathered blind while the fifty-eighth was spent, then spent' },
  { name: 'sixtieth holdout', dir: HOLDOUT60_DIR, gathered: 'gathered blind while the fifty-ninth was spent, then spent' },
  { name: 'sixty-first holdout', dir: HOLDOUT61_DIR, gathered: 'gathered blind while the sixtieth was spent, then spent' },
  { name: 'sixty-second holdout', dir: HOLDOUT62_DIR, gathered: 'gathered blind while the sixty-first was spent, then spent' },
  { name: 'sixty-third holdout', dir: HOLDOUT63_DIR, gathered: 'gathered blind while the sixty-second was spent, then spent' },
  { name: 'sixty-fourth holdout', dir: HOLDOUT64_DIR, gathered: 'gathered blind while the sixty-third was spent, then spent' },
  { name: 'sixty-fifth holdout', dir: HOLDOUT65_DIR, gathered: 'gathered blind while the sixty-fourth was spent, then spent' },
  { name: 'sixty-sixth holdout', dir: HOLDOUT66_DIR, gathered: 'gathered blind while the sixty-fifth was spent, then spent' },
  { name: 'sixty-seventh holdout', dir: HOLDOUT67_DIR, gathered: 'gathered blind while the sixty-sixth was spent, then spent' },
  { name: 'sixty-eighth holdout', dir: HOLDOUT68_DIR, gathered: 'gathered blind while the sixty-seventh was spent, then spent' },
  { name: 'sixty-ninth holdout', dir: HOLDOUT69_DIR, gathered: 'gathered blind while the sixty-eighth was spent, then spent' },
  { name: 'seventieth holdout', dir: HOLDOUT70_DIR, gathered: 'gathered blind while the sixty-ninth was spent, then spent' },
  { name: 'seventy-first holdout', dir: HOLDOUT71_DIR, gathered: 'gathered blind while the seventieth was spent, then spent' },
  { name: 'seventy-second holdout', dir: HOLDOUT72_DIR, gathered: 'gathered blind while the fifth profiled holdout was spent' },
];

/**
 * Profiled holdouts: real responses from vendors faultline has a profile for (OpenAI, Anthropic, Google, AWS, Azure,
 * Stripe, Twilio, GitHub, Slack, Discord, Cloudflare, OpenRouter, FastAPI, Spring Boot), in the state users meet them
 * (SDK printouts, Python reprs, stream errors, pages in front of the API), gathered and labelled blind, with no body the
 * repository already held. Each family names the profile that should read it (test/corpus/profiled-suite.ts).
 */
export const PROFILED1_DIR = new URL('../fixtures/profiled-holdout-1/', import.meta.url);
/** The second profiled holdout: the same vendors' families again, and four error standards' servers (session 32). */
export const PROFILED2_DIR = new URL('../fixtures/profiled-holdout-2/', import.meta.url);
/** The third profiled holdout: the same 21 families, gathered blind after the second's rules, unspent (session 32). */
export const PROFILED3_DIR = new URL('../fixtures/profiled-holdout-3/', import.meta.url);
/** The fourth profiled holdout: the same 21 families, gathered blind before the third's rules landed, spent in session 37. */
export const PROFILED4_DIR = new URL('../fixtures/profiled-holdout-4/', import.meta.url);
/** The fifth profiled holdout: the same 21 families, gathered blind in session 37 while the fourth was spent, spent in session 38. */
export const PROFILED5_DIR = new URL('../fixtures/profiled-holdout-5/', import.meta.url);
/** The sixth profiled holdout: the same 21 families, gathered blind in session 38 while the fifth was spent, unspent. */
export const PROFILED6_DIR = new URL('../fixtures/profiled-holdout-6/', import.meta.url);

export const PROFILED_SETS: readonly { readonly name: string; readonly dir: URL; readonly gathered: string }[] = [
  { name: 'first profiled holdout', dir: PROFILED1_DIR, gathered: 'profiled vendors, gathered blind in session 31' },
  { name: 'second profiled holdout', dir: PROFILED2_DIR, gathered: 'profiled vendors and error standards, gathered blind in session 32' },
  { name: 'third profiled holdout', dir: PROFILED3_DIR, gathered: 'the same families, gathered blind in session 32 after the second one\'s rules' },
  { name: 'fourth profiled holdout', dir: PROFILED4_DIR, gathered: 'the same families, gathered blind in session 33 before the third one\'s rules, spent in session 37' },
  { name: 'fifth profiled holdout', dir: PROFILED5_DIR, gathered: 'the same families, gathered blind in session 37 while the fourth was spent, spent in session 38' },
  { name: 'sixth profiled holdout', dir: PROFILED6_DIR, gathered: 'the same families, gathered blind in session 38 while the fifth was spent' },
];

/** Reads every corpus file in `dir` (a directory URL ending in '/'), sorted by file name. */
export function loadCorpus(dir: URL = CORPUS_DIR): readonly CorpusFile[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(new URL(f, dir), 'utf8')) as CorpusFile);
}

export const CORPUS_NOW = Date.UTC(2026, 0, 1);

/**
 * The response of the case `family/id` in `files`, verbatim (the case's `source` names where it was copied
 * from), with `body` always a string; throws when no such case exists, so a renamed case fails its test.
 */
export function corpusResponse(files: readonly CorpusFile[], ref: string): { status?: number; headers?: Readonly<Record<string, string>>; body: string } {
  const [family, id] = ref.split('/');
  const c = files.find((f) => f.family === family)?.cases.find((k) => k.id === id);
  if (c === undefined) throw new Error(`no corpus case ${ref}`);
  return { ...c.response, body: c.response.body ?? '' };
}

export interface Miss {
  readonly family: string;
  readonly id: string;
  readonly field: ScoredField;
  readonly want: unknown;
  readonly got: unknown;
}

export interface Score {
  readonly cases: number;
  readonly families: number;
  readonly fields: Readonly<Record<ScoredField, { readonly right: number; readonly labelled: number }>>;
  readonly misses: readonly Miss[];
}

/** Scores a classify function over some corpus files: for each field, right answers over labelled cases. */
export function score(files: readonly CorpusFile[], classify: (input: unknown, options: { url?: string; now: number }) => Fault): Score {
  const fields = Object.fromEntries(SCORED_FIELDS.map((f) => [f, { right: 0, labelled: 0 }])) as Record<ScoredField, { right: number; labelled: number }>;
  const misses: Miss[] = [];
  let cases = 0;
  for (const file of files) {
    for (const c of file.cases) {
      cases++;
      const options = c.url === undefined ? { now: c.now ?? CORPUS_NOW } : { url: c.url, now: c.now ?? CORPUS_NOW };
      const fault = classify(c.response, options) as unknown as Record<string, unknown>;
      for (const field of SCORED_FIELDS) {
        if (!(field in c.expect)) continue;
        const want = (c.expect as Record<string, unknown>)[field] ?? undefined;
        const got = fault[field];
        fields[field].labelled++;
        if (got === want) fields[field].right++;
        else misses.push({ family: file.family, id: c.id, field, want, got });
      }
    }
  }
  return { cases, families: files.length, fields, misses };
}

export function ratio(s: { readonly right: number; readonly labelled: number }): number {
  return s.labelled === 0 ? 1 : s.right / s.labelled;
}
