// Next drops a route handler's Content-Encoding header (it assumes a fetched body was decoded) and then gzips
// every answer again. A route that sends a body it compressed once, ahead of time, says so with this header
// instead; the request guard (scripts/request-guard.mjs) turns it into Content-Encoding before the headers go
// out, which also tells Next's compression to leave the body alone. On requests, the guard sets the same header to say
// that it will do so.
export const PRECOMPRESSED_HEADER = "x-wharf-precompressed";
