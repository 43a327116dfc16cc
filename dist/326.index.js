export const id = 326;
export const ids = [326];
export const modules = {

/***/ 61326:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   describeArtifactFailure: () => (/* binding */ describeArtifactFailure),
/* harmony export */   uploadArtifact: () => (/* binding */ uploadArtifact)
/* harmony export */ });
/* harmony import */ var _actions_artifact__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(91252);
// The artifact service (@actions/artifact). platform.ts loads this file on first use only: the
// client's Azure and protobuf code is most of the Action bundle, and a run that uploads nothing
// should not pay for loading it. Failures are classified here, where the client's error classes
// are the very ones it throws (instanceof needs the same module instance).

/** Uploads `files` (paths under `rootDirectory`) as one zipped artifact of this workflow run. */
async function uploadArtifact(name, files, rootDirectory) {
    const result = await new _actions_artifact__WEBPACK_IMPORTED_MODULE_0__/* .DefaultArtifactClient */ .t9().uploadArtifact(name, [...files], rootDirectory);
    return { id: result.id };
}
/**
 * What an artifact-client failure means and what would fix it; undefined for anything the client
 * does not throw, which the caller then classifies as an API failure.
 */
function describeArtifactFailure(error) {
    if (!(error instanceof Error))
        return undefined;
    const { message } = error;
    if (error instanceof _actions_artifact__WEBPACK_IMPORTED_MODULE_0__/* .GHESNotSupportedError */ .jK) {
        return {
            kind: 'unsupported',
            message,
            hint: 'GitHub Enterprise Server does not offer this artifact service: set upload-artifact: false and upload out-dir with the artifact action your server supports.',
        };
    }
    // The client's request layer rethrows its own UsageError and NetworkError as plain errors that
    // quote the original message, so those are recognised by that message too.
    if (error instanceof _actions_artifact__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb || message.includes(new _actions_artifact__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb().message)) {
        return {
            kind: 'quota',
            message,
            hint: "the account's artifact storage quota is used up: free space or lower retention in the repository's Actions settings.",
        };
    }
    const networkCode = error instanceof _actions_artifact__WEBPACK_IMPORTED_MODULE_0__/* .NetworkError */ .Dr ? error.code || 'no error code' : quotedNetworkErrorCode(message);
    if (networkCode !== undefined) {
        return {
            kind: 'network',
            message: `the artifact service could not be reached (${networkCode})`,
            hint: "the runner could not connect to GitHub's artifact service or its blob storage: a self-hosted runner needs network access to both; check its firewall and proxy (HTTPS_PROXY, NO_PROXY).",
        };
    }
    if (error instanceof _actions_artifact__WEBPACK_IMPORTED_MODULE_0__/* .FilesNotFoundError */ .B9) {
        return {
            kind: 'files-missing',
            message,
            hint: 'the validation package was written to out-dir but its files were gone when the upload began: check that no other step removes or replaces out-dir while the gate runs.',
        };
    }
    if (error instanceof _actions_artifact__WEBPACK_IMPORTED_MODULE_0__/* .InvalidResponseError */ .tF) {
        return {
            kind: 'server',
            message,
            hint: 'the artifact service refused the upload without saying why: re-run the job, and check githubstatus.com if it persists.',
        };
    }
    if (error instanceof _actions_artifact__WEBPACK_IMPORTED_MODULE_0__/* .ArtifactNotFoundError */ .CL) {
        return {
            kind: 'not-found',
            message,
            hint: 'the artifact does not exist in this run, or it has expired: check its name and retention.',
        };
    }
    return describeServiceStatus(message);
}
/** The artifact service answers over HTTP; its client reports the status only inside the message. */
function describeServiceStatus(message) {
    if (/Unable to get the (ACTIONS_RUNTIME_TOKEN|ACTIONS_RESULTS_URL) env variable/.test(message)) {
        return { kind: 'unavailable', message, hint: 'the artifact service is only reachable from a GitHub Actions job.' };
    }
    const status = Number(/Failed request: \((\d{3})\)/.exec(message)?.[1]);
    if (status === 409) {
        return {
            kind: 'conflict',
            message,
            hint: 'an artifact of that name already exists in this run: give each job or gate its own artifact-name (or gate-id).',
        };
    }
    if (status >= 500) {
        return {
            kind: 'server',
            message,
            hint: 'the artifact service had a server error after retries: re-run the job, and check githubstatus.com if it persists.',
        };
    }
    return undefined;
}
/** The network error code a plain error quotes from the client's NetworkError message, if it does. */
function quotedNetworkErrorCode(message) {
    const marker = '\u0000';
    const lead = new _actions_artifact__WEBPACK_IMPORTED_MODULE_0__/* .NetworkError */ .Dr(marker).message.split(marker)[0] ?? '';
    const start = lead === '' ? -1 : message.indexOf(lead);
    if (start < 0)
        return undefined;
    const code = /^\S+/.exec(message.slice(start + lead.length))?.[0];
    return _actions_artifact__WEBPACK_IMPORTED_MODULE_0__/* .NetworkError */ .Dr.isNetworkErrorCode(code) ? code : undefined;
}


/***/ })

};
