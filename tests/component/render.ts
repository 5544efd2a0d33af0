import type { LitElement } from 'lit';
import { afterEach, beforeEach } from 'vitest';
import { appLocalizer } from '../../src/i18n/app-localizer';

/** Creates an element, sets its properties, attaches it and waits for its first render. */
export async function renderElement<E extends LitElement>(tag: string, properties: Partial<E>): Promise<E> {
  const element = document.createElement(tag) as E;
  Object.assign(element, properties);
  document.body.append(element);
  await element.updateComplete;
  return element;
}

export function shadowText(element: Element, selector: string): string {
  const found = element.shadowRoot?.querySelector(selector);
  if (!found) throw new Error(`no ${selector} in <${element.localName}>`);
  return (found.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Every test of the calling suite starts in English and leaves an empty document behind. */
export function inEnglishOnACleanPage(): void {
  beforeEach(() => appLocalizer().setLanguage('en'));
  afterEach(() => document.body.replaceChildren());
}
