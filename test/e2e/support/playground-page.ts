import type { Locator, Page } from 'playwright-core';
import { cardLabels, findCardInput, labelledElement, optionTexts, pickOption, shownValue, type CardInput } from './card-form';

const CARD = '.ac-adaptiveCard';
/** The accessible names of the Playground's chats and channels in its list on the left (see .m365agentsplayground.yml). */
export const CONVERSATIONS = {
  personalChat: 'Personal Chat',
  /** The "Front Door – Duty" channel of the local team. */
  dutyChannel: 'Inclusion & SEND - Front Door – Duty',
  /** The local team's General channel, which stands in for the Panel channel. */
  panelChannel: 'Inclusion & SEND - General',
} as const;

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

  /** Opens a chat or channel from the list on the left by its accessible name (see CONVERSATIONS); the page then shows only its posts. */
  async openConversation(name: string): Promise<void> {
    const item = this.page.getByRole('treeitem', { name, exact: true });
    if ((await item.count()) !== 1) {
      const names = await this.page.getByRole('treeitem').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? '?'));
      throw new Error(`The Playground lists no chat or channel named "${name}" (it lists: ${names.map((n) => `"${n}"`).join(', ')}).`);
    }
    await item.click();
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
    // Click into the box first, as a person would: the Playground (0.2.28) renders a proactively posted
    // card afresh on the first click into it, and text filled before that is not sent with its buttons.
    await input.element.click();
    const box = await this.cardInput(label);
    await box.element.fill(value);
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

  /** The option texts of the card's radio or check-box set with this label, in the order shown. */
  async cardOptionTexts(label: string): Promise<string[]> {
    return optionTexts(await this.cardInput(label));
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

  /** Tries `find` until it finds something or the page's timeout passes: the card may still be on its way. */
  private async eventually<T>(find: () => Promise<T | undefined>): Promise<T | undefined> {
    const deadline = Date.now() + this.timeoutMs;
    for (;;) {
      const found = await find();
      if (found !== undefined || Date.now() > deadline) return found;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  private async cardInput(label: string): Promise<CardInput> {
    const cards = this.page.locator(CARD);
    const input = await this.eventually(() => findCardInput(cards, label));
    if (input) return input;
    const labels = (await cardLabels(cards)).map((l) => `"${l}"`).join(', ');
    throw new Error(`No card has an input labelled "${label}" (the cards' labels: ${labels || 'none'}).\n${await this.describe()}`);
  }

  private async cardToggle(title: string): Promise<Locator> {
    const cards = this.page.locator(CARD);
    const box = await this.eventually(async () => {
      const element = await labelledElement(cards, title);
      return element && (await element.getAttribute('type')) === 'checkbox' ? element : undefined;
    });
    if (box) return box;
    throw new Error(`No card has a toggle titled "${title}".\n${await this.describe()}`);
  }

  private async describeCards(): Promise<string> {
    const texts = await this.cardTexts();
    if (texts.length === 0) return 'The page shows no cards.';
    return `Cards on the page:\n${texts.map((t, i) => `  [${i + 1}] ${t.replace(/\s+/g, ' ').trim()}`).join('\n')}`;
  }
}
