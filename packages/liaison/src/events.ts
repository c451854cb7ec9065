/** The events of `<relais-liaison-form>`: ids and times only, never the content of a sheet. */

/** `relais-draft-saved`: the draft was saved on this device (id and time only). */
export class RelaisDraftSavedEvent extends Event {
  static readonly eventName = 'relais-draft-saved';
  constructor(
    readonly draftId: string,
    readonly savedAt: string,
  ) {
    super(RelaisDraftSavedEvent.eventName, { bubbles: true, composed: true });
  }
}

/** `relais-submit`: the sheet was received (ids only, never the content). */
export class RelaisSubmitEvent extends Event {
  static readonly eventName = 'relais-submit';
  constructor(
    readonly draftId: string,
    readonly receiptId: string | null,
    readonly state: 'sent' | 'queued',
    /** The template's id (`dlu-domicile`, `orientation`…). */
    readonly templateId?: string,
    /** The id of the kind of recipient chosen in the template (`plateforme-repit`…), never a name or an address. */
    readonly recipientType?: string,
  ) {
    super(RelaisSubmitEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'relais-draft-saved': RelaisDraftSavedEvent;
    'relais-submit': RelaisSubmitEvent;
  }
}
