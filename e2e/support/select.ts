import type { Locator, Page } from 'playwright-core';

/**
 * Chooses an option of an Ant Design select by typing part of its text and clicking the option that
 * shows it. Selects that search on the server (the locality pickers) answer after a pause, so the
 * option is waited for rather than taking whatever is first when Enter is pressed.
 *
 * @param page - the page the select's pop-up opens in
 * @param select - the select's combobox
 * @param text - what to type, found in the option's text
 */
export const chooseOption = async (page: Page, select: Locator, text: string): Promise<void> => {
  await select.click();
  await select.fill(text);
  const option = page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: text });
  await option.first().click();
};
