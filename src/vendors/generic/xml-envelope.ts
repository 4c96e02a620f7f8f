/**
 * An error the generic layer reads as XML: an `<Error><Code>…</Code><Message>…` document (S3, GCS, Azure Storage,
 * many XML APIs), a SOAP fault, namespaced or not, a code in an attribute. Every element is found by index and every
 * pattern's quantifiers are bounded: linear on any page.
 */
import { xmlText } from '../profile.js';
import type { Envelope } from './envelope.js';

/** A body that names a code as XML does: an element, a SOAP fault's, an attribute. */
const XML_CODE = /<(?:Code>|code>|ErrorCode>|errorcode>|Type>|statuscode>|statusCode>|Number>|Error Number=|faultcode|messageKey>|error-tag>|error code=|ERROR CODE=|error key=|name>faultCode<|ServiceException code=)|:(?:Code|code|faultcode|exception)>|ReplyCode=|="DAV:"/;

/**
 * The envelope an XML error body holds, or `undefined` when it names no code.
 * @example
 * ```ts
 * xmlEnvelope('<Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message></Error>');
 * // { vendorCode: 'NoSuchKey', message: 'The specified key does not exist.', … }
 * ```
 * @internal
 */
export function xmlEnvelope(head: string): Envelope | undefined {
  if (!XML_CODE.test(head)) return undefined;
  const rpc = XMLRPC_CODE.exec(head);
  if (rpc !== null) {
    const message = XMLRPC_STRING.exec(head)?.[1]?.trim();
    return { vendorCode: rpc[1], message, text: message };
  }
  // An `<error code="500">message</error>` whose code is an HTTP status (iRail's API) restates the status.
  const restated = STATUS_ELEMENT.exec(head);
  if (restated !== null) {
    const message = (restated[2] as string).trim();
    return { message, text: message, status: Number(restated[1]) };
  }
  return davPrecondition(head) ?? xml(head);
}

/**
 * A WebDAV precondition or postcondition a `DAV:error` body names by its first, empty element (RFC 4918 §16; CalDAV's
 * `<C:no-uid-conflict/>`, RFC 4791 §5.3.2.1), with the `responsedescription` beside it when there is one (Radicale,
 * Xandikos).
 */
function davPrecondition(head: string): Envelope | undefined {
  // Found by index, so no pattern scans the page: the root `<error xmlns="DAV:"` (or `<ns0:error xmlns:ns0="DAV:"`),
  // then its first child, which must close itself.
  const at = head.indexOf('="DAV:"');
  const open = at < 0 ? -1 : head.lastIndexOf('<', at);
  const [tag = '', attribute = ''] = head.slice(open + 1, at).split(' ');
  if (open < 0 || at - open > 60 || (tag !== 'error' && !tag.endsWith(':error')) || (attribute !== 'xmlns' && !attribute.startsWith('xmlns:'))) return undefined;
  const close = head.indexOf('>', at);
  const child = close < 0 || close - at > 300 ? '' : head.slice(close + 1, close + 120).trimStart();
  const end = child.startsWith('<') ? child.indexOf('/>') : -1;
  const name = end < 0 ? [] : child.slice(1, end).trimEnd().split(':');
  const condition = name.length <= 2 ? name.at(-1) : undefined;
  if (condition === undefined || !/^[a-z][a-z-]{2,60}$/.test(condition) || (name.length === 2 && !/^[\w-]{1,20}$/.test(name[0] ?? ''))) return undefined;
  const message = prefixed(head, 'responsedescription') ?? xmlText(head, 'responsedescription');
  return { vendorCode: condition, message, text: message };
}

/**
 * An XML-RPC fault (its spec: `<methodResponse><fault><value><struct>` with members `faultCode` and `faultString`), as
 * rTorrent, WordPress, Odoo and Bugzilla answer theirs, in a 200: the number and the string. Bounded quantifiers only.
 */
const XMLRPC_CODE = /<name>faultCode<\/name>\s{0,20}<value>\s{0,20}(?:<(?:int|i4|i8)>)?(-?\d{1,10})/;
const XMLRPC_STRING = /<name>faultString<\/name>\s{0,20}<value>\s{0,20}(?:<string>)?([^<]{1,500})/;

/** An `<error code="…">` whose code is an HTTP status, and its text. Bounded quantifiers only. */
const STATUS_ELEMENT = /<error code="([1-5]\d\d)">([^<]{1,500})<\/error>/;

/** An `<Error Number="…">message</Error>` element. Bounded quantifiers only. */
const ERROR_NUMBER = /<Error Number="([\w-]{1,20})">([^<]{1,500})<\/Error>/;

/**
 * An `<error code="…" message="…"/>` element (Subsonic's API; BigBlueButton's `<error key='checksumError' message='…'/>`;
 * Newznab's `description`; MarineTraffic's in capitals, `<ERROR CODE="11" DESCRIPTION="…"/>`).
 */
const ERROR_ATTRIBUTES = /<error (?:code|key)=["']([\w.-]{1,60})["'] (?:message|description)=["']([^"'<]{1,500})["']/i;

/**
 * An `<error code="…">` element with no message attribute, whose message is its text (Worldpay's XML API: `<error
 * code="7"><![CDATA[Could not find order]]></error>`) or a `<message>` inside it (Rundeck's `<error code='unauthorized'>
 * <message>…</message></error>`). Bounded quantifiers only.
 */
const ERROR_CODE = /<error code=["']([\w.-]{1,60})["']>(?:<!\[CDATA\[([^\]<]{1,500})\]\]>)?/;

/**
 * An XML document whose root says the call failed: an `<error>` root, as a Newznab/Torznab indexer's `<error code="100"
 * description="Incorrect user credentials"/>` (Jackett and Prowlarr answer it with a 200, the spec's in-band error), or a
 * root whose own attribute says so, as the Subsonic API's `<subsonic-response status="failed" …><error code="40" …/>`
 * (Airsonic, Navidrome, gonic), also under a 200; or an OGC service's exception report (WMS' `<ServiceExceptionReport>`,
 * OWS' `<ows:ExceptionReport>`), which MapServer and GeoServer send with a 200 too. Bounded quantifiers only.
 */
const XML_FAILED_ROOT = /^(?:<\?xml[^>]{0,200}\?>\s{0,20})?(?:<!DOCTYPE [^>]{0,300}>\s{0,20})?<(?:error[\s>]|(?:Service|ows:)?ExceptionReport[\s>]|[\w:-]{1,40} [^>]{0,300}\bstatus="failed")/;

/** An ISAPI device's `<ResponseStatus>` (Hikvision's cameras) whose `statusCode` is not 1, OK: it answers its failures with a 200 too. */
const ISAPI_FAILED = /<statusCode>(?!1<)\d{1,3}<\/statusCode>\s{0,20}<statusString>/;

/**
 * An element that holds an error's message, with text in it (OpenCATS' AJAX interface answers with a 200
 * `<data><errorcode>-1</errorcode><errormessage>You are not logged in. …</errormessage></data>`). Bounded quantifiers only.
 */
const XML_ERROR_MESSAGE = /<(?:errormessage|error_message|error-message)>\s{0,20}[^<\s]/i;

/**
 * Whether an XML body says the call failed whatever status came with it: its root, an ISAPI status, or an error message
 * element with text.
 * @internal
 */
export function xmlSaysFailed(head: string): boolean {
  return XML_FAILED_ROOT.test(head) || ISAPI_FAILED.test(head) || XML_ERROR_MESSAGE.test(head);
}

/**
 * A WMS exception (OGC 06-042 §6.11: `<ServiceException code="LayerNotDefined">Invalid layer(s) given…</ServiceException>`,
 * as MapServer and GeoServer send it): the code in its attribute, its text the message. Bounded quantifiers only.
 */
const OGC_EXCEPTION = /<ServiceException code="([\w.-]{1,60})"[^>]{0,200}>\s{0,20}([^<]{1,500})/;

/** An `<Error><Code>…</Code><Message>…</Message>` document (S3, GCS, Azure Storage, many XML APIs). */
function xml(head: string): Envelope | undefined {
  // Or the exception its `<Type>` names (Xero's `<ApiException>…<Type>ValidationException</Type>`).
  const type = xmlText(head, 'Type');
  // Or an OCS reply's `<statuscode>` (Nextcloud's and ownCloud's APIs: `<ocs><meta><status>failure</status><statuscode>998</statuscode>`),
  // or a SellerCenter `<ErrorResponse><Head><ErrorCode>20</ErrorCode><ErrorMessage>…` (Linio, Daraz, Jumia),
  // or Elsevier's `<service-error><status><statusCode>RESOURCE_NOT_FOUND</statusCode><statusText>…`, or an ISAPI device's
  // (Hikvision's cameras, PSIA) `<ResponseStatus>`, whose `<subStatusCode>deviceError` is the code its number 3 is a class of.
  // Or a COM-era `<Error><Number>80040B1A</Number><Description>…` (USPS Web Tools), or the number as the
  // element's attribute (Namecheap's `<Error Number="1011150">Invalid request IP: …</Error>`).
  // Or a SOAP 1.1 fault's `<faultcode>`, prefix and all (`soap:Client`, WCF's `<faultcode xmlns:a="…">a:InternalServiceFault</faultcode>`).
  // A namespaced document's elements read as their local names (Travelport's `<common_v36_0:Code>700003</common_v36_0:Code>`
  // under a `<SOAP-ENV:faultcode>`); BigBlueButton names its code `<messageKey>` (`checksumError`); RESTCONF its
  // `<error-tag>` beside `<error-message>` (RFC 8040 §7.1, OpenDaylight's `<error-tag>missing-element</error-tag>`).
  // A fault code in the status range is the status restated (Travelport's `<SOAP-ENV:faultcode>401</SOAP-ENV:faultcode>`).
  // SOAP's own `Server` or `Client` beside a faultstring that is itself a code (EU VIES' `MS_MAX_CONCURRENT_REQ`): that code.
  const ns = prefixed(head, 'faultcode');
  const said = xmlText(head, 'faultstring') ?? prefixed(head, 'faultstring');
  const fault = faultCode(head) ?? (ns !== undefined && /^[45]\d\d$/.test(ns) ? undefined : ns);
  // A UPnP device's fault says `s:Client` and `UPnPError`, and names its error in the detail (`<UPnPError><errorCode>701</errorCode>`:
  // Sonos, routers' IGD); that number, and its description when there is one, are the error.
  const upnp = fault !== undefined && said === 'UPnPError' ? xmlText(head, 'errorCode') : undefined;
  const own = upnp ?? (fault !== undefined && /^(?:[\w-]{1,20}:)?(?:Server|Client)$/.test(fault) && said !== undefined && /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/.test(said) ? said : fault);
  // Or the class a WebDAV server's `<s:exception>` names (sabre/dav, under Nextcloud and ownCloud: `Sabre\DAV\Exception\NotFound`).
  const thrown = prefixed(head, 'exception');
  const ocs = xmlText(head, 'statuscode');
  // A gateway's own namespaced fault (WSO2 API Manager's `<ams:fault><ams:code>900906</ams:code><ams:message>…`).
  const nsCode = prefixed(head, 'code');
  const named = xmlText(head, 'Code') ?? xmlText(head, 'code') ?? xmlText(head, 'ErrorCode') ?? xmlText(head, 'errorcode') ?? prefixed(head, 'Code') ?? nsCode ?? (type !== undefined && /^[A-Z]\w{0,80}Exception$/.test(type) ? type : undefined) ?? (thrown !== undefined && /^(?:[A-Z]\w{0,40}\\){1,6}[A-Z]\w{0,60}$/.test(thrown) ? thrown : undefined) ?? ocs ?? xmlText(head, 'subStatusCode') ?? xmlText(head, 'statusCode') ?? xmlText(head, 'messageKey') ?? xmlText(head, 'Number') ?? xmlText(head, 'error-tag') ?? own;
  const attribute = named === undefined ? ERROR_NUMBER.exec(head) ?? ERROR_ATTRIBUTES.exec(head) ?? replyCode(head) ?? ERROR_CODE.exec(head) ?? OGC_EXCEPTION.exec(head) : null;
  const code = named ?? attribute?.[1];
  if (code === undefined) return undefined;
  const message = xmlText(head, 'Message') ?? xmlText(head, 'message') ?? xmlText(head, 'ErrorMessage') ?? xmlText(head, 'errormessage') ?? xmlText(head, 'error-message') ?? xmlText(head, 'Description') ?? (thrown === undefined && nsCode === undefined ? undefined : prefixed(head, 'message')) ?? (upnp === undefined ? undefined : xmlText(head, 'errorDescription')) ?? said ?? attribute?.[2]?.trim() ?? xmlText(head, 'statusText') ?? xmlText(head, 'statusString');
  // An OCS reply's `<statuscode>` in the HTTP range is the status its 200 stands for (ownCloud Infinite Scale's
  // `<status>failure</status><statuscode>404</statuscode>`), not a code of the vendor's.
  if (code === ocs && /^[45]\d\d$/.test(code)) return { message, text: message, status: Number(code) };
  // A SOAP fault's `TransactionId` is the one the vendor's support asks for (Travelport's uAPI).
  return { vendorCode: code, message, text: message, requestId: xmlText(head, 'RequestId') ?? xmlText(head, 'RequestID') ?? (fault === undefined ? undefined : prefixed(head, 'TransactionId')) };
}

/** The text of `<prefix:name>`, whatever the prefix: found by index, so no pattern scans the page. */
function prefixed(head: string, name: string): string | undefined {
  const at = head.indexOf(`:${name}>`);
  const open = at < 0 ? -1 : head.lastIndexOf('<', at);
  const prefix = head.slice(open + 1, at);
  return open < 0 || !/^[\w.-]{1,40}$/.test(prefix) ? undefined : xmlText(head, `${prefix}:${name}`);
}

/** A RETS reply's `ReplyCode` (real-estate MLS servers): the last one that is no success, with its `ReplyText`. */
function replyCode(head: string): RegExpExecArray | null {
  let last: RegExpExecArray | null = null;
  for (const m of head.matchAll(/ReplyCode="(\d{1,6})"\s{0,9}ReplyText="([^"]{0,300})"/g)) if (m[1] !== '0') last = m;
  return last;
}

/** A SOAP 1.1 fault's `<faultcode>`, attributes and all: found by index, so no pattern scans the page. */
function faultCode(head: string): string | undefined {
  const at = head.indexOf('<faultcode');
  const open = at < 0 ? -1 : head.indexOf('>', at);
  const close = open < 0 ? -1 : head.indexOf('</faultcode>', open);
  const code = close < 0 ? '' : head.slice(open + 1, close).trim();
  return /^[\w:.-]{1,100}$/.test(code) ? code : undefined;
}
