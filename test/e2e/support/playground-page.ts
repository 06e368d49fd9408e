import type { Locator, Page } from 'playwright-core';
import { cardLabels, findCardInput, labelledElement, pickOption, shownValue, type CardInput } from './card-form';

const CARD = '.ac-adaptiveCard';
const MESSAGE_BOX = 'textarea, [contenteditable="true"], input[type="text"]';

/** Drives the Playground's chat page the way a person would. */
export class PlaygroundPage {
  constructor(
    readonly page: Page,
    private readonly diagnostics: () => string,
    private readonly timeoutMs = 30_000,
  ) {}

  /** Opens the Playground at its personal chat with the bot and waits for the message box. */
  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await this.messageBox().waitFor({ state: 'visible', timeout: this.timeoutMs });
  }

  /** Types a message into the chat box and sends it with Enter. */
  async sendMessage(text: string): Promise<void> {
    const box = this.messageBox();
    await box.click();
    await box.fill(text);
    await this.page.keyboard.press('Enter');
    await this.page.getByText(text, { exact: true }).first().waitFor({ state: 'visible', timeout: this.timeoutMs });
  }

  /** Waits until an Adaptive Card showing the text is visible; returns that card. */
  async waitForCardText(text: string): Promise<Locator> {
    const card = this.page.locator(CARD, { hasText: text }).last();
    try {
      await card.waitFor({ state: 'visible', timeout: this.timeoutMs });
    } catch {
      throw new Error(`No card showing "${text}" appeared.\n${await this.describeCards()}\n${this.diagnostics()}`);
    }
    return card;
  }

  /** Clicks the button with this title on the newest card that has one. */
  async clickCardButton(title: string): Promise<void> {
    const button = this.page.locator(CARD).getByRole('button', { name: title, exact: true }).last();
    try {
      await button.waitFor({ state: 'visible', timeout: this.timeoutMs });
    } catch {
      throw new Error(`No card button titled "${title}".\n${await this.describeCards()}\n${this.diagnostics()}`);
    }
    await button.click();
  }

  // Inputs are found by label across all cards, newest match first: the card order on the page is not
  // always the order the bot sent them (the welcome card sent on install can arrive after a reply).

  /** Types into the card's text box with this label, replacing what was there. */
  async fillCardInput(label: string, value: string): Promise<void> {
    const input = await this.cardInput(label);
    if (input.kind !== 'text') throw new Error(`"${label}" is a ${input.kind}, not a text box.\n${await this.describe()}`);
    await input.element.fill(value);
  }

  /** Chooses an option of the card's choice set with this label (combobox, radios or check boxes). */
  async chooseCardOption(label: string, optionText: string): Promise<void> {
    const input = await this.cardInput(label);
    try {
      await pickOption(this.page, input, optionText);
    } catch (error) {
      throw new Error(`Could not choose "${optionText}" in "${label}" (${input.kind}): ${String(error)}\n${await this.describe()}`);
    }
  }

  /** Ticks (or clears) the card's toggle with this title. */
  async tickCardToggle(title: string, ticked = true): Promise<void> {
    await (await this.cardToggle(title)).setChecked(ticked);
  }

  /** True when the card's toggle with this title is ticked. */
  async isCardToggleTicked(title: string): Promise<boolean> {
    return (await this.cardToggle(title)).isChecked();
  }

  /** What the card's input with this label shows: its text, or its chosen options' texts joined by "; ". */
  async cardInputValue(label: string): Promise<string> {
    return shownValue(await this.cardInput(label));
  }

  /** Every card's text and the processes' output, for a failure message. */
  async describe(): Promise<string> {
    return `${await this.describeCards()}\n${this.diagnostics()}`;
  }

  /** Clicks the button with this title nearest to the card text `rowText` (e.g. the Continue beside a draft). */
  async clickCardButtonBeside(rowText: string, title: string): Promise<void> {
    // The row is the nearest element around the text that also holds such a button.
    const row = this.page.locator(CARD).getByText(rowText).first().locator(`xpath=ancestor::*[.//button[@title=${JSON.stringify(title)}]][1]`);
    const button = row.getByRole('button', { name: title, exact: true });
    if ((await button.count()) !== 1) throw new Error(`No card has one "${title}" button beside "${rowText}".\n${await this.describe()}`);
    await button.click();
  }

  /** The visible text of every card on the page, oldest first. */
  async cardTexts(): Promise<string[]> {
    return this.page.locator(CARD).allInnerTexts();
  }

  /** Saves a PNG of the whole page, first scrolling `showing` (e.g. a card) into view when given. */
  async screenshot(filePath: string, showing?: Locator): Promise<void> {
    await showing?.scrollIntoViewIfNeeded();
    await this.page.screenshot({ path: filePath, fullPage: false });
  }

  private messageBox(): Locator {
    return this.page.locator(MESSAGE_BOX).first();
  }

  private async cardInput(label: string): Promise<CardInput> {
    const cards = this.page.locator(CARD);
    const input = await findCardInput(cards, label);
    if (input) return input;
    const labels = (await cardLabels(cards)).map((l) => `"${l}"`).join(', ');
    throw new Error(`No card has an input labelled "${label}" (the cards' labels: ${labels || 'none'}).\n${await this.describe()}`);
  }

  private async cardToggle(title: string): Promise<Locator> {
    const box = await labelledElement(this.page.locator(CARD), title);
    if (box && (await box.getAttribute('type')) === 'checkbox') return box;
    throw new Error(`No card has a toggle titled "${title}".\n${await this.describe()}`);
  }

  private async describeCards(): Promise<string> {
    const texts = await this.cardTexts();
    if (texts.length === 0) return 'The page shows no cards.';
    return `Cards on the page:\n${texts.map((t, i) => `  [${i + 1}] ${t.replace(/\s+/g, ' ').trim()}`).join('\n')}`;
  }
}
