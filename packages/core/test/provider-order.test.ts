/**
 * A widget gets its provider's client and store whatever order the two elements are defined in. The CDN autoloader
 * defines each element when its chunk arrives: a widget inside <relais-provider> may be upgraded (and ask for the
 * context) before the provider is defined. Each case uses fresh tag names, since an element cannot be undefined.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { LitElement } from 'lit';
import { ContextConsumer } from '@lit/context';
import { RelaisElement, RelaisProvider, clientContext, storeContext, defineElement, createClient, type RelaisClient } from '@relais/core';

let n = 0;
/** A widget as the five are built: a Relais element consuming the client and the store (subscribed). */
function widgetClass() {
  return class extends RelaisElement {
    provided = new ContextConsumer(this, { context: clientContext, subscribe: true });
    store = new ContextConsumer(this, { context: storeContext, subscribe: true });
  };
}
type Widget = InstanceType<ReturnType<typeof widgetClass>>;
const names = () => {
  n += 1;
  return { provider: `relais-order-provider-${n}`, widget: `relais-order-widget-${n}` };
};
const dataset = { structures: [], services: [] };

/** Puts `html` in the page (nothing defined yet) and returns its container. */
function place(html: string): HTMLElement {
  const host = document.createElement('div');
  host.innerHTML = html;
  document.body.append(host);
  return host;
}

describe('provider and widgets defined in any order', () => {
  it('a widget upgraded before its provider gets the client and the store once the provider is defined', async () => {
    const t = names();
    const host = place(`<${t.provider} src="/examples/data/nievre.json"><div><${t.widget}></${t.widget}></div></${t.provider}>`);
    defineElement(t.widget, widgetClass());
    const widget = host.querySelector(t.widget) as Widget;
    expect(widget.provided.value, 'no provider yet').to.equal(undefined);
    defineElement(t.provider, class extends RelaisProvider {});
    const provider = host.querySelector(t.provider) as RelaisProvider;
    await provider.updateComplete;
    await waitUntil(() => widget.provided.value, 'the client reaches the widget', { timeout: 2000 });
    expect(widget.provided.value === provider.client, 'the provider’s value').to.equal(true);
    expect(widget.store.value === provider.store, 'the provider’s value').to.equal(true);
    const r = await (widget.provided.value as RelaisClient).search({ text: 'clic' });
    expect(r.total).to.be.greaterThan(0);
    // later changes still reach it (the subscription is the provider's)
    const other = createClient({ source: 'static', data: dataset });
    provider.client = other;
    expect(widget.provided.value === other, 'the provider’s value').to.equal(true);
    host.remove();
  });

  it('a provider upgraded before its widget (the other order) provides too', async () => {
    const t = names();
    const host = place(`<${t.provider}><${t.widget}></${t.widget}></${t.provider}>`);
    defineElement(t.provider, class extends RelaisProvider {});
    const provider = host.querySelector(t.provider) as RelaisProvider;
    provider.client = createClient({ source: 'static', data: dataset });
    defineElement(t.widget, widgetClass());
    const widget = host.querySelector(t.widget) as Widget;
    expect(widget.provided.value === provider.client, 'the provider’s value').to.equal(true);
    expect(widget.store.value === provider.store, 'the provider’s value').to.equal(true);
    host.remove();
  });

  it('two providers defined late: each widget gets its own provider’s client, not the first one’s', async () => {
    const t = names();
    const host = place(`<${t.provider} id="a"><${t.widget}></${t.widget}></${t.provider}><section><${t.provider} id="b"><${t.widget}></${t.widget}></${t.provider}></section>`);
    defineElement(t.widget, widgetClass());
    class Late extends RelaisProvider {
      constructor() {
        super();
        this.client = createClient({ source: 'static', data: dataset });
      }
    }
    defineElement(t.provider, Late);
    const [a, b] = [...host.querySelectorAll(t.provider)] as RelaisProvider[];
    const [wa, wb] = [...host.querySelectorAll(t.widget)] as Widget[];
    expect(a.client !== b.client, 'two clients').to.equal(true);
    expect(wa.provided.value === a.client, 'first widget').to.equal(true);
    expect(wb.provided.value === b.client, 'second widget').to.equal(true);
    expect(wb.store.value === b.store, 'the provider’s value').to.equal(true);
    host.remove();
  });

  it('a consumer in a shadow root (any Lit element using clientContext), defined before the provider, gets the client', async () => {
    const t = names();
    const inner = `relais-order-inner-${n}`;
    defineElement(
      inner,
      class extends LitElement {
        provided = new ContextConsumer(this, { context: clientContext, subscribe: true });
      },
    );
    const host = place(`<${t.provider}><div class="shell"></div></${t.provider}>`);
    const shadow = host.querySelector('.shell')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = `<${inner}></${inner}>`;
    const consumer = shadow.querySelector(inner) as HTMLElement & { provided: ContextConsumer<typeof clientContext, LitElement> };
    expect(consumer.provided.value).to.equal(undefined);
    const client = createClient({ source: 'static', data: dataset });
    class Late extends RelaisProvider {
      constructor() {
        super();
        this.client = client;
      }
    }
    defineElement(t.provider, Late);
    expect(consumer.provided.value === client, 'the provider’s value').to.equal(true);
    host.remove();
  });
});
