import { main } from "./cli.ts";

// `npm start`: the Discord bot when DISCORD_TOKEN is set, else the local shell.
process.exitCode = await main(["start", ...process.argv.slice(2)]);
