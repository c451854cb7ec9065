// One way to start Chromium for scripts and Node tests (screenshots, benchmarks, demo and story checks).
import puppeteer from 'puppeteer-core';
import { ensureBrowser } from './ensure-browser.mjs';

/** Flags for a root user on a VM with no network but loopback. */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

/** Launches headless Chromium (Debian's, installed when missing). */
export const launchChromium = (extraArgs = []) => puppeteer.launch({ executablePath: ensureBrowser(), headless: true, args: [...CHROMIUM_ARGS, ...extraArgs] });
