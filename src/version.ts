/** The tool's version, written into every report; a test keeps it equal to package.json's. */
export const TOOL_NAME = 'model-release-gate';
export const TOOL_VERSION = '1.0.0';
