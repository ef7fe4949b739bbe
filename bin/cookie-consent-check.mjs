#!/usr/bin/env node
// `npx cookie-consent-check <url>`: see check/cli.mjs and docs/consent-check.md.
import { main } from '../check/cli.mjs';

process.exitCode = await main(process.argv.slice(2));
