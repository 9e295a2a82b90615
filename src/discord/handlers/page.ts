import type { Answer, AnswerItem } from "../../answer/answer.ts";
import type { Command, CommandArgs } from "../../command.ts";
import type { CustomIds } from "../custom-id.ts";
import { type Deps, TEXTS } from "../deps.ts";
import { type ButtonIds, pageCount, pageSize, renderAnswer, renderFull } from "../render.ts";
import type { Outcome } from "../respond.ts";

/** Runs a command and renders one page of its answer, with buttons that can re-run it. */
export async function answerPage(
  deps: Deps,
  command: Command,
  args: CommandArgs,
  page: number,
  options: { share: boolean },
): Promise<Outcome> {
  const answer = await run(deps, command, args);
  // The corpus may have changed since the button was made.
  if (page >= pageCount(answer)) return { notice: TEXTS.stale };
  return { view: renderAnswer(answer, page, buttonIds(deps.ids, command.name, args), options) };
}

/** The whole text of the statement shown on `page`. */
export async function fullText(
  deps: Deps,
  command: Command,
  args: CommandArgs,
  page: number,
): Promise<Outcome> {
  const answer = await run(deps, command, args);
  const item: AnswerItem | undefined = pageSize(answer) === 1 ? answer.items[page] : undefined;
  if (!item) return { notice: TEXTS.stale };
  const [first, ...more] = renderFull(item);
  return first ? { view: first, more } : { notice: TEXTS.stale };
}

function run(deps: Deps, command: Command, args: CommandArgs): Promise<Answer> {
  return Promise.resolve(command.run(args, { library: deps.library(), live: deps.live }));
}

function buttonIds(ids: CustomIds, command: string, args: CommandArgs): ButtonIds {
  return {
    page: (page) => ids.encode({ action: "page", command, args, page }),
    full: (page) => ids.encode({ action: "full", command, args, page }),
    share: () => ids.encode({ action: "share", command: "", args: {}, page: 0 }),
  };
}
