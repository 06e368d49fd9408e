import type { Locator, Page } from 'playwright-core';

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

  /** The visible text of every card on the page, oldest first. */
  async cardTexts(): Promise<string[]> {
    return this.page.locator(CARD).allInnerTexts();
  }

  /** Saves a PNG of the whole page. */
  async screenshot(filePath: string): Promise<void> {
    await this.page.screenshot({ path: filePath, fullPage: false });
  }

  private messageBox(): Locator {
    return this.page.locator(MESSAGE_BOX).first();
  }

  private async describeCards(): Promise<string> {
    const texts = await this.cardTexts();
    if (texts.length === 0) return 'The page shows no cards.';
    return `Cards on the page:\n${texts.map((t, i) => `  [${i + 1}] ${t.replace(/\s+/g, ' ').trim()}`).join('\n')}`;
  }
}
