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
  // Read every label at once: a card replaced mid-scan (an Action.Execute answer) must not leave a stale index.
  const labels = await scope.locator('label').evaluateAll((elements) =>
    elements.map((e) => ({ text: 'innerText' in e ? String(e.innerText).trim() : '', target: e.getAttribute('for') })),
  );
  const target = labels.reverse().find((l) => l.text === text && l.target !== null)?.target;
  return typeof target === 'string' ? scope.locator(`[id="${target}"]`) : undefined;
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

/** The texts of a radio or check-box set's options, in the order shown (a combobox lists them only when open). */
export async function optionTexts(input: CardInput): Promise<string[]> {
  if (input.kind !== 'radiogroup' && input.kind !== 'checkboxes') throw new Error(`a ${input.kind} shows no options`);
  const texts = await input.element.locator('label').allInnerTexts();
  return texts.map((t) => t.trim());
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
