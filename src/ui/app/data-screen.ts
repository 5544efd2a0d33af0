import { css, html, nothing } from 'lit';
import { customElement, state, property } from 'lit/decorators.js';
import { LocalizedElement } from '../localized-element';
import { appLocalizer } from '../../i18n/app-localizer';
import type { AtlasDb } from '../../store/atlas-db-schema';
import { exportCsv } from '../../store/export-csv';
import { exportJson } from '../../store/export-json';
import { importJson } from '../../store/import-json';
import { deleteAllData } from '../../store/store-queries';
import { elementStyles } from '../styles/shared-styles';

function download(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}

/** Export (CSV, JSON), import (validated JSON) and delete everything. Emits `atlas-data-changed`. */
@customElement('atlas-data-screen')
export class DataScreen extends LocalizedElement {
  static override styles = elementStyles(
    css`
      .actions { display: flex; flex-wrap: wrap; gap: 0.75rem; margin: 0.75rem 0; }
      input[type='file'] { border: none; padding: 0; }
    `,
  );

  @property({ attribute: false }) db: AtlasDb | null = null;
  @state() private message: { readonly tone: 'ok' | 'error'; readonly text: string } | null = null;

  override render() {
    const { t } = this.l10n;
    return html`
      <h2>${t('data.heading')}</h2>
      <p>${t('privacy.body3')}</p>
      <div class="actions">
        <button data-testid="export-json" @click=${() => void this.exportJson()}>⬇ ${t('data.exportJson')}</button>
        <button data-testid="export-csv" @click=${() => void this.exportCsv()}>⬇ ${t('data.exportCsv')}</button>
      </div>
      <div class="actions">
        <label>⬆ ${t('data.import')}
          <input type="file" accept="application/json,.json" data-testid="import-json" @change=${(event: Event) => void this.importFile(event)} />
        </label>
      </div>
      <div class="actions">
        <button class="danger" data-testid="delete-all" @click=${() => void this.deleteAll()}>${t('data.deleteAll')}</button>
      </div>
      ${this.message === null
        ? nothing
        : html`<p role=${this.message.tone === 'error' ? 'alert' : 'status'} data-testid="data-message">
            ${this.message.tone === 'error' ? '⚠' : '✓'} ${this.message.text}
          </p>`}
    `;
  }

  private stamp(): string {
    return new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-');
  }

  private async exportJson(): Promise<void> {
    if (this.db === null) return;
    download(`atlas-${this.stamp()}.json`, await exportJson(this.db, new Date().toISOString()), 'application/json');
  }

  private async exportCsv(): Promise<void> {
    if (this.db === null) return;
    const { reps, sessions } = await exportCsv(this.db);
    download(`atlas-reps-${this.stamp()}.csv`, reps, 'text/csv');
    download(`atlas-sessions-${this.stamp()}.csv`, sessions, 'text/csv');
  }

  private async importFile(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    if (this.db === null || file === undefined) return;
    const localizer = appLocalizer();
    try {
      const report = await importJson(this.db, await file.text());
      this.message = { tone: 'ok', text: localizer.t('data.importOk', { count: report.sessions }) };
      this.dispatchEvent(new CustomEvent('atlas-data-changed', { bubbles: true, composed: true }));
    } catch (error) {
      this.message = { tone: 'error', text: localizer.t('data.importFailed', { message: error instanceof Error ? error.message : String(error) }) };
    } finally {
      input.value = '';
    }
  }

  private async deleteAll(): Promise<void> {
    if (this.db === null || !confirm(appLocalizer().t('data.deleteConfirm'))) return;
    await deleteAllData(this.db);
    this.message = { tone: 'ok', text: appLocalizer().t('data.deleted') };
    this.dispatchEvent(new CustomEvent('atlas-data-changed', { bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'atlas-data-screen': DataScreen;
  }
}
