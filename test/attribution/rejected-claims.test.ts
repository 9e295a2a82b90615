import { describe, expect, it } from "vitest";
import { attributions } from "./helpers.ts";

const WIRE = `ANKARA, March 3 (Reuters) - Amnesty International accused Turkish security forces of using excessive force against protesters in Istanbul, in a report published on Tuesday.

The rights group said police had fired tear gas at peaceful demonstrators.

The Interior Ministry rejected the allegations. It said officers had acted within the law.

Interior Minister Ali Yerlikaya told reporters that the report was "one-sided and politically motivated".`;

describe("denials that reject an allegation by name", () => {
  const found = attributions(WIRE);
  const by = (mention: string) => found.find((a) => a.mention?.text === mention);

  it("keeps 'rejected the allegations' as a denial answering the accuser", () => {
    const a = by("The Interior Ministry");
    expect(a?.cue?.text).toBe("rejected");
    expect(a?.content.map((c) => c.text)).toEqual(["the allegations"]);
    expect(a?.stance).toBe("denial");
    expect(a?.answers).toBe("Amnesty International");
  });

  it("takes a report judged one-sided as a denial", () => {
    const a = by("Interior Minister Ali Yerlikaya");
    expect(a?.stance).toBe("denial");
    expect(a?.answers).toBe("Amnesty International");
  });

  it("keeps 'dismissed the charges' and 'disputed the report' in an agency story", () => {
    const text = `The prosecutor's office charged Baltic Ore with dumping waste into the river, Interfax reported.

The company dismissed the charges. Its chairman, Pavel Orlov, disputed the report.`;
    const got = attributions(text).filter((a) => a.stance === "denial");
    expect(got.map((a) => a.content.map((c) => c.text).join(" "))).toEqual([
      "the charges",
      "the report",
    ]);
  });

  it("reads 'denied a newspaper report that ...' as the minister's denial, not the paper's report", () => {
    const [a, ...rest] = attributions(
      "The finance minister, Jonas Berg, denied a newspaper report that he had accepted payments.",
    );
    expect(rest).toEqual([]);
    expect(a?.speaker).toBe("Jonas Berg");
    expect(a?.stance).toBe("denial");
    expect(a?.content.map((c) => c.text)).toEqual([
      "a newspaper report that he had accepted payments",
    ]);
    // Without a denial before it, "the newspaper reported" is the paper's.
    const [paper] = attributions("The newspaper reported that Berg had accepted payments.");
    expect(paper?.cue?.text).toBe("reported");
  });

  it("leaves a rejected plan or a dismissed employee alone", () => {
    const text = `The council rejected the plan on Monday. The manager dismissed the employee.`;
    expect(attributions(text)).toEqual([]);
  });
});
