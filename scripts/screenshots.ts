/**
 * `npm run screenshots`: the README's pictures of the bot. Runs the real bot over the seed
 * articles against the local Discord stand-in, lays the messages it sent out as Discord does
 * (scripts/screenshots/discord-page.ts), and captures each scene with headless Chromium into
 * docs/<scene>.png. Needs Chromium (Debian: apt-get install -y chromium, or set CHROMIUM_PATH);
 * nothing else in whosaid does.
 */
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { captureScenes } from "./screenshots/capture.ts";
import { discordPage } from "./screenshots/discord-page.ts";

const docs = fileURLToPath(new URL("../docs/", import.meta.url));
const executablePath = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

if (!existsSync(executablePath)) {
  console.error(
    `screenshots: no Chromium at ${executablePath}. Install it (Debian: apt-get install -y chromium) or set CHROMIUM_PATH.`,
  );
  process.exit(1);
}

const { scenes, users } = await captureScenes();
const html = discordPage(scenes, users);
mkdirSync(docs, { recursive: true });
writeFileSync(`${docs}screenshots.html`, html);

const browser = await chromium.launch({
  executablePath,
  // The page is self-contained: Chromium is kept from resolving any name at all.
  args: ["--host-resolver-rules=MAP * ~NOTFOUND", "--disable-background-networking"],
});
try {
  const page = await browser.newPage({
    viewport: { width: 800, height: 600 },
    deviceScaleFactor: 2,
  });
  await page.setContent(html, { waitUntil: "load" });
  for (const scene of scenes) {
    const file = `${docs}${scene.id}.png`;
    await page.locator(`#${scene.id}`).screenshot({ path: file });
    console.log(`${file}  ${scene.caption}`);
  }
} finally {
  await browser.close();
}
