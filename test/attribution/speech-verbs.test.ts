import { describe, expect, it } from "vitest";
import {
  isAmbiguousForm,
  isQuotingForm,
  isSpeechForm,
  speechVerb,
  stanceOf,
  trailingCueForms,
} from "../../src/attribution/speech-verbs.ts";
import { parseClaim } from "../../src/search/question.ts";

describe("the speech-verb table", () => {
  it("inflects regular and irregular verbs", () => {
    for (const form of ["say", "said", "says", "saying"])
      expect(speechVerb(form)?.lemma).toBe("say");
    for (const form of ["deny", "denied", "denies", "denying"])
      expect(speechVerb(form)?.lemma).toBe("deny");
    for (const form of ["stress", "stresses", "stressed", "stressing"])
      expect(speechVerb(form)?.lemma).toBe("stress");
    for (const form of ["rebut", "rebutted", "rebuts", "rebutting"])
      expect(speechVerb(form)?.lemma).toBe("rebut");
    expect(speechVerb("wrote")?.lemma).toBe("write");
    expect(speechVerb("slammed")?.lemma).toBe("slam");
    expect(isSpeechForm("walked")).toBe(false);
  });

  it("gives each verb the stance it carries, the same for every module", () => {
    const stance = (word: string) => {
      const verb = speechVerb(word);
      return verb ? stanceOf(verb) : undefined;
    };
    // The copies used to disagree on these three.
    expect(stance("disputed")).toBe("denial");
    expect(stance("rebutted")).toBe("denial");
    expect(stance("conceded")).toBeNull();
    expect(stance("accused")).toBe("allegation");
    expect(stance("blamed")).toBe("allegation");
    // A claim is not an accusation by itself.
    expect(stance("claimed")).toBeNull();
    expect(stance("said")).toBeNull();
  });

  it("lets the /who question parser read the same verbs and stance", () => {
    expect(parseClaim("Who disputed the figures?").stance).toBe("denial");
    expect(parseClaim("Who rebutted the claims of fraud?").stance).toBe("denial");
    expect(parseClaim("Who accused the council of lying?").stance).toBe("allegation");
    expect(parseClaim("Who conceded that the plan failed?").stance).toBeNull();
  });

  it("marks the forms that may be nouns or bare infinitives", () => {
    expect(isAmbiguousForm("claims")).toBe(true);
    expect(isAmbiguousForm("report")).toBe(true);
    expect(isAmbiguousForm("say")).toBe(true);
    expect(isAmbiguousForm("said")).toBe(false);
    expect(isAmbiguousForm("reported")).toBe(false);
  });

  it("keeps 'quote' apart: it reports through someone else", () => {
    expect(isQuotingForm("quoted")).toBe(true);
    expect(isSpeechForm("quoted")).toBe(false);
  });

  it("gives the quote repair only finite forms of verbs that report a clause", () => {
    const forms = trailingCueForms();
    expect(forms).toContain("said");
    expect(forms).toContain("added");
    expect(forms).toContain("noted");
    expect(forms).not.toContain("say");
    expect(forms).not.toContain("saying");
    expect(forms).not.toContain("called");
  });
});
