/**
 * A vendor's code as SDKs and CLIs print it. A printout rarely keeps the response's JSON: the SDK
 * formats the code into its own line, each SDK in one fixed form that all its users see —
 * `(Service: Amazon S3; Status Code: 503; Error Code: SlowDown; …)` (AWS SDK for Java),
 * `api error ThrottlingException: …` (AWS SDK for Go v2), `npm ERR! code E429` (npm),
 * `Error from server (Conflict): …` (kubectl), `rpc error: code = ResourceExhausted desc = …`
 * (gRPC), `An error occurred (SlowDown) when calling the PutObject operation` (botocore),
 * `NoSuchKey: …\n\tstatus code: 404, request id: …` (aws-sdk-go v1), `Server said: … (bad_auth_token)`
 * (b2sdk), `390114 (08001): …` (DB-API drivers). A code the message itself opens with, and JSON printed inside a
 * quoted string, are ./printed-code.ts's.
 * Each form is anchored on the SDK's own fixed words, so no class name, URL, field name or secret
 * can match; every pattern has bounded quantifiers only.
 */

/**
 * AWS SDK for Java v2 names the exception class after the error code and prints no `Error Code:`:
 * `software.amazon.awssdk.services.kinesis.model.ProvisionedThroughputExceededException: … (Service: Kinesis, Status Code: 400, …)`.
 * The service's catch-all class (`KinesisException`, `S3Exception`) names no code: printedCode skips it.
 */
const JAVA_V2 = /\bawssdk\.services\.([a-z0-9]{1,40})\.model\.([A-Z][A-Za-z0-9]{1,99}): /;

/**
 * Google's Go client (googleapi.Error): `googleapi: Error 403: <message>, quotaExceeded`, the one reason
 * after the message. Group 1 is the line; printedCode takes the word after its last `, `, so no
 * quantifier here competes with another for the same characters.
 */
const GOOGLEAPI = /(?:^|: )googleapi: Error \d{3}: ([^\n]{1,1000})/m;

/**
 * A gRPC ErrorInfo as Google's Python and Java clients print an error's details, in protobuf text (`[reason:
 * "RATE_LIMIT_EXCEEDED"\ndomain: "googleapis.com"\nmetadata {\n  key: "service" …}`): its reason is the code, and the
 * metadata's braces are no object. Led by its literal, bounded: linear.
 * @internal
 */
export const PROTO_REASON = /\breason: "([A-Z][A-Z0-9_]{2,60})"\s{1,8}domain: "/;

/**
 * botocore's ClientError (AWS CLI, boto3): `An error occurred (SlowDown) when calling the PutObject operation…`; `Unknown`
 * is its stand-in for none. Its fixed words hold before any page the error quotes (SageMaker's ModelError relays the
 * model container's own HTML 500). Bounded: linear.
 * @internal
 */
export const BOTOCORE = /\bAn error occurred \((?!Unknown\))([\w.-]{1,100})\) when calling the /;

/**
 * The printed forms, strongest first; group 1 is the code (in {@link JAVA_V2} group 2; in {@link GOOGLEAPI} the line it ends). Bounded quantifiers only.
 *
 * @example
 * ```ts
 * PRINTED_FORMS.some((form) => form.test('api error ThrottlingException: Rate exceeded')); // true
 * ```
 * @internal
 */
export const PRINTED_FORMS: readonly RegExp[] = [
  // AWS SDK for Java v1, AmazonServiceException.getMessage(): `… (Service: …; Status Code: 400; Error Code: X; Request ID: …)`.
  /Status Code: \d{3}; Error Code: ([A-Za-z][\w.-]{0,99})/,
  JAVA_V2,
  // The AWS query protocol's dotted codes (SQS, SimpleDB), as SDKs print them: `AWS.SimpleQueueService.NonExistentQueue (client): …`.
  /\b(AWS\.[A-Z][A-Za-z]{1,40}\.[A-Z][A-Za-z]{1,60})\b/,
  GOOGLEAPI,
  // Google's .NET client (Google.Apis.Requests.RequestError): `Message[Daily Limit Exceeded] Location[ - ] Reason[dailyLimitExceeded] Domain[usageLimits]`.
  /\bReason\[([A-Za-z][\w.]{1,63})\] Domain\[/,
  // An ACME server's problem type (RFC 8555 §6.7), as ACME clients print it (Caddy's `HTTP 400
  // urn:ietf:params:acme:error:malformed - Invalid signature on JWS request`): the whole URN is the code.
  /\b(urn:ietf:params:acme:error:[A-Za-z]{2,40})\b/,
  // An error id in parentheses, as Grafana Mimir closes its limit errors (`… burst of 1000000 (err-mimir-tenant-max-ingestion-rate).`),
  // each id a page of its runbook.
  /\((err-[a-z][a-z0-9]{1,20}(?:-[a-z0-9]{1,30}){1,10})\)/,
  // Firebase's SDKs print their error's code in parentheses or brackets: the web SDK's `FirebaseError: Firebase: Error
  // (auth/invalid-credential).`, React Native's `Error: [auth/invalid-credential] The supplied auth credential is incorrect…`,
  // FlutterFire's `[firebase_auth/invalid-credential] …` (src/core/firebase.ts reads what each means).
  /[([]((?:firebase_)?(?:auth|storage|functions|firestore|messaging|installations|app-check|database|remote-config)\/[a-z]{2,30}(?:-[a-z]{1,30}){0,8})[)\]]/,
  // A log line that closes with its code in parentheses: `… Exceeded the API Rate Limit. (ErrCode: 10006)`, `(error code: 1015)`.
  // A code of 0 is an exception's "none" (PHP's `ServiceException(code: 0)`).
  // An exception's repr (`APIError(code=400)`) is read by its own form below.
  /(?<!(?:Error|Exception))\((?:err(?:or)?[ _]?code|code)[:=] {0,2}(?!0\))(-?[A-Za-z0-9][\w.-]{0,40})\)/i,
  // The Azure CLI's printout of an ARM error (msrestazure's CloudError): `ValidationError: Azure Error: InvalidTemplate`, its `Message:` on the next line.
  /\bAzure Error: ([A-Z][A-Za-z]{1,60})[ \t]{0,8}$/m,
  // smithy-go's GenericAPIError.Error() (AWS SDK for Go v2): `api error ThrottlingException: …`.
  /\bapi error ([A-Za-z][\w.-]{0,99}): /,
  BOTOCORE,
  // aws-sdk-go v1's awserr.RequestFailure: `NoSuchKey: The specified key does not exist.\n\tstatus code: 404, request id: …`
  // (pasted into one line, its newline and tab a space; after a log line's timestamp; its tab printed as spaces).
  /(?:^|: | )([A-Z][A-Za-z0-9.]{1,99}): [^:\n]{0,500}(?:\n[ \t]{1,8}| )status code: \d{3}, request id: /m,
  // aws-sdk-cpp's error when it could not read the response whole (`Unable to parse ExceptionName: InternalError Message: …`).
  /\bExceptionName: ([A-Z][A-Za-z0-9.]{1,99}) Message: /,
  // node-slack-sdk's platform error (`Error: An API error occurred: invalid_auth`) and slack-notifier's (`The slack API
  // returned an error: action_prohibited (HTTP Code 500)`): the Web API's `error` word.
  /\bA(?:n API error occurred|PI returned an error): ([a-z][a-z0-9]{1,30}(?:_[a-z0-9]{1,30}){0,6})\b/,
  // A JSON-RPC error as Solana's web3.js prints it (`Error: RPC response error -32005: Node is behind by 54393 slots`) and
  // bitcoin-cli (`error code: -28` then `error message:`).
  /\bRPC response error (-\d{1,6}): /,
  /^error code: (-?\d{1,6})\s{1,8}error message:/m,
  // Hasura's `{"path", "error", "code"}` as its CLI prints it, the code in brackets and the JSON path last (`cannot create
  // migrate instance: [access-denied] restricted access : admin only ($.args)`).
  /: \[([a-z]{2,20}(?:-[a-z]{2,20}){1,5})\] [^\n([]{1,300}\(\$[\w.[\]]{0,100}\)/,
  // A gRPC status as Google's Rust client words it (`the service reports an error with code RESOURCE_EXHAUSTED described
  // as: …`) and its PHP client's ApiException lists it (`Error Code: 403,` … `Status: PERMISSION_DENIED`).
  /\bwith code ([A-Z]{2,20}(?:_[A-Z]{2,20}){0,3}) described as: /,
  /\bStatus: ((?:INVALID_ARGUMENT|FAILED_PRECONDITION|PERMISSION_DENIED|RESOURCE_EXHAUSTED|UNAUTHENTICATED|DEADLINE_EXCEEDED|NOT_FOUND|ALREADY_EXISTS|UNAVAILABLE|INTERNAL|ABORTED|OUT_OF_RANGE|UNIMPLEMENTED|DATA_LOSS|CANCELLED))\b/,
  // Twilio's error page, as its SDKs print an error's `more_info` (twilio-go's `{400 Permission to send an SMS has not been
  // enabled … 21408 https://www.twilio.com/docs/errors/21408}`, twilio-ruby's log).
  /\btwilio\.com\/docs\/(?:api\/)?errors\/(\d{5})\b/,
  // Cloudflare's error page as a browser shows it, pasted as text (`Error 1101 Ray ID: 967ffbecfa3a98d2 • 2025-07-31 …`).
  /^Error (1\d{3}) Ray ID: /m,
  // npm's error summary, `npm ERR! code E429` (npm ≤ 9), `npm error code E403` (npm ≥ 10), and the same line without the prefix.
  /^(?:npm )?(?:ERR!|error) code (E[A-Z0-9]{2,20})\s{0,8}$/m,
  // oci-go-sdk's servicefailure (Terraform's OCI provider, the OCI CLI): `Service error:NotAuthorizedOrNotFound. … http status code: 404`.
  /\bService error:([A-Za-z][\w.-]{0,99})\. /,
  // stripe-ios' NSError as Foundation prints it (`Error Domain=com.stripe.lib Code=70 "Your card was declined" UserInfo={…,
  // com.stripe.lib:StripeErrorCodeKey=card_declined, …}`): Stripe's code is in its user info.
  /\bStripeErrorCodeKey=([a-z][a-z0-9_]{1,60})\b/,
  // kubectl's `Error from server (NotFound): …`: the Status object's `reason`.
  /\bError from server \(([A-Za-z]{2,64})\): /,
  // The AdWords API's ApiError as its SOAP libraries print it: `[QuotaCheckError.INVALID_TOKEN_HEADER @ ; trigger:'token']`,
  // `errorString: RateExceededError.RATE_EXCEEDED`, and a RateExceededError's own line (`[RateExceededError <rateName=…>]`).
  /(?:\[|errorString: )([A-Z][A-Za-z]{2,60}Error\.[A-Z][A-Z0-9_]{1,60})[ \]]/,
  /\[([A-Z][A-Za-z]{2,60}Error) <[a-z]/,
  // A dotted fault code as urllib prints a server's own reason phrase (PubChem's `HTTP Error 503: PUGREST.ServerBusy`)
  // or an SDK's exception quotes it (`pubchempy.TimeoutError: 'PUGREST.Timeout'`).
  /(?:\bHTTP Error [45]\d\d: |(?:Error|Exception): ')([A-Z][A-Za-z]{1,40}\.[A-Z][A-Za-z]{1,60})\b/,
  // A vendor's code named after its own error in parentheses, as Quandl's clients print it: `(Quandl Error QECx02)`,
  // `(Nasdaq Data Link Error QEPx04)`.
  /\((?:[A-Z][A-Za-z]{1,20} ){1,4}Error ([A-Z][A-Za-z]{1,10}\d{1,6})\)/,
  // Semrush's API answers every error as one line of text, its number first (`ERROR 50 :: NOTHING FOUND`).
  /^ERROR (\d{1,4}) ?:: [A-Z]/,
  // A number in brackets opening an exception's message, too long for a status (Tripo's SDK: `TripoAPIError: [1002]
  // Authentication failed.`).
  /\b[A-Z]\w{0,60}(?:Error|Exception): \[(\d{4,6})\] /,
  // The GoDaddy Terraform provider's `Error: [422:INVALID_BODY] Request body doesn't fulfill schema`: the status, then the code.
  /\[[45]\d\d:([A-Z][A-Z0-9_]{1,60})\]/,
  // grpc-go's status error, `rpc error: code = ResourceExhausted desc = …`; the server's own code when its description
  // opens with one (Grafana Tempo's `desc = RATE_LIMITED: ingestion rate limit … exceeded`).
  /\brpc error: code = [A-Za-z]{2,64} desc = ([A-Z]{2,20}(?:_[A-Z0-9]{1,20}){1,5}): /,
  /\brpc error: code = ([A-Za-z]{2,64}) desc = /,
  // The other gRPC clients' printouts: Python's `status = StatusCode.UNAUTHENTICATED` (UNKNOWN says nothing: a code
  // the server's own words give outranks it), C#'s `Status(StatusCode="PermissionDenied", Detail=…)`.
  /\bstatus = StatusCode\.(?!UNKNOWN\b)([A-Z]{2,20}(?:_[A-Z]{2,20}){0,2})\b/,
  /\bStatus\(StatusCode="?([A-Za-z]{2,40})"?,\s{0,8}Detail=/,
  // PEP 249 drivers (Snowflake, MySQL): `390114 (08001): …`, the vendor's number then the SQLSTATE.
  /(?:^|: |ERROR )(\d{3,6}) \([0-9A-Z]{5}\): /,
  // The MongoDB Atlas Go client (Terraform provider, Atlas CLI): `GET https://…: 403 (request "IP_ADDRESS_NOT_ON_ACCESS_LIST") …`.
  /: \d{3} \(request "([A-Za-z][\w.-]{0,99})"\)/,
  // An OAuth 2.0 error code (RFC 6749 §5.2, RFC 6750 §3.1) opening a link, as OAuth clients print it: openid-client's `OPError: invalid_grant (Session not active)`;
  // or in parentheses before its description, as oauthlib prints it (`(invalid_grant) Refresh token is expired …`).
  /(?:^|: )(invalid_(?:request|client|grant|scope|token)|unauthorized_client|access_denied) \(/,
  /(?:^|: )\((invalid_(?:request|client|grant|scope|token)|unauthorized_client|access_denied|unsupported_grant_type)\) /m,
  // A gRPC status name opening a line, as Envoy and Istio print a denial: `PERMISSION_DENIED:handler.rbac…`.
  /^([A-Z]{2,20}(?:_[A-Z]{2,20}){1,4}):(?!\/\/)/m,
  // The inner error azure-core's HttpResponseError prints under the outer one names what failed (`(DeploymentFailed) At least
  // one resource deployment operation failed. …\nException Details:\t(InvalidParameter) The value of parameter … is invalid.`).
  /\nException Details:[ \t]{1,8}\(([A-Z][a-z]{1,30}(?:[A-Z][a-z0-9]{0,30}){1,8})\) [A-Z]/,
  // An Azure error code in parentheses opening a line, as azure-core's HttpResponseError prints it (the Azure SDKs for
  // Python, the Azure CLI): `(BadRequest) This resource is configured for 'EventGridEvent' schema. …`.
  /^\(([A-Z][a-z]{1,30}(?:[A-Z][a-z0-9]{0,30}){1,8})\) [A-Z]/m,
  // A code in parentheses after the status, as s3cmd prints S3's (`ERROR: S3 error: 409 (BucketAlreadyExists): The requested
  // bucket name is not available.`); .NET's `401 (PermissionDenied).` closes its sentence there with the reason phrase.
  /(?<![\w.])[45]\d\d \(([A-Z][a-z]{1,30}(?:[A-Z][a-z0-9]{0,30}){1,8})\): /,
  // A snake_case code in parentheses closing a line, as b2sdk prints the server's (`Server said: Invalid authorization token (bad_auth_token)`).
  /\(([a-z][a-z0-9]{1,30}(?:_[a-z0-9]{1,30}){1,8})\)\s{0,8}$/m,
  // A code alone on its line, as platform error pages in text put it (Vercel's `FUNCTION_INVOCATION_TIMEOUT`).
  /^([A-Z][A-Z0-9]{1,30}(?:_[A-Z0-9]{1,30}){1,8})\s{0,8}$/m,
  // A JSON-RPC 2.0 error code (the spec reserves -32768…-32000) printed after `code`, as web3 clients print it: `got code -32005 with msg "…"`.
  /\bcode[:=]? {0,2}(-32[0-7]\d{2})(?!\d)/,
  // An exception's repr with its code as the first argument, as Python SDKs print it (python-binance's `APIError(code=-1003): …`).
  // A 4xx or 5xx there is the status (python-substack's `APIError(code=400): Invalid value`), read as one.
  /[A-Za-z](?:Error|Exception)\(code=['"]?(?![45]\d\d['",)])(-?[A-Za-z0-9][\w.-]{0,63})['"]?[,)]/,
  // Or a tuple of the code and its message, as wyzeapy prints the server's (`UnknownApiError: ('2002', 'refresh token is error')`).
  /(?:Error|Exception): \(['"](?![45]\d\d['"])(-?\d{1,10})['"], ['"]/,
  // A code between the status and the message, as Yoti's SDKs print it (`Server responded with 404 - APP_NOT_FOUND - The referenced …`).
  // (A log line's milliseconds before its level, `13:20:42,468 - WARNING - `, is no status.)
  /(?<![\w,.:])[45]\d\d - ([A-Z][A-Z0-9_]{2,60}) - /,
  // An OAuth 1.0 problem (the oauth_problem extension, LivePerson's `general_problem=`): `oauth_problem=token_rejected&…`.
  /\b(?:oauth|general)_problem=([a-z][a-z_]{2,60})/,
  // Or a snake_case code as an exception's first argument, as slack-sansio's SlackAPIError repr holds the Web API's `error`
  // (`exception=SlackAPIError('already_reacted', <CIMultiDictProxy(…)>, …)`).
  /[A-Za-z](?:Error|Exception)\('([a-z][a-z0-9]{1,30}(?:_[a-z0-9]{1,30}){1,8})'[,)]/,
  // Ruby's report of an exception no one rescued, whose message is the vendor's snake_case code (slack-ruby-client's
  // "raise_error.rb:9:in `on_complete': not_in_channel (Slack::Web::Api::Error)").
  /\d:in `[\w <>?!.-]{1,60}': ([a-z][a-z0-9]{1,30}(?:_[a-z0-9]{1,30}){1,8}) \([A-Z][\w:]{0,100}\)/,
  // The same with the vendor's error id, as the Coinbase Python SDK prints it: `APIError(id=authentication_error): invalid signature`.
  /[A-Za-z](?:Error|Exception)\(id=['"]?([a-z]{3,40}(?:_[a-z]{1,40}){0,8})['"]?[,)]/,
  // A SCREAMING_SNAKE code in brackets opening a line, as GROBID words its errors (`[BAD_INPUT_DATA] PDF to XML
  // conversion failed`); a bracketed word alone there is a log's level or a component's name (`[ERROR]`, `[API]`).
  /^\[([A-Z]{2,20}(?:_[A-Z0-9]{1,20}){1,6})\] /m,
  // discord.js' error name, the API's JSON code in brackets, as its users paste it after the message (`DiscordAPIError[50035]`).
  /\bDiscordAPIError\[(\d{4,6})\]/,
  // The Firebase JS SDK's FirebaseError string: `FirebaseError: [code=resource-exhausted]: Quota exceeded.`
  /\[code=([a-z][a-z0-9-]{1,63})\]/,
  // A number in parentheses closing a line, as .NET and Java Twitter clients print the API's code (`Rate limit exceeded (88)`)
  // and Namecheap's Terraform provider its seven-digit one (`Domain name not found (2019166)`);
  // a 4xx or 5xx there is the HTTP status restated, not a code; so is a bound after its name the size a limit holds
  // (Anthropic's old completion API: "Prompt tokens (62386) + max-sampled tokens (200) exceeds max (9216)").
  /(?<!\b(?:max|maximum|limit|of|than) )\((?![45]\d\d\))(\d{2,7})\)[ \t]{0,8}$/m,
  // A gRPC status number as game-backend SDKs print it beside the HTTP status (Nakama's Godot client: `returned response
  // code: 401, RPC code: 16, error: Auth token invalid`; its .NET one: `ApiResponseException(StatusCode=400, …, GrpcStatusCode=3)`).
  /\b(?:RPC code: |GrpcStatusCode=)(1[0-6]|[0-9])(?!\d)/,
  // A vendor's number after `Error code:` closing a clause, as SDKs append it (IBM Quantum's `Login failed., Error code: 3446.`,
  // Roblox's `Error code: 7 Reason: …`); a 4xx or 5xx there is the HTTP status (openai-python's `Error code: 429 - {…}`).
  // Or before a dash and its words, as Hyperledger Fabric CA's client prints it (`Error Code: 74 - Identity 'admin' is already registered`).
  /\bError [Cc]ode: (?![45]\d\d(?!\d))(\d{1,7})(?=[.,;]|[ \t]{1,4}[A-Z]|[ \t]{1,4}- |[ \t]{0,8}$)/m,
  // A vendor's number after `error` opening a clause, as Go clients print the server's (`acoustid submission error:
  // error 14: rate limit … exceeded`) and Python ones their exception's (`SLAPI_API_Error 1007: …`), or after `returned error code` before its words (oandapy's `OANDA API returned
  // error code 52 (Invalid or malformed resource identifier: accountId)`), or a JSON-RPC number in a tuple's message as pyzabbix prints
  // Zabbix's (`ZabbixAPIException: ('Error -32602: Invalid params., Not authorised. while sending …', -32602)`); a 4xx or 5xx there is the HTTP status.
  /(?:^|: |_|\(')[Ee]rror (?![45]\d\d(?!\d))(-?\d{1,6}): /m,
  // So after `Failure code`, as the Ecovacs Homebridge plugin prints its cloud's (`Failure code 1010: Incorrect account or password`).
  /\bFailure code (?![45]\d\d(?!\d))(\d{1,6}): /,
  // So does a controller's name before `Error` and its number (Cisco's Ansible ACI modules: `APIC Error 122: unknown managed object class`).
  // (Led by its literal, so a page without " Error " is passed over at once.)
  /(?<=\b[A-Z]{2,12}) Error (?![45]\d\d(?!\d))(\d{1,6}): /,
  /\breturned error code (?![45]\d\d(?!\d))(\d{1,6}) \(/,
  // A snake_case code in brackets after an SDK's exception class (Modrinth's JS client: `ModrinthServerError: [invalid_input] Error with …`).
  /(?:Error|Exception): \[([a-z][a-z0-9]{1,30}(?:_[a-z0-9]{1,30}){1,6})\] /,
  // A bare `ERR:` line with the vendor's number, as SMS gateways' plain-text APIs answer (Clickatell's legacy
  // `ERR: 001, Authentication failed`, SMSAPI's `ERROR:101`); a 4xx or 5xx there is the HTTP status.
  /(?:^|["'=])ERR(?:OR)?: ?(?![45]\d\d(?!\d))(\d{1,6})(?=,|["']|[ \t]{0,8}$)/m,
  // A `Category:Message` error string, as Kraken's `error` list holds them (`['EAPI:Invalid key']`): the whole string is the code.
  /(?:^|[[('"]|: )(E[A-Z][A-Za-z]{1,20}:[A-Z][^'"\]\n]{1,100})/m,
  // Azure IoT Hub's `ErrorCode:DeviceNotFound;<device id>`, as its SDKs print the message (`IotHubNotFoundException: ErrorCode:…`).
  /\bErrorCode:([A-Z][A-Za-z]{2,60});/,
  // A code and its number in brackets, as python-anticaptcha prints Anti-Captcha's (`[ERROR_NO_SUCH_CAPCHA_ID:16]Task you …`).
  /\[([A-Z]{2,20}(?:_[A-Z0-9]{1,20}){1,6}):\d{1,4}\]/,
  // PHP's SoapClient printing the server's fault (`Uncaught SoapFault exception: [soap:Server] MS_UNAVAILABLE`).
  /\bSoapFault exception: \[[\w:.-]{1,40}\] ([A-Z][A-Z0-9_]{2,60})\b/,
  // Last: a SCREAMING_SNAKE code before its sentence inside a line, as SDKs print the server's code after their
  // own words (the Databricks SDK's `DatabricksError: None REQUEST_LIMIT_EXCEEDED: GetUserPermissionsRequest …`,
  // a JDBC driver's `Thrift Header: TEMPORARILY_UNAVAILABLE: Cluster … is temporarily unavailable`).
  /(?<=[ \t:])([A-Z]{2,20}(?:_[A-Z0-9]{1,20}){1,5}): (?=[A-Z])/,
  // Or a SCREAMING_SNAKE code as an exception's whole message, as SDKs of APIs that answer with a bare code
  // print it (2Captcha's Java client: `com.twocaptcha.exceptions.ApiException: ERROR_ZERO_CAPTCHA_FILESIZE at …`).
  /(?:Exception|Error|API): ([A-Z]{2,20}(?:_[A-Z0-9]{1,20}){1,6})(?![\w-])/,
  // Or a snake_case one, as .NET SDKs print the server's OAuth word (SignNow.NET's `SignNowException: invalid_token`).
  /(?:Exception|Error): ([a-z]{2,20}(?:_[a-z0-9]{1,20}){1,6})[ \t]{0,8}$/m,
  // Or a SCREAMING_SNAKE code closing a line after its words, as device libraries print a login refused (Blynk's
  // `Could not login: INVALID_TOKEN`); after a status it is the status's name (Vercel's `504: GATEWAY_TIMEOUT`).
  /(?<!\d): ([A-Z]{2,20}(?:_[A-Z0-9]{1,20}){1,5})[ \t]{0,8}$/m,
  // Or one named `ERROR_…` anywhere in a log line, as captcha solvers' clients log the API's (`Captcha Provider Error ERROR_PROXY_CONNECT_TIMEOUT`).
  /\b(ERROR_[A-Z0-9]{1,20}(?:_[A-Z0-9]{1,20}){0,6})\b/,
  // An IPP status keyword (RFC 8011 §4.1.6), as CUPS' tools, printers' logs and IPP clients print it
  // (`cupsaccept: Operation failed: client-error-forbidden`, SharpIpp's `ServerErrorBusy`).
  /\b((?:client|server)-error-[a-z]{2,30}(?:-[a-z]{2,30}){0,6})\b/,
  /(?:\(|StatusCode: )((?:Client|Server)Error[A-Z][a-z]{1,30}(?:[A-Z][a-z]{1,30}){0,6})\b/,
];

/** Java v2's class is the code unless it is the service's own catch-all (`s3` → `S3Exception`). */
function javaV2Code(found: RegExpExecArray | null): string | undefined {
  return found === null || found[2]?.toLowerCase() === `${found[1]}exception` ? undefined : found[2];
}

/** The reason googleapi appends to its message: the word after the line's last `, `. */
function reasonAfter(line: string | undefined): string | undefined {
  const text = line?.trimEnd();
  const at = text === undefined ? -1 : text.lastIndexOf(', ');
  const word = at < 0 ? undefined : text?.slice(at + 2);
  return word !== undefined && /^[a-zA-Z][\w.-]{1,63}$/.test(word) ? word : undefined;
}

/**
 * The vendor code a printed error states in one of the SDK or CLI forms above, from the first
 * lines of a text body.
 *
 * @example
 * ```ts
 * printedCode('Access Denied (Service: Amazon S3; Status Code: 403; Error Code: AccessDenied; Request ID: 25B458BA4187FD7E)');
 * // 'AccessDenied'
 * printedCode('npm ERR! code E429\nnpm ERR! 429 Too Many Requests - GET https://registry.npmjs.org/aws4');
 * // 'E429'
 * ```
 * @internal
 */
export function printedCode(head: string): string | undefined {
  for (const form of PRINTED_FORMS) {
    const found = form.exec(head);
    const code = form === JAVA_V2 ? javaV2Code(found) : form === GOOGLEAPI ? reasonAfter(found?.[1]) : found?.[1];
    // Java prints `Error Code: null` where no code came back.
    if (code !== undefined && code !== 'null') return code.charCodeAt(code.length - 1) <= 32 ? code.trimEnd() : code;
  }
  return undefined;
}
