import { expect, type Page } from "@playwright/test";
import { getQuestionnaire } from "../../questions";
import type { Answers } from "../../core/answers";

const q = getQuestionnaire(1);

/** Page object for /s/<code>: answers steps through the real controls, as a person would. */
export class SurveyPage {
  readonly q;
  /** `version`: the questionnaire version of the wave under test (v2 adds the knowledge-check steps). */
  constructor(
    readonly page: Page,
    version = 1,
  ) {
    this.q = getQuestionnaire(version);
  }

  async open(code: string) {
    return this.page.goto(`/s/${code}`);
  }

  progress() {
    return this.page.getByRole("progressbar");
  }

  async expectStep(n: number, total = this.q.steps.length) {
    await expect(this.progress()).toHaveAttribute("aria-valuenow", String(n));
    await expect(this.progress()).toHaveAttribute("aria-valuemax", String(total));
  }

  /** Fills every item of the current step from `answers`. */
  async answerStep(step: number, answers: Answers) {
    for (const item of this.q.steps[step - 1]!.items) {
      const value = answers[item];
      if (value === undefined) continue;
      if (item === "department") await this.page.locator("#in-department").selectOption(String(value));
      else await this.page.locator(`label[for="in-${item}-${value}"]`).click();
    }
  }

  async next() {
    await this.page.getByTestId("next").click();
  }

  /** Answers steps from..to (inclusive), pressing Next after each, and waits for the following step. */
  async answerThrough(from: number, to: number, answers: Answers) {
    for (let step = from; step <= to; step++) {
      await this.expectStep(step);
      await this.answerStep(step, answers);
      await this.next();
      if (step < this.q.steps.length) await this.expectStep(step + 1);
    }
  }
}

export const TOTAL_STEPS = q.steps.length;
