import type { Locator, Page } from 'playwright-core';

/** What the Playground renders for an Adaptive Card input, found from its label's `for` attribute. */
export type CardInputKind = 'text' | 'combobox' | 'radiogroup' | 'checkboxes';

/** An Adaptive Card input as the Playground renders it. */
export interface CardInput {
  readonly kind: CardInputKind;
  /** The element the label points at: an <input>, or the group holding radios or checkboxes. */
  readonly element: Locator;
}

/** The trimmed text of every <label> in the cards, for error messages. */
export async function cardLabels(cards: Locator): Promise<string[]> {
  const texts = await cards.locator('label').allInnerTexts();
  return texts.map((t) => t.trim()).filter((t) => t !== '');
}

/** The element that the last <label> in `scope` reading exactly `text` points at, or undefined. */
export async function labelledElement(scope: Locator, text: string): Promise<Locator | undefined> {
  const labels = scope.locator('label');
  for (let i = (await labels.count()) - 1; i >= 0; i -= 1) {
    const candidate = labels.nth(i);
    if ((await candidate.innerText()).trim() !== text) continue;
    const target = await candidate.getAttribute('for');
    if (target !== null) return scope.locator(`[id="${target}"]`);
  }
  return undefined;
}

/** The input whose label reads exactly `label` (the last, if several), or undefined when there is none. */
export async function findCardInput(cards: Locator, label: string): Promise<CardInput | undefined> {
  const element = await labelledElement(cards, label);
  return element && { kind: await kindOf(element), element };
}

async function kindOf(element: Locator): Promise<CardInputKind> {
  const role = await element.getAttribute('role');
  if (role === 'combobox') return 'combobox';
  if (role === 'radiogroup') return 'radiogroup';
  const tag = await element.evaluate((e) => e.tagName.toLowerCase());
  return tag === 'input' || tag === 'textarea' ? 'text' : 'checkboxes';
}

/** Picks one option: in a combobox's pop-up list, or the radio or check box with that text. */
export async function pickOption(page: Page, input: CardInput, optionText: string): Promise<void> {
  switch (input.kind) {
    case 'combobox': {
      await input.element.click();
      // Fluent renders the list in a pop-up outside the card.
      await page.getByRole('option', { name: optionText, exact: true }).click();
      return;
    }
    case 'radiogroup':
    case 'checkboxes': {
      // Each radio or check box has its own <label>; its accessible name also holds the set's label.
      const option = await labelledElement(input.element, optionText);
      if (!option) throw new Error(`no option reads "${optionText}"`);
      await option.check();
      return;
    }
    case 'text':
      throw new Error('a text box has no options');
  }
}

/** What the input shows now: the text, the chosen option's text, or the ticked options' texts joined by "; ". */
export async function shownValue(input: CardInput): Promise<string> {
  switch (input.kind) {
    case 'text':
    case 'combobox':
      return input.element.inputValue();
    case 'radiogroup':
    case 'checkboxes': {
      const checked = input.element.locator('input:checked');
      const names: string[] = [];
      for (let i = 0; i < (await checked.count()); i += 1) {
        const id = await checked.nth(i).getAttribute('id');
        names.push(id === null ? '?' : (await input.element.locator(`label[for="${id}"]`).innerText()).trim());
      }
      return names.join('; ');
    }
  }
}
