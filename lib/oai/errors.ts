// The protocol's error conditions (OAI-PMH 2.0, section 3.6): each answered with HTTP 200 and an
// <error code="…"> element, never an HTTP error status.
export type OaiErrorCode =
  'badArgument' | 'badResumptionToken' | 'badVerb' | 'cannotDisseminateFormat' | 'idDoesNotExist' | 'noRecordsMatch' | 'noMetadataFormats' | 'noSetHierarchy';

export interface OaiError {
  code: OaiErrorCode;
  message: string;
}

export const oaiError = (code: OaiErrorCode, message: string): OaiError => ({ code, message });
