/**
 * wrapClient in a browser: the wrapper can be listened to (the client's EventTarget), where `Object.create(client)`
 * cannot (« Illegal invocation »); an element's SourceController follows the wrapper's diagnostics, and says in the
 * console to use wrapClient when given an Object.create wrapper (which still works, without diagnostics).
 */
import { expect } from '@open-wc/testing';
import { LitElement } from 'lit';
import { createClient, defineElement, wrapClient, DiagnosticsEvent, SourceController, type RelaisClient } from '@relais/core';

const inner = () => createClient({ source: 'static', data: { structures: [], services: [] } });

class WrapHost extends LitElement {
  heard = 0;
  readonly ctl: SourceController = new SourceController(this, { diagnostics: () => this.heard++ });
}
defineElement('relais-wrap-host', WrapHost);

describe('wrapClient', () => {
  it('is the client’s EventTarget; an Object.create wrapper is refused by the browser', () => {
    const c = inner();
    const created = Object.create(c) as RelaisClient;
    expect(() => created.addEventListener('diagnostics', () => undefined)).to.throw(TypeError);
    const wrapped = wrapClient(c, {});
    let heard = 0;
    wrapped.addEventListener('diagnostics', () => heard++);
    c.dispatchEvent(new DiagnosticsEvent(c.diagnostics));
    expect(heard).to.equal(1);
  });

  it('a widget’s SourceController follows the wrapper’s diagnostics; an Object.create wrapper works without, and the console says so', async () => {
    const warned: unknown[] = [];
    const warn = console.warn;
    console.warn = (...a: unknown[]) => void warned.push(a.join(' '));
    const host = document.createElement('relais-wrap-host') as WrapHost;
    document.body.append(host);
    try {
      const c = inner();
      host.ctl.explicitClient = wrapClient(c, {});
      host.requestUpdate();
      await host.updateComplete;
      expect(host.heard).to.equal(1);
      c.dispatchEvent(new DiagnosticsEvent(c.diagnostics));
      expect(host.heard).to.equal(2);
      expect(warned).to.deep.equal([]);

      const d = inner();
      host.ctl.explicitClient = Object.create(d) as RelaisClient;
      host.requestUpdate();
      await host.updateComplete;
      expect(host.heard).to.equal(3);
      d.dispatchEvent(new DiagnosticsEvent(d.diagnostics));
      expect(host.heard).to.equal(3);
      expect(warned).to.have.length(1);
      expect(String(warned[0])).to.match(/wrapClient/);
      expect(String(warned[0])).to.match(/Relais : client sans événements/);
    } finally {
      console.warn = warn;
      host.remove();
    }
  });
});
