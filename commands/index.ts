import type { Command } from "../src/command.ts";
import { add } from "./add.ts";
import { article } from "./article.ts";
import { articles } from "./articles.ts";
import { feeds } from "./feeds.ts";
import { findSource } from "./find-source.ts";
import { createHelp } from "./help.ts";
import { quote } from "./quote.ts";
import { search } from "./search.ts";
import { speakers } from "./speakers.ts";
import { who } from "./who.ts";

/** Every slash command, in the order `/help` lists them. */
export const commands: Command[] = [
  quote,
  who,
  search,
  findSource,
  speakers,
  article,
  articles,
  add,
  feeds,
];
commands.push(createHelp(() => commands));
