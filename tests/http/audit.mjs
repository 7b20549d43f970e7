// GraphQL-over-HTTP conformance audit (npm graphql-http) of a running server.
//
//   node tests/http/audit.mjs http://127.0.0.1:8000/graphql
//
// Prints every audit that is not "ok" (status, id, name, reason, HTTP status, start of the body),
// then one summary line "ok=N warn=N notice=N error=N". Exit code 1 if any audit is a warn (failed
// SHOULD) or an error (failed MUST); notices (failed MAY) are reported but do not fail the run.
import { auditServer } from 'graphql-http';

const url = process.argv[2];
if (!url) {
  console.error('usage: node audit.mjs URL   (the GraphQL endpoint, e.g. http://127.0.0.1:8000/graphql)');
  process.exit(2);
}

const results = await auditServer({ url });

const counts = { ok: 0, warn: 0, notice: 0, error: 0 };
for (const result of results) {
  counts[result.status] = (counts[result.status] ?? 0) + 1;
  if (result.status === 'ok') continue;
  let body = '';
  try {
    body = (await result.response?.text())?.slice(0, 200) ?? '';
  } catch (err) {
    body = `<body unreadable: ${err}>`;
  }
  const httpStatus = result.response?.status ?? '-';
  console.log([result.status, result.id, result.name, result.reason, httpStatus, body].join(' | '));
}

console.log(Object.entries(counts).map(([status, n]) => `${status}=${n}`).join(' '));
process.exit(counts.warn || counts.error ? 1 : 0);
