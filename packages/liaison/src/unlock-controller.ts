/**
 * The passphrase step (`passphrase-mode` on a personal device): whether a passphrase already protects data here (the
 * step then says « saisissez » rather than « choisissez »), why the one typed was refused, and the draft opened with it.
 * No lifecycle of its own: it asks its host to render again when its state changes.
 */
import type { ReactiveControllerHost } from 'lit';
import { Vault } from './vault.js';
import type { T } from './views.js';

export class UnlockController {
  /** A passphrase already protects data on this device. */
  exists = false;
  /** Why the passphrase was refused ('' when it was not). */
  error = '';

  constructor(
    private readonly host: ReactiveControllerHost & { renderRoot: ParentNode; readonly dbName: string },
    private readonly options: { t: T; unlocked(passphrase: string): void },
  ) {}

  /** The step is shown: finds out whether a passphrase already protects data on this device. */
  ask(): void {
    void Vault.hasPassphrase(this.host.dbName).then((x) => this.set({ exists: x })).catch(() => undefined);
  }

  /** The step's form: a passphrase of 8 characters at least opens the draft (and leaves the field). */
  submit(e: Event): void {
    e.preventDefault();
    const input = this.host.renderRoot.querySelector<HTMLInputElement>('#passphrase')!;
    if (input.value.length < 8) {
      this.set({ error: this.options.t('passphraseShort') });
      input.focus();
      return;
    }
    this.set({ error: '' });
    this.options.unlocked(input.value);
    input.value = '';
  }

  set(patch: Partial<Pick<UnlockController, 'exists' | 'error'>>): void {
    Object.assign(this, patch);
    this.host.requestUpdate();
  }
}
